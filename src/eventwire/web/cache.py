"""Results the workbench computed from one committed version of the store, kept until the next commit.

A store changes only when the writer commits a new manifest (a segment added, merged events rebuilt, a
compaction): its ``version`` goes up by one each time. A server request reads the store at the version it
found when it began, and may keep what it computed (a rendered chart, the histogram behind a page of merged
events) under that version. The next commit invalidates everything: :meth:`VersionCache.advance` drops every
entry, and a value computed from an older version is never stored after that (a request that began before
the commit and ends after it computes its answer but keeps nothing). At most ``size`` entries are kept, the
least recently used going first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store.views import Memo

__all__ = ["Memo", "VersionCache"]

T = TypeVar("T")


class VersionCache:
    """Values keyed by (store version, key); thread-safe; bounded to ``size`` entries."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.version: int | None = None
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def advance(self, version: int) -> None:
        """The store is now at ``version``: drop everything computed from another one."""
        with self._lock:
            if version != self.version:
                self.version = version
                self._entries.clear()

    def get(self, version: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``key`` computed from the store at ``version``: kept, or ``compute()`` (outside the
        lock, so other requests are not held up), kept only while ``version`` is still the current one."""
        with self._lock:
            if version == self.version and key in self._entries:
                self._entries.move_to_end(key)
                value: T = self._entries[key]
                return value
        value = compute()
        with self._lock:
            if version == self.version:
                self._entries[key] = value
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return value

    def memo(self, version: int) -> Memo:
        """:meth:`get` for requests reading the store at ``version``."""
        return lambda key, compute: self.get(version, key, compute)

    def __len__(self) -> int:
        return len(self._entries)
