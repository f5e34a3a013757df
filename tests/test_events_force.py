"""Killings by armed forces or by a military action are military force; 'according to' names a source of news."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Syrian army's offensive has killed 300 people in Idlib.", "190"),
        ("Syrian troops killed five rebels near Homs.", "190"),
        ("Gunmen killed five villagers in Borno state.", "1823"),  # unconventional violence
        ("Syrian troops killed five protesters in Homs.", "175"),  # repression of protesters
    ],
)
def test_a_killing_by_forces_is_military_force(pipeline: Pipeline, text: str, cameo: str) -> None:
    events = pipeline.code_text(text, id="t").events
    assert [e.cameo for e in events] == [cameo]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The army's offensive has killed 300 people and wounded about 900 others, according to health officials.",
        "Rebels wounded twenty soldiers near Gao on Sunday, according to Malian army officials.",
    ],
)
def test_whom_the_news_is_according_to_is_no_target(pipeline: Pipeline, text: str) -> None:
    events = pipeline.code_text(text, id="t").events
    assert events
    assert not any(e.target is not None and "officials" in (e.target.text or "") for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Activists said China's fishing ban is threatening the survival of Vietnamese fishermen.", "13"),
        ("Japan's conduct violates the treaty, the Korean minister argued.", "12"),
    ],
)
def test_a_measure_or_a_conduct_is_no_agent(pipeline: Pipeline, text: str, root: str) -> None:
    """A ban or a conduct that 'threatens' or 'violates' does not act: its owner's act is told elsewhere."""
    events = pipeline.code_text(text, id="t").events
    assert not any(e.root == root for e in events)
