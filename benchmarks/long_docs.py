"""Long documents: the cost of our quote-boundary component against the parse, by document length.

    .venv/bin/python benchmarks/long_docs.py [TEXT_DIR] [--tokens 12000 123000] [--repeat 3]

Builds one document per length by joining real articles (PolNeAR train by default) with blank lines, then
times, interleaved and repeated: the component alone on the tokenised doc (``eventwire_quote_bounds``), our
whole spaCy pipeline on the text, and the plain packaged pipeline (``spacy.load``, nothing of ours).
Prints min and median seconds and the component's share of our parse.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from eventwire.nlp import MODEL_NAME, load_nlp, quote_bounds

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"


def long_text(folder: Path, tokens: int, nlp: spacy.language.Language) -> tuple[str, int]:
    """Whole articles joined by blank lines until the text has at least ``tokens`` tokens."""
    parts: list[str] = []
    count = 0
    files = sorted(folder.glob("*.txt"))
    while count < tokens:
        for f in files:
            text = f.read_text(errors="replace").strip()
            parts.append(text)
            count += len(nlp.make_doc(text)) + 1
            if count >= tokens:
                break
    text = "\n\n".join(parts)
    return text, len(nlp.make_doc(text))


def _timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--tokens", type=int, nargs="+", default=[12_000, 123_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args()
    if not args.text_dir.is_dir():
        print(f"no text folder at {args.text_dir} (../shared absent?): nothing to benchmark", file=sys.stderr)
        return 1
    ours = load_nlp()
    plain = spacy.load(MODEL_NAME)
    plain.max_length = ours.max_length
    results = []
    for target in args.tokens:
        text, n_tokens = long_text(args.text_dir, target, ours)
        times: dict[str, list[float]] = {"component_s": [], "eventwire_parse_s": [], "plain_spacy_parse_s": []}
        for _ in range(args.repeat):
            times["component_s"].append(_timed(quote_bounds, ours.make_doc(text)))
            times["eventwire_parse_s"].append(_timed(ours, text))
            times["plain_spacy_parse_s"].append(_timed(plain, text))
        row: dict[str, object] = {"tokens": n_tokens, "chars": len(text)}
        for key, values in times.items():
            row[key] = {"min": round(min(values), 4), "median": round(statistics.median(values), 4)}
        row["component_share_of_parse"] = round(min(times["component_s"]) / min(times["eventwire_parse_s"]), 4)
        results.append(row)
        print(json.dumps(row))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
