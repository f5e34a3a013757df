"""The one writer of a store: each batch of coded articles becomes one segment, committed by the manifest.

A commit (``Writer.add_many``): skip texts already stored without error; drop the failed records the batch
replaces (the segments holding them are rewritten without them: copy on write); give taken ids ``#n``;
find near-duplicates against the LSH bands in the index; merge the batch's events against the index's
merged events of the same dyads and days; write the segment; commit the manifest; then the index. A
process killed anywhere loses only the batch it had not committed: an unlisted segment is deleted by the
next writer, and an index behind the manifest is brought up to date from the segments.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Analysis
from . import compact
from .merge import Merger, member, mention_row, mergeable, merged_row
from .rows import TABLE_COLUMNS, TableRows, analysis_rows
from .schema import ARTICLE_KEY, ROW, SCHEMA_VERSION, TABLES, arrow_schema, parquet_source, present_columns
from .segments import (
    STATE,
    Manifest,
    SegmentInfo,
    WriterLock,
    collect_garbage,
    is_store,
    new_segment_dir,
    publish_segment,
    read_manifest,
    retire,
    segment_name,
    write_manifest,
)
from .state import WriterIndex

__all__ = ["Writer"]


class Writer:
    """Holds the store's writer lock; commits batches as segments."""

    def __init__(self, root: Path, wait: bool = True, notice: Callable[[str], None] | None = None) -> None:
        if root.exists() and not root.is_dir():
            from .migrate import legacy_message

            raise StoreError(legacy_message(root))
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.lock = WriterLock(root, wait=wait, notice=notice)
        try:
            if not is_store(root):
                write_manifest(root, Manifest())
            self.manifest = read_manifest(root)
            if self.manifest.schema_version != SCHEMA_VERSION:
                raise StoreError(
                    f"store {root} has schema {self.manifest.schema_version}; this eventwire writes {SCHEMA_VERSION}"
                )
            if collect_garbage(root, self.manifest):
                write_manifest(root, self.manifest)
            self.tool = duckdb.connect(config={"autoload_known_extensions": False})
            self.index = WriterIndex(root / STATE)
            self.catch_up()
        except BaseException:
            self.lock.release()
            raise
        #: (id as given, id as stored) of each article stored under a new id because its id was taken
        self.renamed: list[tuple[str, str]] = []

    def close(self) -> None:
        self.index.close()
        self.tool.close()
        self.lock.release()

    # -- the index --------------------------------------------------------------------------------
    def catch_up(self) -> None:
        """Bring the index up to the manifest (after a crash between the two commits, or a lost index)."""
        last = max((s.hi for s in self.manifest.segments), default=0)
        if self.index.applied > last:  # an index ahead of the manifest (a store copied back?): rebuild it
            self.index.reset()
        applied = self.index.applied
        for segment in self.manifest.segments:
            if segment.hi > applied:
                self._replay(segment, applied)

    def _read(self, segment: SegmentInfo, table: str, cols: str, after: int, order: str = ROW) -> list[dict[str, Any]]:
        if not segment.rows.get(table):
            return []
        path = str(self.root / "segments" / segment.name / f"{table}.parquet").replace("'", "''")
        cur = self.tool.execute(
            f"SELECT {cols} FROM read_parquet('{path}') WHERE ({ROW} >> 32) > ? ORDER BY {order}", [after]
        )
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _replay(self, segment: SegmentInfo, after: int) -> None:
        """Add what ``segment`` holds past sequence number ``after`` to the index."""
        self.index.con.execute("BEGIN")
        try:
            cols = f"hash, id, source, error_stage, text = '' AS empty, near_duplicate_of, {ROW}"
            articles = self._read(segment, "articles", cols, after)
            sources = self.index.sources_of(
                sorted({a["near_duplicate_of"] for a in articles if a["near_duplicate_of"]})
            )
            known = []
            for a in articles:
                near = a["near_duplicate_of"]
                src = sources.get(near, near) if near else (a["source"] or a["hash"])
                sources[a["hash"]] = src
                known.append((a["hash"], a["id"], a[ROW] >> 32, a["error_stage"] is not None, bool(a["empty"]), src))
            self.index.add_known(known)
            sigs = [
                (r["hash"], r["sig"]) for r in self._read(segment, "article_signatures", f"hash, sig, {ROW}", after)
            ]
            bands = [(r["hash"], r["band"], r["bucket"]) for r in self._read(segment, "signature_bands", "*", after)]
            self.index.add_signatures(sigs, bands)
            failed = {a["hash"] for a in articles if a["error_stage"] is not None}
            src_of = {a["hash"]: sources[a["hash"]] for a in articles}
            source_of = {a["hash"]: a["source"] for a in articles}
            events = [
                {**e, "article_source": source_of.get(e["article"])}
                for e in self._read(segment, "events", "*", after)
                if e["article"] not in failed
            ]
            self._merge(events, src_of)
            self.index.put("applied", str(segment.hi))
            self.index.con.execute("COMMIT")
        except BaseException:
            self.index.con.execute("ROLLBACK")
            raise

    # -- merging ------------------------------------------------------------------------------
    def _merge(
        self, events: list[dict[str, Any]], src_of: dict[str, str]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Merge events rows (in store order) into the index; returns (merged_events versions, new
        event_mentions rows)."""
        rows = [e for e in events if mergeable(e)]
        if not rows:
            return [], []
        merger = Merger(self.index.candidates(rows), int(self.index.get("next_ord") or 0))
        next_mrow = int(self.index.get("next_mrow") or 0)
        new_members: list[dict[str, Any]] = []
        for row in rows:
            cluster = merger.add(row)
            new_members.append(member(cluster, next_mrow, row, src_of.get(row["article"], row["article"])))
            next_mrow += 1
        touched = sorted({m["cluster"] for m in new_members})
        created = {c.id for c in merger.created}
        known = {c.id: c for cs in merger.by_day.values() for c in cs}
        stored = self.index.members_of([known[c] for c in touched if c not in created])
        for m in new_members:
            stored.setdefault(m["cluster"], []).append(m)
        self.index.add_clusters(merger.created)
        self.index.add_members(new_members)
        self.index.put("next_ord", str(merger.next_ord))
        self.index.put("next_mrow", str(next_mrow))
        merged = [merged_row(c, stored[c]) for c in touched]
        return merged, [mention_row(m) for m in new_members]

    # -- committing ---------------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return self.index.known_ok()

    def stored_ok(self, keys: list[str]) -> set[str]:
        return self.index.stored_ok(keys)

    def add_many(self, analyses: Iterable[Analysis], shard: str | None = None) -> int:
        """Store coded articles as one segment; returns how many were new (an article whose text is already
        stored without error, or repeats one earlier in the batch, is skipped; one stored with an error is
        replaced). ``shard``: the input shard this batch completes (recorded in the manifest)."""
        from .db import content_hash as article_hash

        batch = list(analyses)
        keys = [article_hash(a.article) for a in batch]
        done = self.index.stored_ok(keys)
        fresh: dict[str, Analysis] = {}
        for key, analysis in zip(keys, batch, strict=True):
            if key not in done and key not in fresh:
                fresh[key] = analysis
        if not fresh:
            if shard is not None and shard not in self.manifest.shards:
                self.manifest.shards[shard] = 0
                write_manifest(self.root, self.manifest)
            return 0
        self.index.con.execute("BEGIN")
        tmp: Path | None = None
        try:
            seq = self.manifest.next_seq
            replaced = self.index.failed_replaced(list(fresh), [a.article.id for a in fresh.values()])
            if replaced:
                self.index.forget([h for h, _, _ in replaced])
            items = self._renamed(fresh, {i for _, i, _ in replaced})
            tables, merged = self._rows(seq, items)
            tmp = new_segment_dir(self.root)
            rows = _write_tables(tmp, tables)
            name = segment_name(seq, seq)
            publish_segment(self.root, tmp, name)
            tmp = None
            self._rewrite(replaced)
            self.manifest.segments.append(SegmentInfo(name, seq, seq, rows))
            self.manifest.next_seq = seq + 1
            if shard is not None:
                self.manifest.shards[shard] = seq
            write_manifest(self.root, self.manifest)  # the commit
            self.index.put("applied", str(seq))
            self.index.con.execute("COMMIT")
        except BaseException:
            self.index.con.execute("ROLLBACK")
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            self.manifest = read_manifest(self.root)
            raise
        del merged
        compact.maybe_compact(self)
        return len(fresh)

    def _renamed(self, fresh: dict[str, Analysis], freed: set[str]) -> dict[str, Analysis]:
        """The batch with ids taken in the store (or earlier in the batch) renamed ``id#n``."""
        wanted = [a.article.id for a in fresh.values()]
        candidates = sorted({f"{i}#{n}" for i in wanted for n in range(2, 10)} | set(wanted))
        taken = self.index.taken_ids(candidates) - freed
        out: dict[str, Analysis] = {}
        for key, analysis in fresh.items():
            given = analysis.article.id
            unique, n = given, 1
            while unique in taken:
                n += 1
                unique = f"{given}#{n}"
                if n % 8 == 1:
                    taken |= self.index.taken_ids([f"{given}#{k}" for k in range(n, n + 8)])
            taken.add(unique)
            if unique != given:
                self.renamed.append((given, unique))
                analysis = analysis.with_(article=replace(analysis.article, id=unique))
            out[key] = analysis
        return out

    def _rows(self, seq: int, items: dict[str, Analysis]) -> tuple[dict[str, Any], int]:
        """Every table's rows of the batch (Arrow), and the index updated (inside its transaction)."""
        from .neardup import band_keys, best_match, signature

        sigs = {k: signature(a.article.text) for k, a in items.items()}
        indexed = {k: s for k, s in sigs.items() if items[k].article.text.strip()}  # empty texts match nothing
        bands = [(k, b, bucket) for k, s in indexed.items() for b, bucket in enumerate(band_keys(s))]
        near = self._near_duplicates(indexed, bands, best_match)
        out = TableRows()
        known, src_of = [], self.index.sources_of(sorted({n for n in near.values() if n}))
        for key, analysis in items.items():
            analysis_rows(out, key, analysis, near.get(key))
            out.add("article_signatures", [(key, sigs[key].tolist())])
            parent = near.get(key)
            src_of[key] = src_of.get(parent, parent) if parent else (analysis.article.source or key)
            art = analysis.article
            known.append((key, art.id, seq, analysis.error is not None, not art.text, src_of[key]))
        out.add("signature_bands", bands)
        self.index.add_known(known)
        self.index.add_signatures([(k, sigs[k].tolist()) for k in items], bands)
        source_of = {k: a.article.source for k, a in items.items()}
        ok = {k for k, a in items.items() if a.error is None}
        names = TABLE_COLUMNS["events"]
        events = [
            {**dict(zip(names, r, strict=True)), "article_source": source_of[r[0]]}
            for r in out.rows["events"]
            if r[0] in ok
        ]
        merged, mentions = self._merge(events, src_of)
        now = dt.datetime.now()
        tables = {
            t: _arrow_rows(t, out.rows[t], seq, now) for t in TABLES if t not in ("merged_events", "event_mentions")
        }
        tables["merged_events"] = _arrow_dicts("merged_events", merged, seq)
        tables["event_mentions"] = _arrow_dicts("event_mentions", mentions, seq)
        return tables, len(merged)

    def _near_duplicates(
        self, sigs: dict[str, Any], bands: list[tuple[str, int, int]], best: Any
    ) -> dict[str, str | None]:
        """For each new signature (in order): the stored or earlier-in-batch article it near-duplicates."""
        import numpy as np

        from .neardup import NearDuplicateIndex

        candidates: dict[str, set[str]] = {k: set() for k in sigs}
        for new, old in self.index.band_matches(bands):
            candidates[new].add(old)
        wanted = sorted({old for olds in candidates.values() for old in olds})
        stored = {h: np.asarray(s, dtype=np.uint64) for h, s in self.index.signatures(wanted).items()}
        in_batch = NearDuplicateIndex()
        out: dict[str, str | None] = {}
        for key, sig in sigs.items():
            found = {c: in_batch.signatures[c] for c in in_batch.candidates(sig) if c != key}
            found.update({c: stored[c] for c in candidates[key] if c != key and c in stored})
            out[key] = best(sig, found)
            in_batch._insert(key, sig)
        return out

    def _rewrite(self, replaced: list[tuple[str, str, int]]) -> None:
        """Copy the segments holding replaced failed records without them (the old files are retired)."""
        by_segment: dict[str, list[str]] = {}
        for h, _, seq in replaced:
            segment = self.manifest.segment_of(seq)
            if segment is not None:
                by_segment.setdefault(segment.name, []).append(h)
        for name, hashes in by_segment.items():
            i = next(k for k, s in enumerate(self.manifest.segments) if s.name == name)
            old = self.manifest.segments[i]
            self.manifest.segments[i] = self.copy_segment([old], drop=hashes)
            retire(self.manifest, [f"segments/{old.name}"])

    def copy_segment(
        self, segments: Sequence[SegmentInfo], drop: Sequence[str] = (), merged_after: int = 0
    ) -> SegmentInfo:
        """One new segment with the rows of ``segments`` (consecutive), less the article rows of ``drop``,
        and only the latest version of each merged event past ``merged_after``."""
        tmp = new_segment_dir(self.root)
        rows: dict[str, int] = {}
        try:
            for table in TABLES:
                files = [
                    str(self.root / "segments" / s.name / f"{table}.parquet") for s in segments if s.rows.get(table)
                ]
                if not files:
                    continue
                listing = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
                where = f"({ROW} >> 32) > {int(merged_after)}" if table == "merged_events" else "TRUE"
                source, have = parquet_source(self.tool, listing)  # a column added later reads as NULL
                sql = f"SELECT {present_columns(table, have)}, {ROW} FROM {source} WHERE {where}"
                if table in ARTICLE_KEY and drop:
                    sql += f" AND {ARTICLE_KEY[table]} <> ALL(?)"
                if table == "merged_events":
                    sql += f" QUALIFY {ROW} = max({ROW}) OVER (PARTITION BY id)"
                sql = f"SELECT * FROM ({sql}) ORDER BY {ROW}"
                params = [list(drop)] if table in ARTICLE_KEY and drop else []
                data = self.tool.sql(sql, params=params).to_arrow_table()
                rows.update(_write_tables(tmp, {table: data.cast(arrow_schema(table))}))
            name = segment_name(segments[0].lo, segments[-1].hi)
            publish_segment(self.root, tmp, name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return SegmentInfo(name, segments[0].lo, segments[-1].hi, rows)


def _arrow_rows(table: str, rows: list[Sequence[Any]], seq: int, now: dt.datetime) -> Any:
    import pyarrow as pa

    schema = arrow_schema(table)
    given = TABLE_COLUMNS[table]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in given]
    by_name = dict(zip(given, columns, strict=True))
    arrays = []
    for f in schema:
        if f.name == ROW:
            values: Any = [(seq << 32) | i for i in range(len(rows))]
        elif f.name in ("ingested_at", "logged_at"):
            values = [now] * len(rows)
        else:
            values = list(by_name[f.name])
        arrays.append(pa.array(values, type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_dicts(table: str, rows: list[dict[str, Any]], seq: int) -> Any:
    names = [n for n, _ in TABLES[table]]
    return _arrow_rows_named(table, [[r[n] for n in names] for r in rows], names, seq)


def _arrow_rows_named(table: str, rows: list[list[Any]], names: list[str], seq: int) -> Any:
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    by_name = dict(zip(names, columns, strict=True))
    by_name[ROW] = tuple((seq << 32) | i for i in range(len(rows)))
    return pa.Table.from_arrays([pa.array(list(by_name[f.name]), type=f.type) for f in schema], schema=schema)


#: rows per Parquet row group: small enough that lookups by article skip most of a big segment
ROW_GROUP = 32_768


def _write_tables(folder: Path, tables: dict[str, Any]) -> dict[str, int]:
    """Write each non-empty table as ``folder/<table>.parquet``; returns the rows written per table."""
    import pyarrow.parquet as pq

    rows = {}
    for table, data in tables.items():
        if data.num_rows:
            pq.write_table(data, folder / f"{table}.parquet", compression="zstd", row_group_size=ROW_GROUP)
            rows[table] = data.num_rows
    return rows
