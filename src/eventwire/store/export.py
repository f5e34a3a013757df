"""`eventwire export`: a store's events as Parquet, CSV, JSONL or GDELT 2.0 rows (merged events)."""

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
from ..export.gdelt import GDELT_EVENT_COLUMNS
from .sql import open_sandboxed, rebuilt_where_query

__all__ = ["EXPORT_FORMATS", "export_store"]

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt")

EVENTS_SQL = (
    "SELECT a.id AS article_id, a.url, a.source AS outlet, e.* EXCLUDE (article) "
    "FROM events e JOIN articles a ON a.hash = e.article"
)
ORDER_BY = "e.date NULLS LAST, a.id, e.event"


def _select(where: str | None) -> str:
    """The export's SELECT; a ``--where`` condition is parsed and the statement rebuilt from its tree."""
    if not where:
        return f"{EVENTS_SQL} ORDER BY {ORDER_BY}"
    return rebuilt_where_query(EVENTS_SQL, where, ORDER_BY)


def _gdelt_line(m: dict[str, Any]) -> str:
    day = m["date"]
    cells: dict[str, Any] = {
        "GLOBALEVENTID": m["id"],
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "Actor1Code": (m["source_country"] or "") + (m["source_sector"] or ""),
        "Actor1Name": (m["source_name"] or "").upper(),
        "Actor1CountryCode": m["source_country"] or "",
        "Actor1Type1Code": m["source_sector"] or "",
        "Actor2Code": (m["target_country"] or "") + (m["target_sector"] or ""),
        "Actor2Name": (m["target_name"] or "").upper(),
        "Actor2CountryCode": m["target_country"] or "",
        "Actor2Type1Code": m["target_sector"] or "",
        "IsRootEvent": 1,
        "EventCode": m["cameo"],
        "EventBaseCode": m["cameo"][:3],
        "EventRootCode": m["root"],
        "QuadClass": m["quad"],
        "GoldsteinScale": m["goldstein"],
        "NumMentions": m["num_mentions"],
        "NumSources": m["num_sources"],
        "NumArticles": m["num_articles"],
        "ActionGeo_Type": 4 if m["location"] else 0,
        "ActionGeo_FullName": m["location"] or "",
        "ActionGeo_CountryCode": m["location_country"] or "",
        "ActionGeo_Lat": m["lat"] if m["lat"] is not None else "",
        "ActionGeo_Long": m["lon"] if m["lon"] is not None else "",
        "SOURCEURL": m["first_article"],
    }
    row = [str(cells.get(c, "")) for c in GDELT_EVENT_COLUMNS] + [" ".join((m["evidence"] or "").split())]
    return "\t".join(v.replace("\t", " ") for v in row) + "\n"


def export_store(db: str | Path, fmt: str, output: str, where: str | None = None) -> int:
    """Write the export atomically to ``output``; returns the number of rows."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    target = Path(output)
    if not target.parent.is_dir():
        raise ConfigError(f"output {output}: folder {target.parent} does not exist")
    folder = tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent)
    tmp = os.path.join(folder, target.name)
    try:
        if fmt == "gdelt" and where:
            raise ConfigError("--where applies to event mentions; the gdelt export writes merged events")
        sql = _select(where) if fmt != "gdelt" else ""
        spill = os.path.join(folder, "spill")
        os.mkdir(spill)
        # read-only, able to write in its own folder and nowhere else; sorts spill there past EXPORT_MEMORY
        con = open_sandboxed(db, writable_dir=folder, settings=_bounded(spill))
        try:
            count = _write(con, fmt, tmp, sql)
        except duckdb.Error as exc:
            raise ConfigError(f"export --where {where!r}: {str(exc).strip().splitlines()[0]}") from exc
        finally:
            con.close()
        os.replace(tmp, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return count


#: DuckDB's memory for an export: sorts larger than this spill to a temporary folder beside the output
EXPORT_MEMORY = "320MB"
#: rows fetched from DuckDB at a time while streaming an export
STREAM_ROWS = 10_000


def _bounded(spill: str) -> dict[str, str | int | bool]:
    return {"memory_limit": EXPORT_MEMORY, "temp_directory": spill, "preserve_insertion_order": False, "threads": 1}


def _stream(con: duckdb.DuckDBPyConnection, sql: str, out: TextIO, line: Callable[[dict[str, Any]], str]) -> int:
    """Write one line per row of ``sql``, fetching STREAM_ROWS rows at a time; returns the number of rows.
    DuckDB sorts within its memory limit (spilling to a temporary folder when needed)."""
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    count = 0
    while batch := cur.fetchmany(STREAM_ROWS):
        out.writelines(line(dict(zip(names, row, strict=True))) for row in batch)
        count += len(batch)
    return count


def _write(con: duckdb.DuckDBPyConnection, fmt: str, tmp: str, sql: str) -> int:
    if fmt == "gdelt":
        with open(tmp, "w", encoding="utf-8") as out:
            return _stream(con, "SELECT * FROM merged_events ORDER BY date NULLS LAST, id", out, _gdelt_line)
    if fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as out:
            return _stream(con, sql, out, lambda r: json.dumps(r, default=str, ensure_ascii=False) + "\n")
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    quoted = tmp.replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{quoted}' ({options})")
    found = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
    return int(found[0]) if found else 0
