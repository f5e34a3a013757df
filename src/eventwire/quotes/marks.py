"""Quotation marks: the stretches of text between them, paragraph by paragraph.

Marks: curly and straight double quotes, doubled apostrophes (``''...''``), guillemets, and single
curly quotes (‘...’) outside a double quotation. Curly quotations nest (“... “inner” ...” is one).
A closing mark at the start of a word with no quotation open is taken as an opener (a common typo).
A paragraph (or line) break closes any quotation left open: a quote that runs on into the next
paragraph is found as two pieces, the first one ``closed=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "find_segments"]

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


@dataclass(frozen=True, slots=True)
class Segment:
    """The content of one quotation: ``text[start:end]``, marks excluded, whitespace trimmed."""

    start: int
    end: int
    #: Offsets of the opening mark and just after the closing mark (or the paragraph end).
    outer_start: int
    outer_end: int
    closed: bool


def _trimmed(text: str, start: int, end: int, outer: tuple[int, int], closed: bool) -> Segment | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2 or not any(c.isalnum() for c in text[start:end]):
        return None
    return Segment(start, end, outer[0], outer[1], closed)


_MARKS = re.compile("''|[\"“”«»„‘’]")


def _mark_kind(text: str, i: int, hi: int) -> str:
    """The kind of mark at ``i``: "open", "close", "toggle", "sopen", "sclose" or "" (an apostrophe)."""
    c = text[i]
    if c in OPENERS:
        return "open"
    if c in CLOSERS:
        return "close"
    if c in "\"'":
        return "toggle"
    if c == SINGLE_OPEN:
        return "sopen"
    if i + 1 >= hi or not text[i + 1].isalnum():
        return "sclose"
    return ""


def _word_start(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1].isspace()


def _line_segments(text: str, lo: int, hi: int) -> list[Segment | None]:
    found: list[Segment | None] = []
    open_at: int | None = None
    depth = 0  # curly quotations nest: “... “inner” ...”
    single_at: int | None = None
    for m in _MARKS.finditer(text, lo, hi):
        i, width = m.start(), m.end() - m.start()
        kind = _mark_kind(text, i, hi)
        if kind == "close" and open_at is None and _word_start(text, i, lo):
            kind = "open"
        if kind in ("open", "toggle") and open_at is None:
            open_at, depth, single_at = i, 1, None
        elif kind == "open" and open_at is not None:
            depth += 1
        elif kind == "close" and open_at is not None and depth > 1:
            depth -= 1
        elif kind in ("close", "toggle") and open_at is not None:
            start = open_at + (2 if text.startswith("''", open_at) else 1)
            found.append(_trimmed(text, start, i, (open_at, i + width), True))
            open_at, depth = None, 0
        elif kind == "sopen" and open_at is None:
            single_at = i
        elif kind == "sclose" and open_at is None and single_at is not None:
            found.append(_trimmed(text, single_at + 1, i, (single_at, i + 1), True))
            single_at = None
    if open_at is not None:
        start = open_at + (2 if text.startswith("''", open_at) else 1)
        found.append(_trimmed(text, start, hi, (open_at, hi), False))
    return found


def find_segments(text: str) -> list[Segment]:
    """Every quotation of ``text`` in order."""
    out: list[Segment] = []
    pos = 0
    for line in text.split("\n"):
        out.extend(s for s in _line_segments(text, pos, pos + len(line)) if s is not None)
        pos += len(line) + 1
    return out
