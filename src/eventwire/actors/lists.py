"""Word lists of the actor coder beyond the lexicon, loaded and checked once per process.

- ``data/names.yaml``: family names written first ("Lee Jae-myung" ... "Lee"), for bare-surname coreference;
  honorifics and title suffixes that keep a title and a name one phrase ("Dr the Rt. Hon. X", "President-elect X").
- ``data/references.yaml``: nouns that, after "the", refer back to an organisation named shortly before
  ("the ministry", "the paper", "the group").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError

__all__ = ["NameRules", "RefNoun", "References", "name_order", "parse_references", "references"]


def _load(name: str) -> Any:
    text = resources.files("eventwire.actors").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _key(text: str) -> str:
    """The lookup key of a word (as ``knowledge.key_of``, which imports this module)."""
    return " ".join(text.replace("’", "'").lower().split())


def _words(raw: Any, where: str) -> frozenset[str]:
    """A list of non-empty strings, as lookup keys."""
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise ConfigError(f"{where}: expected a list of words")
    return frozenset(_key(w) for w in raw)


@dataclass(frozen=True, slots=True)
class NameRules:
    """Which family names come first in a name; words that may join a title to a name."""

    family_first: frozenset[str]
    honorifics: frozenset[str]
    title_suffixes: frozenset[str]

    def first_is_family(self, words: list[str]) -> bool:
        """ "Lin Jian", "Lee Jae-myung": the first of two or three words is the family name."""
        if not 2 <= len(words) <= 3:
            return False
        if _key(words[0]) in self.family_first:
            return True
        given = words[1].split("-")
        return len(words) == 2 and len(given) == 2 and given[0][:1].isupper() and given[1][:1].islower()

    def title_glue(self, words: list[str]) -> bool:
        """Whether the lower-case words between a title and a name only join them: honorifics ("the Rt.
        Hon."; their dots) or a hyphenated title suffix ("-elect")."""
        if words[:2] in (["-", w] for w in self.title_suffixes):
            words = words[2:]
        return all(w == "." or w in self.honorifics for w in words)


@cache
def name_order() -> NameRules:
    raw = _load("names.yaml")
    if not isinstance(raw, dict):
        raise ConfigError("names.yaml: expected a mapping")
    return NameRules(
        _words(raw.get("family_first"), "names.yaml family_first"),
        _words(raw.get("honorifics"), "names.yaml honorifics"),
        _words(raw.get("title_suffixes"), "names.yaml title_suffixes"),
    )


#: The CAMEO sector codes an organisation can have.
SECTORS = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "COP", "REB", "INS", "OPP", "CVL", "BUS", "MED", "EDU", "HLH", "REF", "IGO",
        "NGO", "IMG", "SPY", "CRM", "LAB", "ELI", "AGR", "ENV", "MOD", "RAD", "UAF", "REL", "SEP", "DEV", "HRI",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RefNoun:
    """What "the NOUN" may refer back to: an organisation with one of ``words`` in its name, or a named
    organisation of one of ``sectors``."""

    words: frozenset[str]
    sectors: frozenset[str]

    def fits(self, name: str, sector: str | None) -> bool:
        return bool(self.words & {_key(w) for w in name.split()}) or (sector is not None and sector in self.sectors)


@dataclass(frozen=True, slots=True)
class References:
    """Definite back-references: noun -> what it may refer to, within ``window`` sentences."""

    window: int
    nouns: dict[str, RefNoun]


@cache
def references() -> References:
    return parse_references(_load("references.yaml"))


def parse_references(raw: Any) -> References:
    """Checks and reads the content of ``references.yaml``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("nouns"), dict) or not isinstance(raw.get("window"), int):
        raise ConfigError("references.yaml: expected window (int) and nouns (mapping)")
    nouns = {}
    for noun, spec in raw["nouns"].items():
        where = f"references.yaml {noun}"
        if not isinstance(spec, dict) or not (spec.keys() <= {"words", "sectors"}) or not spec:
            raise ConfigError(f"{where}: expected words and/or sectors")
        sectors = frozenset(str(s) for s in spec.get("sectors", ()))
        if not sectors <= SECTORS:
            raise ConfigError(f"{where}: unknown sector {sorted(sectors - SECTORS)}")
        words = _words(spec["words"], where) if "words" in spec else frozenset()
        nouns[_key(str(noun))] = RefNoun(words, sectors)
    return References(raw["window"], nouns)
