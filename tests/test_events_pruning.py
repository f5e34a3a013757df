"""Which coded events of a sentence stand when one act is told more than once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from eventwire.events.rules.pruning import drop_tolls
from eventwire.model import Event, EventSide
from eventwire.pipeline import Pipeline

from .factories import event_at


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "At least 12 villagers were killed as government forces shelled rebel positions in Idlib.",
            "government forces",
            "rebel positions in Idlib",
        ),
        ("Five policemen were killed when gunmen attacked a checkpoint in Kano.", "gunmen", "a checkpoint in Kano"),
    ],
)
def test_the_attack_a_killing_results_from_is_the_event(
    pipeline: Pipeline, text: str, source: str, target: str
) -> None:
    """An agentless killing told with the attack it results from ("were killed as X shelled Y") is that attack."""
    events = pipeline.code_text(text, id="t").events
    assert [(e.source and e.source.text, e.target and e.target.text) for e in events] == [(source, target)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "talks"),
    [
        ("The Kenyan minister talked about the drought on Monday.", False),  # no partner: no consultation
        ("The Kenyan minister talked with his Ugandan counterpart on Monday.", True),
    ],
)
def test_talks_need_a_partner(pipeline: Pipeline, text: str, talks: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.cameo == "040" for e in events) is talks


def _side(text: str, start: int, country: str | None, sector: str | None) -> EventSide:
    code = (country or "") + (sector or "") or None
    end = start + len(text)
    return EventSide(actor=None, text=text, start=start, end=end, country=country, sector=sector, code=code)


def _violent(text: str, trigger: str, target: EventSide | None) -> Event:
    return replace(event_at(text, trigger), id="", source=_side("Sudanese troops", 0, "SDN", "MIL"), target=target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "toll_country", "dropped"),
    [
        # the wounded of an attack are its toll, not a second attack
        ("Sudanese troops killed 12 Chadian villagers and wounded 30 others.", None, True),
        ("Sudanese troops killed 12 Chadian villagers and injured 30 Chadian farmers.", "TCD", True),
        # harm to an actor of another country is an act of its own
        ("Sudanese troops killed 12 Chadian villagers and wounded two Libyan soldiers.", "LBY", False),
    ],
)
def test_the_toll_of_an_attack_is_no_second_attack(
    nlp: Language, text: str, toll_country: str | None, dropped: bool
) -> None:
    sent = next(iter(nlp(text).sents))
    victims = _side("12 Chadian villagers", 23, "TCD", "CVL")
    toll_word = "wounded" if "wounded" in text else "injured"
    toll = _violent(text, toll_word, _side("30 others", 48, toll_country, None))
    kept = drop_tolls([_violent(text, "killed", victims), toll], sent)
    assert len(kept) == (1 if dropped else 2)
    assert kept[0].trigger.text == "killed"
