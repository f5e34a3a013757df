"""A store's merged events as GDELT 2.0 Events rows and its event mentions as GDELT Mentions rows.

The rows come from the same writer as ``code --format gdelt`` (``export/gdelt.py``): a merged event takes
its actors, code and Goldstein score from its most confident mention, its place from the mention that
located it, IsRootEvent from any mention told in its article's lead, DATEADDED and SOURCEURL from the
earliest-stored article that tells it. ADM1 codes and GeoNames ids, which the store does not keep, are
looked up again in the gazetteer by the place's name, country and coordinates.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from ..export.gdelt import GdeltActor, GdeltEvent, GdeltGeo, GdeltMention, country_geo

__all__ = ["event_from_row", "events_sql", "mention_from_row", "mentions_sql"]

#: one row per mention with its article facts and whether it is in the article's lead, for every merged event
#: one of whose mentions meets ``shown`` (so a merged event is exported with all its mentions, as NumMentions
#: counts them)
_MENTIONS = """
SELECT em.merged, e.*, a.id AS article_id, a.url, a.source AS outlet, a.ingested_at, a.published,
       length(a.text) AS doc_len,
       e.evidence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0) - 1, length(a.text)) AS in_lead,
       len(regexp_extract_all(substr(a.text, 1, e.evidence_start),
                              '[.!?]["''”’)\\]]*\\s+|\\n\\s*\\n')) + 1 AS sentence,
       (SELECT min(x."start") FROM mentions x WHERE x.article = e.article AND x.actor = e.source_actor
        AND x."start" >= e.evidence_start AND x."end" <= e.evidence_end) AS source_start,
       (SELECT min(x."start") FROM mentions x WHERE x.article = e.article AND x.actor = e.target_actor
        AND x."start" >= e.evidence_start AND x."end" <= e.evidence_end) AS target_start
FROM event_mentions em JOIN events e ON e.article = em.article AND e.event = em.event
JOIN articles a ON a.hash = em.article
WHERE em.merged IN (SELECT em.merged FROM event_mentions em JOIN events e ON e.article = em.article
                    AND e.event = em.event WHERE {shown})
"""
_EVENTS = """
WITH m AS ({mentions}),
best AS (SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY merged ORDER BY confidence DESC, cameo DESC) = 1),
first AS (SELECT merged, url, article_id, ingested_at, published FROM m
          QUALIFY row_number() OVER (PARTITION BY merged ORDER BY ingested_at, published NULLS LAST, article_id) = 1),
roots AS (SELECT merged, bool_or(in_lead) AS is_root FROM m GROUP BY merged),
places AS (SELECT name, lat, lon, country, any_value(feature) AS feature FROM places GROUP BY ALL)
SELECT me.*, b.source_code, b.target_code, b.event AS best_event, b.modality, b.evidence_start, b.evidence_end,
       b.trigger, b.article_id AS best_article, f.url, f.article_id AS first_article_id, f.ingested_at,
       f.published AS first_published,
       r.is_root, p.feature
FROM merged_events me JOIN best b ON b.merged = me.id JOIN first f ON f.merged = me.id
JOIN roots r ON r.merged = me.id
LEFT JOIN places p ON p.name = me.location AND p.lat = me.lat AND p.lon = me.lon
  AND p.country IS NOT DISTINCT FROM me.location_country
