"""How a reader says that one input item failed; the caller turns it into an error Article."""

from __future__ import annotations

from ..model import Article, StageFailure

__all__ = ["IngestFailure", "failed_article"]


class IngestFailure(Exception):
    """One input item could not be read: a reason and what the user can do about it."""

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(f"{reason} ({fix})")
        self.reason = reason
        self.fix = fix


def failed_article(id: str, reason: str, fix: str, **meta: object) -> Article:
    """An Article with empty text whose ``error`` names the input, the reason and the fix."""
    failure = StageFailure("ingest", f"{id}: {reason} ({fix})")
    return Article(id=id, text="", error=failure, **meta)  # type: ignore[arg-type]
