"""Clauses that tell no single happening: a habit ("he usually criticizes them", "every Friday"), a kind
("opposes all forms of terrorism"), a finding or a norm ("Studies have found that police kill ..."), a
role ("the agency that helps refugees"), a capacity, duty or purpose ("its obligations to allow aid"), a
state ("who is alive, injured or dead") or a comparison ("harkening back to an era when police
attacked ..."). An act coded from such a clause is no event; nor is the fear of people who speak for no
state or body (``felt``). The words are in ``data/genericity.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ...labels import (
    AUXILIARIES,
    BARE_DETERMINERS,
    CAPACITY_LINKS,
    CHAIN_LINKS,
    CLAUSE_OPENERS,
    DETERMINERS,
    DIRECT_OR_PREP_OBJECTS,
    STATE_LINKS,
    TIME_ADVERBIALS,
    TIME_DEPS,
)
from ...wordlists import word_lists
from ...yamlfile import load_yaml

_WORDS = word_lists("eventwire.events")

__all__ = ["GenericWords", "felt", "generic_words", "kind_object", "non_episodic"]

#: how far up the parse a frame or a comparison is looked for
MAX_UP = 8
#: tags of a verb in the present simple
PRESENT = frozenset({"VBZ", "VBP"})
#: dependencies through which a verb shares its adverbs and auxiliaries ("often meet and talk")
CHAIN_DEPS = CHAIN_LINKS
#: roots of acts that in the present simple tell a habit, not a speech act ("we meet him", "they raid the
#: camp"; "we condemn the attack" is the act itself)
HABITUAL_ROOTS = frozenset({"04", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
#: dependencies of a time phrase that dates a present act as scheduled ("lands in Kenya on Friday")
TIME_ENTS = frozenset({"DATE", "TIME"})
#: tags of a finite verb or auxiliary
FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
PAST_TAGS = frozenset({"VBD"})
#: auxiliaries of a past or perfect clause ("had given", "did not", "would have")
PAST_AUX = _WORDS.words("past_aux")
FIRST_PERSON_SUBJECTS = _WORDS.words("genericity_first_person_subjects")
DISTRIBUTIVES = _WORDS.words("distributives")
KEYS = (
    "frame_subjects",
    "frame_verbs",
    "habitual_adverbs",
    "recurrent_times",
    "generic_marks",
    "kind_nouns",
    "potential_nouns",
    "comparison_words",
    "exercise_verbs",
    "mental_states",
    "long_periods",
    "official_sectors",
)


@dataclass(frozen=True)
class GenericWords:
    """The word lists of ``data/genericity.yaml``."""

    frame_subjects: frozenset[str]
    frame_verbs: frozenset[str]
    habitual_adverbs: frozenset[str]
    recurrent_times: frozenset[str]
    generic_marks: frozenset[str]
    kind_nouns: frozenset[str]
    potential_nouns: frozenset[str]
    comparison_words: frozenset[str]
    exercise_verbs: frozenset[str]
    mental_states: frozenset[str]
    long_periods: frozenset[str]
    official_sectors: frozenset[str]


@cache
def generic_words() -> GenericWords:
    text = resources.files("eventwire.events").joinpath("data/genericity.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict) or sorted(data) != sorted(KEYS):
        raise ValueError(f"genericity.yaml must hold exactly the lists {sorted(KEYS)}")
    lists = {k: frozenset(str(w).lower() for w in data[k]) for k in KEYS if k != "official_sectors"}
    lists["official_sectors"] = frozenset(str(w).upper() for w in data["official_sectors"])
    return GenericWords(**lists)


def non_episodic(tok: Token, root: str = "") -> str | None:
    """Why the clause of the trigger ``tok`` tells no single happening ("finding", "habit", "role",
    "kind", "capacity", "state", "comparison"), or None when it may; ``root``: the act's CAMEO root."""
    words = generic_words()
    if _in_frame(tok, words):
        return "finding"
    if _habitual(tok, words, root):
        return "habit"
    if _role(tok):
        return "role"
    if _of_kind(tok, words):
        return "kind"
    if _capacity(tok, words):
        return "capacity"
    if _state(tok):
        return "state"
    if _compared(tok, words):
        return "comparison"
    return None


def felt(tok: Token, sectors: Iterable[str | None]) -> bool:
    """Whether the trigger is a state of mind of people who speak for no state or body ("activists fear
    that ...", "he worries that ...", "citizens who were alarmed"): a feeling, not a statement;
    officials' fears are statements ("officials in Kabul fear the truce will collapse"). ``sectors``: the
    sources' sectors."""
    words = generic_words()
    feeling = tok.lemma_.lower() in words.mental_states or tok.lower_ in words.mental_states
    return feeling and not any(s in words.official_sectors for s in sectors)


