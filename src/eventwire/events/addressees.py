"""Whom an act is addressed to when its sentence names no target (``data/addressees.yaml``).

- A state's appeal for calm, its promise to ease restrictions, its lifting or imposing of a curfew or
  martial law addresses its own population: with no target named and no foreign country named in the
  sentence, the target is the source's own country ("the governor called for calm").
- A threat to respond or retaliate with no target named is aimed at the attacker: the source of the
  article's last attack, before the threat, on the threatening side's country ("India struck Pakistani
  territory ... Pakistan reserves the right to respond").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Analysis, Event, EventSide
from .fallback import hint
from .mention_index import mention_index

__all__ = ["Addressees", "addressees", "aim_responses", "own_public"]

#: pronouns: a mention that is one names no other country (the actor coder may resolve it wrongly)
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "i", "we", "you"})
#: entity types of a place or people whose country may be foreign to the source
PLACE_ENTS = frozenset({"GPE", "NORP", "LOC"})


@dataclass(frozen=True, slots=True)
class Addressees:
    own_public: frozenset[str]
    public_sources: frozenset[str]
    responses: frozenset[str]
    attack_roots: frozenset[str]


def _strings(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w) for w in data.get(key) or ())


@cache
def addressees() -> Addressees:
    text = resources.files(__package__).joinpath("data/addressees.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return Addressees(
        own_public=_strings(data, "own_public"),
        public_sources=_strings(data, "public_sources"),
        responses=frozenset(w.lower() for w in _strings(data, "responses")),
        attack_roots=_strings(data, "attack_roots"),
    )


def own_public(ev: Event, sent: SpacySpan, analysis: Analysis) -> Event:
    """The event with its source's own country as target when it is an act on the state's own public
    with no target named (unchanged otherwise)."""
    table = addressees()
    src = ev.source
    if ev.target is not None or ev.cameo not in table.own_public or src is None or src.country is None:
        return ev
    if src.sector not in table.public_sources or _foreign(sent, analysis, src):
        return ev
    public = EventSide(None, None, None, None, src.country, None, src.country)
    return replace(ev, target=public)


def _foreign(sent: SpacySpan, analysis: Analysis, src: EventSide) -> bool:
    """Whether the sentence names, outside the source's phrase, an actor, a place or a people of another
    country than the source's."""
    lo, hi = src.start if src.start is not None else -1, src.end if src.end is not None else -1
    country = src.country
    hits = mention_index(sent.doc, analysis).starting_in(sent.start_char, sent.end_char)
    named = [h for h in hits if h.mention.text[:1].isupper() and h.mention.text.lower() not in PERSONAL]
    if any(h.actor.country not in (None, country) and not lo <= h.mention.start < hi for h in named):
        return True
    for tok in sent:
        if tok.ent_type_ in PLACE_ENTS and not lo <= tok.idx < hi:
            found = hint([tok.text], tok.text)[0]
            if found is not None and found != country:
                return True
    return False


def aim_responses(doc: Doc, events: list[Event]) -> list[Event]:
    """The events with each untargeted threat to respond aimed at the last attack on its source's country
    told before it (see the module docstring)."""
    table = addressees()
    out: list[Event] = []
    for ev in events:
        if ev.root == "13" and ev.target is None and ev.source is not None and ev.source.country is not None:
            attacker = _attacker(ev, out, table) if _responds(doc, ev, table) else None
            if attacker is not None:
                ev = replace(ev, target=attacker)
        out.append(ev)
    return out


def _responds(doc: Doc, ev: Event, table: Addressees) -> bool:
    """Whether the threat's trigger or what it governs names a response ("vowed to retaliate")."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    near = [root, *root.subtree, *(t for t in root.head.subtree if root.head.i < t.i <= root.head.i + 6)]
    return any(t.lemma_.lower() in table.responses or t.lower_ in table.responses for t in near)


def _attacker(ev: Event, before: list[Event], table: Addressees) -> EventSide | None:
    src = ev.source
    assert src is not None
    for prior in reversed(before):
        if prior.root not in table.attack_roots or prior.source is None or prior.target is None:
            continue
        if prior.target.country == src.country and prior.source.country not in (None, src.country):
            return prior.source
    return None
