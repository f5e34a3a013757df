"""Coding on a real Dask cluster: `dask scheduler` and two `dask worker` processes on 127.0.0.1, one of them
killed mid-run; the store must equal a one-process ingest of the same input, read the same way by the query
commands and the web app, and a rerun must skip every committed shard. Real spaCy, real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.cluster.shards import plan_shards, read_shard
from eventwire.ingest import read_inputs
from eventwire.web.app import create_app

from .conftest import SHARED
from .test_store_segments import tables

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).parent / "dask"


def inputs() -> list[str]:
    """The shared corpora (a few hundred articles) when present, else the repo's demo corpus."""
    found = sorted(str(p) for p in (SHARED / "corpora").glob("*/articles.jsonl")) if SHARED.is_dir() else []
    return found or [str(ROOT / "examples" / "demo_news.jsonl")]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def eventwire(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", *args]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """A scheduler and two single-threaded workers, each its own process (no nanny: a kill is a lost worker)."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed")
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env(), "cwd": folder}
    cmd = [
        str(DASK),
        "scheduler",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--no-dashboard",
        "--scheduler-file",
        str(info),
    ]
    procs = [subprocess.Popen(cmd, **quiet)]  # type: ignore[call-overload]
    try:
        deadline = time.time() + 60
        while not info.exists() and time.time() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        for name in ("w1", "w2"):
            worker = [str(DASK), "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", name]
            worker += ["--host", "127.0.0.1", "--memory-limit", "3GB"]
            procs.append(subprocess.Popen(worker, **quiet))  # type: ignore[call-overload]
        yield address, procs
    finally:
        for proc in reversed(procs):
            proc.kill()
            proc.wait(timeout=30)


def committed(db: Path) -> int:
    try:
        return len(json.loads((db / "manifest.json").read_text())["shards"])
    except (OSError, ValueError):
        return 0


def test_shards_read_as_one_process_reads(tmp_path: Path) -> None:
    items = inputs()
    whole = [(a.id, a.text, a.published) for a in read_inputs(items)]
    shards = plan_shards(items, partitions=7)
    assert len(shards) >= min(7, len(whole))
    pieces = [(a.id, a.text, a.published) for s in shards for a in read_shard(s, 20 * 1024 * 1024)]
    assert pieces == whole


def test_dask_store_equals_one_process_store_with_a_worker_killed(
    tmp_path: Path, scheduler: tuple[str, list[subprocess.Popen[bytes]]]
) -> None:
    address, procs = scheduler
    items = inputs()
    single, spread = tmp_path / "single.store", tmp_path / "dask.store"
    ref = subprocess.run(eventwire("ingest", *items, "--db", str(single), "--workers", "2", "-q"), env=env())
    assert ref.returncode == 0

    cmd = eventwire("ingest", *items, "--db", str(spread), "--dask", address, "--partitions", "16", "-q")
    run = subprocess.Popen(cmd, env=env(), stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    while committed(spread) < 2 and run.poll() is None and time.time() < deadline:
        time.sleep(0.1)
    assert run.poll() is None, "the run ended before a worker could be killed"
    os.kill(procs[1].pid, signal.SIGKILL)  # worker w1 dies with its running shard
    _, err = run.communicate(timeout=900)
    assert run.returncode == 0, err
    assert procs[1].poll() is not None and procs[2].poll() is None

    assert tables(spread) == tables(single)
    for args in (["query", "--format", "jsonl", "--limit", "10000"], ["query", "--merged", "--format", "jsonl"]):
        outs = [
            subprocess.run(eventwire(*args, "--db", str(db)), env=env(), capture_output=True, text=True).stdout
            for db in (single, spread)
        ]
        assert outs[0] == outs[1] and outs[0]
    pages = ["/api/events?per_page=200", "/api/merged?per_page=200", "/api/articles?per_page=200", "/api/timeline"]
    for page in pages:
        got = [TestClient(create_app(db), base_url="http://127.0.0.1").get(page).json() for db in (single, spread)]
        assert got[0] == got[1], page

    again = subprocess.run(cmd[:-1], env=env(), capture_output=True, text=True)  # not quiet: says what it skipped
    assert again.returncode == 0 and "committed by an earlier run: skipped" in again.stderr
    assert tables(spread) == tables(single)
