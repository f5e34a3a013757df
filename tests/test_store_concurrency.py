"""`serve` and `ingest` on one store at the same time: every page answers (200) with the data committed so far,
the counts grow while the ingest runs, and the ingest never fails for the reader. Real processes, real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eventwire.store.db import Store

from .factories import merge_corpus
from .test_ingest_resume import write_corpus

pytestmark = pytest.mark.slow

PAGES = [
    "/",
    "/api/events",
    "/api/merged",
    "/merged",
    "/timeline",
    "/network",
    "/map",
    "/quotes",
    "/claims",
    "/articles",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}


def test_serve_answers_every_page_while_ingest_runs(tmp_path: Path) -> None:
    db, corpus, n = tmp_path / "live.store", tmp_path / "corpus.jsonl", 500
    write_corpus(corpus, n)
    with Store(db) as store:
        store.add_many(merge_corpus())
    start = len(merge_corpus())
    port = free_port()
    cli = [sys.executable, "-m", "eventwire.cli"]
    server = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--port", str(port)], env=env(), stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                httpx.get(base + "/api/articles", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        ingest = subprocess.Popen(
            [*cli, "ingest", str(corpus), "--db", str(db), "--workers", "1", "-q"], env=env(), stderr=subprocess.PIPE
        )
        totals, answered = [], 0
        with httpx.Client(base_url=base, timeout=30) as client:
            while ingest.poll() is None:
                for page in PAGES:
                    res = client.get(page)
                    assert res.status_code == 200, (page, res.status_code, res.text[:300])
                    answered += 1
                totals.append(client.get("/api/articles").json()["total"])
                time.sleep(0.05)
            _, err = ingest.communicate(timeout=60)
            assert ingest.returncode == 0, err
            final = client.get("/api/articles").json()["total"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert totals == sorted(totals), "a reader never sees the store shrink"
    assert len(set(totals)) >= 3, f"counts should grow while the ingest runs: {sorted(set(totals))}"
    assert final == start + n and answered >= 3 * len(PAGES)
