"""eventwire: news in, trustworthy political event data out.

>>> import eventwire
>>> analysis = eventwire.code_text("Iraq asked the United States to withdraw its troops.", published="2020-01-10")
>>> [(e.cameo, e.source.country, e.target.country) for e in analysis.events]  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from .errors import (
    ConfigError,
    EventwireError,
    IngestError,
    KnowledgeError,
    ModelNotInstalledError,
    StageError,
    StoreError,
)
from .model import Actor, Analysis, Article, Event, EventSide, Place, Quote, ResolvedDate, Span, Speaker

if TYPE_CHECKING:
    from pathlib import Path

    from .pipeline import Pipeline
    from .store.api import Workbench

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ConfigError",
    "Event",
    "EventSide",
    "EventwireError",
    "IngestError",
    "KnowledgeError",
    "ModelNotInstalledError",
    "Place",
    "Quote",
    "ResolvedDate",
    "Span",
    "Speaker",
    "StageError",
    "StoreError",
    "__version__",
    "code_text",
]
# ``open`` is not in __all__: ``from eventwire import *`` must not shadow the builtin ``open``;
# use ``eventwire.open(path)`` (or ``eventwire.open_store``).


def code_text(
    text: str,
    *,
    published: str | dt.date | None = None,
    source: str | None = None,
    id: str = "text",
    title: str | None = None,
    url: str | None = None,
    min_confidence: float | None = None,
) -> Analysis:
    """Code one article's text with the default pipeline (loads spaCy on first use).

    Events under ``min_confidence`` are hidden (``analysis.hidden_events`` counts them); the default is
    the calibrated threshold of the command line, and 0 keeps every event."""
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    analysis = _default_pipeline().code_text(text, id=id, published=day, source=source, title=title, url=url)
    if min_confidence is None:
        from .assess import load_weights

        min_confidence = load_weights().min_confidence
    return analysis.at_least(min_confidence)


def open(path: str | Path, frame: str = "pandas") -> Workbench:
    """Open a store read-only: ``eventwire.open("events.store").events(country="IRQ")``; ``frame``: pandas,
    polars or arrow."""
    from .store.api import open_store

    return open_store(path, frame=frame)  # type: ignore[arg-type]


open_store = open


@functools.cache
def _default_pipeline() -> Pipeline:
    """One pipeline per process, so spaCy and the knowledge files load once."""
    from .pipeline import Pipeline

    return Pipeline()
