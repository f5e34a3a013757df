"""PLOVER / POLECAT-shaped events: one JSON object per event mention.

The shape follows PLOVER 2.0 (the event ontology POLECAT is coded in): an ``event`` type, its ``mode``
(only modes PLOVER defines for that type), its ``context`` list (PLOVER's general contexts, from the
CAMEO code's place in the CAMEO-to-PLOVER table), the auxiliary ``aux_modes`` (``negation``,
``hypothetical``, ``future``) from our modality, the ``actor`` and the ``recipient``, the ``location``, the
``date`` and the ``story`` it comes from, with the evidence sentence. Events with no PLOVER type (CAMEO 01
statements) are not written. The same function serves ``code --format plover`` (from an analysis) and
``export --format plover`` (from a store's rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from ..model import Analysis
from ..schema import event_row

__all__ = ["AUX_MODES", "plover_record", "plover_records", "plover_types"]

#: our modality -> PLOVER's auxiliary mode
AUX_MODES = {"negated": "negation", "hypothetical": "hypothetical", "future": "future"}


def _data(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def plover_types() -> dict[str, tuple[str, frozenset[str]]]:
    """PLOVER event type -> (quad category, its modes); ``"*"`` holds the auxiliary modes."""
    return {row[0]: (row[1], frozenset(m for m in row[2].split(",") if m)) for row in _data("plover_types.tsv")}


@cache
def _contexts() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split(",")) for row in _data("plover_contexts.tsv")}


def contexts_of(cameo: str) -> list[str]:
    """The PLOVER contexts of a CAMEO code, from the code or its nearest parent that has some."""
    table = _contexts()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return list(table[cameo[:n]])
    return []


def _mode(plover: str, cameo: str) -> str | None:
    from ..events.lexicon.cameo import cameo_table

    code = cameo_table().get(cameo)
    mode = code.plover_mode if code else None
    return mode if mode and mode in plover_types().get(plover, ("", frozenset()))[1] else None


def _side(prefix: str, row: dict[str, Any]) -> dict[str, Any] | None:
    if row.get(f"{prefix}_name") is None and row.get(f"{prefix}_country") is None:
        return None
    return {
        "name": row.get(f"{prefix}_name"),
        "country": row.get(f"{prefix}_country"),
        "sector": row.get(f"{prefix}_sector"),
        "code": row.get(f"{prefix}_code"),
    }


def _iso(value: Any) -> str | None:
    return str(value.isoformat()) if hasattr(value, "isoformat") else value if value is None else str(value)


def plover_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER record of one event row (the store's ``events`` columns plus ``article_id``, ``url``,
    ``outlet``, ``title``, ``published``); None when the event has no PLOVER type."""
    event = row.get("plover")
    if not event or event not in plover_types():
        return None
    location = None
    if row.get("location") is not None:
        location = {k: row.get(c) for k, c in (("name", "location"), ("country", "location_country"))}
        location.update(lat=row.get("lat"), lon=row.get("lon"))
    aux = AUX_MODES.get(row.get("modality") or "")
    return {
        "id": f"{row['article_id']}:{row['event']}",
        "event": event,
        "mode": _mode(event, row["cameo"]),
        "context": contexts_of(row["cameo"]),
        "aux_modes": [aux] if aux else [],
        "quad_category": plover_types()[event][0],
        "date": _iso(row.get("date")),
        "date_end": _iso(row.get("date_end")),
        "date_precision": row.get("date_precision"),
        "actor": _side("source", row),
        "recipient": _side("target", row),
        "location": location,
        "cameo": row["cameo"],
        "goldstein": row.get("goldstein"),
        "confidence": row.get("confidence"),
        "text": " ".join((row.get("evidence") or "").split()),
        "trigger": row.get("trigger"),
        "story": {
            "id": row["article_id"],
            "title": row.get("title"),
            "url": row.get("url"),
            "publisher": row.get("outlet"),
            "date": _iso(row.get("published")),
        },
    }


def plover_records(analysis: Analysis) -> Iterator[dict[str, Any]]:
    for e in analysis.events:
        rec = plover_record(event_row(analysis, e))  # the row an export from a store reads
        if rec is not None:
            yield rec
