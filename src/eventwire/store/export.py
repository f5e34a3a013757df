"""`eventwire export`: a store's event mentions as Parquet, CSV, JSONL or PLOVER records, its merged events as
GDELT 2.0 Events rows (``gdelt``; ``gdelt+`` adds our columns) and its event mentions as GDELT Mentions rows."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import duckdb

from ..errors import ConfigError
from ..schema.tables import ARTICLE_COLUMNS
from ..schema.views import article_select
from .sql import open_sandboxed, rebuilt_where_query

__all__ = ["EXPORT_FORMATS", "export_store"]

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "gdelt+", "gdelt-mentions", "plover")
#: formats written from merged events or all mentions, where ``--where`` does not apply
GDELT_FORMATS = ("gdelt", "gdelt+", "gdelt-mentions")

#: an event mention's export row: its article's columns (``schema.ARTICLE_COLUMNS``), then the event's
EVENTS_SQL = (
    f"SELECT {article_select(tuple(ARTICLE_COLUMNS))}, e.* EXCLUDE (article) "
    "FROM events e JOIN articles a ON a.hash = e.article"
)
ORDER_BY = "e.date NULLS LAST, a.id, e.event"


def _select(where: str | None, shown: str) -> str:
    """The export's SELECT; a ``--where`` condition is parsed and the statement rebuilt from its tree.
    ``shown`` is the threshold and modality condition (built here from validated values)."""
    base = f"{EVENTS_SQL} AND {shown}"  # in the join condition: --where may still name e.* and a.*
    if not where:
        return f"{base} ORDER BY {ORDER_BY}"
    return rebuilt_where_query(base, where, ORDER_BY)


def _shown(min_confidence: float, modalities: tuple[str, ...], prefix: str = "e.") -> str:
    """The SQL condition for events at or over a threshold, in some modalities (values validated)."""
    from .query import MODALITIES, shown_confidence

    conds = [shown_confidence(prefix, repr(float(min_confidence)))]
    if modalities:
        names = [m for m in modalities if m in MODALITIES]
        if len(names) != len(modalities):
            raise ConfigError(f"--modality: use any, or some of {', '.join(MODALITIES)}")
        conds.append(f"{prefix}modality IN ({', '.join(repr(m) for m in names)})")
    return " AND ".join(conds)


def export_store(
    db: str | Path,
    fmt: str,
    output: str,
    where: str | None = None,
    min_confidence: float = 0.0,
    modalities: tuple[str, ...] = (),
) -> int:
    """Write the export atomically to ``output``; returns the number of rows. Events under
    ``min_confidence`` or of other ``modalities`` (when given) are left out (merged events: by their most
    confident mention)."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    target = Path(output)
    if not target.parent.is_dir():
        raise ConfigError(f"output {output}: folder {target.parent} does not exist")
    folder = tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent)
    tmp = os.path.join(folder, target.name)
    try:
        if fmt in GDELT_FORMATS and where:
            raise ConfigError(f"--where applies to event mentions; --format {fmt} writes every merged event")
        shown = _shown(min_confidence, modalities)
        sql = _select(where, shown) if fmt not in GDELT_FORMATS else shown
        spill = os.path.join(folder, "spill")
        os.mkdir(spill)
        # read-only, able to write in its own folder and nowhere else; sorts spill there past EXPORT_MEMORY
        memory = STREAM_MEMORY if fmt in ("jsonl", "plover") else EXPORT_MEMORY
        con = open_sandboxed(db, writable_dir=folder, settings={**_bounded(spill), "memory_limit": memory})
        try:
            staged = None
            if fmt in ("gdelt", "gdelt+"):  # stage the merged events, then sort them alone in a new connection:
                staged = os.path.join(folder, "events-stage.parquet")  # the aggregation's memory is given back
                _stage(con, _gdelt(fmt, sql)[0], staged)
                con.close()
                con = open_sandboxed(db, writable_dir=folder, settings={**_bounded(spill), "memory_limit": SORT_MEMORY})
            count = _write(con, fmt, tmp, sql, staged)
        except duckdb.Error as exc:
            raise ConfigError(
                f"export{f' --where {where!r}' if where else ''}: {str(exc).strip().splitlines()[0]}"
            ) from exc
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return count


