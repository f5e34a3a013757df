"""The seed article end to end, scored by the independent scorer in ../shared (skips when absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import main

pytestmark = pytest.mark.slow


def _scores(shared: Path, out: Path, *options: str) -> dict[str, object]:
    seed = shared / "seed" / "nbc-iraq-2020-01-10.txt"
    argv = ["code", str(seed), "--published", "2020-01-10", "--source", "NBC News", "-o", str(out), *options]
    assert main([*argv, "--workers", "1", "-q"]) == 0
    gold = shared / "seed" / "nbc-iraq-2020-01-10.gold.json"
    proc = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), "seed", str(out), str(gold)],
        capture_output=True,
        text=True,
        check=True,
    )
    scores: dict[str, object] = json.loads(proc.stdout)
    return scores


@pytest.fixture(scope="module")
def seed_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the coder finds: every event, whatever its confidence."""
    return _scores(shared, tmp_path_factory.mktemp("seed") / "seed.jsonl", "--min-confidence", "0")


@pytest.fixture(scope="module")
def shown_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the output shows by default: events at or over the calibrated confidence threshold."""
    return _scores(shared, tmp_path_factory.mktemp("seed") / "shown.jsonl")


def fraction(value: object) -> tuple[int, int]:
    found, total = str(value).split("/")
    return int(found), int(total)


def test_boilerplate_removed(seed_scores: dict[str, object]) -> None:
    assert seed_scores["boilerplate_removed"] == seed_scores["boilerplate_total"] == 3
    assert seed_scores["events_from_boilerplate"] == 0


def test_required_events_found(seed_scores: dict[str, object]) -> None:
    """The issue's bar: every required event of the seed, and at most two events the gold lacks."""
    found, total = fraction(seed_scores["required_events_found"])
    assert found == total == 8, seed_scores["required_events_missing"]
    assert int(str(seed_scores["events_not_in_gold"])) <= 2, seed_scores["events_not_in_gold_examples"]


def test_the_default_output_shows_the_required_events(shown_scores: dict[str, object]) -> None:
    """The issue's bar on what a user sees: by default (events under the calibrated confidence hidden, the
    weights fitted on other pages) every required event, each with the gold's date, and at most two events
    the gold lacks. The protest told with a partitive source ("thousands of people, some aligned to ...")
    sits just over the threshold: a refit that hides it again fails here."""
    found, total = fraction(shown_scores["required_events_found"])
    assert found == total == 8, shown_scores["required_events_missing"]
    assert fraction(shown_scores["required_events_strict"]) == (8, 8)
    assert int(str(shown_scores["events_not_in_gold"])) <= 2, shown_scores["events_not_in_gold_examples"]


def test_required_quotes_with_speakers(seed_scores: dict[str, object]) -> None:
    found, total = fraction(seed_scores["required_quotes_ok"])
    assert found == total, seed_scores["quotes"]
