"""Dates that bound an act, spans of a life or an office, past dates on a future act's nouns, and dates of
things named on the way: what is not the event's date (dates/clauses.py, stage.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.dates.expressions import words

from .test_dates_context import FRI, D, _date


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a date inside an "after"/"since" clause or phrase dates that clause, not the act it bounds
        (
            "After three miners died in Zambia in 2017, the governor admitted the inspections had failed.",
            "admitted",
            (FRI, FRI, "published"),
        ),
        ("After the referendum in March, the premier resigned.", "resigned", (FRI, FRI, "published")),
        # a recent bound is most often the act's day too
        ("After talks on Wednesday, the premier resigned.", "resigned", (D(2020, 1, 8), D(2020, 1, 8), "day")),
        # the date is the bound itself: the nearest time the text gives
        ("The premier resigned after 3 January.", "resigned", (D(2020, 1, 3), D(2020, 1, 3), "day")),
        # an act inside the bound clause keeps its own date
        (
            "After three miners died in Zambia in 2017, the governor admitted the inspections had failed.",
            "died",
            (D(2017, 1, 1), D(2017, 12, 31), "year"),
        ),
        # "when" times the act: the date is the act's
        (
            "When the talks collapsed in 2017, Ghana expelled the envoy.",
            "expelled",
            (D(2017, 1, 1), D(2017, 12, 31), "year"),
        ),
        # a time in someone's life is no date
        ("When she was 15, the writer was detained by the police.", "detained", None),
        ("When he was a student, the senator was jailed by the junta.", "jailed", None),
        ("As a teenager, the senator was jailed by the junta.", "jailed", None),
        ("When the talks failed, the envoy was recalled.", "recalled", (FRI, FRI, "published")),
    ],
)
def test_bounds_and_life_stages_are_no_date(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date, str] | None
) -> None:
    assert _date(nlp, text, trigger) == want


def test_bound_and_life_stage_words() -> None:
    w = words()
    assert {"after", "since"} <= w.bound_marks and "when" not in w.bound_marks
    assert "teenager" in w.life_stages and all(s == s.lower() for s in w.life_stages)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a future act is not dated by a past date on a noun of its clause: that is the noun's time
        (
            "The police would also examine reports by farmers of an explosion on Wednesday morning off an island "
            "in the lake, the governor added.",
            "examine",
            (FRI, FRI, "published"),
        ),
        # a future date on such a noun still dates it
        (
            "Police would examine the plans for a rally on Monday, the governor said.",
            "examine",
            (D(2020, 1, 13), D(2020, 1, 13), "day"),
        ),
        # a past act keeps a date on its object's noun ("held talks on Wednesday")
        ("The envoys held talks on Wednesday.", "held", (D(2020, 1, 8), D(2020, 1, 8), "day")),
    ],
)
def test_a_future_act_is_not_dated_by_a_past_noun_date(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date, str] | None
) -> None:
    assert _date(nlp, text, trigger) == want


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # an old date near the act tells the time the sentence is about
        ("The minister agreed to the sanctions passed in 2006.", "agreed", (D(2006, 1, 1), D(2006, 12, 31), "year")),
        # deep in a chain of things named on the way it only describes one of them
        (
            "The missile hit a clinic next to a school that once housed the offices of the Front, which was "
            "banned in 1998.",
            "hit",
            (FRI, FRI, "published"),
        ),
        # a reduced relative on a noun has its own time
        ("A militia formed last week attacked the village.", "attacked", (FRI, FRI, "published")),
        ("A militia formed last week attacked the village.", "formed", (D(2019, 12, 30), D(2020, 1, 5), "week")),
    ],
)
def test_dates_of_things_named_on_the_way(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date, str] | None
) -> None:
    assert _date(nlp, text, trigger) == want


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a past act timed by a span of a life or an office, with no date of its own, is undated background
        ("During her campaign, the senator criticized the governor.", "criticized", None),
        ("During his tenure, the governor was investigated by the police.", "investigated", None),
        # a date of its own decides; other spans are not periods of a life or office
        (
            "During her campaign, the senator criticized the governor on Wednesday.",
            "criticized",
            (D(2020, 1, 8), D(2020, 1, 8), "day"),
        ),
        ("During the talks, the envoy criticized the governor.", "criticized", (FRI, FRI, "published")),
        # the present perfect reaches up to now: no background
        ("During his tenure, the governor has criticized the senate.", "criticized", (FRI, FRI, "published")),
    ],
)
def test_a_past_act_in_a_span_of_life_or_office(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date, str] | None
) -> None:
    assert _date(nlp, text, trigger) == want


def test_past_periods() -> None:
    w = words()
    assert {"campaign", "tenure"} <= w.past_periods and "talks" not in w.past_periods
