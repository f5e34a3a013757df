"""Gazetteer load budget: time and memory of loading the compact index in a fresh process.

    .venv/bin/python benchmarks/gazetteer_load.py            # load from the cache (built first if missing)
    .venv/bin/python benchmarks/gazetteer_load.py --rebuild  # time the one-off build too

Budget: < 2 s and < 400 MB for the load (the build, once per machine, may take longer).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

CHILD = """
import resource, time
from eventwire.places import gazetteer as g
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
gaz = g.load_gazetteer()
dt = time.perf_counter() - t
t = time.perf_counter()
for name in ("Baghdad", "Paris", "Georgia", "Springfield", "U.S.") * 2000:
    gaz.lookup(name)
per_lookup = (time.perf_counter() - t) / 10000
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{dt:.3f} {rss0 / 1024:.0f} {rss1 / 1024:.0f} {len(gaz.entries)} {len(gaz.index)} {per_lookup * 1e6:.1f}")
"""


def _run_child() -> list[str]:
    out = subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True, text=True)
    return out.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rebuild", action="store_true", help="delete the cache and time the build first")
    args = parser.parse_args()
    from eventwire.places.gazetteer import cache_path

    path = cache_path()
    if args.rebuild or not path.is_file():
        path.unlink(missing_ok=True)
        t = time.perf_counter()
        _run_child()
        print(
            f"build (one-off, incl. load): {time.perf_counter() - t:.1f} s -> {path} "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
    secs, rss_before, rss_after, entries, names, lookup_us = _run_child()
    print(
        f"load: {secs} s; peak RSS {rss_before} MB before, {rss_after} MB after "
        f"(+{int(rss_after) - int(rss_before)} MB); {entries} entries, {names} names; "
        f"lookup {lookup_us} µs"
    )
    print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
