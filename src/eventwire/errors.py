"""The exception tree. Every message names the input, the stage and what to do about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ConfigError",
    "EventwireError",
    "IngestError",
    "KnowledgeError",
    "KnowledgeProblem",
    "ModelNotInstalledError",
    "StageError",
    "StoreBusyError",
    "StoreError",
]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """Bad arguments or settings (the run cannot start)."""


@dataclass(frozen=True)
class KnowledgeProblem:
    """One fault of a knowledge file: where (line, key), what, and how to fix it."""

    line: int | None
    key: str
    reason: str
    fix: str = ""

    def describe(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line is not None else path
        return f"{where}: {self.key}: {self.reason}" + (f" (fix: {self.fix})" if self.fix else "")


class KnowledgeError(ConfigError):
    """A knowledge file (``--dict``) is malformed: raised when the file is loaded, naming each problem's
    file, line and key and how to fix it."""

    def __init__(self, path: str, problems: Sequence[KnowledgeProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else KnowledgeProblem(None, "-", "invalid")
        self.line = first.line
        self.key = first.key
        super().__init__("; ".join(p.describe(path) for p in self.problems) or f"{path}: invalid")


class IngestError(EventwireError):
    """An input could not be read or decoded into an article."""

    def __init__(self, source: str, reason: str, fix: str = "") -> None:
        self.source = source
        self.reason = reason
        msg = f"{source}: ingest failed: {reason}"
        super().__init__(f"{msg} ({fix})" if fix else msg)


class StageError(EventwireError):
    """A pipeline stage failed on one article; the batch goes on without it."""

    def __init__(self, article_id: str, stage: str, reason: str) -> None:
        self.article_id = article_id
        self.stage = stage
        self.reason = reason
        super().__init__(f"article {article_id!r}: stage {stage!r} failed: {reason}")


class ModelNotInstalledError(EventwireError):
    """The spaCy pipeline is missing."""


class StoreError(EventwireError):
    """The store could not be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock (an ingest is running); retry in a moment."""
