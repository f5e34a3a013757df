"""Long articles: time and peak memory of coding one article of 5 KB to 1 MB, each in a fresh process.

    .venv/bin/python benchmarks/long_article.py                  # 5 KB, 50 KB, 500 KB, 1 MB
    .venv/bin/python benchmarks/long_article.py --sizes 5000 300000
    .venv/bin/python benchmarks/long_article.py --cli            # also time `eventwire code` end to end
    .venv/bin/python benchmarks/long_article.py --processes 1    # parse a long text's pieces in one process
    .venv/bin/python benchmarks/long_article.py --line 2000000   # one 2 MB line, no sentence end, via the CLI

The article is news text: the articles of ../shared/corpora when present, else the demo corpus, joined
paragraph by paragraph and cut at a paragraph end. Each size runs in a new process that loads the
pipeline, codes a short text to warm up, then codes the article once; ``seconds`` is that one call and
``peak_rss_mb`` the process's peak. Targets (issue 12): 1 MB in under 30 s and 1.5 GB; time per word at
500 KB within 2x of that at 5 KB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"

CHILD = """
import json, resource, sys, time
from eventwire.nlp import NlpRunner
from eventwire.pipeline import Pipeline
text = open(sys.argv[1], encoding="utf-8").read()
pipeline = Pipeline(nlp=NlpRunner(processes=int(sys.argv[2])))
pipeline.warm_up()
start = time.perf_counter()
cpu = time.process_time() + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])
analysis = pipeline.code_text(text, id="long")
seconds = time.perf_counter() - start
cpu = time.process_time() + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]) - cpu
print(json.dumps({
    "chars": len(text), "words": len(text.split()), "seconds": round(seconds, 2), "cpu_s": round(cpu, 1),
    "parse_processes": pipeline.nlp.parse_processes(len(text) // 50_000 + 1),
    "children_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
    "ms_per_1000_words": round(1e6 * seconds / max(1, len(text.split())), 1),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    "events": len(analysis.events), "actors": len(analysis.actors), "error": analysis.error and analysis.error.message,
}))
"""


def corpus_paragraphs() -> list[str]:
    files = sorted(SHARED.glob("*/articles.jsonl")) or [ROOT / "examples" / "demo_news.jsonl"]
    paragraphs: list[str] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            paragraphs += [p.strip() for p in text.split("\n") if p.strip()]
    return paragraphs


def article(size: int, paragraphs: list[str]) -> str:
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        total += len(p) + 2
        i += 1
    return "\n\n".join(out)[:size].rsplit("\n\n", 1)[0] + "\n"


def run_child(path: Path, processes: int = 0) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-c", CHILD, str(path), str(processes)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_cli(path: Path) -> dict[str, object]:
    out = path.with_suffix(".jsonl")
    cmd = [sys.executable, "-m", "eventwire.cli", "code", str(path), "-o", str(out), "--workers", "1", "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    _, status, usage = os.wait4(proc.pid, 0)
    return {
        "cli_seconds": round(time.perf_counter() - start, 1),
        "cli_peak_rss_mb": usage.ru_maxrss // 1024,
        "cli_exit": os.waitstatus_to_exitcode(status),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000, 500_000, 1_000_000])
    parser.add_argument("--cli", action="store_true", help="also run `eventwire code` on each article")
    parser.add_argument(
        "--processes", type=int, default=0, help="processes parsing a long text's pieces (0: the cores; 1: one)"
    )
    parser.add_argument(
        "--line",
        type=int,
        metavar="CHARS",
        help="only: `eventwire code` on one line of CHARS "
        "characters of words with no sentence end (default article timeout)",
    )
    args = parser.parse_args()
    if args.line:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "line.txt"
            words = " ".join(p.replace(".", "").replace("?", "").replace("!", "") for p in corpus_paragraphs())
            path.write_text((words * (1 + args.line // len(words)))[: args.line], encoding="utf-8")
            result = run_cli(path)
            record = json.loads(path.with_suffix(".jsonl").read_text(encoding="utf-8"))
            result.update(chars=args.line, error=record["error"], events=len(record.get("events") or []))
            print(json.dumps(result))
        return
    paragraphs = corpus_paragraphs()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(article(size, paragraphs), encoding="utf-8")
            result = run_child(path, args.processes)
            if args.cli:
                result.update(run_cli(path))
            results.append(result)
            print(json.dumps(result), flush=True)
    small = next((r for r in results if int(str(r["chars"])) <= 10_000), None)
    for r in results:
        if small is not None and r is not small:
            ratio = float(str(r["ms_per_1000_words"])) / float(str(small["ms_per_1000_words"]))
            print(f"{r['chars']} chars: time per word {ratio:.2f}x that of {small['chars']} chars")


if __name__ == "__main__":
    main()
