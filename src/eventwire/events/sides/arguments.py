"""Which tokens are the source and the target of a matched trigger (verbal, passive, nominal)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...labels import (
    CLAUSE_CORE,
    OBJECTS,
    OBJECTS_OR_ATTRIBUTES,
    PREPOSITIONS,
    REDUCED_PASSIVE_LINKS,
    SHARED_SUBJECT_CLAUSES,
    SUBJECT_OR_PREP_OBJECT,
    SUBJECTS,
)
from ...model import Analysis, EventSide
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ..grammar.syntax import (
    complement_objects,
    complement_subject,
    condition_subjects,
    expand_conj,
    from_objects,
    is_headline_verb,
    measure,
    nominal_source,
    nominal_targets,
    objects,
    passive_targets,
    prep_objects,
    subjects,
)
from ..lexicon.lexicon import Pattern
from ..rules.modality import for_infinitive
from .phrases import target_bounds
from .sides import is_pair_phrase, make_side, repair_head, side_words, usable_argument
from .targets import instruments

_WORDS = word_lists("eventwire.events")

__all__ = [
    "Match",
    "SidePair",
    "arguments",
    "clean",
    "is_experiencer",
    "is_purpose",
    "symmetric_pairs",
    "target_side",
    "understood",
]


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token and the pattern that matched it."""

    token: Token
    pattern: Pattern
    depth: int


SidePair = tuple[Token | None, EventSide | None]


#: first/second person pronouns: the speaker of a quotation, not an actor the coder can name
SPEAKER_PRONOUNS = _WORDS.words("speaker_pronouns")
#: reflexive pronouns name the source again ("a bomber blew himself up"): no other side
REFLEXIVES = _WORDS.words("reflexives")
#: pronouns that refer back to an actor (unlike "some", "many", "others")
REFERRING_PRONOUNS = _WORDS.words("referring_pronouns")
#: requests, threats and the like address the subject of their "that" clause
ADDRESSED_ROOTS = frozenset({"01", "02", "10", "12", "13"})
#: threats and demands aimed at whoever must meet their condition
CONDITIONAL_ROOTS = frozenset({"13"})
#: statements whose topic is an "about" phrase ("expressed concern about X")
ABOUT_ROOTS = frozenset({"01", "11", "12"})
ABOUT_PREPS = _WORDS.words("about_preps")
#: prepositions naming what caused a feeling ("dismayed by the decision", "angered at the move")
CAUSE_PREPS = _WORDS.words("cause_preps")
#: prepositions whose object may be the actor behind a thing target ("relations with Russia")
THING_PREPS = _WORDS.words("thing_preps")
ADDRESSEE_PREPS = _WORDS.words("addressee_preps")
#: how many things deep that actor may be named ("claims of fraud against the mayor")
THING_DEPTH = 2
#: roots whose acts have a patient: their bare past participle is passive ("imprisoned", "killed")
PATIENT_ROOTS = frozenset({"08", "16", "17", "18", "19", "20"})


