"""Word lists of the actor coder beyond the lexicon, loaded and checked once per process.

- ``data/names.yaml``: family names written first ("Lee Jae-myung" ... "Lee"), for bare-surname coreference;
  honorifics and title suffixes that keep a title and a name one phrase ("Dr the Rt. Hon. X", "President-elect X").
- ``data/references.yaml``: nouns that, after "the", refer back to an organisation named shortly before
  ("the ministry", "the paper", "the group").
- ``data/bodies.yaml``: words of unknown names that give an organisation's sector ("University" -> EDU) or
  make the name a place ("Street", "Airport", "-allee").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ConfigError
from ..yamlfile import load_yaml

__all__ = [
    "BodyWords",
    "NameRules",
    "RefNoun",
    "References",
    "body_words",
    "name_order",
    "parse_bodies",
    "parse_references",
    "references",
]


def _load(name: str) -> Any:
    text = resources.files("eventwire.actors").joinpath("data", name).read_text(encoding="utf-8")
    return load_yaml(text)


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
    #: "reporting by", "editing by": a line of credits, whose names are no actors
    credit_cues: tuple[str, ...] = ()

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
        tuple(sorted(_words(raw.get("credit_cues"), "names.yaml credit_cues"))),
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
    #: verbs whose subject "it" refers to nothing ("it seems") or to a thing
    it_not_agentive: frozenset[str] = frozenset()


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
    verbs = _words(raw.get("it_verbs_not_agentive", []), "references.yaml it_verbs_not_agentive")
    return References(raw["window"], nouns, verbs)


@dataclass(frozen=True, slots=True)
class BodyWords:
    """Name words that tell an unknown organisation's sector, or that the name is a place."""

    sectors: dict[str, str]
    places: frozenset[str]
    place_endings: tuple[str, ...]
    #: words that make a body of an international sector a national one ("National Lawyers Guild")
    domestic: frozenset[str] = frozenset()
    #: last words that make a name a body of no sector ("People Power Party")
    unsectored: frozenset[str] = frozenset()

    def sector(self, words: list[str]) -> str | None:
        """The sector the last telling word of a name gives ("University Hospital" -> HLH)."""
        found = [self.sectors[k] for w in words if (k := _key(w)) in self.sectors]
        return found[-1] if found else None

    def is_place(self, words: list[str]) -> bool:
        """ "Lüderitz Street", "Ben Gurion Airport", "Petersallee": a street, square or site, not an actor."""
        if not words:
            return False
        last = _key(words[-1])
        return last in self.places or (len(words) == 1 and last.endswith(self.place_endings))

    def unsectored_name(self, words: list[str]) -> bool:
        """ "People Power Party": a body whose last word leaves it without a sector."""
        return bool(words) and _key(words[-1]) in self.unsectored

    def is_domestic(self, words: list[str]) -> bool:
        """ "National Lawyers Guild": a body of one country, whatever its sector."""
        return any(_key(w) in self.domestic for w in words)


@cache
def body_words() -> BodyWords:
    return parse_bodies(_load("bodies.yaml"))


def parse_bodies(raw: Any) -> BodyWords:
    """Checks and reads the content of ``bodies.yaml``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("sectors"), dict):
        raise ConfigError("bodies.yaml: expected sectors (mapping), places and place_endings (lists)")
    sectors: dict[str, str] = {}
    for sector, words in raw["sectors"].items():
        if sector not in SECTORS:
            raise ConfigError(f"bodies.yaml: unknown sector {sector!r}")
        for w in _words(words, f"bodies.yaml sectors {sector}"):
            if w in sectors:
                raise ConfigError(f"bodies.yaml: {w!r} listed under {sectors[w]} and {sector}")
            sectors[w] = str(sector)
    places = _words(raw.get("places"), "bodies.yaml places")
    endings = tuple(sorted(_words(raw.get("place_endings"), "bodies.yaml place_endings")))
    domestic = _words(raw.get("domestic", []), "bodies.yaml domestic")
    unsectored = _words(raw.get("unsectored", []), "bodies.yaml unsectored")
    return BodyWords(sectors, places, endings, domestic, unsectored)
