"""Readable aggregates of a store: events by QuadClass, top dyads, quotes by speaker."""

from __future__ import annotations

from typing import Any

from .db import Store

__all__ = ["summarise"]

DYADS = """
SELECT coalesce(source_country || '/' || source_sector, source_country,
                CASE WHEN source_actor IS NOT NULL THEN source_name END, '?') AS source,
       coalesce(target_country || '/' || target_sector, target_country,
                CASE WHEN target_actor IS NOT NULL THEN target_name END, '-') AS target,
       count(*) AS n, mode(cameo) AS top_code
FROM events WHERE modality <> 'negated'
GROUP BY 1, 2 ORDER BY n DESC, source, target LIMIT ?
"""
QUADS = """
SELECT quad, count(*) AS n, avg(goldstein) AS goldstein FROM events WHERE modality <> 'negated'
GROUP BY quad ORDER BY quad
"""
SPEAKERS = """
SELECT coalesce(a.name, q.speaker_text, '(unattributed)') AS speaker, count(*) AS n,
       count(*) FILTER (WHERE q.kind IN ('direct', 'mixed')) AS direct
FROM quotes q LEFT JOIN actors a ON a.article = q.article AND a.actor = q.speaker_actor
GROUP BY 1 ORDER BY n DESC, speaker LIMIT ?
"""


def summarise(store: Store, top: int = 10) -> dict[str, Any]:
    return {
        "counts": store.counts(),
        "quads": store.query(QUADS),
        "dyads": store.query(DYADS, [top]),
        "speakers": store.query(SPEAKERS, [top]),
    }