def is_purpose(clause: Token) -> bool:
    """A "to" infinitive of purpose ("provided 6 million euros to support projects")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def arguments(m: Match) -> tuple[list[Token], list[Token], bool]:
    """(sources, targets, passive) of a match."""
    tok, pat = m.token, m.pattern
    if tok.pos_ == "NOUN" and not is_headline_verb(tok):
        return nominal_arguments(tok)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    control = vocabulary().words("events.object_control")
    if pat.code[:2] in PATIENT_ROOTS and reduced_passive(
        tok
    ):  # "Navalny remains imprisoned", "was abducted and killed"
        agents = [
            p
            for c in tok.children
            if c.dep_ in PREPOSITIONS and c.lower_ == "by"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        patients = [tok.head] if tok.dep_ == "acl" else subjects(tok)
        if any(t.lemma_.lower() in pat.veto for t in patients):  # "a report released on Tuesday"
            return [], [], False
        return agents, patients, True
    if passive and is_experiencer(tok):  # "X was appalled by the allegations": X reacts to them
        return _experiencer_arguments(tok)
    if _shared_passive(tok):  # "The prisoners were jailed in May and were released by X": X -> prisoners
        patients = [c for c in tok.head.children if c.dep_ == "nsubjpass"] or subjects(tok)
        return _by_agents(tok), patients, True
    srcs = subjects(tok)
    if passive and not srcs and pat.code[:2] in PATIENT_ROOTS:  # "a shell was fired at Israel from Gaza"
        # "were removed from the Government's list": the owner of what they were taken from
        srcs = [next((c for c in t.children if c.dep_ == "poss"), t) for t in from_objects(tok)]
    if pat.target == "comp_subj":
        tgts = complement_subject(tok)
    elif pat.target == "from_subj":
        return from_objects(tok), srcs, False
    elif pat.target == "post":
        tgts = _post_holders(tok)
    elif pat.target == "prep":
        victims = _victims(tok, pat)
        tgts = [c for c in tok.children if c.dep_ == "nsubjpass"] or victims or prep_objects(tok)
    elif pat.prep:
        # "Chile and Peru were removed from the list": the named patients ("a rocket was fired at X": X)
        patients = [t for c in tok.children if c.dep_ == "nsubjpass" for t in expand_conj(c)] if passive else []
        tgts = (
            (patients if patients and all(t.pos_ == "PROPN" for t in patients) else [])
            or [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in pat.prep
                for p in c.children
                if p.dep_ == "pobj"
            ]
            or objects(tok)
        )
    elif tok.lemma_ in control and any(c.dep_ == "xcomp" for c in tok.children):
        addressed = [t for c in tok.children if c.dep_ in OBJECTS for t in expand_conj(c)]
        tgts = addressed or _addressees(tok) or complement_objects(tok)  # "urged X and Y to ..."
    else:
        tgts = objects(tok) or complement_objects(tok)
    if passive and instrument_subject(tok, pat):  # "Sanctions were imposed on Iran": Iran
        tgts = passive_targets(tok) or tgts
    if not tgts and pat.code[:2] in ADDRESSED_ROOTS:  # "demanded that the U.S. cancel the sale"
        tgts = complement_subject(tok) or [s for o in objects(tok) for s in complement_subject(o)]
        tgts = tgts or _for_subjects(tok)  # "called for Britain to stay in the market"
        if not tgts and tok.dep_ == "acomp":  # "is skeptical the program will work"
            tgts = complement_subject(tok.head)
    if not tgts and tok.lemma_ in control:  # "allowed X to run" parsed as a clause
        tgts = complement_subject(tok)
        tgts = tgts or [o for c in tok.children if c.dep_ == "ccomp" for o in objects(c)]  # "let free X"
    if not tgts:  # "refused to allow X to leave": whom the permission was for
        tgts = [s for c in tok.children if c.dep_ == "xcomp" and c.lemma_ in control for s in complement_subject(c)]
    if pat.code[:2] in CONDITIONAL_ROOTS:  # "threatened to quit the talks if the U.S. ...": the U.S.
        tgts = tgts + condition_subjects(tok)
    if not tgts and pat.code[:2] in ABOUT_ROOTS:  # "skeptical of the figures", "optimism about X"
        tgts = [
            p
            for h in (tok, *objects(tok))
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS
            for p in (*c.children, *(s for g in c.children if g.dep_ == "pcomp" for s in subjects(g)))
            if p.dep_ in SUBJECT_OR_PREP_OBJECT
        ][:1]  # "skeptical about the government being able to ...": the government
    if not tgts and pat.code[:2] == "14":  # "staged protests to demand the resignation of X"
        tgts = [t for c in tok.children if c.dep_ == "advcl" and is_purpose(c) for t in objects(c)]
    wanted = wanted_patients(tok)
    if wanted:  # "called for X to be afforded due process": X is not asked; "... to be freed by Y": Y is
        tgts = [t for t in tgts if t not in wanted] or _wanted_agents(tok)
    return srcs, tgts, passive


def is_experiencer(tok: Token) -> bool:
    """Whether a verb names a feeling its object has (``data/sides.yaml`` ``experiencer_verbs``: "appal",
    "dismay"): its passive subject feels it, and is the side that reacts."""
    words = side_words("experiencer_verbs")
    if tok.pos_ != "VERB" or any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "was encouraged by X to talk": X urged it
    return tok.lemma_.lower() in words or tok.lower_ in words


def _experiencer_arguments(tok: Token) -> tuple[list[Token], list[Token], bool]:
    """(sources, targets, passive) of a passive feeling ("X was dismayed by Y", "X was angered at Y"):
    the one who feels it reacts to what caused it."""
    feelers = [t for c in tok.children if c.dep_ == "nsubjpass" for t in expand_conj(c)]
    causes = [
        t
        for c in tok.children
        if c.dep_ in PREPOSITIONS and c.lower_ in CAUSE_PREPS
        for p in c.children
        if p.dep_ == "pobj"
        for t in expand_conj(p)
    ]
    return feelers, causes, False


def _addressees(tok: Token) -> list[Token]:
    """Whom a control verb addresses through "on" ("called on the Council to restore sanctions")."""
    return [
        t
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS
        for p in c.children
        if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
        for t in expand_conj(p)
    ]


def _for_subjects(tok: Token) -> list[Token]:
    """The subject of a "for X to do" clause of the trigger ("called for Britain to stay")."""
    return [
        s
        for c in tok.children
        if c.dep_ in SHARED_SUBJECT_CLAUSES and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for s in c.children
        if s.dep_ in SUBJECTS
    ]


def _wanted_agents(trigger: Token) -> list[Token]:
    """The "by" agents of the trigger's "for X to be done" clauses ("called for X to be freed by Y")."""
    return [
        p
        for c in trigger.children
        if for_infinitive(c)
        for a in c.children
        if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
        for p in a.children
        if p.dep_ == "pobj"
    ]


