"""The features of an event that its document-level confidence rests on.

Each feature is a number (most are 1.0 or 0.0). They read the finished records of earlier stages
(the event with its sides, date, mentions; the article's quotes and text) and the parse (the trigger's
clause and the sentence order), so the same function serves the stage and the calibration:

- ``sentence``: the log-odds of the events stage's confidence (the sentence-level evidence);
- ``src_actor``, ``tgt_actor``: the side is an actor the actor coder resolved, with a country or a sector;
- ``src_country``, ``tgt_country``: the side's country is known; ``no_target``: the event has none;
- ``src_blank``, ``tgt_blank``: the side is there but names nothing codable: no actor, no country, no
  sector ("voters", "searchers", "the chamber", "the enemy");
- ``domestic``: both sides are of one country; ``same_actor``: both sides are one actor;
- ``agentless``: no source is named;
- ``repeated``: the log of how many times the article tells the happening (the mentions stage);
- ``lead``: the telling is in the article's first sentences; ``position``: where its sentence lies,
  0.0 (first) to 1.0 (last);
- ``in_quote``: the trigger is inside a direct or mixed quotation;
- ``subordinate``: the trigger heads a relative, adverbial, participial or coordinated clause;
- ``reported``, ``future``: the modality (hypothetical events are not emitted; negated ones are not scored);
- ``specific``: a four-digit code; ``intent``: a stated intention (03); ``verbal``: a statement or verbal
  act (01-05, 09-13); ``force``: force (18-20);
- ``explicit_date``: the text dates the act (it is not dated by default); ``background``: it ended more
  than BACKGROUND_DAYS before publication.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..labels import ASSESS_SUBORDINATE_DEPS
from ..model import Analysis, Event, EventSide, Quote

if TYPE_CHECKING:  # spaCy is imported by the stage, not by readers of the weights (``eventwire query``)
    from spacy.tokens import Doc

__all__ = ["BACKGROUND_DAYS", "FEATURES", "LEAD_SENTENCES", "SentenceOrder", "event_features", "logit"]

FEATURES = (
    "sentence",
    "src_actor",
    "tgt_actor",
    "src_country",
    "tgt_country",
    "no_target",
    "src_blank",
    "tgt_blank",
    "domestic",
    "same_actor",
    "agentless",
    "repeated",
    "lead",
    "position",
    "in_quote",
    "subordinate",
    "reported",
    "future",
    "specific",
    "intent",
    "verbal",
    "force",
    "explicit_date",
    "background",
)
#: sentences of the article that make its lead
LEAD_SENTENCES = 3
#: an event that ended this many days before publication is background
BACKGROUND_DAYS = 30
SUBORDINATE_DEPS = ASSESS_SUBORDINATE_DEPS
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
QUOTED_KINDS = frozenset({"direct", "mixed"})
LOGIT_CLIP = 4.0


def logit(p: float) -> float:
    """The log-odds of a probability, clipped to +-LOGIT_CLIP."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-LOGIT_CLIP, min(LOGIT_CLIP, math.log(p / (1 - p))))


class SentenceOrder:
    """Where a character offset's sentence lies in the document, and the dependency of its token."""

    def __init__(self, doc: Doc | None) -> None:
        self.doc = doc
        from ..nlp import sentences

        self.starts = [s.start_char for s in sentences(doc)] if doc is not None else []

    def index(self, start: int) -> int:
        lo, hi = 0, len(self.starts)
        while lo < hi:  # the last sentence starting at or before ``start``
            mid = (lo + hi) // 2
            if self.starts[mid] <= start:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    @property
    def count(self) -> int:
        return max(len(self.starts), 1)

    def dep(self, start: int, end: int) -> str:
        if self.doc is None:
            return ""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root.dep_ if span is not None and len(span) else ""


def _actor(side: EventSide | None) -> bool:
    return side is not None and side.actor is not None and bool(side.country or side.sector)


def _blank(side: EventSide | None) -> bool:
    return side is not None and side.actor is None and side.country is None and side.sector is None


def _in_quote(event: Event, quotes: Sequence[Quote]) -> bool:
    t = event.trigger
    return any(q.kind in QUOTED_KINDS and q.span.contains(t.start, t.end) for q in quotes)


def _background(event: Event, analysis: Analysis) -> bool:
    published = analysis.article.published
    if event.date is None or published is None or event.date.precision == "published":
        return False
    return (published - event.date.end).days > BACKGROUND_DAYS


def event_features(
    event: Event, analysis: Analysis, order: SentenceOrder, sentence_confidence: float
) -> dict[str, float]:
    """The features of ``event`` in ``analysis`` (``sentence_confidence``: the events stage's confidence)."""
    src, tgt = event.source, event.target
    index = order.index(event.trigger.start)
    flags = {
        "src_actor": _actor(src),
        "tgt_actor": _actor(tgt),
        "src_country": src is not None and src.country is not None,
        "tgt_country": tgt is not None and tgt.country is not None,
        "no_target": tgt is None,
        "src_blank": _blank(src),
        "tgt_blank": _blank(tgt),
        "domestic": src is not None and tgt is not None and src.country is not None and src.country == tgt.country,
        "same_actor": src is not None and tgt is not None and src.actor is not None and src.actor == tgt.actor,
        "agentless": src is None,
        "lead": index < LEAD_SENTENCES,
        "in_quote": _in_quote(event, analysis.quotes),
        "subordinate": order.dep(event.trigger.start, event.trigger.end) in SUBORDINATE_DEPS,
        "reported": event.modality == "reported",
        "future": event.modality == "future",
        "specific": len(event.cameo) == 4,
        "intent": event.root == "03",
        "verbal": event.root in VERBAL_ROOTS,
        "force": event.root in FORCE_ROOTS,
        "explicit_date": event.date is not None and event.date.precision != "published",
        "background": _background(event, analysis),
    }
    return {
        "sentence": round(logit(sentence_confidence), 4),
        **{name: 1.0 if value else 0.0 for name, value in flags.items()},
        "repeated": round(math.log(max(event.mentions, 1)), 4),
        "position": round(index / max(order.count - 1, 1), 4),
    }
