"""The store's tables: every column and its DuckDB type, in the order readers see them.

A segment holds one Parquet file per table it has rows for; each file also carries ``_row``, the row's
place in the order the store received it (``seq << 32 | row number in the segment``), which readers use
to list things "in the order they were stored" (the ``_events`` and ``_quotes`` views expose it).
"""

from __future__ import annotations

from typing import Any

from ..schema import RECORD_TABLES, table_columns

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

#: the tables of the model's records (articles, actors, mentions, quotes, events, places, errors, claims),
#: derived from ``model.py`` in ``eventwire.schema``; then the store's own (near-duplicate signatures,
#: merged events and their mentions)


def _events_columns(names: tuple[str, ...]) -> list[tuple[str, str]]:
    types = dict(table_columns("events"))
    return [(name, types[name]) for name in names]


TABLES: dict[str, list[tuple[str, str]]] = {
    **{name: table_columns(name) for name in RECORD_TABLES},
    "article_signatures": [("hash", "VARCHAR"), ("sig", "UBIGINT[]")],
    "signature_bands": [("hash", "VARCHAR"), ("band", "INTEGER"), ("bucket", "BIGINT")],
    #: a merged event: the columns it takes from its mentions' events rows (typed as they are), and its counts
    "merged_events": [
        ("id", "UBIGINT"),
        *_events_columns(
            (
                *("source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector"),
                *("cameo", "root", "quad", "goldstein", "plover", "date", "location", "location_country", "lat", "lon"),
            )
        ),
        ("num_mentions", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("num_articles", "INTEGER"),
        *_events_columns(("confidence", "evidence")),
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
        "BOOLEAN": pa.bool_(),
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
