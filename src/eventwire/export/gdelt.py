"""GDELT 2.0 Events rows (61 tab-separated columns, no header) plus our evidence columns.

Column order follows the GDELT 2.0 Event codebook. Columns GDELT fills from its own knowledge bases
that we do not have (ethnic and religion codes, ADM2 codes, tone) stay empty; NumMentions, NumSources
and NumArticles are 1 for a single article (the store merges across articles).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

from ..model import Analysis, Event, EventSide, Place

__all__ = ["EXTRA_COLUMNS", "GDELT_EVENT_COLUMNS", "gdelt_rows", "header"]

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
#: Our additions, after GDELT's 61 columns.
EXTRA_COLUMNS: tuple[str, ...] = (
    "ArticleID",
    "EventID",
    "PLOVER",
    "Modality",
    "Confidence",
    "EvidenceStart",
    "EvidenceEnd",
    "TriggerText",
    "EvidenceText",
)
KNOWN_GROUP_SECTORS = frozenset({"IGO", "NGO", "IMG", "REB", "INS"})
GEO_TYPES = {
    "country": 1,
    "admin1": 5,
    "region": 1,
}  # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state


def header() -> list[str]:
    return [*GDELT_EVENT_COLUMNS, *EXTRA_COLUMNS]


def _event_id(article_id: str, event_id: str) -> int:
    digest = hashlib.blake2b(f"{article_id}\x00{event_id}".encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def _actor_cols(side: EventSide | None, analysis: Analysis) -> list[Any]:
    if side is None:
        return [""] * 10
    actor = analysis.actor(side.actor)
    name = (actor.name if actor else side.text) or ""
    sector = side.sector or ""
    group = sector if sector in KNOWN_GROUP_SECTORS else ""
    code = side.code or ((side.country or "") + sector)
    return [code, name.upper(), side.country or "", group, "", "", "", sector, "", ""]


def _geo_type(place: Place) -> int:
    if place.feature in GEO_TYPES:
        if place.feature == "admin1" and place.country == "USA":
            return 2
        return GEO_TYPES[place.feature]
    return 3 if place.country == "USA" else 4


def _geo_cols(place: Place | None) -> list[Any]:
    if place is None:
        return [0, "", "", "", "", "", "", ""]
    return [
        _geo_type(place),
        place.name,
        place.country or "",
        place.admin1 or "",
        "",
        _num(place.lat),
        _num(place.lon),
        place.geonameid or "",
    ]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _date_cols(day: dt.date | None) -> list[Any]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor_geo(side: EventSide | None, analysis: Analysis) -> Place | None:
    """A place that names the actor's own country, when the article has one."""
    if side is None or side.country is None:
        return None
    return next((p for p in analysis.places if p.feature == "country" and p.country == side.country), None)


def event_row(event: Event, analysis: Analysis, is_root: bool, added: dt.date) -> list[Any]:
    art = analysis.article
    day = event.date.start if event.date else art.published
    base = event.cameo[:3]
    row: list[Any] = [_event_id(art.id, event.id), *_date_cols(day)]
    row += _actor_cols(event.source, analysis) + _actor_cols(event.target, analysis)
    row += [int(is_root), event.cameo, base, event.root, event.quad, f"{event.goldstein:.1f}", 1, 1, 1, ""]
    row += _geo_cols(_actor_geo(event.source, analysis)) + _geo_cols(_actor_geo(event.target, analysis))
    row += _geo_cols(event.location)
    row += [added.strftime("%Y%m%d000000"), art.url or art.id]
    row += [
        art.id,
        event.id,
        event.plover or "",
        event.modality,
        f"{event.confidence:.3f}",
        event.evidence.start,
        event.evidence.end,
        event.trigger.text,
        _one_line(event.evidence.text),
    ]
    return row


def _one_line(text: str) -> str:
    return " ".join(text.split())


def gdelt_rows(analysis: Analysis, added: dt.date | None = None) -> Iterator[list[Any]]:
    """One row per event. IsRootEvent marks events from the article's first paragraph, as GDELT does."""
    added = added or dt.date.today()
    first_par_end = analysis.article.text.find("\n\n")
    for event in analysis.events:
        is_root = first_par_end < 0 or event.evidence.start < first_par_end
        yield event_row(event, analysis, is_root, added)
