"""The segmented store: commits, crashes at each step of a commit, compaction, migration of old single-file
stores, and incremental merging against merging everything again. Real Parquet, real DuckDB, real processes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.model import Analysis, Article, StageFailure
from eventwire.store import compact
from eventwire.store.db import Store, content_hash
from eventwire.store.merge import merge_all
from eventwire.store.rows import TABLE_COLUMNS
from eventwire.store.schema import TABLES

from .factories import WIRE, merge_corpus, sample_analysis

TEXT_TABLES = ("articles", "errors", "actors", "mentions", "quotes", "events", "claims", "places")


def shifted(analysis: Analysis, n: int, days: int = 0) -> Analysis:
    """A copy of ``analysis`` with text and id of its own and its event dates moved ``days``."""
    art = analysis.article
    text = art.text + f" Item {n}."
    events = tuple(
        replace(e, date=replace(e.date, start=e.date.start + dt.timedelta(days), end=e.date.end + dt.timedelta(days)))
        if e.date
        else e
        for e in analysis.events
    )
    return analysis.with_(article=replace(art, id=f"{art.id}-{n}", text=text), events=events)


def corpus(n: int) -> list[Analysis]:
    base = merge_corpus()
    return [shifted(base[i % len(base)], i, days=(i // 7) % 5) for i in range(n)]


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in TEXT_TABLES:
            cols = ", ".join(f'"{c}"' for c in TABLE_COLUMNS[table])
            out[table] = sorted(store.con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        out["merged_events"] = sorted(store.con.execute("SELECT * FROM merged_events").fetchall(), key=repr)
        out["event_mentions"] = sorted(store.con.execute("SELECT * FROM event_mentions").fetchall(), key=repr)
        return out


def manifest(db: Path) -> dict[str, Any]:
    return dict(json.loads((db / "manifest.json").read_text()))


def test_each_batch_is_one_segment_and_readers_see_only_commits(tmp_path: Path) -> None:
    db = tmp_path / "s.store"
    items = corpus(12)
    with Store(db) as writer:
        writer.add_many(items[:5])
        reader = Store(db, read_only=True)
        assert reader.counts()["articles"] == 5
        writer.add_many(items[5:])
        assert reader.counts()["articles"] == 5  # a reader keeps its manifest until it refreshes
        assert reader.refresh() and reader.counts()["articles"] == 12
        reader.close()
    assert len(manifest(db)["segments"]) == 2


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "s.store"
    with Store(db) as writer:
        writer.add(sample_analysis())
        from eventwire.store.segments import WriterLock

        with pytest.raises(StoreError, match="another process"):
            WriterLock(db, wait=False)


CRASH = """
import os, sys
sys.path.insert(0, {tests!r})
from tests.test_store_segments import corpus
from eventwire.store import segments, writer
from eventwire.store.db import Store
point = sys.argv[2]
with Store(sys.argv[1]) as store:
    store.add_many(corpus(12)[:6])
    if point == "segment":      # the segment's files are written and renamed, the manifest is not
        real = writer.write_manifest
        writer.write_manifest = lambda *a: os._exit(9)
    elif point == "manifest":   # the manifest is committed, the writer's index is not
        real = writer.write_manifest
        def commit_then_die(*a):
            real(*a)
            os._exit(9)
        writer.write_manifest = commit_then_die
    elif point == "files":      # killed while writing the segment's files
        writer._write_tables = lambda *a: os._exit(9)
    store.add_many(corpus(12)[6:])
"""


@pytest.mark.parametrize(("point", "committed"), [("files", 6), ("segment", 6), ("manifest", 12)])
def test_killed_at_each_step_of_a_commit_loses_nothing_committed(tmp_path: Path, point: str, committed: int) -> None:
    db = tmp_path / "s.store"
    script = CRASH.format(tests=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.run([sys.executable, "-c", script, str(db), point], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == committed
    with Store(db) as store:  # the next writer removes what was never committed and catches its index up
        assert store.add_many(corpus(12)) == 12 - committed
    listed = {s["name"] for s in manifest(db)["segments"]}
    assert {p.name for p in (db / "segments").iterdir()} == listed
    clean = tmp_path / "clean.store"
    with Store(clean) as store:
        store.add_many(corpus(12)[:6])
        store.add_many(corpus(12)[6:])
    assert tables(db) == tables(clean)


def test_compaction_keeps_every_row_and_merged_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compact, "FOLD_MIN", 10)
    db, clean = tmp_path / "many.store", tmp_path / "one.store"
    items = corpus(40)
    with Store(db) as store:
        for i in range(0, 40, 2):
            store.add_many(items[i : i + 2])
        many = len(manifest(db)["segments"])
        assert many < 20  # merged by tiers as they came (FANOUT consecutive small segments become one)
        assert store.compact()["segments_after"] == 1
    with Store(clean) as store:
        store.add_many(items)
    assert tables(db) == tables(clean)
    assert manifest(db)["merged_base"] is not None


def drop_column(db: Path, table: str, column: str) -> None:
    """Rewrite every segment's ``table`` file without ``column``, as a store written before it existed."""
    import pyarrow.parquet as pq

    for path in (db / "segments").glob(f"*/{table}.parquet"):
        pq.write_table(pq.read_table(path).drop_columns([column]), path)


