"""Event sides: an argument head -> its phrase, the actor (from the actor coder, else a light hint)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Token

from ...labels import NOUN_MODIFIERS_AND_NMOD, PAIR_COUNTERS, SENTENCE_OPENERS, SUBJECTS, SUBJECTS_OR_POSSESSOR
from ...model import Actor, Analysis, EventSide
from ...nlp import doc_text, sentence_of
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import PRONOUNS
from .fallback import hint
from .mention_index import mention_index
from .phrases import phrase_bounds

_WORDS = word_lists("eventwire.events")

#: sectors of a state's own officials, forces and agencies
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
#: sectors of bodies of no country, by definition: a country named in their phrase is whom they serve ("the
#: UN Relief and Works Agency for Palestine Refugees") or where they work, not whose they are (an NGO's
#: name may say its country: "the Syrian Observatory for Human Rights")
STATELESS_SECTORS = frozenset({"IGO"})

__all__ = [
    "is_pair_phrase",
    "is_territory",
    "make_side",
    "names_head",
    "paired_countries",
    "previous_subject",
    "repair_head",
    "same_side",
    "side_words",
    "subjects_before",
    "usable_argument",
]

NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
MAX_HINT_TOKENS = 14
PLACE_PREPS = _WORDS.words("sides_place_preps")
POSSESSIVES = _WORDS.words("sides_possessives")
#: personal pronouns whose side names the phrase of their antecedent ("he" -> "Sen. Mitch McConnell")
PERSONAL = _WORDS.words("sides_personal")
OTHER_ANAPHORS = _WORDS.words("other_anaphors")
#: pronouns an actor may be mentioned by: a side they head names the phrase that named the actor before
ANAPHORS = PERSONAL | OTHER_ANAPHORS
#: pronouns that may stand for the plural subject of the sentence before
PLURAL_PRONOUNS = _WORDS.words("plural_pronouns")
#: how far before a paired phrase ("both countries") the two states it stands for may be named
PAIR_WINDOW = 3000
#: the words that count a paired phrase as two ("both sides", "the two countries")
PAIR_COUNTS = _WORDS.words("pair_counts")


@cache
def side_words(key: str) -> frozenset[str]:
    """A word list of ``data/sides.yaml``."""
    text = resources.files("eventwire.events").joinpath("data/sides.yaml").read_text(encoding="utf-8")
    return frozenset(str(w).lower() for w in load_yaml(text)[key])


def is_pair_phrase(head: Token) -> bool:
    """Whether a plural noun of states is counted as two ("both countries", "the two sides",
    ``data/sides.yaml`` ``pair_nouns``)."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() not in side_words("pair_nouns"):
        return False
    return any(c.lower_ in PAIR_COUNTS and c.dep_ in PAIR_COUNTERS for c in head.children)


def paired_countries(analysis: Analysis, head: Token) -> tuple[str, ...]:
    """The two states a paired phrase stands for ("both countries" -> the last two states named before
    it), or none when fewer than two were named."""
    if not is_pair_phrase(head):
        return ()
    hits = mention_index(head.doc, analysis).starting_in(max(0, head.idx - PAIR_WINDOW), head.idx)
    found: list[str] = []
    for hit in sorted(hits, key=lambda h: -h.mention.start):
        country = hit.actor.country
        if hit.actor.kind == "country" and country and country not in found:
            found.append(country)
        if len(found) == 2:
            return tuple(reversed(found))
    return ()


def repair_head(tok: Token) -> Token:
    """A date the parser made the head of a name ("President Bashar Assad Tuesday") -> the name; a
    number with an "of" phrase ("ten of the soldiers") -> its object."""
    if tok.ent_type_ in NON_ACTOR_ENTS or tok.pos_ == "NUM":
        names = [c for c in tok.children if c.dep_ == "compound" and c.ent_type_ not in NON_ACTOR_ENTS]
        if names:
            return names[-1]
        for prep in tok.children:  # "ten of them", "dozens of civilians"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [p for p in prep.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return tok


