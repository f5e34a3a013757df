"""The store's write path: ``eventwire ingest`` against ``eventwire code`` on the same articles, and a no-op
re-ingest.

    .venv/bin/python benchmarks/ingest.py [TEXT_DIR] [--limit 300] [--workers 2] [--repeat 3]

Each repetition runs, in fresh processes, alternating which goes first: ``code`` (JSONL to a file) and
``ingest`` into a new store; then ``ingest`` of the same input again (nothing new). Prints min and median
wall and CPU seconds (the command and its workers) and the ratio ingest / code on the medians.
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
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def stats(runs: list[tuple[float, float]]) -> dict[str, dict[str, float]]:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return {
        "wall_s": {"min": round(min(walls), 2), "median": round(statistics.median(walls), 2)},
        "cpu_s": {"min": round(min(cpus), 2), "median": round(statistics.median(cpus), 2)},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    cli = [sys.executable, "-m", "eventwire.cli"]
    runs: dict[str, list[tuple[float, float]]] = {"code": [], "ingest": [], "noop_reingest": []}
    print(f"cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for f in sorted(args.text_dir.glob("*.txt"))[: args.limit]:
            (folder / f.name).write_bytes(f.read_bytes())
        common = [str(folder), "--workers", str(args.workers), "-q"]
        for rep in range(args.repeat):
            db = Path(tmp) / f"store-{rep}.duckdb"
            steps = [("code", [*cli, "code", *common, "-o", str(Path(tmp) / "out.jsonl")])]
            steps.append(("ingest", [*cli, "ingest", *common, "--db", str(db)]))
            for name, cmd in steps if rep % 2 == 0 else steps[::-1]:
                runs[name].append(timed(cmd))
            runs["noop_reingest"].append(timed([*cli, "ingest", *common, "--db", str(db)]))
            print(json.dumps({k: v[-1] for k, v in runs.items()}), file=sys.stderr)
    result = {k: stats(v) for k, v in runs.items()}
    med = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    med_cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    result["ingest_over_code"] = {
        "wall": round(med["ingest"] / med["code"], 3),
        "cpu": round(med_cpu["ingest"] / med_cpu["code"], 3),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
