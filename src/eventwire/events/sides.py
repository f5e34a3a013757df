"""Event sides: an argument head -> its phrase, the actor (from the actor coder, else a light hint)."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor, Analysis, EventSide
from .fallback import hint
from .syntax import PRONOUNS, REPORTING, phrase_bounds

__all__ = ["make_side", "repair_head", "same_side", "usable_argument"]

NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
MAX_HINT_TOKENS = 14


def repair_head(tok: Token) -> Token:
    """A date the parser made the head of a name ("President Bashar Assad Tuesday") -> the name; a
    number with an "of" phrase ("ten of the soldiers") -> its object."""
    if tok.ent_type_ in NON_ACTOR_ENTS or tok.pos_ == "NUM":
        names = [c for c in tok.children if c.dep_ == "compound" and c.ent_type_ not in NON_ACTOR_ENTS]
        if names:
            return names[-1]
        for prep in tok.children:  # "ten of them", "dozens of civilians"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [p for p in prep.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return tok


def usable_argument(tok: Token) -> bool:
    """Whether a token can head an event argument (not a date, a number or punctuation)."""
    if tok.is_punct or tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        return False
    return tok.ent_type_ not in NON_ACTOR_ENTS or (tok.pos_ == "NOUN" and tok.lemma_ in ("thousand", "hundred"))


def _resolve_pronoun(tok: Token) -> Token | None:
    """The antecedent of a subject pronoun in a reported clause ("The U.S. said it would ...")."""
    cur = tok.head
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_ in REPORTING:
            subj = [c for c in cur.head.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
            return subj[0] if subj else None
        if cur.dep_ == "relcl":
            return cur.head
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _actor_in(analysis: Analysis, head: Token, start: int, end: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in analysis.actors:
        for mention in actor.mentions:
            if start <= mention.start and mention.end <= end:
                score = 1000 if mention.start <= head.idx < mention.end else mention.end - mention.start
                if best is None or score > best[0]:
                    best = (score, actor)
    return best[1] if best else None


def _covers(actor: Actor, head: Token) -> bool:
    return any(m.start <= head.idx < m.end for m in actor.mentions)


def _subtree_words(head: Token) -> list[str]:
    return [t.text for t in list(head.subtree)[:MAX_HINT_TOKENS]]


def make_side(analysis: Analysis, head: Token, wide: bool = False) -> EventSide:
    """The side of an event whose argument is headed by ``head`` (``wide``: a target's phrase keeps
    its place phrases and appositions)."""
    start, end = phrase_bounds(head, wide)
    text = analysis.article.text[start:end]
    actor = _actor_in(analysis, head, start, end)
    if actor is None and head.lower_ in PRONOUNS:
        ante = _resolve_pronoun(head)
        if ante is not None:
            a_start, a_end = phrase_bounds(ante)
            actor = _actor_in(analysis, ante, a_start, a_end)
            start, end = a_start, a_end  # name the actor, not the pronoun
            text = analysis.article.text[start:end]
            if actor is None:
                return _hinted(ante, start, end, text)
    if actor is None:
        return _hinted(head, start, end, text)
    country, sector = actor.country, actor.sector
    if sector is None and _covers(actor, head):
        sector = "GOV" if actor.kind == "country" else None
    elif sector is None:  # "the American military presence": the head noun says the sector
        sector = hint([t.text for t in head.subtree], head.text)[1]
    if country is None:  # "a target southwest of Baghdad"
        country = hint(_subtree_words(head), head.text)[0]
    code = actor.code or (f"{country or ''}{sector or ''}" or None)
    return EventSide(actor.id, text, start, end, country, sector, code)


def _hinted(head: Token, start: int, end: int, text: str) -> EventSide:
    words = [t.text for t in head.doc[head.left_edge.i : head.i + 1]]
    country, sector = hint(words, head.text)
    if country is None:
        country = hint(_subtree_words(head), head.text)[0]
    if country and sector is None and head.pos_ == "PROPN":
        sector = "GOV"  # a state named as actor acts through its government
    code = f"{country or ''}{sector or ''}" or None
    return EventSide(None, text, start, end, country, sector, code)


def same_side(a: EventSide | None, b: EventSide | None) -> bool:
    """Whether two sides are the same actor (same id, same phrase, or same country and sector)."""
    if a is None or b is None:
        return False
    if a.actor is not None and a.actor == b.actor:
        return True
    if a.start == b.start and a.end == b.end:
        return True
    return a.country is not None and (a.country, a.sector) == (b.country, b.sector)
