"""Dates for events whose own sentence gives none: the paragraph's narrative, the story's day, publication.

- Present, present-perfect and future clauses are the news of the publication day.
- A past clause continues its paragraph's narrative: it takes the latest date that dated a clause earlier
  in the same paragraph ("In 2011, protests broke out. Putin blamed Clinton." is 2011).
- A past-perfect clause is before its reference time: it takes a paragraph's date only when that is
  coarser than a day (a year, a month), else no date at all (never the publication day).
- A simple past with no such date is the story's news: the story's day is the first recent day the
  opening paragraphs name ("Wednesday's roundtable", "a video released over the weekend"), else the
  publication day. An anchored date ("five days after the vote") is not the story's day: it dates the
  background event under its "after"/"before", the news is told relative to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from ..model import ResolvedDate
from ..nlp import sentence_of
from .clauses import Dated, Tense, clause_of

__all__ = ["NEWS_DAY_PARAGRAPHS", "NEWS_DAY_WINDOW", "Context", "build_context"]

#: The story's day is looked for in this many opening paragraphs ...
NEWS_DAY_PARAGRAPHS: Final = 6
#: ... among days at most this long before publication, in ranges at most this long.
NEWS_DAY_WINDOW: Final = dt.timedelta(days=7)
_NEWS_DAY_SPAN: Final = dt.timedelta(days=2)
OPEN_QUOTES: Final = frozenset("“«")
CLOSE_QUOTES: Final = frozenset("”»")
_QUOTE_MARK: Final = re.compile('[“«”»"]')


@dataclass(frozen=True, slots=True)
class Context:
    """What an undated event's date is read from."""

    text: str
    published: dt.date | None
    #: paragraph start offsets, ascending
    paragraphs: tuple[int, ...]
    #: dates that dated a clause (narrative dates), in text order; a None date is a vague past
    narrative: tuple[Dated, ...]
    news_day: ResolvedDate | None
    #: offsets of the quotation marks, ascending, and whether a quotation is open just after each (the
    #: state starts closed at every paragraph): ``quoted`` is a search, not a scan of the paragraph
    quote_marks: tuple[int, ...] = ()
    quote_open: tuple[bool, ...] = ()

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation opened earlier in its paragraph."""
        i = bisect.bisect_left(self.quote_marks, offset) - 1
        start = self.paragraphs[self.paragraph(offset)] if self.paragraphs else 0
        return i >= 0 and self.quote_marks[i] >= start and self.quote_open[i]

    def _previous(self, start: int) -> Dated | None:
        """The latest narrative date before ``start`` in the same paragraph."""
        para = self.paragraph(start)
        best: Dated | None = None
        for d in self.narrative:
            if d.expr.start >= start:
                break
            if self.paragraph(d.expr.start) in (para, para - 1):
                best = d
        return best

    def published_date(self) -> ResolvedDate | None:
        p = self.published
        return ResolvedDate(p, p, "published") if p is not None else None

    def date_for(self, trigger: Token, tense: Tense) -> ResolvedDate | None:
        """The date of an event whose sentence dates it not (see the module docstring)."""
        if tense in ("present", "perfect", "future"):
            return self.published_date()
        prev = self._previous(sentence_of(trigger).start_char)
        if prev is not None:
            if tense == "pluperfect" and prev.date is not None and prev.date.precision == "day":
                return None
            return prev.date
        if tense == "pluperfect":
            return None
        return self.news_day or self.published_date()


def paragraph_starts(text: str) -> tuple[int, ...]:
    """Where each paragraph (a block between blank lines) starts."""
    starts = [0]
    i = text.find("\n\n")
    while i != -1:
        j = i
        while j < len(text) and text[j] in "\n \t":
            j += 1
        if j < len(text):
            starts.append(j)
        i = text.find("\n\n", j)
    return tuple(starts)


def _is_narrative(d: Dated, published: dt.date | None) -> bool:
    """A date the narrative can go on from: a vague past, or a past date that is not a boundary; a date
    on a noun ("a November 6 attack") only when recent (an old one, "the April 22 attack", is a
    reference, not the time of the story)."""
    if d.date is None:
        return True  # a vague past ("decades ago") carries its paragraph on as background
    if d.future or d.boundary or (published is not None and d.date.start > published):
        return False
    return d.noun is None or (published is not None and d.date.start >= published - NEWS_DAY_WINDOW)


def _news_day(dated: list[Dated], published: dt.date | None, paragraphs: tuple[int, ...]) -> ResolvedDate | None:
    if published is None:
        return None
    limit = paragraphs[NEWS_DAY_PARAGRAPHS] if len(paragraphs) > NEWS_DAY_PARAGRAPHS else None
    for d in dated:
        if limit is not None and d.expr.start >= limit:
            break
        date = d.date
        if date is None or d.future or d.boundary or d.relation is not None or date.precision not in ("day", "range"):
            continue  # an anchored date ("five days after X voted") is X's day, told as background
        if (
            published - NEWS_DAY_WINDOW <= date.start
            and date.end <= published
            and date.end - date.start <= _NEWS_DAY_SPAN
        ):
            return date
    return None


def _sentence_dates(dated: list[Dated], published: dt.date | None) -> tuple[Dated, ...]:
    """One narrative date per sentence: the last that dates the sentence's main clause or its conjuncts (a
    date of a clause below it, "said she had told him six months ago", is that clause's time, not the
    narrative's)."""
    by_sentence: dict[int, list[Dated]] = {}
    for d in dated:
        if _is_narrative(d, published):
            by_sentence.setdefault(sentence_of(d.root).start, []).append(d)
    out: list[Dated] = []
    for group in by_sentence.values():
        root = sentence_of(group[0].root).root
        main = [d for d in group if _in_main_clause(d, root)]
        if main:
            out.append(main[-1])
    return tuple(sorted(out, key=lambda d: d.expr.start))


def _in_main_clause(d: Dated, root: Token) -> bool:
    """Whether a date sits in the sentence's main clause or one of its conjuncts ("... opposed it, and
    the United States announced last December ...")."""
    if d.relation is not None:
        return False
    cur = clause_of(d.noun if d.noun is not None else d.root)
    for _ in range(8):
        if cur.i == root.i:
            return True
        if cur.dep_ != "conj":
            return False
        cur = clause_of(cur.head)
    return False


def build_context(text: str, dated: list[Dated], published: dt.date | None) -> Context:
    paragraphs = paragraph_starts(text)
    narrative = _sentence_dates(dated, published)
    marks, open_after = _quote_marks(text, paragraphs)
    return Context(text, published, paragraphs, narrative, _news_day(dated, published, paragraphs), marks, open_after)


def _quote_marks(text: str, paragraphs: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """Every quotation mark of ``text`` and whether a quotation is open after it, paragraph by paragraph:
    an opening mark opens, a closing one closes, a straight double quote toggles."""
    marks: list[int] = []
    states: list[bool] = []
    inside = False
    last_para = -1
    for m in _QUOTE_MARK.finditer(text):
        at, ch = m.start(), m.group()
        para = bisect.bisect_right(paragraphs, at) - 1
        if para != last_para:
            inside, last_para = False, para  # a new paragraph starts closed
        inside = True if ch in OPEN_QUOTES else False if ch in CLOSE_QUOTES else not inside
        marks.append(at)
        states.append(inside)
    return tuple(marks), tuple(states)
