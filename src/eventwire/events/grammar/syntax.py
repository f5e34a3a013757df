"""Arguments of a trigger in the dependency parse: subjects, objects, passive agents, control, nominals.

All functions take spaCy tokens of one parsed sentence and return tokens (heads of argument phrases);
``phrases`` turns a head into the character span of its noun phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...labels import (
    ALL_SUBJECTS,
    NOUN_MODIFIERS,
    OBJECT_OR_PARTICLE,
    OBJECTS,
    OBJECTS_OR_ATTRIBUTES,
    OWNER_MODIFIERS,
    SUBJECT_SHARING_LINKS,
)
from ...nlp import ParseTable, dateline_end, parse_table
from ...partitives import partitive_group
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ..lexicon.lexicon import adjunct_words, quantity_words

_WORDS = word_lists("eventwire.events")

__all__ = [
    "ADVERBIAL_PREPS",
    "TIME_ENTS",
    "complement_lemmas",
    "condition_subjects",
    "content_head",
    "entity",
    "expand_conj",
    "headline_verb_at",
    "is_adjunct",
    "is_headline_verb",
    "measure",
    "name_heads",
    "nominal_source",
    "nominal_targets",
    "objects",
    "passive_targets",
    "subjects",
]

SUBJ = ALL_SUBJECTS
#: prepositions whose gerund shares the subject of the verb they modify ("by donating", "after meeting")
ADVERBIAL_PREPS = _WORDS.words("adverbial_preps")
TARGET_PREPS = _WORDS.words("target_preps")
INSTRUMENT_PREPS = _WORDS.words("instrument_preps")
#: target prepositions that also name a place ("at a lunch"): a later choice
PLACE_PREPS = _WORDS.words("syntax_place_preps")
NOMINAL_TARGET_PREPS = _WORDS.words("nominal_target_preps")
PRONOUNS = _WORDS.words("pronouns")
SECOND_TARGET_PREPS = _WORDS.words("second_target_preps")
CONDITION_SUBJECT_MARKS = _WORDS.words("condition_subject_marks")
MEASURE_PREPS = _WORDS.words("measure_preps")
MAX_DEPTH = 6
#: entity types of a time expression ("on Thursday" is no target)
TIME_ENTS = frozenset({"DATE", "TIME"})
#: entity types of a name the small model may split ("Barack" parsed apart from "Obama")
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def expand_conj(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Brazil and the United States")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(expand_conj(child))
        elif child.dep_ == "appos" and child.ent_type_ == "GPE" and tok.ent_type_ == "GPE":
            out.extend(expand_conj(child))  # "The US, Russia, and Switzerland" parsed as an apposition
    return out


def entity(tok: Token) -> list[Token]:
    """The tokens of the named entity ``tok`` belongs to (just ``tok`` when it names none)."""
    if tok.ent_iob_ == "O" or tok.ent_type_ not in NAME_ENTS:
        return [tok]
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return list(tok.doc[start:end])


def name_heads(tok: Token) -> list[Token]:
    """A subject and the heads coordinated with it, read through the named entity it belongs to: the
    small model splits names ("Barack" a subject, "Obama" its object, "Putin" a conjunct of "Obama";
    "Omar", "al" and "Bashir" each a subject). The name's head is its last token hung outside it."""
    ent = entity(tok)
    if len(ent) == 1:
        return expand_conj(tok)
    inside = {t.i for t in ent}
    roots = [t for t in ent if t.head.i not in inside or t.head.i == t.i]
    head = roots[-1] if roots and roots[-1].pos_ in NOMINAL else tok
    if head.pos_ not in NOMINAL:
        head = next((t for t in reversed(ent) if t.pos_ in NOMINAL), tok)
    out = expand_conj(head)
    seen = {t.i for t in out}
    for t in ent:
        for c in t.children:
            if c.dep_ == "conj" and c.i not in inside | seen and c.pos_ in NOMINAL:
                more = [x for x in expand_conj(c) if x.i not in seen]
                out.extend(more)
                seen.update(x.i for x in more)
    return out


def content_head(tok: Token) -> Token:
    """The head of what a quantity or container noun measures ("dozens of artifacts" -> artifacts, "40
    percent of their arms" -> arms); any other token is its own content head."""
    table, words = parse_table(tok.doc), quantity_words()  # the table's words: no string look-ups per test
    for _ in range(3):
        i = tok.i
        if not (table.pos[i] == "NUM" or table.lemma[i] in words or table.lower[i] in words):
            break
        inner = [p for c in _children(tok, {"prep"}) if c.lower_ == "of" for p in _children(c, {"pobj"})]
        if not inner:
            break
        tok = inner[0]
    return tok


