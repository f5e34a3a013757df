"""Noun-phrase bounds: the character span a head's phrase covers, as a source (``phrase_bounds``) or
as a target with its own conventions (``target_bounds``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ...labels import COMPOUND_OR_NMOD, COORDINATION, PHRASE_CUT_DEPS, PHRASE_NUMBER_LINKS, POSSESSED_MODIFIERS
from ...nlp import token_table
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import TIME_ENTS, entity
from .fallback import hint

_WORDS = word_lists("eventwire.events")

__all__ = ["phrase_bounds", "target_bounds"]

NARROW_PREPS = _WORDS.words("narrow_preps")
WIDE_PREPS = _WORDS.words("wide_preps")
#: a target's phrase also keeps these modifiers ("partners like Saudi Arabia", "a deal with China")
TARGET_PREPS_KEPT = _WORDS.words("target_preps_kept")
#: the longest relative clause a bare target noun keeps
MAX_CLAUSE_TOKENS = 12
CUT_DEPS = PHRASE_CUT_DEPS
#: the longest participle phrase a phrase keeps
MAX_PARTICIPLE_TOKENS = 12
PLACE_ENTS = ("GPE", "LOC", "FAC")
#: adverbs of time the parser takes for adjectives ("Hours earlier Maduro")
TIME_ADVERBS = _WORDS.words("time_adverbs")


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``data/phrases.yaml`` (adjunct nouns, plight nouns, stranded prepositions)."""
    text = resources.files("eventwire.events").joinpath("data/phrases.yaml").read_text(encoding="utf-8")
    return frozenset(str(w).lower() for w in load_yaml(text)[key])


def phrase_bounds(head: Token, wide: bool = False) -> tuple[int, int]:
    """Character bounds of the noun phrase of ``head``: its subtree without clauses, coordination,
    appositions and prepositional phrases (an "of" phrase is kept). ``wide`` (a target) also keeps
    place phrases and appositions ("a military vehicle in Rakhine State"); a place's own aside is cut
    ("Estonia, a small country in Northern Europe")."""
    keep = WIDE_PREPS if wide else NARROW_PREPS  # a name the parser split is never cut ("Barack" of "Obama")
    asides = head.ent_type_ in PLACE_ENTS
    toks = _contiguous(head, sorted(_phrase_tokens(head, keep, wide, asides=asides), key=lambda t: t.i))
    toks = _trimmed(toks)
    return _name_bounds(head, toks[0].idx, _closing(toks))


def target_bounds(head: Token, stranded: bool = True) -> tuple[int, int]:
    """Character bounds of a target's phrase: the wide phrase with the target's own conventions
    (see ``TARGET_PREPS_KEPT``; a name keeps no apposition: "Haifa, Israel's third city" -> "Haifa";
    a bare noun keeps its defining clause; with ``stranded``, a place phrase the parser hung on the verb
    is the target's)."""
    keep = WIDE_PREPS | TARGET_PREPS_KEPT
    toks = sorted(_phrase_tokens(head, keep, True, asides=True, clauses=True), key=lambda t: t.i)
    toks = _possessed(_contiguous(head, toks))
    toks = _stranded(head, toks) if stranded else toks
    toks = _trimmed(toks)
    return _name_bounds(head, toks[0].idx, _closing(toks))


def _trimmed(toks: list[Token]) -> list[Token]:
    """The phrase's tokens without punctuation or a conjunction at either end."""
    toks = list(toks)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks.pop(0)
    return toks


def _name_bounds(head: Token, start: int, end: int) -> tuple[int, int]:
    """Phrase bounds widened to the whole name the head belongs to, with the name's own left modifiers
    ("Sheikh" of "Sheikh Hamad bin Khalifa al-Thani"), when the parser split the name."""
    ent = entity(head)
    if len(ent) == 1:
        return start, end
    return min(start, ent[0].left_edge.idx), max(end, ent[-1].idx + len(ent[-1].text))


def _closing(toks: list[Token]) -> int:
    """The end of the phrase, past a closing bracket whose opening one the phrase holds ("(UNHCR)")."""
    last = toks[-1]
    end = last.idx + len(last.text)
    texts = token_table(last.doc).text[toks[0].i : last.i + 1]
    opened = texts.count("(") - texts.count(")")
    if opened > 0 and last.i + 1 < len(last.doc) and last.doc[last.i + 1].text == ")":
        return last.doc[last.i + 1].idx + 1
    return end


