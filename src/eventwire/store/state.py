"""The writer's index (``writer.duckdb``): what a new batch is checked and merged against.

- ``known``: every stored article's hash, id, segment, whether it failed, and its independent-source key
  (the source of the first article of its near-duplicate chain);
- ``sigs`` and ``bands``: MinHash signatures and their LSH band keys (near-duplicates);
- ``clusters`` and ``members``: the merged events (their first mention's dyad, day, code, place) and their
  mentions, looked up by dyad and day.

Lookups are scans that DuckDB prunes by row-group ranges (merged events by day) or hash joins (a batch's
hashes, band keys); no ART index (DuckDB uses one for a single key, not for a batch of them). Only the
process holding the writer lock opens it. It is derived data: each segment carries everything it
was built from, so the index is brought up to date from the segments the manifest lists (``applied`` is the
last sequence number it holds), or rebuilt from all of them when the file is missing or damaged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from .merge import MEMBER_COLUMNS, Cluster, dyad_key

__all__ = ["WriterIndex"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS known (hash VARCHAR, id VARCHAR, seq INTEGER, failed BOOLEAN, empty BOOLEAN, src VARCHAR);
CREATE TABLE IF NOT EXISTS sigs (hash VARCHAR, sig UBIGINT[]);
CREATE TABLE IF NOT EXISTS bands (hash VARCHAR, band INTEGER, bucket BIGINT);
CREATE TABLE IF NOT EXISTS clusters (id UBIGINT, dyad VARCHAR, hdate DATE, cameo VARCHAR, root VARCHAR,
    location VARCHAR, ord BIGINT);
CREATE TABLE IF NOT EXISTS members (cluster UBIGINT, mrow BIGINT, article VARCHAR, event VARCHAR, src VARCHAR,
    article_source VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, cameo VARCHAR, root VARCHAR,
    quad INTEGER, goldstein DOUBLE, plover VARCHAR, date DATE, location VARCHAR, location_country VARCHAR,
    lat DOUBLE, lon DOUBLE, confidence DOUBLE, evidence VARCHAR);
"""
#: bumped when the index's layout changes (an older index is rebuilt from the segments)
INDEX_VERSION = "2"


def _arrow(rows: Sequence[Sequence[Any]], names: Sequence[str], types: dict[str, Any] | None = None) -> Any:
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    types = types or {}
    return pa.Table.from_arrays(
        [pa.array(list(col), type=types.get(name)) for name, col in zip(names, columns, strict=True)],
        names=list(names),
    )


