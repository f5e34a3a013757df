"""The knowledge of the pipeline now running: one ``Active`` slot per kind (event lexicon, actor lexicon,
vocabulary), which the pipeline fills around its stages so two pipelines with different knowledge run in
one process (each thread or asyncio task sees its own, as with any ``ContextVar``).

>>> slot: Active[str] = Active("example")
>>> slot.get() is None
True
>>> with slot.using("mine"):
...     slot.get()
'mine'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

__all__ = ["Active"]

T = TypeVar("T")


class Active(Generic[T]):
    """A slot holding the value of the pipeline now running, or None outside one."""

    def __init__(self, name: str) -> None:
        self._var: ContextVar[T | None] = ContextVar(f"eventwire_{name}", default=None)
        #: the value now active (None: none); the ContextVar's own method, so a read costs no extra call
        self.get: Callable[[], T | None] = self._var.get

    @contextmanager
    def using(self, value: T) -> Iterator[T]:
        """Make ``value`` the active one inside the block (in this thread or task only)."""
        token = self._var.set(value)
        try:
            yield value
        finally:
            self._var.reset(token)
