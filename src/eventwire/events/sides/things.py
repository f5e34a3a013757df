"""What a thing the syntax gave as the target gives way to: the author of a thing the act is aimed
at ("rejected an appeal lodged by X"), whom the purpose of the act serves ("gave money to help X"),
the place an act done with an instrument is done in or moved from ("withdrew its troops from a
border zone", "laid down their arms in X"), or the protesters it met ("fired tear gas as protesters
marched")."""

from __future__ import annotations

from spacy.tokens import Token

from ...labels import CLAUSE_OPENERS, NOUN_CLAUSES, PATIENTS, PREPOSITIONS
from ...model import Analysis, EventSide
from ...wordlists import word_lists
from ..grammar.syntax import TIME_ENTS, content_head, is_adjunct
from ..lexicon.lexicon import protester_words
from .sides import make_side

_WORDS = word_lists("eventwire.events")

__all__ = ["author", "met_protesters", "name_tokens", "place_of_act", "purpose_clauses"]

#: prepositions naming where an act with an instrument is done, or where it moves the instrument
PLACE_PREPS = _WORDS.words("things_place_preps")
#: conjunctions of a clause telling whom an act with an instrument met ("fired tear gas as protesters ...")
MEETING_MARKS = _WORDS.words("meeting_marks")


def _by_objects(head: Token) -> list[Token]:
    return [
        p for c in head.children if c.dep_ in PREPOSITIONS and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
    ]


def author(tok: Token, trigger: Token) -> Token | None:
    """The author of a thing the act is aimed at ("charges by X", "an appeal lodged by X"): its "by"
    phrase, that of its participle, or the trigger's "by" phrase right after it (a parser's slip)."""
    found = _by_objects(tok) + [p for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in _by_objects(c)]
    if not found and tok.head.i == trigger.i:
        found = [p for p in _by_objects(trigger) if _next_to(tok, p.head)]
    return found[0] if found else None


def _next_to(tok: Token, prep: Token) -> bool:
    """Whether ``prep`` follows the noun ``tok`` or its phrase with only punctuation between ("charges,
    by the Government, that ...", "charges by X that ..." with the clause the parser gave the noun)."""
    doc = tok.doc
    return any(end < prep.i and all(t.is_punct for t in doc[end + 1 : prep.i]) for end in (tok.i, tok.right_edge.i))


def _is_purpose(clause: Token) -> bool:
    return any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children)


def purpose_clauses(trigger: Token) -> list[Token]:
    """The purpose clauses of an act ("gave 5 million euros to help X"): the trigger's own, those of
    the act in its complement ("considering sending aid to help X"), or, for a noun the act is named
    by, those of the verb it is the object of ("announced aid to help X"); then the infinitive that
    qualifies its object ("announced a ceasefire initiative to halt the fighting in X")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    if trigger.pos_ == "NOUN" and trigger.dep_ in PATIENTS:
        heads.append(trigger.head)
    own = [c for h in heads for c in h.children if c.dep_ == "advcl" and _is_purpose(c)]
    objs = [o for h in heads for o in h.children if o.dep_ == "dobj"]
    return own + [c for o in objs for c in o.children if c.dep_ in NOUN_CLAUSES and _is_purpose(c)]


def _governor(tok: Token) -> Token:
    """The word an instrument is the object of ("the deployment of 230 troops" -> deployment)."""
    head = tok.head
    return head.head if head.dep_ == "prep" and head.lower_ == "of" else head


def place_of_act(trigger: Token, instruments: list[Token], skip: set[int] | frozenset[int]) -> Token | None:
    """The first place phrase of an act whose object is its instrument: on the instrument, on the
    verb it is the object of, on the trigger, or on the verb a noun trigger is the object of
    ("announced the deployment of troops to Liberia")."""
    holders = [h for t in instruments for h in (t, _governor(t))] + [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        holders.append(trigger.head)
    found = [
        p
        for h in holders
        for prep in h.children
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and not is_adjunct(prep)
        for p in prep.children
        if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.ent_type_ not in TIME_ENTS and p.i not in skip
    ]
    return min(found, key=lambda t: t.i) if found else None


def met_protesters(
    trigger: Token, analysis: Analysis, exclude: set[int]
) -> list[tuple[Token | None, EventSide | None]]:
    """The protesters an act with an instrument meets in its temporal clause ("fired tear gas as
    hundreds of demonstrators marched on parliament"): that clause's subject."""
    clauses = [
        c
        for c in trigger.children
        if c.dep_ == "advcl" and any(m.dep_ in CLAUSE_OPENERS and m.lower_ in MEETING_MARKS for m in c.children)
    ]
    for clause in clauses:
        for subj in (s for s in clause.children if s.dep_ == "nsubj" and s.i not in exclude):
            head = content_head(subj)  # "hundreds of protesters"
            if head.lemma_.lower() in protester_words():
                return [(subj, make_side(analysis, subj, wide=True))]
    return []


def name_tokens(tok: Token) -> set[int]:
    """The tokens of a phrase short of its prepositional phrases ("Operation Rah-e-Nijat" of
    "Operation Rah-e-Nijat, against militants")."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ != "prep" or tok.lower_ == "including":
            out |= name_tokens(c)
    return out