def headline_verb_at(table: ParseTable, i: int) -> bool:
    """Whether token ``i`` is a present-tense verb the tagger took for a noun, as in a headline ("EU and
    UN hand over supplies to X"): the root "noun" of a clause with a subject and an object or particle."""
    if table.pos[i] != "NOUN" or table.dep[i] != "ROOT":
        return False
    deps = {table.dep[c] for c in table.children(i)}
    return "nsubj" in deps and bool(deps & OBJECT_OR_PARTICLE)


def is_headline_verb(tok: Token) -> bool:
    """``headline_verb_at`` of a token."""
    return headline_verb_at(parse_table(tok.doc), tok.i)


def is_adjunct(prep: Token) -> bool:
    """Whether a preposition leads an adverbial phrase of manner, occasion or warrant ("in a bid to",
    "on behalf of X", "with the approval of X"): it names no target and holds none."""
    return prep.dep_ == "prep" and any(
        c.dep_ == "pobj" and (prep.lower_, c.lemma_.lower()) in adjunct_words() for c in prep.children
    )


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _own_subjects(tok: Token) -> list[Token]:
    """Subjects of a verb written in its own clause (the agent of a passive comes first)."""
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        agents = [p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})]
        if not agents and tok.lemma_ in vocabulary().words("events.stative_passives"):  # "Vietnam is committed to ..."
            agents = _children(tok, {"nsubjpass"})
        return [t for a in agents for t in expand_conj(a)]
    subj = _children(tok, {"nsubj"})
    if not subj:  # "X however have opposed": the parser hung the subject on the auxiliary
        subj = [s for a in _children(tok, {"aux"}) for s in _children(a, {"nsubj"})]
    heads = [t for s in subj for t in name_heads(_past_dateline(partitive_group(s) or s))]
    return [t for k, t in enumerate(heads) if all(h.i != t.i for h in heads[:k])]


def _past_dateline(subj: Token) -> Token:
    """A dateline parsed as the subject ("NAIROBI — Kenya and Tanzania signed"): the apposed real one."""
    if subj.i >= dateline_end(subj.doc):
        return subj
    return next((c for c in subj.children if c.dep_ == "appos"), subj)


def subjects(tok: Token, depth: int = 0) -> list[Token]:
    """The source heads of a verbal trigger, inherited through control, coordination and clauses."""
    own = _own_subjects(tok)
    if own or any(c.dep_ == "nsubjpass" for c in tok.children) or depth > MAX_DEPTH:
        return own
    head, dep = tok.head, tok.dep_
    if head is tok:
        return []
    if dep == "xcomp":
        objs = _children(head, OBJECTS)
        if head.lemma_ in vocabulary().words("events.object_control") and objs:
            return [t for o in objs for t in expand_conj(o)]
        return subjects(head, depth + 1)
    if dep in SUBJECT_SHARING_LINKS:
        return subjects(head, depth + 1)
    if dep == "pcomp" and head.lower_ in ADVERBIAL_PREPS and head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head, depth + 1)  # "X continues its efforts by donating supplies"
    if (governor := _progress_verb(tok)) is not None:
        return subjects(governor, depth + 1)  # "X is in the process of reviewing its defences"
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return [head]
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBD":
        return [head]  # a past-tense verb parsed as modifying its subject ("The air force carried out ...")
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        owner = _children(head, {"poss"})
        if owner:
            return owner
        if head.dep_ in OBJECTS_OR_ATTRIBUTES and head.head.pos_ in ("VERB", "AUX"):
            return subjects(head.head, depth + 1)
    return []


def _progress_verb(tok: Token) -> Token | None:
    """The verb of "X is in the process (midst) of V-ing" whose subject does V."""
    of, noun = tok.head, tok.head.head
    if (
        tok.dep_ != "pcomp"
        or of.lower_ != "of"
        or noun.lemma_.lower() not in vocabulary().words("events.progress_nouns")
    ):
        return None
    into = noun.head
    if noun.dep_ != "pobj" or into.lower_ != "in" or into.head.pos_ not in ("VERB", "AUX"):
        return None
    return into.head


