"""Document-level evidence about each event, for a confidence model fitted on whole articles.

Each event gets ``features``: (name, value) pairs, every value a number (1.0/0.0 for yes/no):

- ``src_actor``, ``tgt_actor``: the side is an actor the actor coder coded (it has an actor id);
- ``src_country``, ``tgt_country``: the side's country is known; ``tgt_present``: there is a target;
- ``domestic``: source and target are of one country; ``agentless``: no source is named;
- ``mentions``: how many times the article tells the happening (``eventwire.events.mentions``);
- ``lead``: the (kept) telling is in the article's first three sentences; ``position``: where its sentence
  lies in the article, 0.0 (first) to 1.0 (last);
- ``in_quote``: the trigger lies inside a quotation; ``subordinate``: the trigger is in a subordinate
  clause (relative, adverbial, participial, coordinated);
- ``modality_asserted``, ``modality_reported``, ``modality_future``, ``modality_negated``;
- ``specific``: a four-digit code; ``intent``: a stated intention (03); ``verbal``: a statement or
  verbal act (01-05, 09-13); ``force``: force (18-20);
- ``date_explicit``: the text dates the act (not the publication date by default); ``date_old``: the act
  is dated more than 30 days before publication (background);
- ``sentence_confidence``: the sentence-level confidence the coder gave it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ..model import Analysis, Event
from ..nlp import sentence_of, sentences

__all__ = ["FEATURE_NAMES", "LEAD_SENTENCES", "document_features"]

LEAD_SENTENCES = 3
#: days before publication beyond which an act is background
OLD_DAYS = 30
SUBORDINATE_DEPS = frozenset({"acl", "advcl", "conj", "relcl", "pcomp", "xcomp", "ccomp"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
FEATURE_NAMES = (
    "src_actor",
    "tgt_actor",
    "src_country",
    "tgt_country",
    "tgt_present",
    "domestic",
    "agentless",
    "mentions",
    "lead",
    "position",
    "in_quote",
    "subordinate",
    "modality_asserted",
    "modality_reported",
    "modality_future",
    "modality_negated",
    "specific",
    "intent",
    "verbal",
    "force",
    "date_explicit",
    "date_old",
    "sentence_confidence",
)


def _flag(value: bool) -> float:
    return 1.0 if value else 0.0


def _sentence_index(doc: Doc, start: int) -> tuple[int, int]:
    """(index of the sentence holding character ``start``, number of sentences)."""
    sents = sentences(doc)
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0, max(len(sents), 1)
    sent = sentence_of(span[0])
    index = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
    return index, max(len(sents), 1)


def _subordinate(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in SUBORDINATE_DEPS


def _values(doc: Doc, analysis: Analysis, ev: Event) -> dict[str, float]:
    src, tgt = ev.source, ev.target
    index, count = _sentence_index(doc, ev.trigger.start)
    published = analysis.article.published
    date = ev.date
    old = date is not None and published is not None and date.end < published - dt.timedelta(days=OLD_DAYS)
    quoted = any(q.span.start <= ev.trigger.start < q.span.end for q in analysis.quotes)
    return {
        "src_actor": _flag(src is not None and src.actor is not None),
        "tgt_actor": _flag(tgt is not None and tgt.actor is not None),
        "src_country": _flag(src is not None and src.country is not None),
        "tgt_country": _flag(tgt is not None and tgt.country is not None),
        "tgt_present": _flag(tgt is not None),
        "domestic": _flag(
            src is not None and tgt is not None and src.country is not None and src.country == tgt.country
        ),
        "agentless": _flag(src is None),
        "mentions": float(ev.mentions),
        "lead": _flag(index < LEAD_SENTENCES),
        "position": round(index / max(count - 1, 1), 4),
        "in_quote": _flag(quoted),
        "subordinate": _flag(_subordinate(doc, ev.trigger.start, ev.trigger.end)),
        "modality_asserted": _flag(ev.modality == "asserted"),
        "modality_reported": _flag(ev.modality == "reported"),
        "modality_future": _flag(ev.modality == "future"),
        "modality_negated": _flag(ev.modality == "negated"),
        "specific": _flag(len(ev.cameo) == 4),
        "intent": _flag(ev.root == "03"),
        "verbal": _flag(ev.root in VERBAL_ROOTS),
        "force": _flag(ev.root in FORCE_ROOTS),
        "date_explicit": _flag(date is not None and date.precision != "published"),
        "date_old": _flag(old),
        "sentence_confidence": round(ev.confidence, 4),
    }


def document_features(doc: Doc, analysis: Analysis, events: Iterable[Event]) -> tuple[Event, ...]:
    """The events with their document features (``FEATURE_NAMES``, in that order)."""
    out: list[Event] = []
    for ev in events:
        values = _values(doc, analysis, ev)
        out.append(replace(ev, features=tuple((name, values[name]) for name in FEATURE_NAMES)))
    return tuple(out)
