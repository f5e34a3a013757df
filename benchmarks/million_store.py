"""A store of about a million events, replicated from real coded rows, for the page and export benchmarks.

    .venv/bin/python benchmarks/million_store.py OUT.duckdb [--seed SEED.duckdb] [--events 1000000]

The seed store defaults to the shared corpora (``../shared/corpora/*/articles.jsonl``) ingested now with
``eventwire ingest``. Every seed article, with all its rows (actors, mentions, quotes, events, places,
claims, merged events and their mentions), is copied K times so that the events reach ``--events``: each
copy gets new keys (hash, id, merged id) and its dates moved by 4 days per copy, so the copies spread over
years as a real archive does. Text, evidence, codes and offsets are the seed's own.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.store.db import Store

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
DAYS_PER_COPY = 4

#: per table: the columns rewritten in each copy (``k`` is the copy number); the others are copied as they are
REWRITE = {
    "articles": {
        "hash": "md5(hash || ':' || k)",
        "id": "id || '~' || k",
        "published": f"published + CAST({DAYS_PER_COPY} * k AS INTEGER)",
        "duplicate_of": "CASE WHEN duplicate_of IS NOT NULL THEN duplicate_of || '~' || k END",
        "near_duplicate_of": "CASE WHEN near_duplicate_of IS NOT NULL THEN md5(near_duplicate_of || ':' || k) END",
    },
    "errors": {"article": "md5(article || ':' || k)", "id": "id || '~' || k"},
    "actors": {"article": "md5(article || ':' || k)"},
    "mentions": {"article": "md5(article || ':' || k)"},
    "quotes": {"article": "md5(article || ':' || k)"},
    "events": {
        "article": "md5(article || ':' || k)",
        "date": f"date + CAST({DAYS_PER_COPY} * k AS INTEGER)",
        "date_end": f"date_end + CAST({DAYS_PER_COPY} * k AS INTEGER)",
    },
    "places": {"article": "md5(article || ':' || k)"},
    "claims": {"article": "md5(article || ':' || k)"},
    "merged_events": {
        "id": "hash(id, k)",
        "date": f"date + CAST({DAYS_PER_COPY} * k AS INTEGER)",
        "first_article": "md5(first_article || ':' || k)",
    },
    "event_mentions": {"merged": "hash(merged, k)", "article": "md5(article || ':' || k)"},
}


def seed_store(path: Path) -> None:
    inputs = sorted(str(p) for p in CORPORA.glob("*/articles.jsonl"))
    if not inputs:
        raise SystemExit(f"no corpora under {CORPORA}: pass --seed STORE")
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", *inputs, "--db", str(path), "-q"]
    subprocess.run(cmd, check=True)


def replicate(seed: Path, out: Path, events: int) -> dict[str, int]:
    with Store(out) as store:
        con = store.con
        con.execute(f"ATTACH '{seed}' AS seed (READ_ONLY)")
        seed_events = con.execute("SELECT count(*) FROM seed.events").fetchone()[0]  # type: ignore[index]
        copies = math.ceil(events / seed_events)
        for table, rewrite in REWRITE.items():
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            exprs = ", ".join(rewrite.get(c, f'"{c}"') for c in cols)
            con.execute(f"INSERT INTO {table} SELECT {exprs} FROM seed.{table}, range({copies}) AS r(k) ORDER BY k")
        con.execute("INSERT OR REPLACE INTO store_state VALUES ('merged_stale', '0')")
        con.execute("DETACH seed")
        con.execute("CHECKPOINT")
        counts = store.counts()
    return {"copies": copies, **counts}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=Path, help="a store to replicate (default: the shared corpora, ingested now)")
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists: remove it first")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        seed = args.seed
        if seed is None:
            seed = Path(tmp) / "seed.duckdb"
            seed_store(seed)
        counts = replicate(seed, args.out, args.events)
    size_mb = args.out.stat().st_size / 2**20
    print(f"{args.out}: {counts}; {size_mb:.0f} MB; built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
