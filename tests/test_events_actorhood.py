"""Event sides must be actors: things, datelines and unresolved pronouns are no sides; the actor behind a
thing is taken where the grammar names it; a speaker's "we" in a quotation is the speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from eventwire.events.sides.actorhood import in_dateline, is_actor_head, is_means, owners_of
from eventwire.model import Event
from eventwire.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return [e for e in pipeline.code_text(text, id="t").events if e.modality != "negated"]


def _token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The ministers met on Friday.", "ministers", True),
        ("Hundreds of protesters gathered.", "protesters", True),
        ("The ministry issued a statement.", "ministry", True),
        ("Others fled the town.", "Others", True),
        ("The crisis deepened.", "crisis", False),
        ("The legislation passed.", "legislation", False),
        ("His smile returned.", "smile", False),
    ],
)
def test_actor_heads(nlp: Language, text: str, word: str, actor: bool) -> None:
    assert is_actor_head(_token(nlp, text, word)) is actor


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("TRIPOLI, Libya — Militia fighters shelled the airport on Sunday.", "TRIPOLI", True),
        ("TRIPOLI, Libya — Militia fighters shelled the airport on Sunday.", "Libya", True),
        ("TRIPOLI, Libya — Militia fighters shelled the airport on Sunday.", "fighters", False),
        ("Tripoli said the airport was shelled on Sunday.", "Tripoli", False),
    ],
)
def test_dateline(nlp: Language, text: str, word: str, inside: bool) -> None:
    assert in_dateline(_token(nlp, text, word)) is inside


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "owner"),
    [
        ("Japan criticized China's decision to expand the zone.", "decision", "China"),
        ("Turkish artillery shelled the villages.", "artillery", "Turkish"),
        ("The strike by the air force destroyed the bridge.", "strike", "force"),
        ("Rebel positions were shelled overnight.", "positions", "Rebel"),
        ("The court rejected the appeal filed by the opposition.", "appeal", "opposition"),
        ("The crisis deepened.", "crisis", None),
    ],
)
def test_owners(nlp: Language, text: str, word: str, owner: str | None) -> None:
    found = owners_of(_token(nlp, text, word))
    assert (found[0].text if found else None) == owner


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "means"),
    [
        ("The blast killed three soldiers.", "blast", True),
        ("A missile struck the port.", "missile", True),
        ("The new rules hit the industry.", "rules", False),
    ],
)
def test_means_of_violence(nlp: Language, text: str, word: str, means: bool) -> None:
    assert is_means(_token(nlp, text, word)) is means


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The crisis has pushed dozens of clinics in the region to close.",  # an abstract noun
        "The new legislation forced the charity to suspend its work in Darfur.",  # a thing
        "Quarantine rules hit the Greek tourism industry hard.",  # a thing, figuratively violent
        "It strongly supported the measure.",  # a pronoun with no antecedent
        "Two journalists were arrested on Tuesday.",  # agentless and not violent: whose act is unknown
    ],
)
def test_an_event_needs_an_actor_source(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target_country"),
    [
        ("Three Somali soldiers were killed on Monday.", None, "SOM"),  # agentless violence against an actor
        ("The blast killed three Afghan soldiers.", "UAF", "AFG"),  # its means: an unidentified attacker
        ("A missionary from Canada was arrested in Lebanon.", None, "CAN"),  # agentless coercion
    ],
)
def test_agentless_force_stands(pipeline: Pipeline, text: str, source: str | None, target_country: str) -> None:
    events = _events(pipeline, text)
    found = [(e.source.sector if e.source else None, e.target.country if e.target else None) for e in events]
    assert found == [(source, target_country)]


@pytest.mark.slow
def test_a_dateline_is_no_source(pipeline: Pipeline) -> None:
    events = _events(pipeline, "TRIPOLI, Libya — Militia fighters shelled the airport on Sunday.")
    assert [e.source.text if e.source else None for e in events] == ["Militia fighters"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "role", "phrase", "country"),
    [
        # the owner of a thing is the actor behind it; the thing's phrase names the side
        ("Japan criticized China's decision to expand its air defence zone.", "target", "China's decision", "CHN"),
        ("Turkish artillery shelled Kurdish villages near the border.", "source", "Turkish artillery", "TUR"),
        ("The court rejected the appeal filed by the Kenyan opposition.", "target", None, "KEN"),
    ],
)
def test_the_actor_behind_a_thing(pipeline: Pipeline, text: str, role: str, phrase: str | None, country: str) -> None:
    ev = _events(pipeline, text)[0]
    side = ev.source if role == "source" else ev.target
    assert side is not None and side.country == country
    assert phrase is None or side.text == phrase


@pytest.mark.slow
def test_a_thing_with_no_owner_is_no_target(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Ghana is exploring the possibility of sending engineers.")
    assert events and all(e.target is None for e in events)


@pytest.mark.slow
def test_we_in_a_quotation_is_its_speaker(pipeline: Pipeline) -> None:
    events = _events(pipeline, '"We have arrested three suspects," the Nigerian police chief said on Monday.')
    arrests = [e for e in events if e.root == "17"]
    assert arrests and arrests[0].source is not None
    assert (arrests[0].source.text, arrests[0].source.country) == ("the Nigerian police chief", "NGA")
