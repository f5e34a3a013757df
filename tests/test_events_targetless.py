"""An act done to someone is no event when no target is found; acts whole in themselves stand alone."""

from __future__ import annotations

import pytest

from eventwire.events.rules.pruning import stands_alone, targetless_codes
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize(
    ("cameo", "alone"),
    [
        ("010", True),  # a comment
        ("0831", True),  # a resignation
        ("040", True),  # talks of parties named together
        ("042", False),  # a visit to no host
        ("090", True),  # an investigation
        ("141", True),  # a demonstration
        ("1724", True),  # a state of emergency
        ("183", True),  # a bombing with no victim named
        ("111", False),  # a criticism of no one
        ("112", False),  # an accusation of no one
        ("0252", True),  # a call for calm: the public is meant
        ("120", True),  # a rejection of a plan whose author is not named
        ("070", False),  # aid to no one
        ("172", False),  # sanctions on no one
        ("1311", False),  # a threat of sanctions against no one
        ("163", False),  # an embargo on no one
    ],
)
def test_which_codes_stand_alone(cameo: str, alone: bool) -> None:
    assert stands_alone(cameo) is alone


def test_the_list_holds_roots_and_codes() -> None:
    codes = targetless_codes()
    assert "01" in codes
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in codes)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "coded"),
    [
        # a condemnation of something unnamed: aimed at no party
        ("The Peruvian defence minister strongly condemned what he described as a shameful act.", "11", False),
        ("The Peruvian defence minister strongly condemned Chile's decision on Monday.", "11", True),
        # a verbal reaction to a named happening stays: its party is the one behind it
        ("The African Union condemned the bombing on Sunday.", "11", True),
        # aid to no one named
        ("Canada sent aid on Tuesday.", "07", False),
        ("Canada sent aid to Haiti on Tuesday.", "07", True),
        # cooperation of parties named together, and a threat to respond, stand without a target
        ("Chilean and Peruvian troops began joint naval exercises on Monday.", "06", True),
        ("The Peruvian army vowed to retaliate on Monday.", "13", True),
        # a threat or criticism by parties named together is not aimed at each other
        ("Chile and Peru strongly objected to what they called a provocation.", "11", False),
        # acts whole in themselves stand without a target
        ("The Peruvian defence minister resigned on Monday.", "08", True),
        ("Thousands of farmers demonstrated in the Bolivian capital on Friday.", "14", True),
    ],
)
def test_an_act_done_to_someone_needs_a_target(pipeline: Pipeline, text: str, root: str, coded: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.root == root for e in events) is coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accused"),
    [
        # a state's own spokesman does not accuse the state
        ("“Peru is responding to the Chilean aggression,” the Peruvian army spokesman said.", set()),
        # a speaker whose country was taken from the state it accuses
        ("Defence Minister Ali Raza said Japan had deliberately targeted civilians.", set()),
        # criticism of one's own parliament stays
        ("The Peruvian defence minister sharply criticised the Peruvian parliament on Monday.", {("PER", "PER")}),
    ],
)
def test_a_state_does_not_accuse_itself(pipeline: Pipeline, text: str, accused: set[tuple[str, str]]) -> None:
    events = pipeline.code_text(text, id="t").events
    dyads = {
        (e.source.country, e.target.country)
        for e in events
        if e.root in ("11", "12") and e.source is not None and e.target is not None
    }
    assert dyads == accused


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "coded"),
    [
        # a source that names nothing codable: no event
        ("Many voters angrily rejected the new constitution on Sunday.", "12", False),
        ("Those in attendance supported the Kenyan proposal on Monday.", "05", False),
        ("Searchers investigated several areas near the island on Monday.", "09", False),
        # a source with a country stays
        ("Kenyan voters angrily rejected the new constitution on Sunday.", "12", True),
        # force keeps its means as source, a protest its crowd
        ("A missile struck a school in Kharkiv on Monday.", "19", True),
        ("Thousands of people protested outside the French embassy on Friday.", "14", True),
    ],
)
def test_a_source_must_name_something_codable(pipeline: Pipeline, text: str, root: str, coded: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.root == root for e in events) is coded
