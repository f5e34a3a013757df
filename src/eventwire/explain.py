"""`eventwire explain`: why a sentence was (or was not) coded the way it was.

Shows the parse, the actors found, every trigger the lexicon knows in the sentence with the patterns
tried and the one that matched, and the events coded (pattern, modality, confidence) — or, for a
matched trigger that produced no event, the likely reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from .events.coder import best_match
from .events.lexicon.lexicon import NO_EVENT, patterns_for
from .model import Analysis, Article
from .pipeline import Pipeline

__all__ = ["Explanation", "TriggerReport", "explain"]


@dataclass(frozen=True)
class TriggerReport:
    token: str
    start: int
    lemma: str
    pos: str
    tried: tuple[str, ...]
    matched: str | None
    code: str | None
    outcome: str


@dataclass(frozen=True)
class Explanation:
    analysis: Analysis
    parse: tuple[dict[str, Any], ...]
    triggers: tuple[TriggerReport, ...]


def _pos(tok: Token) -> str | None:
    if tok.pos_ == "NOUN":
        return "n"
    if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
        return "v"
    return None


def _outcome(tok: Token, code: str | None, analysis: Analysis) -> str:
    coded = [e for e in analysis.events if e.trigger.start == tok.idx]
    if coded:
        return "; ".join(f"coded {e.id} {e.cameo} ({e.modality}, confidence {e.confidence:.2f})" for e in coded)
    if code is None:
        return "no pattern's constraints (particle, preposition, object, complement) were met"
    if code == NO_EVENT:
        return "a negative pattern matched: this use is not an event"
    covered = [e for e in analysis.events if e.evidence.start <= tok.idx < e.evidence.end]
    if covered:
        return "matched, but a more specific trigger in the sentence coded the event"
    return "matched, but no event: no actor found as source, the target was the source, or the sentence was boilerplate"


def _trigger_report(tok: Token, analysis: Analysis) -> TriggerReport | None:
    pos = _pos(tok)
    if pos is None:
        return None
    tried = patterns_for(tok.lemma_.lower(), pos)  # type: ignore[arg-type]
    match = best_match(tok)
    if not tried and match is None:
        return None
    matched = match.pattern if match else None
    ids = tuple(f"{p.id}={p.code}" for p in tried) or ((f"{matched.id}={matched.code}",) if matched else ())
    return TriggerReport(
        tok.text,
        tok.idx,
        tok.lemma_,
        pos,
        ids,
        matched.id if matched else None,
        matched.code if matched else None,
        _outcome(tok, matched.code if matched else None, analysis),
    )


def explain(text: str, published: dt.date | None = None, pipeline: Pipeline | None = None) -> Explanation:
    pipeline = pipeline or Pipeline()
    doc: Doc = pipeline.nlp.parse(text)
    analysis = pipeline.run_stages(doc, Analysis(article=Article(id="explain", text=text, published=published)))
    parse = tuple(
        {
            "i": t.i,
            "text": t.text,
            "lemma": t.lemma_,
            "pos": t.pos_,
            "dep": t.dep_,
            "head": t.head.i,
            "ent": t.ent_type_,
        }
        for t in doc
        if not t.is_space
    )
    with pipeline.knowledge.active():
        triggers = tuple(r for t in doc if (r := _trigger_report(t, analysis)) is not None)
    return Explanation(analysis, parse, triggers)
