"""Every actor mention of an analysis indexed by position, so that "which mentions lie in this stretch"
costs a binary search, not a scan of every mention (a scan per token made long articles quadratic).

Queries return mentions in the order a scan of ``analysis.actors`` and their ``mentions`` would meet
them, so code that keeps the first (or best-so-far) match gives exactly what the scan gave.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from spacy.tokens import Doc

from ...model import Actor, Analysis, Span

__all__ = ["Hit", "MentionIndex", "mention_index"]


class Hit(NamedTuple):
    actor_order: int
    mention_order: int
    mention: Span
    actor: Actor


class MentionIndex:
    """The mentions of ``actors`` sorted by start offset."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        hits = [Hit(a, m, span, actor) for a, actor in enumerate(actors) for m, span in enumerate(actor.mentions)]
        hits.sort(key=lambda h: (h.mention.start, h.actor_order, h.mention_order))
        self.hits = hits
        self.starts = [h.mention.start for h in hits]
        self.longest = max((h.mention.end - h.mention.start for h in hits), default=0)

    def starting_in(self, lo: int, hi: int) -> list[Hit]:
        """The mentions with ``lo <= start < hi``, in scan order (actor, then mention)."""
        found = self.hits[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        return sorted(found, key=lambda h: (h.actor_order, h.mention_order)) if len(found) > 1 else found

    def covering(self, at: int) -> list[Hit]:
        """The mentions with ``start <= at < end``, in scan order."""
        near = self.starting_in(at - self.longest, at + 1)
        return [h for h in near if h.mention.start <= at < h.mention.end]


_KEY = "eventwire.mention_index"


def mention_index(doc: Doc, analysis: Analysis) -> MentionIndex:
    """The index of ``analysis.actors``, built once per doc and set of actors."""
    cached: tuple[tuple[Actor, ...], MentionIndex] | None = doc.user_data.get(_KEY)
    if cached is None or cached[0] is not analysis.actors:
        cached = (analysis.actors, MentionIndex(analysis.actors))
        doc.user_data[_KEY] = cached
    return cached[1]
