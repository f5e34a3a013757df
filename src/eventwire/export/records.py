"""Analysis -> the JSON record of the output contract (``eventwire code`` JSONL).

The records' shapes are declared once, in ``eventwire.schema`` (derived from ``model.py``); these are the
names the writers and the evaluation call them by.
"""

from __future__ import annotations

from typing import Any

from ..model import Analysis, Article, Event, Span
from ..schema import json_record

__all__ = ["article_record", "coded_record", "event_record", "span_record"]

JSON = dict[str, Any]


def span_record(span: Span | None) -> JSON | None:
    record: JSON | None = json_record(span)
    return record


def article_record(article: Article) -> JSON:
    """The record of ``eventwire extract``."""
    record: JSON = json_record(article)
    return record


def event_record(event: Event) -> JSON:
    record: JSON = json_record(event)
    return record


def coded_record(analysis: Analysis) -> JSON:
    """The record of ``eventwire code``: every field of shared/CONTRACT.md, and a few more."""
    record: JSON = json_record(analysis)
    return record
