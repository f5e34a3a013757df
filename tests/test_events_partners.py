"""Targets of passives with an instrument subject, names the parser splits, and partners of symmetric acts."""

from __future__ import annotations

import pytest

from eventwire.model import Analysis, Event
from eventwire.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str, root: str) -> list[Event]:
    analysis: Analysis = pipeline.code_text(text, id="t")
    return [e for e in analysis.events if e.root == root and e.modality != "negated"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "dyad", "target_text"),
    [
        # the passive subject is what is imposed or sent: the target is the actor it is aimed at
        ("Tariffs were imposed on Brazil by Argentina.", "16", ("ARG", "BRA"), "Brazil"),
        ("Relief supplies were delivered to Nepal by India.", "07", ("IND", "NPL"), "Nepal"),
        # the subject's own targeting phrase names the target ("against X")
        ("Sanctions against Cuba were eased by Spain in March.", "08", ("ESP", "CUB"), "Cuba"),
    ],
)
def test_passive_instrument_subject_is_no_target(
    pipeline: Pipeline, text: str, root: str, dyad: tuple[str | None, str], target_text: str
) -> None:
    events = _events(pipeline, text, root)
    assert events
    ev = events[0]
    assert ev.target is not None and ev.target.text == target_text
    assert ((ev.source.country if ev.source else None), ev.target.country) == dyad


@pytest.mark.slow
def test_passive_patient_stays_the_target(pipeline: Pipeline) -> None:
    """A passive subject that is no instrument is the target ("Kenyan officials were sent home")."""
    events = _events(pipeline, "Two Kenyan diplomats were expelled by Ethiopia.", "16")  # 161: expelling diplomats
    assert any(e.target is not None and e.target.country == "KEN" for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "sources"),
    [
        # "Barack" parsed as the subject and "Obama" as its object: the whole name is the source
        ("Barack Obama and Vladimir Putin will meet in Zurich.", "03", {"Barack Obama", "Vladimir Putin"}),
        # each token of a name parsed as a subject: one source, the whole name
        ("Omar al-Bashir of Sudan expelled foreign journalists.", "17", {"Omar al-Bashir of Sudan"}),
    ],
)
def test_split_names(pipeline: Pipeline, text: str, root: str, sources: set[str]) -> None:
    got = {e.source.text for e in _events(pipeline, text, root) if e.source is not None}
    assert got == sources


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the place of a meeting is no partner
        ("Obama and Putin met in Zurich.", {("USA", "RUS"), ("RUS", "USA")}),
        ("Merkel met with Macron in Brussels.", {("DEU", "FRA"), ("FRA", "DEU")}),
        ("Iran and Iraq held talks in Geneva on Monday.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
    ],
)
def test_meeting_place_is_no_partner(pipeline: Pipeline, text: str, pairs: set[tuple[str, str]]) -> None:
    got = {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in _events(pipeline, text, "04")
    }
    assert got == pairs


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "country", "target_text"),
    [
        # an act on its content ("a state of emergency", "the curfew"): the place it is done in is the target
        ("The government lifted a state of emergency in western parts of Chad.", "08", "TCD", "western parts of Chad"),
        ("Police eased the curfew in northern districts of Nigeria.", "08", "NGA", "northern districts of Nigeria"),
        ("Norway ended its mediation efforts in the Sri Lankan conflict.", "16", "LKA", "the Sri Lankan conflict"),
        # an act with a patient keeps the thing acted on, with the place's country
        ("Guerrillas attacked a police station in eastern Kenya.", "19", "KEN", "a police station"),
    ],
)
def test_place_of_an_act_on_its_content(
    pipeline: Pipeline, text: str, root: str, country: str, target_text: str
) -> None:
    events = _events(pipeline, text, root)
    assert events
    tgt = events[0].target
    assert tgt is not None and tgt.country == country
    assert tgt.text is not None and tgt.text.startswith(target_text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # the passive subject's aiming phrase meets a pattern's complement ("evidence against")
        ("Evidence against Venezuela was released by Colombia.", "11", "COL", "VEN"),
        # but no other phrase of the passive subject does ("a camp for X" is no "attacked X for Y")
        ("A refugee camp for Sudanese families was attacked by Chadian militiamen.", "19", "TCD", None),
    ],
)
def test_passive_subject_complements(pipeline: Pipeline, text: str, root: str, source: str, target: str | None) -> None:
    events = _events(pipeline, text, root)
    assert events and events[0].source is not None and events[0].source.country == source
    assert target is None or (events[0].target is not None and events[0].target.country == target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # a noun's content clause parsed as its modifier: its subject is the one the attitude is about
        (
            "Kenyan bishops expressed hopes the Ugandan government will free the detained journalists.",
            "01",
            "the Ugandan government",
        ),
        (
            "The French minister voiced surprise that the German parliament rejected the budget.",
            "01",
            "the German parliament",
        ),
        # an "about" phrase whose object is a gerund clause: the clause's subject
        (
            "Chile said it is skeptical about the Bolivian government being able to hold the vote.",
            "01",
            "the Bolivian government",
        ),
    ],
)
def test_attitude_about_a_clause(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(pipeline, text, root)
    assert events
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # a preposition heading a clause rather than a noun is no part of the target's phrase
        (
            "Japan pledged support for the Philippine government's efforts at rebuilding the port.",
            "05",
            "the Philippine government's efforts",
        ),
    ],
)
def test_no_dangling_preposition(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(pipeline, text, root)
    assert events and events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "dyad"),
    [
        # returning artifacts is coded, and a "to" phrase the parser hung inside the object is the target
        ("France returned 20 human skulls held in a Paris museum to Algeria.", "08", ("FRA", "DZA")),
        ("Germany returned a bronze statue of the goddess Athena to Greece.", "08", ("DEU", "GRC")),
        ("Italy returned four Egyptian artifacts to the government of Egypt.", "08", ("ITA", "EGY")),
        ("Sweden sent emergency supplies and personnel such as nurses to Haiti.", "07", ("SWE", "HTI")),
    ],
)
def test_to_phrase_hung_on_the_object(pipeline: Pipeline, text: str, root: str, dyad: tuple[str, str]) -> None:
    events = _events(pipeline, text, root)
    assert events and events[0].source is not None and events[0].target is not None
    assert (events[0].source.country, events[0].target.country) == dyad


@pytest.mark.slow
def test_the_instrument_gives_way_to_the_other_target(pipeline: Pipeline) -> None:
    """Of two syntactic targets, the money given is no target beside those it is given to."""
    events = _events(pipeline, "The Ohio Senate is considering giving money to rural hospitals.", "01")
    assert events and {e.target.text for e in events if e.target is not None} == {"rural hospitals"}


@pytest.mark.slow
def test_the_mirror_of_a_symmetric_act_is_not_more_confident(pipeline: Pipeline) -> None:
    text = "The African Union will step up its efforts and will hold talks with the Somali president, Ali Farah."
    events = [e for e in pipeline.code_text(text, id="t").events if e.root == "03"]  # an intent to meet
    top = max(events, key=lambda e: e.confidence)
    assert top.source is not None and top.source.text == "The African Union"
