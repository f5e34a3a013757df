"""The quotes stage: quotations and reported speech, with their speakers and cues.

- direct / partial quotations: the text between quotation marks (``direct``), attributed through a cue
  in the same sentence, a ``X said:`` before it, a neighbouring quotation, or the previous paragraph;
  quoted words inside a sentence's syntax are ``partial``; quoted words with no cue anywhere near
  (scare quotes, titles) are not quotations.
- indirect / mixed: the clause a cue verb reports ("X said (that) ...", "..., X said", "according to
  X, ..."); ``mixed`` when it holds quoted words.
- headline claims: a short line "Name: claim" (``indirect``, or ``mixed`` with quoted words).

The cue lexicon lives in ``eventwire/data/cues.yaml``; the stage is given one (a pipeline gives it its
knowledge's: the package's cues plus a user's, ``eventwire.knowledge``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..model import Analysis, Quote
from .context import build_context
from .direct import find_direct
from .headline import find_headline_claims
from .indirect import find_indirect
from .lexicon import Lexicon, load_lexicon
from .speakers import PRONOUNS, pronoun_antecedent

if TYPE_CHECKING:
    from ..knowledge import Knowledge

__all__ = ["QuoteFinder"]


class QuoteFinder:
    """Stage ``quotes``: fills ``analysis.quotes``."""

    name = "quotes"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc", "actors")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, cues: Lexicon | None = None) -> None:
        #: the cue lexicon (None: the package's)
        self.cues = cues

    def with_knowledge(self, knowledge: Knowledge) -> QuoteFinder:
        """This stage reading ``knowledge``'s cue lexicon."""
        return QuoteFinder(knowledge.cues)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        lex = self.cues if self.cues is not None else load_lexicon()
        ctx = build_context(doc, lex)
        quotes: list[Quote] = (
            find_direct(ctx, analysis, lex)
            + find_indirect(ctx, analysis, lex)
            + find_headline_claims(ctx, analysis, lex)
        )
        quotes.sort(key=lambda q: (q.span.start, q.span.end))
        return analysis.with_(quotes=tuple(quotes), notes=analysis.notes + _pronoun_notes(doc, quotes))


def _pronoun_notes(doc: Doc, quotes: list[Quote]) -> tuple[tuple[str, str], ...]:
    """For ``eventwire explain``: who a pronoun speaker no actor covers most likely is."""
    notes: list[tuple[str, str]] = []
    seen: set[int] = set()
    for q in quotes:
        sp = q.speaker
        if sp.actor is not None or sp.start is None or (sp.text or "").lower() not in PRONOUNS or sp.start in seen:
            continue
        seen.add(sp.start)
        person = pronoun_antecedent(doc, sp.start)
        if person is not None:
            notes.append(("quotes", f"speaker {sp.text!r} at {sp.start} is likely {person.text!r} (nearest PERSON)"))
    return tuple(notes)
