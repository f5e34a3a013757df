"""Who acts when a crowd is named: a bare quantifier set off by commas after a group stands for the group
("thousands of people, some ..., protested": the side is the thousands of people, not "some"), and an unnamed
crowd takes the country of the place where it acts ("crowds gathered in X"; "at the Y Embassy in X": the
embassy is Y's, the place is X), not the article's main country. Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.model import Analysis, Event
from eventwire.partitives import partitive_after, partitive_group
from eventwire.pipeline import Pipeline

PUBLISHED = dt.date(2021, 3, 3)


@pytest.mark.parametrize(
    ("text", "quantifier", "group"),
    [
        ("Thousands of people, some aligned to local militias, protested at the embassy.", "some", "people"),
        ("Hundreds of students, many wearing masks, marched through the city.", "many", "students"),
        ("Protesters from the capital, several carrying banners, gathered near the palace.", "several", "Protesters"),
        ("Dozens of farmers, most of whom own small plots, blocked the road.", "most", None),
        ("In Baghdad, many protested against the new law.", "many", None),
        ("On Monday, some left the square before dawn.", "some", None),
        ("Some villagers left the area on foot.", "Some", None),
    ],
)
def test_partitive_group(nlp: Language, text: str, quantifier: str, group: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == quantifier)
    found = partitive_group(tok)
    assert (found.text if found is not None else None) == group


@pytest.mark.parametrize(
    ("text", "group", "quantifier"),
    [
        ("Thousands of people, some aligned to local militias, protested at the embassy.", "people", "some"),
        ("Hundreds of students, many wearing masks, marched through the city.", "students", "many"),
        ("Hundreds of students marched through the city, some wearing masks.", "students", None),
    ],
)
def test_partitive_after(nlp: Language, text: str, group: str, quantifier: str | None) -> None:
    doc = nlp(text)
    found = partitive_after(next(t for t in doc if t.text == group))
    assert (found.text if found is not None else None) == quantifier


def _protest(analysis: Analysis) -> Event:
    found = [e for e in analysis.events if e.root == "14"]
    assert found, [(e.cameo, e.source, e.target) for e in analysis.events]
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "country", "target_country"),
    [
        (
            "France said it was sending 200 more police officers to the region after hundreds of people, some "
            "linked to separatist groups, protested at the French Embassy in Dakar.",
            "hundreds of people",
            "SEN",
            "FRA",
        ),
        (
            "Britain said it was moving staff out of the country after thousands of people, many aligned to "
            "armed factions, protested at the British Embassy in Khartoum.",
            "thousands of people",
            "SDN",
            "GBR",
        ),
        (
            "Japan said on Monday that its citizens were safe after crowds gathered in Seoul and protested "
            "against the Japanese government.",
            "crowds",
            "KOR",
            "JPN",
        ),
    ],
)
def test_crowd_protest_sides(pipeline: Pipeline, text: str, source: str, country: str, target_country: str) -> None:
    event = _protest(pipeline.code_text(text, id="t", published=PUBLISHED))
    assert event.source is not None and event.target is not None
    assert event.source.text == source
    assert event.source.country == country
    assert event.target.country == target_country


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "crowd", "country"),
    [
        ("Demonstrators gathered at the Russian Embassy in Kyiv and denounced Moscow.", "Demonstrators", "UKR"),
        (
            "The ministry said on Tuesday that hundreds of people, some carrying flags, marched at the French "
            "Embassy in Nairobi.",
            "people",
            "KEN",
        ),
        (
            "Dozens of students, many wearing masks, protested outside the British consulate in Lagos on Monday.",
            "students",
            "NGA",
        ),
        # a cause is no place: the students are not Iranian
        ("Students rallied amid new tensions with Iran and denounced the university president.", "Students", None),
    ],
)
def test_crowd_takes_the_country_of_its_place(pipeline: Pipeline, text: str, crowd: str, country: str | None) -> None:
    analysis = pipeline.code_text(text, id="t", published=PUBLISHED)
    found = [a for a in analysis.actors if any(m.text == crowd for m in a.mentions)]
    assert found, [(a.name, a.code) for a in analysis.actors]
    assert found[0].country == country
