"""Noun-phrase bounds: the character span a head's phrase covers, as a source (``phrase_bounds``) or
as a target with its own conventions (``target_bounds``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .fallback import hint
from .syntax import entity

__all__ = ["phrase_bounds", "target_bounds"]

NARROW_PREPS = frozenset({"of"})
WIDE_PREPS = frozenset({"of", "in", "near", "from", "at", "outside", "inside"})
#: a target's phrase also keeps these modifiers ("partners like Saudi Arabia", "a deal with China")
TARGET_PREPS_KEPT = frozenset({"to", "with", "across", "along", "like", "including"})
#: the longest relative clause a bare target noun keeps
MAX_CLAUSE_TOKENS = 12
CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "prep", "parataxis", "ccomp"})
#: participles that report a belief about the noun ("a missile believed to be fired by X"), not name it
HEARSAY = frozenset({"believe", "think", "say", "report", "allege", "suspect", "know", "expect", "rumor", "rumour"})
#: the longest participle phrase a target phrase keeps
MAX_PARTICIPLE_TOKENS = 10


def phrase_bounds(head: Token, wide: bool = False) -> tuple[int, int]:
    """Character bounds of the noun phrase of ``head``: its subtree without clauses, coordination,
    appositions and prepositional phrases (an "of" phrase is kept). ``wide`` (a target) also keeps
    place phrases and appositions ("a military vehicle in Rakhine State")."""
    keep = WIDE_PREPS if wide else NARROW_PREPS  # a name the parser split is never cut ("Barack" of "Obama")
    toks = sorted(_phrase_tokens(head, keep, wide), key=lambda t: t.i)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks.pop(0)
    return _name_bounds(head, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _name_bounds(head: Token, start: int, end: int) -> tuple[int, int]:
    """Phrase bounds widened to the whole name the head belongs to, with the name's own left modifiers
    ("Sheikh" of "Sheikh Hamad bin Khalifa al-Thani"), when the parser split the name."""
    ent = entity(head)
    if len(ent) == 1:
        return start, end
    return min(start, ent[0].left_edge.idx), max(end, ent[-1].idx + len(ent[-1].text))


def target_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a target's phrase: the wide phrase with the target's own conventions
    (see ``TARGET_PREPS_KEPT``; a name keeps no apposition: "Haifa, Israel's third city" -> "Haifa")."""
    keep = WIDE_PREPS | TARGET_PREPS_KEPT
    toks = sorted(_phrase_tokens(head, keep, True, top=head), key=lambda t: t.i)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks.pop(0)
    return _name_bounds(head, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _defining_clause(head: Token, child: Token) -> bool:
    """A relative clause that says who a bare noun is ("people who had fled the fighting"); a noun with
    modifiers or a name is already said ("the hospital, where ...")."""
    if child.dep_ != "relcl" or head.pos_ not in ("NOUN", "PRON") or any(c.i < head.i for c in head.children):
        return False
    if child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].is_punct:
        return False  # "people in X, who ...": a clause after a comma adds, it does not define
    return not any(c.dep_ == "conj" for c in head.children) and len(list(child.subtree)) <= MAX_CLAUSE_TOKENS


def _name_aside(head: Token, child: Token) -> bool:
    """An apposition that describes a name ("Haifa, Israel's third largest city"), unlike the name
    that follows a title ("the Foreign Minister, Ibrahim Ghandour")."""
    return child.dep_ == "appos" and head.pos_ == "PROPN" and hint([head.text], head.text)[1] is None


def _participle_modifier(child: Token) -> bool:
    """A short past-participle phrase after its noun ("workers employed by the UN")."""
    if child.dep_ != "acl" or child.tag_ != "VBN" or child.i < child.head.i or child.lemma_ in HEARSAY:
        return False
    if child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].is_punct:
        return False  # ", arrested in March," is an aside, not part of the name
    return len(list(child.subtree)) <= MAX_PARTICIPLE_TOKENS


def _phrase_tokens(tok: Token, keep: frozenset[str], wide: bool, top: Token | None = None) -> Iterator[Token]:
    yield tok
    for child in tok.children:
        if top is not None and tok.i == top.i and _name_aside(tok, child):
            continue
        if top is not None and tok.i == top.i and _defining_clause(tok, child):
            yield from child.subtree
            continue
        if wide and _participle_modifier(child):  # "British forces based in Vitez"
            yield from child.subtree
            continue
        kept = (child.dep_ == "prep" and child.lower_ in keep) or (wide and child.dep_ == "appos")
        if child.dep_ in CUT_DEPS and not kept:
            continue
        if child.dep_ == "punct" or (child.pos_ == "VERB" and child.dep_ != "amod"):
            continue
        if child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children):
            continue  # "efforts at restoring peace": a preposition with a clause, not a noun, is cut
        if child.dep_ in ("npadvmod", "compound", "nummod") and child.ent_type_ in ("DATE", "TIME"):
            continue  # "Hours earlier Maduro", "17 July 2017 Russia's Supreme Court"
        yield from _phrase_tokens(child, keep, wide, top)
