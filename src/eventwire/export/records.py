"""Analysis -> the JSON record of the output contract (``eventwire code`` JSONL)."""

from __future__ import annotations

from typing import Any

from ..model import Analysis, Article, Event, EventSide, Place, Quote, Span

__all__ = ["article_record", "coded_record", "event_record", "span_record"]

JSON = dict[str, Any]


def span_record(span: Span | None) -> JSON | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def article_record(article: Article) -> JSON:
    """The record of ``eventwire extract``."""
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "text": article.text,
        "duplicate_of": article.duplicate_of,
        "error": {"stage": article.error.stage, "message": article.error.message} if article.error else None,
    }


def _side(side: EventSide | None) -> JSON | None:
    if side is None:
        return None
    return {
        "actor": side.actor,
        "text": side.text,
        "start": side.start,
        "end": side.end,
        "country": side.country,
        "sector": side.sector,
        "code": side.code,
    }


def _place(place: Place | None, with_span: bool) -> JSON | None:
    if place is None:
        return None
    rec: JSON = {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "geonameid": place.geonameid,
    }
    if with_span:
        rec = {"start": place.span.start, "end": place.span.end, "text": place.span.text, **rec}
    return rec


def _quote(quote: Quote) -> JSON:
    sp = quote.speaker
    return {
        **(span_record(quote.span) or {}),
        "kind": quote.kind,
        "speaker": {"actor": sp.actor, "text": sp.text, "start": sp.start, "end": sp.end, "kind": sp.kind},
        "cue": span_record(quote.cue),
    }


def event_record(event: Event) -> JSON:
    date = event.date
    return {
        "id": event.id,
        "source": _side(event.source),
        "target": _side(event.target),
        "cameo": event.cameo,
        "root": event.root,
        "quad": event.quad,
        "penta": event.penta,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "date": date.start.isoformat() if date else None,
        "date_end": date.end.isoformat() if date else None,
        "date_precision": date.precision if date else None,
        "location": _place(event.location, with_span=False),
        "modality": event.modality,
        "confidence": round(event.confidence, 4),
        "basis": {name: round(value, 4) for name, value in event.basis},
        "pattern": event.pattern,
        "coder": event.coder,
        "evidence": {**(span_record(event.evidence) or {}), "trigger": span_record(event.trigger)},
        "mentions": event.mentions,
        "also": [span_record(s) for s in event.also],
    }


def coded_record(analysis: Analysis) -> JSON:
    """The record of ``eventwire code``: every field of shared/CONTRACT.md, and a few more."""
    rec = article_record(analysis.article)
    if analysis.error is not None:
        rec["error"] = {"stage": analysis.error.stage, "message": analysis.error.message}
    rec["actors"] = [
        {
            "id": a.id,
            "name": a.name,
            "country": a.country,
            "sector": a.sector,
            "code": a.code,
            "kind": a.kind,
            "mentions": [span_record(m) for m in a.mentions],
        }
        for a in analysis.actors
    ]
    rec["quotes"] = [_quote(q) for q in analysis.quotes]
    rec["events"] = [event_record(e) for e in analysis.events]
    rec["events_hidden"] = analysis.hidden_events
    rec["places"] = [_place(p, with_span=True) for p in analysis.places]
    rec["claims"] = [
        {
            "key": c.key,
            "proposition": c.proposition,
            "stance": c.stance,
            "actor": c.actor,
            "holder": c.holder,
            "evidence": span_record(c.evidence),
            "cue": span_record(c.cue),
        }
        for c in analysis.claims
    ]
    return rec
