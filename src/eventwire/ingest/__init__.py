"""Ingest: any input (text, HTML, JSONL, WARC, RSS/Atom; files, directories, stdin) -> Articles.

``read_inputs`` is the entry point; see ``sources`` for how inputs are walked and ``clean`` for the
boilerplate rules applied to scraped text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .sources import read_inputs

__all__ = ["read_inputs"]


def __getattr__(name: str) -> Any:
    """``read_inputs`` is imported on first use: commands that read no input (``query``) skip the readers."""
    if name == "read_inputs":
        from .sources import read_inputs

        return read_inputs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
