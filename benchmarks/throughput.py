"""Throughput: eventwire vs bare spaCy on the same texts, same model, same process count.

    .venv/bin/python benchmarks/throughput.py [TEXT_DIR] [--limit N] [--workers 1 2]

TEXT_DIR defaults to ../shared/eval/quotes/polnear/train/text (840 US political news articles).
Prints, for each process count: articles/s, words/s, peak RSS, and the ratio eventwire / bare spaCy;
and, in one process, the share of eventwire's time spent in the coding stages after spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from eventwire.model import Analysis, Article
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"


def load_texts(folder: Path, limit: int | None) -> list[Article]:
    files = sorted(folder.glob("*.txt"))[:limit]
    return [Article(id=str(f), text=f.read_text(errors="replace")) for f in files]


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _bare_chunk(texts: list[str]) -> int:
    nlp = _BareWorker.get()
    return sum(1 for _ in nlp.pipe(texts, batch_size=32))


class _BareWorker:
    nlp = None

    @classmethod
    def get(cls):  # type: ignore[no-untyped-def]
        if cls.nlp is None:
            cls.nlp = load_nlp()
        return cls.nlp


def bare_spacy(articles: list[Article], workers: int) -> float:
    texts = [a.text for a in articles]
    start = time.perf_counter()
    if workers == 1:
        _bare_chunk(texts)
    else:
        chunks = [texts[i : i + 16] for i in range(0, len(texts), 16)]
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_bare_chunk, chunks))
    return time.perf_counter() - start


def eventwire_run(articles: list[Article], workers: int) -> tuple[float, int]:
    pipeline = Pipeline()
    start = time.perf_counter()
    events = sum(len(a.events) for a in pipeline.code_parallel(articles, workers=workers))
    return time.perf_counter() - start, events


def stage_share(articles: list[Article]) -> dict[str, float]:
    """In one process: seconds in spaCy vs in each coding stage (same docs)."""
    pipeline = Pipeline()
    nlp = pipeline.nlp.nlp
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    spacy_s = time.perf_counter() - t0
    per_stage = {s.name: 0.0 for s in pipeline.stages}
    warm = Analysis(article=articles[0])
    for stage in pipeline.stages:  # one-off loads (gazetteer, lexicons) are not per-article cost
        warm = stage(docs[0], warm)
    for article, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article=article)
        for stage in pipeline.stages:
            t = time.perf_counter()
            analysis = stage(doc, analysis)
            per_stage[stage.name] += time.perf_counter() - t
    total_stages = sum(per_stage.values())
    return {
        "spacy_s": spacy_s,
        "stages_s": total_stages,
        "stages_share_of_pipeline": total_stages / (spacy_s + total_stages),
        **{f"stage_{k}_s": v for k, v in per_stage.items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args()
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    articles = load_texts(args.text_dir, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; cores: {os.cpu_count()}")
    _BareWorker.get()  # load once before timing, like the pipeline's first use
    results: dict[str, object] = {"articles": len(articles), "words": words}
    for n in args.workers:
        bare = bare_spacy(articles, n)
        ours, events = eventwire_run(articles, n)
        row = {
            "workers": n,
            "spacy_s": round(bare, 2),
            "eventwire_s": round(ours, 2),
            "spacy_words_per_s": round(words / bare),
            "eventwire_words_per_s": round(words / ours),
            "eventwire_articles_per_s": round(len(articles) / ours, 2),
            "events": events,
            "ratio_eventwire_over_spacy": round(bare / ours, 3),
            "peak_rss_mb": round(peak_rss_mb()),
        }
        results[f"workers_{n}"] = row
        print(json.dumps(row))
    share = {k: round(v, 3) for k, v in stage_share(articles).items()}
    results["stage_share"] = share
    print(json.dumps(share))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
