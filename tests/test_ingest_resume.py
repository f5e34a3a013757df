"""An ingest killed with SIGKILL and restarted loses and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store.db import Store

pytestmark = pytest.mark.slow

COUNTRIES = ["Kenya", "Tanzania", "Uganda", "Ghana", "Nigeria", "Senegal", "Peru", "Chile", "Japan", "Vietnam"]


def write_corpus(path: Path, n: int) -> None:
    with path.open("w") as out:
        for i in range(n):
            a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
            text = (
                f"{a} accused {b} on Monday of blocking trade talks number {i}. "
                f"Officials from {b} rejected the accusation and said talks would resume on day {i}."
            )
            out.write(json.dumps({"id": f"doc-{i}", "text": text, "published": "2024-05-06"}) + "\n")


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db), "--workers", "1", "-q"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        out = {}
        for table, cols in [
            ("articles", "id, text"),
            ("actors", "article, actor, name, country"),
            ("mentions", 'article, actor, "start", "end"'),
            ("events", "article, event, cameo, source_country, target_country"),
        ]:
            out[table] = sorted(store.con.execute(f"SELECT {cols} FROM {table}").fetchall())
        return out


def committed(db: Path) -> int:
    try:
        return len(json.loads((db / "manifest.json").read_text())["segments"])
    except (OSError, ValueError):
        return 0


def test_sigkill_then_restart_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    n = 600
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, n)
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    assert ingest(corpus, clean_db).wait(timeout=600) == 0

    proc = ingest(corpus, db)
    deadline = time.time() + 300
    while time.time() < deadline and committed(db) < 1:  # killed once a batch is committed
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    with Store(db, read_only=True) as store:
        stored = store.counts()["articles"]
    assert 0 < stored < n, "the kill should land mid-ingest"

    assert ingest(corpus, db).wait(timeout=600) == 0
    assert table_rows(db) == table_rows(clean_db)
