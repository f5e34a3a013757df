"""Word lists more than one stage reads (``data/event_location.yaml``), loaded once per process.

The events stage asks whether a noun names a place ("the village of X"); the places stage asks the same
and more. Both read the list here, so neither reaches into the other's module.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

__all__ = ["word_list"]

DATA = Path(__file__).resolve().parent / "data" / "event_location.yaml"


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    raw: dict[str, list[str]] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: frozenset(str(w) for w in v) for k, v in raw.items()}


def word_list(name: str) -> frozenset[str]:
    """The named list of ``data/event_location.yaml`` (KeyError for a name the file lacks)."""
    return _lists()[name]