class WriterIndex:
    """The index file of one store, opened by its writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.con = duckdb.connect(str(path), config={"autoload_known_extensions": False})
            self.con.execute(SCHEMA)
            fresh = self.get("version") is None
        except duckdb.Error:  # damaged: it is derived data, start again from the segments
            path.unlink(missing_ok=True)
            Path(str(path) + ".wal").unlink(missing_ok=True)
            self.con = duckdb.connect(str(path), config={"autoload_known_extensions": False})
            self.con.execute(SCHEMA)
            fresh = True
        if fresh or self.get("version") != INDEX_VERSION:
            self.reset()

    def close(self) -> None:
        self.con.close()

    # -- meta ---------------------------------------------------------------------------------
    def get(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return str(rows[0][0]) if rows else None

    def put(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    @property
    def applied(self) -> int:
        return int(self.get("applied") or 0)

    def reset(self) -> None:
        """Empty the index (it is then rebuilt from the segments)."""
        for table in ("meta", "known", "sigs", "bands", "clusters", "members"):
            self.con.execute(f"DELETE FROM {table}")
        self.put("version", INDEX_VERSION)
        self.put("applied", "0")

    # -- articles -----------------------------------------------------------------------------
    def stored_ok(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` stored without an error."""
        rows = self.con.execute("SELECT hash FROM known WHERE NOT failed AND hash = ANY(?)", [keys]).fetchall()
        return {r[0] for r in rows}

    def known_ok(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT hash FROM known WHERE NOT failed").fetchall()}

    def failed_replaced(self, keys: list[str], ids: list[str]) -> list[tuple[str, str, int]]:
        """(hash, id, seq) of failed records these articles replace: their own hashes', and a failed read
        (empty text) of their ids."""
        rows = self.con.execute(
            "SELECT hash, id, seq FROM known WHERE failed AND (hash = ANY(?) OR (empty AND id = ANY(?)))", [keys, ids]
        ).fetchall()
        return [(h, i, int(s)) for h, i, s in rows]

    def forget(self, hashes: list[str]) -> None:
        for table in ("known", "sigs", "bands"):
            self.con.execute(f"DELETE FROM {table} WHERE hash = ANY(?)", [hashes])

    def taken_ids(self, candidates: list[str]) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM known WHERE id = ANY(?)", [candidates]).fetchall()}

    def sources_of(self, hashes: list[str]) -> dict[str, str]:
        rows = self.con.execute("SELECT hash, src FROM known WHERE hash = ANY(?)", [hashes]).fetchall()
        return {h: s for h, s in rows}

    def add_known(self, rows: list[tuple[str, str, int, bool, bool, str]]) -> None:
        self._insert("known", rows, ("hash", "id", "seq", "failed", "empty", "src"))

    def add_signatures(self, sigs: list[tuple[str, list[int]]], bands: list[tuple[str, int, int]]) -> None:
        import pyarrow as pa

        self._insert("sigs", sigs, ("hash", "sig"), {"sig": pa.list_(pa.uint64())})
        self._insert("bands", bands, ("hash", "band", "bucket"), {"bucket": pa.int64(), "band": pa.int32()})

    def band_matches(self, bands: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
        """(new hash, stored hash) pairs sharing a band."""
        if not bands:
            return []
        probe = _arrow(bands, ("hash", "band", "bucket"))
        self.con.register("_probe", probe)
        try:
            found = self.con.execute(
                "SELECT DISTINCT p.hash, s.hash FROM _probe p JOIN bands s ON s.band = p.band AND s.bucket = p.bucket"
            ).fetchall()
        finally:
            self.con.unregister("_probe")
        return [(a, b) for a, b in found]

    def signatures(self, hashes: list[str]) -> dict[str, list[int]]:
        rows = self.con.execute("SELECT hash, sig FROM sigs WHERE hash = ANY(?)", [sorted(hashes)]).fetchall()
        return {h: s for h, s in rows}

    # -- merged events ------------------------------------------------------------------------
    def candidates(self, rows: Iterable[dict[str, Any]]) -> list[Cluster]:
        """The stored merged events that could accept any of these events rows (same dyad, day ±1 or both
        undated)."""
        import datetime as dt

        keys: set[tuple[str, Any]] = set()
        undated: set[str] = set()
        for row in rows:
            dyad, day = dyad_key(row), row["date"]
            if day is None:
                undated.add(dyad)
            else:
                keys.update((dyad, day + dt.timedelta(days=k)) for k in (-1, 0, 1))
        found: list[tuple[Any, ...]] = []
        cols = "c.id, c.dyad, c.hdate, c.cameo, c.root, c.location, c.ord"
        if keys:
            days = [d for _, d in keys]
            self.con.register("_probe", _arrow(sorted(keys), ("dyad", "hdate")))
            try:  # the day range lets DuckDB skip the row groups of other days (rows come in rough date order)
                found += self.con.execute(
                    f"SELECT {cols} FROM clusters c JOIN _probe p ON c.dyad = p.dyad AND c.hdate = p.hdate "
                    "WHERE c.hdate BETWEEN ? AND ?",
                    [min(days), max(days)],
                ).fetchall()
            finally:
                self.con.unregister("_probe")
        if undated:
            found += self.con.execute(
                f"SELECT {cols} FROM clusters c WHERE c.hdate IS NULL AND c.dyad = ANY(?)", [sorted(undated)]
            ).fetchall()
        return [Cluster(int(i), d, h, c, r, loc, int(o)) for i, d, h, c, r, loc, o in found]

    def members_of(self, clusters: list[Cluster]) -> dict[int, list[dict[str, Any]]]:
        """The stored mentions of these merged events (a mention's day is within a day of its event's first
        day: the range lets DuckDB skip the row groups of other days)."""
        if not clusters:
            return {}
        import datetime as dt

        ids = [c.id for c in clusters]
        days = [c.hdate for c in clusters if c.hdate is not None]
        where, params = "m.date IS NULL", []
        if days:
            lo, hi = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
            where, params = "(m.date BETWEEN ? AND ?)", [lo, hi]
            if len(days) < len(ids):
                where = f"({where} OR m.date IS NULL)"
        cur = self.con.execute(
            f"SELECT {', '.join('m.' + c for c in MEMBER_COLUMNS)} FROM members m "
            f"WHERE {where} AND m.cluster = ANY(?) ORDER BY m.mrow",
            [*params, ids],
        )
        out: dict[int, list[dict[str, Any]]] = {}
        for row in cur.fetchall():
            m = dict(zip(MEMBER_COLUMNS, row, strict=True))
            out.setdefault(int(m["cluster"]), []).append(m)
        return out

    def add_clusters(self, clusters: list[Cluster]) -> None:
        import pyarrow as pa

        rows = [(c.id, c.dyad, c.hdate, c.cameo, c.root, c.location, c.ord) for c in clusters]
        names = ("id", "dyad", "hdate", "cameo", "root", "location", "ord")
        self._insert("clusters", rows, names, {"id": pa.uint64(), "hdate": pa.date32(), "ord": pa.int64()})

    def add_members(self, members: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        rows = [[m[c] for c in MEMBER_COLUMNS] for m in members]
        types = {"cluster": pa.uint64(), "mrow": pa.int64(), "date": pa.date32(), "quad": pa.int32()}
        for name in ("goldstein", "lat", "lon", "confidence"):
            types[name] = pa.float64()
        self._insert("members", rows, MEMBER_COLUMNS, types)

    def _insert(
        self, table: str, rows: Sequence[Sequence[Any]], names: Sequence[str], types: dict[str, Any] | None = None
    ) -> None:
        if not rows:
            return
        self.con.register("_batch", _arrow(rows, names, types))
        try:
            self.con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")
