"""The records every stage passes on.

All records are frozen dataclasses. Character offsets (``start``/``end``) always point into
``Article.text`` (the cleaned text), which is also the text given to spaCy, so ``token.idx``
and ``span.start_char`` are directly usable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import Literal

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Claim",
    "DatePrecision",
    "Event",
    "EventSide",
    "Modality",
    "Place",
    "Quote",
    "QuoteKind",
    "ResolvedDate",
    "Span",
    "Speaker",
    "StageFailure",
    "article_key",
    "event_key",
    "text_digest",
]

Modality = Literal["asserted", "negated", "hypothetical", "future", "reported"]
QuoteKind = Literal["direct", "indirect", "mixed", "partial"]
DatePrecision = Literal["day", "week", "month", "year", "range", "published"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One input document after ingest. ``text`` is the cleaned main text."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    #: Lines removed by cleaning (boilerplate), kept for transparency.
    removed: tuple[str, ...] = ()
    #: Set when ingest itself failed; the text is then empty.
    error: StageFailure | None = None
    #: The id of an earlier article with the same normalised text (then it is not coded again).
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StageFailure:
    """What went wrong with one article: the stage that failed and why."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A political actor of one article, with every mention of it.

    ``code`` is a CAMEO-style code: country + sector (``IRQGOV``, ``USAMIL``), an IGO or group
    code (``IGOUNO``, ``IMGISI``), or ``None`` when nothing is known.
    """

    id: str
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: Literal["person", "organization", "country", "group", "other"]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    actor: str | None
    text: str | None
    start: int | None
    end: int | None
    #: "actor" (a resolved actor), "document" ("a leaked letter said"), "anonymous" ("officials said"),
    #: or "unknown".
    kind: Literal["actor", "document", "anonymous", "unknown"] = "actor"


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    kind: QuoteKind
    speaker: Speaker
    cue: Span | None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text resolved against the gazetteer."""

    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    #: "country", "admin1", "city", "region", "building" ...
    feature: str
    geonameid: int | None = None
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression (or the published date) resolved to a day range."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class EventSide:
    """The source or the target of an event."""

    actor: str | None
    text: str | None
    start: int | None
    end: int | None
    country: str | None
    sector: str | None
    code: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    source: EventSide | None
    target: EventSide | None
    cameo: str
    root: str
    quad: int
    penta: int
    goldstein: float
    plover: str | None
    modality: Modality
    confidence: float
    evidence: Span
    trigger: Span
    #: The id of the lexicon pattern that coded this event (for explanations).
    pattern: str
    date: ResolvedDate | None = None
    location: Place | None = None
    #: How many times the article tells this happening (the kept telling included); ``also`` holds the
    #: triggers of the other tellings (same dyad, same kind of act, compatible date).
    mentions: int = 1
    also: tuple[Span, ...] = ()
    #: What the confidence rests on: (feature, value) pairs set by the assess stage.
    basis: tuple[tuple[str, float], ...] = ()
    #: Which coder produced it: "lexicon" (the pattern lexicon of the events stage); a learned coder in a
    #: stage of its own names itself, so a later stage can tell them apart and arbitrate.
    coder: str = "lexicon"

    @property
    def document_assessed(self) -> bool:
        """Whether the confidence is the document-level one (the assess stage judged it in a document)."""
        return any(name == "sentence_confidence" for name, _ in self.basis)


@dataclass(frozen=True, slots=True)
class Claim:
    """One actor's stance on a proposition ("U.S. troops will leave Iraq"), with its evidence."""

    #: A normalised key shared by every statement about the same proposition, e.g. "withdraw:USA:IRQ".
    key: str
    #: The proposition in words.
    proposition: str
    stance: Literal["for", "against"]
    actor: str | None
    holder: str
    evidence: Span
    cue: Span


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article and everything the stages found in it so far."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[ResolvedDate, ...] = ()
    claims: tuple[Claim, ...] = ()
    error: StageFailure | None = None
    #: Free-form per-stage notes kept for ``eventwire explain`` (stage -> lines).
    notes: tuple[tuple[str, str], ...] = field(default=())
    #: How many events an output hid because their confidence was below its threshold.
    hidden_events: int = 0

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention inside [start, end); the longest such mention wins."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            for m in actor.mentions:
                if start <= m.start and m.end <= end:
                    length = m.end - m.start
                    if best is None or length > best[0]:
                        best = (length, actor)
        return best[1] if best else None

    def at_least(self, min_confidence: float) -> Analysis:
        """The analysis as an output shows it: events below ``min_confidence`` hidden (and counted). The
        threshold is a document-level one: an event whose confidence is not (a text of a sentence or two,
        a pipeline without the assess stage) is never hidden by it."""
        shown = tuple(e for e in self.events if e.confidence >= min_confidence or not e.document_assessed)
        return replace(self, events=shown, hidden_events=self.hidden_events + len(self.events) - len(shown))

    def phrase_actor(self, start: int, end: int, head_start: int, head_end: int) -> Actor | None:
        """The actor a phrase [start, end) with its head word at [head_start, head_end) names: the one whose
        mention holds the head ("Jane Roe, a lawyer for the Union" is Jane Roe, not the union), else the
        mention inside the phrase nearest before the head ("the party's Likud faction": Likud), else the
        longest mention inside it."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            for m in actor.mentions:
                if m.start <= head_start and head_end <= m.end and m.overlaps(start, end):
                    return actor
                if start <= m.start and m.end <= head_start and (best is None or m.end > best[0]):
                    best = (m.end, actor)
        return best[1] if best else self.actor_at(start, end)

    def with_(self, **changes: object) -> Analysis:
        return replace(self, **changes)  # type: ignore[arg-type]


def text_digest(text: str) -> str:
    """The one digest of an article's text: casefolded, every run of whitespace one space, SHA-256 (32 hex
    digits). Exact duplicates share it (ingest), the store keys articles by it, stdin texts are named by it."""
    normal = " ".join(text.casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def article_key(article: Article) -> str:
    """The key of an article in a store and in GDELT ids: its text's digest (``text_digest``); of its id when
    the text is empty (an ingest failure), so two failed articles never share it."""
    if article.text.strip():
        return text_digest(article.text)
    return hashlib.sha256(f"\x00id:{article.id}".encode()).hexdigest()[:32]


def event_key(article_key: str, event_id: str) -> int:
    """The number of an event told once (its GDELT GLOBALEVENTID): the store's merged event whose first mention
    it is has the same id."""
    digest = hashlib.blake2b(f"{article_key}\x00{event_id}".encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")
