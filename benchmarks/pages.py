"""Latency of every workbench page and API call, and memory of every export, on a (large) store.

    .venv/bin/python benchmarks/pages.py STORE [--requests 30] [--exports] [--only PATH...]

Starts ``eventwire serve`` on the store (build a million-event one with benchmarks/million_store.py), asks
each URL below ``--requests`` times after two warm-up calls, one request at a time over HTTP, and prints
p50 / p99 / max milliseconds per URL, and ``first_ms``: the first call, before the server kept anything it
computed for the store's committed version (a rendered chart, a page histogram: what the first request after
each commit pays). ``--exports`` also runs ``eventwire export`` in each format and
prints its wall time and peak RSS (the exporting process's own).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from eventwire.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")


def urls(db: Path) -> list[str]:
    store = Store(db, read_only=True)
    con = store.con
    try:
        art = con.execute("SELECT hash FROM articles ORDER BY hash LIMIT 1 OFFSET 1000").fetchone()
        speaker = con.execute(
            "SELECT speaker_text FROM quotes WHERE speaker_text IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        store.close()
    key = art[0] if art else "none"
    who = quote(speaker[0] if speaker else "x")
    return [
        "/",
        "/api/events",
        "/api/events?country=USA",
        "/api/events?country=USA&page=200",
        "/api/events?page=2000&per_page=200",
        "/api/events?cameo=14*&quad=3",
        "/api/events?dyad=USA:IRN&since=2015-01-01",
        "/api/events?actor=Biden",
        "/api/events?text=troops",
        "/merged",
        "/api/merged?page=200",
        "/timeline",
        "/api/timeline",
        "/api/timeline?country=USA",
        "/network",
        "/api/network",
        "/map",
        "/api/map",
        "/quotes",
        "/api/quotes?page=200",
        f"/api/quotes?speaker={who}",
        "/claims",
        "/api/claims?page=2",
        "/articles",
        "/api/articles?page=200",
        f"/articles/{key}",
        f"/api/articles/{key}",
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(base: str, path: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as res:
        res.read()
        if res.status != 200:
            raise RuntimeError(f"{path}: HTTP {res.status}")
    return (time.perf_counter() - start) * 1000


def serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            fetch(base, "/openapi.json")
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_pages(db: Path, requests: int, only: list[str] | None) -> list[dict[str, object]]:
    proc, base = serve(db)
    rows = []
    try:
        for path in only or urls(db):
            first = fetch(base, path)
            fetch(base, path)
            ms = [fetch(base, path) for _ in range(requests)]
            row = {
                "url": path,
                "first_ms": round(first, 1),
                "p50_ms": round(statistics.median(ms), 1),
                "p99_ms": round(pct(ms, 0.99), 1),
                "max_ms": round(max(ms), 1),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return rows


def time_exports(db: Path) -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / f"export.{fmt}"
            cmd = [sys.executable, "-m", "eventwire.cli", "export", "--db", str(db), "--format", fmt, "-o", str(out)]
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            row = {
                "format": fmt,
                "wall_s": round(time.perf_counter() - start, 1),
                "peak_rss_mb": round(usage.ru_maxrss / 1024),
                "size_mb": round(out.stat().st_size / 2**20) if out.exists() else None,
                "exit": proc.returncode,
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--exports", action="store_true", help="also time the exports and their memory")
    ap.add_argument("--only", nargs="+", metavar="PATH", help="only these URLs")
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
    pages = time_pages(args.db, args.requests, args.only)
    worst = max(pages, key=lambda r: float(r["p50_ms"]))  # type: ignore[arg-type]
    print(json.dumps({"worst_p50": worst, "worst_p99": max(float(r["p99_ms"]) for r in pages)}))  # type: ignore[arg-type]
    if args.exports:
        time_exports(args.db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
