"""Direct and partial quotations: the text between quotation marks and who said it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Analysis, Quote, QuoteKind, Span, Speaker
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .context import Cue, DocContext
from .lexicon import Lexicon
from .marks import Segment
from .speakers import SpeakerPhrase, colon_speaker, resolve_speaker, speaker_phrase

_WORDS = word_lists("eventwire.quotes")

__all__ = ["find_direct"]

#: A quotation without any cue is kept (speaker unknown) only from this many words on.
MIN_UNCUED_WORDS = 6
TITLE_MAX_WORDS = 10
TITLE_SMALL_WORDS = _WORDS.words("title_small_words")
_WORD = re.compile(r"[\w’'&-]+")
#: A quotation inside a sentence's syntax shorter than this is "partial".
PARTIAL_MAX_WORDS = 8
#: A cue this many tokens into the sentence right after a quotation still attributes it ("..." he asks.).
NEXT_SENTENCE_CUE_TOKENS = 10
#: "..." ― Jane Q. Doe (a name after a dash, on the same line).
_DASH_NAME = re.compile(r"[^\S\n]*(?:―|—|–|--?)[^\S\n]*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,5})")
#: A transcript turn: "WALLACE: ..." at the start of a quotation.
_LABEL = re.compile(r"([A-Z][A-Z.'’ -]{1,30}[A-Z]):\s")


@dataclass(frozen=True, slots=True)
class _Found:
    segment: Segment
    speaker: Speaker | None
    cue: Span | None
    partial: bool


def _span(ctx: DocContext, start_tok: int, end_tok: int) -> Span:
    sp = ctx.doc[start_tok:end_tok]
    return Span(sp.start_char, sp.end_char, sp.text)


def _char_distance(ctx: DocContext, cue: Cue, seg: Segment) -> int:
    tok = ctx.doc[cue.token]
    if tok.idx >= seg.outer_end:
        return tok.idx - seg.outer_end
    return max(0, seg.outer_start - tok.idx)


def _governs(ctx: DocContext, cue: Cue, seg: Segment) -> bool:
    """Whether the cue is a syntactic ancestor of the quotation's first word."""
    tok = ctx.doc[ctx.token_at(seg.start)]
    return any(a.i == cue.token for a in tok.ancestors)


def _object_only(ctx: DocContext, cue: Cue) -> bool:
    """A cue of an object or prepositional attribution ("wanted to speak", "criticized"), which rarely
    introduces a quotation itself."""
    if cue.indirect or ctx.doc[cue.token].lemma_.lower() in vocabulary().words("quotes.naming_cues"):
        return False
    return cue.obj or bool(cue.preps)


def _ranked(ctx: DocContext, seg: Segment, cues: list[Cue]) -> list[Cue]:
    def key(c: Cue) -> tuple[int, int, int, int]:
        return (
            0 if _governs(ctx, c, seg) else 1,
            1 if _object_only(ctx, c) else 0,  # "criticized X" rarely introduces a quotation
            0 if c.cls in ("speech", "writing") else 1,
            _char_distance(ctx, c, seg),
        )

    return sorted(cues, key=key)


def _attribute(
    ctx: DocContext, analysis: Analysis, lex: Lexicon, cues: list[Cue], seg: Segment, prev: Speaker | None
) -> tuple[Speaker, Span] | None:
    for cue in _ranked(ctx, seg, cues):
        phrase = speaker_phrase(ctx.doc[cue.token], lex, cue.source_after, ctx.inside)
        if phrase is None or ctx.inside[phrase.head]:
            continue
        speaker = resolve_speaker(ctx.doc, analysis, phrase, lex, prev)
        return speaker, _span(ctx, cue.start, cue.end)
    return None


def _is_partial(ctx: DocContext, seg: Segment) -> bool:
    text = ctx.text
    k = seg.outer_start - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    words = len(text[seg.start : seg.end].split())
    return k >= 0 and (text[k].isalnum() or text[k] in ")'’") and words < PARTIAL_MAX_WORDS


def _own_sentence(
    ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment, prev: Speaker | None
) -> tuple[Speaker, Span] | None:
    first, last = ctx.sent_at(seg.start), ctx.sent_at(max(seg.start, seg.end - 1))
    return _attribute(ctx, analysis, lex, ctx.cues_in(first, last), seg, prev)


