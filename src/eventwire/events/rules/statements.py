"""Statements that judge another actor: criticism and accusation made without a verb like "accuse".

A speaker who says, in a quotation or a reported statement, that another actor "violated" a law, "has
failed to" act or "is trying to downplay" a crime, or who names "X's unlawful occupation", criticises
(CAMEO 111) or accuses (112) that actor. The judging words live in ``data/statements.yaml``; a word
judges only:

- inside a statement whose speaker the quotes stage found and is an actor (the narrator's own opinions
  are no event), and not inside another speaker's statement nested in it;
- when the judged actor is named: the subject of a verb of conduct (inherited through "is trying to",
  "built it to"), the agent of its passive, the owner of a noun ("Iran's violation"), the actor an
  adjective or adverb qualifies ("Israel's unlawful occupation", "X acted illegally", "X is complicit");
- when the judged actor is not the speaker's side;
- when the statement asserts it: a verb or a predicate that is negated, asked, supposed or predicted
  ("X did not violate", "if X fails to") judges no one. A noun's owner is presupposed by the phrase,
  whatever its verb ("should not be confused with Iran's violation" still names Iran's violation).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...labels import (
    COMPOUND_OR_POSSESSOR,
    JUDGED_OBJECT_LINKS,
    MANNER_LINKS,
    PASSIVE_MARKS,
    PURPOSE_OR_OPEN_CLAUSES,
    SUBJECTS,
    VOCATIVE_DEPS,
)
from ...model import Analysis, Event, EventSide, Quote
from ...nlp import scan_words, sentence_of
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import subjects
from ..lexicon.cameo import is_code
from ..sides.actorhood import FIRST_PERSON, is_actor_head, judge, owners_of, speaker_side
from ..sides.sides import make_side, same_side
from .modality import modality

_WORDS = word_lists("eventwire.events")

__all__ = ["Judged", "Judgement", "addressee_side", "judged_in", "judgements", "own_word", "private_feeling"]

Kind = Literal["conduct", "owned", "qualities", "phrases"]
KINDS: tuple[Kind, ...] = ("conduct", "owned", "qualities", "phrases")
#: the parts of speech a judging word of each kind has
KIND_POS: dict[Kind, frozenset[str]] = {
    "conduct": frozenset({"VERB"}),
    "owned": frozenset({"NOUN"}),
    "qualities": frozenset({"ADJ", "ADV"}),
    "phrases": frozenset({"NOUN", "PROPN", "ADJ"}),
}
#: copulas whose subject an adjective describes ("X is complicit", "X's conduct is unlawful")
COPULAS = _WORDS.words("copulas")
#: pronouns that name no speaker of a nested statement ("This shows that ...")
NON_SPEAKERS = _WORDS.words("non_speakers")
#: prepositions that name members of a group ("some governments, including Kenya's")
INCLUDING = _WORDS.words("including")
#: modalities in which a statement asserts what it says
ASSERTED = frozenset({"asserted", "reported"})
#: where a doc caches the positions of its judging words
_CUES_KEY = "eventwire.statement_cues"
#: how far up its clause chain a judging word looks for a nested speaker
MAX_UP = 8
#: second-person pronouns: inside a quotation they are its addressee, when the quotation names one
SECOND_PERSON = _WORDS.words("second_person")
JUDGED_SECOND_PERSON = _WORDS.words("judged_second_person")
#: dependency labels the parser gives a name that opens a sentence as its addressee


@dataclass(frozen=True, slots=True)
class Judgement:
    """One entry of ``data/statements.yaml``."""

    id: str
    kind: Kind
    code: str
    #: dependency labels of which the word must have a child
    deps: frozenset[str] = frozenset()
    #: lemmas of its object or infinitive that make it no judgement
    veto: frozenset[str] = frozenset()
    #: lemmas one of which its object or infinitive must be ("ordered the attacks", "needs to improve")
    obj: frozenset[str] = frozenset()
    #: a phrase's words after the first, in order
    words: tuple[str, ...] = ()
    #: the verbs one of which must follow a phrase's words
    after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Judged:
    """A statement's judgement of an actor: the judging word, its entry, the speaker and the judged (a
    phrase's act names no target)."""

    token: Token
    judgement: Judgement
    source: EventSide
    target: EventSide | None


def _words(value: Any) -> frozenset[str]:
    items = [] if value is None else [value] if isinstance(value, str) else list(value)
    if any(isinstance(v, bool) for v in items):
        raise ValueError(f"quote on/off/yes/no in statements.yaml: {items!r}")
    return frozenset(str(v).lower() for v in items)


