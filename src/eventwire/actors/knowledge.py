"""The actor coder's knowledge: countries, organisations, sector terms and people, loaded once.

``lexicon()`` is the lexicon made active by ``using_actor_lexicon`` (a pipeline whose knowledge has people
of a user's files does so around its stages: ``eventwire.knowledge``), else the package's own.

Every data file lives in ``actors/data``, except the countries, regions and their homonyms, read from the
one country table (``eventwire.knowledge.countries``). Entries are indexed by a *key*: the lower-cased text with
single spaces, so a run of spaCy tokens matches an entry when its lower-cased text (tokens joined with
the whitespace that followed them) equals the key, however spaCy split the words ("al-Qaeda").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from spacy.strings import get_string_id

from ..active import Active
from ..vocabulary import default_vocabulary, using_vocabulary, vocabulary
from ..wordlists import word_lists

_WORDS = word_lists("eventwire.actors")

__all__ = [
    "Country",
    "Entry",
    "Lexicon",
    "Person",
    "Role",
    "build_lexicon",
    "default_lexicon",
    "key_of",
    "lexicon",
    "load_countries",
    "load_people",
    "people_entries",
    "person_of",
    "using_actor_lexicon",
]

EntryKind = Literal["country", "demonym", "capital", "region", "org", "sector", "person", "countryref"]
CaseRule = Literal["exact", "cap", "any"]


def key_of(text: str) -> str:
    """The lookup key of a text: lower case, curly apostrophes straightened, single spaces."""
    return " ".join(text.replace("’", "'").lower().split())


def case_rule(text: str) -> CaseRule:
    """Acronyms must match exactly, proper names need a capital first letter, terms match any case."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    if text[:1].isupper():
        return "cap"
    return "any"


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: what a matched stretch of text refers to."""

    kind: EntryKind
    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    #: "person" for titles of one person, "group" for bodies; for orgs "organization"/"group".
    agent: str = "group"
    case: CaseRule = "any"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def adjective(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True, slots=True)
class Role:
    country: str | None
    sector: str
    title: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    surname: str
    gender: str
    roles: tuple[Role, ...]
    #: a bare surname that names other people too ("Shah", "Hassan"): only the full name identifies them
    ambiguous: bool = False

    def role_at(self, day: dt.date | None) -> Role:
        """The role held on ``day``; without a date (or outside every role) the first, most prominent."""
        if day is not None:
            held = [r for r in self.roles if r.covers(day)]
            if held:
                return held[0]
            dated = [r for r in self.roles if r.start is not None and r.start <= day]
            if dated:
                return max(dated, key=lambda r: r.end or dt.date.max)
        return self.roles[0]


@dataclass(frozen=True)
class Lexicon:
    """Key -> entry, with every key prefix (to stop scanning early) and the people by surname."""

    entries: dict[str, Entry]
    prefixes: frozenset[str]
    countries: dict[str, Country]
    people: dict[str, Person]
    surnames: dict[str, tuple[Person, ...]]
    max_tokens: int = 10
    #: spaCy string ids of the one-word surname keys (to find them without walking every token)
    surname_ids: frozenset[int] = frozenset()
    #: place key -> the other countries that have a place of that name ("tripoli" -> LBN)
    homonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("eventwire.actors").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@cache
def load_countries() -> dict[str, Country]:
    """The countries the actor coder codes, from the country table (``eventwire.knowledge.countries``)."""
    from ..knowledge.countries import country_table  # the knowledge package imports this module

    return {r.iso3: Country(r.iso3, r.name, r.names, r.demonyms, r.capitals) for r in country_table().named()}


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 1, 1)
    return dt.date.fromisoformat(text)


def _role(raw: list[Any]) -> Role:
    country = None if raw[0] in ("-", None) else str(raw[0])
    start = _date(raw[3]) if len(raw) > 3 else None
    end = _date(raw[4]) if len(raw) > 4 else None
    if end is not None and len(str(raw[4])) == 4:
        end = dt.date(end.year, 12, 31)
    return Role(country, str(raw[1]), str(raw[2]), start, end)


def person_of(item: dict[str, Any]) -> Person:
    """A person of a ``people.yaml`` entry (a mapping: name, roles, and optional aliases, surname, gender,
    ambiguous)."""
    name = str(item["name"])
    aliases = tuple(str(a) for a in item.get("aliases") or ())
    surname = str(item.get("surname") or name.split()[-1])
    roles = tuple(_role(r) for r in item["roles"])
    gender = str(item.get("gender", "m"))
    return Person(name, aliases, surname, gender, roles, bool(item.get("ambiguous", False)))


@cache
def people_entries() -> tuple[dict[str, Any], ...]:
    """The raw entries of ``data/people.yaml``, in file order."""
    text = resources.files("eventwire.actors").joinpath("data", "people.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster
    return tuple(yaml.load(text, Loader=loader))  # a safe loader (C or pure Python)


@cache
def load_people() -> tuple[Person, ...]:
    return tuple(person_of(item) for item in people_entries())


def _add(entries: dict[str, Entry], text: str, entry: Entry) -> None:
    key = key_of(text)
    if key and key not in entries:
        entries[key] = entry


def _org_entries(entries: dict[str, Entry], rows: Iterable[Sequence[str]] | None = None) -> None:
    """The organisations of ``rows`` ([code, country, sector, kind, names joined by |]; "-": none; default:
    organizations.tsv)."""
    for row in _data_lines("organizations.tsv") if rows is None else rows:
        code, country, sector, agent, names = (None if cell == "-" else cell for cell in row[:5])
        forms = _split(names or "")
        for form in forms:
            _add(entries, form, Entry("org", form, forms[0], country, sector, code, agent or "group", case_rule(form)))


SIBILANT_ENDINGS = _WORDS.ordered("sibilant_endings")


#: the vocabulary lists the lexicon is built from (a pipeline whose vocabulary changes one builds its own)
LEXICON_VOCABULARY = ("actors.country_refs", "actors.state_forms", "actors.state_form_openings")


def state_forms(name: str) -> tuple[str, ...]:
    """ "Morocco" -> "Kingdom of Morocco", "Republic of Morocco", ...; none for acronyms."""
    vocab = vocabulary()
    if case_rule(name) != "cap" or name.lower().startswith(vocab.ordered("actors.state_form_openings")):
        return ()
    return tuple(f"{prefix[:1].upper()}{prefix[1:]} {name}" for prefix in vocab.ordered("actors.state_forms"))


def _country_entries(entries: dict[str, Entry], countries: dict[str, Country]) -> None:
    for c in countries.values():
        for form in c.names:
            _add(entries, form, Entry("country", form, c.name, c.iso3, None, c.iso3, "country", case_rule(form)))
    for c in countries.values():  # after every listed name, so "Republic of China" stays Taiwan's
        for name in c.names:
            for form in state_forms(name):
                entry = entries.get(key_of(form)) or Entry(
                    "country", form, c.name, c.iso3, None, c.iso3, "country", "cap"
                )
                _add(entries, form, entry)
                _add(entries, f"the {form}", entry)  # longer than the back-reference "the republic"
        for form in c.demonyms:
            _add(entries, form, Entry("demonym", form, c.name, c.iso3, None, c.iso3, "country", case_rule(form)))
        for form in c.capitals:
            _add(entries, form, Entry("capital", form, c.name, c.iso3, "GOV", c.iso3, "country", case_rule(form)))


def _region_entries(entries: dict[str, Entry], countries: dict[str, Country]) -> None:
    """Provinces and cities with one clear country ("Darfur", "Sindh province") and their people
    ("Chechen", "Uighurs"), after every country name."""
    from ..knowledge.countries import country_table  # the knowledge package imports this module

    for region in country_table().regions:
        country = countries[region.iso3]  # the table checks that every region's country is named
        for form in region.names:
            _add(entries, form, Entry("region", form, country.name, country.iso3, None, country.iso3, "country", "cap"))
        for form in region.demonyms:
            entry = Entry("demonym", form, country.name, country.iso3, None, country.iso3, "country", "cap")
            _add(entries, form, entry)


def _sector_entries(entries: dict[str, Entry], rows: Iterable[Sequence[str]] | None = None) -> None:
    """The sector terms of ``rows`` ([term, sector or "-", person or group]; default: sectors.tsv)."""
    for row in _data_lines("sectors.tsv") if rows is None else rows:
        term, sector_cell, agent = row[:3]
        sector = None if sector_cell == "-" else sector_cell
        _add(entries, term, Entry("sector", term, term, None, sector, None, agent, "any"))
        if agent == "person" and sector and not term.endswith("."):
            plural = term + ("es" if term.endswith(SIBILANT_ENDINGS) else "s")
            if key_of(plural) not in entries:
                entries[key_of(plural)] = Entry("sector", plural, term, None, sector, None, "group", "any")
    if rows is not None:
        return
    for ref in vocabulary().ordered("actors.country_refs"):
        _add(entries, ref, Entry("countryref", ref, ref, agent="country"))


def _person_entries(entries: dict[str, Entry], people: tuple[Person, ...]) -> dict[str, Person]:
    by_name: dict[str, Person] = {}
    for p in people:
        for form in (p.name, *p.aliases):
            by_name.setdefault(key_of(form), p)
            _add(entries, form, Entry("person", form, p.name, agent="person", case="cap"))
    return by_name


def build_lexicon(
    people: tuple[Person, ...],
    titles: Sequence[Sequence[str]] = (),
    organizations: Sequence[Sequence[str]] = (),
) -> Lexicon:
    """The lexicon of the package's countries, organisations and sector terms, and of ``people`` (where two
    share a name or alias, the first wins); a user's ``titles`` and ``organizations`` (rows as in
    sectors.tsv and organizations.tsv) come before the package's, so theirs win."""
    countries = load_countries()
    entries: dict[str, Entry] = {}
    by_name = _person_entries(entries, people)
    _org_entries(entries, organizations)
    _sector_entries(entries, titles)
    _org_entries(entries)
    _country_entries(entries, countries)
    _region_entries(entries, countries)
    _sector_entries(entries)
    prefixes = {k[:i] for k in entries for i in range(1, len(k) + 1)}
    surnames: dict[str, list[Person]] = {}
    for p in people:
        if not p.ambiguous:
            surnames.setdefault(key_of(p.surname), []).append(p)
    ids = frozenset(get_string_id(v) for k in surnames if " " not in k for v in {k, k.replace("'", "’")})
    from ..knowledge.countries import country_table  # the knowledge package imports this module

    homonyms = {key_of(name): others for name, others in country_table().homonyms}
    return Lexicon(
        entries, frozenset(prefixes), countries, by_name, {k: tuple(v) for k, v in surnames.items()}, 10, ids, homonyms
    )


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the package's own files (and the package's own vocabulary, whichever is active)."""
    with using_vocabulary(default_vocabulary()):
        return build_lexicon(load_people())


_ACTIVE: Active[Lexicon] = Active("actor_lexicon")


def lexicon() -> Lexicon:
    """The actor lexicon of the pipeline now running (``using_actor_lexicon``), else the package's own."""
    return _ACTIVE.get() or default_lexicon()


def using_actor_lexicon(lex: Lexicon) -> AbstractContextManager[Lexicon]:
    """Make ``lex`` the one ``lexicon()`` returns inside the block (in this thread or task only)."""
    return _ACTIVE.using(lex)