def _compared(tok: Token, words: GenericWords) -> bool:
    """Whether the act is what a comparison governs ("reminiscent of X"), or a "when" clause on the
    time that a comparison names ("harkening back to an era, when police attacked ..."; the parser
    may hang the clause on the main verb)."""
    if any(a.lemma_.lower() in words.comparison_words for a in _ancestors(tok)):
        return True
    for verb in _chain(tok):
        when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
        if when is None:
            continue
        before = when.i - 1
        while before >= 0 and tok.doc[before].is_punct:
            before -= 1
        noun = tok.doc[before] if before >= 0 else None
        if noun is not None and noun.pos_ == "NOUN":
            return any(a.lemma_.lower() in words.comparison_words for a in [noun, *_ancestors(noun)])
    return False


def _ancestors(tok: Token) -> list[Token]:
    out: list[Token] = []
    cur = tok
    for _ in range(MAX_UP):
        if cur.head is cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it is the complement or conjunct of ("often [meets] and [talks]")."""
    out = [tok]
    cur = tok
    while cur.dep_ in CHAIN_DEPS and cur.head is not cur and len(out) < MAX_UP:
        cur = cur.head
        out.append(cur)
    return out


def _in_frame(tok: Token, words: GenericWords) -> bool:
    """Whether the trigger lies in a clause in the present that a study finds or a rule says ("Studies
    have found that police kill ...", "The rules say an official cannot accept gifts"); a past act a
    study tells ("research showed that X gave Y arms") is an act."""
    finite: Token | None = None
    for a in [tok, *_ancestors(tok)]:
        if finite is None and _finite(a):
            finite = a
        if (
            a is not tok
            and a.lemma_.lower() in words.frame_verbs
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in words.frame_subjects for c in a.children)
        ):
            return finite is not None and finite is not a and _present(finite)
    return False


def _finite(verb: Token) -> bool:
    """Whether a verb is finite: tensed, with a tensed auxiliary, or a base form with its own subject
    (the tagger's "police kill")."""
    kids = list(verb.children)
    if verb.tag_ in FINITE or any(c.dep_ in AUXILIARIES and c.tag_ in FINITE for c in kids):
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in kids) and not any(c.lower_ == "to" for c in kids)


def _present(verb: Token) -> bool:
    """Whether a finite verb is in the present, simple or with a modal ("kill", "cannot accept")."""
    tags = {verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in AUXILIARIES)}
    lemmas = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return not tags & PAST_TAGS and not lemmas & PAST_AUX and bool(tags & (PRESENT | {"MD", "VB"}))


def _habitual(tok: Token, words: GenericWords, root: str) -> bool:
    """Whether the act is a habit: an adverb of habit ("usually", "normally"), a recurrent time ("every
    Friday"), a long span ("throughout his presidency", "for decades"), a rule in the present ("When X
    happens, we meet"), or a material act or meeting a speaker tells in the present simple with no time
    named ("we meet him in person")."""
    for verb in _chain(tok):
        for c in verb.children:
            if c.dep_ == "advmod" and c.lemma_.lower() in words.habitual_adverbs:
                return True
            if c.dep_ in TIME_ADVERBIALS and _recurrent(c, words):
                return True
            if c.dep_ == "prep" and _durative(c, words):
                return True
    head = _chain(tok)[-1]
    if not _present_simple(head):
        return False
    if any(_generic_condition(c, words) for c in head.children):
        return True
    return root in HABITUAL_ROOTS and _first_person(head) and not _timed(tok) and not _headline(tok)


def _durative(prep: Token, words: GenericWords) -> bool:
    """A phrase of a long span the act filled ("throughout his presidency", "for decades"): a habit or
    a policy, not a happening."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() not in words.long_periods:
            continue
        if prep.lower_ == "throughout":
            return True
        if prep.lower_ == "for" and obj.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in obj.children):
            return True
    return False


def _first_person(verb: Token) -> bool:
    """Whether the verb's subject is "I" or "we": a speaker telling what they do."""
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_SUBJECTS for c in verb.children)


def _recurrent(tok: Token, words: GenericWords) -> bool:
    return tok.lemma_.lower() in words.recurrent_times and any(
        c.dep_ == "det" and c.lower_ in DISTRIBUTIVES for c in tok.children
    )


def _present_simple(verb: Token) -> bool:
    return verb.tag_ in PRESENT and not any(c.dep_ in AUXILIARIES for c in verb.children)


