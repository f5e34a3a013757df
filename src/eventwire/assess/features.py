"""The features of an event that its document-level confidence rests on.

Each feature is a number (most are 0 or 1). They read only the finished records of earlier stages
(the event with its sides, date and place; the article's quotes and text), so the same function
serves the stage and the calibration.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from ..model import Analysis, Event, EventSide, Quote

__all__ = ["BACKGROUND_DAYS", "FEATURES", "LEAD_PARAGRAPHS", "event_features", "lead_end", "logit"]

#: the names of the features, in the order of the weights
FEATURES = (
    "sentence",  # logit of the events stage's confidence (the sentence-level evidence)
    "src_actor",  # the source is a resolved actor with a country or a sector
    "tgt_actor",  # the target is a resolved actor with a country or a sector
    "no_target",  # the event has no target
    "same_actor",  # source and target are the same actor
    "in_quote",  # the trigger is inside a direct or mixed quotation
    "lead",  # the evidence is in the article's first paragraphs
    "explicit_date",  # the event's date comes from a date expression of its own clause
    "background",  # the event ended well before the publication day
    "reported",  # modality: told as someone's report
    "future",  # modality: announced for later
    "hypothetical",  # modality: a condition, hope or possibility
    "verbal",  # CAMEO roots 01-05: statements, appeals, intents, consultations, support
    "repeated",  # the article tells the event more than once (log of its mentions)
)
#: paragraphs (of at least LEAD_WORDS words) that make the lead
LEAD_PARAGRAPHS = 2
LEAD_WORDS = 8
#: an event that ended this many days before publication is background
BACKGROUND_DAYS = 30
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05"})
QUOTED_KINDS = frozenset({"direct", "mixed"})
LOGIT_CLIP = 4.0


def logit(p: float) -> float:
    """The log-odds of a probability, clipped to +-LOGIT_CLIP."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-LOGIT_CLIP, min(LOGIT_CLIP, math.log(p / (1 - p))))


def lead_end(text: str) -> int:
    """The offset where the lead ends: after the first LEAD_PARAGRAPHS paragraphs that are not a line
    of a few words (a dateline or a heading)."""
    seen, pos = 0, 0
    for para in text.split("\n\n"):
        end = pos + len(para)
        if len(para.split()) >= LEAD_WORDS:
            seen += 1
            if seen >= LEAD_PARAGRAPHS:
                return end
        pos = end + 2
    return len(text)


def _actor(side: EventSide | None) -> bool:
    return side is not None and side.actor is not None and bool(side.country or side.sector)


def _in_quote(event: Event, quotes: Sequence[Quote]) -> bool:
    t = event.trigger
    return any(q.kind in QUOTED_KINDS and q.span.contains(t.start, t.end) for q in quotes)


def _background(event: Event, published: dt.date | None) -> bool:
    if event.date is None or published is None or event.date.precision == "published":
        return False
    return (published - event.date.end).days > BACKGROUND_DAYS


def event_features(event: Event, analysis: Analysis, lead: int, sentence_confidence: float) -> dict[str, float]:
    """The features of ``event`` in ``analysis`` (``lead``: ``lead_end`` of the text;
    ``sentence_confidence``: the events stage's confidence)."""
    src, tgt = event.source, event.target
    return {
        "sentence": logit(sentence_confidence),
        "src_actor": float(_actor(src)),
        "tgt_actor": float(_actor(tgt)),
        "no_target": float(tgt is None),
        "same_actor": float(src is not None and tgt is not None and src.actor is not None and src.actor == tgt.actor),
        "in_quote": float(_in_quote(event, analysis.quotes)),
        "lead": float(event.evidence.start < lead),
        "explicit_date": float(event.date is not None and event.date.precision != "published"),
        "background": float(_background(event, analysis.article.published)),
        "reported": float(event.modality == "reported"),
        "future": float(event.modality == "future"),
        "hypothetical": float(event.modality == "hypothetical"),
        "verbal": float(event.root in VERBAL_ROOTS),
        "repeated": math.log(max(len(event.mentions), 1)) if hasattr(event, "mentions") else 0.0,
    }
