"""One event per happening: the tellings of one act in an article merge into one event, which counts
them; different acts, parties, days and people stay apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from eventwire.events.mentions.mentions import Sections, merge_mentions, same_happening
from eventwire.model import Actor, Event, EventSide, ResolvedDate, Span
from eventwire.pipeline import Pipeline

DAY = dt.date(2024, 3, 8)
KEN = EventSide("A1", "Kenya", 0, 5, "KEN", "GOV", "KENGOV")
TZA = EventSide("A2", "Tanzania", 10, 18, "TZA", None, "TZA")
KEN_ARMY = EventSide("A4", "the Kenyan army", 30, 45, "KEN", "MIL", "KENMIL")
RUTO = EventSide("A3", "Ruto", 50, 54, "KEN", "GOV", "KENGOV")
ODINGA = EventSide("A5", "Odinga", 60, 66, "KEN", "GOV", "KENGOV")
ACTORS = {
    "A1": Actor("A1", "Kenya", "KEN", None, "KEN", "country", ()),
    "A2": Actor("A2", "Tanzania", "TZA", None, "TZA", "country", ()),
    "A3": Actor("A3", "William Ruto", "KEN", "GOV", "KENGOV", "person", ()),
    "A4": Actor("A4", "Kenyan army", "KEN", "MIL", "KENMIL", "group", ()),
    "A5": Actor("A5", "Raila Odinga", "KEN", "GOV", "KENGOV", "person", ()),
}


def _event(
    cameo: str,
    source: EventSide | None,
    target: EventSide | None,
    at: int,
    day: dt.date = DAY,
    modality: str = "asserted",
) -> Event:
    return Event(
        id=f"E{at}",
        source=source,
        target=target,
        cameo=cameo,
        root=cameo[:2],
        quad=4,
        penta=4,
        goldstein=-10.0,
        plover=None,
        modality=modality,  # type: ignore[arg-type]
        confidence=0.5,
        evidence=Span(at, at + 10, "x" * 10),
        trigger=Span(at, at + 3, "hit"),
        pattern="p",
        date=ResolvedDate(day, day, "day"),
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (_event("190", KEN, TZA, 0), _event("195", KEN, TZA, 100), True),  # one attack, two codes
        (_event("190", KEN, TZA, 0), _event("1823", KEN_ARMY, TZA, 100), True),  # the state and its army
        (_event("190", KEN, TZA, 0), _event("190", TZA, KEN, 100), False),  # the other way round
        (_event("040", KEN, TZA, 0), _event("040", TZA, KEN, 100), False),  # a meeting's two directions stay
        (_event("190", KEN, TZA, 0), _event("111", KEN, TZA, 100), False),  # another kind of act
        (_event("190", KEN, TZA, 0), _event("190", KEN, TZA, 100, day=dt.date(2023, 1, 2)), False),
        (_event("111", RUTO, TZA, 0), _event("111", ODINGA, TZA, 100), False),  # two people
        (_event("190", KEN, TZA, 0), _event("190", KEN, TZA, 100, modality="future"), False),
        (_event("190", KEN, TZA, 0), _event("190", KEN, TZA, 100, modality="reported"), True),
        (_event("190", None, TZA, 0), _event("190", KEN, TZA, 100), False),  # unknown against named
    ],
)
def test_same_happening(a: Event, b: Event, same: bool) -> None:
    assert same_happening(a, b, ACTORS) is same


def test_the_best_told_telling_stands_and_counts_the_others() -> None:
    toll = _event("1823", KEN_ARMY, TZA, 0)
    attack = replace(_event("195", KEN, TZA, 100), trigger=Span(100, 107, "bombed"))
    other = _event("111", KEN, TZA, 200)
    merged = merge_mentions((toll, attack, other), tuple(ACTORS.values()))
    assert [(e.cameo, e.mentions) for e in merged] == [("195", 2), ("111", 1)]
    assert merged[0].also == (toll.trigger,)


def test_negated_tellings_stay_apart() -> None:
    done, denied = _event("190", KEN, TZA, 0), _event("190", KEN, TZA, 100, modality="negated")
    assert len(merge_mentions((done, denied), tuple(ACTORS.values()))) == 2


@pytest.mark.slow
def test_an_article_telling_one_attack_three_times_gives_one_event(pipeline: Pipeline) -> None:
    text = (
        "Kenyan troops shelled Somali border posts on Monday. "
        "The Kenyan army said on Monday that it had shelled the Somali posts. "
        "Kenya's shelling of the Somali posts was condemned by Somalia on Tuesday."
    )
    events = pipeline.code_text(text, id="t", published=dt.date(2024, 3, 12)).events
    attacks = [e for e in events if e.root in ("18", "19", "20") and e.source and e.source.country == "KEN"]
    assert len(attacks) == 1 and attacks[0].mentions >= 2


OTHERS = EventSide(None, "38 others", 70, 79, None, None, None)
MOSQUE = EventSide("A9", "the river mosque", 80, 96, None, "REL", "REL")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (_event("190", KEN, TZA, 0), _event("190", KEN, OTHERS, 100), True),  # the victims name no party
        (_event("190", KEN, TZA, 0), _event("190", KEN, None, 100), True),
        (_event("190", KEN, TZA, 0), _event("190", KEN, MOSQUE, 100), True),  # a victim of no known state
        (_event("190", KEN, TZA, 0), _event("190", KEN, KEN_ARMY, 100), False),  # another state's victims
        (_event("190", KEN, OTHERS, 0), _event("190", TZA, OTHERS, 100), False),  # another attacker
        (_event("111", KEN, TZA, 0), _event("111", KEN, OTHERS, 100), False),  # only force is merged so
    ],
)
def test_an_attack_on_unnamed_victims_is_the_attack_on_the_named_party(a: Event, b: Event, same: bool) -> None:
    assert same_happening(a, b, ACTORS) is same


HEADED = (
    "Kenya shells Somali posts\n\n"  # a headline: 0-25
    "Kenyan troops will shell the posts again on Monday, officials said.\n\n"  # 27-94
    "Tanzania condemns the shelling\n\n"  # 96-126
    "Kenya shelled other posts on Friday.\n"  # 128-
)


def test_sections_find_headlines() -> None:
    where = Sections(HEADED)
    assert where.headline(3) and not where.headline(40) and where.headline(100) and not where.headline(130)
    assert where.section(3) == where.section(40) != where.section(130)


def test_a_headline_is_the_act_told_below_it() -> None:
    head = _event("195", KEN, TZA, 6)
    body = _event("195", KEN_ARMY, None, 40, modality="future")
    later = _event("195", KEN, TZA, 135, day=dt.date(2024, 3, 5))
    events = (head, body, later)
    merged = merge_mentions(events, tuple(ACTORS.values()), Sections(HEADED))
    assert [e.mentions for e in merged] == [2, 1]
    assert len(merge_mentions(events, tuple(ACTORS.values()))) == 3  # without the headlines: three acts
