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

from ..export.gdelt import GdeltActor, GdeltEvent, GdeltGeo, GdeltMention, country_geo, extra_cells, row_actor

__all__ = ["EVENTS_ORDER", "add_evidence", "event_from_row", "events_sql", "mention_from_row", "mentions_sql"]

#: the merged events one of whose mentions meets ``shown`` (so a merged event is exported with all its mentions,
#: as NumMentions counts them)
_SHOWN = """
SELECT DISTINCT em.merged FROM event_mentions em JOIN events e ON e.article = em.article AND e.event = em.event
WHERE {shown}
"""
#: where each article's lead ends (its first blank line) and its length, read once per article
_LEADS = """
SELECT hash, coalesce(nullif(strpos(text, chr(10) || chr(10)), 0) - 1, length(text)) AS lead_end,
       length(text) AS doc_len FROM articles
"""
#: one row per mention of a shown merged event, with its article facts, whether it is in the article's lead and
#: its sentence's number; the sides' places in the sentence are found from their words (``_side_start``): a
#: lookup among every actor mention of the store (6M at a million events) cannot stay within an export's memory
_MENTIONS = """
SELECT em.merged, e.*, a.id AS article_id, a.url, a.source AS outlet, a.ingested_at, a.published,
       l.doc_len, e.evidence_start < l.lead_end AS in_lead,
       len(regexp_extract_all(substr(a.text, 1, e.evidence_start),
                              '[.!?]["''”’)\\]]*\\s+|\\n\\s*\\n')) + 1 AS sentence
FROM event_mentions em JOIN events e ON e.article = em.article AND e.event = em.event
JOIN articles a ON a.hash = em.article JOIN ({leads}) l ON l.hash = em.article
WHERE em.merged IN ({shown_ids})
"""
#: the same, only what the Events table needs (no evidence or article text carried through the windows)
_EVENT_MENTIONS = """
SELECT em.merged, e.confidence, e.cameo, e.event, e.source_code, e.target_code, e.modality, e.evidence_start,
       e.evidence_end, e.trigger, a.id AS article_id, a.url, a.ingested_at, a.published,
       e.evidence_start < l.lead_end AS in_lead
FROM event_mentions em JOIN events e ON e.article = em.article AND e.event = em.event
JOIN articles a ON a.hash = em.article JOIN ({leads}) l ON l.hash = em.article
WHERE em.merged IN ({shown_ids})
"""
_EVENTS = """
WITH m AS ({mentions}),
agg AS (
  SELECT merged,
         arg_max({'source_code': source_code, 'target_code': target_code, 'event': event, 'modality': modality,
                  'evidence_start': evidence_start, 'evidence_end': evidence_end, 'trigger': trigger,
                  'article_id': article_id}, (confidence, cameo)) AS b,
         arg_min({'url': url, 'article_id': article_id, 'ingested_at': ingested_at, 'published': published},
                 (ingested_at, coalesce(published, DATE '9999-12-31'), article_id)) AS f,
         bool_or(in_lead) AS is_root
  FROM m GROUP BY merged),
places AS (SELECT name, lat, lon, country, any_value(feature) AS feature FROM places GROUP BY ALL)
SELECT me.* EXCLUDE (evidence), g.b.source_code, g.b.target_code, g.b.event AS best_event, g.b.modality,
       g.b.evidence_start, g.b.evidence_end, g.b.trigger, g.b.article_id AS best_article, g.f.url,
       g.f.article_id AS first_article_id, g.f.ingested_at, g.f.published AS first_published, g.is_root, p.feature
FROM merged_events me JOIN agg g ON g.merged = me.id
LEFT JOIN places p ON p.name = me.location AND p.lat = me.lat AND p.lon = me.lon
  AND p.country IS NOT DISTINCT FROM me.location_country
"""
#: the order of the Events table (applied to the staged rows: see ``events_sql``)
EVENTS_ORDER = "ORDER BY date NULLS LAST, id"
_MENTIONS_ORDERED = """
WITH m AS ({mentions})
SELECT *, min(ingested_at) OVER (PARTITION BY merged) AS event_added FROM m
ORDER BY merged, ingested_at, article_id, event
"""


def events_sql(shown: str = "TRUE") -> str:
    """Merged events with their facts, in no order (sort by ``EVENTS_ORDER``); ``shown``: a condition on the
    mention (``e.``) the event is kept by (one of its mentions must meet it). Their evidence text is left out
    (a million of them do not sort within an export's memory): ``add_evidence`` fetches it batch by batch. An
    export stages these rows in a Parquet file and sorts that: the aggregation and the sort in one query do
    not fit an export's memory at a million events."""
    mentions = _EVENT_MENTIONS.replace("{leads}", _LEADS).replace("{shown_ids}", _SHOWN)
    return _EVENTS.replace("{mentions}", mentions).replace("{shown}", shown)


def add_evidence(con: Any, rows: list[dict[str, Any]]) -> None:
    """Set ``evidence`` on each row of a batch of ``events_sql`` rows, from the merged events."""
    ids = [int(r["id"]) for r in rows]
    found = dict(con.execute("SELECT id, evidence FROM merged_events WHERE id = ANY(?)", [ids]).fetchall())
    for r in rows:
        r["evidence"] = found.get(int(r["id"]))


def mentions_sql(shown: str = "TRUE") -> str:
    """Every mention of each merged event one of whose mentions meets ``shown``."""
    mentions = _MENTIONS.replace("{leads}", _LEADS).replace("{shown_ids}", _SHOWN)
    return _MENTIONS_ORDERED.replace("{mentions}", mentions).replace("{shown}", shown)


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
    if row[f"{side}_name"] is None and row[f"{side}_country"] is None:
        return None
    return row_actor(row, side)


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
        # the most confident mention's article and event; its evidence in gdelt+ only (``add_evidence``)
        extra=extra_cells({**row, "article_id": row["best_article"], "event": row["best_event"]}),
    )


def mention_from_row(row: dict[str, Any]) -> GdeltMention:
    ev_start, ev_end = row["evidence_start"], row["evidence_end"]
    src_start = _side_start(row, "source")
    in_raw = row["source_actor"] is None or src_start is not None
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
    """Where the side is named in the evidence sentence: the first place of its words there."""
    name = row[f"{side}_name"]
    at = (row["evidence"] or "").find(name) if name else -1
    return row["evidence_start"] + at if at >= 0 else None
