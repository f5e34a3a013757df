"""Quotation evaluation: overlap semantics, BRAT reading, scoring (texts written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval.quotes import evaluate, overlap, quote_overlap, read_gold, score
from eventwire.model import Analysis, Article, Quote, Span, Speaker
from eventwire.pipeline import Pipeline

TEXT = "“We will build the road,” the mayor said.\n\nThe council said the budget was too small.\n"


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT)
    q_end = TEXT.index(" the mayor")
    mayor = TEXT.index("the mayor")
    said = TEXT.index("said")
    council = TEXT.index("The council")
    said2 = TEXT.index("said", council)
    content2 = TEXT.index("the budget")
    ann = [
        f"T1\tContent 0 {q_end}\t{TEXT[:q_end]}",
        f"T2\tSource {mayor} {mayor + 9}\tthe mayor",
        f"T3\tCue {said} {said + 4}\tsaid",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        f"T4\tSource {council} {council + 11}\tThe council",
        f"T5\tContent {content2} {content2 + 24}\t{TEXT[content2 : content2 + 24]}",
        f"T6\tCue {said2} {said2 + 4}\tsaid",
        "E2\tAttribution:T6 Content:T5 Cue:T6 Source:T4",
    ]
    (tmp_path / "attributions" / "doc1_ab12.ann").write_text("\n".join(ann) + "\n")
    return tmp_path


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("the road is long", "The road is long!", 1.0),
        ("road", "the road", 0.5),
        ("alpha beta", "beta gamma", 1 / 3),
        ("", "anything", 0.0),
    ],
)
def test_overlap(a: str, b: str, expected: float) -> None:
    assert overlap(a, b) == pytest.approx(expected)


def test_quote_overlap_matches_a_quoted_piece() -> None:
    content = "that the plan was “a complete and utter failure” in every way they could see"
    assert quote_overlap("a complete and utter failure", content) == 1.0


def test_read_gold(tmp_path: Path) -> None:
    gold = read_gold(_split(tmp_path))
    items = next(iter(gold.values()))
    assert [g.direct for g in items] == [True, False]
    assert items[0].source == "the mayor"


def _quote(text: str, starts: str, length: int, kind: str, speaker: str) -> Quote:
    s = text.index(starts)
    sp = text.index(speaker)
    return Quote(
        Span(s, s + length, text[s : s + length]),
        kind,  # type: ignore[arg-type]
        Speaker(None, speaker, sp, sp + len(speaker)),
        None,
    )


def test_score(tmp_path: Path) -> None:
    split = _split(tmp_path)
    gold = {str(k): v for k, v in read_gold(split).items()}
    quotes = (
        _quote(TEXT, "We will", 23, "direct", "the mayor"),
        _quote(TEXT, "the budget", 24, "indirect", "The council"),
    )
    analysis = Analysis(article=Article(id=str(split / "text" / "doc1.txt"), text=TEXT), quotes=quotes)
    res = score([analysis], gold)
    assert res["direct"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert res["speaker_acc"] == 1.0
    assert res["all_attributions"] == {"p": 1.0, "r": 1.0}


@pytest.mark.slow
def test_evaluate_codes_a_split(tmp_path: Path, pipeline: Pipeline) -> None:
    res = evaluate([_split(tmp_path)], pipeline)
    assert res["articles"] == 1
    assert res["direct"]["r"] == 1.0  # type: ignore[index]


def test_polnear_dev_gold_reads(shared: Path) -> None:
    gold = read_gold(shared / "eval" / "quotes" / "polnear" / "dev")
    assert len(gold) > 50
    assert sum(g.direct for items in gold.values() for g in items) > 100
