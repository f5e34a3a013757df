"""The one declared order of each record kind's fields: the JSON record's keys, the store table's columns and
the views derived from them (``schema.views``) all follow it.

A record kind named here lists every field of its class in the order its outputs show them (kept from the
first release; a dataclass's own order is bound by its defaults); any other record kind shows its fields in
their dataclass order. A field a subclass adds, or one no order names yet, follows the named ones.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from ..model import Analysis, Article, Event

__all__ = ["FIELD_ORDER", "field_order"]

FIELD_ORDER: dict[type, tuple[str, ...]] = {
    Article: ("id", "url", "title", "published", "source", "text", "duplicate_of", "error", "removed"),
    Event: (
        "id",
        "source",
        "target",
        "cameo",
        "root",
        "quad",
        "penta",
        "goldstein",
        "plover",
        "date",
        "location",
        "modality",
        "confidence",
        "basis",
        "pattern",
        "coder",
        "evidence",
        "trigger",
        "mentions",
        "also",
    ),
    Analysis: (
        "article",
        "error",
        "actors",
        "quotes",
        "events",
        "hidden_events",
        "places",
        "dates",
        "claims",
        "notes",
    ),
}


@cache
def field_order(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the declared order, the fields that follow it) of a record class: its own or its nearest base
    class's declared order, else its dataclass order; then the fields that order does not name, in their
    dataclass order (a subclass's additions)."""
    names = [f.name for f in dataclasses.fields(cls)]
    declared = next((FIELD_ORDER[c] for c in cls.__mro__ if c in FIELD_ORDER), None)
    if declared is None:
        return tuple(names), ()
    known = [n for n in declared if n in names]
    return tuple(known), tuple(n for n in names if n not in declared)
