"""The store's tables of the model's records: one column per field, in the record kind's declared order
(``schema.order``), named after it and typed from its annotation (``str`` VARCHAR, ``int`` INTEGER, ``float``
DOUBLE, ``dt.date`` DATE), a span as three columns (``NAME_start``, ``NAME_end``, ``NAME`` its text);
``RECORD_TABLES`` declares where a table departs from that."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from ..model import Actor, Analysis, Article, Claim, Event, EventSide, Place, Quote, Span, StageFailure
from .order import field_order

__all__ = [
    "ARTICLE_COLUMNS",
    "RECORD_TABLES",
    "Column",
    "RecordTable",
    "RowContext",
    "analysis_table_rows",
    "event_row",
    "filled_columns",
    "record_columns",
    "sql_type",
    "table_columns",
    "table_row",
]


@dataclass(frozen=True, slots=True)
class RowContext:
    """What a row is written in: the analysis, its article's key in the store, and per row ``aux`` (a quote's
    number, the actor a mention names)."""

    analysis: Analysis
    key: str
    near_duplicate_of: str | None = None


Value = Callable[[Any, Any, RowContext], Any]


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a store table: its value is the record's field at ``path`` (dotted: ``evidence.start``; None
    along the way reads None), or ``value(record, aux, context)``, or neither: the writer fills it
    (``ingested_at``). ``sql``: its DuckDB type; by default the annotation's at ``path``."""

    name: str
    path: str | None = None
    sql: str | None = None
    value: Value | None = None


@dataclass(frozen=True, slots=True)
class RecordTable:
    """A store table holding one row per record of ``record``'s class. Its columns: ``lead``, then each field's
    in the record kind's declared order (``schema.order``): the ones ``fields`` declares for it, else the
    derived ones, none for a field ``omit`` names; then ``tail``; then those of the fields the declared order
    does not name (a subclass's additions). ``lead`` and ``tail`` hold columns that are no field's (the
    article's key, a row's number, what the writer fills)."""

    name: str
    record: type
    #: the records of one analysis with each row's ``aux``
    items: Callable[[Analysis], Iterator[tuple[Any, Any]]]
    lead: tuple[Column, ...] = ()
    #: field -> its columns, where they depart from the derived ones (a column given by name reads that field)
    fields: Mapping[str, tuple[Column | str, ...]] = dataclasses.field(default_factory=dict)
    tail: tuple[Column, ...] = ()
    omit: frozenset[str] = frozenset()


def _key(_record: Any, _aux: Any, ctx: RowContext) -> str:
    return ctx.key


def _aux(_record: Any, aux: Any, _ctx: RowContext) -> Any:
    return aux


def _side_name(side: str) -> Value:
    def name(event: Event, _aux: Any, ctx: RowContext) -> str | None:
        value: EventSide | None = getattr(event, side)
        if value is None:
            return None
        actor = ctx.analysis.actor(value.actor)
        return actor.name if actor else value.text

    return name


def _side(side: str) -> tuple[Column, ...]:
    """An event side's columns: its actor's id, its name (the actor's, else the side's words), its codes."""
    return (
        Column(f"{side}_actor", f"{side}.actor"),
        Column(f"{side}_name", sql="VARCHAR", value=_side_name(side)),
        Column(f"{side}_country", f"{side}.country"),
        Column(f"{side}_sector", f"{side}.sector"),
        Column(f"{side}_code", f"{side}.code"),
    )


def _span(name: str, text_first: bool = False, prefix: str | None = None) -> tuple[Column, ...]:
    """A span field's three columns: ``NAME_start``, ``NAME_end``, ``NAME`` (``prefix``: named ``start``,
    ``end``, ``text`` with that prefix, "" for none)."""
    label = name if prefix is None else prefix
    start = Column(f"{label}_start" if prefix is None else f"{prefix}start", f"{name}.start")
    end = Column(f"{label}_end" if prefix is None else f"{prefix}end", f"{name}.end")
    text = Column(name if prefix is None else f"{prefix}text", f"{name}.text")
    return (text, start, end) if text_first else (start, end, text)


def _claim_country(claim: Claim, _aux: Any, ctx: RowContext) -> str | None:
    actor = ctx.analysis.actor(claim.actor)
    return actor.country if actor else None


def _error(field: str) -> Value:
    def value(_article: Article, _aux: Any, ctx: RowContext) -> str | None:
        error = ctx.analysis.error
        return getattr(error, field) if error is not None else None

    return value


def _one(value: Any) -> Iterator[tuple[Any, Any]]:
    if value is not None:
        yield value, None