ORDER BY me.date NULLS LAST, me.id
"""
_MENTIONS_ORDERED = """
WITH m AS ({mentions})
SELECT *, min(ingested_at) OVER (PARTITION BY merged) AS event_added FROM m
ORDER BY merged, ingested_at, article_id, event
"""


def events_sql(shown: str = "TRUE") -> str:
    """Merged events with their facts; ``shown``: a condition on the mention (``e.``) the event is kept by
    (its most confident mention must meet it)."""
    return _EVENTS.replace("{mentions}", _MENTIONS).replace("{shown}", shown)


def mentions_sql(shown: str = "TRUE") -> str:
    """Every mention of each merged event one of whose mentions meets ``shown``."""
    return _MENTIONS_ORDERED.replace("{mentions}", _MENTIONS).replace("{shown}", shown)


@cache
def _admin1(name: str, country: str | None, lat: float, lon: float) -> tuple[str | None, int | None]:
    """(GeoNames admin1 code, geonameid) of the gazetteer entry of this name nearest these coordinates."""
    from ..places.gazetteer import load_gazetteer

    found = [e for e in load_gazetteer().lookup(name) if e.country == country]
    if not found:
        return None, None
    best = min(found, key=lambda e: abs(e.lat - lat) + abs(e.lon - lon))
    if abs(best.lat - lat) + abs(best.lon - lon) > 0.01:
        return None, None
    return best.admin1, best.geonameid


def _action_geo(row: dict[str, Any]) -> GdeltGeo | None:
    if row["location"] is None:
        return None
    admin1, gid = (None, None)
    if row["lat"] is not None and row["lon"] is not None:
        admin1, gid = _admin1(row["location"], row["location_country"], row["lat"], row["lon"])
    feature = row["feature"] or "city"
    return GdeltGeo(row["location"], row["location_country"], feature, admin1, row["lat"], row["lon"], gid)


def _actor(row: dict[str, Any], side: str) -> GdeltActor | None:
    name, country = row[f"{side}_name"], row[f"{side}_country"]
    if name is None and country is None:
        return None
    return GdeltActor(name, country, row[f"{side}_sector"], row[f"{side}_code"])


def _time(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime(1970, 1, 1)


def event_from_row(row: dict[str, Any]) -> GdeltEvent:
    src, tgt = _actor(row, "source"), _actor(row, "target")
    return GdeltEvent(
        id=int(row["id"]),
        day=row["date"] or row["first_published"],  # undated: the day the article was published, as in `code`
        source=src,
        target=tgt,
        is_root=bool(row["is_root"]),
        cameo=row["cameo"],
        root=row["root"],
        quad=row["quad"],
        goldstein=row["goldstein"],
        num_mentions=row["num_mentions"],
        num_sources=row["num_sources"],
        num_articles=row["num_articles"],
        source_geo=country_geo(src.country) if src else None,
        target_geo=country_geo(tgt.country) if tgt else None,
        action_geo=_action_geo(row),
        added=_time(row["ingested_at"]).replace(microsecond=0),
        url=row["url"] or row["first_article_id"],
        extra=(
            row["best_article"],
            row["best_event"],
            row["plover"] or "",
            row["modality"],
            f"{row['confidence']:.3f}",
            row["evidence_start"],
            row["evidence_end"],
            row["trigger"],
            " ".join((row["evidence"] or "").split()),
        ),
    )


def mention_from_row(row: dict[str, Any]) -> GdeltMention:
    ev_start, ev_end = row["evidence_start"], row["evidence_end"]
    src_start = _side_start(row, "source")
    in_raw = row["source_actor"] is None or row["source_start"] is not None
    return GdeltMention(
        event_id=int(row["merged"]),
        event_added=_time(row["event_added"]).replace(microsecond=0),
        mention_added=_time(row["ingested_at"]).replace(microsecond=0),
        url=row["url"],
        source_name=row["outlet"],
        identifier=row["url"] or row["article_id"],
        sentence=int(row["sentence"]),
        source_offset=src_start,
        target_offset=_side_start(row, "target"),
        action_offset=row["trigger_start"],
        in_raw_text=in_raw and (src_start is None or ev_start <= src_start < ev_end),
        confidence=row["confidence"],
        doc_len=row["doc_len"],
    )


def _side_start(row: dict[str, Any], side: str) -> int | None:
    """Where the side is named in the evidence sentence: its actor's mention there, else its words."""
    if row[f"{side}_start"] is not None:
        return int(row[f"{side}_start"])
    name = row[f"{side}_name"]
    at = (row["evidence"] or "").find(name) if name else -1
    return row["evidence_start"] + at if at >= 0 else None
