"""Extraction evaluation: the benchmark's token metric, and our figure on the shared benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.eval.extraction import evaluate, page_scores, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army's 3rd Brigade", ["the", "us", "armys", "3rd", "brigade"]),
        ("  Spaces\n\tand\nlines  ", ["spaces", "and", "lines"]),
        ("Café — 50%", ["caf", "50"]),
        (None, []),
    ],
)
def test_tokens(text: str | None, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("a b c d", "a b c d", (1.0, 1.0)),
        ("a b", "a b c d", (1.0, 0.5)),
        ("a b c d", "a b", (0.5, 1.0)),
        ("a a b", "a b b", (2 / 3, 2 / 3)),
        ("", "a b", (0.0, 0.0)),
        ("a", "", (0.0, 0.0)),
    ],
)
def test_page_scores(predicted: str, gold: str, expected: tuple[float, float]) -> None:
    assert page_scores(predicted, gold) == pytest.approx(expected)


@pytest.mark.parametrize("workers", [1, 2])
def test_evaluate_on_a_tiny_benchmark(tmp_path: Path, workers: int) -> None:
    page = (Path(__file__).parent / "fixtures" / "ingest" / "article.html").read_bytes()
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "abc.html.gz").write_bytes(gzip.compress(page))
    body = "The foreign ministers of Norland and Estavia met in the port city of Valmora on Thursday"
    (tmp_path / "ground-truth.json").write_text(json.dumps({"abc": {"url": "u", "articleBody": body}}))
    out = tmp_path / "out.jsonl"
    result = evaluate([tmp_path / "ground-truth.json"], workers=workers, out=out)
    assert result["n"] == 1 and result["errors"] == 0
    assert result["r"] == 1.0 and 0.1 < result["p"] < 1.0  # type: ignore[operator]
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["id"].endswith("abc.html.gz") and record["title"] == "Harbour talks resume in Valmora"


@pytest.mark.slow
def test_scrapinghub_benchmark_f1(shared: Path) -> None:
    result = evaluate([shared / "eval" / "extraction" / "scrapinghub" / "ground-truth.json"])
    assert result["n"] == 181 and result["errors"] == 0
    assert result["f1"] >= 0.95  # type: ignore[operator]
