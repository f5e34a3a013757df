"""Sense constraints of trigger patterns: which reading of a trigger word its parse allows.

The lexicon's patterns say which words a trigger must govern; these rules say what kind of thing its
subject, object or prepositional object is ("returned to Kabul" travels, "returned to power" does not;
"received the envoy" hosts, "received a copy" does not), which dependents it must or must not have
("called X a Y" names, it does not phone), that a nominal event under a verb that calls it off or
prevents it did not happen, and which parts of a trigger's subtree only give its circumstance. The word
classes are in ``data/senses.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from ...labels import AUXILIARIES, OBJECT_SLOTS, OBLIGATION_PREDICATES, PATIENTS, SENSES_CLAUSE_DEPS, SUBJECTS
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import content_head, subjects
from .lexicon import KINDS, Pattern

_WORDS = word_lists("eventwire.events")

__all__ = ["circumstances", "kinds_of", "object_kinds", "sense_ok", "stative", "undone"]

#: dependencies of a trigger's object heads (as the coder reads objects)
OBJECT_DEPS = OBJECT_SLOTS
#: dependencies by which a noun is what a verb acts on
GOVERNED_DEPS = PATIENTS
#: dependencies of a clause that complements a verb of saying ("said X must ...", "X must ..., he said")
CLAUSE_DEPS = SENSES_CLAUSE_DEPS
#: relative pronouns: their kind is their antecedent's
RELATIVES = _WORDS.words("relatives")
#: subjects that name nothing ("there must be", "it has to be said")
DUMMIES = _WORDS.words("dummies")
#: words that open a relative clause and nothing else
WH_RELATIVES = _WORDS.words("wh_relatives")
OBLIGATION_LEMMAS = _WORDS.words("obligation_lemmas")


@dataclass(frozen=True, slots=True)
class SenseWords:
    entity_kinds: dict[str, frozenset[str]]
    persons: frozenset[str]
    institutions: frozenset[str]
    agent_pronouns: frozenset[str]
    undoing: frozenset[str]
    circumstance_marks: frozenset[str]
    circumstance_preps: frozenset[str]
    modals: frozenset[str]
    modal_verbs: frozenset[str]
    obligations: frozenset[str]
    saying: frozenset[str]
    linking: frozenset[str]


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key, ()))


@cache
def sense_words() -> SenseWords:
    """The word classes of ``data/senses.yaml``."""
    text = resources.files("eventwire.events").joinpath("data/senses.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    ents = {str(k): frozenset(str(v) for v in vals) for k, vals in data["entity_kinds"].items()}
    if set(ents) != KINDS:
        raise ValueError(f"senses.yaml: entity_kinds must name exactly {sorted(KINDS)}")
    return SenseWords(
        entity_kinds=ents,
        persons=_set(data, "persons"),
        institutions=_set(data, "institutions"),
        agent_pronouns=_set(data, "agent_pronouns"),
        undoing=_set(data, "undoing"),
        circumstance_marks=_set(data, "circumstance_marks"),
        circumstance_preps=_set(data, "circumstance_preps"),
        modals=_set(data, "modals"),
        modal_verbs=_set(data, "modal_verbs"),
        obligations=_set(data, "obligations"),
        saying=_set(data, "saying"),
        linking=_set(data, "linking"),
    )


def _antecedent(tok: Token) -> Token:
    """A relative pronoun's antecedent ("the envoy, who arrived": the envoy); any other token itself."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


def kinds_of(tok: Token) -> frozenset[str]:
    """The kinds ("person", "agent", "place") a phrase head is."""
    words = sense_words()
    tok = _antecedent(tok)
    ent, lemma, lower = tok.ent_type_, tok.lemma_.lower(), tok.lower_
    out: set[str] = {k for k, labels in words.entity_kinds.items() if ent in labels}
    if lemma in words.persons or lower in words.persons:
        out.add("person")
    if "person" in out or lemma in words.institutions or (tok.pos_ == "PRON" and lower in words.agent_pronouns):
        out.add("agent")
    return frozenset(out)


def _phrase_heads(tok: Token) -> list[Token]:
    """A phrase head, its conjuncts, what they measure ("dozens of officers") and their appositions
    ("the historian John Smith")."""
    heads = [tok, *tok.conjuncts]
    heads += [inner for h in heads if (inner := content_head(h)).i != h.i]
    return heads + [c for h in heads for c in h.children if c.dep_ == "appos"]


def _is_kind(tok: Token, kind: str) -> bool:
    return any(kind in kinds_of(t) for t in _phrase_heads(tok))


def object_kinds(tok: Token) -> frozenset[str]:
    """``@kind`` of each kind a trigger's object heads are (a pattern's obj may name them)."""
    heads = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    return frozenset(f"@{k}" for h in heads for t in _phrase_heads(h) for k in kinds_of(t))


def _subject_ok(tok: Token, kind: str) -> bool:
    subj = subjects(tok)
    return not subj or any(_is_kind(s, kind) for s in subj)


