"""Event-location attachment (eventwire.places.attach): which place in a sentence is the event's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventwire.model import Analysis, Article
from eventwire.places import PlaceResolver
from eventwire.places.attach import (
    area_verbs,
    group_words,
    location_verbs,
    motion_verbs,
    not_place_names,
    place_nouns,
    scene_verbs,
    speech_verbs,
    territory_verbs,
)

from .factories import event_at


def _located(nlp: Language, text: str, trigger: str) -> str | None:
    analysis = Analysis(article=Article(id="t", text=text), events=(event_at(text, trigger),))
    got = PlaceResolver()(nlp(text), analysis).events[0].location
    return got.span.text if got else None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "location"),
    [
        # a purpose or means clause of the trigger names the place
        ("The army launched an offensive to recapture the town of Qaryatain on Monday.", "launched", "Qaryatain"),
        ("Rebels began the assault by storming the village of Kfar Nabl at dawn.", "began", "Kfar Nabl"),
        # a phrase on a participle describing the target
        ("A roadside bomb struck a truck carrying pilgrims in the town of Balad, killing nine.", "struck", "Balad"),
        # a fronted place on the reporting verb that governs the event
        ("In the northern town of Jenin, medics said troops shot a teenager.", "shot", "Jenin"),
        # a proper name taken or entered is a place whatever its entity label
        ("Militants stormed Tal Rifaat before dawn.", "stormed", "Tal Rifaat"),
        # the named object beats the wider place it lies in
        ("Gunmen attacked Dogo village in Jos South district, killing twelve people.", "attacked", "Dogo"),
        # a town naming the target noun
        ("Police patrolled the Kisumu bus station after the riot.", "patrolled", "Kisumu"),
        # the place a relative clause hangs on, the narrower one first
        (
            "Dozens were killed in the Khan Yunis district of Gaza, where an airstrike destroyed a school.",
            "destroyed",
            "Khan Yunis",
        ),
        # the scene of a violent deed even where the parse ties it to a participant
        ("Twelve people were killed and others injured by gunmen at Garbatulla market.", "killed", "Garbatulla"),
        # "the town of X" is X itself, the region after it is wider
        (
            "Soldiers killed two men in the village of Remolinos, in the northern region of Magdalena.",
            "killed",
            "Remolinos",
        ),
    ],
)
def test_event_location_found(nlp: Language, text: str, trigger: str, location: str) -> None:
    assert _located(nlp, text, trigger) == location


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a deed spoken of is not where the speaking happened
        ("The minister condemned the bombing carried out in Peshawar.", "condemned"),
        ("The ministry said the attack on the convoy in Kandahar was planned abroad.", "said"),
        # another deed's place
        ("A 30-year-old man was arrested for allegedly stabbing his neighbour in Thane.", "arrested"),
        # a trait of a participant
        ("A teenager who had marched in Nairobi was shot by police.", "shot"),
        ("The minister, who lives in Paris, condemned the attack.", "condemned"),
        # groups and nationalities are not places
        ("The 9th Artillery Brigade shelled the hills overnight.", "shelled"),
        ("U.S. airstrikes killed eleven fighters on Sunday.", "killed"),
        ("Islamic State fighters were killed in the battle.", "killed"),
        # nothing says where
        ("Israel has annexed the plateau.", "annexed"),
    ],
)
def test_event_location_none(nlp: Language, text: str, trigger: str) -> None:
    assert _located(nlp, text, trigger) is None


@pytest.mark.parametrize(
    ("getter", "must"),
    [
        (territory_verbs, {"capture", "enter", "storm"}),
        (area_verbs, {"enter", "storm"}),
        (speech_verbs, {"say", "condemn", "accuse"}),
        (scene_verbs, {"kill", "shoot", "protest"}),
        (not_place_names, {"islamic state", "isis"}),
        (group_words, {"brigade", "army", "tribe"}),
    ],
)
def test_attach_knowledge(getter: Callable[[], frozenset[str]], must: set[str]) -> None:
    words = getter()
    assert must <= words
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)


def test_attach_knowledge_is_consistent() -> None:
    # verbs that never take a person are territory verbs; speech is never a scene or a territory
    assert area_verbs() <= territory_verbs()
    assert not speech_verbs() & (scene_verbs() | territory_verbs() | location_verbs() | motion_verbs())
    # a generic place word is never read as the head of a group's name
    assert not group_words() & place_nouns()
