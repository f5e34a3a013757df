"""Which stretches of text are actors: datelines are not, nor places where something happens, nor things.

``judge_side`` is the public judgement later stages may ask for a side of an event (source or target):

    >>> judge_side(doc, analysis, start, end)          # character offsets into the article text
    SideJudgement(kind="actor", actor=Actor(...))      # or kind "dateline" | "place" | "pronoun" | "thing"

- ``actor``: the span names an actor of ``analysis.actors`` (the one whose mention holds the span's head
  word, else the mention nearest before the head, else the longest inside the span);
- ``dateline``: it lies in a dateline ("KHAN YOUNIS, GAZA —", "JAKARTA (Reuters) -"): where the story was
  filed, never a side;
- ``place``: a place where something happens ("in Brussels", "at the Ramallah Hospital"): an actor's
  mention (its ``actor`` is given: a country named as a place may still be what a target means) or a
  named place no actor covers;
- ``pronoun``: a pronoun no actor covers (it could not be resolved: not a side);
- ``thing``: anything else ("the crisis", "aggression", "the legislation").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ..model import Actor, Analysis
from ..nlp import LONG_DASHES, doc_text, token_table
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .coref import Draft
from .lists import name_order

_WORDS = word_lists("eventwire.actors")

__all__ = ["SideJudgement", "dateline_tokens", "drop_non_actors", "judge_side"]

SideKind = Literal["actor", "dateline", "place", "pronoun", "thing"]
#: How many paragraphs from the top may open with a dateline (a title line may come first).
DATELINE_PARAGRAPHS = 3
#: How many tokens a dateline may run before its dash ("KHAN YOUNIS, Gaza Strip (AP) —").
DATELINE_TOKENS = 12
DATELINE_MARKS = frozenset({":", "—", "–", "--", "-"})
#: Prepositions whose object is where something happens.
LOCATIVE = _WORDS.words("validity_locative")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class SideJudgement:
    """What a stretch of text is as a side of an event, and the actor it names (kind "actor" or "place")."""

    kind: SideKind
    actor: Actor | None = None

    @property
    def is_actor(self) -> bool:
        return self.kind == "actor"


def _paragraph_starts(doc: Doc) -> list[int]:
    texts = token_table(doc).text
    starts = [0]
    for i, text in enumerate(texts):
        if i + 1 < len(texts) and text.isspace() and "\n" in text:
            starts.append(i + 1)
        if len(starts) > DATELINE_PARAGRAPHS:
            break
    return starts[:DATELINE_PARAGRAPHS]


def _dateline_at(doc: Doc, p: int) -> int:
    """The end of a dateline opening the paragraph at token ``p`` (0 if none): upper-case place words,
    then optionally ", Region" and "(Agency)", then a dash or colon; or a short line of capitals alone."""
    first = doc[p] if p < len(doc) else None
    if first is None or not (first.is_alpha and first.text.isupper() and len(first.text) > 1):
        return 0
    depth = 0
    for tok in doc[p : min(len(doc), p + DATELINE_TOKENS)]:
        if tok.is_space and "\n" in tok.text:
            run = doc[p : tok.i]
            return tok.i if len(run) <= 4 and all(t.text.isupper() or t.is_punct for t in run) else 0
        if tok.text in DATELINE_MARKS and depth == 0 and tok.i > p:
            if first.ent_type_ in ("ORG", "PERSON", "NORP") and tok.text not in LONG_DASHES:
                return 0  # "NATO: ...", "UN - ..."
            return tok.i + 1
        depth += tok.text == "("
        depth -= tok.text == ")"
        if depth == 0 and not (tok.is_punct or tok.text[:1].isupper()):
            return 0
    return 0


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the datelines that open the text or one of its first paragraphs ("JAKARTA\\n\\nJAKARTA
    (Reuters) - ..."): where the story was filed tells the country, it does not act."""
    out: set[int] = set()
    for p in _paragraph_starts(doc):
        end = _dateline_at(doc, p)
        out.update(range(p, end))
    return frozenset(out)


#: Prepositions after which a name tagged as a person is a place when it never appears otherwise.
PLACE_PREPS = _WORDS.words("validity_place_preps")


def _place_use(tok: Token) -> bool:
    """ "in Tel Rumeida", "the city of Bahawalpur": a name used as a place."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in PLACE_PREPS or (
        prep.lower_ == "of" and prep.head.lower_ in vocabulary().words("actors.validity_place_nouns")
    )


def _credit_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the lines that give credits ("Reporting by X; Editing by Y")."""
    text = doc_text(doc)
    cues = name_order().credit_cues
    out, pos = [], 0
    for line in text.split("\n"):
        low = line.lower()
        if any(cue in low for cue in cues):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def drop_non_actors(doc: Doc, drafts: list[Draft]) -> None:
    """Unknown named people that are not actors lose their mentions: those only named in a credit line, and
    names only ever used as a place ("in Tel Rumeida", "the city of Bahawalpur") with no pronoun for them."""
    credits = _credit_lines(doc)
    for d in drafts:
        if d.kind != "person" or d.key[0] != "person" or d.titles:
            continue
        names = [(s, e) for s, e in d.mentions if not (e - s == 1 and doc[s].pos_ == "PRON")]
        if not names:
            continue
        credited = all(any(lo <= doc[s].idx < hi for lo, hi in credits) for s, _ in names)
        place = len(names) == len(d.mentions) and all(_place_use(doc[e - 1]) for _, e in names)
        if credited or place:
            d.mentions = []


def _locative(tok: Token) -> bool:
    """ "in Brussels", "at the border": the object of a preposition of place."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def judge_side(doc: Doc, analysis: Analysis, start: int, end: int) -> SideJudgement:
    """What the text ``[start, end)`` is as a side of an event (see the module's docstring)."""
    head = _head(doc, start, end)
    if head is None:
        return SideJudgement("thing")
    if head.i in dateline_tokens(doc):
        return SideJudgement("dateline")
    actor = analysis.phrase_actor(start, end, head.idx, head.idx + len(head.text))
    place = _locative(head) and (head.ent_type_ in PLACE_ENTS or (actor is not None and actor.kind == "country"))
    if actor is not None:
        return SideJudgement("place" if place else "actor", actor)
    if head.pos_ == "PRON":
        return SideJudgement("pronoun")
    if head.ent_type_ in PLACE_ENTS:
        return SideJudgement("place")
    return SideJudgement("thing")
