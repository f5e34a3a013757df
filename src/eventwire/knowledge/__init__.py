"""Knowledge passed in: the package's event patterns plus a user's files, as one object per pipeline.

>>> from eventwire.knowledge import Knowledge
>>> from eventwire.pipeline import Pipeline
>>> mine = Pipeline(knowledge=Knowledge.load(["my-patterns.yaml"]))  # doctest: +SKIP

A user file (``files.read_knowledge_file``) adds patterns under new ids and overrides the package's
(or an earlier file's) pattern of the same id, in place. Added patterns come before the package's, so
where a user's pattern and the package's are equally specific the user's wins. Nothing is cached by
module: each ``Knowledge`` holds its own ``Lexicon``, which the pipeline makes active around its stages.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..events.lexicon import Lexicon, default_lexicon, lexicon_entries, using_lexicon
from .files import KnowledgeFile, read_knowledge_file

__all__ = ["Change", "Knowledge", "KnowledgeFile", "read_knowledge_file"]


@dataclass(frozen=True)
class Change:
    """What one entry of a user file does to the knowledge before it."""

    path: str
    line: int
    id: str
    kind: Literal["adds", "overrides"]
    code: str
    #: the code of the entry it overrides (None: it adds one)
    before: str | None = None


@dataclass(frozen=True)
class Knowledge:
    """The knowledge of one pipeline: its event lexicon and the user files it was built from."""

    lexicon: Lexicon = field(default_factory=default_lexicon)
    paths: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()

    @classmethod
    def default(cls) -> Knowledge:
        """The package's own knowledge."""
        return cls()

    @classmethod
    def load(cls, paths: Sequence[str | Path]) -> Knowledge:
        """The package's knowledge plus ``paths`` in order (each validated: ``KnowledgeError``)."""
        if not paths:
            return cls()
        return cls.merge([read_knowledge_file(p) for p in paths])

    @classmethod
    def merge(cls, files: Sequence[KnowledgeFile]) -> Knowledge:
        """The package's knowledge plus already-read files, in order."""
        base: list[dict[str, Any]] = list(lexicon_entries())
        where = {str(entry["id"]): i for i, entry in enumerate(base)}
        added: list[dict[str, Any]] = []
        added_at: dict[str, int] = {}
        changes: list[Change] = []
        for kf in files:
            for entry, line in zip(kf.patterns, kf.lines, strict=True):
                pid, code = str(entry["id"]), str(entry["code"])
                if pid in where:
                    changes.append(Change(kf.path, line, pid, "overrides", code, str(base[where[pid]]["code"])))
                    base[where[pid]] = entry
                elif pid in added_at:
                    changes.append(Change(kf.path, line, pid, "overrides", code, str(added[added_at[pid]]["code"])))
                    added[added_at[pid]] = entry
                else:
                    added_at[pid] = len(added)
                    added.append(entry)
                    changes.append(Change(kf.path, line, pid, "adds", code))
        lexicon = Lexicon.from_entries(added + base)
        return cls(lexicon, tuple(kf.path for kf in files), tuple(changes))

    @contextmanager
    def active(self) -> Iterator[Knowledge]:
        """Make this knowledge the one the stages read, inside the block."""
        with using_lexicon(self.lexicon):
            yield self
