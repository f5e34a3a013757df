"""``eventwire eval docs``: the seed-mode rules on hand-written gold, and agreement with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.eval.docs import date_ok, evaluate, event_matches, load_pages, score_page
from eventwire.pipeline import Pipeline

GOLD_EVENT: dict[str, Any] = {
    "id": "E1",
    "required": True,
    "source": {"country": "IRQ", "sector": ["GOV", "LEG"]},
    "target": {"country": "USA", "sector": ["MIL", "GOV", None]},
    "cameo": ["1056", "105"],
    "root": ["10"],
    "date": "2020-01-10",
}


def _event(cameo: str, src: tuple[str | None, str | None], tgt: tuple[str | None, str | None], **kw: Any) -> Any:
    return {
        "id": kw.pop("id", "E1"),
        "cameo": cameo,
        "root": cameo[:2],
        "source": {"country": src[0], "sector": src[1]},
        "target": {"country": tgt[0], "sector": tgt[1]},
        "date": kw.pop("date", "2020-01-10"),
        "modality": kw.pop("modality", "asserted"),
        "confidence": kw.pop("confidence", 0.9),
        **kw,
    }


@pytest.mark.parametrize(
    ("cameo", "src", "tgt", "expected"),
    [
        ("1056", ("IRQ", "GOV"), ("USA", "MIL"), True),
        ("104", ("IRQ", "LEG"), ("USA", None), True),  # root 10 accepted, null sector listed
        ("104", ("IRQ", "LEG"), ("USA", "COP"), False),  # a sector not listed
        ("042", ("IRQ", "GOV"), ("USA", "MIL"), False),  # wrong code
        ("1056", ("USA", "MIL"), ("IRQ", "GOV"), False),  # reversed, not symmetric
        ("1056", ("IRQ", None), ("USA", "GOV"), False),  # gold lists sectors, none given
    ],
)
def test_event_matches(cameo: str, src: Any, tgt: Any, expected: bool) -> None:
    assert event_matches(_event(cameo, src, tgt), GOLD_EVENT) is expected


def test_symmetric_gold_matches_either_direction() -> None:
    gold = {**GOLD_EVENT, "symmetric": True}
    assert event_matches(_event("1056", ("USA", "MIL"), ("IRQ", "GOV")), gold)


@pytest.mark.parametrize(
    ("gold_date", "day", "end", "expected"),
    [
        ({"date": "2020-01-10"}, "2020-01-10", None, True),
        ({"date": "2020-01-10"}, "2020-01-09", None, False),
        ({"date_between": ["2020-01-06", "2020-01-10"]}, "2020-01-08", "2020-01-10", True),
        ({"date_between": ["2020-01-06", "2020-01-10"]}, "2020-01-08", "2020-01-11", False),
        ({"date_between": ["2020-01-06", "2020-01-10"]}, None, None, False),
        ({"date_on_or_before": "2020-01-10"}, None, None, True),
        ({"date_on_or_before": "2020-01-10"}, "2020-01-11", None, False),
        ({}, "1999-01-01", None, True),
    ],
)
def test_date_ok(gold_date: dict[str, Any], day: str | None, end: str | None, expected: bool) -> None:
    assert date_ok({"date": day, "date_end": end}, gold_date) is expected


def test_score_page_counts_required_strict_and_precision() -> None:
    gold = {
        "events": [GOLD_EVENT, {**GOLD_EVENT, "id": "E2", "required": False, "cameo": ["042"], "root": ["04"]}],
        "quotes": [{"id": "Q1", "speaker": "Adil Abdul-Mahdi", "required": True, "starts": "we ask"}],
    }
    record = {
        "text": "",
        "actors": [{"id": "A1", "name": "Adil Abdul-Mahdi"}],
        "quotes": [{"text": "We ask the U.S. to leave", "speaker": {"actor": "A1", "text": "he"}}],
        "events": [
            _event("1056", ("IRQ", "GOV"), ("USA", "MIL"), date="2020-01-09"),  # found, wrong date
            _event("042", ("IRQ", "GOV"), ("USA", "MIL"), id="E2"),  # optional, right
            _event("190", ("IRQ", "GOV"), ("USA", "MIL"), id="E3"),  # not in gold
            _event("190", ("IRQ", "GOV"), ("USA", "MIL"), id="E4", modality="negated"),  # set aside
        ],
    }
    s = score_page(record, gold)
    assert (s["required_found"], s["required_strict"], s["required_total"]) == (1, 0, 1)
    assert (s["events_right"], s["events_total"], s["events_not_in_gold"]) == (1, 3, 1)
    assert (s["quotes_ok"], s["quotes_total"]) == (1, 1)


def test_a_folder_without_gold_is_a_clear_error(tmp_path: Path) -> None:
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match=r"no \*\.gold\.json"):
        load_pages([tmp_path])


@pytest.mark.slow
def test_figures_agree_with_the_shared_scorer_page_by_page(shared: Path, pipeline: Pipeline, tmp_path: Path) -> None:
    """The CONTRACT's rule: `eval docs` figures equal `score.py seed` on the same coded pages."""
    docs = shared / "eval" / "docs"
    if not docs.is_dir():
        pytest.skip("../shared/eval/docs is absent")
    metrics = evaluate([docs], pipeline, workers=2, out_dir=tmp_path)
    for page_id, ours in metrics["per_page"].items():
        out = subprocess.run(
            [
                sys.executable,
                str(shared / "tools" / "score.py"),
                "seed",
                str(tmp_path / f"{page_id}.jsonl"),
                str(docs / f"{page_id}.gold.json"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        theirs = json.loads(out.stdout)
        assert theirs["required_events_found"] == f"{ours['required_found']}/{ours['required_total']}", page_id
        assert theirs["required_events_strict"] == f"{ours['required_strict']}/{ours['required_total']}", page_id
        assert (theirs["events_right"], theirs["events_total"]) == (ours["events_right"], ours["events_total"])
        assert theirs["required_quotes_ok"] == f"{ours['quotes_ok']}/{ours['quotes_total']}", page_id
        assert theirs["boilerplate_removed"] == ours["boilerplate_removed"], page_id
        assert theirs["events_from_boilerplate"] == ours["events_from_boilerplate"], page_id