def wanted_patients(trigger: Token) -> list[Token]:
    """The passive subjects of the trigger's "for X to be done" clauses ("called for X and Y to be
    afforded due process"), with their conjuncts: what is wanted is done to them by another, unnamed,
    whom the call addresses. They are no target of the call, nor the nearest actor a search for one
    may take. The parser makes the subject the clause's own, or the object of the governor's "for"."""
    out: list[Token] = []
    for c in trigger.children:
        if not for_infinitive(c) or not any(a.dep_ == "auxpass" for a in c.children):
            continue
        subj = [s for s in c.children if s.dep_ in SUBJECTS]
        subj = subj or [
            p
            for f in trigger.children
            if f.dep_ == "prep" and f.lower_ == "for" and f.i < c.i
            for p in f.children
            if p.dep_ == "pobj"
        ]
        out.extend(t for s in subj for t in (s, *s.conjuncts))
    return out


def _post_holders(tok: Token) -> list[Token]:
    """Whose post the trigger leaves: the "of" object of its "as" phrase ("resigned as president of
    Indonesia" -> Indonesia), else the post itself."""
    posts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    bodies = [b for p in posts for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for b in c.children]
    return [b for b in bodies if b.dep_ == "pobj"] or posts


def _victims(tok: Token, pat: Pattern) -> list[Token]:
    """The direct objects of an instrument pattern that are its victims ("hit the town with air
    strikes"); none when an object's phrase holds the pattern's own word ("carried out air strikes",
    "detonated an explosives-laden car"): another object beside it is a parser's slip ("expressed
    condolences ..., Nobel Prize winner X")."""
    if not pat.obj and not pat.comp:
        return []
    words = pat.obj | pat.comp
    dobjs = [c for c in tok.children if c.dep_ == "dobj"]
    if any(t.lemma_.lower() in words or t.lower_ in words for d in dobjs for t in d.subtree):
        return []  # "detonated his explosives-laden vehicle": the object is the weapon
    return dobjs


def instrument_subject(tok: Token, pat: Pattern) -> bool:
    """Whether the passive subjects of ``tok`` are all the instrument or content of the pattern's act
    ("Aid was sent", "Sanctions were imposed"), not the one it is aimed at."""
    words = instruments(pat)
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return bool(subj) and all(s.pos_ == "NOUN" and (s.lemma_.lower() in words or s.lower_ in words) for s in subj)


def _shared_passive(tok: Token) -> bool:
    """A passive verb coordinated with another that shares its subject ("... and were released by X")."""
    kids = list(tok.children)
    return tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ in SUBJECTS for c in kids)


def _by_agents(tok: Token) -> list[Token]:
    """The objects of the trigger's "by" phrase (the agent of a passive)."""
    by = [c for c in tok.children if c.dep_ in PREPOSITIONS and c.lower_ == "by"]
    return [p for c in by for p in c.children if p.dep_ == "pobj"]


def reduced_passive(tok: Token) -> bool:
    """A past participle without auxiliary in a subordinate slot is passive ("remains imprisoned")."""
    if tok.tag_ != "VBN" or tok.dep_ not in REDUCED_PASSIVE_LINKS:
        return False
    if any(c.dep_ in CLAUSE_CORE for c in tok.children):
        return False
    if tok.dep_ == "conj":  # "was abducted and killed": passive only when its head is
        return any(c.dep_ == "auxpass" for c in tok.head.children) or reduced_passive(tok.head)
    return True


