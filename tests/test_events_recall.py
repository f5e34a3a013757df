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


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in _code(pipeline, text).events
        if e.modality != "negated"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a speaker who says another actor "has an obligation" or "a duty" to act demands it (100)
        (
            "The Kenyan foreign minister said Uganda has a clear obligation to hand over the suspects.",
            ("100", "KEN", "UGA"),
        ),
        ("Chile's president told reporters that Peru has a duty to protect the migrants.", ("100", "CHL", "PER")),
    ],
)
def test_a_stated_obligation_of_another_is_a_demand(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert event in _events(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said Uganda has no obligation to hand over the suspects.",
        "The Kenyan foreign minister said Uganda does not have an obligation to hand over the suspects.",
        # an obligation deep in another clause is no demand of the speaker
        "The Kenyan foreign minister said Uganda acted alone, arguing that it does not care to meet its obligations.",
    ],
)
def test_a_denied_or_buried_obligation_is_no_demand(pipeline: Pipeline, text: str) -> None:
    assert not any(e.pattern == "say_obligation" for e in _code(pipeline, text).events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "judged"),
    [
        # a bare noun of conduct qualifying a verb ("acts with impunity") judges the verb's doer
        ('"The junta continues to act with impunity," the Kenyan foreign minister said on Tuesday.', True),
        ('"Chad has behaved with complete negligence," the Nigerian foreign minister said.', True),
        ('"We acted with restraint," the Kenyan foreign minister said on Tuesday.', False),
        ('"Chad acted with the approval of the council," the Nigerian foreign minister said.', False),
    ],
)
def test_a_noun_of_manner_judges_the_doer(pipeline: Pipeline, text: str, judged: bool) -> None:
    codes = {e.cameo for e in _code(pipeline, text).events if e.pattern.startswith("judge_")}
    assert bool(codes & {"111", "112"}) is judged


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a hyphenated title whose last part the tagger reads as an adjective still heads its phrase, and
        # the person in apposition takes the body's country
        (
            "On Tuesday, Chile's foreign ministry director-general, Ana Rojas, told the court that Peru lied.",
            "Ana Rojas",
            "CHL",
        ),
        # a parenthesised abbreviation between the body and the title keeps them one phrase
        (
            "Chile's Department of Foreign Affairs (DFA) director-general, Ana Rojas, told the court that Peru lied.",
            "Ana Rojas",
            "CHL",
        ),
    ],
)
def test_a_title_after_its_body_gives_the_named_person_its_country(
    pipeline: Pipeline, text: str, name: str, country: str
) -> None:
    actors = {a.name: a.country for a in _code(pipeline, text).actors}
    assert actors.get(name) == country


@pytest.mark.slow
def test_a_legal_counsel_of_a_body_is_its_official(pipeline: Pipeline) -> None:
    actors = _code(pipeline, "The UN's legal counsel said on Monday that Israel has an obligation to allow aid.").actors
    assert any(a.sector == "IGO" and "counsel" in a.name for a in actors)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a speaker who says another actor starves, persecutes or tortures people accuses it of abuses (1122)
        (
            "Chile's ambassador told the court on Monday that Peru continues to starve the villagers.",
            ("1122", "CHL", "PER"),
        ),
        ('"Peru persecutes its critics," the Chilean foreign minister said on Monday.', ("1122", "CHL", "PER")),
    ],
)
def test_a_stated_abuse_by_another_is_an_accusation(pipeline: Pipeline, text: str, event: tuple[str, str, str]) -> None:
    assert event in _events(pipeline, text)


@pytest.mark.slow
def test_an_abuse_denied_by_the_speaker_is_no_accusation(pipeline: Pipeline) -> None:
    text = '"Peru does not persecute its critics," the Chilean foreign minister said on Monday.'
    assert not any(e.cameo == "1122" and e.modality != "negated" for e in _code(pipeline, text).events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "X is in the process (midst) of V-ing": X does V
        ("Chile's defence ministry is in the process of reviewing its air defence posture.", ("014", "CHL")),
        ("Peru was in the midst of reconsidering its aid to Bolivia when the talks began.", ("014", "PER")),
    ],
)
def test_the_subject_of_a_process_does_its_gerund(pipeline: Pipeline, text: str, event: tuple[str, str]) -> None:
    assert event in {(code, src) for code, src, _ in _events(pipeline, text)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # a project launched to remember is a commemoration (017); one to build something is none
        ("The Kenyan capital has launched a project to commemorate the victims of the 1998 bombing.", "017", True),
        ("Chile launched an exhibition to mark the anniversary of the coup.", "017", True),
        ("Chile launched a project to build a new port in the north.", "017", False),
    ],
)
def test_launching_a_project_of_remembrance(pipeline: Pipeline, text: str, code: str, present: bool) -> None:
    assert (code in _codes(pipeline, text)) is present
