"""Ingest on Dask (a local scheduler, 1 and 2 workers) against ingest in one machine's process pool.

    .venv/bin/python benchmarks/dask_local.py [TEXT_DIR] [--limit 200] [--workers 1 2] [--repeat 2]

Each run is a fresh ``eventwire ingest`` into a new store, the whole command timed (the cluster's start and
the workers' load included): ``--dask local --workers N`` against ``--workers N``. Prints min and median
wall and CPU seconds (the command and every process it started) and articles/s on the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"


def timed(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    print(f"cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
    cli = [sys.executable, "-m", "eventwire.cli", "ingest"]
    runs: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for f in sorted(args.text_dir.glob("*.txt"))[: args.limit]:
            (folder / f.name).write_bytes(f.read_bytes())
        # a cache folder of this run's own: the gazetteer's cache is named after its sources' paths, and a
        # process of another source tree would replace it (a 10-20 s rebuild inside the timing)
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        warm = [sys.executable, "-m", "eventwire.cli", "code", "-", "-q"]
        subprocess.run(warm, input=b"Kenya accused Tanzania.", capture_output=True)
        n = 0
        for rep in range(args.repeat):
            for w in args.workers:
                sides = [(f"dask_local_{w}", ["--dask", "local"]), (f"pool_{w}", [])]
                for name, extra in sides if rep % 2 == 0 else sides[::-1]:
                    n += 1
                    db = Path(tmp) / f"s{n}.store"
                    runs.setdefault(name, []).append(
                        timed([*cli, str(folder), "--db", str(db), "--workers", str(w), "-q", *extra])
                    )
                    print(json.dumps({"rep": rep, name: runs[name][-1]}), file=sys.stderr)
    articles = min(args.limit, len(list(args.text_dir.glob("*.txt"))))
    result: dict[str, object] = {"articles": articles, "repeat": args.repeat}
    for name, found in runs.items():
        walls, cpus = [w for w, _ in found], [c for _, c in found]
        result[name] = {
            "wall_s": {"min": round(min(walls), 1), "median": round(statistics.median(walls), 1)},
            "cpu_s": {"min": round(min(cpus), 1), "median": round(statistics.median(cpus), 1)},
            "articles_per_s": round(articles / statistics.median(walls), 2),
            "articles_per_cpu_s": round(articles / statistics.median(cpus), 2),
        }
    result["load_average_after"] = os.getloadavg()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