def test_segments_written_before_a_column_existed_read_it_as_null(tmp_path: Path) -> None:
    db = tmp_path / "old.store"
    items = corpus(6)
    with Store(db) as store:
        store.add_many(items[:3])
    drop_column(db, "events", "coder")
    with Store(db, read_only=True) as store:
        assert {r[0] for r in store.con.execute("SELECT coder FROM events").fetchall()} == {None}
    with Store(db) as store:  # a new segment has the column; both read together, and compaction keeps both
        store.add_many(items[3:])
        coders = sorted(store.con.execute("SELECT coder FROM events").fetchall(), key=repr)
        assert {c for (c,) in coders} == {None, "lexicon"}
        store.compact()
        assert sorted(store.con.execute("SELECT coder FROM events").fetchall(), key=repr) == coders


def test_failed_article_retried_replaces_its_record_in_an_old_segment(tmp_path: Path) -> None:
    db = tmp_path / "r.store"
    ok = sample_analysis("a1")
    failed = ok.with_(error=StageFailure("events", "boom"), events=())
    with Store(db) as store:
        store.add_many([failed, sample_analysis("b1", WIRE)])
        old = manifest(db)["segments"][0]["name"]
        assert store.add(ok) is True
        rows = store.query("SELECT id, error_stage FROM articles ORDER BY id")
        assert rows == [{"id": "a1", "error_stage": None}, {"id": "b1", "error_stage": None}]
        assert store.counts()["errors"] == 0 and store.counts()["events"] == 2
    names = [s["name"] for s in manifest(db)["segments"]]
    assert old not in names and [p for p, _ in manifest(db)["retired"]] == [f"segments/{old}"]


def test_incremental_merge_equals_merging_everything_again(tmp_path: Path) -> None:
    db = tmp_path / "m.store"
    items = corpus(60)
    with Store(db) as store:
        for i in range(0, 60, 7):
            store.add_many(items[i : i + 7])
        events = store.query(
            "SELECT e.*, a.source AS article_source FROM _events e JOIN articles a ON a.hash = e.article "
            "WHERE a.error_stage IS NULL ORDER BY e._row"
        )
        merged, mentions = merge_all(events, store.independent_sources())
        got = store.query("SELECT * FROM merged_events ORDER BY id")
        assert got == sorted(merged, key=lambda m: m["id"]) and len(got) > 1
        assert sorted(store.query("SELECT * FROM event_mentions"), key=repr) == sorted(mentions, key=repr)


def test_an_index_lost_is_rebuilt_from_the_segments(tmp_path: Path) -> None:
    db = tmp_path / "x.store"
    items = corpus(20)
    with Store(db) as store:
        store.add_many(items[:10])
    (db / "writer.duckdb").unlink()
    with Store(db) as store:
        assert store.add_many(items) == 10
    clean = tmp_path / "clean.store"
    with Store(clean) as store:
        store.add_many(items[:10])
        store.add_many(items[10:])
    assert tables(db) == tables(clean)


def _legacy_store(path: Path, analyses: list[Analysis]) -> None:
    """A schema-3 single-file store as the previous eventwire wrote it (its tables, its rows)."""
    from eventwire.store.neardup import NearDuplicateIndex, signature
    from eventwire.store.rows import TableRows, analysis_rows

    con = duckdb.connect(str(path))
    for table, cols in TABLES.items():
        con.execute(f"CREATE TABLE {table} ({', '.join(f'{chr(34)}{n}{chr(34)} {t}' for n, t in cols)})")
    con.execute("CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (1), (2), (3)")
    out, index = TableRows(), NearDuplicateIndex()
    for a in analyses:
        key, sig = content_hash(a.article), signature(a.article.text)
        analysis_rows(out, key, a, index.add(key, sig))
        out.add("article_signatures", [(key, sig.tolist())])
    out.write(con)
    con.close()


def test_a_single_file_store_is_migrated_by_the_command(tmp_path: Path) -> None:
    from eventwire.cli import main

    old = tmp_path / "events.duckdb"
    items = corpus(9)
    _legacy_store(old, items)
    with pytest.raises(StoreError, match="eventwire migrate"):
        Store(old, read_only=True)
    assert main(["migrate", "--db", str(old)]) == 0
    assert (tmp_path / "events.duckdb.schema3.bak").is_file() and old.is_dir()
    clean = tmp_path / "clean.store"
    with Store(clean) as store:
        store.add_many(items)
    got, want = tables(old), tables(clean)
    for table in ("articles", "actors", "events", "merged_events", "event_mentions"):
        assert got[table] == want[table], table
    with Store(old) as store:  # the migrated store takes new batches
        assert store.schema_version() == 4 and store.add_many(corpus(12)) == 3


def test_many_segments_read_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compact, "FANOUT", 10_000)  # no merging: one segment per batch
    db = tmp_path / "n.store"
    items = [Analysis(article=Article(id=f"n{i}", text=f"Note number {i} about nothing.")) for i in range(50)]
    with Store(db) as store:
        for item in items:
            store.add(item)
        assert len(manifest(db)["segments"]) == 50
        assert store.counts()["articles"] == 50
        assert [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id LIMIT 3")] == ["n0", "n1", "n10"]
