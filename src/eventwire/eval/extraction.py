"""Article extraction against the scrapinghub benchmark (``ground-truth.json`` + ``html/<sha256>.html.gz``).

Each page is read with our ingest (exactly as ``eventwire extract`` reads an ``.html.gz`` file), and
its text is compared with the gold article body as bags of tokens: text lowercased, whitespace
collapsed, everything but ``a-z``, ``0-9`` and spaces dropped, split on spaces. Per page,
precision = common tokens / predicted tokens and recall = common tokens / gold tokens (0 for a
missing or empty side); both are averaged over the pages and F1 is taken from the two averages.

    python -m eventwire.eval.extraction GROUND_TRUTH.json [--workers N] [--out OUT.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..export.records import article_record
from ..ingest import read_inputs
from ..model import Article

__all__ = ["evaluate", "extract_pages", "page_scores", "tokens"]

_SPACES = re.compile(r"\s+")
_NOT_TOKEN = re.compile(r"[^a-z0-9 ]")


def tokens(text: str | None) -> list[str]:
    """The benchmark's tokens of a text."""
    return _NOT_TOKEN.sub("", _SPACES.sub(" ", (text or "").lower())).split()


def page_scores(predicted: str | None, gold: str | None) -> tuple[float, float]:
    """Token precision and recall of one page."""
    pred, want = Counter(tokens(predicted)), Counter(tokens(gold))
    common = sum((pred & want).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(want.values()) if want else 0.0
    return precision, recall


def _extract_one(path: str) -> Article:
    return next(iter(read_inputs([path])))


def extract_pages(paths: Sequence[str], workers: int = 1) -> Iterator[Article]:
    """The article of every page, in order (``workers`` processes when more than one)."""
    if workers <= 1:
        yield from map(_extract_one, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, paths, chunksize=8)


def _pages(truth_path: Path) -> list[tuple[str, str, str]]:
    """(sha256, html path, gold text) of every page of the ground truth."""
    truth: dict[str, dict[str, Any]] = json.loads(truth_path.read_text("utf-8"))
    html_dir = truth_path.parent / "html"
    return [(sha, str(html_dir / f"{sha}.html.gz"), str(page.get("articleBody") or "")) for sha, page in truth.items()]


def evaluate(paths: Sequence[Path], workers: int = 1, out: Path | None = None) -> dict[str, object]:
    """Token precision/recall/F1 of our extraction on ``paths[0]`` (a ground-truth.json), and pages/s.

    With ``out``, the extracted articles are also written there as ``eventwire extract`` JSONL.
    """
    pages = _pages(Path(paths[0]))
    started = time.perf_counter()
    total_p = total_r = 0.0
    errors = 0
    sink = out.open("w", encoding="utf-8") if out is not None else None
    try:
        for (_, _, gold), article in zip(pages, extract_pages([p for _, p, _ in pages], workers), strict=True):
            precision, recall = page_scores(article.text, gold)
            total_p += precision
            total_r += recall
            errors += article.error is not None
            if sink is not None:
                sink.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
    finally:
        if sink is not None:
            sink.close()
    seconds = time.perf_counter() - started
    n = len(pages)
    p, r = (total_p / n, total_r / n) if n else (0.0, 0.0)
    return {
        "n": n,
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "errors": errors,
        "seconds": round(seconds, 2),
        "pages_per_s": round(n / seconds, 1) if seconds else None,
        "workers": workers,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("ground_truth", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the extracted articles here (extract JSONL)")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate([args.ground_truth], workers=args.workers, out=args.out), indent=1))


if __name__ == "__main__":
    main()
