"""The modality of an event trigger: asserted, negated, hypothetical, future or reported."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Modality
from ..nlp import doc_text, sentence_of
from .syntax import REPORTING

__all__ = ["modality"]

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must", "ought", "'d"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATORS = frozenset({"deny", "reject", "dismiss", "refute", "rule", "fail", "refuse", "decline"})
FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "prepare",
        "pledge",
        "promise",
        "vow",
        "expect",
        "aim",
        "agree",
        "schedule",
        "set",
        "propose",
        "offer",
        "commit",
        "seek",
        "want",
        "hope",
        "try",
        "attempt",
        "threaten",
        "ask",
        "urge",
        "call",
        "demand",
        "order",
        "push",
        "press",
        "consider",
        "mull",
        "wish",
        "need",
        "going",
    }
)
HYPOTHETICAL_GOVERNORS = frozenset({"consider", "mull", "could", "would", "fear", "warn", "risk", "if"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
#: auxiliaries that open a yes/no question ("Did X attack ...?", "Will X invade ...?")
QUESTION_AUX = frozenset(
    {"do", "be", "have", "will", "would", "can", "could", "shall", "should", "may", "might", "must"}
)
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"})
MAX_UP = 5


def _own(tok: Token) -> Modality | None:
    """What the trigger's own auxiliaries, negation and marks say."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det")) for c in kids):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
        return "hypothetical"
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if aux & FUTURE_AUX or ("going" in {c.lower_ for c in kids} and "to" in aux):
        return "future"
    return None


def _nominal_governor(tok: Token) -> Token:
    """A noun's governing verb ("The removal ... would affect" -> affect)."""
    cur = tok
    for _ in range(MAX_UP):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def modality(trigger: Token) -> Modality:
    """The modality of the event of ``trigger`` (negated > hypothetical > future > reported)."""
    tok = _nominal_governor(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    own = _own(tok) or (_own(trigger) if tok is not trigger else None)
    if own == "negated":
        return own
    if _yes_no_question(trigger):
        return "hypothetical"  # asked, not stated; a wh-question ("Why did X expel Y?") presupposes the act
    reported = False
    cur = tok
    for _ in range(MAX_UP):
        dep, head = cur.dep_, cur.head
        if head is cur or dep not in CLAUSE_DEPS:
            break
        lemma = head.lemma_.lower()
        head_own = _own(head)
        if dep in ("ccomp", "xcomp") and (lemma in NEGATORS or head_own == "negated"):
            return "negated"
        if dep == "ccomp" and lemma in REPORTING:
            reported = True
            break
        if dep in ("xcomp", "acl") and lemma in FUTURE_GOVERNORS:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                return "negated"
            own = own or ("hypothetical" if lemma in HYPOTHETICAL_GOVERNORS else "future")
        elif dep in ("xcomp", "conj") and head_own is not None:
            own = own or head_own
        cur = head
    if own == "hypothetical" and reported and _has_would(tok):
        return "future"  # reported "would" is the past of "will"
    if own is not None:
        return own
    return "reported" if reported else "asserted"


def _has_would(tok: Token) -> bool:
    cur = tok
    for _ in range(MAX_UP):
        if any(c.lower_ == "would" for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _yes_no_question(tok: Token) -> bool:
    """The trigger's sentence is a yes/no question: it ends with "?" and opens with an inverted auxiliary."""
    sent = sentence_of(tok)
    if "?" not in doc_text(tok.doc)[sent.start_char : sent.end_char]:
        return False  # most sentences: no need to list their words
    words = [t for t in sent if not (t.is_punct and t.text != "?") and not t.is_space]
    if len(words) < 3 or words[-1].text != "?":
        return False
    first = words[0]
    return first.pos_ == "AUX" and first.lemma_.lower() in QUESTION_AUX
