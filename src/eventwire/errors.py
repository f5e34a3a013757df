"""The exception tree. Every message names the input, the stage and what to do about it."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EventwireError",
    "IngestError",
    "ModelNotInstalledError",
    "StageError",
    "StoreBusyError",
    "StoreError",
]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """Bad arguments or settings (the run cannot start)."""


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
