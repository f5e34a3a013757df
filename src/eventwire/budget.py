"""A time budget per article: past it, the article's coding stops and it becomes an error record.

The budget is an interval timer (``SIGALRM``): when it fires, :class:`ArticleTimeout` is raised in the
code that is running, wherever it is (spaCy returns to Python between pieces of a long text, and every
stage is Python). It works in the main thread of a process (the CLI, and each worker of the pool);
elsewhere, or where the platform has no ``SIGALRM``, articles run without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["ArticleTimeout", "budget", "can_time_out"]


class ArticleTimeout(BaseException):
    """The article's time budget ran out."""


def can_time_out() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _ring(signum: int, frame: FrameType | None) -> None:
    raise ArticleTimeout


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block once ``seconds`` have passed (None: no budget)."""
    if seconds is None or seconds <= 0 or not can_time_out():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
