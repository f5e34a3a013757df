"""A store of about a million events, grown from real coded articles, for the page and export benchmarks.

    .venv/bin/python benchmarks/million_store.py OUT.store [--events 1000000] [--grow 5000]

The shared corpora (``../shared/corpora/*/articles.jsonl``, else the demo corpus) are coded once; every article
is then copied with text of its own (a line added at its end), a new id and its dates moved 4 days per copy,
so the copies spread over years as a real archive does, and committed through the store's real write path
(near-duplicates, merging, segments, compaction) ``--grow`` articles at a time. Text, evidence, codes and
offsets are the seed's own. ``benchmarks/incremental.py`` grows stores the same way.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import copies, events_in, seed

from eventwire.store.db import Store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--grow", type=int, default=5_000, help="articles per commit (default 5000)")
    args = ap.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists: remove it first")
    start = time.perf_counter()
    base = seed()
    stream = copies(base, 0)
    with Store(args.out) as store:
        while events_in(store) < args.events:
            store.add_many(next(stream) for _ in range(args.grow))
        store.compact()
        counts = store.counts()
    size_mb = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file()) / 2**20
    print(f"{args.out}: {counts}; {size_mb:.0f} MB; built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