def _each(values: tuple[Any, ...]) -> Iterator[tuple[Any, Any]]:
    return ((v, None) for v in values)


_ARTICLE = Column("article", sql="VARCHAR", value=_key)

RECORD_TABLES: dict[str, RecordTable] = {
    t.name: t
    for t in (
        RecordTable(
            "articles",
            Article,
            lambda a: _one(a.article),
            lead=(Column("hash", sql="VARCHAR", value=_key),),
            tail=(
                Column("error_stage", sql="VARCHAR", value=_error("stage")),  # the analysis's (ingest's included)
                Column("error_message", sql="VARCHAR", value=_error("message")),
                Column("ingested_at", sql="TIMESTAMP"),
                Column("near_duplicate_of", sql="VARCHAR", value=lambda _r, _a, ctx: ctx.near_duplicate_of),
            ),
            omit=frozenset({"removed", "error"}),  # removed: not kept; error: error_stage/error_message
        ),
        RecordTable(
            "actors",
            Actor,
            lambda a: _each(a.actors),
            lead=(_ARTICLE,),
            fields={"id": (Column("actor", "id"),)},
            omit=frozenset({"mentions"}),  # the mentions table
        ),
        RecordTable(
            "mentions",
            Span,
            lambda a: ((m, actor.id) for actor in a.actors for m in actor.mentions),
            lead=(_ARTICLE, Column("actor", sql="VARCHAR", value=_aux)),
        ),
        RecordTable(
            "quotes",
            Quote,
            lambda a: ((q, i) for i, q in enumerate(a.quotes)),
            lead=(_ARTICLE, Column("quote", sql="INTEGER", value=_aux)),
            fields={
                "span": _span("span", prefix=""),
                "speaker": (
                    Column("speaker_actor", "speaker.actor"),
                    Column("speaker_text", "speaker.text"),
                    Column("speaker_kind", "speaker.kind"),
                ),
                "cue": (Column("cue", "cue.text"),),
            },
        ),
        RecordTable(
            "events",
            Event,
            lambda a: _each(a.events),
            lead=(_ARTICLE,),
            fields={
                "id": (Column("event", "id"),),
                "source": _side("source"),
                "target": _side("target"),
                "date": (
                    Column("date", "date.start"),
                    Column("date_end", "date.end"),
                    Column("date_precision", "date.precision"),
                ),
                "location": (
                    Column("location", "location.name"),
                    Column("location_country", "location.country"),
                    Column("lat", "location.lat"),
                    Column("lon", "location.lon"),
                ),
            },
            # whether the confidence is the document-level one: the threshold hides only such events (a text
            # of one or two sentences keeps its sentence-level confidence and is never hidden)
            tail=(Column("assessed", sql="BOOLEAN", value=lambda event, _aux, _ctx: event.document_assessed),),
            # mentions and also: the merge of the store counts tellings across articles; basis: the assess
            # stage's features, in the JSON record only
            omit=frozenset({"mentions", "also", "basis"}),
        ),
        RecordTable(
            "places",
            Place,
            lambda a: _each(a.places),
            lead=(_ARTICLE,),
            fields={"span": _span("span", prefix="")},
            omit=frozenset({"geonameid", "admin1"}),  # looked up again in the gazetteer by a GDELT export
        ),
        RecordTable(
            "errors",
            StageFailure,
            lambda a: _one(a.error),
            lead=(_ARTICLE, Column("id", sql="VARCHAR", value=lambda _r, _a, ctx: ctx.analysis.article.id)),
            tail=(Column("logged_at", sql="TIMESTAMP"),),
        ),
        RecordTable(
            "claims",
            Claim,
            lambda a: _each(a.claims),
            lead=(_ARTICLE,),
            fields={
                "key": (Column("claim", "key"),),
                # the holder and the holder actor's country
                "holder": ("holder", Column("country", sql="VARCHAR", value=_claim_country)),
                "evidence": _span("evidence", text_first=True),
                "cue": (Column("cue", "cue.text"),),
            },
        ),
    )
}

#: the article's columns an event row carries (``event_row``, an export's rows, the event listings): name in
#: the row -> the article's field and column of the ``articles`` table
ARTICLE_COLUMNS: Mapping[str, str] = {
    "article_id": "id",
    "url": "url",
    "outlet": "source",
    "title": "title",
    "published": "published",
}

_SQL_TYPES: dict[Any, str] = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}
_SQL_TYPES[dt.datetime] = "TIMESTAMP"


