"""Reported speech: "X said (that) ...", "..., X said.", "X told Y ...", "according to X, ..."."""

from __future__ import annotations

from spacy.tokens import Token

from ..labels import OBJECT_PARTS, PREP_OBJECTS, QUOTED_OBJECTS, VERB_LINKS
from ..model import Analysis, Quote, QuoteKind, Span
from ..wordlists import word_lists
from .context import Cue, DocContext
from .lexicon import Lexicon
from .speakers import SpeakerPhrase, reporting_ancestor, resolve_speaker, speaker_phrase

_WORDS = word_lists("eventwire.quotes")

__all__ = ["find_indirect"]

MIN_CONTENT_TOKENS = 3
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PERSONAL = _WORDS.words("personal")
NON_AGENTS = _WORDS.words("non_agents")
#: Words left dangling at the end of a clause cut short ("... in the elections and").
TRAILING = _WORDS.words("trailing")
MIN_OBJECT_TOKENS = 2
#: Children of a cue that make up what it attributes: "called him a liar", "urged them to go".
#: Content at least this much inside quotation marks is a direct quote, already found.
DIRECT_SHARE = 0.8
SKIP_EDGE = _WORDS.words("skip_edge")


def _trim(ctx: DocContext, lo: int, hi: int) -> tuple[int, int]:
    """Drop the complementiser and punctuation at the edges of tokens ``lo``..``hi`` (exclusive)."""
    doc = ctx.doc
    while lo < hi and (doc[lo].lower_ in SKIP_EDGE or doc[lo].is_space or (doc[lo].is_punct and not ctx.inside[lo])):
        lo += 1
    while (
        hi > lo
        and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].lower_ in TRAILING)
        and not (ctx.inside[hi - 1])
    ):
        hi -= 1
    return lo, hi


def _complement(cue: Token) -> tuple[int, int] | None:
    for child in cue.children:
        if child.dep_ == "ccomp":
            return child.left_edge.i, child.right_edge.i + 1
    if cue.dep_ == "parataxis":  # "The deal is dead, he said."
        head = cue.head
        if cue.i > head.i:
            return head.left_edge.i, cue.left_edge.i
        return cue.right_edge.i + 1, head.right_edge.i + 1
    return None


def _according_to(cue: Token) -> tuple[int, int] | None:
    """The rest of the sentence beside "according to X"."""
    sub = list(cue.subtree)
    lo, hi = sub[0].i, sub[-1].i + 1
    sent = cue.sent
    before, after = (sent.start, lo), (hi, sent.end)
    return before if before[1] - before[0] >= after[1] - after[0] else after


def _quoted_share(ctx: DocContext, lo: int, hi: int) -> float:
    words = [i for i in range(lo, hi) if not ctx.doc[i].is_punct]
    if not words:
        return 0.0
    return sum(1 for i in words if ctx.inside[i]) / len(words)


def _has_verb(ctx: DocContext, lo: int, hi: int) -> bool:
    return any(ctx.doc[i].pos_ in ("VERB", "AUX") for i in range(lo, hi))


def _cut_at_next_cue(ctx: DocContext, lo: int, hi: int) -> tuple[int, int]:
    """Content ends where another speech cue starts its own attribution: "the troops would stay, saying ...",
    "most were worried, and 4 in 10 said ..."."""
    speech = {c.token for c in ctx.cues if c.cls in ("speech", "writing")}
    for i in range(lo + 1, hi):
        if i not in speech:
            continue
        tok = ctx.doc[i]
        if (tok.tag_ == "VBG" and tok.dep_ in VERB_LINKS) or tok.dep_ == "conj":
            return lo, max(lo, tok.left_edge.i)
    return lo, hi


def _object(cue: Cue, tok: Token, lex: Lexicon) -> tuple[int, int] | None:
    """ "urged voters to stay home", "criticized the plan", "called for a recount"."""
    parts = [c for c in tok.rights if c.dep_ in OBJECT_PARTS or (c.dep_ == "prep" and c.lower_ == "as")]
    if cue.obj and any(c.dep_ in QUOTED_OBJECTS for c in parts):
        verb = tok.head if tok.dep_ == "conj" else tok  # "criticized A and praised B"
        if not any(c.dep_ == "nsubj" for c in verb.children) and reporting_ancestor(tok, lex) is None:
            return None  # "to concentrate on defending the bases" says nothing of who speaks
        return parts[0].left_edge.i, parts[-1].right_edge.i + 1
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in cue.preps:
            pobj = next((c for c in child.children if c.dep_ in PREP_OBJECTS), None)
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i + 1
    return None


def _content(ctx: DocContext, cue: Cue, lex: Lexicon) -> tuple[int, int, bool] | None:
    """Token bounds of what the cue attributes, and whether it is a clause (else an object)."""
    tok = ctx.doc[cue.token]
    clause = _according_to(tok) if cue.source_after else (_complement(tok) if cue.indirect else None)
    bounds = clause or _object(cue, tok, lex)
    if bounds is None:
        return None
    lo, hi = _trim(ctx, *_cut_at_next_cue(ctx, *bounds))
    if hi - lo < (MIN_CONTENT_TOKENS if clause else MIN_OBJECT_TOKENS):
        return None
    if clause and not _has_verb(ctx, lo, hi):
        return None
    if cue.start < hi and lo < cue.end:
        return None
    return lo, hi, clause is not None


def _agent_like(ctx: DocContext, analysis: Analysis, lex: Lexicon, phrase: SpeakerPhrase, strict: bool) -> bool:
    """Whether a speaker phrase can hold a position. ``strict`` (verbs like "support", "want", whose subject
    is often a thing): an actor, a name, a personal pronoun, or a person noun; else anything but "it",
    "this" and the like."""
    span = ctx.doc[phrase.start : phrase.end]
    head = ctx.doc[phrase.head]
    if head.lower_ in NON_AGENTS:
        return False
    if not strict:
        return True
    if analysis.actor_at(span.start_char, span.end_char) is not None:
        return True
    if head.pos_ == "PROPN" or head.ent_type_ in AGENT_ENTS:
        return True
    return head.lower_ in PERSONAL or head.lower_ in lex.anonymous_heads


def find_indirect(ctx: DocContext, analysis: Analysis, lex: Lexicon) -> list[Quote]:
    """Reported content of every cue that takes a clause, with its speaker."""
    quotes: list[Quote] = []
    for cue in ctx.cues:
        if not (cue.indirect or cue.obj or cue.preps):
            continue
        bounds = _content(ctx, cue, lex)
        if bounds is None:
            continue
        lo, hi, clause = bounds
        share = _quoted_share(ctx, lo, hi)
        if share >= DIRECT_SHARE:
            continue
        phrase = speaker_phrase(ctx.doc[cue.token], lex, cue.source_after, ctx.inside)
        if phrase is None or (phrase.start < hi and lo < phrase.end):
            continue
        if not clause and not _agent_like(ctx, analysis, lex, phrase, strict=cue.cls != "speech"):
            continue  # "This assistance will support ..." attributes nothing to anyone
        speaker = resolve_speaker(ctx.doc, analysis, phrase, lex, None)
        span = ctx.doc[lo:hi]
        cue_span = ctx.doc[cue.start : cue.end]
        kind: QuoteKind = "mixed" if share > 0 else "indirect"
        quotes.append(
            Quote(
                span=Span(span.start_char, span.end_char, span.text),
                kind=kind,
                speaker=speaker,
                cue=Span(cue_span.start_char, cue_span.end_char, cue_span.text),
            )
        )
    return quotes
