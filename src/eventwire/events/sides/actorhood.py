"""Whether an event side is an actor, and which actor stands behind a side that names a thing.

A source or a target must be an actor: a person, a group, an organisation, a government, a state or a
population. A name (a person, an organisation, a state) is one, unless it is a dateline ("GAZA —") or a
named place with no country; a pronoun is one when it resolves to an actor (a first-person pronoun inside
a quotation resolves to the quotation's speaker); a common noun is one when ``data/sides.yaml`` lists it
("officials", "protesters", "the ministry"). Any other side names a thing ("the crisis", "the
legislation", "his smile"): the actor behind it is its owner where the grammar names one ("Israel's
decision", "Indian missile strikes", "the assault by the army"): for a source only when the thing is an
act or the means of one. A target that is a place ("a checkpoint in Kano", "Pakistani territory") is kept
when a country is known for it; otherwise the thing gives no side at all.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ...labels import DIRECT_OR_PREP_OBJECTS, NAME_PARTS, NOUN_MODIFIERS, OWNER_MODIFIERS, PATIENTS, PREPOSITIONS
from ...model import Analysis, EventSide, Quote
from ...nlp import LONG_DASHES, dateline_end, sentence_of
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import TIME_ENTS, content_head, expand_conj, subjects
from ..lexicon.lexicon import patterns_for, weapon_words
from ..rules.pruning import VIOLENT_ROOTS
from .fallback import hint
from .sides import make_side, subjects_before

_WORDS = word_lists("eventwire.events")

__all__ = [
    "FIRST_PERSON",
    "Role",
    "actor_nouns",
    "in_dateline",
    "is_actor_head",
    "is_means",
    "judge",
    "owners_of",
    "speaker_side",
]

Role = str  # "source" or "target"
SidePair = tuple[Token | None, EventSide | None]

#: first-person pronouns: inside a quotation they are its speaker (or the speaker's side)
FIRST_PERSON = _WORDS.words("first_person")
#: entity types of a name of an actor
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: entity types of a place name
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: entity types that never name an actor (a law, a book, an event, an amount)
THING_ENTS = frozenset(
    {"LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
#: how far into its sentence a dateline may run ("KHAN YOUNIS, Gaza Strip (AP) —")
DATELINE_TOKENS = 10
#: roots of what is said (statements, appeals, intents, accusations, demands, rejections, threats): a
#: document can say it
SAYING_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
#: modifiers that may name a thing's owner
OWNER_DEPS = OWNER_MODIFIERS
#: determiners of an act told before ("the decision", "this move")
BACK_DETERMINERS = _WORDS.words("back_determiners")
#: pronouns that may stand for an act ("voted to reject it")
THING_PRONOUNS = _WORDS.words("thing_pronouns")
#: prepositions whose object may own a thing ("the actions of the rioters")
OF_PREPS = _WORDS.words("of_preps")


@cache
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire.events").joinpath("data/sides.yaml").read_text(encoding="utf-8")
    data: dict[str, list[str]] = load_yaml(text)
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def actor_nouns() -> frozenset[str]:
    """Common nouns that head an actor phrase (``data/sides.yaml``)."""
    return _lists()["actor_nouns"]


def _words(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _is_act_noun(tok: Token) -> bool:
    """A noun of an act or of the means of one: listed, a trigger noun of the lexicon, or a weapon."""
    lemma, lower = _words(tok)
    acts = _lists()["act_nouns"]
    return lemma in acts or lower in acts or lemma in weapon_words() or bool(patterns_for(lemma, "n"))


def is_means(tok: Token) -> bool:
    """Whether the subject of an agentless act of violence is the act or its means ("the blast killed",
    "a missile struck"), so that the violence stands with no actor named; a thing of any other kind
    ("the rules hit the industry") makes the verb a figure of speech."""
    head = content_head(tok)
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma, lower = _words(head)
    means = _lists()["violent_means"]
    if lemma in means or lower in means or lemma in weapon_words():
        return True
    return any(p.code[:2] in VIOLENT_ROOTS for p in patterns_for(lemma, "n"))


def in_dateline(tok: Token) -> bool:
    """Whether the token lies in the dateline that opens the doc or its sentence ("KHAN YOUNIS, GAZA —",
    "ISLAMABAD (AP) —"): an upper-case place name, then a long dash."""
    doc = tok.doc
    if tok.i < dateline_end(doc):
        return True
    sent = sentence_of(tok)
    first = doc[sent.start]
    if tok.i - sent.start > DATELINE_TOKENS or not (first.is_alpha and first.text.isupper() and len(first) > 1):
        return False
    for cur in doc[sent.start : min(sent.end, sent.start + DATELINE_TOKENS + 1)]:
        if cur.text in LONG_DASHES:
            opening = doc[sent.start : cur.i]
            return tok.i < cur.i and all(t.is_punct or t.text[:1].isupper() for t in opening)
    return False


def _quote_at(analysis: Analysis, at: int) -> Quote | None:
    return next((q for q in analysis.quotes if q.span.start <= at < q.span.end), None)


def speaker_side(analysis: Analysis, tok: Token) -> EventSide | None:
    """The side of a first-person pronoun inside a quotation: its speaker ("we will respond", said the
    minister -> the minister), when the quotation's speaker is known."""
    if tok.lower_ not in FIRST_PERSON or tok.tag_ not in ("PRP", "PRP$"):  # "us", not "US"
        return None
    quote = _quote_at(analysis, tok.idx)
    if quote is None or quote.speaker.start is None or quote.speaker.end is None:
        return None
    span = tok.doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    side = make_side(analysis, span.root)
    actor = analysis.actor(quote.speaker.actor)
    if actor is not None and side.actor is None:
        side = replace(side, actor=actor.id, country=actor.country or side.country, sector=actor.sector or side.sector)
    return side if (side.actor or side.country) else None