def _colon_before(
    ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment, prev: Speaker | None
) -> tuple[Speaker, Span | None] | None:
    """``X said:`` right before the quotation (same or previous paragraph)."""
    k = seg.outer_start - 1
    text = ctx.text
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    sent = ctx.sent_at(k)
    hit = _attribute(ctx, analysis, lex, ctx.cues_in(sent, sent), seg, prev)
    if hit is not None:
        return hit
    phrase = colon_speaker(ctx.sents[sent], ctx.inside)
    if phrase is None:
        return None
    return resolve_speaker(ctx.doc, analysis, phrase, lex, prev), None


def _next_sentence(
    ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment, prev: Speaker | None
) -> tuple[Speaker, Span] | None:
    """``"...?" he asks.`` when the parser ends the sentence at the closing mark."""
    k = ctx.sent_at(max(seg.start, seg.end - 1)) + 1
    if k >= len(ctx.sents):
        return None
    nxt = ctx.sents[k]
    between = ctx.text[seg.outer_end : nxt.start_char]
    if between.strip() or "\n" in between or ctx.inside[nxt.start]:
        return None
    cues = [c for c in ctx.cues_in(k, k) if c.token - nxt.start < NEXT_SENTENCE_CUE_TOKENS]
    return _attribute(ctx, analysis, lex, cues, seg, prev)


def _phrase_at(ctx: DocContext, start: int, end: int) -> SpeakerPhrase | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return SpeakerPhrase(span.start, span.end, span.end - 1)


def _labelled(ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment) -> Speaker | None:
    """A transcript turn ("WALLACE: ...") or a name after a dash ("..." ― Jane Doe)."""
    text = ctx.text
    m = _LABEL.match(text, seg.start)
    phrase = _phrase_at(ctx, m.start(1), m.end(1)) if m else _dash_name(ctx, seg)
    return resolve_speaker(ctx.doc, analysis, phrase, lex, None) if phrase else None


def _dash_name(ctx: DocContext, seg: Segment) -> SpeakerPhrase | None:
    m = _DASH_NAME.match(ctx.text, seg.outer_end)
    return _phrase_at(ctx, m.start(1), m.end(1)) if m else None


def _inherited(ctx: DocContext, seg: Segment, found: list[_Found], i: int) -> Speaker | None:
    """The speaker of a neighbouring quotation: earlier in the paragraph, later in it, or the previous
    paragraph when this paragraph opens with the quotation."""
    para = ctx.para_of(seg.start)
    for other in reversed(found[:i]):
        if other.speaker is not None and ctx.para_of(other.segment.start) == para:
            return other.speaker
    for other in found[i + 1 :]:
        if ctx.para_of(other.segment.start) != para:
            break
        if other.speaker is not None and other.cue is not None:
            return other.speaker
    opens_para = ctx.para_starts[para] == seg.outer_start if para >= 0 else False
    if opens_para:
        for other in reversed(found[:i]):
            if ctx.para_of(other.segment.start) == para - 1 and other.speaker is not None:
                return other.speaker
    return None


def _cue_of_previous_sentence(
    ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment
) -> tuple[Speaker, Span] | None:
    """ "..., Schiff said. "The other factor ..."": the sentence right before, in the same paragraph."""
    k = ctx.sent_at(seg.start)
    if k == 0 or ctx.sents[k].start_char != seg.outer_start:
        return None
    prev = ctx.sents[k - 1]
    if ctx.para_of(prev.start_char) != ctx.para_of(seg.start):
        return None
    cues = [c for c in ctx.cues_in(k - 1, k - 1) if c.cls in ("speech", "writing") and not _object_only(ctx, c)]
    return _attribute(ctx, analysis, lex, cues, seg, None)


def _cue_of_previous_paragraph(ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment) -> Speaker | None:
    para = ctx.para_of(seg.start)
    if para <= 0 or ctx.para_starts[para] != seg.outer_start:
        return None
    lo, hi = ctx.para_starts[para - 1], ctx.para_starts[para]
    for cue in reversed(ctx.cues):
        if lo <= ctx.doc[cue.token].idx < hi and cue.cls in ("speech", "writing"):
            phrase = speaker_phrase(ctx.doc[cue.token], lex, cue.source_after, ctx.inside)
            if phrase is not None:
                return resolve_speaker(ctx.doc, analysis, phrase, lex, None)
    return None