def _quantity_start(head: Token) -> int:
    """Where a quantity the head was repaired from begins ("dozens of demonstrators" -> "dozens")."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < head.i:
        qty = prep.head
        if qty.pos_ == "NUM" or qty.ent_type_ in NON_ACTOR_ENTS:
            return qty.left_edge.idx
    return head.idx


def usable_argument(tok: Token) -> bool:
    """Whether a token can head an event argument (not a date, a number or punctuation)."""
    if tok.is_punct or tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        return False
    return tok.ent_type_ not in NON_ACTOR_ENTS or (
        tok.pos_ == "NOUN" and tok.lemma_ in vocabulary().words("events.number_nouns")
    )


def _resolve_pronoun(tok: Token) -> Token | None:
    """The antecedent of a subject pronoun in a reported clause ("The U.S. said it would ..."); an
    object pronoun is not the speaker ("officials said the Taliban stormed X after striking it")."""
    if tok.dep_ not in SUBJECTS_OR_POSSESSOR:
        return None
    reporting = vocabulary().words("eventwire.reporting")
    cur = tok.head
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_ in reporting:
            subj = [c for c in cur.head.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
            return subj[0] if subj else None
        if cur.dep_ == "relcl":
            return cur.head
        if cur.head is cur:
            break
        cur = cur.head
    return previous_subject(tok) if tok.lower_ in PLURAL_PRONOUNS else None


def _main_verb(tok: Token) -> bool:
    """Whether a verb heads its sentence's main clause (the root, or a verb coordinated with it)."""
    return tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")


def _opens_sentence(tok: Token) -> bool:
    """Whether only a conjunction, an adverb or punctuation comes before ``tok`` in its sentence ("But
    they ...", "Instead, they ...")."""
    sent = sentence_of(tok)
    return all(t.is_punct or t.is_space or t.dep_ in SENTENCE_OPENERS for t in tok.doc[sent.start : tok.i])


def _plural_subject(verb: Token) -> Token | None:
    """The plural noun subject of a verb ("Officials said ...", "X and Y met"), or None."""
    for c in verb.children:
        if c.dep_ not in SUBJECTS or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if c.tag_ in ("NNS", "NNPS") or any(g.dep_ == "conj" for g in c.children):
            return c
    return None


def previous_subject(tok: Token) -> Token | None:
    """The antecedent of "they" opening a main clause with no noun before it ("Officials were not told.
    But they have reaffirmed ..."): the plural subject of the main clause of the sentence before."""
    if tok.dep_ not in SUBJECTS or not _main_verb(tok.head) or not _opens_sentence(tok):
        return None
    verbs = [t for t in _sentence_before(tok) if _main_verb(t)]
    return next((s for v in verbs if (s := _plural_subject(v)) is not None), None)


def _sentence_before(tok: Token) -> list[Token]:
    """The tokens of the sentence before the one holding ``tok`` (none at the start of the text)."""
    doc = tok.doc
    at = sentence_of(tok).start - 1
    while at >= 0 and doc[at].is_space:
        at -= 1
    return list(sentence_of(doc[at])) if at >= 0 else []


def subjects_before(tok: Token) -> list[Token]:
    """The noun subjects the sentence before the one holding ``tok`` tells an act of, first the subject
    of a clause its main verb reports, then the main subject ("Israel said the army would block aid. The
    UN condemned the decision": the army, then Israel)."""
    out: list[Token] = []
    reporting = vocabulary().words("eventwire.reporting")
    for verb in (t for t in _sentence_before(tok) if _main_verb(t)):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is None:
            continue
        if verb.lemma_ in reporting:
            out += [c for g in verb.children if g.dep_ == "ccomp" for c in g.children if c.dep_ == "nsubj"]
        out.append(subj)
        break
    return [t for t in out if t.pos_ in ("NOUN", "PROPN")]


def _possessor(tok: Token) -> Token | None:
    """Who a possessive pronoun stands for when its noun is the object of a verb: that verb's subject ("the
    forces completed their withdrawal", "the army began its pull-out")."""
    if tok.lower_ not in POSSESSIVES or tok.dep_ != "poss" or tok.head.dep_ != "dobj":
        return None
    verb = tok.head.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lower_ not in PRONOUNS else None


def _actor_in(analysis: Analysis, head: Token, start: int, end: int) -> Actor | None:
    """The actor of the phrase [start, end): a mention covering the head, else the longest mention
    inside it, else a mention that starts inside it and runs on ("scores of Sierra Leonean and
    Liberian refugees", where the phrase stops at the coordination)."""
    index = mention_index(head.doc, analysis)
    if head.ent_type_ == "PERSON":  # "Keith Mitchell" of the mention "Dr the Rt. Hon. Keith Mitchell"
        covering = index.covering(head.idx)
        if covering:
            return covering[0].actor
    best: tuple[int, Actor] | None = None
    for _, _, mention, actor in index.starting_in(start, end):  # in actor order
        if mention.start <= head.idx < mention.end:
            score = 1000
        else:
            score = mention.end - mention.start if mention.end <= end else 0
        if best is None or score > best[0]:
            best = (score, actor)
    return best[1] if best else None


