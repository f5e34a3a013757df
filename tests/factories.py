"""Hand-built records for tests that don't need spaCy."""

from __future__ import annotations

import datetime as dt

from eventwire.model import (
    Actor,
    Analysis,
    Article,
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
    return Analysis(
        article=article, actors=(ken, tza, ruto), quotes=(quote,), events=(event,), places=(nairobi,)
    )
