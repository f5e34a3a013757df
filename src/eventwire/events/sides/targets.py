"""Target choice: when the syntactic target is a thing ("sent troops", "donated ventilators"), the
actor the act is aimed at is the nearest actor in the trigger's complements ("to the United Nations",
"to assist Ethiopia", "sanctions against Sudan")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from spacy.tokens import Token

from ...labels import DIRECT_OR_PREP_OBJECTS, NOUN_MODIFIERS_AND_NMOD, TARGET_WALK_DEPS
from ...model import Analysis, EventSide
from ...nlp import doc_text
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ..grammar.syntax import TIME_ENTS, complement_subject, content_head, expand_conj, is_adjunct
from ..lexicon.lexicon import Pattern, instrument_words
from .fallback import hint
from .mention_index import mention_index
from .phrases import target_bounds
from .sides import make_side, names_head, paired_countries, same_side, usable_argument
from .things import author, met_protesters, name_tokens, place_of_act, purpose_clauses

_WORDS = word_lists("eventwire.events")

__all__ = [
    "PATIENT_ROOT",
    "actor_targets",
    "instruments",
    "is_actor",
    "names_actor",
    "nearest_actor",
    "partners",
    "split_countries",
    "target_extent",
    "trim_charge",
]

SidePair = tuple[Token | None, EventSide | None]

#: dependencies the search walks down from the trigger (no subjects, clauses of their own, or coordination)
WALK_DEPS = TARGET_WALK_DEPS
#: prepositions naming the partner of a tie ("the U.S. alliance with Japan")
PARTNER_PREPS = _WORDS.words("partner_preps")
#: place prepositions: an actor named as the place of the act is a target only when nothing nearer is
LOCATIVE_PREPS = _WORDS.words("locative_preps")
#: prepositions that never lead to a target ("by" names the agent, "despite"/"after" a circumstance,
#: "according to" whom the news comes from)
BLOCKED_PREPS = _WORDS.words("blocked_preps")
#: prepositions naming whom a transfer is made to or with ("shared evidence with X"): a purpose clause
#: then names no one else the act serves
RECIPIENT_PREPS = _WORDS.words("recipient_preps")
#: entity types of a named place
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: possessive pronouns: they refer back to an owner rather than name one
POSSESSIVES = _WORDS.words("targets_possessives")
#: acts from this root on (coercion, violence) have a patient: their object is no instrument
PATIENT_ROOT = "17"
#: the extra steps (and their costs) of a search for a target the syntax did not give
REACH_DEPS: Mapping[str, int] = MappingProxyType({"conj": 0, "ccomp": 1})
REACH_COST = 6
LOCATIVE_COST = 2
PURPOSE_COST = 3
MAX_COST = 4
#: how far into a purpose clause the beneficiary of an act with no target may lie ("to promote
#: investment in Ethiopia")
PURPOSE_REACH = 5
#: how near another country's actor must be to replace an actor of the source's own country
OVERRIDE_COST = 3


def is_actor(side: EventSide | None) -> bool:
    """Whether a side names an actor (a coded actor or at least a country)."""
    return side is not None and (side.actor is not None or side.country is not None)


def _steps(tok: Token, reach: bool = False) -> list[tuple[Token, int]]:
    """The children the search may walk to, with the cost of each step; ``reach`` (the syntax gave
    no target at all) also walks into coordinated objects and clausal complements."""
    out: list[tuple[Token, int]] = []
    for c in tok.children:
        if reach and c.dep_ in REACH_DEPS:
            out.append((c, REACH_DEPS[c.dep_]))
            continue
        if c.dep_ not in WALK_DEPS:
            continue
        if c.dep_ == "advcl" and not any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children):
            continue  # only a purpose clause ("to assist Ethiopia") is part of the act
        if c.dep_ == "prep" and (c.lower_ in BLOCKED_PREPS or is_adjunct(c)):
            continue
        locative = c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
        if c.dep_ == "advcl":
            out.append((c, PURPOSE_COST))
        elif c.dep_ == "xcomp":
            out.append((c, 0))  # "willing to withdraw its troops from Iraq": the infinitive is the act
        elif (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "pobj" and tok.lower_ == "of"):
            out.append((c, 0))  # "the resignation of X": the "of" phrase is part of the noun phrase
        else:
            out.append((c, 1 + (LOCATIVE_COST if locative else 0)))
    return out


def names_actor(analysis: Analysis, tok: Token) -> bool:
    """Whether the noun ``tok`` with its left modifiers names an actor ("Iraq's army", "the Iraqi
    demands", "the Democratic People's Republic of Korea"), not just a thing near one ("the
    blockade of Yemen")."""
    at = tok.idx
    start, end = tok.left_edge.idx, at + len(tok.text)
    index = mention_index(tok.doc, analysis)  # a mention inside the phrase, or one over the noun
    if any(h.mention.end <= end for h in index.starting_in(start, end + 1)) or index.covering(at):
        return True
    if paired_countries(analysis, tok):  # "both countries"
        return True
    return hint([t.text for t in tok.doc[tok.left_edge.i : tok.i + 1]], tok.text)[0] is not None


def _other(side: EventSide, source: EventSide | None) -> bool:
    """An actor side that is not of the source's own country."""
    return is_actor(side) and (source is None or source.country is None or side.country != source.country)


def nearest_actor(
    trigger: Token,
    analysis: Analysis,
    exclude: set[int],
    source: EventSide | None = None,
    other: bool = True,
    max_cost: int = MAX_COST,
    skip: frozenset[int] = frozenset(),
    reach: bool = False,
    places: bool = False,
) -> list[SidePair]:
    """The actor phrases nearest the trigger in its complements (with their coordinated actors);
    ``other``: only actors other than the source's own country; ``skip``: tokens walked through but
    never taken (the instrument of the act); ``places``: a named place counts too ("the Gulf")."""
    best: tuple[int, int, Token, EventSide] | None = None
    frontier: list[tuple[Token, int]] = _steps(trigger, reach)
    while frontier:
        tok, cost = frontier.pop()
        if cost > max_cost or tok.i in exclude:
            continue
        named = tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ not in TIME_ENTS
        place = places and tok.pos_ == "PROPN" and tok.ent_type_ in PLACE_ENTS
        if tok.i not in skip and named and (place or names_actor(analysis, tok)):
            side = make_side(analysis, tok, wide=True)
            ok = _other(side, source) if other else is_actor(side)
            ok = ok or (place and not same_side(side, source))
            if ok and (best is None or (cost, tok.i) < best[:2]):
                best = (cost, tok.i, tok, side)
            if not ok and tok.pos_ == "NOUN" and not names_head(analysis, tok):
                # a tie of the source's own country ("the U.S. alliance with X"): its partner
                frontier.extend((c, cost + step) for c, step in _steps(tok, reach) if c.lower_ in PARTNER_PREPS)
            continue
        frontier.extend((c, cost + step) for c, step in _steps(tok, reach))
    if best is None:
        return []
    head = best[2]
    out: list[SidePair] = [(head, best[3])]
    for conj in expand_conj(head)[1:]:
        side = make_side(analysis, conj, wide=True)
        if is_actor(side):
            out.append((conj, side))
    return out


def _via_locative(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` hangs from the trigger through a place preposition ("in eastern Afghanistan")."""
    cur = tok
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in LOCATIVE_PREPS:
            return True
        cur = cur.head
    return False


def partners(trigger: Token, sides: list[SidePair]) -> list[SidePair]:
    """The partners of a symmetric act ("met", "talks"): a place it is held in ("met in Zurich", "talks
    at Camp David") is no partner; partners come as objects, "with" phrases or coordination."""
    return [(t, s) for t, s in sides if t is None or not _via_locative(t, trigger)]


def _place_phrase(analysis: Analysis, tok: Token, thing: Token, trigger: Token) -> tuple[Token, EventSide] | None:
    """The place phrase naming the actor ``tok`` ("in northern parts of South Sudan") when it is the
    place of the act: its preposition hangs from the trigger or from the thing acted on (or its "of"
    phrase: "a state of emergency in X"), and the phrase itself names the actor."""
    owners = {trigger.i, thing.i} | {p.i for c in thing.children if c.lower_ == "of" for p in c.children}
    cur = tok
    while cur.i != trigger.i and cur.head.i != cur.i:
        prep = cur.head
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS and cur.dep_ == "pobj":
            if prep.head.i not in owners or not usable_argument(cur) or cur.pos_ == "NUM":
                return None
            side = make_side(analysis, cur, wide=True)
            if side.start is None or not side.start <= tok.idx < (side.end or 0):
                return None
            return cur, side
        cur = cur.head
    return None


def _in_place(analysis: Analysis, found: list[SidePair], sides: list[SidePair], trigger: Token) -> list[SidePair]:
    """The actor found for an instrument ("eased the curfew in northern districts of X") is named by
    its whole place phrase when it is the place of the act."""
    f_tok, f_side = found[0]
    thing = sides[0][0] if sides else None
    if f_tok is None or f_side is None or thing is None:
        return found
    place = _place_phrase(analysis, f_tok, thing, trigger)
    if place is None or place[0].i == f_tok.i:
        return found
    p_tok, p_side = place
    return [(p_tok, replace(p_side, country=f_side.country, code=p_side.code or f_side.country))]


def _within(
    found: list[SidePair], sides: list[SidePair], trigger: Token, analysis: Analysis | None = None
) -> list[SidePair]:
    """A found actor inside a syntactic target's phrase, or only the place of the act ("stormed a
    police headquarters in eastern Afghanistan"), gives the syntactic target its country rather than
    replacing it. With ``analysis`` (an act short of coercion, whose object is its content: "lifted
    the state of emergency in northern parts of X"), the place phrase is the target instead."""
    for f_tok, f_side in found[:1]:
        for tok, side in sides:
            if f_tok is None or f_side is None or tok is None or side is None or side.start is None:
                continue
            inside = side.start <= f_tok.idx < (side.end or 0) and f_tok.i != tok.i
            if inside or _via_locative(f_tok, trigger):
                place = _place_phrase(analysis, f_tok, tok, trigger) if analysis is not None else None
                if place is not None and place[0].i != tok.i:
                    p_tok, p_side = place
                    return [(p_tok, replace(p_side, country=f_side.country, code=p_side.code or f_side.country))]
                # the thing is no actor: its sector hint ("a state of emergency") is dropped
                return [(tok, replace(side, country=f_side.country, sector=None, code=f_side.country))]
    return []


def _names_actor(analysis: Analysis, tok: Token | None, side: EventSide | None) -> bool:
    """Whether a target side names an actor by its own words ("the Iraqi army"), not only by a country
    hinted from the rest of its phrase ("support for the Afghan government's efforts")."""
    if side is None or not is_actor(side):
        return False
    if tok is None or side.actor is not None or tok.pos_ in ("PROPN", "PRON"):
        return True
    return names_actor(analysis, tok)


def _named_place(tok: Token | None) -> bool:
    """Whether a target is a named place ("in the Gulf", "to Europe")."""
    return tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ in PLACE_ENTS


def _owned(analysis: Analysis, tok: Token, countries: bool = False) -> bool:
    """Whether a noun's left modifiers name an actor ("Netanyahu's suggestion", "the Egyptian envoy");
    ``countries``: an actor of a country ("Russian troops", not "UN troops"). A possessive pronoun
    is no owner: "withdraw its troops" are the source's own."""
    start = tok.left_edge.idx
    for hit in mention_index(tok.doc, analysis).starting_in(start, tok.idx):
        if (hit.actor.country is not None or not countries) and hit.mention.text.lower() not in POSSESSIVES:
            return True
    left = [t.text for t in tok.doc[tok.left_edge.i : tok.i]]
    return bool(left) and hint(left, left[-1])[0] is not None


def instruments(pattern: Pattern) -> frozenset[str]:
    """The words naming the instrument or content of a pattern's act: its object and complement words,
    and for acts short of coercion the general instrument nouns ("troops", "aid", "curfew")."""
    words = pattern.obj | pattern.comp
    return words | instrument_words() if pattern.code[:2] < PATIENT_ROOT else words


def is_instrument(analysis: Analysis, tok: Token | None, words: frozenset[str]) -> bool:
    """Whether a target head is a word the trigger's pattern names as its instrument or content
    ("troops" of "sent troops", "curfew" of "eased the curfew"), not the one the act is aimed at, and
    no actor owns it ("the EU proposal" is the EU's)."""
    if tok is None:
        return False
    tok = content_head(tok)  # "dozens of artifacts", "40 percent of their arms"
    if tok.pos_ != "NOUN" or not (tok.lemma_.lower() in words or tok.lower_ in words):
        return False
    return not _owned(analysis, tok)


def _carriers(analysis: Analysis, trigger: Token, words: frozenset[str]) -> frozenset[int]:
    """Instrument nouns in the trigger's phrase that no country owns ("the UN peacekeeping force" in
    "sent troops to the UN peacekeeping force in Mali"): the search passes through them to the place."""
    return frozenset(
        t.i
        for t in trigger.subtree
        if t.pos_ == "NOUN" and t.lemma_.lower() in words and not _owned(analysis, t, countries=True)
    )


def _authors(analysis: Analysis, trigger: Token, sides: list[SidePair]) -> list[SidePair]:
    """Each thing target that has an actor as its author gives way to that author."""
    out: list[SidePair] = []
    for tok, side in sides:
        by = author(tok, trigger) if tok is not None and tok.pos_ == "NOUN" else None
        if by is not None and not _names_actor(analysis, tok, side):
            alt = make_side(analysis, by, wide=True)
            if is_actor(alt):
                out.append((by, alt))
                continue
        out.append((tok, side))
    return out


def _recipient(tok: Token | None) -> bool:
    """Whether a target is named as the recipient of the act ("to X", "with X")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in RECIPIENT_PREPS


def beneficiary(trigger: Token, analysis: Analysis, exclude: set[int], source: EventSide | None) -> list[SidePair]:
    """The actor or named place an act with no target serves, found in its purpose clause ("gave 5
    million euros to promote investment in Ethiopia": Ethiopia), or the subject of that clause's
    complement ("sent aid to help Haiti cope with the floods": Haiti)."""
    for clause in purpose_clauses(trigger):
        helped: list[SidePair] = [
            (t, side)
            for t in complement_subject(clause)
            if t.i not in exclude and is_actor(side := make_side(analysis, t, wide=True))
        ]
        found = helped or nearest_actor(clause, analysis, exclude, source, max_cost=PURPOSE_REACH, places=True)
        if found:
            return found
    return []


def actor_targets(
    trigger: Token,
    sides: list[SidePair],
    analysis: Analysis,
    exclude: set[int],
    source: EventSide | None = None,
    instrument_nouns: frozenset[str] = frozenset(),
    content: bool = False,
) -> list[SidePair]:
    """The target sides (``_targets``); an act short of coercion that names no actor as its target
    serves the one its purpose clause names ("gave money to help people in Somalia")."""
    found = _targets(trigger, sides, analysis, exclude, source, instrument_nouns, content)
    if not content or any(is_actor(s) or _recipient(t) or _named_place(t) for t, s in found):
        return found  # "shared evidence with their counterparts to allow X to ...": the counterparts
    return beneficiary(trigger, analysis, exclude, source) or found


def _targets(
    trigger: Token,
    sides: list[SidePair],
    analysis: Analysis,
    exclude: set[int],
    source: EventSide | None = None,
    instrument_nouns: frozenset[str] = frozenset(),
    content: bool = False,
) -> list[SidePair]:
    """The target sides. When the syntax gave only the instrument of the act ("sent troops", "lifted
    the curfew"), the nearest actor or place in the complements is the target ("to Uganda", "in
    Amman"). Otherwise an actor other than the source's own country wins, the syntactic target
    first, then the nearest in the complements ("sent its troops to Jordan"); then an actor of the
    source's country ("French farmers blockaded Paris"); then whatever the syntax gave. ``content``:
    the act's object is its content, not a patient (acts short of coercion): a place it is done in is
    the target ("lifted the curfew in northern Jordan")."""
    sides = _authors(analysis, trigger, sides)
    places = analysis if content else None
    general = instrument_nouns & instrument_words()  # "money", "troops"; not a pattern's own patient ("base")
    aimed = [(t, s) for t, s in sides if not is_instrument(analysis, t, general)]
    sides = aimed if aimed and len(aimed) < len(sides) else sides  # "giving money to X": X, not the money
    skip = _instrument_tokens(analysis, trigger, instrument_nouns)
    if sides and all(is_instrument(analysis, t, instrument_nouns) for t, _ in sides):
        found = _for_instrument(trigger, sides, analysis, exclude, source, skip, instrument_nouns, content)
        if found:
            return found
    if any(s is not None and _other(s, source) and _names_actor(analysis, t, s) for t, s in sides):
        return sides
    if not sides:  # nothing in the syntax: a wider search ("sent vehicles and a team of medics to Nepal")
        found = nearest_actor(trigger, analysis, exclude, source, max_cost=REACH_COST, skip=skip, reach=True)
        found = found or met_protesters(trigger, analysis, exclude)
        return found or nearest_actor(trigger, analysis, exclude, source, other=False, skip=skip)
    if not any(_names_actor(analysis, t, s) or _named_place(t) for t, s in sides):  # "sent 40 trucks and ..."
        found = nearest_actor(trigger, analysis, exclude, source, max_cost=REACH_COST, skip=skip, reach=True)
        if found:
            return _within(found, sides, trigger, places) or found
    own = any(is_actor(s) or _named_place(t) for t, s in sides)
    if any(tok is not None and tok.pos_ == "PROPN" and is_actor(s) for tok, s in sides):
        return sides  # a named actor of the source's own country ("Congress asked Obama to help Iran")
    found = nearest_actor(trigger, analysis, exclude, source, max_cost=OVERRIDE_COST if own else MAX_COST, skip=skip)
    if found or own:
        return _within(found, sides, trigger, places) or found or sides
    same = nearest_actor(trigger, analysis, exclude, source, other=False, skip=skip)  # not "its forces"
    return _within(same, sides, trigger, places) or same or sides


def _instrument_tokens(analysis: Analysis, trigger: Token, words: frozenset[str]) -> frozenset[int]:
    """The instruments of the act in its phrase that name what is moved or imposed ("its forces" of
    "strengthened its forces in the Gulf"), and what names any instrument again ("230 troops,
    including 19 officers"; "an operation, Operation X"): a search for the target passes through them
    but never takes them."""
    own = [t for t in trigger.subtree if t.i != trigger.i and is_instrument(analysis, t, words)]
    found = {t.i for t in own if is_instrument(analysis, t, words & instrument_words())}
    for tok in [trigger, *own] if own else []:
        for c in tok.children:
            if (c.dep_ == "appos" and tok.i != trigger.i) or (c.dep_ == "prep" and c.lower_ == "including"):
                found.update(name_tokens(c))
    return frozenset(found)


def _for_instrument(
    trigger: Token,
    sides: list[SidePair],
    analysis: Analysis,
    exclude: set[int],
    source: EventSide | None,
    skip: frozenset[int],
    words: frozenset[str],
    content: bool,
) -> list[SidePair]:
    """The target of an act whose syntax gave only its instrument ("sent troops", "lifted the
    curfew"): the nearest actor or place in the complements ("to Uganda", "in Amman"), else whom its
    purpose serves, else the place it is done in or moved from ("withdrew its troops from a zone")."""
    skip |= {t.i for t, _ in sides if t is not None}
    general = words & instrument_words()  # troops, aid, curfew: moved or imposed somewhere
    skip |= _carriers(analysis, trigger, general)
    found = nearest_actor(trigger, analysis, exclude, source, max_cost=REACH_COST, skip=skip)
    same = nearest_actor(trigger, analysis, exclude, source, other=False, skip=skip)
    found = found or [(t, s) for t, s in same if not same_side(s, source)]
    found = found or nearest_actor(trigger, analysis, exclude, source, skip=skip, places=True)
    if found:
        return _in_place(analysis, found, sides, trigger) if content else found
    holders = [trigger, *(t for t, _ in sides if t is not None)]
    addressed = any(c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS for h in holders for c in h.children)
    served = beneficiary(trigger, analysis, exclude, source) if content and not addressed else []
    if served:  # "offered to send troops to distribute supplies in Somalia"
        return served
    met = met_protesters(trigger, analysis, exclude)
    if met:  # "police fired tear gas as protesters marched on parliament"
        return met
    moved = [
        t
        for t, _ in sides
        if t is not None and t.dep_ in DIRECT_OR_PREP_OBJECTS and is_instrument(analysis, t, general)
    ]
    place = place_of_act(trigger, moved, exclude | skip) if content and moved else None
    return [] if place is None else [(place, make_side(analysis, place, wide=True))]


def _cut(side: EventSide, at: int) -> EventSide:
    """The side with its phrase cut before character ``at``."""
    text = (side.text or "")[: at - (side.start or 0)].rstrip(" ,")
    return replace(side, text=text, end=(side.start or 0) + len(text))


def target_extent(pair: SidePair, venue: bool = False) -> SidePair:
    """The target's phrase ends where a target's phrase ends (``target_bounds``): it keeps a few more
    modifiers ("partners like Saudi Arabia") and drops the aside after a name ("Haifa, Israel's third
    largest city"). A pronoun's side names its antecedent and stays as it is. ``venue``: a place phrase
    after the target is where the act happens ("met his counterpart in Berlin"), not the target's."""
    tok, side = pair
    if tok is None or side is None or side.start is None or tok.pos_ == "PRON":
        return pair
    if not side.start <= tok.idx < (side.end or 0):
        return pair
    end = max(target_bounds(tok, stranded=not venue)[1], tok.idx + len(tok.text))
    return tok, replace(side, text=doc_text(tok.doc)[side.start : end], end=end)


def trim_charge(trigger: Token, pair: SidePair) -> SidePair:
    """The target of "accused X of Y" is X: its phrase loses the "of" phrase the parser attached to X;
    a target phrase never runs into its own trigger ("the workers detained by police")."""
    tok, side = pair
    if tok is None or side is None or side.start is None or side.text is None:
        return pair
    start = side.start
    if start < trigger.idx < (side.end or 0):
        side = _cut(side, trigger.idx)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i), None)
    if (
        trigger.lemma_.lower() in vocabulary().words("events.of_complement_verbs")
        and prep is not None
        and start < prep.idx <= (side.end or 0)
    ):
        side = _cut(side, prep.idx)
    return tok, side


def split_countries(pair: SidePair, analysis: Analysis | None = None) -> list[SidePair]:
    """A phrase whose coordinated modifiers name several countries ("US and British activists",
    "French and Egyptian warships") is one side per country; so is a paired phrase ("both countries",
    with ``analysis``: ``paired_countries``)."""
    tok, side = pair
    if tok is None or side is None or side.country is None:
        return [pair]
    countries = list(paired_countries(analysis, tok)) if analysis is not None and side.actor is None else []
    if not countries:
        countries = _modifier_countries(tok)
    if len(countries) < 2 or side.country not in countries:
        return [pair]
    extra = [
        (tok, replace(side, actor=None, country=c, code=f"{c}{side.sector or ''}"))
        for c in countries
        if c != side.country
    ]
    return [pair, *extra]


def _modifier_countries(tok: Token) -> list[str]:
    """The countries the coordinated modifiers of a noun name ("US and British activists")."""
    mods = [c for c in tok.children if c.dep_ in NOUN_MODIFIERS_AND_NMOD and c.i < tok.i]
    words = mods + [j for m in mods for j in m.subtree if j.dep_ == "conj"]
    countries: list[str] = []
    for w in sorted(words, key=lambda t: t.i):
        country = hint([w.text], w.text)[0]
        if country and country not in countries:
            countries.append(country)
    return countries
