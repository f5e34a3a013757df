"""Clauses that tell no single happening yield no event: habits, kinds, findings and norms, roles,
states of mind, capacities and comparisons; the same acts told as happenings stay events."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.rules.genericity import generic_words, non_episodic
from eventwire.pipeline import Pipeline


def _why(nlp: Language, text: str, word: str, root: str = "19") -> str | None:
    tok = next(t for t in nlp(text) if t.text == word)
    return non_episodic(tok, root)


def test_word_lists_load() -> None:
    words = generic_words()
    assert "study" in words.frame_subjects and "obligation" in words.potential_nouns
    assert "often" not in words.habitual_adverbs  # repeated acts are acts


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "root", "why"),
    [
        ("Surveys have shown that soldiers beat detainees more often than guards do.", "beat", "18", "finding"),
        ("The new code says that a judge cannot meet the parties in private.", "meet", "04", "finding"),
        ("A survey found that soldiers had beaten dozens of detainees last spring.", "beaten", "18", None),
        ("The minister normally visits the border posts in person.", "visits", "04", "habit"),
        ("Rebels shell the market every Friday.", "shell", "19", "habit"),
        ("When a dispute arises, the two chiefs meet in the capital.", "meet", "04", "habit"),
        ("We meet the governor in person and raise the matter.", "meet", "04", "habit"),
        ("The governor has backed the farmers throughout his tenure.", "backed", "05", "habit"),
        ("The governor met the farmers in the capital on Monday.", "met", "04", None),
        ("The president flies to Nairobi later on Friday for talks.", "flies", "04", None),
        ("Lagos has fined the agency that helps the fishermen.", "helps", "07", "role"),
        ("Aid groups condemned states that arm the rebels.", "arm", "07", "role"),
        ("Aid groups condemned the militia that attacked the convoy on Monday.", "attacked", "19", None),
        ("Peru opposes all forms of piracy.", "opposes", "11", "kind"),
        ("Peru opposed the seizure of the trawler.", "opposed", "11", None),
        (
            "The ruling set out the state's obligations to allow monitors to inspect the prisons.",
            "inspect",
            "09",
            "capacity",
        ),
        ("The chief has a tendency to attack his critics.", "attack", "19", "capacity"),
        ("Moscow used its veto power to block the measure.", "block", "16", None),
        ("The only way for the chief to keep his post is to resign.", "resign", "08", "capacity"),
        ("The aim of the raid is to expel the rebels from the town.", "expel", "17", "capacity"),
        ("Nobody knows who is alive, injured or missing.", "injured", "19", "state"),
        ("The raid was reminiscent of the day when troops stormed the square.", "stormed", "19", "comparison"),
        ("Troops stormed the square when the crowd refused to leave.", "stormed", "19", None),
    ],
)
def test_non_episodic(nlp: Language, text: str, word: str, root: str, why: str | None) -> None:
    assert _why(nlp, text, word, root) == why


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Studies have found that police arrest migrants at higher rates than other groups.", "police"),
        ("Uganda praised the agency that feeds refugees in the north.", "the agency"),
        ("Jordan condemns terrorism in all its forms.", "Jordan"),
        ("Fishermen fear that the navy will seize their boats.", "Fishermen"),
    ],
)
def test_no_event_is_coded(pipeline: Pipeline, text: str, absent: str) -> None:
    events = pipeline.code_text(text, id="t").events
    assert absent not in [e.source.text for e in events if e.source is not None]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("Officials in Lima fear that the truce will collapse.", "fear", "Officials in Lima"),  # a statement
        ("Farmers in the valley fear that the truce will collapse.", "fear", None),  # a feeling
        ("The United Nations is deeply concerned about the clashes in Chad.", "concerned", "The United Nations"),
        ("The mayor apologized to the residents who were alarmed by the blast.", "alarmed", None),
    ],
)
def test_fears_of_officials_are_statements(pipeline: Pipeline, text: str, word: str, source: str | None) -> None:
    events = [e for e in pipeline.code_text(text, id="t").events if e.trigger.text == word]
    assert {e.source.text if e.source else None for e in events} == ({source} if source else set())


@pytest.mark.slow
def test_the_act_beside_a_generic_clause_stays(pipeline: Pipeline) -> None:
    text = "Uganda expelled two officials of the agency that feeds refugees in the north."
    events = pipeline.code_text(text, id="t").events
    assert [e.source.text for e in events if e.source is not None] == ["Uganda"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # the clause says who the speaker is: background
        ("“The talks failed,” said Ana Ruiz, a lawyer who assisted the Chilean navy in the dispute.", False),
        # the same act told of a party, not of the speaker
        ("Ana Ruiz, a Peruvian lawyer, assisted the Chilean navy in the dispute.", True),
    ],
)
def test_a_clause_that_introduces_the_speaker_is_background(pipeline: Pipeline, text: str, coded: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.trigger.text == "assisted" for e in events) is coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The senator favored free markets and open borders.", False),  # a stance on kinds, toward no one
        ("The senator praised the Mexican government.", True),
        ("The senator criticized the raid on the Mexican port.", True),  # a particular act
    ],
)
def test_a_stance_on_a_kind_is_no_event(pipeline: Pipeline, text: str, coded: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.root in ("05", "11") for e in events) is coded
