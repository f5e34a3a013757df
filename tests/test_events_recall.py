"""Lexicon senses added for recall on whole pages: each codes its act, and its near misses stay uncoded."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Analysis
from eventwire.pipeline import Pipeline


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4))


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {e.cameo for e in _code(pipeline, text).events if e.modality != "negated"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # shooting down an aircraft is conventional military force (190), not small-arms fire (193)
        ("The rebels said they shot down two army helicopters near the border.", "190"),
        ("Syrian troops shot down an Israeli drone over the Golan on Monday.", "190"),
        ("Ukraine brought down a Russian fighter jet near Kharkiv.", "190"),
        # a walkout of a chamber ahead of a vote is a boycott (143)
        ("Opposition members left the assembly ahead of the vote on the budget.", "143"),
        ("Ruling party lawmakers quit the chamber in protest before the motion was put.", "143"),
    ],
)
def test_the_added_senses_code_their_act(pipeline: Pipeline, text: str, code: str) -> None:
    assert code in _codes(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "shot" with no aircraft shot down stays small-arms fire
        ("Police shot two protesters in the capital on Monday.", "190"),
        # leaving parliament as a career change is no boycott
        ("The veteran senator left parliament in 2010 to run a charity.", "143"),
        ("Opposition members left the assembly building after lunch.", "143"),
    ],
)
def test_near_misses_of_the_added_senses_are_not_coded(pipeline: Pipeline, text: str, absent: str) -> None:
    assert absent not in _codes(pipeline, text)


def test_governing_party_is_a_sector_term() -> None:
    from eventwire.actors.knowledge import key_of, lexicon

    entry = lexicon().entries[key_of("governing party")]
    assert entry.sector == "GOV"
