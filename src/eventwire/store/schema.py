"""The store's tables: every column and its DuckDB type, in the order readers see them.

A segment holds one Parquet file per table it has rows for; each file also carries ``_row``, the row's
place in the order the store received it (``seq << 32 | row number in the segment``), which readers use
to list things "in the order they were stored" (the ``_events`` and ``_quotes`` views expose it).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ARTICLE_KEY",
    "ROW",
    "SCHEMA_VERSION",
    "TABLES",
    "arrow_schema",
    "empty_select",
    "parquet_source",
    "present_columns",
]

#: 4: the segmented store (1-3 were single DuckDB files: ``eventwire migrate`` converts them)
SCHEMA_VERSION = 4
ROW = "_row"

_EVENT_SIDE = [
    ("{s}_actor", "VARCHAR"),
    ("{s}_name", "VARCHAR"),
    ("{s}_country", "VARCHAR"),
    ("{s}_sector", "VARCHAR"),
    ("{s}_code", "VARCHAR"),
]


def _side(side: str) -> list[tuple[str, str]]:
    return [(name.format(s=side), kind) for name, kind in _EVENT_SIDE]


TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("hash", "VARCHAR"),
        ("id", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("published", "DATE"),
        ("source", "VARCHAR"),
        ("text", "VARCHAR"),
        ("duplicate_of", "VARCHAR"),
        ("error_stage", "VARCHAR"),
        ("error_message", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
        ("near_duplicate_of", "VARCHAR"),
    ],
    "actors": [
        ("article", "VARCHAR"),
        ("actor", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("code", "VARCHAR"),
        ("kind", "VARCHAR"),
    ],
    "mentions": [
        ("article", "VARCHAR"),
        ("actor", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "quotes": [
        ("article", "VARCHAR"),
        ("quote", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("speaker_actor", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_kind", "VARCHAR"),
        ("cue", "VARCHAR"),
    ],
    "events": [
        ("article", "VARCHAR"),
        ("event", "VARCHAR"),
        *_side("source"),
        *_side("target"),
        ("cameo", "VARCHAR"),
        ("root", "VARCHAR"),
        ("quad", "INTEGER"),
        ("penta", "INTEGER"),
        ("goldstein", "DOUBLE"),
        ("plover", "VARCHAR"),
        ("date", "DATE"),
        ("date_end", "DATE"),
        ("date_precision", "VARCHAR"),
        ("location", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("modality", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("pattern", "VARCHAR"),
        ("coder", "VARCHAR"),
        ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"),
        ("evidence", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        ("trigger", "VARCHAR"),
    ],
    "places": [
        ("article", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("feature", "VARCHAR"),
    ],
    "errors": [
        ("article", "VARCHAR"),
        ("id", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("message", "VARCHAR"),
        ("logged_at", "TIMESTAMP"),
    ],
    "claims": [
        ("article", "VARCHAR"),
        ("claim", "VARCHAR"),
        ("proposition", "VARCHAR"),
        ("stance", "VARCHAR"),
        ("actor", "VARCHAR"),
        ("holder", "VARCHAR"),
        ("country", "VARCHAR"),
        ("evidence", "VARCHAR"),
        ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"),
        ("cue", "VARCHAR"),
    ],
    "article_signatures": [("hash", "VARCHAR"), ("sig", "UBIGINT[]")],
    "signature_bands": [("hash", "VARCHAR"), ("band", "INTEGER"), ("bucket", "BIGINT")],
    "merged_events": [
        ("id", "UBIGINT"),
        ("source_name", "VARCHAR"),
        ("source_country", "VARCHAR"),
        ("source_sector", "VARCHAR"),
        ("target_name", "VARCHAR"),
        ("target_country", "VARCHAR"),
        ("target_sector", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("root", "VARCHAR"),
        ("quad", "INTEGER"),
        ("goldstein", "DOUBLE"),
        ("plover", "VARCHAR"),
        ("date", "DATE"),
        ("location", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("num_mentions", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("num_articles", "INTEGER"),
        ("confidence", "DOUBLE"),
        ("evidence", "VARCHAR"),
        ("first_article", "VARCHAR"),
    ],
    "event_mentions": [
        ("merged", "UBIGINT"),
        ("article", "VARCHAR"),
        ("event", "VARCHAR"),
        ("source", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("evidence", "VARCHAR"),
    ],
}
#: the column naming the article of a row (the tables without one hold no article's rows)
ARTICLE_KEY: dict[str, str] = {
    "articles": "hash",
    "article_signatures": "hash",
    "signature_bands": "hash",
    "actors": "article",
    "mentions": "article",
    "quotes": "article",
    "events": "article",
    "places": "article",
    "claims": "article",
    "errors": "article",
}


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "VARCHAR": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "UBIGINT": pa.uint64(),
        "DOUBLE": pa.float64(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "UBIGINT[]": pa.list_(pa.uint64()),
    }[kind]


def arrow_schema(table: str) -> Any:
    """The Arrow schema of a table's Parquet files (its columns, then ``_row``)."""
    import pyarrow as pa

    fields = [pa.field(name, _arrow_type(pa, kind)) for name, kind in TABLES[table]]
    return pa.schema([*fields, pa.field(ROW, pa.int64())])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def empty_select(table: str, with_row: bool = False) -> str:
    """A SELECT of no rows with the table's columns and types (the view of a table no segment has)."""
    cols = [f"CAST(NULL AS {kind}) AS {_quote(name)}" for name, kind in TABLES[table]]
    if with_row:
        cols.append(f"CAST(NULL AS BIGINT) AS {ROW}")
    return f"SELECT {', '.join(cols)} WHERE false"


def column_list(table: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + _quote(name) for name, _ in TABLES[table])


def present_columns(table: str, have: set[str]) -> str:
    """The table's columns for a SELECT over files that hold only ``have``: a column added after they were
    written (``events.coder``) reads as NULL of its type."""
    return ", ".join(
        _quote(name) if name in have else f"CAST(NULL AS {kind}) AS {_quote(name)}" for name, kind in TABLES[table]
    )


def parquet_source(con: Any, listing: str) -> tuple[str, set[str]]:
    """The ``read_parquet`` of a SQL list of files and the columns they hold (their footers only). The files
    are read by column name (``union_by_name``) only when their columns differ, as segments written before a
    column was added do (``events.coder``): reading by name costs a page of a million events some 15 ms."""
    schemas = con.execute(
        f"SELECT file_name, list(name ORDER BY name) FROM parquet_schema({listing}) GROUP BY file_name"
    ).fetchall()
    columns = {str(name) for _, names in schemas for name in names}
    if len({tuple(names) for _, names in schemas}) <= 1:
        return f"read_parquet({listing})", columns
    return f"read_parquet({listing}, union_by_name = true)", columns
