"""``eventwire migrate``: a single-file DuckDB store (schema 1-3) becomes a segmented store (schema 4).

The old file is read read-only, every table in the order its rows were stored; it becomes the store's
first segment (signatures and band keys computed where the old file has none, merged events merged again
by the incremental rules), and the writer's index is built from it. In place (no ``--to``), the old file is
kept beside the new store as ``<name>.schema<N>.bak``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ConfigError, StoreError
from .schema import ROW, SCHEMA_VERSION, TABLES, arrow_schema

__all__ = ["legacy_message", "legacy_version", "migrate"]


def legacy_message(path: Path) -> str:
    return (
        f"{path} is a single-file store of an earlier eventwire (schema {legacy_version(path) or '?'}): convert it "
        f"once with `eventwire migrate --db {path}` (the old file is kept beside it)"
    )


def legacy_version(path: Path) -> int | None:
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
    except duckdb.Error:
        return None
    finally:
        con.close()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {r[0] for r in rows}


def _read(con: duckdb.DuckDBPyConnection, table: str) -> list[dict[str, Any]]:
    have = _columns(con, table)
    if not have:
        return []
    cols = ", ".join(f'"{n}"' if n in have else f'CAST(NULL AS {t}) AS "{n}"' for n, t in TABLES[table])
    cur = con.execute(f"SELECT {cols} FROM {table} ORDER BY rowid")
    names = [n for n, _ in TABLES[table]]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _arrow(table: str, rows: list[dict[str, Any]], seq: int) -> Any:
    import pyarrow as pa

    schema = arrow_schema(table)
    for i, r in enumerate(rows):
        r[ROW] = (seq << 32) | i
    return pa.Table.from_pylist(rows, schema=schema)


def _signatures(
    articles: list[dict[str, Any]], stored: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from .neardup import band_keys, signature

    have = {s["hash"]: s["sig"] for s in stored}
    sigs, bands = [], []
    for a in articles:
        sig = have.get(a["hash"])
        if sig is None:
            sig = signature(a["text"] or "").tolist()
        sigs.append({"hash": a["hash"], "sig": list(sig)})
        if (a["text"] or "").strip():
            import numpy as np

            keys = band_keys(np.asarray(sig, dtype=np.uint64))
            bands += [{"hash": a["hash"], "band": b, "bucket": k} for b, k in enumerate(keys)]
    return sigs, bands


def _merged(
    articles: list[dict[str, Any]], events: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from .merge import merge_all

    parent = {a["hash"]: a["near_duplicate_of"] for a in articles}
    source = {a["hash"]: a["source"] for a in articles}
    failed = {a["hash"] for a in articles if a["error_stage"] is not None}
    src: dict[str, str] = {}
    for a in articles:  # a near-duplicate points to an article stored before it
        near = parent[a["hash"]]
        src[a["hash"]] = src.get(near, near) if near else (a["source"] or a["hash"])
    rows = [{**e, "article_source": source.get(e["article"])} for e in events if e["article"] not in failed]
    return merge_all(rows, src)


def migrate(path: Path, to: Path | None = None) -> dict[str, Any]:
    """Convert the single-file store ``path`` into a segmented store at ``to`` (default: in place)."""
    import pyarrow.parquet as pq

    from .segments import SegmentInfo, new_segment_dir, publish_segment, segment_name, write_manifest
    from .writer import Writer

    if path.is_dir():
        raise ConfigError(f"{path} is already a segmented store (schema {SCHEMA_VERSION}): nothing to migrate")
    version = legacy_version(path)
    if version is None:
        raise StoreError(f"{path} is not an eventwire DuckDB store")
    source = path
    if to is None:
        source = path.with_name(f"{path.name}.schema{version}.bak")
        if source.exists():
            raise ConfigError(f"{source} exists: move it away first")
        os.replace(path, source)
        wal = Path(f"{path}.wal")
        if wal.exists():
            os.replace(wal, Path(f"{source}.wal"))
        to = path
    elif to.exists():
        raise ConfigError(f"--to {to} exists: give a new folder")
    con = duckdb.connect(str(source), read_only=True)
    try:
        data = {t: _read(con, t) for t in TABLES if t not in ("merged_events", "event_mentions", "signature_bands")}
    finally:
        con.close()
    data["article_signatures"], data["signature_bands"] = _signatures(data["articles"], data["article_signatures"])
    data["merged_events"], data["event_mentions"] = _merged(data["articles"], data["events"])
    writer = Writer(to)
    try:
        tmp = new_segment_dir(to)
        rows = {}
        for table, found in data.items():
            if found:
                pq.write_table(_arrow(table, found, 1), tmp / f"{table}.parquet", compression="zstd")
                rows[table] = len(found)
        name = segment_name(1, 1)
        publish_segment(to, tmp, name)
        writer.manifest.segments = [SegmentInfo(name, 1, 1, rows)]
        writer.manifest.next_seq = 2
        write_manifest(to, writer.manifest)
        writer.catch_up()
    finally:
        writer.close()
    return {
        "from_schema": version,
        "articles": len(data["articles"]),
        "events": len(data["events"]),
        "kept": str(source),
    }
