"""The assess stage: document-level features of an event, the weights file, the fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.assess import FEATURES, DocumentAssessor, event_features, load_weights
from eventwire.assess.features import SentenceOrder, logit
from eventwire.assess.weights import AssessWeights, fit_weights
from eventwire.errors import ConfigError
from eventwire.model import Actor, Analysis, Article, Event, EventSide, Quote, ResolvedDate, Span, Speaker

TEXT = (
    "BAGHDAD —\n\n"
    "Iraq asked the United States on Friday to send a delegation to plan a withdrawal.\n\n"
    "The prime minister spoke with the secretary of state on Thursday night, his office said.\n\n"
    '"We will not leave," a spokesman said. Iraq had invaded Kuwait in 1990, long before.'
)
PUBLISHED = dt.date(2020, 1, 10)


def _span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), text)


def _side(actor: str | None, country: str | None, sector: str | None) -> EventSide:
    return EventSide(actor, "x", 0, 1, country, sector, None)


def _event(
    trigger: str,
    *,
    src: EventSide | None,
    tgt: EventSide | None,
    date: ResolvedDate | None = None,
    modality: str = "asserted",
    root: str = "02",
) -> Event:
    t = _span(trigger)
    return Event(
        id="E1",
        source=src,
        target=tgt,
        cameo=root + "0",
        root=root,
        quad=1,
        penta=1,
        goldstein=1.0,
        plover=None,
        modality=modality,
        confidence=0.6,
        evidence=t,
        trigger=t,
        pattern="p",
        date=date,  # type: ignore[arg-type]
    )


def _analysis(*events: Event) -> Analysis:
    quote = Quote(_span('"We will not leave,"'), "direct", Speaker(None, "a spokesman", None, None), None)
    actors = (Actor("A1", "Iraq", "IRQ", "GOV", "IRQGOV", "country", ()),)
    return Analysis(article=Article("a", TEXT, published=PUBLISHED), actors=actors, quotes=(quote,), events=events)


@pytest.fixture(scope="module")
def order(nlp: Language) -> SentenceOrder:
    return SentenceOrder(nlp(TEXT))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("trigger", "feature", "expected"),
    [
        ("asked", "lead", 1.0),
        ("invaded", "lead", 0.0),
        ("invaded", "position", 1.0),
        ("leave", "in_quote", 1.0),
        ("asked", "in_quote", 0.0),
        ("invaded", "background", 1.0),
        ("asked", "subordinate", 0.0),
    ],
)
def test_position_features(order: SentenceOrder, trigger: str, feature: str, expected: float) -> None:
    date = ResolvedDate(dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year") if trigger == "invaded" else None
    ev = _event(trigger, src=_side("A1", "IRQ", "GOV"), tgt=None, date=date)
    assert event_features(ev, _analysis(ev), order, 0.6)[feature] == expected


def test_side_features_need_a_resolved_actor_with_a_code() -> None:
    coded = _event("asked", src=_side("A1", "IRQ", "GOV"), tgt=_side(None, "USA", None))
    f = event_features(coded, _analysis(coded), SentenceOrder(None), 0.6)
    assert (f["src_actor"], f["tgt_actor"], f["tgt_country"], f["no_target"]) == (1.0, 0.0, 1.0, 0.0)
    same = _event("asked", src=_side("A1", "IRQ", "GOV"), tgt=_side("A1", "IRQ", "GOV"))
    assert event_features(same, _analysis(same), SentenceOrder(None), 0.6)["same_actor"] == 1.0


@pytest.mark.parametrize(
    ("src", "tgt", "blanks"),
    [
        (_side(None, None, None), _side(None, None, None), (1.0, 1.0)),  # "voters" rejected "the chamber"
        (_side(None, None, "GOV"), _side(None, "USA", None), (0.0, 0.0)),  # "officials", "the US"
        (_side("A1", None, None), None, (0.0, 0.0)),  # an actor of no code; no target is not blank
    ],
)
def test_blank_sides_name_nothing_codable(src: EventSide, tgt: EventSide | None, blanks: tuple[float, float]) -> None:
    ev = _event("asked", src=src, tgt=tgt)
    f = event_features(ev, _analysis(ev), SentenceOrder(None), 0.6)
    assert (f["src_blank"], f["tgt_blank"]) == blanks


def test_a_publication_day_date_is_not_explicit_nor_background() -> None:
    ev = _event("asked", src=None, tgt=None, date=ResolvedDate(PUBLISHED, PUBLISHED, "published"))
    f = event_features(ev, _analysis(ev), SentenceOrder(None), 0.6)
    assert (f["explicit_date"], f["background"]) == (0.0, 0.0)


def test_every_feature_is_named() -> None:
    ev = _event("asked", src=None, tgt=None)
    assert set(event_features(ev, _analysis(ev), SentenceOrder(None), 0.5)) == set(FEATURES)


def test_stage_keeps_the_sentence_confidence_and_is_idempotent() -> None:
    weights = AssessWeights(
        bias=0.0, weights=(("sentence", 1.0), ("src_actor", 1.0)), l2=1.0, min_confidence=0.0, min_sentences=0
    )
    stage = DocumentAssessor(weights)
    ev = _event("asked", src=_side("A1", "IRQ", "GOV"), tgt=None)
    once = stage(None, _analysis(ev))  # type: ignore[arg-type]
    twice = stage(None, once)  # type: ignore[arg-type]
    basis = dict(once.events[0].basis)
    assert basis["sentence_confidence"] == 0.6 and basis["src_actor"] == 1.0
    assert once.events[0].confidence == twice.events[0].confidence > 0.6


def test_a_text_of_a_sentence_or_two_keeps_its_sentence_confidence_and_is_never_hidden() -> None:
    weights = AssessWeights(bias=-5.0, weights=(("sentence", 1.0),), l2=1.0, min_confidence=0.9, min_sentences=3)
    ev = _event("asked", src=_side("A1", "IRQ", "GOV"), tgt=None)
    short = DocumentAssessor(weights)(None, _analysis(ev))  # type: ignore[arg-type]
    assert short.events[0].confidence == 0.6 and not short.events[0].document_assessed
    assert short.at_least(weights.min_confidence).events == short.events
    judged = DocumentAssessor(replace(weights, min_sentences=0))(None, _analysis(ev))  # type: ignore[arg-type]
    assert judged.events[0].document_assessed and judged.events[0].confidence < 0.6
    assert judged.at_least(weights.min_confidence).events == () and judged.at_least(0.0).events == judged.events


def test_the_shipped_weights_load() -> None:
    w = load_weights()
    assert 0.0 <= w.min_confidence <= 1.0
    assert {name for name, _ in w.weights} == set(FEATURES)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("l2: 1\nmin_confidence: 0.5\nweights: {bias: 0, loudness: 1}\n", "unknown features"),
        ("l2: 1\nmin_confidence: 2\nweights: {bias: 0}\n", "not a weights file"),
        ("l2: 1\nweights: {bias: 0}\nextra: 1\n", "not a weights file"),
    ],
)
def test_a_bad_weights_file_names_the_file_and_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_weights(path)


def test_fit_learns_that_an_actor_source_is_right_more_often() -> None:
    rows = [({"src_actor": 1.0, "sentence": logit(0.6)}, i % 4 != 0) for i in range(40)]
    rows += [({"src_actor": 0.0, "sentence": logit(0.6)}, i % 4 == 0) for i in range(40)]
    w = fit_weights(rows, l2=1.0)
    assert (
        w.score({"src_actor": 1.0, "sentence": logit(0.6)}) > 0.6 > w.score({"src_actor": 0.0, "sentence": logit(0.6)})
    )


def test_fit_needs_both_outcomes() -> None:
    with pytest.raises(ConfigError):
        fit_weights([({"src_actor": 1.0}, True)] * 3, l2=1.0)