def _contiguous(head: Token, toks: list[Token]) -> list[Token]:
    """An apposition past a conjunct of the head is not the head's ("a town and nearby villages, the
    last area ..."): the phrase ends before the conjunct, which is a phrase of its own."""
    stops = [c for c in head.children if c.dep_ in COORDINATION and c.i > head.i]
    if not stops or not any(c.dep_ == "appos" and c.i > stops[0].i for c in head.children):
        return toks
    stop = min(min(c.i, c.left_edge.i) for c in stops)
    return [t for t in toks if t.i < stop]


def _possessed(toks: list[Token]) -> list[Token]:
    """A phrase the parser cut at its possessive ending ("Libya 's" of "Libya 's recognized
    government") runs on to the possessed noun: a possessive phrase is never cut at "'s"."""
    last = toks[-1]
    if last.dep_ != "case" or last.i + 1 >= len(last.doc):
        return toks
    first = last.doc[last.i + 1]
    noun = first
    while noun.head.i > noun.i and noun.dep_ in POSSESSED_MODIFIERS:
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.left_edge.i != first.i:
        return toks
    return toks + list(noun.doc[first.i : noun.i + 1])


def _stranded(head: Token, toks: list[Token]) -> list[Token]:
    """A place phrase the parser hung on the verb right after a common-noun object is the object's
    ("attacked Kurdish fighters across the border in north-eastern Syria", "help people in need of
    aid"); a name's ("Turkey in Idlib") or a time's ("refugees in 1997") stays the verb's."""
    gov = head.head
    if head.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif head.dep_ != "dobj":
        return toks
    if head.pos_ != "NOUN":
        return toks
    while True:
        nxt = next((c for c in gov.children if c.dep_ == "prep" and c.i == toks[-1].i + 1), None)
        if nxt is None or nxt.lower_ not in _words("stranded_preps") or not _place_phrase(nxt):
            return toks
        toks = toks + list(nxt.subtree)


def _place_phrase(prep: Token) -> bool:
    """Whether a preposition phrase names a place or a plight, with no time in it."""
    if any(t.ent_type_ in TIME_ENTS for t in prep.subtree):
        return False
    places = vocabulary().words("eventwire.place_nouns")
    return any(
        o.ent_type_ in PLACE_ENTS or o.pos_ == "PROPN" or o.lower_ in places or o.lower_ in _words("plight_nouns")
        for o in prep.children
        if o.dep_ == "pobj"
    )


def _defining_clause(head: Token, child: Token) -> bool:
    """A relative clause that says who a bare (or only counted) noun is ("people who had fled the
    fighting", "six farmers who were killed"); a noun with modifiers or a name is already said ("the
    hospital, where ...")."""
    if child.dep_ != "relcl" or head.pos_ not in ("NOUN", "PRON"):
        return False
    if any(c.i < head.i and c.dep_ != "nummod" for c in head.children):
        return False
    if child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].is_punct:
        return False  # "people in X, who ...": a clause after a comma adds, it does not define
    return not any(c.dep_ == "conj" for c in head.children) and len(_clause_tokens(child)) <= MAX_CLAUSE_TOKENS


def _clause_tokens(clause: Token) -> list[Token]:
    """A relative clause's first predicate, without a coordinated one ("who served in X and face
    charges": "who served in X")."""
    cut = [c.i for c in clause.children if c.dep_ in COORDINATION and c.i > clause.i]
    return [t for t in clause.subtree if not cut or t.i < min(cut)]


def _name_aside(head: Token, child: Token) -> bool:
    """An apposition that describes a name ("Haifa, Israel's third largest city"), unlike the name
    that follows a title ("the Foreign Minister, Ibrahim Ghandour"), the title that follows a name
    ("Tantan, the Minister of Interior") or the name's acronym ("(KIO)")."""
    if child.dep_ != "appos" or head.pos_ != "PROPN" or hint([head.text], head.text)[1] is not None:
        return False
    if child.doc[child.left_edge.i - 1].text == "(":
        return False
    return hint([child.text], child.text)[1] is None


