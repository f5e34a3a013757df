"""Ingest: any input (text, HTML, JSONL, WARC, RSS/Atom; files, directories, stdin) -> Articles.

``read_inputs`` is the entry point; see ``sources`` for how inputs are walked and ``clean`` for the
boilerplate rules applied to scraped text.
"""

from __future__ import annotations

from .sources import read_inputs

__all__ = ["read_inputs"]