@cache
def judgements() -> dict[tuple[Kind, str], tuple[Judgement, ...]]:
    """The judging words of ``data/statements.yaml``, keyed by (kind, word)."""
    text = resources.files("eventwire.events").joinpath("data/statements.yaml").read_text(encoding="utf-8")
    data: dict[str, list[dict[str, Any]]] = load_yaml(text)
    out: dict[tuple[Kind, str], list[Judgement]] = {}
    for kind in KINDS:
        for entry in data.get(kind) or []:
            code = str(entry["code"])
            if not is_code(code):
                raise ValueError(f"statements.yaml {entry.get('id')!r}: unknown CAMEO code {code!r}")
            words = tuple(str(w).lower() for w in entry.get("words") or ())
            item = Judgement(
                id=str(entry["id"]),
                kind=kind,
                code=code,
                deps=_words(entry.get("deps")),
                veto=_words(entry.get("not")),
                words=words,
                after=_words(entry.get("next")),
                obj=_words(entry.get("obj")),
            )
            for word in _words(entry["lemma"]):
                out.setdefault((kind, word), []).append(item)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _lists() -> dict[str, frozenset[str]]:
    """The word lists of ``data/statements.yaml`` (feelings, public_sectors, patient_nouns, hedges,
    approval_roots, patient_preps, approved_acts)."""
    text = resources.files("eventwire.events").joinpath("data/statements.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    keys = ("feelings", "public_sectors", "patient_nouns", "hedges", "approval_roots", "patient_preps", "approved_acts")
    return {k: frozenset(str(w) for w in data[k]) for k in keys}


def approved_act_patient(code: str, side: Token | None, trigger: Token) -> bool:
    """Whether a target of an approval ("praised", "welcomed") is what the approved act was done to, not
    its author: "praised the military response to the Sudanese jets" approves of the response, not of
    the jets; the side is the object of a preposition of an act noun (``data/statements.yaml``
    approved_acts) that is the trigger's object or hangs on it ("praised the army for its response to
    X"). Support or aid "to X" is not such an act: X gets it, and stays the target."""
    lists = _lists()
    if code[:2] not in lists["approval_roots"] or side is None or side.dep_ != "pobj":
        return False
    prep = side.head
    noun = prep.head
    if prep.lower_ not in lists["patient_preps"] or noun.pos_ != "NOUN":
        return False
    if noun.lemma_.lower() not in lists["approved_acts"] and noun.lower_ not in lists["approved_acts"]:
        return False
    cur = noun
    for _ in range(3):  # the object, or the object of a preposition of the trigger or its object
        if cur.head.i == trigger.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _feelings() -> tuple[frozenset[str], frozenset[str]]:
    """(codes of a stated feeling, sectors whose feelings are events without a target)."""
    lists = _lists()
    return lists["feelings"], lists["public_sectors"]


def private_feeling(ev: Event) -> bool:
    """Whether the event is a feeling with no target stated by no public actor ("health workers fear
    that ..."): no event."""
    codes, public = _feelings()
    return ev.cameo in codes and ev.target is None and (ev.source is None or ev.source.sector not in public)


def _entries(tok: Token) -> tuple[Judgement, ...]:
    table = judgements()
    found: list[Judgement] = []
    for kind in KINDS:
        if tok.pos_ in KIND_POS[kind]:
            found += table.get((kind, tok.lemma_.lower()), ()) or table.get((kind, tok.lower_), ())
    return tuple(found)


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(word for _kind, word in judgements())


def _cue_positions(doc: Doc, start: int, end: int) -> list[int]:
    """The tokens in [start, end) whose lemma or form is a judging word, from a scan of the doc made once
    (``nlp.scan_words``: no ``Token`` per word)."""
    found: list[int] | None = doc.user_data.get(_CUES_KEY)
    if found is None:
        words = _cue_words()
        found = [i for i, _ in scan_words(doc, lambda lemma, lower, _alpha: lemma.lower() in words or lower in words)]
        doc.user_data[_CUES_KEY] = found
    lo = bisect_left(found, start)
    return found[lo : bisect_left(found, end, lo)]


def judged_in(sent: SpacySpan, analysis: Analysis) -> list[Judged]:
    """The judgements the statements quoted in the sentence make of other actors, and the acts its fixed
    phrases state."""
    doc = sent.doc
    cues = [(doc[i], entries) for i in _cue_positions(doc, sent.start, sent.end) if (entries := _entries(doc[i]))]
    if not cues:
        return []  # nearly every sentence: no judging word at all
    start, end = sent.start_char, sent.end_char
    quotes = [q for q in analysis.quotes if q.span.start < end and q.span.end > start and q.speaker.start is not None]
    out: list[Judged] = []
    for tok, entries in cues:
        out += [j for e in entries if e.kind == "phrases" and (j := _phrase(tok, e, analysis)) is not None]
        quote = _quote_of(quotes, tok.idx)
        if quote is None:
            continue
        for entry in entries:
            out += _judge(tok, entry, quote, analysis) if entry.kind != "phrases" else []
    return out


def _phrase(tok: Token, entry: Judgement, analysis: Analysis) -> Judged | None:
    """The act a fixed phrase states when the parser misread its first word ("Pakistan reserves the
    right to respond"): its actor is the name the noun phrase opens with."""
    doc = tok.doc
    end = tok.i + 1 + len(entry.words)
    if end >= len(doc) or [t.lemma_.lower() for t in doc[tok.i + 1 : end]] != list(entry.words):
        return None
    if doc[end].lemma_.lower() not in entry.after or modality(tok) not in ASSERTED:
        return None
    for name in [c for c in tok.children if c.dep_ in COMPOUND_OR_POSSESSOR and c.i < tok.i]:
        pair = judge(analysis, name, make_side(analysis, name), "source", root=entry.code[:2])
        side = pair[1] if pair is not None else None
        if side is not None and (side.country or side.actor):
            return Judged(tok, entry, side, None)
    return None


def _quote_of(quotes: list[Quote], at: int) -> Quote | None:
    """The statement a word lies in: the narrowest quotation around it, a partial one ("called it
    'biased'") only when no other holds it."""
    around = [q for q in quotes if q.span.start <= at < q.span.end]
    whole = [q for q in around if q.kind != "partial"] or around
    return min(whole, key=lambda q: q.span.end - q.span.start, default=None)


def _judge(tok: Token, entry: Judgement, quote: Quote, analysis: Analysis) -> list[Judged]:
    if entry.deps and not any(c.dep_ in entry.deps for c in tok.children):
        return []
    objects = _object_words(tok)
    if entry.veto & objects or (entry.obj and not entry.obj & objects):
        return []
    judged, clause = _judged_tokens(tok, entry)
    if not judged or (clause is not None and modality(clause) not in ASSERTED):
        return []
    if _nested_speaker(tok, quote):
        return []
    speaker = _speaker(analysis, tok.doc, quote)
    if speaker is None:
        return []
    out: list[Judged] = []
    for t in [*judged, *(p for j in judged for p in _included(j))]:
        if t.lower_ in FIRST_PERSON or t.lower_ in JUDGED_SECOND_PERSON:
            continue
        pair = judge(analysis, t, speaker_side(analysis, t) or make_side(analysis, t), "target", root=entry.code[:2])
        side = pair[1] if pair is not None else None
        if side is None or not (side.country or side.actor) or same_side(speaker, side):
            continue
        out.append(Judged(tok, entry, speaker, side))
    return out


def _included(tok: Token) -> list[Token]:
    """The actors a judged group names as its members ("some governments, including Kenya's")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in INCLUDING]
    return [p for c in preps for p in c.children if p.dep_ == "pobj"]


def _object_words(tok: Token) -> set[str]:
    """The lemmas of a word's object, infinitive and the infinitive's object ("failed to win the vote")."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in JUDGED_OBJECT_LINKS:
            words.add(c.lemma_.lower())
            words.update(g.lemma_.lower() for g in c.children if c.dep_ == "xcomp" and g.dep_ == "dobj")
        if c.dep_ == "prep":
            words.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    return words


def _judged_tokens(tok: Token, entry: Judgement) -> tuple[list[Token], Token | None]:
    """(the heads naming the judged actor, the clause whose modality says whether it is asserted; None
    for a noun phrase, which presupposes what it names)."""
    if entry.kind == "conduct":
        return _doers(tok), _clause_top(tok)
    if entry.kind == "owned":
        verb = _manner_verb(tok)
        if verb is not None:
            return _doers(verb), _clause_top(verb)  # "X acts with impunity": the doer owns the manner
        return _agents_of(tok), None
    head = tok.head
    if tok.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
        return ([] if is_actor_head(head) else _agents_of(head)), None  # "Israel's unlawful occupation"
    if tok.dep_ == "acomp" and head.lemma_.lower() in COPULAS:
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        named = [s for s in subj if is_actor_head(s) or s.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
        return named or [o for s in subj for o in _agents_of(s)], head  # "X is complicit", "X's conduct is unlawful"
    if tok.dep_ == "advmod" and head.pos_ == "VERB":
        return _doers(head), _clause_top(head)  # "X acted illegally"
    return [], None


def _manner_verb(noun: Token) -> Token | None:
    """The verb a bare noun of manner qualifies ("X acts with impunity", "they behaved with negligence"):
    the noun is the object of "with" under the verb and has no owner or determiner of its own."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    if any(c.dep_ in MANNER_LINKS for c in noun.children):
        return None
    return prep.head


def _agents_of(noun: Token) -> list[Token]:
    """Who does the act a noun names: its owner ("Iran's violation", "violations by X"); none when the
    act is hedged or denied ("possible Turkish interference", "no violation") or its owner suffers it
    ("Nabil's murder")."""
    lists = _lists()
    if noun.lemma_.lower() in lists["patient_nouns"]:
        return []
    if any(c.lower_ in lists["hedges"] or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children):
        return []
    return owners_of(noun)


def _doers(verb: Token) -> list[Token]:
    """Who does a verb's act: the agent of a passive, else its subject (inherited through control)."""
    if any(c.dep_ in PASSIVE_MARKS for c in verb.children):
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return subjects(verb)


def _clause_top(verb: Token) -> Token:
    """The verb whose subject a controlled verb shares ("is trying to minimize" -> trying): its
    modality is the statement's."""
    cur = verb
    for _ in range(MAX_UP):
        if cur.dep_ not in PURPOSE_OR_OPEN_CLAUSES or cur.head is cur:
            break
        if any(c.dep_ in SUBJECTS for c in cur.children):
            break
        cur = cur.head
    return cur


def _nested_speaker(tok: Token, quote: Quote) -> bool:
    """Whether the word lies in the statement or belief of another actor told inside the quotation
    ("“Moscow says Kyiv violated the truce,” she said"): that judgement is not the speaker's."""
    vocab = vocabulary()
    reporting, opinions = vocab.words("eventwire.reporting"), vocab.words("events.opinion_verbs")
    cur = tok
    for _ in range(MAX_UP):
        head = cur.head
        if head is cur or not (quote.span.start <= head.idx < quote.span.end):
            return False
        lemma = head.lemma_.lower()
        if cur.dep_ == "ccomp" and (lemma in reporting or lemma in opinions):
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if any(s.lower_ not in FIRST_PERSON and s.lower_ not in NON_SPEAKERS for s in subj):
                return True
        cur = head
    return False


def _speaker(analysis: Analysis, doc: Doc, quote: Quote) -> EventSide | None:
    """The speaker's side, when the speaker is an actor."""
    sp = quote.speaker
    if sp.start is None or sp.end is None:
        return None
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    side = make_side(analysis, root)
    actor = analysis.actor(sp.actor)
    if actor is not None and side.actor != actor.id:
        country, sector = actor.country or side.country, actor.sector or side.sector
        code = actor.code or f"{country or ''}{sector or ''}" or None
        side = replace(side, actor=actor.id, country=country, sector=sector, code=code)
    pair = judge(analysis, root, side, "source", root="11")
    found = pair[1] if pair is not None else None
    return found if found is not None and (found.country or found.actor) else None


def own_word(trigger: Token, actors: list[Token], analysis: Analysis) -> bool:
    """Whether the act of ``trigger`` is told by its own actor: a first-person actor inside a quotation
    ("“We will not attack”"), or the complement of a reporting verb whose subject is the act's actor
    ("he said he would not declare martial law"); a prediction by another ("analysts said X would not
    attack") is not."""
    if any(speaker_side(analysis, a) is not None for a in actors):
        return True
    reporting = vocabulary().words("eventwire.reporting")
    cur = trigger
    for _ in range(MAX_UP):
        head = cur.head
        if head is cur:
            return False
        if cur.dep_ == "ccomp" and head.lemma_.lower() in reporting:
            sides = [make_side(analysis, a) for a in actors]
            speakers = [make_side(analysis, s) for s in subjects(head)]
            return any(same_side(a, s) for a in sides for s in speakers)
        cur = head
    return False


def addressee_side(analysis: Analysis, tok: Token) -> EventSide | None:
    """The side of a second-person pronoun inside a quotation that opens by naming whom it addresses
    ("“Congresswoman Maxine Waters, we look to you to ...”" -> Waters), when that name is an actor."""
    if tok.lower_ not in SECOND_PERSON or tok.pos_ != "PRON":
        return None
    if not any(q.span.start <= tok.idx < q.span.end for q in analysis.quotes):
        return None
    for name in sentence_of(tok):
        if name.i >= tok.i:
            break
        if name.dep_ not in VOCATIVE_DEPS or name.pos_ != "PROPN":
            continue
        before = name.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
        after = name.doc[name.right_edge.i + 1] if name.right_edge.i + 1 < len(name.doc) else None
        opens = before is None or before.is_quote or before.is_sent_start or before.is_punct
        if opens and after is not None and after.text == ",":
            side = make_side(analysis, name)
            return side if side.country or side.actor else None
    return None
