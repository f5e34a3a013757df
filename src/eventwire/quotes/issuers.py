"""Who issued a document that speaks: "the statement said" after "X said in a statement" or "X issued a
statement"."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..labels import SUBJECTS
from ..model import Actor
from ..nlp import sentences
from ..wordlists import word_lists

_WORDS = word_lists("eventwire.quotes")

__all__ = ["document_issuer"]

#: How many sentences before the speaker's own one may introduce the document.
WINDOW = 3
#: Speakers that are themselves no issuer: the document again, or a pronoun no actor covers.
NOT_ISSUERS = _WORDS.words("not_issuers")
ISSUER_PREPS = _WORDS.words("issuer_preps")


def _sentence_index(doc: Doc, i: int) -> int:
    sents = sentences(doc)
    return max(bisect.bisect_right([s.start for s in sents], i) - 1, 0)


def _verb_of(tok: Token) -> Token | None:
    """The verb a noun hangs from ("said in a statement", "issued a statement")."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _subject(verb: Token) -> Token | None:
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is not None or verb.dep_ != "conj":
            return subj
        verb = verb.head
    return None


ActorOf = Callable[[Token], "Actor | None"]


def _root_subject_actor(doc: Doc, sent_index: int, actor_of: ActorOf) -> Actor | None:
    sent = sentences(doc)[sent_index]
    subj = _subject(sent.root)
    return actor_of(subj) if subj is not None else None


def document_issuer(doc: Doc, head: Token, actor_of: ActorOf) -> Actor | None:
    """The actor who issued the document ``head`` names ("statement"): an earlier mention of the same kind
    of document in this sentence or the ``WINDOW`` before it, with its author ("a statement from X") or the
    subject of the verb it hangs from ("X said in a statement", "X issued a statement"); when that subject
    is a pronoun no actor covers ("In a statement, it said"), the subject of the sentence before."""
    k = _sentence_index(doc, head.i)
    sents = sentences(doc)
    lemma = head.lemma_.lower()
    for j in range(k, max(k - WINDOW - 1, -1), -1):
        sent = sents[j]
        for tok in reversed(sent):
            if tok.i > head.i or tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue  # the document itself counts too: "X issued a statement calling ..."
            author = next((c for c in tok.children if c.dep_ == "poss"), None) or _from(tok)
            if author is not None and (found := actor_of(author)) is not None:
                return found
            verb = _verb_of(tok)
            subj = _subject(verb) if verb is not None else None
            if subj is None:
                continue
            found = actor_of(subj)
            if found is not None:
                return found
            if subj.lower_ in NOT_ISSUERS and j > 0:
                return _root_subject_actor(doc, j - 1, actor_of)
    return None


def _from(tok: Token) -> Token | None:
    """ "a statement from X", "a statement by X"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
