"""Modality decides whether an act is emitted: hypothetical acts and acts asked of or predicted of an
actor are no events; a negated act is a refusal only when it is unwillingness, not a past non-event."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from eventwire.events.lexicon.cameo import persistence_code
from eventwire.events.rules.modality import modality, prospect, refusal_negation
from eventwire.model import Event
from eventwire.pipeline import Pipeline


def _token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline.code_text(text, id="t").events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "whose"),
    [
        ("Chad will send troops to the border.", "send", "own"),
        ("Chad plans to send troops to the border.", "send", "own"),
        ("Chad said it will send troops to the border.", "send", "own"),
        ("Mali urged Chad to send troops to the border.", "send", "request"),
        ("Mali wants Chad to send troops to the border.", "send", "request"),
        ("Chad is expected to send troops to the border.", "send", "prediction"),
        ("Chad is likely to send troops to the border.", "send", "prediction"),
    ],
)
def test_prospect(nlp: Language, text: str, word: str, whose: str) -> None:
    assert prospect(_token(nlp, text, word)) == whose


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "refusal"),
    [
        ("Serbia will not attend the summit.", "attend", True),
        ("Serbia would not provide aid.", "provide", True),
        ("Serbia can't accept the offer.", "accept", True),
        ("Serbia did not attend the summit.", "attend", False),
        ("Serbia has not signed the accord.", "signed", False),
    ],
)
def test_refusal_negation(nlp: Language, text: str, word: str, refusal: bool) -> None:
    assert refusal_negation(_token(nlp, text, word)) is refusal


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent_source"),
    [
        ("The Kenyan president is expected to meet the Ugandan leader in Kampala.", "The Kenyan president"),
        ("Germany urged Serbia to withdraw its troops from the region.", "Serbia"),
        ("Analysts said Pakistan could attack the militant camp.", "Pakistan"),
        ("If Pakistan attacks the camp, India would respond.", "Pakistan"),
        ("Did Pakistan attack the militant camp?", "Pakistan"),
    ],
)
def test_predicted_asked_and_hypothetical_acts_are_no_events(pipeline: Pipeline, text: str, absent_source: str) -> None:
    sources = [e.source.text for e in _events(pipeline, text) if e.source is not None]
    assert absent_source not in sources


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "modality"),
    [
        ("Serbia will not attend the summit in Sofia.", "12", "asserted"),  # unwillingness: a refusal
        ("Serbia did not attend the summit in Sofia.", "04", "negated"),  # it did not happen
        ("Tehran has no plans to negotiate with Washington.", "04", "negated"),  # no plan is no refusal
    ],
)
def test_negation_and_refusal(pipeline: Pipeline, text: str, root: str, modality: str) -> None:
    events = [e for e in _events(pipeline, text) if e.source is not None and e.source.text in ("Serbia", "Tehran")]
    assert events and {(e.root, e.modality) for e in events} == {(root, modality)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Officials in Kyiv said Russian troops shelled the village.", "UKR"),  # the victims' state
        ("Norway said Russian troops attacked Ukrainian villages.", "NOR"),  # a state tells of it
        ("Residents said Russian troops shelled the village.", None),  # no state, no named victim
        ("Russian officials said Russian troops shelled the village.", None),  # its own side's act
    ],
)
def test_telling_of_an_attack_accuses(pipeline: Pipeline, text: str, accuser: str | None) -> None:
    accusations = [e for e in _events(pipeline, text) if e.cameo == "112"]
    assert [e.source.country if e.source else None for e in accusations] == ([accuser] if accuser else [])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("No Kenyan troops have crossed the border.", "crossed", "negated"),
        ("Nobody attacked the convoy.", "attacked", "negated"),
        ("Ghana no longer supports the pact.", "supports", "negated"),
        ("The monitors have not been able to visit the camp.", "visit", "negated"),
        ("The monitors were unable to visit the camp.", "visit", "negated"),
        ("The monitors were able to visit the camp.", "visit", "asserted"),
        ("The vote could come next week, when the council meets the envoys.", "meets", "hypothetical"),
        ("The talks could resume soon after the envoys met in Oslo.", "met", "asserted"),
        ("Kampala dismissed the claim that its army shelled the village.", "shelled", "hypothetical"),
        ("Kampala said that its army shelled the village.", "shelled", "reported"),
        ("We would urge both sides to show restraint.", "urge", "asserted"),  # done in saying it
        ("He would urge restraint if he were asked.", "urge", "hypothetical"),
    ],
)
def test_modality_of_negative_subjects_abilities_times_and_claims(
    nlp: Language, text: str, word: str, expected: str
) -> None:
    assert modality(_token(nlp, text, word)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "whose"),
    [
        ("Analysts say Chad will send troops to the border.", "send", "prediction"),
        ("A number of observers believe Chad will send troops to the border.", "send", "prediction"),
        ("Chad says it will send troops to the border.", "send", "own"),
        ("The envoy said the courts need to free the detainees.", "free", "request"),
        ("We need to free the detainees, the minister said.", "free", "own"),
    ],
)
def test_prospect_of_commentators_and_obligations(nlp: Language, text: str, word: str, whose: str) -> None:
    assert prospect(_token(nlp, text, word)) == whose


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "whose"),
    [
        ("The spokesman said the vote would force Chad to reconsider its policy.", "reconsider", "request"),
        ("The ruling will compel Chad to release the prisoners.", "release", "request"),
        ("Chad will reconsider its policy, the spokesman said.", "reconsider", "own"),
    ],
)
def test_an_act_forced_on_the_actor_is_not_its_own(nlp: Language, text: str, word: str, whose: str) -> None:
    assert prospect(_token(nlp, text, word)) == whose


@pytest.mark.slow
def test_a_past_forced_act_is_still_coded(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The sanctions forced the Iranian government to reconsider its policy.")
    assert [e.cameo for e in events] == ["014"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a coercive act its actor says it will go on with is a refusal to yield
        ("The Chadian minister said the country would continue to block aid to Sudan.", "124"),
        ("Chad will keep detaining the Sudanese traders.", "1243"),
    ],
)
def test_going_on_with_a_coercive_act_is_a_refusal_to_yield(pipeline: Pipeline, text: str, code: str) -> None:
    events = _events(pipeline, text)
    assert code in {e.cameo for e in events}, [(e.cameo, e.modality) for e in events]
    assert all(e.modality == "asserted" for e in events if e.cameo == code)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Chad is going to block aid to Sudan.",  # a plan, not a going on
        "Chad will continue to send aid to Sudan.",  # going on with help refuses nothing
    ],
)
def test_other_futures_are_no_refusal_to_yield(pipeline: Pipeline, text: str) -> None:
    assert not any(e.root == "12" for e in _events(pipeline, text))


def test_persistence_codes() -> None:
    assert persistence_code("162") == "124" and persistence_code("1632") == "1244"
    assert persistence_code("173") == "1243" and persistence_code("190") is None and persistence_code("033") is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The senator called for Russia to withdraw its troops from Ukraine.", "withdraw"),
        ("France called for Iran to release the detained diplomats.", "release"),
        ("Germany pushed for Turkey to release the two journalists.", "release"),
    ],
)
def test_an_act_in_a_for_infinitive_is_wanted_not_done(pipeline: Pipeline, text: str, word: str) -> None:
    """ "called for X to withdraw": the call is the event, the withdrawal is not told as done."""
    events = _events(pipeline, text)
    assert events  # the call itself is coded
    assert not any(e.trigger.text == word for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "wanted"),
    [
        ("The senator called for Russia to withdraw its troops.", "withdraw", True),
        ("Ottawa pushed for the talks to be resumed.", "resumed", True),
        ("The army waited near the town and tried to attack it.", "attack", False),
        ("Russia withdrew its troops to end the crisis.", "end", False),
    ],
)
def test_for_infinitive(nlp: Language, text: str, word: str, wanted: bool) -> None:
    from eventwire.events.rules.modality import for_infinitive

    assert for_infinitive(_token(nlp, text, word)) is wanted
