"""What the quote finders share about one document: quotations, sentences, paragraphs, cue tokens."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp import doc_text, scan_words, sentences, token_table
from ..vocabulary import vocabulary
from .lexicon import Lexicon
from .marks import Segment, find_segments

__all__ = ["Cue", "DocContext", "build_context"]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: token indices ``start``..``end`` (exclusive) and its main token."""

    start: int
    end: int
    token: int
    #: The speaker follows the cue ("according to X").
    source_after: bool
    indirect: bool
    cls: str
    #: The verb's object or infinitive can be the attributed content.
    obj: bool = False
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DocContext:
    doc: Doc
    #: ``doc.text``, computed once (spaCy rebuilds it on every access).
    text: str
    segments: tuple[Segment, ...]
    #: Per token: whether it lies within a quotation (marks included).
    inside: tuple[bool, ...]
    #: Per token: the index of its sentence in ``sents``.
    sent_of: tuple[int, ...]
    sents: tuple[Span, ...]
    #: Start offsets of the non-empty lines (paragraphs) of the text.
    para_starts: tuple[int, ...]
    cues: tuple[Cue, ...]
    tok_starts: tuple[int, ...]

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def sent_at(self, char: int) -> int:
        tok = self.token_at(char)
        return self.sent_of[tok]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def cues_in(self, first_sent: int, last_sent: int) -> list[Cue]:
        return [c for c in self.cues if first_sent <= self.sent_of[c.token] <= last_sent]


def _inside_flags(doc: Doc, segments: tuple[Segment, ...]) -> tuple[bool, ...]:
    flags = [False] * len(doc)
    for seg in segments:
        span = doc.char_span(seg.outer_start, seg.outer_end, alignment_mode="expand")
        if span is not None:
            flags[span.start : span.end] = [True] * (span.end - span.start)
    return tuple(flags)


def _cue_at(tok: Token, lex: Lexicon, inside: tuple[bool, ...]) -> Cue | None:
    if inside[tok.i]:
        return None
    doc = tok.doc
    lower = tok.lower_
    for phrase in lex.source_after:
        if lower == phrase[0] and tuple(t.lower_ for t in doc[tok.i : tok.i + len(phrase)]) == phrase:
            return Cue(tok.i, tok.i + len(phrase), tok.i, True, True, "speech")
    if (tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD") and lower not in vocabulary().words("quotes.always_cues"):
        return None
    verb = lex.verb(tok.lemma_)
    if verb is None:
        return None
    if verb.next_words and (tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in verb.next_words):
        return None
    end = tok.i + 1
    if end < len(doc) and doc[end].dep_ == "prt":  # "pointed out"
        end += 1
    return Cue(tok.i, end, tok.i, False, verb.indirect, verb.cls, verb.obj, verb.preps)


def build_context(doc: Doc, lex: Lexicon) -> DocContext:
    text = doc_text(doc)
    segments = tuple(find_segments(text))
    inside = _inside_flags(doc, segments)
    sents = sentences(doc)
    sent_of = [0] * len(doc)
    for k, sent in enumerate(sents):
        sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
    para_starts: list[int] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            para_starts.append(pos)
        pos += len(line) + 1
    first = lex.first_words

    always = vocabulary().words("quotes.always_cues")

    def may_cue(lemma: str, lower: str, alpha: bool) -> bool:
        return alpha and (lower in first or lower in always or lemma.lower() in lex.verbs)

    cues = [cue for i, _ in scan_words(doc, may_cue) if (cue := _cue_at(doc[i], lex, inside)) is not None]
    starts = tuple(token_table(doc).idx)
    return DocContext(
        doc, text, segments, inside, tuple(sent_of), sents, tuple(para_starts or [0]), tuple(cues), starts
    )
