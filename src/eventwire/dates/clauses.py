"""Which date of a sentence belongs to an event: clause relations, nominal dates, and tense.

A date dates the clause it sits in and the clauses that hang on that one ("X, who fled on Monday" has its
own date; "Y said Friday that X had fled" gives "fled" the reporting date as a bound only). A date in a
clause *below* the event's (a relative, adverbial or reported clause of its own) is that clause's, not
the event's; a date modifying a noun ("the April 22 attack", "last month's massacre") is that noun's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from spacy.tokens import Token

from ..labels import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    DATES_CLAUSE_DEPS,
    DESCRIBING_CLAUSES,
    FINITE_MARKS,
    INFINITIVE_CLAUSES,
    NOMINAL_DATE_LINKS,
    NOUN_CLAUSES,
    OWN_TIME_CHILDREN,
    PREDICATES,
    REPORTED_CLAUSES,
    SUBORDINATE_CLAUSES,
)
from ..model import ResolvedDate
from ..nlp import clause_head, sentence_of
from ..wordlists import word_lists
from .expressions import DateExpression, words

_WORDS = word_lists("eventwire.dates")

__all__ = [
    "CLAUSE_DEPS",
    "Dated",
    "Tense",
    "bounds",
    "clause_of",
    "in_life_stage",
    "in_past_period",
    "looks_ahead",
    "rank",
    "tense",
]

CLAUSE_DEPS: Final = DATES_CLAUSE_DEPS
#: Links by which a clause sits below another as its own (relative, adverbial, reported, infinitival)
#: clause; a conjunct ("conj") is a sibling and shares its head's date.
SUBORDINATE: Final = SUBORDINATE_CLAUSES
#: Links by which a date modifies a noun as a nominal ("the April 22 attack", "last month's massacre").
NOMINAL: Final = NOMINAL_DATE_LINKS
_FUTURE_LEMMAS: Final = _WORDS.words("future_lemmas")

Tense = Literal["past", "pluperfect", "perfect", "present", "future"]
#: Auxiliaries of a future seen from the present ("will", not the reported "would").
_WILL: Final = _WORDS.words("will_aux")
PERIOD_PREPS: Final = _WORDS.words("period_preps")


@dataclass(frozen=True, slots=True)
class Dated:
    """A date expression of the text with where it hangs in the parse."""

    #: None for a vague past time ("decades ago"): the clause has a time, but no date we can give
    date: ResolvedDate | None
    expr: DateExpression
    root: Token
    #: For "five days after X": the "after" token; the date belongs to the events under it.
    relation: Token | None = None
    #: The noun a nominal date modifies ("attack" in "the April 22 attack"); it dates that noun only.
    noun: Token | None = None
    #: "since" (the date opens a range up to publication), "until" (a state's end), "comparison" (the
    #: time of what is compared with: "down from 19% a week earlier"), or "".
    boundary: str = ""
    #: Whether the date sits in a future clause ("will meet on Monday").
    future: bool = False


def clause_of(tok: Token) -> Token:
    return clause_head(tok, CLAUSE_DEPS)


def _in_subtree(tok: Token, top: Token) -> bool:
    return top.left_edge.i <= tok.i <= top.right_edge.i


def _is_root(tok: Token) -> bool:
    return tok.head.i == tok.i


def _finite(clause: Token) -> bool:
    """Whether a clause has a time of its own: a finite verb, an auxiliary or a subject (a non-finite
    clause, "to build the plant in 1995", often only carries its governor's time: the parser hangs a
    trailing date on the nearest verb)."""
    if clause.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    if clause.dep_ == "acl" and clause.tag_ == "VBN":
        return True  # a reduced relative on a noun has its own time ("a group outlawed in 2002")
    return any(c.dep_ in FINITE_MARKS and c.tag_ != "TO" for c in clause.children)


def _below(low: Token, high: Token) -> bool:
    """Whether clause ``low`` sits under clause ``high`` through a finite subordinate clause (a chain of
    conjuncts only makes it a sibling)."""
    cur, subordinate = low, False
    for _ in range(24):
        if cur.i == high.i:
            return subordinate
        if _is_root(cur):
            return False
        subordinate = subordinate or (cur.dep_ in SUBORDINATE and _finite(cur))
        cur = cur.head
    return False


def rank(d: Dated, trigger: Token) -> int | None:
    """How closely a date of the trigger's sentence belongs to the trigger's event.

    0: the trigger's own clause (or the noun a nominal date modifies, or the "when" clause of a date);
    1: a clause the trigger's clause hangs on (not across reported speech); 2: elsewhere in the sentence;
    3: a finite clause below the trigger's (its own time: the caller takes it only as a sign that the
    sentence is background); None: not the event's date (another sentence, another noun's date, a
    boundary such as "until 2013", or an anchored date of an event outside its anchor).
    """
    if sentence_of(d.root) != sentence_of(trigger):
        return None
    if d.relation is not None:
        # "five days after the parliament voted": "after" heads the clause (prep) or marks it (mark)
        top = d.relation.head if d.relation.dep_ == "mark" else d.relation
        inside = _in_subtree(trigger, top) and not _in_subtree(trigger, d.root) and trigger != top.head
        return 0 if inside else None
    th = clause_of(trigger)
    if _describes_date(th, d):
        return 0
    if d.noun is not None:
        return 0 if _in_subtree(trigger, d.noun) and trigger.i >= d.noun.left_edge.i else None
    if d.boundary in ("until", "comparison"):
        return None
    dh = clause_of(d.root)
    if th.i == dh.i or _describes_noun(dh, trigger):
        return 0
    if _below(dh, th):
        return 3
    cur = th
    for _ in range(6):
        if cur.dep_ in REPORTED_CLAUSES or _is_root(cur):
            break
        cur = cur.head
        if cur.i == dh.i:
            return 1
    return 2


def bounds(d: Dated, trigger: Token) -> bool:
    """Whether a date sits in a clause or phrase that only bounds the trigger's act in time ("after X
    was killed in June, he admitted"; "after the vote in June, he resigned"): June is not the act's date.
    (The caller drops such a date when it is old: a recent one, "after talks on Monday, they agreed",
    is most often the act's day too.)"""
    if d.relation is not None or sentence_of(d.root) != sentence_of(trigger):
        return False
    dh = clause_of(d.root)
    return _bound_phrase(d.root, dh, trigger) or _bounded(dh, clause_of(trigger))


def _bounded(low: Token, high: Token) -> bool:
    """Whether clause ``low`` hangs on clause ``high`` through a clause that gives only a bound of the
    higher act's time ("after two soldiers were killed in May", "since being elected in 2019")."""
    marks = words().bound_marks
    cur = low
    for _ in range(24):
        if cur.i == high.i or _is_root(cur):
            return False
        marked = cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children)
        if marked or (cur.dep_ == "pcomp" and cur.head.lower_ in marks):
            return not _in_subtree(high, cur)  # the bound is of an act outside its clause
        cur = cur.head
    return False