#: DuckDB's memory for an export: sorts larger than this spill to a temporary folder beside the output
EXPORT_MEMORY = "256MB"
#: the same for the formats Python writes row by row (JSONL, PLOVER), which also hold a batch of rows
STREAM_MEMORY = "200MB"
#: DuckDB's memory for sorting staged GDELT events (the process also holds the gazetteer for ADM1 codes then)
SORT_MEMORY = "128MB"
#: rows fetched from DuckDB at a time while streaming an export
STREAM_ROWS = 10_000


def _bounded(spill: str) -> dict[str, str | int | bool]:
    return {"memory_limit": EXPORT_MEMORY, "temp_directory": spill, "preserve_insertion_order": False, "threads": 1}


def _stream(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    out: TextIO,
    line: Callable[[dict[str, Any]], str],
    enrich: Callable[[Any, list[dict[str, Any]]], None] | None = None,
) -> int:
    """Write one line per row of ``sql``, fetching STREAM_ROWS rows at a time; returns the number of rows.
    DuckDB sorts within its memory limit (spilling to a temporary folder when needed). ``enrich`` adds to
    each batch's rows what was left out of the sort, through a second cursor."""
    cur = con.execute(sql)
    side = con.cursor() if enrich is not None else None
    names = [d[0] for d in cur.description or []]
    count = 0
    while batch := cur.fetchmany(STREAM_ROWS):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        if enrich is not None:
            enrich(side, rows)
        lines = [line(r) for r in rows]
        out.writelines(lines)
        count += sum(1 for text in lines if text)
    return count


def _gdelt(fmt: str, shown: str) -> tuple[str, Callable[[dict[str, Any]], str]]:
    from ..export import gdelt as g
    from . import gdelt

    if fmt == "gdelt-mentions":
        return gdelt.mentions_sql(shown), lambda r: g.line(g.mention_cells(gdelt.mention_from_row(r)))
    extra = fmt == "gdelt+"
    return gdelt.events_sql(shown), lambda r: g.line(g.event_cells(gdelt.event_from_row(r), extra))


def _plover_line(row: dict[str, Any]) -> str:
    from ..export.plover import plover_record

    rec = plover_record(row)
    return "" if rec is None else json.dumps(rec, ensure_ascii=False) + "\n"


def _stage(con: duckdb.DuckDBPyConnection, sql: str, path: str) -> None:
    """Write the rows of ``sql`` to a Parquet file, STREAM_ROWS at a time (DuckDB's own COPY holds more)."""
    import pyarrow.parquet as pq

    writer = None
    try:
        for batch in con.sql(sql).to_arrow_reader(STREAM_ROWS):
            if writer is None:
                writer = pq.ParquetWriter(path, batch.schema)
            writer.write_batch(batch)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # no rows: an empty file of the query's columns
        pq.write_table(con.sql(sql).limit(0).to_arrow_table(), path)


def _write(con: duckdb.DuckDBPyConnection, fmt: str, tmp: str, sql: str, staged: str | None = None) -> int:
    """Write ``fmt`` to ``tmp``; ``staged``: the merged events of a GDELT Events export, staged (``_stage``)."""
    if fmt in GDELT_FORMATS:
        query, line = _gdelt(fmt, sql)
        from . import gdelt

        if staged is not None:
            query = f"SELECT * FROM read_parquet('{staged.replace(chr(39), chr(39) * 2)}') {gdelt.EVENTS_ORDER}"
        enrich = gdelt.add_evidence if fmt == "gdelt+" else None
        with open(tmp, "w", encoding="utf-8") as out:
            return _stream(con, query, out, line, enrich)
    if fmt == "plover":
        with open(tmp, "w", encoding="utf-8") as out:
            return _stream(con, sql, out, _plover_line)
    if fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as out:
            return _stream(con, sql, out, lambda r: json.dumps(r, default=str, ensure_ascii=False) + "\n")
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    quoted = tmp.replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{quoted}' ({options})")
    found = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
    return int(found[0]) if found else 0
