"""Events dated by their clause, their paragraph, the story's day, or not at all (dates/clauses.py, context.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from spacy.language import Language

from eventwire.dates import DateResolver
from eventwire.dates.clauses import tense
from eventwire.dates.context import paragraph_starts
from eventwire.dates.expressions import words
from eventwire.model import Analysis, Article, Event

from .factories import event_at

D = dt.date
FRI = D(2020, 1, 10)  # a Friday
SAT = D(2024, 3, 9)  # a Saturday


def _event(text: str, trigger: str) -> Event:
    """A bare statement (010) whose trigger is the first ``trigger`` in ``text``."""
    return replace(event_at(text, trigger), cameo="010", root="01", quad=1, penta=0, goldstein=0.0)


def _date(nlp: Language, text: str, trigger: str, published: dt.date = FRI) -> tuple[dt.date, dt.date, str] | None:
    analysis = Analysis(article=Article(id="t", text=text, published=published), events=(_event(text, trigger),))
    date = DateResolver()(nlp(text), analysis).events[0].date
    return None if date is None else (date.start, date.end, date.precision)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "published", "want"),
    [
        # the publication day's own weekday is that day ("Earlier Saturday" on a Saturday page)
        ("Earlier Saturday, the premier apologized on television.", "apologized", SAT, (SAT, SAT, "day")),
        ("Late Friday, the council voted to dissolve.", "voted", FRI, (FRI, FRI, "day")),
        # background: its own date, never the publication day
        ("In 1998, rebels seized the northern port.", "seized", FRI, (D(1998, 1, 1), D(1998, 12, 31), "year")),
        (
            "The pastor first came to the coast in the 1880s when he founded a mission.",
            "founded",
            FRI,
            (D(1880, 1, 1), D(1889, 12, 31), "range"),
        ),
        ("Decades ago, the two states fought a border war.", "fought", FRI, None),
        ("The envoy had warned the council about the drought.", "warned", FRI, None),
        # a paragraph's narrative goes on; a past perfect takes only a coarse date from it
        (
            "In 1998, rebels seized the northern port. The army recaptured it after a siege.",
            "recaptured",
            FRI,
            (D(1998, 1, 1), D(1998, 12, 31), "year"),
        ),
        (
            "In 1998, rebels seized the northern port. The army had warned of an attack.",
            "warned",
            FRI,
            (D(1998, 1, 1), D(1998, 12, 31), "year"),
        ),
        ("On Tuesday, rebels seized the port. The army had warned of an attack.", "warned", FRI, None),
        # a recent date on an event noun sets the narrative's time; an old one is only a reference
        (
            "Residents fear new raids, most recently a January 6 raid on the camp. Two people were killed.",
            "killed",
            FRI,
            (D(2020, 1, 6), D(2020, 1, 6), "day"),
        ),
        (
            "Officials cited the October 7 attack on the camp. Troops were deployed to the border.",
            "deployed",
            FRI,
            (FRI, FRI, "published"),
        ),
        # a date in a comparison is the time of what is compared with
        (
            "The poll put his support at 13%, down from 19% a week earlier. The premier resigned.",
            "resigned",
            FRI,
            (FRI, FRI, "published"),
        ),
        ("Exports fell more sharply than last year.", "fell", FRI, (FRI, FRI, "published")),
        # present and present perfect are the news of the day
        ("In 1998, rebels seized the port. The army now controls it.", "controls", FRI, (FRI, FRI, "published")),
        ("The ministry has condemned the raid.", "condemned", FRI, (FRI, FRI, "published")),
        # "since": a state from then on, not an event on that day
        (
            "Troops have occupied the valley since October 7.",
            "occupied",
            FRI,
            (D(2019, 10, 7), FRI, "range"),
        ),
        (
            "The two parties have governed together since 1989.",
            "governed",
            FRI,
            (D(1989, 1, 1), FRI, "range"),
        ),
        # a date on another noun is that noun's ...
        (
            "The minister blamed the rebels for the October 2 bombing.",
            "blamed",
            FRI,
            (FRI, FRI, "published"),
        ),
        # ... unless that noun is the time of the clause
        (
            "The envoy warned against a deal during his March 3 speech.",
            "warned",
            D(2015, 3, 18),
            (D(2015, 3, 3), D(2015, 3, 3), "day"),
        ),
        # a clause on the event's own noun gives the event's time
        (
            "The council condemned an attack that killed nine people on December 2.",
            "attack",
            FRI,
            (D(2019, 12, 2), D(2019, 12, 2), "day"),
        ),
        # a recent date of a relative clause below the event is that clause's; an old one marks background
        (
            "The premier praised the accord that the rebels signed in 1996.",
            "praised",
            FRI,
            (D(1996, 1, 1), D(1996, 12, 31), "year"),
        ),
        # an undated quotation is dated like its speech
        (
            "“The army shelled the town,” the mayor said on Wednesday.",
            "shelled",
            FRI,
            (D(2020, 1, 8), D(2020, 1, 8), "day"),
        ),
        (
            "The mayor spoke on Wednesday.\n\n“They have shelled the town for a week,” she said.",
            "shelled",
            FRI,
            (D(2020, 1, 8), D(2020, 1, 8), "day"),
        ),
        # a present-tense time clause of a future one points forward
        (
            "The president will be the first to address the union when he travels there on Sunday.",
            "travels",
            D(2015, 7, 24),
            (D(2015, 7, 26), D(2015, 7, 26), "day"),
        ),
        # a future seen from now takes no past date; the reported "would" keeps its report's time
        (
            "The agency will study reports of a blast last Sunday.",
            "study",
            FRI,
            (FRI, FRI, "published"),
        ),
        (
            "The minister told reporters last month that the two countries would sign a pact.",
            "sign",
            FRI,
            (D(2019, 12, 1), D(2019, 12, 31), "month"),
        ),
        # the conjuncts of a clause on a date share it
        (
            "The group ran the office until 2013, when the state banned it and seized its schools.",
            "seized",
            FRI,
            (D(2013, 1, 1), D(2013, 12, 31), "year"),
        ),
        # the story's day: the first recent day the opening paragraphs name
        (
            "The president apologized to the two women.\n\nHe spoke in a video released over the weekend.",
            "apologized",
            D(2022, 4, 26),
            (D(2022, 4, 23), D(2022, 4, 24), "range"),
        ),
    ],
)
def test_event_dates_in_context(
    nlp: Language, text: str, trigger: str, published: dt.date, want: tuple[dt.date, dt.date, str] | None
) -> None:
    assert _date(nlp, text, trigger, published) == want


@pytest.mark.slow
def test_a_clause_below_the_event_keeps_its_recent_date(nlp: Language) -> None:
    text = "Lee voiced concern, noting that talks which were planned for this week had been postponed."
    got = _date(nlp, text, "voiced", SAT)
    assert got == (SAT, SAT, "published")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        ("The army shelled the town.", "shelled", "past"),
        ("The army has shelled the town.", "shelled", "perfect"),
        ("The army had shelled the town.", "shelled", "pluperfect"),
        ("The army shells the town.", "shells", "present"),
        ("The army will shell the town.", "shell", "future"),
        ("The army agreed to leave the town.", "leave", "past"),
        ("The shelling of the town was condemned.", "shelling", "past"),
        # a reduced relative takes the time of the clause its noun belongs to
        ("People injured in the blast are in hospital.", "injured", "present"),
        ("The officials arrested in the raid were freed on bail.", "arrested", "past"),
        # a "to" infinitive without a subject takes its governor's time, through a noun too
        ("Chile made efforts to persuade Peru to stay in the pact.", "persuade", "past"),
        ("The envoy flew to Lima to meet the president.", "meet", "past"),
        ("Chile makes efforts to persuade Peru to stay in the pact.", "persuade", "present"),
    ],
)
def test_tense(nlp: Language, text: str, trigger: str, want: str) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert tense(tok, words().future_cues) == want


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("One.", (0,)),
        ("One.\n\nTwo.", (0, 6)),
        ("One.\n\n\n  Two.\n\nThree.\n\n", (0, 9, 15)),
    ],
)
def test_paragraph_starts(text: str, starts: tuple[int, ...]) -> None:
    assert paragraph_starts(text) == starts


def _scanned_quoted(text: str, paragraphs: tuple[int, ...], offset: int) -> bool:
    """The definition ``Context.quoted`` must keep: scan the paragraph up to ``offset``."""
    start = max(p for p in paragraphs if p <= offset)
    inside = False
    for ch in text[start:offset]:
        inside = True if ch in "“«" else False if ch in "”»" else (not inside) if ch == '"' else inside
    return inside


@pytest.mark.parametrize(
    "text",
    [
        '“We will stay,” he said. "They left" and «more»\n\nA new “paragraph without a close\n\nlast "one',
        'no quotes at all\n\n"\n\n“”"“',
        '"' * 7 + "\n\n" + "x “y” z " * 5,
    ],
)
def test_quoted_is_a_search_that_agrees_with_a_scan(text: str) -> None:
    from eventwire.dates.context import Context, _quote_marks

    paragraphs = paragraph_starts(text)
    ctx = Context(text, None, paragraphs, (), None, *_quote_marks(text, paragraphs))
    assert [ctx.quoted(i) for i in range(len(text) + 1)] == [
        _scanned_quoted(text, paragraphs, i) for i in range(len(text) + 1)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a present in a past saying is the present of the saying: its day
        (
            "On Tuesday, the court heard the case. The envoy argued that the blockade violates the treaty.",
            "violates",
            (D(2024, 3, 5),) * 2,
        ),
        (
            "The court heard the case on Wednesday. The minister told it that the army controls the town.",
            "controls",
            (D(2024, 3, 6),) * 2,
        ),
        # a present in a present saying, or a present alone, is the publication day's
        ("The minister says the army controls the town.", "controls", (SAT, SAT)),
    ],
)
def test_a_present_in_a_past_saying_takes_the_saying_day(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date]
) -> None:
    got = _date(nlp, text, trigger, SAT)
    assert got is not None and got[:2] == want


@pytest.mark.slow
def test_a_quotation_that_goes_on_after_its_attribution_is_dated_like_it(nlp: Language) -> None:
    text = (
        "On Tuesday, the envoy addressed the assembly. “Talks are close,” the envoy said. "
        "“Chad has released the prisoners and reopened the border.”"
    )
    got = _date(nlp, text, "released", SAT)
    assert got is not None and got[:2] == (D(2024, 3, 5), D(2024, 3, 5))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # an anchored date in the lead dates the background act under its "after"/"before"; a later
        # past saying with no date of its own is the story's news, not that act's day
        (
            "The governor resigned on Tuesday.\n\n"
            "The city has sued the state, three days after the council voted to close the port.\n\n"
            "The mayor also said the state had been ignoring the port's debts.",
            "said",
            (D(2020, 1, 7), D(2020, 1, 7), "day"),
        ),
        (
            "The union has called a strike, a week after the company cut wages.\n\n"
            "Its leader said the workers had been waiting for months.",
            "said",
            (FRI, FRI, "published"),
        ),
        (
            "The minister said the police had been detaining students.\n\n"
            "The government has banned rallies, five days after the parliament passed a security law.",
            "said",
            (FRI, FRI, "published"),
        ),
        (
            "The army has withdrawn from the town, four days after rebels seized it.\n\n"
            "A spokesman accused the rebels of shelling the road.",
            "accused",
            (FRI, FRI, "published"),
        ),
        # a day the lead names for the news itself still is the story's day
        (
            "The army has withdrawn from the town on Wednesday, four days after rebels seized it.\n\n"
            "A spokesman accused the rebels of shelling the road.",
            "accused",
            (D(2020, 1, 8), D(2020, 1, 8), "day"),
        ),
        # the anchored date still dates the act under its "after"
        (
            "The union has called a strike, a week after the company cut wages.",
            "cut",
            (D(2020, 1, 3), D(2020, 1, 3), "day"),
        ),
    ],
)
def test_an_anchored_date_is_not_the_story_day(
    nlp: Language, text: str, trigger: str, want: tuple[dt.date, dt.date, str]
) -> None:
    assert _date(nlp, text, trigger) == want