def _subject_of_previous_paragraph(ctx: DocContext, analysis: Analysis, lex: Lexicon, seg: Segment) -> Speaker | None:
    """ "X, a council member, wants the corridor extended.\n\n“Bringing in Angola ...”": a quotation opening
    its paragraph after a paragraph with no quotation whose last sentence has a named person as its main
    subject is that person's."""
    para = ctx.para_of(seg.start)
    if para <= 0 or ctx.para_starts[para] != seg.outer_start:
        return None
    lo, hi = ctx.para_starts[para - 1], ctx.para_starts[para]
    if any(lo <= s.outer_start < hi for s in ctx.segments):
        return None
    sent = ctx.sents[ctx.sent_at(max(lo, hi - 2))]
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.inside[subj.i]:
        return None
    phrase = SpeakerPhrase(subj.left_edge.i, subj.right_edge.i + 1, subj.i)
    speaker = resolve_speaker(ctx.doc, analysis, phrase, lex, None)
    actor = analysis.actor(speaker.actor)
    return speaker if actor is not None and actor.kind == "person" and subj.pos_ == "PROPN" else None


def _looks_like_title(words: list[str]) -> bool:
    """ "Meet the Press", "Fox and Friends": every word capitalised but the small ones."""
    if not words or len(words) > TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words)


def _names_it(ctx: DocContext, f: _Found) -> bool:
    """ "X called him “Little Marco”": a naming cue governs the quotation."""
    if f.cue is None:
        return False
    tok = ctx.doc[ctx.token_at(f.cue.start)]
    return tok.lemma_.lower() in vocabulary().words("quotes.naming_cues")


def _keep(ctx: DocContext, f: _Found) -> bool:
    """Leave out titles (unless a naming cue introduces them) and single quoted words without a cue."""
    words = _WORD.findall(ctx.text[f.segment.start : f.segment.end])
    if _looks_like_title(words) and not _names_it(ctx, f):
        return False
    return not (len(words) == 1 and not f.partial)


def _unknown() -> Speaker:
    return Speaker(actor=None, text=None, start=None, end=None, kind="unknown")


def _to_quote(ctx: DocContext, f: _Found) -> Quote:
    seg = f.segment
    kind: QuoteKind = "partial" if f.partial else "direct"
    span = Span(seg.start, seg.end, ctx.text[seg.start : seg.end])
    return Quote(span=span, kind=kind, speaker=f.speaker or _unknown(), cue=f.cue)


def find_direct(ctx: DocContext, analysis: Analysis, lex: Lexicon) -> list[Quote]:
    """Quotations with their speakers; scare quotes and titles (no cue, no neighbour) are left out."""
    found: list[_Found] = []
    prev: Speaker | None = None
    for seg in ctx.segments:
        labelled = _labelled(ctx, analysis, lex, seg)
        hit = (
            (labelled, None)
            if labelled
            else (
                _own_sentence(ctx, analysis, lex, seg, prev)
                or _colon_before(ctx, analysis, lex, seg, prev)
                or _next_sentence(ctx, analysis, lex, seg, prev)
            )
        )
        speaker, cue = hit if hit else (None, None)
        found.append(_Found(seg, speaker, cue, _is_partial(ctx, seg) if hit else False))
        prev = speaker or prev
    quotes: list[Quote] = []
    for i, f in enumerate(found):
        if f.speaker is None:
            hit = _cue_of_previous_sentence(ctx, analysis, lex, f.segment)
            speaker = (
                _inherited(ctx, f.segment, found, i)
                or (hit[0] if hit else None)
                or _cue_of_previous_paragraph(ctx, analysis, lex, f.segment)
                or _subject_of_previous_paragraph(ctx, analysis, lex, f.segment)
            )
            words = len(ctx.text[f.segment.start : f.segment.end].split())
            if speaker is None and (words < MIN_UNCUED_WORDS or _is_partial(ctx, f.segment)):
                continue  # a scare quote or a title
            if speaker is not None and _is_partial(ctx, f.segment) and words < 4:
                continue
            f = _Found(f.segment, speaker, None, False)
            found[i] = f
        if _keep(ctx, f):
            quotes.append(_to_quote(ctx, f))
    return quotes