def _strip_optional(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _hint(cls: type, path: str) -> Any:
    hint: Any = cls
    for name in path.split("."):
        hint = _strip_optional(get_type_hints(hint)[name])
    return hint


def sql_type(hint: Any) -> str:
    """The DuckDB type of a field's annotation (a Literal of words is VARCHAR)."""
    hint = _strip_optional(hint)
    if get_origin(hint) is Literal:
        return sql_type(type(get_args(hint)[0]))
    if hint in _SQL_TYPES:
        return _SQL_TYPES[hint]
    raise TypeError(f"no store column type for {hint!r}: declare the field's column(s) in eventwire.schema")


def _derived(cls: type, name: str) -> list[Column]:
    """The columns of a field its table does not declare: one, or a span's three."""
    hint = _strip_optional(get_type_hints(cls)[name])
    if hint is Span:
        return list(_span(name))
    if dataclasses.is_dataclass(hint) or get_origin(hint) is tuple:
        raise TypeError(
            f"{cls.__name__}.{name}: a store table cannot derive the columns of a {hint!r} field; "
            "declare them (or leave the field out: RecordTable.omit) in eventwire.schema"
        )
    return [Column(name, name)]


@cache
def record_columns(table: str) -> tuple[Column, ...]:
    """A record table's columns, in order: its lead, its fields' in their declared order, its tail, then the
    fields the declared order does not name."""
    spec = RECORD_TABLES[table]
    declared, added = field_order(spec.record)

    def columns(name: str) -> list[Column]:
        if name in spec.omit:
            return []
        if name in spec.fields:
            return [Column(c, c) if isinstance(c, str) else c for c in spec.fields[name]]
        return _derived(spec.record, name)

    own = [c for name in declared for c in columns(name)]
    return (*spec.lead, *own, *spec.tail, *(c for name in added for c in columns(name)))


def table_columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column of a record table."""
    spec = RECORD_TABLES[table]
    out = []
    for col in record_columns(table):
        if col.sql is None and col.path is None:
            raise TypeError(f"{table}.{col.name}: a column with no path needs its sql type")
        out.append((col.name, col.sql or sql_type(_hint(spec.record, col.path or ""))))
    return out


def filled_columns(table: str) -> tuple[str, ...]:
    """The columns a row of a record table gives, in order (the others the writer fills)."""
    return tuple(c.name for c in record_columns(table) if c.path is not None or c.value is not None)


def _path_expression(path: str) -> str:
    """The expression of the value at a dotted path of the record ``r`` (None once a step is None)."""
    names = path.split(".")
    steps = ["r." + ".".join(names[:k]) for k in range(1, len(names))]
    value = "r." + path
    return f"(None if {' or '.join(f'{step} is None' for step in steps)} else {value})" if steps else value


@cache
def _row_writer(table: str) -> Callable[[Any, Any, RowContext], tuple[Any, ...]]:
    """The function writing a record's row of a table: one tuple display of its columns, built once (as
    ``dataclasses`` builds ``__init__``), as fast as a row written by hand. The names in it are the record's
    field names."""
    env: dict[str, Any] = {}
    parts = []
    for i, col in enumerate(record_columns(table)):
        if col.value is not None:
            env[f"_value{i}"] = col.value
            parts.append(f"_value{i}(r, aux, ctx)")
        elif col.path is not None:
            parts.append(_path_expression(col.path))
    writer: Callable[[Any, Any, RowContext], tuple[Any, ...]] = eval(f"lambda r, aux, ctx: ({', '.join(parts)},)", env)
    return writer


def table_row(table: str, record: Any, ctx: RowContext, aux: Any = None) -> tuple[Any, ...]:
    """One record's row of a record table (the columns of ``filled_columns``)."""
    return _row_writer(table)(record, aux, ctx)


def analysis_table_rows(table: str, ctx: RowContext) -> list[tuple[Any, ...]]:
    """Every row one coded article adds to a record table."""
    write = _row_writer(table)
    return [write(record, aux, ctx) for record, aux in RECORD_TABLES[table].items(ctx.analysis)]


def event_row(analysis: Analysis, event: Event, key: str = "") -> dict[str, Any]:
    """An event of an analysis as a row of the store's ``events`` table (column -> value), with its article's
    ``article_id``, ``url``, ``outlet``, ``title`` and ``published`` as an export reads them: the row the
    PLOVER and GDELT writers read, from an analysis as from a store."""
    art = analysis.article
    row = dict(zip(filled_columns("events"), table_row("events", event, RowContext(analysis, key)), strict=True))
    return {**{name: getattr(art, field) for name, field in ARTICLE_COLUMNS.items()}, **row}
