"""Merging: the same event reported by several articles becomes one event (GDELT semantics, with evidence).

Two event mentions are the same event when they have the same source and target (country + sector, or
actor name when no country is known), the same CAMEO code or the same root, dates within a day (an
undated mention merges only with undated ones), and the same place when both know one. Negated and
hypothetical mentions, and the events of articles whose coding failed, are not merged.
NumMentions counts mentions, NumArticles distinct articles, NumSources distinct independent sources
(near-duplicate articles count once).

Mentions are merged in the order the store received them: each joins the first event (in the order the
events were created) whose first mention accepts it, else starts a new event whose id is a hash of that
first mention. So a new batch only looks up the events of its own dyads on its own days (±1), an event's
id never changes, and merging everything again from the first mention gives exactly the same events
(``merge_all``; tests check it against the incremental store).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import event_key
from .schema import TABLES

__all__ = [
    "MEMBER_COLUMNS",
    "MERGEABLE_MODALITIES",
    "MERGE_COLUMNS",
    "Cluster",
    "Merger",
    "dyad_key",
    "merge_all",
    "merged_row",
]

MERGE_COLUMNS = tuple(name for name, _ in TABLES["merged_events"])
#: Columns a merged event takes from its most confident mention.
COPIED_COLUMNS = MERGE_COLUMNS[1:12]
MERGEABLE_MODALITIES = ("asserted", "reported", "future")
#: what the merge keeps of each mention (the writer's index stores these)
MEMBER_COLUMNS = (
    "cluster",
    "mrow",
    "article",
    "event",
    "src",
    "article_source",
    *COPIED_COLUMNS,
    "date",
    "location",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "evidence",
)


def _side_key(row: dict[str, Any], side: str) -> str:
    country, sector, name = row[f"{side}_country"], row[f"{side}_sector"], row[f"{side}_name"]
    return f"{country or (name or '').casefold()}\x1f{sector or ''}"


def dyad_key(row: dict[str, Any]) -> str:
    """Source and target of an event row, as merging compares them."""
    return _side_key(row, "source") + "\x1e" + _side_key(row, "target")


#: the id of the merged event whose first mention is this one (``model.event_key``, as GDELT's ids from ``code``)
head_id = event_key


@dataclass
class Cluster:
    """A merged event as the merge sees it: its first mention's fields and its creation order."""

    id: int
    dyad: str
    hdate: dt.date | None
    cameo: str
    root: str
    location: str | None
    ord: int

    def accepts(self, row: dict[str, Any]) -> bool:
        if row["cameo"] != self.cameo and row["root"] != self.root:
            return False
        date = row["date"]
        if (date is None) != (self.hdate is None):
            return False
        if date is not None and self.hdate is not None and abs((date - self.hdate).days) > 1:
            return False
        location = row["location"]
        return self.location is None or location is None or self.location == location


def mergeable(row: dict[str, Any]) -> bool:
    return row["modality"] in MERGEABLE_MODALITIES


class Merger:
    """Assigns mentions, one at a time in store order, to merged events (``clusters``: those the caller
    knows that could accept them; new ones are added). Events are found by dyad and first day, so a mention
    looks only at the events of its dyad whose first mention is within a day of it."""

    def __init__(self, clusters: Iterable[Cluster] = (), next_ord: int = 0) -> None:
        self.by_day: dict[tuple[str, dt.date | None], list[Cluster]] = {}
        self.next_ord = next_ord
        self.created: list[Cluster] = []
        for c in sorted(clusters, key=lambda c: c.ord):
            self.by_day.setdefault((c.dyad, c.hdate), []).append(c)

    def _candidates(self, dyad: str, day: dt.date | None) -> list[Cluster]:
        if day is None:
            return self.by_day.get((dyad, None), [])
        near = [c for k in (-1, 0, 1) for c in self.by_day.get((dyad, day + dt.timedelta(days=k)), ())]
        return sorted(near, key=lambda c: c.ord)

    def add(self, row: dict[str, Any]) -> Cluster:
        """The merged event ``row`` (an events row) belongs to; created when none accepts it."""
        dyad = dyad_key(row)
        for cluster in self._candidates(dyad, row["date"]):
            if cluster.accepts(row):
                return cluster
        cluster = Cluster(
            head_id(row["article"], row["event"]),
            dyad,
            row["date"],
            row["cameo"],
            row["root"],
            row["location"],
            self.next_ord,
        )
        self.next_ord += 1
        self.by_day.setdefault((dyad, row["date"]), []).append(cluster)
        self.created.append(cluster)
        return cluster


def member(cluster: Cluster, mrow: int, row: dict[str, Any], src: str) -> dict[str, Any]:
    """The index row of one mention (``row``: an events row with ``article_source``)."""
    out = {c: row.get(c) for c in MEMBER_COLUMNS}
    out.update(cluster=cluster.id, mrow=mrow, src=src)
    return out


def merged_row(event_id: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The merged event of its mentions (``rows``: member rows in store order)."""
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
        "num_sources": len({r["src"] for r in rows}),
        "num_articles": len({r["article"] for r in rows}),
        "confidence": max(r["confidence"] for r in rows),
        "evidence": best["evidence"],
        "first_article": min(r["article"] for r in rows),
    }


def mention_row(m: dict[str, Any]) -> dict[str, Any]:
    """The ``event_mentions`` row of a member."""
    return {
        "merged": m["cluster"],
        "article": m["article"],
        "event": m["event"],
        "source": m["article_source"],
        "confidence": m["confidence"],
        "evidence": m["evidence"],
    }


def merge_all(
    rows: Iterable[dict[str, Any]], independent: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Merge every mention from scratch (``rows``: events rows with ``article_source``, in store order,
    of articles without errors; ``independent``: article -> independent-source key).
    Returns (merged events, event_mentions rows)."""
    merger = Merger()
    members: dict[int, list[dict[str, Any]]] = {}
    mentions = []
    for i, row in enumerate(r for r in rows if mergeable(r)):
        cluster = merger.add(row)
        m = member(cluster, i, row, independent.get(row["article"], row["article"]))
        members.setdefault(cluster.id, []).append(m)
        mentions.append(mention_row(m))
    merged = [merged_row(c.id, members[c.id]) for c in merger.created]
    return merged, mentions