def _prep_object_ok(tok: Token, preps: frozenset[str], kind: str) -> bool:
    pobjs = [
        p
        for c in tok.children
        if c.dep_ == "prep" and (not preps or c.lower_ in preps)
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(_is_kind(p, kind) for p in pobjs)


def undone(tok: Token) -> bool:
    """Whether a nominal trigger is what a verb calls off, puts off or prevents ("postponed his trip")."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    gov = cur.head
    return cur.dep_ in GOVERNED_DEPS and gov.i != cur.i and gov.lemma_.lower() in sense_words().undoing


def _modal_clause_ok(tok: Token, modals: frozenset[str], modal_verbs: frozenset[str]) -> bool:
    """Whether a clause the trigger governs has one of ``modals`` after its subject ("said Iran must
    withdraw", "said the blockade must be lifted"), or is a modal verb with its infinitive after a
    subject that names something ("said Iran has to withdraw"): not an inverted condition ("should
    the talks fail"), nor a remark about saying itself ("it must be said that ...")."""
    words = sense_words()
    for clause in tok.children:
        if clause.dep_ not in CLAUSE_DEPS or clause.lemma_.lower() in words.saying:
            continue
        subj = [s for s in clause.children if s.dep_ in SUBJECTS and s.lower_ != "there"]
        aux = [a.i for a in clause.children if a.dep_ == "aux" and a.lower_ in modals]
        if aux and subj and min(s.i for s in subj) < min(aux):
            return True
        kids = {c.dep_ for c in clause.children}
        modal_verb = clause.lemma_.lower() in modal_verbs and clause.tag_ != "VBG"
        named = [s for s in subj if s.lower_ not in DUMMIES]
        if modal_verb and "xcomp" in kids and "neg" not in kids and named and named[0].i < clause.i:
            return True
    return False


def _obligation_clause_ok(tok: Token, obligations: frozenset[str]) -> bool:
    """Whether a clause the trigger governs states an obligation of a named subject: "have" with the
    obligation as its object ("said X has a clear obligation to"), or "be" with it as its predicate
    ("said X is obliged to"); not an obligation deeper down ("argued it does not care to fulfil its
    obligations")."""
    for clause in tok.children:
        if clause.dep_ not in CLAUSE_DEPS or clause.lemma_.lower() not in OBLIGATION_LEMMAS:
            continue
        subj = [s for s in clause.children if s.dep_ in SUBJECTS and s.lower_ not in DUMMIES]
        preds = [c for c in clause.children if c.dep_ in OBLIGATION_PREDICATES]
        stated = [c for c in preds if c.lemma_.lower() in obligations or c.lower_ in obligations]
        denied = "neg" in {c.dep_ for c in clause.children} or any(
            d.dep_ == "det" and d.lower_ == "no" for c in stated for d in c.children
        )  # "has no obligation to"
        if subj and stated and not denied:
            return True
    return False


def sense_ok(p: Pattern, tok: Token) -> bool:
    """Whether the trigger's parse allows the pattern's sense (its deps, nodeps, subj and pobj; a
    pattern whose complement words are all modals needs one in a clause after its own subject; and a
    nominal event must not be undone)."""
    words = sense_words()
    modal = bool(p.comp) and p.comp <= words.modals | words.modal_verbs
    if modal and not _modal_clause_ok(tok, p.comp & words.modals, p.comp & words.modal_verbs):
        return False
    if p.comp and p.comp <= words.obligations and not _obligation_clause_ok(tok, words.obligations):
        return False
    if p.deps and not any(c.dep_ in p.deps for c in tok.children):
        return False
    if p.nodeps and any(c.dep_ in p.nodeps for c in tok.children):
        return False
    if p.subj is not None and not _subject_ok(tok, p.subj):
        return False
    if p.pobj is not None and not _prep_object_ok(tok, p.prep, p.pobj):
        return False
    if p.pos == "n":
        return not undone(tok)
    return not stative(tok)


def stative(tok: Token) -> bool:
    """Whether a past participle only describes a state under a linking verb ("felt mistreated",
    "remained detained"): no act happens in the sentence."""
    if tok.tag_ != "VBN":
        return False
    linking = sense_words().linking
    under = [c for c in tok.children if c.dep_ in AUXILIARIES]  # the parser's usual reading
    if tok.head.i != tok.i:
        under.append(tok.head)
    return any(t.lemma_.lower() in linking or t.lower_ in linking for t in under)


def _relative_clause(tok: Token) -> bool:
    """A relative clause opened by a wh- word ("X, which remains at war with Y"); one opened by "that"
    may be a misparsed complement clause ("agreed with X that Y paid") and counts as content."""
    if tok.dep_ != "relcl":
        return False
    opening = tok.doc[tok.left_edge.i : tok.i]
    return any(t.lower_ in WH_RELATIVES for t in opening[:3])


def circumstances(tok: Token) -> set[int]:
    """Tokens of the trigger's subtree that are not its content: adverbial clauses of time, cause or
    concession ("after police arrested X"), phrases of attendant circumstance ("amid strikes") and the
    relative clauses that describe a noun of the complement ("X, which remains at war with Y"); their
    words say nothing of the trigger's own sense."""
    words = sense_words()
    out: set[int] = set()
    stack = list(tok.children)
    while stack:
        cur = stack.pop()
        if cur.i in out:
            continue
        marked = cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in words.circumstance_marks for c in cur.children
        )
        if marked or _relative_clause(cur) or (cur.dep_ == "prep" and cur.lower_ in words.circumstance_preps):
            out.update(t.i for t in cur.subtree)
            continue
        stack.extend(cur.children)
    return out