def objects(tok: Token) -> list[Token]:
    """Target heads of a verbal trigger: the passive subject, the direct object, the dative, or the
    object of a targeting preposition."""
    passive = [t for s in _children(tok, {"nsubjpass"}) for t in expand_conj(s)]
    if passive:
        return passive
    direct = [t for o in _children(tok, OBJECTS) if (p := _pobj_or_self(o)) is not None for t in expand_conj(p)]
    if direct:
        return direct
    for prep in _children(tok, {"prep"}):
        if prep.lower_ in TARGET_PREPS and not is_adjunct(prep):
            pobj = [p for p in _children(prep, {"pobj"}) if not _is_time(p)]
            if pobj:
                return [t for p in pobj for t in expand_conj(p)]
    return []


def _is_time(tok: Token) -> bool:
    """A time expression ("on Thursday"), not a name the parser hung a date on ("Assad Tuesday")."""
    return tok.ent_type_ in TIME_ENTS and not any(c.dep_ == "compound" for c in tok.children)


def complement_objects(tok: Token) -> list[Token]:
    """Objects of the trigger's clausal complement ("voted to end the presence" -> presence)."""
    for comp in _children(tok, {"xcomp"}):
        objs = objects(comp)
        if objs:
            return objs
    return []


def prep_objects(tok: Token) -> list[Token]:
    """Objects of the trigger's prepositions and its dative: the target of an instrument pattern
    ("sent troops to Iraq", "imposed sanctions on Iran")."""
    datives = [_pobj_or_self(o) for o in _children(tok, {"dative"})]
    dative = [t for o in datives if o is not None for t in expand_conj(o)]
    if dative:
        return dative
    dobjs = _children(tok, {"dobj"})
    holders = [tok, *dobjs, *(a for o in dobjs for a in _children(o, {"appos"}))]  # "an operation, X, against Y"
    # "a meeting with X at a lunch"; "seeking aid for war victims at a donor conference"
    for preps in (TARGET_PREPS - PLACE_PREPS, SECOND_TARGET_PREPS, TARGET_PREPS | INSTRUMENT_PREPS):
        for holder in holders:
            for prep in _children(holder, {"prep"}):
                taken = prep.lower_ in preps and not is_adjunct(prep)
                pobj = [p for p in _children(prep, {"pobj"}) if not _is_time(p)] if taken else []
                if pobj:
                    return [t for p in pobj for t in expand_conj(p)]
    for obj in _children(tok, {"dobj"}):  # "returned a statue of the god Shiva to India": "to" hung on the object
        tos = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "to" and t.head.i != obj.i]
        for to in tos[-1:]:  # the last: the one the parser hung too low
            found = [t for p in _children(to, {"pobj"}) if not _is_time(p) for t in expand_conj(p)]
            if found:
                return found
    return []


def passive_targets(tok: Token) -> list[Token]:
    """The actor a passive act with an instrument subject is aimed at ("Sanctions were imposed on Iran",
    "Aid was sent to Haiti", "Sanctions against Iran were lifted"): a dative or targeting phrase of the
    verb or of its subject; never a place ("in", "at") or the agent ("by")."""
    datives = [_pobj_or_self(o) for o in _children(tok, {"dative"})]
    found = [t for o in datives if o is not None for t in expand_conj(o)]
    for holder in (tok, *_children(tok, {"nsubjpass"})):
        if found:
            break
        for prep in _children(holder, {"prep"}):
            if prep.lower_ in TARGET_PREPS - PLACE_PREPS:
                found = [t for p in _children(prep, {"pobj"}) if not _is_time(p) for t in expand_conj(p)]
                if found:
                    break
    return found


def _pobj_or_self(tok: Token) -> Token | None:
    """A dative written as a preposition ("provide support to Israel") -> its object."""
    if tok.pos_ == "ADP":
        objs = _children(tok, {"pobj"})
        return objs[0] if objs else None
    return tok


def from_objects(tok: Token) -> list[Token]:
    """Objects of "from" on the trigger or its direct object ("received weapons from X")."""
    for holder in [tok, *_children(tok, {"dobj"})]:
        for prep in _children(holder, {"prep"}):
            if prep.lower_ == "from":
                return [t for p in _children(prep, {"pobj"}) for t in expand_conj(p)]
    return []


def complement_subject(tok: Token) -> list[Token]:
    """The subject of the trigger's clausal complement ("said the U.S. had moved troops" -> U.S.); a
    noun's content clause may be parsed as its modifier ("hopes that the U.S. will help" -> U.S.)."""
    clauses = _children(tok, {"ccomp"})
    if tok.pos_ == "NOUN":
        clauses += [c for c in _children(tok, {"acl"}) if c.pos_ in ("VERB", "AUX") and _children(c, {"nsubj"})]
    for comp in clauses:
        subj = _own_subjects(comp) or [t for s in _children(comp, {"nsubjpass"}) for t in expand_conj(s)]
        if subj:
            return subj
    return []


