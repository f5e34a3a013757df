"""Date expressions resolved against the publication date, and events dated by their own clause."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.dates import DateResolver, find_expressions
from eventwire.dates.expressions import _patterns, _plain_patterns
from eventwire.dates.resolution import resolve, shift_months
from eventwire.model import Analysis, Article, Event, Span

D = dt.date
FRI = D(2020, 1, 10)  # a Friday
WED = D(2021, 6, 16)  # a Wednesday
TUE = D(2022, 4, 26)  # a Tuesday

# (text, published, expression text, start, end, precision)
TABLE: list[tuple[str, dt.date | None, str, dt.date, dt.date, str]] = [
    # weekdays: on or before publication
    ("The minister spoke Friday.", FRI, "Friday", FRI, FRI, "day"),
    ("Talks ended on Thursday.", FRI, "Thursday", D(2020, 1, 9), D(2020, 1, 9), "day"),
    ("Protests began Monday.", FRI, "Monday", D(2020, 1, 6), D(2020, 1, 6), "day"),
    ("Troops arrived Saturday.", FRI, "Saturday", D(2020, 1, 4), D(2020, 1, 4), "day"),
    ("He resigned on Sunday.", FRI, "Sunday", D(2020, 1, 5), D(2020, 1, 5), "day"),
    ("However, later Friday, he left.", FRI, "later Friday", FRI, FRI, "day"),
    ("Early Tuesday, shots rang out.", FRI, "Early Tuesday", D(2020, 1, 7), D(2020, 1, 7), "day"),
    ("They met last Friday.", FRI, "last Friday", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("They met last Wednesday.", FRI, "last Wednesday", D(2020, 1, 8), D(2020, 1, 8), "day"),
    ("They will meet next Monday.", FRI, "next Monday", D(2020, 1, 13), D(2020, 1, 13), "day"),
    ("The vote was held on Tuesday.", WED, "Tuesday", D(2021, 6, 15), D(2021, 6, 15), "day"),
    ("The summit opened Wednesday.", WED, "Wednesday", WED, WED, "day"),
    ("Rebels attacked on Thursday.", WED, "Thursday", D(2021, 6, 10), D(2021, 6, 10), "day"),
    ("He left Sat. for Paris.", FRI, "Sat", D(2020, 1, 4), D(2020, 1, 4), "day"),
    (
        "It must rule by this coming Friday.",
        D(2019, 2, 11),
        "this coming Friday",
        D(2019, 2, 15),
        D(2019, 2, 15),
        "day",
    ),
    ("The princess spoke this past Friday.", D(2019, 2, 11), "this past Friday", D(2019, 2, 8), D(2019, 2, 8), "day"),
    # yesterday / today / tomorrow
    ("Officials said yesterday that", FRI, "yesterday", D(2020, 1, 9), D(2020, 1, 9), "day"),
    ("The court ruled today.", FRI, "today", FRI, FRI, "day"),
    ("Leaders meet tomorrow.", FRI, "tomorrow", D(2020, 1, 11), D(2020, 1, 11), "day"),
    ("Sirens sounded last night.", FRI, "last night", D(2020, 1, 9), D(2020, 1, 9), "day"),
    ("He spoke this morning.", FRI, "this morning", FRI, FRI, "day"),
    ("Crowds gathered tonight.", WED, "tonight", WED, WED, "day"),
    ("Yesterday the army withdrew.", WED, "Yesterday", D(2021, 6, 15), D(2021, 6, 15), "day"),
    # weeks
    ("It sent troops last week.", FRI, "last week", D(2019, 12, 30), D(2020, 1, 5), "week"),
    ("Talks resume this week.", FRI, "this week", D(2020, 1, 6), D(2020, 1, 12), "week"),
    ("Talks resume next week.", FRI, "next week", D(2020, 1, 13), D(2020, 1, 19), "week"),
    ("Fighting flared last week.", WED, "last week", D(2021, 6, 7), D(2021, 6, 13), "week"),
    ("Rallies took place last weekend.", FRI, "last weekend", D(2020, 1, 4), D(2020, 1, 5), "range"),
    ("It happened earlier this week.", FRI, "earlier this week", D(2020, 1, 6), FRI, "range"),
    ("Prices rose over the past week.", FRI, "past week", D(2020, 1, 3), FRI, "range"),
    # months
    ("It was agreed last month.", FRI, "last month", D(2019, 12, 1), D(2019, 12, 31), "month"),
    ("Strikes spread this month.", WED, "this month", D(2021, 6, 1), D(2021, 6, 30), "month"),
    ("Polls open next month.", FRI, "next month", D(2020, 2, 1), D(2020, 2, 29), "month"),
    ("It began earlier this month.", FRI, "earlier this month", D(2020, 1, 1), FRI, "range"),
    ("It was signed in March.", FRI, "March", D(2019, 3, 1), D(2019, 3, 31), "month"),
    ("It was signed in March.", WED, "March", D(2021, 3, 1), D(2021, 3, 31), "month"),
    ("The deal collapsed in June.", WED, "June", D(2021, 6, 1), D(2021, 6, 30), "month"),
    ("Elections were held in December.", WED, "December", D(2020, 12, 1), D(2020, 12, 31), "month"),
    ("They will vote in November.", WED, "November", D(2021, 11, 1), D(2021, 11, 30), "month"),
    ("The law passed last April.", WED, "April", D(2021, 4, 1), D(2021, 4, 30), "month"),
    ("Fighting has raged since August.", FRI, "August", D(2019, 8, 1), D(2019, 8, 31), "month"),
    ("It ended in mid-May.", WED, "May", D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("The truce of January 2019 held.", FRI, "January 2019", D(2019, 1, 1), D(2019, 1, 31), "month"),
    ("By Sept. 2018 it was over.", None, "Sept. 2018", D(2018, 9, 1), D(2018, 9, 30), "month"),
    # absolute days
    ("It happened on Jan. 3.", FRI, "Jan. 3", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("It happened on January 3, 2020.", None, "January 3, 2020", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("It happened on 3 January 2020.", None, "3 January 2020", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("The file is dated 2020-01-03.", None, "2020-01-03", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("The memo of 01/03/2020 says", None, "01/03/2020", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("The memo of 12/25/19 says", None, "12/25/19", D(2019, 12, 25), D(2019, 12, 25), "day"),
    ("The election is on March 24.", D(2019, 2, 11), "March 24", D(2019, 3, 24), D(2019, 3, 24), "day"),
    ("Bombs fell on Dec. 29.", FRI, "Dec. 29", D(2019, 12, 29), D(2019, 12, 29), "day"),
    ("Bombs fell on December 29th.", FRI, "December 29th", D(2019, 12, 29), D(2019, 12, 29), "day"),
    ("The accord of 5 May 2021 lapsed.", None, "5 May 2021", D(2021, 5, 5), D(2021, 5, 5), "day"),
    ("On the 4th of July they marched.", WED, "4th of July", D(2020, 7, 4), D(2020, 7, 4), "day"),
    ("Talks set for June 20 were delayed.", WED, "June 20", D(2021, 6, 20), D(2021, 6, 20), "day"),
    ("He arrived Feb 2, 2016 in Rome.", None, "Feb 2, 2016", D(2016, 2, 2), D(2016, 2, 2), "day"),
    ("It was founded on Sept. 11, 2001.", None, "Sept. 11, 2001", D(2001, 9, 11), D(2001, 9, 11), "day"),
    # years
    ("The war began in 2003.", None, "2003", D(2003, 1, 1), D(2003, 12, 31), "year"),
    ("Troops stayed until 2011.", FRI, "2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("It has ruled since 1979.", None, "1979", D(1979, 1, 1), D(1979, 12, 31), "year"),
    ("Ties were cut last year.", FRI, "last year", D(2019, 1, 1), D(2019, 12, 31), "year"),
    # in a past clause "this week/month/year" is the part up to publication
    ("Growth slowed this year.", WED, "this year", D(2021, 1, 1), WED, "range"),
    ("Growth is slowing this year.", WED, "this year", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Parties began talks this week.", FRI, "this week", D(2020, 1, 6), FRI, "range"),
    ("Troops pulled out this month.", WED, "this month", D(2021, 6, 1), WED, "range"),
    ("Elections are due next year.", WED, "next year", D(2022, 1, 1), D(2022, 12, 31), "year"),
    # old years after a preposition, where no noun follows; decades
    ("The city hosted the congress in 1884, when", None, "1884", D(1884, 1, 1), D(1884, 12, 31), "year"),
    ("It dates back to 2011 when she", None, "2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("Settlers arrived in the 1880s.", None, "1880s", D(1880, 1, 1), D(1889, 12, 31), "range"),
    ("The 1990s were calm.", None, "1990s", D(1990, 1, 1), D(1999, 12, 31), "range"),
    # weekends and holidays
    (
        "The video was released over the weekend.",
        D(2022, 4, 26),
        "over the weekend",
        D(2022, 4, 23),
        D(2022, 4, 24),
        "range",
    ),
    ("They met this past weekend.", WED, "this past weekend", D(2021, 6, 12), D(2021, 6, 13), "range"),
    ("Crowds gathered at the weekend.", D(2021, 6, 13), "at the weekend", D(2021, 6, 12), D(2021, 6, 13), "range"),
    ("Talks will resume over the weekend.", WED, "over the weekend", D(2021, 6, 19), D(2021, 6, 20), "range"),
    ("On Thanksgiving, the sheriff spoke.", D(2016, 11, 29), "Thanksgiving", D(2016, 11, 24), D(2016, 11, 24), "day"),
    ("The truce held over Easter.", D(2019, 5, 2), "Easter", D(2019, 4, 21), D(2019, 4, 21), "day"),
    ("Shops shut on Good Friday.", D(2024, 4, 2), "Good Friday", D(2024, 3, 29), D(2024, 3, 29), "day"),
    ("Markets closed on Christmas Eve.", D(2021, 1, 5), "Christmas Eve", D(2020, 12, 24), D(2020, 12, 24), "day"),
    ("Leaders will meet before Christmas.", D(2021, 11, 2), "Christmas", D(2021, 12, 25), D(2021, 12, 25), "day"),
    ("Riots broke out on New Year’s Eve 2015.", None, "New Year’s Eve 2015", D(2015, 12, 31), D(2015, 12, 31), "day"),
    ("Strikes began after Labor Day.", D(2023, 10, 2), "Labor Day", D(2023, 9, 4), D(2023, 9, 4), "day"),
    # the days up to publication
    ("Talks went on in the past few days.", FRI, "in the past few days", D(2020, 1, 7), FRI, "range"),
    ("Prices rose over the last two weeks.", FRI, "over the last two weeks", D(2019, 12, 27), FRI, "range"),
    ("Six died in the past 24 hours.", FRI, "in the past 24 hours", D(2020, 1, 9), FRI, "range"),
    # a weekday with its date: the date decides
    ("The hearings began on Monday, 28 April.", D(2025, 5, 3), "28 April", D(2025, 4, 28), D(2025, 4, 28), "day"),
    # ago
    ("He was arrested two weeks ago.", FRI, "two weeks ago", D(2019, 12, 27), D(2019, 12, 27), "week"),
    ("The blast came three days ago.", FRI, "three days ago", D(2020, 1, 7), D(2020, 1, 7), "day"),
    ("It opened 10 days ago.", FRI, "10 days ago", D(2019, 12, 31), D(2019, 12, 31), "day"),
    ("The deal was struck a year ago.", WED, "a year ago", D(2020, 6, 16), D(2020, 6, 16), "year"),
    ("The siege began six months ago.", WED, "six months ago", D(2020, 12, 16), D(2020, 12, 16), "month"),
    # anchored to the sentence's main date (publication here)
    ("Iraq asked, five days after parliament voted.", FRI, "five days after", D(2020, 1, 5), D(2020, 1, 5), "day"),
    ("It came two weeks after the raid.", FRI, "two weeks after", D(2019, 12, 27), D(2019, 12, 27), "day"),
    ("It came a day before the vote.", FRI, "a day before", D(2020, 1, 11), D(2020, 1, 11), "day"),
    ("Two days later, talks resumed.", FRI, "Two days later", D(2020, 1, 12), D(2020, 1, 12), "day"),
]


@pytest.mark.parametrize(("text", "published", "expr", "start", "end", "precision"), TABLE)
def test_expression_table(
    text: str, published: dt.date | None, expr: str, start: dt.date, end: dt.date, precision: str
) -> None:
    found = [e for e in find_expressions(text) if e.text == expr]
    assert found, f"{expr!r} not found in {text!r}: {find_expressions(text)}"
    words = text.rstrip(".").split()
    future = any(w in words for w in ("will", "next", "set", "due"))
    past = not future and any(w.endswith("ed") or w in ("was", "were", "fell", "began") for w in words)
    got = resolve(found[0], published, future=future, past=past)
    assert got is not None
    assert (got.start, got.end, got.precision) == (start, end, precision)
    assert text[got.span.start : got.span.end] == expr if got.span else False


def test_look_ahead_patterns_match_like_the_plain_ones() -> None:
    text = " ".join(row[0] for row in TABLE) + " JANUARY 3, 2020 ELEVEN DAYS AGO Tonight 12/31/99 9TH OF MAY mid-2019"
    for (kind, plain), (_, fast) in zip(_plain_patterns(), _patterns(), strict=True):
        want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == want, kind


def test_table_has_sixty_expressions() -> None:
    assert len(TABLE) >= 60


@pytest.mark.parametrize(
    "text",
    [
        "They may 3 times refuse.",
        "She said no.",
        "The march was peaceful.",
        "2000 troops left.",
        "Call 555-2020 now.",
        "Police were sent in 1500 vans.",
        "The toll rose to 2000 people.",
        "The Good Friday agreement holds.",
        "Voters turned out on Super Tuesday.",
        "They sailed to Easter Island.",
        "Christmas trees were sold.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert [e for e in find_expressions(text) if e.kind != "vague"] == []


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("Decades ago, the two states fought a war.", "Decades ago"),
        ("The rivals met a few years ago in Geneva.", "a few years ago"),
        ("In the past, the army ruled.", "In the past"),
        ("The envoy had previously served in Cairo.", "previously"),
    ],
)
def test_vague_past_times_resolve_to_nothing(text: str, expr: str) -> None:
    (e,) = find_expressions(text)
    assert (e.kind, e.text) == ("vague", expr)
    assert resolve(e, FRI) is None


def test_durations_are_no_time() -> None:
    assert find_expressions("The project has been put off for years.") == []


@pytest.mark.parametrize("text", ["He spoke Friday.", "It happened last week.", "It began in March."])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    (e,) = find_expressions(text)
    assert resolve(e, None) is None


@pytest.mark.parametrize(
    ("year", "month", "delta", "want"),
    [(2020, 1, -1, (2019, 12)), (2020, 12, 1, (2021, 1)), (2020, 6, -18, (2018, 12)), (2020, 3, 0, (2020, 3))],
)
def test_shift_months(year: int, month: int, delta: int, want: tuple[int, int]) -> None:
    assert shift_months(year, month, delta) == want


def _event(text: str, trigger: str, eid: str = "E1") -> Event:
    i = text.index(trigger)
    sent_start = text.rfind(".", 0, i) + 1
    sent_end = text.find(".", i) + 1 or len(text)
    return Event(
        id=eid,
        source=None,
        target=None,
        cameo="010",
        root="01",
        quad=1,
        penta=0,
        goldstein=0.0,
        plover=None,
        modality="asserted",
        confidence=0.5,
        evidence=Span(sent_start, sent_end, text[sent_start:sent_end]),
        trigger=Span(i, i + len(trigger), trigger),
        pattern="test",
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "want", "precision"),
    [
        (
            "Iraq has asked the United States to plan a withdrawal, five days after the Iraqi Parliament voted "
            "to end the American presence.",
            "voted",
            D(2020, 1, 5),
            "day",
        ),
        (
            "Iraq has asked the United States to plan a withdrawal, five days after the Iraqi Parliament voted "
            "to end the American presence.",
            "asked",
            FRI,
            "published",
        ),
        ("The prime minister said in a statement Friday that troops must leave.", "said", FRI, "day"),
        ("Rebels attacked the base on Tuesday. The army responded.", "attacked", D(2020, 1, 7), "day"),
        # the narrative of a paragraph goes on: an undated past clause takes the paragraph's last date
        ("Rebels attacked the base on Tuesday. The army responded.", "responded", D(2020, 1, 7), "day"),
        ("Rebels attacked the base on Tuesday.\n\nThe army is responding.", "responding", FRI, "published"),
        ("The minister, who resigned last week, met the envoy.", "resigned", D(2019, 12, 30), "week"),
        ("The foreign minister will visit Cairo on Monday.", "visit", D(2020, 1, 13), "day"),
        ("The court will rule on Jan. 20.", "rule", D(2020, 1, 20), "day"),
        ("Rebels marched on Jan. 20 and again in March.", "marched", D(2019, 1, 20), "day"),
    ],
)
def test_event_dates(nlp: Language, text: str, trigger: str, want: dt.date, precision: str) -> None:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t", text=text, published=FRI), events=(_event(text, trigger),))
    out = DateResolver()(doc, analysis)
    date = out.events[0].date
    assert date is not None
    assert (date.start, date.precision) == (want, precision)


@pytest.mark.slow
def test_stage_without_publication_date(nlp: Language) -> None:
    text = "Rebels attacked on Tuesday. The deal of 3 January 2020 held."
    analysis = Analysis(article=Article(id="t", text=text), events=(_event(text, "attacked"),))
    out = DateResolver()(nlp(text), analysis)
    assert out.events[0].date is None
    assert [d.start for d in out.dates] == [D(2020, 1, 3)]


def test_date_words() -> None:
    from eventwire.dates.expressions import words

    w = words()
    assert w.months["sept"] == 9 and w.weekdays["sunday"] == 6 and w.numbers["five"] == 5
    assert all(isinstance(k, str) and k == k.lower() for k in [*w.months, *w.weekdays, *w.numbers])
    assert {"will", "scheduled"} <= w.future_cues


@pytest.mark.parametrize(
    ("text", "expr", "start", "end"),
    [
        # a month with its year named relative to publication (FRI is 10 January 2020)
        ("The court ruled in March last year.", "March last year", D(2019, 3, 1), D(2019, 3, 31)),
        ("The talks began in January this year.", "January this year", D(2020, 1, 1), D(2020, 1, 31)),
        ("The vote is due in May next year.", "May next year", D(2021, 5, 1), D(2021, 5, 31)),
        ("In June, last year's talks resumed.", "June", D(2019, 6, 1), D(2019, 6, 30)),
    ],
)
def test_month_of_a_relative_year(text: str, expr: str, start: dt.date, end: dt.date) -> None:
    found = [e for e in find_expressions(text) if e.text == expr]
    assert found, find_expressions(text)
    got = resolve(found[0], FRI)
    assert got is not None and (got.start, got.end, got.precision) == (start, end, "month")
