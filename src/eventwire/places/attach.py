"""Event locations: the place tied to the event's clause.

That is a locative phrase ("in/at/near/outside X") on the trigger, its clause, a linked clause ("hit a bus
in Donetsk, killing 8"), a purpose or means clause ("launched an offensive to capture X", "began by
storming X") or the reporting clause above it ("In Jericho, officials said troops shot ..."); the object of
a place-taking verb ("entered Al-Bab"); a town naming the object ("the Tororo railway yard"); the place a
relative clause describes ("the X district, where ..."); and for physical deeds, the sentence's scene when
the parse hangs it on a participant. Speech verbs keep only their own phrases ("condemned the attack in
Idlib" has no place); traits of a participant ("a teenager who marched in X") and other deeds ("arrested
for stabbing him in X") are not the event's place.

Candidates are the document's resolved places plus proper names governed by a locative preposition that
the gazetteer does not know ("at the village of Sharifah", "outside the Al-Quds Hospital"): those become
unresolved places (no coordinates) of that event only. Demonyms are never event locations.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..labels import (
    COMPOUND_OR_CONJUNCT,
    COMPOUND_OR_NMOD,
    NOMINAL_DEPS,
    NOUN_CLAUSES,
    NOUN_MODIFIERS_AND_NMOD,
    OBJECT_PHRASE_LINKS,
    PATIENTS,
    PLACES_CLAUSE_DEPS,
    PLACES_DOWN_DEPS,
    PLACES_UP_DEPS,
    SUBJECTS,
    VERB_LINKS,
)
from ..model import Event, Place, Span
from ..nlp import clause_head, sentence_of
from ..vocabulary import vocabulary
from ..wordlists import word_lists

_WORDS = word_lists("eventwire.places")
_SHARED = word_lists("eventwire")

__all__ = [
    "area_verbs",
    "event_location",
    "group_words",
    "location_verbs",
    "locative_preps",
    "motion_verbs",
    "not_place_names",
    "place_nouns",
    "scene_verbs",
    "speech_verbs",
    "territory_verbs",
]

#: Dependencies a place may climb through on its way up to its preposition.
CLAUSE_DEPS = PLACES_CLAUSE_DEPS
#: Clause links an event's location carries across ("hit a bus in Donetsk, killing 8").
LINK_DEPS = VERB_LINKS
#: Clause links down from the event's clause to a part of it that says where ("to capture X").
DOWN_DEPS = PLACES_DOWN_DEPS
#: The trigger's target nouns, whose town modifier is the event's place ("the Tororo railway yard").
ARGUMENT_DEPS = PATIENTS
#: Places so wide that any narrower candidate of the event is the better answer.
WIDE_FEATURES = frozenset({"country", "continent", "sea"})
#: Clause links up from the event's clause to one whose place is the event's too.
UP_DEPS = PLACES_UP_DEPS
#: Prepositions whose clause is a step of the event itself ("began by storming X", "after capturing X").
MEANS_PREPS = _WORDS.words("means_preps")
NOT_EVENT_PLACES = frozenset({"demonym"})
NOT_PLACE_ENTS = frozenset(
    {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
    | {"WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)
MAX_CLIMB = 8
DESTINATION_PREPS = _WORDS.words("destination_preps")
#: Prepositions after which a bare proper name is a place whatever spaCy's entity label says.
CLOSE_PREPS = _WORDS.words("close_preps")
#: Prepositions (and direction words) that say where: "in", "near", "west (of)" (grammar, eventwire/data/en/words.yaml).
LOCATIVE_PREPS = _SHARED.words("locative_preps")


def locative_preps() -> frozenset[str]:
    """Prepositions (and direction words) that say where: "in", "near", "west (of)"."""
    return LOCATIVE_PREPS


def motion_verbs() -> frozenset[str]:
    """Verbs whose destination is where the event happens ("marched to the White House")."""
    return vocabulary().words("eventwire.motion_verbs")


def location_verbs() -> frozenset[str]:
    """Verbs whose object is a place."""
    return vocabulary().words("eventwire.location_verbs")


def territory_verbs() -> frozenset[str]:
    """Verbs whose proper-name object is a place ("captured Birao")."""
    return vocabulary().words("eventwire.territory_verbs")


def area_verbs() -> frozenset[str]:
    """Territory verbs that never take a person as object ("entered Al-Bab", not "captured Saddam")."""
    return vocabulary().words("eventwire.area_verbs")


def not_place_names() -> frozenset[str]:
    """Proper names that are never event locations ("Islamic State")."""
    return vocabulary().words("eventwire.not_place_names")


def group_words() -> frozenset[str]:
    """Head words of names of groups, not places ("the 137th Artillery Brigade", "Al-Marazig tribes")."""
    return vocabulary().words("eventwire.group_words")


def scene_verbs() -> frozenset[str]:
    """Physical deeds (violence, protest) whose place is the scene the sentence gives, wherever the parse
    hangs it ("killed ... by bandits at Maleley village")."""
    return vocabulary().words("eventwire.scene_verbs")


def speech_verbs() -> frozenset[str]:
    """Verbs of saying and judging: the place of a deed they speak of is not theirs ("condemned the
    attack carried out in Idlib")."""
    return vocabulary().words("eventwire.speech_verbs")


def place_nouns() -> frozenset[str]:
    """Nouns whose "of" complement is a place ("the village of X")."""
    return vocabulary().words("eventwire.place_nouns")


def _object_verb(tok: Token) -> tuple[Token, int] | None:
    """The place-taking verb whose object (or passive subject) a place token is ("captured the town of X",
    "Kosovo is patrolled by ..."), climbing through its noun phrase, with how many wider "of" places it
    climbed ("the Sayidda Zaynab district of Damascus": Damascus is one wider)."""
    cur = tok
    ofs = 0
    for _ in range(MAX_CLIMB):
        if cur.dep_ in PATIENTS and cur.head.lemma_ in location_verbs():
            return cur.head, ofs
        if cur.dep_ not in OBJECT_PHRASE_LINKS or cur.head is cur:
            return None
        if cur.dep_ == "prep":
            if cur.lower_ != "of" or cur.head.lower_ not in place_nouns():
                return None
            ofs += _named_elsewhere(cur.head)
        cur = cur.head
    return None


def _clause_head(tok: Token) -> Token:
    return clause_head(tok, CLAUSE_DEPS)


def _locative_prep(tok: Token, preps: frozenset[str]) -> tuple[Token, int, int] | None:
    """The locative preposition governing a place token (climbing through its noun phrase and "of"),
    with how many further prepositions lie between it and its clause's verb, and how many "of" it
    climbed (each one a wider place: "the Zahra neighborhood of the port city of Jiddah")."""
    cur = tok
    ofs = 0
    for _ in range(MAX_CLIMB):
        head = cur.head
        if head is cur:
            return None
        if cur.dep_ == "pobj" and head.lower_ in preps:
            return head, _depth(head), ofs
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head is not head:
            # "west of Kabul", "the outskirts of Kabul": go on from what "of" hangs on
            if head.head.lower_ in preps:
                return head.head, _depth(head.head), ofs
            if head.head.lower_ not in place_nouns():
                return None  # "in the wake of the U.S. killing": not where anything happened
            cur = head.head
            ofs += _named_elsewhere(cur)
            continue
        if cur.dep_ not in NOMINAL_DEPS and not (cur.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN")):
            return None
        cur = head
    return None


def _named_elsewhere(noun: Token) -> bool:
    """Whether a place noun carries its own name, making its "of" complement a wider place ("the Zahra
    neighborhood of Jiddah"), unlike "the town of Remolinos"."""
    if noun.dep_ == "appos":
        return True  # "Agartala, the capital of Tripura state"
    return any(c.dep_ in NOUN_MODIFIERS_AND_NMOD and c.pos_ == "PROPN" for c in noun.children)


def _depth(prep: Token) -> int:
    """Prepositions above ``prep`` up to its clause head: 0 when it hangs on the clause itself."""
    depth = 0
    cur = prep.head
    for _ in range(MAX_CLIMB):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in CLAUSE_DEPS or cur.head is cur:
            return depth
        depth += cur.dep_ == "prep"
        cur = cur.head
    return depth


def _chain(head: Token) -> list[Token]:
    """A clause head and the clauses it is an adverbial, coordinated or participial part of."""
    out = [head]
    cur = head
    for _ in range(4):
        if cur.dep_ not in LINK_DEPS or cur.head is cur:
            break
        cur = _clause_head(cur.head)
        out.append(cur)
    return out


def _below(ph: Token, th: Token) -> bool:
    """Whether clause ``ph`` is a purpose, adverbial or participial part of clause ``th`` (or of its object):
    "launched an offensive to capture X", "began by storming X", "targeted a bus carrying pilgrims in X"."""
    cur = ph
    for _ in range(3):
        if cur.dep_ not in DOWN_DEPS or cur.head is cur:
            return False
        if cur.dep_ in NOUN_CLAUSES and cur.head.dep_ != "dobj":
            return False  # "the minister, who lives in Paris, condemned": about a participant, not the event
        if cur.dep_ == "pcomp" and cur.head.lower_ not in MEANS_PREPS:
            return False  # "arrested for murdering his relative at X": the other deed's place
        up = _clause_head(cur.head)
        if up == th:
            return True
        cur = up
    return False


def _above(ph: Token, th: Token) -> bool:
    """Whether clause ``ph`` reports the trigger's clause ("In Jericho, officials said soldiers shot") or
    holds the noun it describes ("captured in northern Iraq, where the two had sought refuge")."""
    if th.dep_ not in UP_DEPS or th.head is th or _clause_head(th.head) != ph:
        return False
    # "a teenager who had just marched": a trait of a participant, not a step of the event
    return th.dep_ == "ccomp" or th.head.dep_ not in SUBJECTS


def _clause_rank(ph: Token, trigger: Token) -> int | None:
    """How clause head ``ph`` relates to the trigger: 1 same clause, 2 linked, 3 a subordinate purpose or
    participial clause, or the reporting verb governing the trigger's clause; None: unrelated."""
    th = _clause_head(trigger)
    if ph == th:
        return 1
    if ph in _chain(th) or th in _chain(ph):
        return 2
    if (_below(ph, th) and th.lemma_ not in speech_verbs()) or _above(ph, th):
        return 3
    return None


def _turned_down(ph: Token, trigger: Token) -> bool:
    """Whether clause ``ph`` lies below the trigger as a trait of its subject ("a teenager who had marched
    in X was shot") or as another deed ("arrested for stabbing him in X")."""
    if not trigger.is_ancestor(ph):
        return False
    cur = ph
    for _ in range(MAX_CLIMB):
        if cur == trigger or cur.head is cur:
            return False
        if cur.dep_ in NOUN_CLAUSES and cur.head.dep_ in SUBJECTS:
            return True
        if cur.dep_ == "pcomp" and cur.head.lower_ not in MEANS_PREPS:
            return True
        cur = cur.head
    return False


def _scene_verb(trigger: Token) -> bool:
    """Whether a trigger is a physical deed, whose place a news sentence gives once for its whole scene."""
    lemma = trigger.lemma_.lower()
    return lemma in scene_verbs() or lemma in location_verbs() or lemma in motion_verbs()


def _rank(prep: Token, trigger: Token) -> int | None:
    """0: the preposition hangs on the trigger; 1: same clause; 2: linked clause; 3: subordinate or
    governing clause; None: unrelated."""
    if sentence_of(prep) != sentence_of(trigger):
        return None
    if prep.head == trigger:
        return 0
    ph = _clause_head(prep.head)
    rank = _clause_rank(ph, trigger)
    if rank is None and prep.lower_ in CLOSE_PREPS and _scene_verb(trigger) and not _turned_down(ph, trigger):
        # the sentence's scene when the parse ties it elsewhere ("killed ... by bandits at X"); never a
        # clause below the trigger that the rules above turned down ("arrested for stabbing him in X")
        return 4
    return rank


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _territory_object(tok: Token) -> bool:
    """A proper name taken, entered or stormed is a place whatever spaCy's label ("entered Al-Bab"); only
    verbs that never take persons accept a name spaCy took for a person."""
    cur = tok
    while cur.dep_ in COMPOUND_OR_CONJUNCT and cur.head is not cur and cur.head.pos_ == "PROPN":
        cur = cur.head
    if cur.dep_ != "dobj" or cur.head.lemma_ not in territory_verbs():
        return False
    return tok.ent_type_ not in ("PERSON", "NORP") or cur.head.lemma_ in area_verbs()


def _named_place(tok: Token) -> bool:
    """Whether a proper name is a place by its context: "the village of Sharifah", "the Giro district",
    "the Shaher District", a place entity, or a bare name right after "in/at/near" (spaCy's label aside)."""
    nouns = place_nouns()
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in nouns:
        return True
    if tok.dep_ == "compound" and tok.head.lower_ in nouns:
        return True
    if tok.lower_ in nouns or tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if _territory_object(tok):
        return True
    # a name spaCy took for a person right after "at"/"near" ("renewed the offensive at Sheikh Miskeen")
    return tok.dep_ == "pobj" and tok.head.lower_ in CLOSE_PREPS and tok.ent_type_ == "PERSON"


def _proper_names(doc: Doc, trigger: Token, places: Sequence[Place]) -> Iterator[tuple[Place, bool]]:
    """Unresolved places: proper names in locative phrases of the trigger's sentence."""
    covered = {i for p in places for i in range(p.span.start, p.span.end)}
    for tok in sentence_of(trigger):
        if tok.pos_ != "PROPN" or tok.dep_ == "poss":
            continue  # "the Syrian Arab Army's route": a possessor is an actor, not a place
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i and tok.head.dep_ != "poss":
            continue  # part of a longer name ("Al-Quds Hospital"), taken whole from its last word
        named = _named_place(tok)
        if (tok.dep_ == "compound" and not named) or (tok.ent_type_ in NOT_PLACE_ENTS and not named):
            continue
        if not tok.text[:1].isupper() or tok.idx in covered:
            continue
        left = tok
        while (
            left.i > sentence_of(trigger).start
            and doc[left.i - 1].head == tok
            and (doc[left.i - 1].dep_ == "compound" or doc[left.i - 1].text == "-")
        ):
            left = doc[left.i - 1]
        start, end = left.idx, tok.idx + len(tok.text)
        if any(i in covered for i in range(start, end)):
            continue
        text = doc[left.i : tok.i + 1].text
        place = Place(span=Span(start, end, text), name=text, country=None, lat=None, lon=None, feature="unresolved")
        yield place, named


#: How specific a feature is: among equally placed candidates the narrowest place wins.
BREADTH = {
    "unresolved": 0,
    "building": 0,
    "city": 1,
    "capital": 1,
    "admin1": 2,
    "region": 2,
    "sea": 3,
    "country": 3,
    "continent": 4,
}


def _argument_modifier(tok: Token, trigger: Token, place: Place) -> bool:
    """A town naming the trigger's object: "patrolled the Tororo railway yard", "shot the Moscow education
    chief" (not a country: "the U.S. embassy" is a nationality)."""
    if tok.dep_ not in COMPOUND_OR_NMOD or tok.head.dep_ not in ARGUMENT_DEPS or tok.head.head != trigger:
        return False
    return place.feature not in WIDE_FEATURES


def _antecedent(tok: Token, trigger: Token, place: Place) -> bool:
    """Whether a place is what the trigger's relative clause is about: "the Deir al-Asafir suburb of
    Damascus, where 33 residents were killed", "al-Rai, a town they have entered"."""
    th = _clause_head(trigger)
    if th.dep_ != "relcl":
        return False
    heads = {th.head}
    if th.head.dep_ == "appos" or (th.head.dep_ == "pobj" and th.head.head.lower_ == "of"):
        heads.add(th.head.head if th.head.dep_ == "appos" else th.head.head.head)  # "the X district of Gaza, where"
    cur = tok
    for _ in range(3):
        if cur in heads:
            return cur.lower_ in place_nouns() or (cur == tok and place.feature != "unresolved")
        if cur.dep_ == "compound" or (cur.dep_ == "pobj" and cur.head.lower_ == "of"):
            cur = cur.head if cur.dep_ == "compound" else cur.head.head
            continue
        return False
    return False


def _names_head(tok: Token) -> bool:
    """Whether a compound names the generic place noun it modifies ("Sontyo village") rather than
    locating another place ("the Homs neighbourhood of Baba Amr")."""
    head = tok.head
    return (
        head.pos_ == "NOUN"
        and head.lower_ in place_nouns()
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def _group_name(span: SpacySpan) -> bool:
    """A name with a group's word ("the 137th Artillery Brigade", "Al-Marazig tribes"), unless it ends in
    a place's word ("the Ibn Nafees Hospital", "the Association Quarter": named after someone, a place)."""
    groups = group_words()
    if span.root.dep_ == "compound" and span.root.head.lower_ in groups:
        return True
    return span[-1].lower_ not in place_nouns() and any(t.lower_ in groups for t in span)


def _not_a_place(span: SpacySpan) -> bool:
    """Unresolved names that are groups, creeds or agencies ("Islamic State", "Sunni", "AFP")."""
    text = span.text.replace(".", "")
    if len(text) <= 2 or (text.isupper() and text.isalpha() and len(text) <= 5):
        return True  # "I Corps", "GMT", "CRPF": an unknown short name or acronym is rarely a place
    if _group_name(span):
        return True
    words = not_place_names()
    return (
        span.text.lower() in words
        or any(t.lower_ in words and t.ent_type_ == "NORP" for t in span)
        or (span.root.ent_type_ == "NORP" and (span.root.dep_ == "compound" or not _named_place(span.root)))
    )


def _key(tok: Token, trigger: Token, place: Place, named: bool) -> tuple[int, ...] | None:
    """How well a place candidate fits the event (smaller is better), or None when it does not.

    Order: how it hangs on the trigger (0 object of a place-taking verb or phrase on the trigger / 1 same
    clause, relative-clause antecedent or a town naming the object / 2 linked clause / 3 purpose, means or
    reporting clause / 4 the scene of a physical deed the parse ties elsewhere), whether it is a country
    (a narrower place wins), prepositions in between, how much wider it is than the phrase's head ("the
    Zahra neighborhood of Jiddah": "of" complements and modifiers are wider), its breadth, and distance."""
    # "the Homs neighbourhood of Baba Amr", "Syria's largest city, Aleppo": a modifier is a wider place
    modifier = {"compound": 1, "poss": 2}.get(tok.dep_, 0) if tok.head.pos_ in ("NOUN", "PROPN") else 0
    if modifier == 1 and _names_head(tok):
        modifier = 0  # "Sontyo village": the name of the place itself
    breadth = BREADTH.get(place.feature, 1)
    wide = int(place.feature in WIDE_FEATURES)
    if (
        wide
        and tok.dep_ == "compound"
        and (tok.head.lower_ not in place_nouns() or tok.head.lower_ in vocabulary().words("places.national"))
    ):
        return None  # "U.S. airstrikes", "the US embassy": a nationality ("a West Bank town" is a place)
    if named:
        obj = _object_verb(tok)
        rank = None if obj is None else 0 if obj[0] == trigger else _clause_rank(obj[0], trigger)
        if obj is not None and rank is not None:
            # the object of a place-taking verb is where it happened, before any setting phrase
            return (rank, wide, -1, obj[1] + modifier, breadth, abs(tok.i - trigger.i))
        if _antecedent(tok, trigger, place):
            return (1, wide, 0, 0, breadth, abs(tok.i - trigger.i))
        if _argument_modifier(tok, trigger, place):
            return (1, wide, 1, 1, breadth, abs(tok.i - trigger.i))
    preps = locative_preps() | (DESTINATION_PREPS if trigger.lemma_ in motion_verbs() else frozenset())
    found = _locative_prep(tok, preps)
    rank = _rank(found[0], trigger) if found else None
    if found is None or rank is None:
        return None
    if trigger.lemma_ in speech_verbs() and (rank > 1 or found[1] > 0):
        return None  # "condemned the attacks in Syria": where the deed was, not the condemnation
    return (rank, wide, found[1], found[2] + modifier, breadth, abs(tok.i - trigger.i))


_PLACES_KEY = "eventwire.place_starts"


def _starting_in(doc: Doc, places: Sequence[Place], lo: int, hi: int) -> list[Place]:
    """``[p for p in places if lo <= p.span.start < hi]``, by binary search when the places are in text
    order (a scan of every place per event made long articles quadratic); the starts are kept per doc."""
    cached = doc.user_data.get(_PLACES_KEY)
    if cached is None or cached[0] is not places:
        starts = [p.span.start for p in places]
        ordered = all(a <= b for a, b in pairwise(starts))
        cached = (places, starts if ordered else None)
        doc.user_data[_PLACES_KEY] = cached
    index: list[int] | None = cached[1]
    if index is None:
        return [p for p in places if lo <= p.span.start < hi]
    return list(places[bisect_left(index, lo) : bisect_left(index, hi)])


def event_location(doc: Doc, event: Event, places: Sequence[Place]) -> Place | None:
    """The place tied to the event's clause, or None (never the article's place by default)."""
    trigger = _trigger_token(doc, event)
    if trigger is None:
        return None
    sent = sentence_of(trigger)
    in_sent = [
        p for p in _starting_in(doc, places, sent.start_char, sent.end_char) if p.feature not in NOT_EVENT_PLACES
    ]
    best: tuple[tuple[int, ...], Place] | None = None
    # the document's own toponyms count as names of places; other proper names only by their context
    for place, named in [*((p, True) for p in in_sent), *_proper_names(doc, trigger, in_sent)]:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if place.feature == "unresolved" and _not_a_place(span):
            continue
        key = _key(span.root, trigger, place, named)
        if key is not None and (best is None or key < best[0]):
            best = (key, place)
    return best[1] if best else None
