"""Incremental merge: the cost of committing new articles as the store grows to 10k, 100k and 1M events.

    .venv/bin/python benchmarks/incremental.py [--sizes 10000 100000 1000000] [--batch 200] [--repeat 3] [--keep DIR]

The store is grown through the real write path (``Store.add_many``: near-duplicates against the LSH bands,
ids, merging against the index, one segment per commit, compaction by tiers) from coded articles: the shared
corpora (``../shared/corpora``, else the demo corpus) coded once, then copied with text of their own (every
third word respelled: copies are near-duplicates only in small groups, like reprinted wire copy) and dates
moved 4 days per copy, as ``million_store.py`` does. At each size it commits ``--repeat`` batches of
``--batch`` new articles and reports the wall and CPU milliseconds per new article (min and median), the
segments, and for contrast the time to merge every event again from scratch (what each ingest did before:
``merge_all``).
``--keep DIR`` keeps the grown store (for ``pages.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from eventwire.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DAYS_PER_COPY = 4
CACHE = Path(tempfile.gettempdir()) / "eventwire-bench-seed.pickle"


def seed() -> list[Analysis]:
    """The seed articles, coded once (cached in the temporary folder)."""
    if CACHE.exists():
        return list(pickle.loads(CACHE.read_bytes()))
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline

    inputs = sorted(str(p) for p in CORPORA.glob("*/articles.jsonl")) or [str(ROOT / "examples" / "demo_news.jsonl")]
    coded = [a for a in Pipeline().code_parallel(read_inputs(inputs), workers=os.cpu_count()) if a.error is None]
    CACHE.write_bytes(pickle.dumps(coded))
    return coded


def _moved(d: dt.date | None, days: int) -> dt.date | None:
    return d + dt.timedelta(days=days) if d is not None else None


def _respelled(text: str, k: int) -> str:
    """``text`` with every third word's letters shifted (same length: offsets still point at the same
    places), so that a copy is not a near-duplicate of the other copies, except every 75th: wire stories
    reprinted by some dozens of outlets, not by thousands."""
    shift, count = k % 25 + 1, iter(range(len(text)))

    def word(m: re.Match[str]) -> str:
        if (next(count) + k) % 3:
            return m.group()
        return "".join(chr((ord(c) - 97 + shift) % 26 + 97) if "a" <= c <= "z" else c for c in m.group())

    return re.sub(r"\w+", word, text)


def copy(analysis: Analysis, k: int) -> Analysis:
    """Copy ``k`` of an article: its own id and text (respelled, a line added at the end), dates moved."""
    art, days = analysis.article, DAYS_PER_COPY * k
    events = tuple(
        replace(e, date=replace(e.date, start=_moved(e.date.start, days), end=_moved(e.date.end, days)))
        if e.date is not None
        else e
        for e in analysis.events
    )
    text = f"{_respelled(art.text, k)}\n\nCopy {k}."
    article = replace(art, id=f"{art.id}~{k}", text=text, published=_moved(art.published, days))
    return analysis.with_(article=article, events=events)


def copies(base: list[Analysis], start: int) -> Iterator[Analysis]:
    k = start
    while True:
        for a in base:
            yield copy(a, k)
        k += 1


def events_in(store: object) -> int:
    row = store.con.execute("SELECT count(*) FROM events").fetchone()  # type: ignore[attr-defined]
    return int(row[0]) if row else 0


def full_merge_s(store: object) -> float:
    from eventwire.store.merge import merge_all

    start = time.perf_counter()
    rows = store.query(  # type: ignore[attr-defined]
        "SELECT e.*, a.source AS article_source FROM _events e JOIN articles a ON a.hash = e.article "
        "WHERE a.error_stage IS NULL ORDER BY e._row"
    )
    merge_all(rows, store.independent_sources())  # type: ignore[attr-defined]
    return time.perf_counter() - start


def main() -> int:
    from eventwire.store.db import Store

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--grow", type=int, default=5_000, help="articles per commit while growing (default 5000)")
    ap.add_argument("--no-full-merge", action="store_true", help="skip the from-scratch merge timing")
    ap.add_argument("--keep", type=Path, help="build the store here and keep it")
    args = ap.parse_args()
    base = seed()
    per_article = sum(len(a.events) for a in base) / len(base)
    print(f"seed: {len(base)} articles, {per_article:.1f} events each; load {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "grow.store"
        stream = copies(base, 0)
        results = []
        with Store(db) as store:
            for size in sorted(args.sizes):
                while (have := events_in(store)) < size:
                    want = max(1, min(args.grow, int((size - have) / per_article) + 1))
                    store.add_many(next(stream) for _ in range(want))
                timings, cpu = [], []
                for _ in range(args.repeat):
                    batch = [next(stream) for _ in range(args.batch)]
                    start, start_cpu = time.perf_counter(), time.process_time()
                    store.add_many(batch)
                    timings.append((time.perf_counter() - start) * 1000 / len(batch))
                    cpu.append((time.process_time() - start_cpu) * 1000 / len(batch))
                manifest = json.loads((db / "manifest.json").read_text())
                row = {
                    "events": events_in(store),
                    "articles": store.counts()["articles"],
                    "ms_per_new_article": {
                        "min": round(min(timings), 2),
                        "median": round(statistics.median(timings), 2),
                    },
                    "cpu_ms_per_new_article": {"min": round(min(cpu), 2), "median": round(statistics.median(cpu), 2)},
                    "segments": len(manifest["segments"]),
                }
                if not args.no_full_merge:
                    row["full_merge_s"] = round(full_merge_s(store), 2)
                results.append(row)
                print(json.dumps(row), file=sys.stderr)
    print(
        json.dumps(
            {"batch": args.batch, "repeat": args.repeat, "load_average_after": os.getloadavg(), "sizes": results}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
