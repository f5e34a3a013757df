"""Context recodings of a coded act: protesters' violence, arriving troops, stated future acts."""

from __future__ import annotations

from spacy.tokens import Token

from ...labels import VERB_COMPLEMENTS
from ...model import EventSide
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ..lexicon.lexicon import protester_words, weapon_words

_WORDS = word_lists("eventwire.events")

__all__ = ["appeal_recode", "arrival_recode", "force_recode", "protest_recode", "says_will"]


SAYS_WILL_AUX = _WORDS.words("says_will_aux")


def protest_recode(
    code: str, s_tok: Token | None, t_tok: Token | None, src: EventSide | None, trigger: Token | None = None
) -> str:
    """Violence by protesters is a violent protest (145), unless they use weapons of war ("demonstrators
    launched missiles at X" is fighting); force against protesters is repression (175)."""
    if code[:2] not in ("17", "18", "19"):
        return code
    protesters = protester_words()
    if s_tok is not None and s_tok.lemma_.lower() in protesters and not _armed(trigger):
        return "145"
    if t_tok is not None and t_tok.lemma_.lower() in protesters and src is not None and src.sector in ("MIL", "COP"):
        return "175"
    return code


def _armed(trigger: Token | None) -> bool:
    """Whether the act's object is a weapon of war ("launched missiles", "fired rockets at")."""
    if trigger is None:
        return False
    objs = [c for c in trigger.children if c.dep_ == "dobj"]
    return any(t.lemma_.lower() in weapon_words() for o in objs for t in (o, *o.conjuncts))


def force_recode(code: str, s_tok: Token | None, src: EventSide | None, trigger: Token | None) -> str:
    """A killing (1823) by a state's armed forces or by a military action ("troops killed five men", "the
    army's offensive has killed 300 people") is conventional military force (190); killings by gunmen,
    militants or a mob, and executions, stay unconventional violence."""
    if code != "1823" or trigger is None or trigger.lemma_.lower() not in vocabulary().words("events.plain_killing"):
        return code
    military = src is not None and src.sector == "MIL"
    operation = s_tok is not None and s_tok.lemma_.lower() in vocabulary().words("events.operation_words")
    return "190" if military or operation else code


def appeal_recode(code: str, trigger: Token) -> str:
    """ "X wants Y to attack Z": the wish has its own subject Y, so X appeals to Y (020), it does not
    threaten Z; "X wants to attack Z" stays X's threat."""
    if code != "138" or trigger.lemma_.lower() not in vocabulary().words("events.appeal_wishes"):
        return code
    objs = [c for c in trigger.children if c.dep_ == "dobj"]
    clauses = [c for c in trigger.children if c.dep_ in VERB_COMPLEMENTS]
    if any(o.i < c.i for o in objs for c in clauses) or any(g.dep_ == "nsubj" for c in clauses for g in c.children):
        return "020"
    return code


def arrival_recode(code: str, s_tok: Token | None) -> str:
    """Troops that "arrive" deploy (154); peacekeepers that arrive provide protection (074)."""
    if code != "042" or s_tok is None or s_tok.lemma_.lower() not in vocabulary().words("events.troop_words"):
        return code
    words = {t.lemma_.lower() for t in s_tok.subtree}
    return "074" if words & vocabulary().words("events.aid_arrival_words") else "154"


def says_will(tok: Token) -> bool:
    """The trigger's own future auxiliary ("will strike"), not a promise or plan that governs it."""
    return any(c.dep_ == "aux" and c.lower_ in SAYS_WILL_AUX for c in tok.children)
