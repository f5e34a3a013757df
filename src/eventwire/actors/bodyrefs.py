"""References back to states and organisations: "the ministry", "the paper", "the group" (``data/
references.yaml``), and a sentence-opening "It" for the state or body that was the subject just before."""

from __future__ import annotations

from spacy.tokens import Doc

from ..labels import COMPOUND_OR_POSSESSOR, IT_EXPLETIVE_LINKS, NOUN_MODIFIERS, SUBJECTS
from ..nlp import quoted_tokens
from .coref import Draft, Sentences
from .lists import RefNoun, references
from .matcher import positions, word_ids

__all__ = ["definite_refs", "it_refs"]

IT_WORDS = word_ids(("it",))
#: kinds of actor "it" may stand for
IT_KINDS = frozenset({"country", "organization"})


def _bare_noun(doc: Doc, i: int) -> bool:
    """ "the ministry" said: a common noun heading its own noun phrase, nothing after it ("of ...", a noun)."""
    tok = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ not in NOUN_MODIFIERS
        and (nxt is None or (nxt.lower_ != "of" and nxt.pos_ not in ("NOUN", "PROPN")))
    )


def _bare_ref(doc: Doc, start: int, end: int) -> bool:
    """A mention that is only "the NOUN" (itself a back-reference, not a name)."""
    return end - start <= 2 and doc[start].lower_ == "the"


def definite_refs(doc: Doc, drafts: list[Draft], sents: Sentences) -> None:
    """ "the ministry", "the paper", "the group": the organisation of that kind named last, within a few
    sentences, rather than an actor of its own (the noun's own generic actor loses that mention)."""
    refs = references()
    for i in positions(doc, word_ids(refs.nouns)):
        if i == 0 or doc[i - 1].lower_ != "the" or not _bare_noun(doc, i):
            continue
        own = {(i - 1, i + 1), (i, i + 1)}
        if any(m not in own and m[0] <= i < m[1] for d in drafts for m in d.mentions):
            continue  # part of a longer mention ("the ministry's spokesman")
        floor = sents.spans[max(sents.index(i) - refs.window, 0)][0]
        target = _named_body(doc, drafts, refs.nouns[doc[i].lower_], floor, i - 1)
        if target is None:
            continue
        for d in drafts:
            d.mentions = [m for m in d.mentions if m not in own]
        target.mentions.append((i - 1, i + 1))


def _named_body(doc: Doc, drafts: list[Draft], ref: RefNoun, floor: int, at: int) -> Draft | None:
    """The organisation ``ref`` fits that was last mentioned before ``at`` (a bare back-reference is no
    mention): one named with a capital ("the Ministry of Foreign Affairs") from ``floor`` on, or the only
    one so named before; else a common-noun one ("India's home ministry") from ``floor`` on."""
    named: list[tuple[int, Draft]] = []
    common: list[tuple[int, Draft]] = []
    for d in drafts:
        if d.key[0] not in ("org", "group") or d.kind == "person":
            continue
        spans = [(s, e) for s, e in d.mentions if s < at and not _bare_ref(doc, s, e)]
        names = " ".join([d.name, *(doc[s:e].text for s, e in spans)])
        if not ref.fits(names, d.sector if d.key[0] == "org" else None):
            continue
        capital = [s for s, e in spans if doc[e - 1].text[:1].isupper()]
        if capital:
            named.append((max(capital), d))
        elif spans:
            common.append((max(s for s, _ in spans), d))
    if named:
        pos, best = max(named, key=lambda f: f[0])
        if pos >= floor or len(named) == 1:
            return best
    recent = [f for f in common if f[0] >= floor]
    return max(recent, key=lambda f: f[0])[1] if recent else None


def _main_subject(doc: Doc, s: int, e: int) -> bool:
    """A mention that is (or, "Iran's", owns) the subject of its sentence's main clause (the root verb or a
    verb coordinated with it), not of a clause inside ("efforts to ensure Iran does not ...")."""
    for t in doc[s:e]:
        subj = t if t.dep_ in SUBJECTS else t.head if t.dep_ in COMPOUND_OR_POSSESSOR else None
        if subj is None or subj.dep_ not in SUBJECTS:
            continue
        verb = subj.head
        if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            return True
    return False


def _agentive_it(doc: Doc, i: int) -> bool:
    """ "It argued": "it" opening its sentence, outside quotation marks, as the subject of a verb that takes
    an agent; not "It is clear", "It seems", "It takes time"."""
    tok = doc[i]
    return (
        not quoted_tokens(doc)[i]
        and tok.dep_ == "nsubj"
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() not in references().it_not_agentive
        and not any(c.dep_ in IT_EXPLETIVE_LINKS for c in tok.head.children)
    )


def _state_or_body(doc: Doc, d: Draft, start: int) -> bool:
    """A country or organisation, or a body named by a singular noun ("the ministry")."""
    end = next(e for s, e in d.mentions if s == start)
    return d.kind in IT_KINDS or (d.kind == "group" and doc[end - 1].tag_ in ("NN", "NNP"))


def _it_target(doc: Doc, drafts: list[Draft], i: int, sents: Sentences) -> Draft | None:
    """The state or body an "It" opening a sentence stands for: the main subject of the sentence before
    ("Israel rejected the questions. It argued ..."); none when that subject is a person or a plural group.
    (An "it" inside its sentence is left to the events stage, which takes its antecedent's own words.)"""
    k = sents.index(i)
    if k == 0 or not all(t.is_punct for t in doc[sents.spans[k][0] : i]):
        return None
    lo, hi = sents.spans[k - 1]
    subjects = [(s, d) for d in drafts for s, e in d.mentions if lo <= s < hi and _main_subject(doc, s, e)]
    if not subjects:
        return None
    s, d = max(subjects, key=lambda f: f[0])
    return d if _state_or_body(doc, d, s) else None


def it_refs(doc: Doc, drafts: list[Draft], sents: Sentences, covered: set[int]) -> None:
    """ "Israel rejected the questions. It argued that ...": a sentence-opening "It" joins the state or
    organisation that was the main subject of the sentence before (``references.yaml``: verbs whose "it" is
    a dummy or a thing). Resolving "its" too made the events stage take "its" for a side instead of the
    noun phrase it opens, so it is left alone."""
    for i in positions(doc, IT_WORDS):
        if i in covered or doc[i].pos_ != "PRON" or not _agentive_it(doc, i):
            continue
        target = _it_target(doc, drafts, i, sents)
        if target is not None:
            target.mentions.append((i, i + 1))