def _after_head(actor: Actor, head: Token, end: int) -> bool:
    """Whether the actor is named in the phrase only in a place phrase after its head ("a police
    station in Lagos")."""
    head_end = head.idx + len(head.text)
    inside = [m for m in actor.mentions if m.start < end and m.end > head.left_edge.idx]
    return bool(inside) and all(m.start >= head_end and _in_place_phrase(head, m.start) for m in inside)


def _in_place_phrase(head: Token, start: int) -> bool:
    tok = next((t for t in head.subtree if t.idx == start), None)
    while tok is not None and tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS:
            return True
        tok = tok.head
    return False


def _covers(actor: Actor, head: Token) -> bool:
    return any(m.start <= head.idx < m.end for m in actor.mentions)


def _subtree_words(head: Token) -> list[str]:
    return [t.text for t in list(head.subtree)[:MAX_HINT_TOKENS]]


def make_side(analysis: Analysis, head: Token, wide: bool = False) -> EventSide:
    """The side of an event whose argument is headed by ``head`` (``wide``: a target's phrase keeps
    its place phrases and appositions)."""
    start, end = phrase_bounds(head, wide)
    start = min(start, _quantity_start(head))
    text = analysis.article.text[start:end]
    actor = _actor_in(analysis, head, start, end)
    basis = head  # the word that names the actor ("which" stands for its antecedent's head)
    if actor is None and (head.lower_ in PRONOUNS or head.lower_ in POSSESSIVES):
        ante = _possessor(head) if head.lower_ in POSSESSIVES else _resolve_pronoun(head)
        if ante is not None:
            basis = ante
            a_start, a_end = phrase_bounds(ante, wide)  # the antecedent's phrase as the side's own
            actor = _actor_in(analysis, ante, a_start, a_end)
            start, end = a_start, a_end  # name the actor, not the pronoun
            text = analysis.article.text[start:end]
            if actor is None:
                return _hinted(analysis, ante, start, end, text)
    pair = paired_countries(analysis, head) if actor is None else ()
    if pair:  # "both countries": the first of the two (``split_countries`` adds the other)
        return EventSide(None, text, start, end, pair[0], "GOV", f"{pair[0]}GOV")
    if actor is None:
        return _hinted(analysis, head, start, end, text)
    anaphor = basis is head and head.lower_ in ANAPHORS and head.pos_ == "PRON"  # a pronoun the actor coder resolved
    named = _antecedent(analysis, actor, head) if anaphor else None
    if named is not None:  # "Netanyahu says he will ...", "Israel ... It argued": the side names the actor
        start, end = named
        text = analysis.article.text[start:end]
    if wide and _after_head(actor, head, end):  # "a police station in Lagos": the place gives a country only
        sector = hint([t.text for t in head.doc[head.left_edge.i : head.i + 1]], head.text)[1]
        country = actor.country
        return EventSide(None, text, start, end, country, sector, f"{country or ''}{sector or ''}" or None)
    country, sector = actor.country, actor.sector
    if sector is None and _covers(actor, basis):
        sector = _named_sector(actor, basis)
    elif sector is None:  # "the American military presence": the head noun says the sector
        sector = hint([t.text for t in basis.subtree], basis.text)[1]
    if country is None and actor.sector not in STATELESS_SECTORS:  # "a target southwest of Baghdad"
        country = hint(_subtree_words(basis), basis.text)[0]
    code = actor.code or (f"{country or ''}{sector or ''}" or None)
    return EventSide(actor.id, text, start, end, country, sector, code)


def _named_sector(actor: Actor, head: Token) -> str | None:
    """The sector of an actor whose mention is the head itself, when the actor coder gave none: a state
    acts through its government, a body's head word may say it ("the Israeli Defense Force"), a
    person's name does not."""
    if actor.kind == "country":
        return "CVL" if _territory(doc_text(head.doc), actor, head.idx) else "GOV"
    return None if actor.kind == "person" else hint([head.text], head.text)[1]


