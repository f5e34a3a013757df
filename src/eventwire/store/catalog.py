"""The reader's catalog: an in-memory DuckDB whose views are the store's tables, over the Parquet segments
that one manifest lists.

Every table is a view ``SELECT <its columns> FROM read_parquet([...its files...])``; ``_events`` and
``_quotes`` add ``_row`` (the order things were stored). ``merged_events`` is the folded base, less the
events that later segments changed, plus the latest version of each of those. The connection is locked
down as it is opened: no file outside the store (and ``writable_dir``), no network, no extension loading,
no setting changed afterwards — so user SQL run on it can read nothing but the store.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ..errors import StoreError
from .schema import ROW, TABLES, column_list, empty_select, parquet_source, present_columns
from .segments import MANIFEST, MERGED, Manifest, is_store, read_manifest

__all__ = ["Catalog", "open_catalog"]

_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
#: tables that also get a view with ``_row`` (named ``_<table>``)
ORDERED = ("events", "quotes")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _files(root: Path, paths: list[str]) -> str:
    return "[" + ", ".join(_literal(str(root / p)) for p in paths) + "]"


class Catalog:
    """Views over one manifest of the store at ``root``; :meth:`refresh` moves them to the latest one."""

    def __init__(
        self,
        root: Path,
        writable_dir: str | None = None,
        settings: dict[str, str | int | bool] | None = None,
    ) -> None:
        self.root = root.resolve()
        self.manifest: Manifest | None = None
        self._stamp: tuple[int, int] | None = None
        try:
            self.con = duckdb.connect(config={**_CONFIG, **(settings or {})})
        except duckdb.Error as exc:
            raise StoreError(f"store {root}: cannot open: {exc}") from exc
        self.refresh()
        from .sql import lock_down

        allowed = [str(self.root) + os.sep] + ([writable_dir] if writable_dir else [])
        lock_down(self.con, allowed)

    def _manifest_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.root / MANIFEST)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def refresh(self) -> bool:
        """Re-read the manifest when it changed; True when the views now show a newer store."""
        stamp = self._manifest_stamp()
        if stamp is not None and stamp == self._stamp:
            return False
        manifest = read_manifest(self.root)
        self._stamp = stamp
        if self.manifest is not None and manifest.version == self.manifest.version:
            return False
        self._define(manifest)
        self.manifest = manifest
        return True

    def _define(self, manifest: Manifest) -> None:
        statements = []
        for table in TABLES:
            if table == "merged_events":
                continue
            files = manifest.files(table)
            # by name: a segment written before a column was added (``events.coder``) reads it as NULL
            source, have = parquet_source(self.con, _files(self.root, files)) if files else (None, set())
            cols = present_columns(table, have) if source else column_list(table)
            body = f"SELECT {cols} FROM {source}" if source else empty_select(table)
            statements.append(f"CREATE OR REPLACE VIEW {table} AS {body}")
            if table in ORDERED:
                ordered = f"SELECT {cols}, {ROW} FROM {source}" if source else empty_select(table, True)
                statements.append(f"CREATE OR REPLACE VIEW _{table} AS {ordered}")
        statements.append(f"CREATE OR REPLACE VIEW merged_events AS {self._merged_sql(manifest)}")
        self.con.execute("BEGIN")
        for sql in statements:
            self.con.execute(sql)
        self.con.execute("COMMIT")

    def _merged_sql(self, manifest: Manifest) -> str:
        cols = column_list("merged_events")
        base = manifest.merged_base
        hi = int(base["hi"]) if base else 0
        tail = [
            f"segments/{s.name}/merged_events.parquet"
            for s in manifest.segments
            if s.hi > hi and s.rows.get("merged_events")
        ]
        parts = []
        tail_src = f"(SELECT * FROM read_parquet({_files(self.root, tail)}) WHERE ({ROW} >> 32) > {hi})" if tail else ""
        if base:
            base_file = f"{MERGED}/{base['name']}/merged_events.parquet"
            base_src = f"read_parquet({_files(self.root, [base_file])})"
            if tail:
                parts.append(f"SELECT {cols} FROM {base_src} WHERE id NOT IN (SELECT id FROM {tail_src})")
            else:
                parts.append(f"SELECT {cols} FROM {base_src}")
        if tail:
            parts.append(f"SELECT {cols} FROM {tail_src} QUALIFY {ROW} = max({ROW}) OVER (PARTITION BY id)")
        return " UNION ALL ".join(parts) if parts else empty_select("merged_events")

    def close(self) -> None:
        self.con.close()


def open_catalog(
    path: str | Path, writable_dir: str | None = None, settings: dict[str, str | int | bool] | None = None
) -> Catalog:
    """The catalog of the store at ``path`` (a clear error when there is none, or an old single file)."""
    root = Path(path)
    if root.is_file():
        from .migrate import legacy_message

        raise StoreError(legacy_message(root))
    if not is_store(root):
        raise StoreError(f"store {root} does not exist: create it with `eventwire ingest ... --db {root}`")
    return Catalog(root, writable_dir=writable_dir, settings=settings)