def _bound_phrase(root: Token, clause: Token, trigger: Token) -> bool:
    """Whether a date sits inside a phrase of a time bound on something else ("after the vote in June"):
    it dates that thing (and an event named inside the phrase), and the clause's act only came after
    it. A date that is itself the bound ("after March 3") stays: it is the nearest time the text gives."""
    marks = words().bound_marks
    cur = root
    for _ in range(12):
        if cur.i == clause.i or _is_root(cur):
            return False
        head = cur.head
        if head.dep_ == "prep" and head.lower_ in marks and head.i != root.head.i:
            return not _in_subtree(trigger, head)
        cur = head
    return False


def first_conjunct(clause: Token, reach: int = 6) -> Token:
    """The first of the conjoined clauses ``clause`` is one of ("banned the group and took control": the
    second's time and openers are the first's), up to ``reach`` conjuncts back, never past the root."""
    for _ in range(reach):
        if clause.dep_ != "conj" or _is_root(clause):
            break
        clause = clause.head
    return clause


def in_life_stage(trigger: Token) -> bool:
    """Whether the trigger's clause is timed by a stage of someone's life ("when she was 15", "when he
    was a student", "as a teenager"): a time in a life, not a date; the act is undated background."""
    stages = words().life_stages
    clause = first_conjunct(clause_of(trigger))
    for c in clause.children:
        as_stage = c.dep_ == "prep" and c.lower_ == "as"
        if as_stage and any(o.dep_ == "pobj" and o.lemma_.lower() in stages for o in c.children):
            return True
        if c.dep_ != "advcl" or c.lemma_ != "be":
            continue
        if not any(m.dep_ in CLAUSE_OPENERS and m.lower_ == "when" for m in c.children):
            continue
        for a in c.children:
            if a.dep_ not in PREDICATES:
                continue
            if a.like_num or a.lemma_.lower() in stages or (a.lower_ == "old" and any(n.like_num for n in a.subtree)):
                return True
    return False


