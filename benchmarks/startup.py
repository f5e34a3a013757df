"""Start-up: wall and CPU seconds of short commands, each from a cold (new) Python process.

    .venv/bin/python benchmarks/startup.py [--repeat 5] [--db STORE]

Runs, interleaved, ``--repeat`` times each: ``eventwire query`` and ``eventwire summary`` on a small store
(the demo corpus, ingested into a temporary store unless ``--db`` is given) and ``eventwire code`` on one
sentence. Prints min and median wall and CPU seconds per command. The gazetteer cache is assumed built
(run any ``eventwire code`` once first; its one-off build is measured by benchmarks/gazetteer_load.py).
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

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Iraq asked the United States on Friday to withdraw its troops."


def timed(cmd: list[str], stdin: str | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one command in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, input=stdin, text=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, help="a small store (default: the demo corpus, ingested now)")
    args = ap.parse_args()
    cli = [sys.executable, "-m", "eventwire.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.store"
        if args.db is None:
            subprocess.run(
                [*cli, "ingest", str(ROOT / "examples" / "demo_news.jsonl"), "--db", str(db), "-q"], check=True
            )
        commands = {
            "query": ([*cli, "query", "--db", str(db), "--limit", "20"], None),
            "summary": ([*cli, "summary", "--db", str(db)], None),
            "code_one_sentence": ([*cli, "code", "-", "--published", "2020-01-10", "-q"], SENTENCE),
        }
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        print(f"cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
        for _ in range(args.repeat):
            for name, (cmd, stdin) in commands.items():
                times[name].append(timed(cmd, stdin))
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        row = {
            "command": name,
            "wall_s": {"min": round(min(walls), 2), "median": round(statistics.median(walls), 2)},
            "cpu_s": {"min": round(min(cpus), 2), "median": round(statistics.median(cpus), 2)},
        }
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
