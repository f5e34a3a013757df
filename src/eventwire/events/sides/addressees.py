"""Whom an act is addressed to when its sentence names no target (``data/addressees.yaml``).

- A state's appeal for calm, its promise to ease restrictions, its lifting or imposing of a curfew or
  martial law addresses its own population: with no target named and no foreign country named in the
  sentence, the target is the source's own country ("the governor called for calm").
- "Both countries", "the two sides" as a target are the last two countries the article named before them
  ("India struck Pakistan ... Guterres called for restraint from both countries").
- A threat to respond or retaliate with no target named is aimed at the attacker: the source of the
  article's last attack, before the threat, on the threatening side's country ("India struck Pakistani
  territory ... Pakistan reserves the right to respond").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...labels import PAIR_COUNTERS
from ...model import Analysis, Event, EventSide
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from .fallback import hint
from .mention_index import mention_index

_WORDS = word_lists("eventwire.events")

__all__ = ["Addressees", "addressees", "aim_responses", "own_public", "pair_targets", "responds"]

#: pronouns: a mention that is one names no other country (the actor coder may resolve it wrongly)
PERSONAL = _WORDS.words("addressees_personal")
#: how many tokens back the countries of "both countries" are looked for
PAIR_WINDOW = 800
#: entity types of a place or people whose country may be foreign to the source
PLACE_ENTS = frozenset({"GPE", "NORP", "LOC"})


@dataclass(frozen=True, slots=True)
class Addressees:
    own_public: frozenset[str]
    public_sources: frozenset[str]
    responses: frozenset[str]
    attack_roots: frozenset[str]
    pair_nouns: frozenset[str]
    pair_words: frozenset[str]
    factions: frozenset[str]


def _strings(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w) for w in data.get(key) or ())


@cache
def addressees() -> Addressees:
    text = resources.files("eventwire.events").joinpath("data/addressees.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return Addressees(
        own_public=_strings(data, "own_public"),
        public_sources=_strings(data, "public_sources"),
        responses=frozenset(w.lower() for w in _strings(data, "responses")),
        attack_roots=_strings(data, "attack_roots"),
        pair_nouns=_strings(data, "pair_nouns"),
        pair_words=_strings(data, "pair_words"),
        factions=_strings(data, "factions"),
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


def pair_targets(ev: Event, sent: SpacySpan, analysis: Analysis) -> list[Event]:
    """The event once for each of the two countries a side "both countries" stands for: as its target,
    each is a target; as its source, each acts on the other (unchanged when the side names an actor or
    the article named no two countries before it)."""
    table = addressees()
    src_pair = _pair_at(sent, ev.source) if ev.source is not None and ev.source.country is None else None
    if src_pair is not None and src_pair.lemma_.lower() in table.factions:
        src_pair = None  # "both sides" acting may be a state's own factions
    if src_pair is not None:
        countries = _last_countries(analysis, sent.doc, src_pair.idx, None)
        if len(countries) < 2:
            return [ev]
        sides = [_side(analysis, src_pair, c) for c in countries]
        free = ev.target is None or not ev.target.country
        # each acts on the other, told by the same phrase: the target keeps its text, not its place
        return [
            replace(ev, source=a, target=replace(b, start=None, end=None) if free else ev.target)
            for a, b in (sides, sides[::-1])
        ]
    if ev.target is not None and ev.target.country:
        return [ev]
    pair = _pair_at(sent, ev.target) if ev.target is not None else _pair_under(ev, sent)
    if pair is None:
        return [ev]
    own = ev.source.country if ev.source is not None else None
    countries = _last_countries(analysis, sent.doc, pair.idx, own)
    if len(countries) < 2:
        return [ev]
    return [replace(ev, target=_side(analysis, pair, c)) for c in countries]


def _side(analysis: Analysis, pair: Token, country: str) -> EventSide:
    start, end = pair.left_edge.idx, pair.idx + len(pair.text)
    return EventSide(None, analysis.article.text[start:end], start, end, country, None, country)


def _is_pair(tok: Token) -> bool:
    table = addressees()
    if tok.lemma_.lower() not in table.pair_nouns or tok.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ in PAIR_COUNTERS and c.lower_ in table.pair_words for c in tok.children)


def _pair_at(sent: SpacySpan, side: EventSide) -> Token | None:
    """The head of a "both countries" phrase that is the side's phrase."""
    if side.start is None or side.end is None:
        return None
    lo, hi = side.start, side.end
    return next((t for t in sent if lo <= t.idx < hi and _is_pair(t)), None)


def _pair_under(ev: Event, sent: SpacySpan) -> Token | None:
    """The head of a "both countries" phrase under the event's trigger, outside its source's phrase."""
    trigger = next((t for t in sent if t.idx == ev.trigger.start), None)
    if trigger is None:
        return None
    src = ev.source
    lo, hi = (src.start, src.end) if src is not None and src.start is not None and src.end is not None else (-1, -1)
    return next((t for t in trigger.subtree if _is_pair(t) and not lo <= t.idx < hi), None)


def _last_countries(analysis: Analysis, doc: Doc, before: int, own: str | None) -> list[str]:
    """The last two distinct countries but ``own`` the article named before the offset, latest first: a
    country actor's name, or a place or people name whose country is known ("Pakistani territory")."""
    hits = mention_index(doc, analysis).starting_in(0, before)
    named = {h.mention.start: h.actor.country for h in hits if h.actor.kind == "country"}
    found: list[str] = []
    at = doc.char_span(before, before, alignment_mode="expand")
    last = at.start if at is not None else len(doc)
    for tok in reversed(doc[max(0, last - PAIR_WINDOW) : last]):
        if tok.idx in named:
            country = named[tok.idx]
        elif tok.ent_type_ in PLACE_ENTS and tok.ent_iob_ == "B":
            words = [t.text for t in doc[tok.i : tok.i + 4] if t.ent_type_ == tok.ent_type_]
            country = hint(words, tok.text)[0]
        else:
            continue
        if country is None or country == own or country in found:
            continue
        found.append(country)
        if len(found) == 2:
            break
    return found


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


def responds(doc: Doc, ev: Event) -> bool:
    """Whether the threat ``ev`` is one to respond ("vowed to retaliate"): aimed at whoever attacked."""
    return ev.root == "13" and _responds(doc, ev, addressees())


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
