"""The ``DateResolver`` stage: resolve every date expression, then date each event.

An event takes the date of its own clause, else of a clause its clause hangs on, else of its sentence
(``clauses.rank``); with none of these, its paragraph's narrative, the story's day or the publication
day by the tense of its clause (``context``). Background stays background: a vague past ("decades
ago") or a past perfect with nothing to go on gives no date rather than the publication day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..labels import DATE_NOUN_MODIFIERS, NON_FINITE_CLAUSES
from ..model import Analysis, Event, ResolvedDate
from ..nlp import doc_text, sentence_of
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .clauses import NOMINAL, Dated, bounds, clause_of, in_life_stage, in_past_period, looks_ahead, rank, tense
from .context import NEWS_DAY_WINDOW, Context, build_context
from .expressions import DateExpression, find_expressions, words
from .resolution import resolve

_WORDS = word_lists("eventwire.dates")

__all__ = ["DateResolver", "Dated", "event_date", "resolve_document", "token_date"]

FUTURE_LEMMAS = _WORDS.words("future_lemmas")
RELATION_WORDS = _WORDS.words("relation_words")


def _is_future(root: Token) -> bool:
    """Whether the clause of a date points forward ("will meet on Tuesday", "is scheduled for May"); a
    clause that borrows its time from the clause above (a present-tense time clause, a non-finite one)
    points where that one does ("will be the first to address the union when he travels on Sunday")."""
    cues = words().future_cues
    head = clause_of(root)
    for _ in range(4):
        near = [*head.children, head, *head.head.children] if head.dep_ == "xcomp" else [*head.children, head]
        if any(t.lower_ in cues or t.lemma_ in FUTURE_LEMMAS for t in near if t.i != root.i):
            return True
        present_time = head.dep_ == "advcl" and head.tag_ in ("VBZ", "VBP")
        non_finite = head.dep_ in NON_FINITE_CLAUSES and head.tag_ in ("VB", "VBG")
        if head.head.i == head.i or not (present_time or non_finite):
            return False
        head = clause_of(head.head)
    return False


def _is_past(root: Token) -> bool:
    """Whether the clause of a date is in the past tense ("marched on July 4", "had met on May 2")."""
    head = clause_of(root)
    return head.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)


def _span(doc: Doc, e: DateExpression) -> Span | None:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _relation_token(span: Span) -> Token | None:
    """The "after"/"before" closing an anchored expression."""
    last = span[-1]
    return last if last.lower_ in RELATION_WORDS else None


def _boundary(text: str, e: DateExpression, root: Token) -> str:
    """The word before the expression makes it a boundary ("since", "until"), or it is the time of a
    comparison ("comparison": "down from 19% a week earlier"), else ""."""
    before = text[max(0, e.start - 12) : e.start].split()
    word = before[-1].lower() if before else ""
    w = words()
    if word in w.since_words:
        return "since"
    if word in w.until_words:
        return "until"
    return "comparison" if _in_comparison(root) else ""


def _in_comparison(root: Token) -> bool:
    w = words()
    cur = root
    for _ in range(4):
        if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
        if cur.lower_ in w.comparison_words or (cur.lower_ == "from" and cur.head.lower_ in w.comparison_from_heads):
            return True
    return False


def _nominal_noun(span: Span) -> Token | None:
    """The noun a date modifies as a nominal ("the April 22 attack", "last month's massacre"); None when
    that noun phrase is itself the time of its clause ("during his March 3 address", "at Wednesday's
    meeting": the clause happened then)."""
    root = span.root
    head = root.head
    if root.dep_ not in NOMINAL or head.pos_ not in ("NOUN", "PROPN") or span.start <= head.i < span.end:
        return None
    if head.dep_ == "pobj" and head.head.lower_ in words().time_prepositions:
        return None
    return head


def resolve_document(doc: Doc, published: dt.date | None) -> list[Dated]:
    """All date expressions of a document, in text order (a vague past with no date). Anchored ones
    ("five days after") count from the date of their sentence's other expressions, else from
    publication; shifts ("two days later") from the previous date in the text; "since X" becomes the
    range from X to publication."""
    out: list[Dated] = []
    text = doc_text(doc)
    for e in find_expressions(text):
        span = _span(doc, e)
        if span is None:
            continue
        anchor: dt.date | None = None
        if e.kind == "anchored":
            sent = sentence_of(span.root)
            plain = [d for d in out if d.date and sentence_of(d.root) == sent and d.expr.kind != "anchored"]
            anchor = plain[-1].date.start if plain and plain[-1].date else published
        elif e.kind == "shift":
            dates = [d.date for d in out if d.date is not None]
            anchor = dates[-1].start if dates else published
        future = _is_future(span.root)
        date = resolve(e, published, future, anchor, past=not future and _is_past(span.root))
        if date is None and e.kind != "vague":
            continue
        boundary = _boundary(text, e, span.root)
        if boundary == "since" and date is not None and published is not None and date.start <= published:
            date = ResolvedDate(date.start, published, "range", date.span)
        rel = _relation_token(span) if e.kind == "anchored" else None
        out.append(Dated(date, e, span.root, rel, _nominal_noun(span), boundary, future))
    return out


def _usable(d: Dated, r: int, t: str, ahead: bool, published: dt.date | None) -> bool:
    """A future seen from now never takes a date before publication ("will investigate reports of an
    explosion on Sunday"), nor does any future from a past date on a noun of its clause ("would
    investigate reports of an explosion on Sunday"); a past event takes a future date only in its own
    clause."""
    if ahead and d.date is not None and published is not None and d.date.end < published:
        return False
    past_date = d.date is not None and published is not None and d.date.end < published
    if t == "future" and past_date and _on_noun(d.root):
        return False  # "would investigate reports of an explosion on Sunday": Sunday is the explosion's
    return r == 0 or not (t in ("past", "perfect", "pluperfect") and d.future)


def _on_noun(root: Token) -> bool:
    """Whether a date is a phrase on a noun inside its clause ("reports of an explosion on Sunday")."""
    tok = root
    for _ in range(3):  # "on Sunday morning": the phrase's noun
        if tok.dep_ not in DATE_NOUN_MODIFIERS or tok.head.i == tok.i:
            break
        tok = tok.head
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN")


def _background(d: Dated, published: dt.date | None) -> bool:
    """A vague past, or a date well before the story's days (``NEWS_DAY_WINDOW``)."""
    return d.date is None or (published is not None and d.date.end < published - NEWS_DAY_WINDOW)


#: how many links up from a clause below the event's to the event's clause an old date there still tells
#: the time the sentence is about ("agreed to the sanctions passed in 2006"); deeper, it only describes a
#: thing named on the way ("struck a mosque next to a seminary that served a group outlawed in 2002")
NEAR_LINKS = 4


def _near(root: Token, trigger: Token) -> bool:
    top = clause_of(trigger)
    cur = clause_of(root)
    for _ in range(NEAR_LINKS):
        if cur.i == top.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.i == top.i


_DATED_KEY = "eventwire.dated_by_sentence"


def _by_sentence(doc: Doc, dated: list[Dated]) -> dict[int, list[Dated]]:
    """The dates by the start of their root's sentence, in their own order, once per doc and list (a scan
    of every date per event made long articles quadratic; ``rank`` is None across sentences)."""
    cached = doc.user_data.get(_DATED_KEY)
    if cached is None or cached[0] is not dated:
        groups: dict[int, list[Dated]] = {}
        for d in dated:
            groups.setdefault(sentence_of(d.root).start, []).append(d)
        cached = (dated, groups)
        doc.user_data[_DATED_KEY] = cached
    by_sentence: dict[int, list[Dated]] = cached[1]
    return by_sentence


def _own_date(trigger: Token, dated: list[Dated], t: str, context: Context) -> tuple[bool, ResolvedDate | None]:
    """The best date of the trigger's sentence, if any date there is the event's: (found, date). A date of
    a clause below the trigger's counts only when it is background: a sentence that names an old date
    ("agreed to the sanctions passed in 2006") is about that time."""
    past = t in ("past", "perfect", "pluperfect")
    ahead = looks_ahead(trigger)
    same = _by_sentence(trigger.doc, dated).get(sentence_of(trigger).start, [])
    ranked = [
        (r, abs(d.root.i - trigger.i), d)
        for d in same
        if (r := rank(d, trigger)) is not None
        and (t != "pluperfect" or r == 0)
        and _usable(d, r, t, ahead, context.published)
        and (r < 3 or (past and _background(d, context.published) and _near(d.root, trigger)))
        and not (_background(d, context.published) and bounds(d, trigger))
    ]
    if not ranked:
        return False, None
    return True, min(ranked, key=lambda x: (x[0], x[1]))[2].date


def token_date(trigger: Token, dated: list[Dated], context: Context) -> ResolvedDate | None:
    """The date of the event a token names (see the module docstring). Inside a quotation with no date
    of its own, the event is dated like the quotation's speech ("“We are winning,” he said Monday")."""
    if in_life_stage(trigger):
        return None  # "when she was 15, she was detained": a time in a life, not a date we can give
    t = tense(trigger, words().future_cues)
    found, date = _own_date(trigger, dated, t, context)
    if found:
        return date
    if in_past_period(trigger):
        return None  # "during his campaign, she criticized him": background, not today's news
    speech = _reporting_verb(trigger) if t == "present" else None
    if speech is not None and tense(speech, words().future_cues) == "past":
        return token_date(speech, dated, context)  # "argued on Monday that X violates ...": Monday
    if context.quoted(trigger.idx):
        speech = _speech_verb(trigger, context)
        if speech is None:
            return context.published_date()
        found, date = _own_date(speech, dated, tense(speech, words().future_cues), context)
        if found:
            return date
        trigger, t = speech, tense(speech, words().future_cues)
    return context.date_for(trigger, t)


def _reporting_verb(tok: Token) -> Token | None:
    """The reporting verb whose "that" clause the token's clause is ("argued that X violates ..."): a
    present there is the present of the saying, and takes its time."""
    clause = clause_of(tok)
    head = clause.head
    reporting = vocabulary().words("eventwire.reporting")
    if clause.dep_ == "ccomp" and head is not clause and head.lemma_.lower() in reporting:
        return head
    return None


def _speech_verb(tok: Token, context: Context) -> Token | None:
    """The verb that reports the quotation a token sits in: its sentence's root when that stands
    outside the quotation, else the root of the paragraph's next sentence that does ("“...,” she said."),
    else the reporting verb of the paragraph's last sentence before it that has one (a quotation that
    goes on after its attribution)."""
    sent = sentence_of(tok)
    if not context.quoted(sent.root.idx):
        return sent.root
    doc = tok.doc
    para = context.paragraph(tok.idx)
    i = sent.end
    while i < len(doc) and context.paragraph(doc[i].idx) == para:
        nxt = sentence_of(doc[i])
        if not context.quoted(nxt.root.idx) and nxt.root.pos_ in ("VERB", "AUX"):
            return nxt.root
        i = nxt.end
    # a quotation that goes on after its attribution ("“...,” Obama said. “...”"): the saying before it
    i = sent.start - 1
    reporting = vocabulary().words("eventwire.reporting")
    while i >= 0 and context.paragraph(doc[i].idx) == para:
        prev = sentence_of(doc[i])
        if not context.quoted(prev.root.idx) and prev.root.lemma_.lower() in reporting:
            return prev.root
        i = prev.start - 1
    return None


def event_date(doc: Doc, event: Event, dated: list[Dated], context: Context) -> ResolvedDate | None:
    """The date of an event (see the module docstring)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return context.published_date()
    return token_date(span.root, dated, context)


class DateResolver:
    """Resolves date expressions against ``article.published`` and dates every event."""

    name = "dates"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc", "events")
    assigns: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        published = analysis.article.published
        dated = resolve_document(doc, published)
        context = build_context(doc_text(doc), dated, published)
        events = tuple(replace(e, date=event_date(doc, e, dated, context)) for e in analysis.events)
        resolved = [d for d in dated if d.date is not None]
        notes = tuple(
            (self.name, f"{d.expr.text!r} -> {d.date.start}..{d.date.end} ({d.date.precision})")
            for d in resolved
            if d.date is not None
        )
        return analysis.with_(
            dates=tuple(d.date for d in resolved if d.date is not None),
            events=events,
            notes=analysis.notes + notes,
        )
