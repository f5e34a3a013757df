"""Highlighted text for the web pages (the charts are drawn by ``charts.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from markupsafe import Markup, escape

__all__ = ["highlight"]


def highlight(text: str, marks: Iterable[tuple[int, int, str]], offset: int = 0) -> Markup:
    """``text`` with spans marked: each (start, end, css class) in article offsets; ``offset`` is text's start.

    One pass over the marks' boundaries (not over the characters): memory grows with the marks and the
    output, never with a set per character. Touching runs with the same classes are one span.
    """
    n = len(text)
    changes: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for start, end, cls in marks:
        lo, hi = max(start - offset, 0), min(end - offset, n)
        if lo < hi:
            changes[lo].append((cls, 1))
            changes[hi].append((cls, -1))
    active: dict[str, int] = defaultdict(int)
    out: list[str] = []
    run_start, run_names, prev = 0, "", 0
    for pos in sorted({*changes, n}):
        if pos > prev:
            names = " ".join(sorted(c for c, k in active.items() if k > 0))
            if names != run_names:
                _emit(out, text[run_start:prev], run_names)
                run_start, run_names = prev, names
            prev = pos
        for cls, step in changes.get(pos, ()):
            active[cls] += step
    _emit(out, text[run_start:n], run_names)
    return Markup("".join(out))


def _emit(out: list[str], piece: str, names: str) -> None:
    if piece:
        out.append(f'<span class="{names}">{escape(piece)}</span>' if names else str(escape(piece)))