def is_actor_head(tok: Token) -> bool:
    """Whether a common noun, a name or a pronoun can head an actor phrase by its own words."""
    lemma, lower = _words(tok)
    if tok.ent_type_ in THING_ENTS or tok.ent_type_ in TIME_ENTS:
        return False
    if tok.pos_ == "PRON":
        return lower in _lists()["person_pronouns"]
    if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS:
        return tok.ent_type_ not in PLACE_ENTS or tok.ent_type_ == "GPE"
    return lemma in actor_nouns() or lower in actor_nouns() or lower in _lists()["person_pronouns"]


def _is_place_noun(tok: Token) -> bool:
    lemma, lower = _words(tok)
    places = vocabulary().words("eventwire.place_nouns")
    return lemma in places or lower in places


def owners_of(tok: Token, of_phrase: bool = False, from_phrase: bool = False) -> list[Token]:
    """The modifiers or phrases naming who a thing belongs to or who does it, nearest first ("Israel's
    decision", "Indian missile strikes", "rebel positions", "the strike by the air force", "the appeal
    filed by X"; with ``of_phrase``, also "the computers of Israeli officials", "the actions of rioters and
    looters"; with ``from_phrase`` too, "demands from the union"); empty when the grammar names no one."""
    preps = [c for c in tok.children if c.dep_ in PREPOSITIONS]
    preps += [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in c.children if g.dep_ == "agent"]
    out = [p for c in preps if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    mods = [c for c in tok.children if c.dep_ in OWNER_DEPS and c.i < tok.i]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children if g.dep_ in OWNER_DEPS]
    for c in sorted(mods, key=lambda t: -t.i):
        named = c.ent_type_ in ACTOR_ENTS or (c.pos_ == "PROPN" and c.ent_type_ not in THING_ENTS)
        if c.dep_ == "poss" or named or (c.pos_ == "NOUN" and is_actor_head(c)):
            out.append(c)
    if of_phrase:
        words = OF_PREPS | ({"from"} if from_phrase else set())
        objs = [t for c in preps if c.lower_ in words for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        out += [o for o in objs if is_actor_head(o) or o.ent_type_ in ACTOR_ENTS]
    return out


def _owned(analysis: Analysis, tok: Token, side: EventSide, role: Role) -> SidePair | None:
    """The side of a thing coded as its owner's, when its owner names an actor: the thing's phrase
    stays the side's text ("Israel's subsequent assault", coded as Israel)."""
    found: EventSide | None = None
    owners = owners_of(tok, of_phrase=True, from_phrase=role == "target")
    for owner in owners:
        alt = speaker_side(analysis, owner) or make_side(analysis, owner)
        if alt.actor or alt.country:
            found = alt
            break
        if found is None and owner.pos_ != "PRON" and is_actor_head(owner):
            found = alt  # "rebel positions": an actor with no country
    if found is None:
        return None
    named = {t.i for o in owners for t in o.subtree}
    words = [t.text for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.i not in named]
    own = hint(words, tok.text)[1]  # its own words may say the sector ("Russian artillery", "military presence")
    sector = own or found.sector
    country = found.country or side.country
    code = found.code if sector == found.sector and found.code else f"{country or ''}{sector or ''}" or None
    return tok, replace(side, actor=found.actor or side.actor, country=country, sector=sector, code=code)


def _told_before(analysis: Analysis, tok: Token, side: EventSide) -> SidePair | None:
    """A bare noun of a decision after "the" or "this" ("condemned the decision", ``data/sides.yaml``
    ``decision_nouns``) is the act the sentence before told: coded as the actor that sentence tells it
    of (the phrase stays the side's)."""
    kids = list(tok.children)
    if not kids or any(c.dep_ != "det" or c.lower_ not in BACK_DETERMINERS for c in kids):
        return None
    if tok.lemma_.lower() not in _lists()["decision_nouns"] and tok.lower_ not in _lists()["decision_nouns"]:
        return None
    for subj in subjects_before(tok):
        alt = make_side(analysis, subj)
        if alt.actor or alt.country:
            return tok, replace(side, actor=alt.actor, country=alt.country, sector=alt.sector, code=alt.code)
    return None


def _act_referred(analysis: Analysis, tok: Token) -> SidePair | None:
    """An object "it" that stands for an act named before it in its sentence ("lifted the order after
    lawmakers voted to reject it"): the actor who owns that act, or who acted on it."""
    if tok.lower_ not in THING_PRONOUNS or tok.dep_ not in DIRECT_OR_PREP_OBJECTS:
        return None
    doc = tok.doc
    sent = sentence_of(tok)
    ante = None
    for t in reversed(doc[sent.start : tok.i]):
        if t.pos_ == "PROPN" and t.ent_type_ in ACTOR_ENTS and t.dep_ not in NOUN_MODIFIERS:
            return None  # "isolate Iran to force it to ...": a name nearer than any act
        if t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in PATIENTS and _is_act_noun(t):
            ante = t
            break
    if ante is None:
        return None
    agents = owners_of(ante) or subjects(ante.head)
    for agent in agents:
        alt = make_side(analysis, agent)
        if alt.actor or alt.country:
            return agent, alt
    return None


def _named_by(tok: Token) -> bool:
    """Whether a common noun is a title or description of the name it governs ("the Mafia boss Albert
    Anastasia", "the rights group Amnesty")."""
    return any(c.dep_ in NAME_PARTS and c.ent_type_ in ("PERSON", "ORG") for c in tok.children)


def _names_place(tok: Token) -> bool:
    """Whether a place noun's phrase names a place ("a checkpoint in Kano", "the Catumbela air base")."""
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in TIME_ENTS for c in tok.children)
    return named or any(t.ent_type_ in PLACE_ENTS and t.pos_ == "PROPN" for t in tok.subtree)


