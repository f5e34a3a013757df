"""The ``PlaceResolver`` stage: toponyms -> ``Place`` records; each event gets the place of its clause."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..model import Analysis, Place, Span
from .attach import event_location
from .gazetteer import Additions, Entry, Gazetteer, ascii_name, name_key
from .recognise import Mention, find_dateline, find_mentions
from .resolve import resolve_mentions

if TYPE_CHECKING:
    from ..knowledge import Knowledge

__all__ = ["PlaceResolver", "find_places"]


def _place(m: Mention, entry: Entry | None) -> Place:
    span = Span(m.start, m.end, m.text)
    if entry is None:
        return Place(span=span, name=m.text, country=None, lat=None, lon=None, feature="unresolved")
    feature = "demonym" if m.source == "demonym" else entry.feature
    return Place(
        span=span,
        name=_display_name(m, entry),
        country=entry.country,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        feature=feature,
        geonameid=entry.geonameid,
        admin1=entry.admin1,
    )


def _display_name(m: Mention, entry: Entry) -> str:
    """The gazetteer's name in plain letters; for a town found under another of its names ("Jiddah",
    "Deir El-Zor"), the name as the text spells it, which is how the source refers to it."""
    if entry.feature in ("city", "capital") and name_key(entry.name) != m.key and m.source != "dateline":
        return ascii_name(m.text)
    return ascii_name(entry.name)


def _dateline_entry(text: str, gaz: Gazetteer) -> Entry | None:
    name = find_dateline(text)
    if not name:
        return None
    entries = gaz.lookup(name)
    return max(entries, key=lambda e: e.population) if entries else None


def find_places(doc: Doc, analysis: Analysis, gaz: Gazetteer) -> tuple[Place, ...]:
    """The resolved toponyms of a document, in text order."""
    mentions = find_mentions(doc, gaz)
    countries = {a.country for a in analysis.actors if a.country}
    text = analysis.article.text  # the text spaCy parsed (doc.text is rebuilt on every access)
    dateline = _dateline_entry(text, gaz)
    chosen = resolve_mentions(mentions, text, countries, dateline)
    return tuple(_place(m, e) for m, e in zip(mentions, chosen, strict=True) if e is not None or m.source == "entity")


def _note(p: Place) -> str:
    where = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "no coordinates"
    return f"{p.span.text!r} -> {p.name} ({p.country or '-'}, {p.feature}, {where})"


class PlaceResolver:
    """Recognises and resolves toponyms, then sets each event's ``location``."""

    name = "places"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc", "actors", "events")
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, places: Additions | None = None) -> None:
        #: the places a user's knowledge adds to the gazetteer (none: the package's gazetteer)
        self.places = places if places is not None else Additions()

    def with_knowledge(self, knowledge: Knowledge) -> PlaceResolver:
        """This stage reading the gazetteer with ``knowledge``'s places."""
        return PlaceResolver(knowledge.places)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        places = find_places(doc, analysis, self.places.gazetteer())
        events = tuple(replace(e, location=event_location(doc, e, places)) for e in analysis.events)
        notes = tuple((self.name, _note(p)) for p in places if p.feature != "demonym")
        return analysis.with_(places=places, events=events, notes=analysis.notes + notes)