def in_past_period(trigger: Token) -> bool:
    """Whether the trigger's clause is in the past and timed by a span of someone's life or office
    ("during his campaign, she criticized him", "during her tenure, he was jailed"): with no date of its
    own, the act is background that we cannot date."""
    periods = words().past_periods
    clause = first_conjunct(clause_of(trigger))
    past = clause.tag_ == "VBD" or any(c.dep_ in AUXILIARIES and c.tag_ == "VBD" for c in clause.children)
    if not past:
        return False
    preps = [c for c in clause.children if c.dep_ == "prep" and c.lower_ in PERIOD_PREPS]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in periods for p in preps for o in p.children)


def _describes_noun(clause: Token, trigger: Token) -> bool:
    """A clause on the event's own noun ("an attack that killed dozens on April 7"): its time is the event's."""
    return clause.dep_ in NOUN_CLAUSES and clause.head.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN")


def _describes_date(clause: Token, d: Dated) -> bool:
    """A clause hanging on the date itself ("in 1884, when Bismarck hosted ..."): the date is its time."""
    clause = first_conjunct(clause)  # "in 2013, when Pakistan banned the group and took control": conjuncts too
    return clause.dep_ in DESCRIBING_CLAUSES and d.expr.start <= clause.head.idx < d.expr.end


def _governing_verb(tok: Token) -> Token:
    """The verb whose tense a token's event takes: itself, or the verb its noun phrase hangs on; an
    infinitive ("agreed to leave") takes its governor's."""
    cur = _verb_of(tok)
    for _ in range(4):
        if _is_root(cur):
            break
        if cur.dep_ == "xcomp" and cur.tag_ in ("VB", "VBG"):
            cur = cur.head
        elif _bare_infinitive_clause(cur):  # "made efforts to persuade X", "flew in to meet X"
            cur = _verb_of(cur.head)
        else:
            break
    return cur


def _verb_of(tok: Token) -> Token:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or _is_root(cur):
            break
        cur = cur.head
    return cur


def _bare_infinitive_clause(clause: Token) -> bool:
    """A "to" infinitive with no subject of its own hung on a verb or a noun ("made efforts to persuade
    X", "arrived to attend"): it has no time of its own, only its governor's."""
    kids = list(clause.children)
    return (
        clause.dep_ in INFINITIVE_CLAUSES
        and clause.tag_ == "VB"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)
        and not any(c.dep_ in OWN_TIME_CHILDREN for c in kids)
    )


def tense(tok: Token, future_cues: frozenset[str]) -> Tense:
    """The tense of the clause an event's trigger sits in."""
    verb = _governing_verb(tok)
    auxes = [c for c in verb.children if c.dep_ in AUXILIARIES]
    if any(a.tag_ == "MD" or a.lemma_ in _FUTURE_LEMMAS or a.lower_ in future_cues for a in auxes):
        return "future"
    have = [a for a in auxes if a.lemma_ == "have"]
    if have:
        return "pluperfect" if have[0].tag_ == "VBD" else "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        # a reduced relative ("the people injured by the fighting are ...") describes its noun in the
        # time of the clause that noun belongs to; one standing alone is past
        host = verb.head
        if verb.dep_ == "acl" and not _is_root(verb) and host.i != verb.i and _governing_verb(host).i != verb.i:
            return tense(host, future_cues)
        return "past"
    return "present"


def looks_ahead(tok: Token) -> bool:
    """Whether an event's clause is a future seen from now ("will sign"), not one reported from the past
    ("said it would sign")."""
    verb = _governing_verb(tok)
    return any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)
