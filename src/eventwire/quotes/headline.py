"""Headline attributions: "Pence: Flowers Won't Be at Debate" (a short line, a name, a colon, the claim)."""

from __future__ import annotations

import re

from ..model import Analysis, Quote, QuoteKind, Span
from ..vocabulary import vocabulary
from .context import DocContext
from .lexicon import Lexicon
from .speakers import SpeakerPhrase, resolve_speaker

__all__ = ["find_headline_claims"]

MAX_LINE_WORDS = 25
MAX_NAME_WORDS = 6
#: "Name: claim" at the start of a line; the name is capitalised words (with initials, dots, hyphens).
_LABELLED_LINE = re.compile(r"^((?:[A-Z][\w.'’-]*[ \t]+){0,5}[A-Z][\w.'’-]*):[ \t]+(\S.*\S)[ \t]*$", re.M)


def _phrase(ctx: DocContext, start: int, end: int) -> SpeakerPhrase | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.is_title or t.pos_ == "PROPN" or t.is_punct for t in span):
        return None
    return SpeakerPhrase(span.start, span.end, span.end - 1)


def find_headline_claims(ctx: DocContext, analysis: Analysis, lex: Lexicon) -> list[Quote]:
    """Short lines of the form ``Name: claim``; the claim is ``indirect`` (``mixed`` with quoted words)."""
    quotes: list[Quote] = []
    for m in _LABELLED_LINE.finditer(ctx.text):
        name = m.group(1)
        if name in vocabulary().words("quotes.not_names") or len(m.group(0).split()) > MAX_LINE_WORDS or name.isupper():
            continue
        phrase = _phrase(ctx, m.start(1), m.end(1))
        if phrase is None or phrase.end - phrase.start > MAX_NAME_WORDS:
            continue
        start, end = m.start(2), m.end(2)
        claim = ctx.doc.char_span(start, end, alignment_mode="expand")
        if claim is None or not any(t.pos_ in ("VERB", "AUX") for t in claim):
            continue  # "Members: 83 nations, 5 institutions" is a list, not a claim
        speaker = resolve_speaker(ctx.doc, analysis, phrase, lex, None)
        while end > start and ctx.text[end - 1] in ".":
            end -= 1
        kind: QuoteKind = "mixed" if any(s.start >= start and s.end <= end for s in ctx.segments) else "indirect"
        colon = m.end(1)
        quotes.append(Quote(Span(start, end, ctx.text[start:end]), kind, speaker, Span(colon, colon + 1, ":")))
    return quotes