def _participle_modifier(child: Token) -> bool:
    """A short participle phrase after its noun ("workers employed by the UN", "people now living in
    camps"); one that tells when ("a man held in jail since May") reports an act, it does not name."""
    if child.dep_ != "acl" or child.i < child.head.i or child.lemma_ in vocabulary().words("events.hearsay"):
        return False
    if child.tag_ == "VBG":  # "the coalition fighting the rebels": only a noun of people or a body
        if child.head.pos_ != "NOUN" or hint([child.head.text], child.head.text)[1] is None:
            return False
    elif child.tag_ != "VBN":
        return False
    if child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].is_punct:
        return False  # ", arrested in March," is an aside, not part of the name
    subtree = list(child.subtree)
    return len(subtree) <= MAX_PARTICIPLE_TOKENS and not any(t.ent_type_ in TIME_ENTS for t in subtree)


def _adjunct(prep: Token) -> bool:
    """A preposition phrase of time or manner ("on Tuesday", "in virtue of ...", "in an act of ...")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return any(o.ent_type_ in TIME_ENTS or o.lemma_.lower() in _words("adjunct_nouns") for o in objs)


def _kept_prep(tok: Token, child: Token, keep: frozenset[str], wide: bool) -> bool:
    """Whether the phrase of ``tok`` keeps its preposition phrase ``child``: a kept preposition, the
    complement of a title ("ambassador to the UN") or of an adjective after its noun ("rebels loyal
    to X"), or the body a wide phrase's noun serves ("inspectors for the UN nuclear agency")."""
    if child.lower_ in keep:
        return True
    if child.lower_ == "to" and tok.pos_ == "NOUN" and hint([tok.text], tok.text)[1] is not None:
        return True
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i > tok.head.i:
        return True
    if not wide or child.lower_ != "for" or tok.pos_ != "NOUN":
        return False
    objs = [g for g in child.children if g.dep_ == "pobj"]
    named = [t for o in objs for t in (o, *(c for c in o.children if c.dep_ in COMPOUND_OR_NMOD))]
    return any(t.ent_type_ in ("ORG", "GPE") for t in named)


def _date_stop(tok: Token) -> int:
    """Where a time adverbial after a noun ends its phrase ("airstrikes this month in the area")."""
    times = [c.i for c in tok.children if c.i > tok.i and c.dep_ == "npadvmod" and c.ent_type_ in TIME_ENTS]
    return min(times, default=len(tok.doc))


def _phrase_tokens(
    tok: Token, keep: frozenset[str], wide: bool, asides: bool = False, clauses: bool = False
) -> Iterator[Token]:
    """The tokens of the phrase of ``tok``; ``asides``: a name's aside is cut, ``clauses``: a bare
    noun keeps its defining clause (a target's conventions)."""
    yield tok
    stop = _date_stop(tok)
    for child in tok.children:
        if child.i > stop or (asides and _name_aside(tok, child)):
            continue
        if clauses and _defining_clause(tok, child):
            yield from _clause_tokens(child)
            continue
        if wide and _participle_modifier(child):  # "British forces based in Vitez"
            yield from child.subtree
            continue
        kept = (child.dep_ == "prep" and _kept_prep(tok, child, keep, wide)) or (wide and child.dep_ == "appos")
        if child.dep_ in CUT_DEPS and not kept:
            continue
        if child.dep_ == "punct" or (child.pos_ == "VERB" and child.dep_ != "amod"):
            continue
        if child.dep_ == "prep" and not any(g.dep_ == "pobj" for g in child.children):
            continue  # "efforts at restoring peace": a preposition with a clause, not a noun, is cut
        if child.dep_ == "prep" and (_adjunct(child) or (tok.ent_type_ == "PERSON" and child.lower_ != "of")):
            continue  # "Evo Morales in virtue of ...": a person's name takes only an "of" phrase
        if child.dep_ in PHRASE_NUMBER_LINKS and child.ent_type_ in TIME_ENTS:
            continue  # "Hours earlier Maduro", "17 July 2017 Russia's Supreme Court"
        if child.dep_ == "amod" and child.lower_ in TIME_ADVERBS and any(g.dep_ == "npadvmod" for g in child.children):
            continue  # "Days later Maduro": a measure of time before a name is the clause's
        yield from _phrase_tokens(child, keep, wide, asides, clauses)
