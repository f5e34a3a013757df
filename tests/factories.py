"""Hand-built records for tests that don't need spaCy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventwire.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    EventSide,
    Place,
    Quote,
    ResolvedDate,
    Span,
    Speaker,
)

TEXT = 'Kenya accused Tanzania of closing the border. "We want trade," Ruto said in Nairobi.'


def span_of(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part), part)


def sample_analysis(article_id: str = "a1", text: str = TEXT) -> Analysis:
    article = Article(
        id=article_id,
        text=text,
        url="http://example.org/a1",
        title="Border row",
        published=dt.date(2024, 3, 8),
        source="Example Wire",
    )
    ken = Actor("A1", "Kenya", "KEN", None, "KEN", "country", (span_of(text, "Kenya"),))
    tza = Actor("A2", "Tanzania", "TZA", None, "TZA", "country", (span_of(text, "Tanzania"),))
    ruto = Actor("A3", "William Ruto", "KEN", "GOV", "KENGOV", "person", (span_of(text, "Ruto"),))
    nairobi = Place(span_of(text, "Nairobi"), "Nairobi", "KEN", -1.2833, 36.8167, "city", 184745)
    sentence = span_of(text, "Kenya accused Tanzania of closing the border.")
    event = Event(
        id="E1",
        source=EventSide("A1", "Kenya", 0, 5, "KEN", None, "KEN"),
        target=EventSide("A2", "Tanzania", 14, 22, "TZA", None, "TZA"),
        cameo="112",
        root="11",
        quad=3,
        penta=3,
        goldstein=-2.0,
        plover="ACCUSE",
        modality="asserted",
        confidence=0.8,
        evidence=sentence,
        trigger=span_of(text, "accused"),
        pattern="accuse.v.1",
        date=ResolvedDate(dt.date(2024, 3, 8), dt.date(2024, 3, 8), "published"),
        location=nairobi,
    )
    quote = Quote(
        span_of(text, "We want trade,"),
        "direct",
        Speaker("A3", "Ruto", text.index("Ruto"), text.index("Ruto") + 4),
        span_of(text, "said"),
    )
    return Analysis(article=article, actors=(ken, tza, ruto), quotes=(quote,), events=(event,), places=(nairobi,))


def _claim(text: str, part: str, cue: str, stance: str, holder: str, actor: str | None) -> Claim:
    return Claim(
        "withdraw:USA:IRQ",
        "United States troops will leave Iraq",
        stance,  # type: ignore[arg-type]
        actor,
        holder,
        span_of(text, part),
        span_of(text, cue),
    )


WIRE = (
    'Kenya accused Tanzania of closing the border. "We want trade," Ruto said in Nairobi on Friday after a '
    "week of talks between the two governments failed to settle a dispute over trucking permits and border "
    "fees. Traders on both sides said hundreds of lorries were stuck at the crossings and that fresh produce "
    "was rotting in the sun while officials argued about paperwork. A regional trade body offered to mediate "
    "and said it would send a team to the border towns next week to meet drivers and customs officers."
)


def merge_corpus() -> list[Analysis]:
    """Four articles: the same accusation reported by two outlets, a near-duplicate wire copy of the first,
    and an unrelated article with a disputed claim."""
    first = sample_analysis("wire-1", WIRE)
    first = first.with_(article=replace(first.article, source="Wire One"))
    copy_text = WIRE.replace("next week", "soon") + " This story was republished."
    copy = sample_analysis("copy-1", copy_text)
    copy = copy.with_(article=replace(copy.article, source="Copy Desk", url="http://example.org/copy"))
    second_text = (
        'Kenya accused Tanzania of closing the border. "We want trade," Ruto said in Nairobi, a minister added.'
    )
    second = sample_analysis("other-2", second_text)
    second = second.with_(article=replace(second.article, source="Other Paper", url="http://example.org/o2"))
    claim_text = "Parliament voted to end the presence. Pompeo said the troops would remain."
    claims = (
        _claim(claim_text, "Parliament voted to end the presence.", "end", "for", "Iraqi Parliament", None),
        _claim(claim_text, "Pompeo said the troops would remain.", "remain", "against", "Mike Pompeo", None),
    )
    disputed = Analysis(
        article=Article("claims-3", claim_text, published=dt.date(2020, 1, 10), source="NBC"), claims=claims
    )
    return [first, copy, second, disputed]


def event_at(text: str, trigger: str) -> Event:
    """A bare one-sentence event whose trigger is the first occurrence of ``trigger`` in ``text``."""
    i = text.index(trigger)
    return Event(
        id="E1",
        source=None,
        target=None,
        cameo="190",
        root="19",
        quad=4,
        penta=4,
        goldstein=-10.0,
        plover=None,
        modality="asserted",
        confidence=0.5,
        evidence=Span(0, len(text), text),
        trigger=Span(i, i + len(trigger), trigger),
        pattern="test",
    )