def nominal_arguments(noun: Token) -> tuple[list[Token], list[Token], bool]:
    srcs, tgts = nominal_source(noun, vocabulary().words("events.light_verbs")), nominal_targets(noun)
    held = measure(noun) or noun  # "announced $5 million in aid"
    light = held.dep_ in OBJECTS_OR_ATTRIBUTES and held.head.lemma_ in vocabulary().words("events.light_verbs")
    if not tgts and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head  # "were killed in Israeli shelling": the shelling's target is the killed
        tgts = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not tgts and not light:
        return [], [], False  # a bare nominal ("China's assistance") is a mention, not a coded event
    return srcs, tgts, False


def target_side(analysis: Analysis, tok: Token) -> SidePair:
    """The side of a target; a thing ("relations with Russia", "a truce with X", "claims of fraud against
    X") gives way to the actor of its prepositional phrases (see ``thing_actor``)."""
    side = make_side(analysis, tok, wide=True)
    if side.actor or tok.pos_ != "NOUN":
        return tok, side  # an actor, or a thing whose phrase names one ("Israel's decision", "a depot of the army")
    found = thing_actor(analysis, tok, THING_DEPTH)
    if found is not None:
        return found
    return tok, side


def thing_actor(analysis: Analysis, thing: Token, depth: int) -> SidePair | None:
    """The actor a thing's preposition phrases name ("relations with Russia"), nearest first; a thing
    named there (or coordinated with one) whose phrase names no actor is searched in turn, ``depth``
    levels down ("claims of fraud and bribery against the mayor": the mayor); else the first phrase that
    names a country."""
    located: SidePair | None = None
    for prep in thing.children:
        if prep.dep_ != "prep" or prep.lower_ not in THING_PREPS:
            continue
        for pobj in [t for c in prep.children if c.dep_ == "pobj" for t in expand_conj(c)]:
            alt = make_side(analysis, pobj, wide=True)
            if alt.actor:
                return pobj, alt
            inner = thing_actor(analysis, pobj, depth - 1) if depth > 1 and pobj.pos_ == "NOUN" else None
            if inner is not None and inner[0] is not None:
                lo, hi = target_bounds(pobj)
                return (pobj, alt) if alt.country and lo <= inner[0].idx < hi else inner  # "a deal with X"
            if located is None and alt.country:
                located = (pobj, alt)
    return located


def understood(tok: Token, side: EventSide) -> bool:
    """A pronoun source that resolved to no actor is not understood ("it" with no antecedent)."""
    if tok.pos_ != "PRON" or tok.lower_ not in REFERRING_PRONOUNS:
        return True
    return side.actor is not None or side.country is not None


def clean(tokens: list[Token], voiced: frozenset[int] = frozenset()) -> list[Token]:
    """Usable argument heads; a speaker's pronoun ("we", "I") only when ``voiced`` holds it (a quotation
    whose speaker it names)."""
    heads = [repair_head(t) for t in tokens]
    return [
        t
        for t in heads
        if usable_argument(t)
        and not (t.pos_ == "PRON" and t.lower_ in REFLEXIVES)
        and not (t.pos_ == "PRON" and t.lower_ in SPEAKER_PRONOUNS and t.i not in voiced)
    ]


def _apart(a: SidePair, b: SidePair) -> bool:
    """Two sources that are different parties: different phrases, or the two states of one paired
    phrase ("both countries signed")."""
    if a[0] is None or b[0] is None:
        return False
    if a[0].i != b[0].i:
        return True
    return is_pair_phrase(a[0]) and a[1] is not None and b[1] is not None and a[1].country != b[1].country


def symmetric_pairs(srcs: list[SidePair], tgts: list[SidePair]) -> list[tuple[SidePair, SidePair]]:
    """A symmetric act: coordinated sources act on each other, and each source and each actor target
    act on each other ("Brazil and the U.S. seek a partnership", "X met with Y")."""
    actor_tgts = [t for t in tgts if t[1] is not None and (t[1].actor or (t[0] is not None and t[0].pos_ == "PROPN"))]
    pairs = [(a, b) for a in srcs for b in srcs if a[0] is not None and b[0] is not None and _apart(a, b)]
    pairs += [(a, b) for a in srcs for b in actor_tgts]
    pairs += [(b, a) for a in srcs for b in actor_tgts if a[1] is not None and (a[1].country or a[1].actor)]
    if not pairs:
        pairs = [(a, b) for a in srcs for b in tgts]
    return pairs
