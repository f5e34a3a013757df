"""The ``DateResolver`` stage: resolve every date expression, then date each event by its own clause."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..model import Analysis, Event, ResolvedDate
from ..nlp import clause_head, doc_text, sentence_of
from .expressions import DateExpression, find_expressions, resolve, words

__all__ = ["DateResolver", "Dated", "resolve_document"]

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "csubj", "acl", "parataxis", "pcomp"})
FUTURE_LEMMAS = frozenset({"will", "shall"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A resolved expression with where it hangs in the parse."""

    date: ResolvedDate
    expr: DateExpression
    root: Token
    #: For "five days after X": the "after" token; the date belongs to the events under it.
    relation: Token | None


def _clause_head(tok: Token) -> Token:
    return clause_head(tok, CLAUSE_DEPS)


def _is_future(root: Token) -> bool:
    """Whether the clause of a date points forward ("will meet on Tuesday", "is scheduled for May")."""
    head = _clause_head(root)
    cues = words().future_cues
    near = [*head.children, head, *head.head.children] if head.dep_ == "xcomp" else [*head.children, head]
    return any(t.lower_ in cues or t.lemma_ in FUTURE_LEMMAS for t in near if t.i != root.i)


def _is_past(root: Token) -> bool:
    """Whether the clause of a date is in the past tense ("marched on July 4", "had met on May 2")."""
    head = _clause_head(root)
    return head.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)


def _span(doc: Doc, e: DateExpression) -> Span | None:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _relation_token(span: Span) -> Token | None:
    """The "after"/"before" closing an anchored expression."""
    last = span[-1]
    return last if last.lower_ in ("after", "before") else None


def resolve_document(doc: Doc, published: dt.date | None) -> list[Dated]:
    """All resolvable expressions of a document, in text order. Anchored ones ("five days after")
    count from the date of their sentence's other expressions, else from publication; shifts
    ("two days later") from the previous date in the text."""
    out: list[Dated] = []
    exprs = find_expressions(doc_text(doc))
    for e in exprs:
        span = _span(doc, e)
        if span is None:
            continue
        anchor: dt.date | None = None
        if e.kind == "anchored":
            sent = sentence_of(span.root)
            plain = [d for d in out if sentence_of(d.root) == sent and d.expr.kind != "anchored"]
            anchor = plain[-1].date.start if plain else published
        elif e.kind == "shift":
            anchor = out[-1].date.start if out else published
        future = _is_future(span.root)
        date = resolve(e, published, future, anchor, past=not future and _is_past(span.root))
        if date is not None:
            rel = _relation_token(span) if e.kind == "anchored" else None
            out.append(Dated(date, e, span.root, rel))
    return out


def _in_subtree(tok: Token, top: Token) -> bool:
    return top.left_edge.i <= tok.i <= top.right_edge.i


def _rank(d: Dated, trigger: Token) -> int | None:
    """0: the date is the trigger's own clause's; 1: it sits on a clause the trigger's clause hangs on
    (not across reported speech); 2: elsewhere in the sentence; None: another sentence, or an anchored
    date ("five days after X") of an event outside X."""
    if sentence_of(d.root) != sentence_of(trigger):
        return None
    if d.relation is not None:
        # "five days after the parliament voted": "after" heads the clause (prep) or marks it (mark)
        top = d.relation.head if d.relation.dep_ == "mark" else d.relation
        inside = _in_subtree(trigger, top) and not _in_subtree(trigger, d.root) and trigger != top.head
        return 0 if inside else None
    th, dh = _clause_head(trigger), _clause_head(d.root)
    if th == dh:
        return 0
    cur = th
    for _ in range(6):
        if cur.dep_ in ("ccomp", "parataxis") or cur.head is cur:
            break
        cur = cur.head
        if cur == dh:
            return 1
    return 2  # the sentence's only time reference is still closer than the publication date


_DATED_KEY = "eventwire.dated_by_sentence"


def _by_sentence(doc: Doc, dated: list[Dated]) -> dict[int, list[Dated]]:
    """The dates by the start of their root's sentence, in their own order, once per doc and list (a scan
    of every date per event made long articles quadratic)."""
    cached = doc.user_data.get(_DATED_KEY)
    if cached is None or cached[0] is not dated:
        groups: dict[int, list[Dated]] = {}
        for d in dated:
            groups.setdefault(sentence_of(d.root).start, []).append(d)
        cached = (dated, groups)
        doc.user_data[_DATED_KEY] = cached
    by_sentence: dict[int, list[Dated]] = cached[1]
    return by_sentence


def event_date(doc: Doc, event: Event, dated: list[Dated], published: dt.date | None) -> ResolvedDate | None:
    """The date of the event's own clause, else the publication date (precision "published")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None and len(span):
        trigger = span.root
        same = _by_sentence(doc, dated).get(sentence_of(trigger).start, [])  # _rank: None in other sentences
        ranked = [(r, abs(d.root.i - trigger.i), d) for d in same if (r := _rank(d, trigger)) is not None]
        if ranked:
            return min(ranked, key=lambda x: (x[0], x[1]))[2].date
    if published is None:
        return None
    return ResolvedDate(published, published, "published")


class DateResolver:
    """Resolves date expressions against ``article.published`` and dates every event."""

    name = "dates"

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        published = analysis.article.published
        dated = resolve_document(doc, published)
        events = tuple(replace(e, date=event_date(doc, e, dated, published)) for e in analysis.events)
        notes = tuple(
            (self.name, f"{d.expr.text!r} -> {d.date.start}..{d.date.end} ({d.date.precision})") for d in dated
        )
        return analysis.with_(dates=tuple(d.date for d in dated), events=events, notes=analysis.notes + notes)
