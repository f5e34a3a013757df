"""The JSON record of each model record: its fields in their declared order (``schema.order``), a nested record as
an object, a tuple as a list, a date as ISO text; ``JSON_SHAPES`` declares where a record departs from that."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from ..model import Analysis, Article, Event, Place, Quote
from .order import field_order

__all__ = ["JSON_SHAPES", "JsonShape", "json_keys", "json_record", "json_value", "shape_of"]

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class JsonShape:
    """How a record's JSON object departs from its fields in their declared order."""

    #: fields not written (each with its reason in a comment where declared)
    omit: frozenset[str] = frozenset()
    #: fields whose record is written into the parent's object (a quote's span: its start, end, text)
    flat: frozenset[str] = frozenset()
    #: fields written under another key
    names: Mapping[str, str] = dataclasses.field(default_factory=dict)
    #: fields written by a function of the whole record (a trigger inside the evidence, a rounded number)
    convert: Mapping[str, Callable[[Any], Any]] = dataclasses.field(default_factory=dict)
    #: fields whose record's fields are written as keys of the parent: field -> (its field -> key)
    spread: Mapping[str, Mapping[str, str]] = dataclasses.field(default_factory=dict)


def _evidence(event: Event) -> JSON:
    return {**json_record(event.evidence), "trigger": json_record(event.trigger)}


def _analysis_error(analysis: Analysis) -> JSON | None:
    error = analysis.error if analysis.error is not None else analysis.article.error
    return json_record(error) if error is not None else None


JSON_SHAPES: dict[type, JsonShape] = {
    Article: JsonShape(
        omit=frozenset({"removed"}),  # boilerplate lines: kept for ``explain``, not part of the output contract
    ),
    Quote: JsonShape(flat=frozenset({"span"})),
    Place: JsonShape(flat=frozenset({"span"}), omit=frozenset({"admin1"})),  # admin1: GDELT's ADM1 code only
    Event: JsonShape(
        omit=frozenset({"trigger"}),  # written inside ``evidence``
        spread={"date": {"start": "date", "end": "date_end", "precision": "date_precision"}},
        convert={
            "location": lambda e: json_record(e.location, omit=frozenset({"span"})),  # where the event happened
            "confidence": lambda e: round(e.confidence, 4),
            "basis": lambda e: {name: round(value, 4) for name, value in e.basis},
            "evidence": _evidence,
        },
    ),
    Analysis: JsonShape(
        flat=frozenset({"article"}),
        # dates: every date expression, shown by ``explain``; notes: the stages' notes for ``explain``
        omit=frozenset({"dates", "notes"}),
        names={"hidden_events": "events_hidden"},
        convert={"error": _analysis_error},  # the analysis's failure, else the article's (ingest's)
    ),
}


def shape_of(cls: type) -> JsonShape:
    """The JSON shape of a record class: its own, else its nearest base class's (a subclass adds fields)."""
    return next((JSON_SHAPES[c] for c in cls.__mro__ if c in JSON_SHAPES), _PLAIN)


_PLAIN = JsonShape()


@cache
def _json_plan(cls: type, omit: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """(field, how) of a record class's JSON object, in order; how: plain, flat, convert or spread."""
    shape = shape_of(cls)
    declared, added = field_order(cls)
    plan = []
    for name in (*declared, *added):
        if name in shape.omit or name in omit:
            continue
        how = (
            "convert"
            if name in shape.convert
            else "spread"
            if name in shape.spread
            else "flat"
            if name in shape.flat
            else "plain"
        )
        plan.append((name, how))
    return tuple(plan)


@cache
def json_keys(cls: type) -> tuple[str, ...]:
    """The keys of a record class's JSON object, in order (a spread field's keys, a flat record's own)."""
    shape = shape_of(cls)
    keys: list[str] = []
    for name, how in _json_plan(cls, frozenset()):
        if how == "spread":
            keys.extend(shape.spread[name].values())
        elif how == "flat":
            hint = get_type_hints(cls)[name]
            inner = [a for a in get_args(hint) if a is not type(None)] or [hint]
            keys.extend(json_keys(inner[0]))
        else:
            keys.append(shape.names.get(name, name))
    return tuple(keys)


def json_value(value: Any) -> Any:
    """A field's value as JSON: a record as its object, a tuple as a list, a date as ISO text."""
    if value is None or isinstance(value, str | int | float):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json_record(value)
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_record(record: Any, omit: frozenset[str] = frozenset()) -> Any:
    """The JSON object of a model record (None for None): ``coded_record(analysis)`` is ``json_record(analysis)``."""
    if record is None:
        return None
    cls: Any = type(record)
    return _writer(cls, omit)(record)


@cache
def _writer(cls: type, omit: frozenset[str]) -> Callable[[Any], JSON]:
    """The function writing a record class's JSON object: one dict display of its plan, built once (as
    ``dataclasses`` builds ``__init__``), which writes an article's records as fast as code written by hand.
    The names in it are the class's field names and the shape's keys (as literals)."""
    shape = shape_of(cls)
    hints = get_type_hints(cls)
    env: dict[str, Any] = {"_value": json_value, "_record": json_record}
    parts = []
    for i, (name, how) in enumerate(_json_plan(cls, omit)):
        key = repr(shape.names.get(name, name))
        if how == "convert":
            env[f"_convert{i}"] = shape.convert[name]
            parts.append(f"{key}: _convert{i}(r)")
        elif how == "spread":
            for sub, k in shape.spread[name].items():
                parts.append(f"{k!r}: None if r.{name} is None else _value(r.{name}.{sub})")
        elif how == "flat":
            parts.append(f"**(_record(r.{name}) or {{}})")
        else:
            parts.append(f"{key}: {_expression(hints[name], f'r.{name}')}")
    writer: Callable[[Any], JSON] = eval(f"lambda r: {{{', '.join(parts)}}}", env)
    return writer


def _expression(hint: Any, at: str) -> str:
    """The expression writing the field at ``at`` by its annotation: a word, a number or a Literal as it is,
    a record as its object, a tuple of records as a list of them, anything else through ``json_value``."""
    optional = get_origin(hint) in (Union, types.UnionType)
    args = [a for a in get_args(hint) if a is not type(None)] if optional else [hint]
    if len(args) != 1:
        return f"_value({at})"
    hint = args[0]
    if hint in (str, int, float, bool) or get_origin(hint) is Literal:
        return at
    if dataclasses.is_dataclass(hint):
        return f"_record({at})"
    items = get_args(hint)
    if get_origin(hint) is tuple and len(items) == 2 and items[1] is Ellipsis and dataclasses.is_dataclass(items[0]):
        return f"[_record(v) for v in {at}]"
    return f"_value({at})"
