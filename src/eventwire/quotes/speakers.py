"""Who is speaking: the speaker phrase of a cue, its kind, and the actor it names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..labels import DIRECT_OR_PREP_OBJECTS, NOUN_CLAUSES, NOUN_PHRASE_INNER, SPEAKER_CLIMB_DEPS, SUBJECTS, VERB_LINKS
from ..model import Actor, Analysis, Speaker
from ..wordlists import word_lists
from .issuers import document_issuer
from .lexicon import Lexicon

_WORDS = word_lists("eventwire.quotes")

__all__ = [
    "SpeakerPhrase",
    "colon_speaker",
    "pronoun_antecedent",
    "reporting_ancestor",
    "resolve_speaker",
    "speaker_phrase",
]

PRONOUNS = _WORDS.words("pronouns")
RELATIVE = _WORDS.words("relative")
#: Dependencies through which a cue inherits the subject of the verb it hangs from.
CLIMB = SPEAKER_CLIMB_DEPS
#: Children of a speaker's head that are not part of the name.
NOT_NAME = NOUN_CLAUSES
MAX_SPEAKER_TOKENS = 14
NOT_SPEAKER_ENTS = frozenset(
    {"DATE", "TIME", "GPE", "LOC", "CARDINAL", "PERCENT", "MONEY", "ORDINAL", "QUANTITY", "EVENT", "FAC"}
)
EXPLETIVES = _WORDS.words("expletives")
AUTHOR_PREPS = _WORDS.words("author_preps")
#: Dependencies inside a noun phrase (to find its head from any word of it).
NP_INNER = NOUN_PHRASE_INNER


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """The speaker's words (token indices ``start``..``end`` exclusive) and its head token."""

    start: int
    end: int
    head: int


def _subject(verb: Token, inside: Sequence[bool] = (), passive: bool = False) -> Token | None:
    """The verb's subject outside quotation marks (the parser sometimes gives a cue two); ``passive``: a
    passive subject too ("After saying ..., she was taken ...")."""
    deps = SUBJECTS if passive else frozenset({"nsubj"})
    for child in verb.children:
        if child.dep_ in deps and not (inside and inside[child.i]):
            return child
    return None


def _relative_antecedent(tok: Token) -> Token:
    """``who`` of a relative clause stands for the noun the clause hangs from."""
    if tok.lower_ in RELATIVE:
        clause = tok.head
        if clause.dep_ in NOUN_CLAUSES and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return clause.head
    return tok


def _phrase(head: Token) -> SpeakerPhrase:
    """The head with its modifiers, without relative clauses and trailing punctuation."""
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in NOT_NAME:
            break
        if not child.is_punct:
            right = child.right_edge.i
    doc = head.doc
    while right > head.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    while left < head.i and doc[left].is_punct:
        left += 1
    if right + 1 - left > MAX_SPEAKER_TOKENS:
        left, right = max(left, head.i - 4), head.i
    return SpeakerPhrase(left, right + 1, head.i)


def reporting_ancestor(cue: Token, lex: Lexicon) -> Token | None:
    """ "X said ..., adding ...": a participle cue speaks for the nearest cue verb above it."""
    if cue.tag_ != "VBG" or cue.dep_ not in VERB_LINKS:
        return None
    for anc in cue.ancestors:
        if lex.verb(anc.lemma_) is not None and _subject(anc) is not None:
            return anc
    return None


def speaker_phrase(
    cue: Token, lex: Lexicon, source_after: bool = False, inside: Sequence[bool] = ()
) -> SpeakerPhrase | None:
    """The speaker of a cue verb (its subject, or the subject of the verb it hangs from)."""
    if source_after:  # "according to X"
        for tok in cue.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ == "to":
                return _phrase(tok)
        return None
    verb = reporting_ancestor(cue, lex) or cue
    for _ in range(4):
        subj = _subject(verb, inside, passive=verb is not cue)
        if subj is not None:
            return _phrase(_relative_antecedent(subj))
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "a statement saying ..."
            return _phrase(verb.head)
        if verb.dep_ not in CLIMB or verb.head is verb:
            break
        verb = verb.head
    return adjacent_name(cue, inside)


def _np_head(tok: Token) -> Token:
    while tok.dep_ in NP_INNER and tok.head is not tok and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def adjacent_name(cue: Token, inside: Sequence[bool] = ()) -> SpeakerPhrase | None:
    """When the parse gives the cue no subject: the name right after it ("said James Acton") or right
    before it ("..., Flynn, a surrogate, said")."""
    doc = cue.doc
    j = cue.i + 1
    while j < len(doc) and doc[j].ent_type_ in ("DATE", "TIME"):  # "said Monday"
        j += 1
    if j < len(doc) and _could_speak(doc[j], inside) and doc[j].pos_ != "NOUN":
        return _phrase(_np_head(doc[j]))
    j = cue.i - 1
    while j >= 0 and (doc[j].pos_ == "ADV" or doc[j].text == ","):
        j -= 1
    if j >= 0 and _could_speak(doc[j], inside) and doc[j].dep_ not in DIRECT_OR_PREP_OBJECTS:
        return _phrase(_np_head(doc[j]))
    return None