def _territory(text: str, actor: Actor, at: int) -> bool:
    """Whether the actor's mention at character ``at`` names a territory of a state rather than the state."""
    return any(m.start <= at < m.end and is_territory(text[m.start : m.end]) for m in actor.mentions)


def is_territory(name: str) -> bool:
    """Whether a name is of a territory of a state, not of the state ("Gaza", "the West Bank":
    ``data/sides.yaml`` ``territories``): as a side it stands for the people there (CVL), as a place where
    something happens does."""
    words = name.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words) in side_words("territories")


def _antecedent(analysis: Analysis, actor: Actor, pronoun: Token) -> tuple[int, int] | None:
    """The bounds of the phrase that last named, before ``pronoun``, the actor it refers to."""
    before = [m for m in actor.mentions if m.end <= pronoun.idx and m.text.lower() not in ANAPHORS]
    if not before:
        return None
    last = max(before, key=lambda m: m.start)
    span = pronoun.doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return None
    root = span[-1]
    while root.dep_ in NOUN_MODIFIERS_AND_NMOD and root.head.i != root.i:
        root = root.head  # "Japanese" of "A Japanese virus expert"
    start, end = phrase_bounds(root)
    ending = next((c for c in root.children if c.dep_ == "case" and c.idx + len(c.text) == end), None)
    return start, ending.idx if ending is not None else end  # "the president's" -> "the president"


def _place_in(analysis: Analysis, head: Token) -> str | None:
    """The country the actor coder gave the first place named in the head's phrase ("mediation between militias
    in Tripoli", where the article says which Tripoli; "between the Emirates and Saudi Arabia": the Emirates)."""
    for tok in list(head.subtree)[:MAX_HINT_TOKENS]:
        if tok.ent_type_ not in ("GPE", "LOC") or tok.i == head.i:
            continue
        found = next((h.actor for h in mention_index(tok.doc, analysis).covering(tok.idx) if h.actor.country), None)
        if found is not None:
            return found.country
    return None


def _reporting_state(analysis: Analysis, head: Token) -> str | None:
    """The country of the state that reports the clause ``head`` is the subject of ("India says official
    spoke with X", "Iran said troops had crossed the border"): an official of no country named in a
    state's own report is one of its own."""
    clause = head.head
    reporting = vocabulary().words("eventwire.reporting")
    if head.dep_ not in SUBJECTS or clause.dep_ != "ccomp" or clause.head.lemma_ not in reporting:
        return None
    index = mention_index(head.doc, analysis)
    for reporter in (c for c in clause.head.children if c.dep_ == "nsubj"):
        for hit in index.covering(reporter.idx):
            if hit.actor.kind == "country" or (hit.actor.country and hit.actor.sector == "GOV"):
                return hit.actor.country
    return None


def text_of(head: Token) -> str:
    """The words of a name up to its head ("the Gaza Strip")."""
    return head.doc[head.left_edge.i : head.i + 1].text


def _hinted(analysis: Analysis, head: Token, start: int, end: int, text: str) -> EventSide:
    words = [t.text for t in head.doc[head.left_edge.i : head.i + 1]]
    country, sector = hint(words, head.text)
    if country is None:
        country = _place_in(analysis, head) or hint(_subtree_words(head), head.text)[0]
    if country is None and sector in STATE_SECTORS:
        country = _reporting_state(analysis, head)  # "India says official spoke with X": India's
    if country and sector is None and head.pos_ == "PROPN":
        sector = "CVL" if is_territory(text_of(head)) else "GOV"  # a state named as actor acts through its government
    code = f"{country or ''}{sector or ''}" or None
    return EventSide(None, text, start, end, country, sector, code)


def names_head(analysis: Analysis, tok: Token) -> bool:
    """Whether an actor's mention covers the token itself (the phrase's head names the actor)."""
    return bool(mention_index(tok.doc, analysis).covering(tok.idx))


def same_side(a: EventSide | None, b: EventSide | None) -> bool:
    """Whether two sides are the same actor (same id, same phrase, or same country and sector)."""
    if a is None or b is None:
        return False
    if a.actor is not None and a.actor == b.actor:
        return True
    if a.actor is not None and b.actor is not None:
        return False  # two different actors of one country and sector ("Venezuela banned the opposition mayor")
    if a.start == b.start and a.end == b.end:  # one phrase, unless it names two states ("both countries")
        return a.country is None or b.country is None or a.country == b.country
    return a.country is not None and (a.country, a.sector) == (b.country, b.sector)
