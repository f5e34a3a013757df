"""One event per happening: an article that tells the same act several times (headline, lead, body, a
live blog's repeated summaries) yields one event, the best-told telling,
with the number of tellings and the triggers of the others.

Two tellings are one happening when their sources are the same party, their targets too, their acts
are of one kind (the same CAMEO root; all force, 18-20, is one
kind), their modality agrees (asserted and reported are one) and their dates can be the same day. A telling
of force whose victims are of no known state ("killing eight people and injuring 38 others", "a strike
on the X mosque") is the attack the same source made that day on a named state.

A headline (a paragraph of its own with no closing punctuation, as in a live blog) tells in short what
the paragraphs under it tell: its act is the one below of the same kind by the same state, whatever
the headline's tense says and whoever it names as target.

This stage runs after the dates stage, which gives each telling its date. A symmetric act keeps its two
directions ("X met Y": X meets Y and Y meets X, as CAMEO codes it); each direction is merged on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from ...model import Actor, Analysis, Event, EventSide, ResolvedDate

__all__ = ["MentionMerger", "Sections", "merge_mentions", "same_happening"]

#: roots of force: one attack is told as shelling, strikes, a killing ...
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: the root of an attack, told rather than the killing it causes
ATTACK_ROOT = "19"
#: sectors under which a state acts as a whole: its government and its armed forces are one party here
STATE_SECTORS = frozenset({"GOV", "MIL"})
#: modalities that tell an act as done
DONE = frozenset({"asserted", "reported"})
#: the last characters of a paragraph that is a sentence, not a headline
CLOSERS = frozenset('.!?:;"\u201d\u2019)')
#: the most words a headline has
HEADLINE_WORDS = 25
PARAGRAPH = re.compile(r"[^\n]+")


class Sections:
    """Where the headlines of a text are: ``section(offset)`` is the number of the headline above an
    offset (0 before the first), ``headline(offset)`` whether the offset lies in a headline."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.heads: list[tuple[int, int]] = []
        paragraphs = [m for m in PARAGRAPH.finditer(text) if m.group().strip()]
        for m in paragraphs[:-1]:  # a headline has a paragraph under it
            line = m.group().strip()
            if line[-1] not in CLOSERS and len(line.split()) <= HEADLINE_WORDS:
                self.starts.append(m.start())
                self.heads.append((m.start(), m.end()))

    def section(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def headline(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.heads[i][0] <= offset < self.heads[i][1]


def _kind(ev: Event) -> str:
    return "force" if ev.root in FORCE_ROOTS else ev.root


def _sector_fits(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or (a in STATE_SECTORS and b in STATE_SECTORS)


def _same_party(a: EventSide | None, b: EventSide | None, actors: dict[str, Actor]) -> bool:
    """Whether two sides are one party: the same actor, or the same state (country, with its
    government and forces as one); two different people are never one party."""
    if a is None or b is None:
        return a is None and b is None
    if a.actor is not None and a.actor == b.actor:
        return True
    kinds = {actors[x].kind for x in (a.actor, b.actor) if x is not None and x in actors}
    if a.actor is not None and b.actor is not None and "person" in kinds:
        return False
    if a.country is not None or b.country is not None:
        return a.country == b.country and _sector_fits(a.sector, b.sector)
    return (a.text or "").lower() == (b.text or "").lower() and a.sector == b.sector


def _days_fit(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    """Whether two tellings can be of the same day: their date ranges meet (an act the text does not
    date is dated on the day of publication)."""
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _vague(side: EventSide | None) -> bool:
    """A victim of no known state ("38 others", "civilian populations", "the Subhan mosque"): the same
    attack may name its state elsewhere."""
    return side is None or side.country is None


def same_happening(a: Event, b: Event, actors: dict[str, Actor]) -> bool:
    """Whether two events tell the same happening (see the module's docstring)."""
    if _kind(a) != _kind(b) or not _days_fit(a.date, b.date):
        return False
    if a.modality != b.modality and not (a.modality in DONE and b.modality in DONE):
        return False
    if not _same_party(a.source, b.source, actors):
        return False
    if _kind(a) == "force" and a.source is not None and (_vague(a.target) or _vague(b.target)):
        return True  # "killing eight people and injuring 38 others": the attack on the party named
    return _same_party(a.target, b.target, actors)


def _same_state(a: EventSide | None, b: EventSide | None, actors: dict[str, Actor]) -> bool:
    """Whether two sources may be one party as a headline and its paragraph name it: one party, or
    the same country, or a side whose country is not known."""
    if a is None or b is None:
        return a is None and b is None
    return _same_party(a, b, actors) or a.country is None or b.country is None or a.country == b.country


def _headed(a: Event, b: Event, actors: dict[str, Actor], where: Sections) -> bool:
    """Whether one of two tellings is a headline over the other: the same kind of act by the same
    state on days that can be one (tense and target are the headline's shorthand)."""
    at, bt = a.trigger.start, b.trigger.start
    if not (where.headline(at) or where.headline(bt)) or where.section(at) != where.section(bt):
        return False
    if _kind(a) != _kind(b) or not _days_fit(a.date, b.date):
        return False
    return _same_state(a.source, b.source, actors)


def _told(ev: Event) -> tuple[int, int, int, int, int, int, float]:
    """How well an event is told: as done, by a named actor to a named actor, as the attack rather
    than its toll (a fight, 19, over the killing it caused, 18), with the most specific code, and
    (last) the confidence."""
    named = sum(side is not None and side.actor is not None for side in (ev.source, ev.target))
    return (
        ev.modality == "asserted",
        ev.source is not None and ev.source.country is not None,
        ev.target is not None,
        named,
        ev.root == ATTACK_ROOT,
        len(ev.cameo),
        ev.confidence,
    )


def merge_mentions(
    events: tuple[Event, ...], actors: tuple[Actor, ...] = (), where: Sections | None = None
) -> tuple[Event, ...]:
    """One event per happening, in the order of each happening's first telling (negated events and
    their tellings are kept apart, one per happening too); ``where``: the headlines of the text."""
    by_id = {a.id: a for a in actors}

    def one(a: Event, b: Event) -> bool:
        return same_happening(a, b, by_id) or (where is not None and _headed(a, b, by_id, where))

    groups: list[list[Event]] = []
    for ev in events:
        home = next(
            (
                g
                for g in groups
                if (g[0].modality == "negated") == (ev.modality == "negated") and all(one(ev, other) for other in g)
            ),
            None,
        )
        if home is None:
            groups.append([ev])
        else:
            home.append(ev)
    out: list[Event] = []
    for g in groups:
        best = max(g, key=_told)
        also = tuple(e.trigger for e in g if e is not best)
        out.append(replace(best, mentions=len(g), also=also))
    return tuple(out)


class MentionMerger:
    """The stage that merges the tellings of one happening into one event with its mentions."""

    name = "mentions"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("events", "dates")
    assigns: tuple[str, ...] = ("mentions",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        merged = merge_mentions(analysis.events, analysis.actors, Sections(analysis.article.text))
        return analysis.with_(events=merged)