def _coded_actor(analysis: Analysis, tok: Token, side: EventSide) -> bool:
    """Whether the actor coder coded the noun itself as an actor (a mention of a person, group or
    organisation covers the head: "12 Finnish engineers")."""
    actor = analysis.actor(side.actor)
    return (
        actor is not None
        and actor.kind != "other"
        and (actor.country is not None or actor.sector is not None)
        and any(m.start <= tok.idx < m.end for m in actor.mentions)
    )


def judge(
    analysis: Analysis,
    tok: Token | None,
    side: EventSide | None,
    role: Role,
    places: bool = False,
    root: str = "",
) -> SidePair | None:
    """The side as an actor side (a thing coded as the actor behind it), or None when it names none;
    ``places``: a target may be a named place with no known country (where troops are withdrawn from);
    ``root``: the event's CAMEO root (the means of violence are a source of force only, a document a
    source of what is said only)."""
    if tok is None or side is None:
        return None
    if in_dateline(tok):
        return None
    voiced = speaker_side(analysis, tok)
    if voiced is not None:
        return tok, voiced
    resolved = side.actor is not None or side.country is not None
    if tok.pos_ == "PRON":
        if resolved or is_actor_head(tok):
            return tok, side
        return _act_referred(analysis, tok) if role == "target" else None
    if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS | PLACE_ENTS:
        if tok.ent_type_ in THING_ENTS:  # a named event or law: a target where its phrase locates it
            return (tok, side) if role == "target" and side.country is not None else None
        if tok.ent_type_ in ("LOC", "FAC"):  # a named place: a side only with its country
            return (tok, side) if resolved or (places and role == "target") else None
        return tok, side  # a name
    head = content_head(tok)  # "hundreds of demonstrators"
    if head.i != tok.i and head.pos_ == "PROPN" and head.ent_type_ in PLACE_ENTS:  # "parts of Kashmir"
        return (tok, side) if resolved or (places and role == "target") else None
    if is_actor_head(head) or _named_by(head):
        return tok, side
    act, place = _is_act_noun(head), _is_place_noun(head)
    if not act and not place and _coded_actor(analysis, head, side):
        return tok, side
    means = role == "source" and root in VIOLENT_ROOTS and is_means(head)
    if means and side.country is None:
        return tok, side  # "a roadside bomb killed ...": the unidentified attacker
    if act or role == "target":
        told = _told_before(analysis, head, side) if role == "target" else None
        owned = _owned(analysis, head, side, role) or told
        if owned is not None:
            return owned
    lemma, lower = _words(head)
    said = root in SAYING_ROOTS and (lemma in _lists()["speech_nouns"] or lower in _lists()["speech_nouns"])
    if side.country is not None and (means or said or role == "target"):
        # the means of an attack or a document whose phrase names its country ("the missiles" the actor
        # coder gave a country, "a report released in the Rwandan capital"); a target located by its
        # phrase ("the summit in Iran", "Pakistani territory"): the state is the side
        return tok, side
    if role == "target" and place and places and _names_place(head):
        return tok, side  # the place an act is aimed at, named ("a checkpoint in Kano")
    return None