def _generic_condition(clause: Token, words: GenericWords) -> bool:
    return (
        clause.dep_ == "advcl"
        and clause.tag_ in PRESENT
        and any(c.dep_ in CLAUSE_OPENERS and c.lower_ in words.generic_marks for c in clause.children)
    )


def _timed(tok: Token) -> bool:
    """Whether a time phrase dates the act ("lands in Kenya later on Friday"): a present act then is
    scheduled, not habitual."""
    for verb in _chain(tok):
        for c in verb.children:
            if c.dep_ in TIME_DEPS and any(t.ent_type_ in TIME_ENTS for t in c.subtree):
                return True
    return False


def _headline(tok: Token) -> bool:
    """Whether the trigger's sentence is a headline: a paragraph of its own with no closing punctuation
    (a headline tells a past or coming act in the present)."""
    doc = tok.doc
    start = end = tok.i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while end + 1 < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    words = [t for t in doc[start : end + 1] if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", "”", '"', "’", ":", ";")


def _role(tok: Token) -> bool:
    """Whether the trigger is a relative clause in the present simple, which tells what its antecedent
    does as a rule or is for ("the agency that helps refugees", "states that arm X"); a clause on a time
    ("a day before X heads to Y") tells a scheduled act."""
    for verb in _chain(tok):
        if verb.dep_ == "relcl":
            return _present_simple(verb) and verb.head.ent_type_ not in TIME_ENTS
    return False


def _of_kind(tok: Token, words: GenericWords) -> bool:
    """Whether the act's object is a kind that "all" quantifies ("opposes all forms of terrorism"), or
    a bare noun "in all its forms" ("condemns terrorism in all its forms"; "the attack and terrorism in
    all its forms" has a particular object and stays an act)."""
    objs = [c for c in tok.children if c.dep_ in DIRECT_OR_PREP_OBJECTS]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    if any(_all_kinds(o, words) for o in objs):
        return True
    preps = [c for holder in (tok, *objs) for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"]
    if not any(_all_kinds(p, words) for prep in preps for p in prep.children if p.dep_ == "pobj"):
        return False
    return bool(objs) and all(_bare(o) for o in objs)


def kind_object(tok: Token) -> bool:
    """Whether every direct object of the trigger is a kind, a bare common noun ("favored free markets
    and global trade", "condemns terrorism"), not a party or a particular act ("the attack")."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    return bool(objs) and all(_bare(o) and not o.ent_type_ for o in objs)


def _all_kinds(noun: Token, words: GenericWords) -> bool:
    return noun.lemma_.lower() in words.kind_nouns and any(
        c.lower_ == "all" and c.dep_ in DETERMINERS for c in noun.children
    )


def _bare(noun: Token) -> bool:
    """A common noun with no determiner, owner or number: a kind ("terrorism", "violence")."""
    return noun.pos_ == "NOUN" and not any(c.dep_ in BARE_DETERMINERS for c in noun.children)


def _capacity(tok: Token, words: GenericWords) -> bool:
    """Whether the trigger is (or lies in) the infinitive of a noun of capacity, duty or purpose
    ("obligations to allow X to provide aid", "a tendency to lash out", "a forum to discuss X", "the
    only way is to resign"); the parser often hangs such an infinitive on the verb, so the noun right
    before its "to" counts too."""
    cur = tok
    for _ in range(MAX_UP):
        to = next((c for c in cur.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is not None and cur.dep_ == "xcomp" and cur.head.lemma_ == "be":  # "the aim is to expel X"
            return any(c.dep_ == "nsubj" and _potential(c, words) for c in cur.head.children)
        if to is not None:
            noun = cur.head if cur.dep_ == "acl" else cur.doc[to.i - 1] if to.i > 0 else None
            if noun is not None and noun.pos_ in ("NOUN", "PROPN") and _potential(noun, words):
                return True
        if cur.dep_ not in CAPACITY_LINKS or cur.head is cur:
            return False
        cur = cur.head
    return False


def _potential(noun: Token, words: GenericWords) -> bool:
    """A noun of capacity or duty that is not put to use ("used its power to block X" is an act)."""
    if noun.lemma_.lower() not in words.potential_nouns:
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.exercise_verbs)


def _state(tok: Token) -> bool:
    """Whether the trigger is a participle coordinated with adjectives of state ("who is alive, injured
    or dead")."""
    if tok.tag_ not in ("VBN", "JJ"):
        return False
    if tok.dep_ == "conj" and tok.head.pos_ == "ADJ" and tok.head.dep_ in STATE_LINKS:
        return True
    return tok.dep_ == "acomp" and any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in tok.children)
