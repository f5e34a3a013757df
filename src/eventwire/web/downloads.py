"""Downloads of a filtered view as CSV or Parquet (built with pyarrow, in memory, from the view's rows)."""

from __future__ import annotations

import io
from typing import Any

from fastapi.responses import Response

__all__ = ["download_response"]

MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def _table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    if not rows:
        return pa.table({"empty": pa.array([], pa.string())})
    return pa.Table.from_pylist(rows)


def download_response(rows: list[dict[str, Any]], name: str, fmt: str) -> Response:
    """``rows`` as a file download named ``name``."""
    table = _table(rows)
    sink = io.BytesIO()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, sink)
    else:
        import pyarrow.csv as pcsv

        pcsv.write_csv(table, sink)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(sink.getvalue(), media_type=MEDIA[fmt], headers=headers)
