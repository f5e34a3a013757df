"""Trigger look-up: the lexicon's candidate patterns of a word, once per distinct word of a doc."""

from __future__ import annotations

from spacy.tokens import Doc

from ...nlp import ParseTable, parse_table
from ..grammar.syntax import headline_verb_at
from .lexicon import Pattern, Pos, patterns_for, trigger_lemmas

__all__ = ["TRIGGER_POS", "candidates", "doc_candidates", "lemma_variants", "trigger_pos"]

#: the coarse POS of triggers (see ``trigger_pos``)
TRIGGER_POS = frozenset({"NOUN", "VERB", "ADJ"})


def lemma_variants(lemma: str, lower: str, pos: str) -> list[str]:
    """The trigger lemma, then repairs of the small model's misses ("staged" -> "stag"); an adjective
    in -ing keeps its own form ("the task became challenging" is no challenge to anyone)."""
    out = [lemma.lower()] + ([lower] if pos != "VERB" else [])
    if pos == "ADJ" and lower.endswith("ing"):
        return out
    if lower.endswith("ed"):
        out += [lower[:-1], lower[:-2], lower[:-3]]
    elif lower.endswith("ing"):
        out += [lower[:-3], lower[:-3] + "e", lower[:-4]]
    elif lower.endswith("s"):
        out += [lower[:-1], lower[:-2]]
    return out


def trigger_pos(table: ParseTable, i: int) -> Pos | None:
    """The lexicon's part of speech for token ``i`` (None: no trigger): a noun, unless the tagger took
    a headline verb for one; a verb, or an adjective complement ("were hostile to")."""
    pos = table.pos[i]
    if pos == "NOUN" and not headline_verb_at(table, i):
        return "n"
    if pos in ("VERB", "NOUN") or (pos == "ADJ" and table.dep[i] == "acomp"):
        return "v"
    return None


def candidates(lemma: str, lower: str, pos: str, tpos: Pos) -> tuple[Pattern, ...]:
    """The patterns a word may trigger, most specific first (empty for nearly every word): those of its
    first lemma variant that has any."""
    triggers = trigger_lemmas()  # most variants are no trigger: spare them the index look-up
    for variant in lemma_variants(lemma, lower, pos):
        if variant in triggers and (cands := patterns_for(variant, tpos)):
            return cands
    return ()


def doc_candidates(doc: Doc) -> list[tuple[Pattern, ...]]:
    """``candidates`` of each token of the doc, looked up once per distinct word: nearly no token is
    a trigger, and this way those cost neither a ``Token`` nor the lemma variants and pattern look-ups
    that ``best_match`` would make for each."""
    table = parse_table(doc)
    triggers = trigger_lemmas()
    seen: dict[tuple[str, Pos, str, str], tuple[Pattern, ...]] = {}
    # per distinct word: whether any lemma variant is a trigger at all (if none, ``candidates`` is empty
    # whatever the token's context: most words, spared ``trigger_pos``)
    maybe: dict[tuple[str, str, str], bool] = {}
    out: list[tuple[Pattern, ...]] = [()] * len(doc)
    for i in [i for i, pos in enumerate(table.pos) if pos in TRIGGER_POS]:
        pos, lemma, lower = table.pos[i], table.lemma[i], table.lower[i]
        word = (pos, lemma, lower)
        hit = maybe.get(word)
        if hit is None:
            hit = maybe[word] = any(v in triggers for v in lemma_variants(lemma, lower, pos))
        if not hit:
            continue
        tpos = trigger_pos(table, i)  # per token: a headline verb is a noun by its context
        if tpos is None:
            continue
        key = (pos, tpos, lemma, lower)  # the variants depend on the POS, the patterns on tpos too
        cands = seen.get(key)
        if cands is None:
            cands = seen[key] = candidates(lemma, lower, pos, tpos)
        out[i] = cands
    return out
