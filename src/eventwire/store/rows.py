"""The rows a coded article adds to each store table, gathered per table and written as one Arrow table.

One ``INSERT ... SELECT`` from an Arrow table writes a whole batch of articles in a single statement,
instead of one statement per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Analysis
from ..schema import RECORD_TABLES, RowContext, analysis_table_rows, filled_columns

__all__ = ["TABLE_COLUMNS", "TableRows", "analysis_rows"]

#: The columns each write fills, in order (the others keep their defaults): the model's records' from
#: ``eventwire.schema``, then the store's own tables'.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    **{table: filled_columns(table) for table in RECORD_TABLES},
    "article_signatures": ("hash", "sig"),
    "signature_bands": ("hash", "band", "bucket"),
    "merged_events": (),  # filled from merge.MERGE_COLUMNS
    "event_mentions": ("merged", "article", "event", "source", "confidence", "evidence"),
}


class TableRows:
    """Rows gathered per table, written to DuckDB in one statement per table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Sequence[Any]]] = {t: [] for t in TABLE_COLUMNS}

    def add(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        self.rows[table].extend(rows)

    def write(self, con: Any, columns: dict[str, tuple[str, ...]] | None = None) -> None:
        """Insert every gathered row (inside the caller's transaction)."""
        import pyarrow as pa  # imported on first write: read-only commands never need it

        names = {**TABLE_COLUMNS, **(columns or {})}
        for table, rows in self.rows.items():
            if not rows:
                continue
            cols = names[table]
            arrays = [_array(pa, table, col, values) for col, values in zip(cols, zip(*rows, strict=True), strict=True)]
            batch = pa.Table.from_arrays(arrays, names=list(cols))
            quoted = ", ".join(f'"{c}"' for c in cols)
            con.register("_eventwire_batch", batch)
            try:
                con.execute(f"INSERT INTO {table} ({quoted}) SELECT * FROM _eventwire_batch")
            finally:
                con.unregister("_eventwire_batch")


def _array(pa: Any, table: str, column: str, values: tuple[Any, ...]) -> Any:
    if table == "article_signatures" and column == "sig":
        return pa.array(values, type=pa.list_(pa.uint64()))
    if column in ("id", "merged") and table in ("merged_events", "event_mentions"):
        return pa.array(values, type=pa.uint64())
    return pa.array(values)


def analysis_rows(out: TableRows, key: str, analysis: Analysis, near_duplicate_of: str | None) -> None:
    """Add one coded article's rows (its hash is ``key``) to ``out``."""
    ctx = RowContext(analysis, key, near_duplicate_of)
    for table in RECORD_TABLES:
        out.add(table, analysis_table_rows(table, ctx))
