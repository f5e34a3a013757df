"""The views of the records: which columns a listing shows and in which order, declared by name next to the
schema they come from, so no route, command or writer writes its own list.

A ``View`` shows some columns of a store table (and of its article, ``ARTICLE_COLUMNS``) in its own order,
then every other column of the table in the schema's order, except those it hides: a column a new field adds
to the table reaches every view with no other edit, after the ones the view names. A ``RecordView`` does the
same over the JSON record of an event (``eventwire code --format csv``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from ..model import Event
from .records import json_keys
from .tables import ARTICLE_COLUMNS, record_columns

__all__ = [
    "ARTICLE_COLUMNS",
    "CHART_COLUMNS",
    "CODED_CSV",
    "EVENT_LIST",
    "EVENT_TABLE",
    "RecordView",
    "View",
    "article_select",
]


def article_select(names: tuple[str, ...], prefix: str = "a.") -> str:
    """The SQL select list of these article columns of an event row (``a.id AS article_id``, ...)."""
    out = []
    for name in names:
        column = ARTICLE_COLUMNS[name]
        out.append(f"{prefix}{column}" if column == name else f"{prefix}{column} AS {name}")
    return ", ".join(out)


@dataclass(frozen=True, slots=True)
class View:
    """A view of a store table's rows: ``shown`` first (a column of the table, or of its article:
    ``ARTICLE_COLUMNS``), then the table's other columns in the schema's order, except ``hidden``."""

    table: str
    shown: tuple[str, ...]
    hidden: frozenset[str] = frozenset()

    def columns(self) -> tuple[str, ...]:
        """The view's columns, in order."""
        return _view_columns(self)

    def table_columns(self) -> tuple[str, ...]:
        """The view's columns that are the table's own (not its article's), in order."""
        return tuple(c for c in self.columns() if c not in ARTICLE_COLUMNS)

    def article_columns(self) -> tuple[str, ...]:
        """The view's columns taken from the article, in order."""
        return tuple(c for c in self.columns() if c in ARTICLE_COLUMNS)

    def select(self, table: str = "e.", article: str = "a.") -> str:
        """The SQL select list of the view's columns, in order, over the table (prefix ``table``) joined to
        its articles (prefix ``article``)."""
        return ", ".join(
            article_select((c,), article) if c in ARTICLE_COLUMNS else f"{table}{c}" for c in self.columns()
        )


@cache
def _view_columns(view: View) -> tuple[str, ...]:
    rest = (c.name for c in record_columns(view.table))
    return (*view.shown, *(c for c in rest if c not in view.shown and c not in view.hidden))


@dataclass(frozen=True, slots=True)
class RecordView:
    """A view of an event's JSON record, one row per event: ``shown`` are (header, path) pairs, a path a key of
    the event's record (dotted into a nested object: ``source.text``) or ``article.KEY`` of the article's;
    then every other key of the event's record in the schema's order, except ``hidden``, under its own name.
    ``squeeze``: headers whose text is written with each run of whitespace one space."""

    shown: tuple[tuple[str, str], ...]
    hidden: frozenset[str] = frozenset()
    squeeze: frozenset[str] = frozenset()
    record: type = Event
    #: headers -> paths, built from ``shown`` and the record's keys
    paths: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        read = {path.split(".")[0] for _, path in self.shown}
        rest = [k for k in json_keys(self.record) if k not in read and k not in self.hidden]
        object.__setattr__(self, "paths", {**dict(self.shown), **{k: k for k in rest}})

    def headers(self) -> tuple[str, ...]:
        return tuple(self.paths)


#: the rows of an event listing: ``eventwire query`` (JSONL, CSV), the web's ``/api/events`` and event pages,
#: the events download and the Python API
EVENT_LIST = View(
    "events",
    shown=(
        "article",
        "article_id",
        "title",
        "url",
        "outlet",
        "event",
        "date",
        "date_end",
        "source_name",
        "source_country",
        "source_sector",
        "cameo",
        "root",
        "quad",
        "goldstein",
        "plover",
        "target_name",
        "target_country",
        "target_sector",
        "location",
        "location_country",
        "lat",
        "lon",
        "modality",
        "confidence",
        "trigger",
        "evidence",
        "evidence_start",
        "evidence_end",
    ),
    # the codes and actor ids behind the names, the pattern and coder, the date's precision, the trigger's
    # offsets (it is found in the evidence) and whether the confidence is assessed: in the store and exports
    hidden=frozenset(
        {
            "source_actor",
            "source_code",
            "target_actor",
            "target_code",
            "penta",
            "date_precision",
            "pattern",
            "coder",
            "trigger_start",
            "trigger_end",
            "assessed",
        }
    ),
)

_TERMINAL = ("date", "source_name", "source_country", "cameo", "target_name", "target_country", "modality")

#: the columns of ``eventwire query``'s table on a terminal (of the rows of a listing that has them): who did
#: what to whom, when, how sure, and the sentence; the listing's other columns are left to ``--format jsonl``
EVENT_TABLE = View(
    "events",
    shown=(*_TERMINAL, "confidence", "evidence"),
    hidden=frozenset({*EVENT_LIST.shown, *EVENT_LIST.hidden} - {*_TERMINAL, "confidence", "evidence"}),
)

#: ``eventwire code --format csv``: one row per event with the most used fields
CODED_CSV = RecordView(
    shown=(
        ("article_id", "article.id"),
        ("event_id", "id"),
        ("date", "date"),
        ("date_end", "date_end"),
        ("source_actor", "source.text"),
        ("source_country", "source.country"),
        ("source_sector", "source.sector"),
        ("cameo", "cameo"),
        ("root", "root"),
        ("quad", "quad"),
        ("penta", "penta"),
        ("goldstein", "goldstein"),
        ("plover", "plover"),
        ("target_actor", "target.text"),
        ("target_country", "target.country"),
        ("target_sector", "target.sector"),
        ("location", "location.name"),
        ("location_country", "location.country"),
        ("lat", "location.lat"),
        ("lon", "location.lon"),
        ("modality", "modality"),
        ("confidence", "confidence"),
        ("trigger", "evidence.trigger.text"),
        ("evidence", "evidence.text"),
        ("url", "article.url"),
    ),
    # the date's precision, the assess stage's features, the pattern and coder, the other tellings: in JSONL
    hidden=frozenset({"date_precision", "basis", "pattern", "coder", "mentions", "also"}),
    squeeze=frozenset({"evidence"}),
)

#: the columns of the web's chart pages' tables (aggregates: a day or a dyad or a place and its events)
CHART_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "timeline": ("day", "period", "quad", "events", "goldstein"),
    "network": ("source", "target", "events", "goldstein"),
    "map": ("name", "country", "lat", "lon", "events", "quad", "goldstein"),
}