def condition_subjects(tok: Token) -> list[Token]:
    """Subjects of an "if"/"unless" clause of the trigger or of its infinitive ("threatened to stop
    the talks if the United States deploys missiles" -> United States)."""
    for holder in [tok, *_children(tok, {"xcomp"})]:
        for clause in _children(holder, {"advcl"}):
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_SUBJECT_MARKS for m in clause.children):
                subj = _own_subjects(clause)
                if subj:
                    return subj
    return []


def nominal_source(noun: Token, light_verbs: frozenset[str]) -> list[Token]:
    """The actor of a nominal event: possessor, compound or adjective modifier, "by" agent, or the
    subject of a light verb ("launched an attack")."""
    by = [p for c in _children(noun, {"prep"}) if c.lower_ == "by" for p in _children(c, {"pobj"})]
    if by:
        return by
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    mods = [
        c
        for c in noun.children
        if c.dep_ in OWNER_MODIFIERS and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.dep_ == "poss")
    ]
    if not mods:  # "Israeli tank shelling": the actor modifies the compound
        mods = [
            g
            for c in noun.children
            if c.dep_ == "compound"
            for g in c.children
            if g.dep_ in NOUN_MODIFIERS and g.ent_type_ in ("GPE", "NORP")
        ]
    if mods and (has_of or noun.lemma_ not in vocabulary().words("events.victim_nouns")):
        return mods
    held = measure(noun) or noun  # "announced $33 million in assistance": the million is the object
    if held.dep_ in OBJECTS_OR_ATTRIBUTES and held.head.lemma_ in light_verbs:
        return subjects(held.head)
    return []


def measure(noun: Token) -> Token | None:
    """The amount a noun is the "in"/"of" phrase of ("$33 million in assistance" -> million)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in MEASURE_PREPS or prep.head.i == prep.i:
        return None
    amount = prep.head
    quantity = amount.pos_ == "NUM" or amount.lemma_.lower() in quantity_words()
    return amount if quantity or amount.ent_type_ == "MONEY" else None


def nominal_targets(noun: Token) -> list[Token]:
    """The target of a nominal event: its "of/on/against/with/to" object, or the possessor of a
    victim noun without "of" ("Soleimani's killing")."""
    for prep in _children(noun, {"prep"}):
        if prep.lower_ in NOMINAL_TARGET_PREPS and not is_adjunct(prep):
            pobj = _children(prep, {"pobj"})
            if pobj:
                return [t for p in pobj for t in expand_conj(p)]
    if noun.lemma_ in vocabulary().words("events.victim_nouns"):
        return _children(noun, {"poss"})
    held = measure(noun) or noun  # "announced $5 million in aid to X"
    if held.dep_ in OBJECTS_OR_ATTRIBUTES:
        verb = held.head
        dative = [t for d in _children(verb, {"dative"}) if (p := _pobj_or_self(d)) is not None for t in expand_conj(p)]
        if dative:  # "gave Putin a stern warning"
            return dative
        for prep in _children(verb, {"prep"}):
            if prep.lower_ in NOMINAL_TARGET_PREPS and prep.lower_ != "of" and not is_adjunct(prep):
                return [t for p in _children(prep, {"pobj"}) for t in expand_conj(p)]
    return []


def complement_lemmas(tok: Token, exclude: set[int]) -> dict[str, int]:
    """Lemmas (and lower-cased words) in the trigger's subtree outside its subjects -> tree depth; of a
    passive subject (the act's object), the phrases that aim it ("Evidence against X was presented").
    Walks the doc's ``parse_table`` (the subtree of a main verb is most of its sentence)."""
    table = parse_table(tok.doc)
    dep, lower = table.dep, table.lower
    found: dict[str, int] = {}
    stack: list[tuple[int, int]] = [(c, 1) for c in table.children(tok.i) if dep[c] not in SUBJ]
    for subj in table.children(tok.i):
        if dep[subj] == "nsubjpass":
            stack.extend(
                (p, 2) for p in table.children(subj) if dep[p] == "prep" and lower[p] in TARGET_PREPS - PLACE_PREPS
            )
    while stack:
        cur, depth = stack.pop()
        if cur in exclude or depth > MAX_DEPTH:
            continue
        for key in (table.lemma[cur], lower[cur]):
            if key not in found or depth < found[key]:
                found[key] = depth
        stack.extend((c, depth + 1) for c in table.children(cur))
    return found