def _could_speak(tok: Token, inside: Sequence[bool]) -> bool:
    """A word that can head a speaker: a noun, name or pronoun that is no date, place or number."""
    if inside and inside[tok.i]:
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.ent_type_ not in NOT_SPEAKER_ENTS


def colon_speaker(sent: Span, inside: Sequence[bool] = ()) -> SpeakerPhrase | None:
    """ "Jane Doe echoed:" / "... doesn't surprise pollster Jane Doe:": the subject of the sentence, or its
    last person or organisation name."""
    root = sent.root
    subj = _subject(root, inside)
    if subj is not None and subj.lower_ not in EXPLETIVES and _could_speak(subj, inside):
        return _phrase(_relative_antecedent(subj))
    names = [e for e in sent.ents if e.label_ in ("PERSON", "ORG") and not (inside and inside[e.root.i])]
    return _phrase(names[-1].root) if names else None


def _author(head: Token) -> Token | None:
    """Who wrote a document: "a letter from X", "X's statement"."""
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _speaker_kind(doc: Doc, phrase: SpeakerPhrase, lex: Lexicon) -> str:
    head = doc[phrase.head]
    if head.lemma_.lower() in lex.document_heads or head.lower_ in lex.document_heads:
        return "document"
    named = any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in doc[phrase.start : phrase.end])
    if head.lower_ in lex.anonymous_heads and not named:
        return "anonymous"
    return "actor"


def _previous_person(analysis: Analysis, before: int, prefer: str | None) -> Actor | None:
    """The person actor a pronoun most likely stands for: ``prefer`` if it is a person, else the nearest."""
    people = [a for a in analysis.actors if a.kind == "person"]
    if prefer is not None and any(a.id == prefer for a in people):
        return next(a for a in people if a.id == prefer)
    best: tuple[int, Actor] | None = None
    for actor in people:
        for m in actor.mentions:
            if m.end <= before and (best is None or m.end > best[0]):
                best = (m.end, actor)
    return best[1] if best else None


def _governing_body(analysis: Analysis, doc: Doc, it: Token) -> Actor | None:
    """ "The Council pledged sanctions as a deterrence to what it called ...": a speaker "it" is the state or
    organisation that is the subject of the nearest verb above its clause."""
    for anc in it.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subj = _subject(anc)
        if subj is None or subj.left_edge.i <= it.i <= subj.right_edge.i:
            continue
        actor = phrase_actor(analysis, doc, _phrase(subj))
        return actor if actor is not None and actor.kind in ("country", "organization") else None
    return None


def phrase_actor(analysis: Analysis, doc: Doc, phrase: SpeakerPhrase) -> Actor | None:
    """The actor a speaker phrase names (``Analysis.phrase_actor``: the one holding its head word first)."""
    head = doc[phrase.head]
    span = doc[phrase.start : phrase.end]
    return analysis.phrase_actor(span.start_char, span.end_char, head.idx, head.idx + len(head.text))


def resolve_speaker(
    doc: Doc, analysis: Analysis, phrase: SpeakerPhrase, lex: Lexicon, previous: Speaker | None
) -> Speaker:
    """The ``Speaker`` of a phrase: its kind, and its actor (a pronoun falls back on a person actor)."""
    span = doc[phrase.start : phrase.end]
    start, end = span.start_char, span.end_char
    kind = _speaker_kind(doc, phrase, lex)
    head = doc[phrase.head]
    actor = phrase_actor(analysis, doc, phrase)
    if kind == "document":
        author = _author(head)
        if author is not None:
            sub = doc[author.left_edge.i : author.right_edge.i + 1]
            actor = analysis.actor_at(sub.start_char, sub.end_char) or actor
        if actor is None:
            actor = document_issuer(doc, head, lambda tok: phrase_actor(analysis, doc, _phrase(tok)))
    elif actor is None and head.lower_ == "it":
        actor = _governing_body(analysis, doc, head)
    elif actor is None and head.lower_ in PRONOUNS:
        prev_actor = previous.actor if previous is not None else None
        found = _previous_person(analysis, start, prev_actor)
        actor = found or None
    actor_id = actor.id if actor is not None else None
    return Speaker(actor=actor_id, text=span.text, start=start, end=end, kind=kind)  # type: ignore[arg-type]


def pronoun_antecedent(doc: Doc, before: int) -> Span | None:
    """The person a pronoun speaker most likely stands for when no actor covers it: the nearest PERSON
    name before it that is a clause subject, else the nearest PERSON name."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
    subjects = [e for e in people if e.root.dep_ in SUBJECTS]
    pool = subjects or people
    return pool[-1] if pool else None
