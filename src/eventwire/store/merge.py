"""Merging: the same event reported by several articles becomes one event (GDELT semantics, with evidence).

Two event mentions are the same event when they have the same source and target (country + sector, or
actor name when no country is known), the same CAMEO code or the same root, dates within a day, and the
same place when both know one. Negated and hypothetical mentions are not merged into events.
NumMentions counts mentions, NumArticles distinct articles, NumSources distinct independent sources
(near-duplicate articles count once).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

__all__ = ["MERGE_COLUMNS", "merge_mentions"]

MERGE_COLUMNS = (
    "id",
    "source_name",
    "source_country",
    "source_sector",
    "target_name",
    "target_country",
    "target_sector",
    "cameo",
    "root",
    "quad",
    "goldstein",
    "plover",
    "date",
    "location",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "confidence",
    "evidence",
    "first_article",
)
#: Columns a merged event takes from its most confident mention.
COPIED_COLUMNS = MERGE_COLUMNS[1:12]
MERGEABLE_MODALITIES = ("asserted", "reported", "future")


@dataclass
class _Cluster:
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first(self) -> dict[str, Any]:
        return self.rows[0]

    def accepts(self, row: dict[str, Any]) -> bool:
        head = self.first
        if row["cameo"] != head["cameo"] and row["root"] != head["root"]:
            return False
        d1, d2 = head["date"], row["date"]
        if d1 is not None and d2 is not None and abs((d1 - d2).days) > 1:
            return False
        l1, l2 = head["location"], row["location"]
        return l1 is None or l2 is None or l1 == l2


def _side_key(row: dict[str, Any], side: str) -> tuple[str, str]:
    country, sector, name = row[f"{side}_country"], row[f"{side}_sector"], row[f"{side}_name"]
    return (country or (name or "").casefold(), sector or "")


def _merged_id(rows: list[dict[str, Any]]) -> int:
    first = min((r["article"], r["event"]) for r in rows)
    digest = hashlib.blake2b("\x00".join(first).encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def merge_mentions(
    rows: list[dict[str, Any]], independent: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Cluster event rows (dicts from the events table joined with articles) into merged events.

    ``independent`` maps an article hash to its independent-source key (its near-duplicate cluster's
    first article + source name). Returns (merged events, event_mentions rows).
    """
    groups: dict[tuple[Any, ...], list[_Cluster]] = defaultdict(list)
    ordered = sorted(rows, key=lambda r: (r["date"] or dt.date.min, r["article"], r["event"]))
    for row in ordered:
        if row["modality"] not in MERGEABLE_MODALITIES:
            continue
        key = (_side_key(row, "source"), _side_key(row, "target"))
        cluster = next((c for c in groups[key] if c.accepts(row)), None)
        if cluster is None:
            cluster = _Cluster()
            groups[key].append(cluster)
        cluster.rows.append(row)
    merged, mentions = [], []
    for clusters in groups.values():
        for cluster in clusters:
            event_id = _merged_id(cluster.rows)
            merged.append(_merged_row(event_id, cluster, independent))
            mentions += [
                {
                    "merged": event_id,
                    "article": r["article"],
                    "event": r["event"],
                    "source": r["article_source"],
                    "confidence": r["confidence"],
                    "evidence": r["evidence"],
                }
                for r in cluster.rows
            ]
    merged.sort(key=lambda m: (m["date"] or dt.date.min, m["id"]))
    return merged, mentions


def _merged_row(event_id: int, cluster: _Cluster, independent: dict[str, str]) -> dict[str, Any]:
    rows = cluster.rows
    best = max(rows, key=lambda r: (r["confidence"], r["cameo"]))
    located = next((r for r in rows if r["location"] is not None), best)
    return {
        "id": event_id,
        **{k: best[k] for k in COPIED_COLUMNS},
        "date": min((r["date"] for r in rows if r["date"] is not None), default=None),
        "location": located["location"],
        "location_country": located["location_country"],
        "lat": located["lat"],
        "lon": located["lon"],
        "num_mentions": len(rows),
        "num_sources": len({independent.get(r["article"], r["article"]) for r in rows}),
        "num_articles": len({r["article"] for r in rows}),
        "confidence": max(r["confidence"] for r in rows),
        "evidence": best["evidence"],
        "first_article": min(r["article"] for r in rows),
    }
