"""The cue lexicon (``data/cues.yaml``): cue verbs, cue phrases, document and anonymous speaker heads.

The quotes stage is given its lexicon (``QuoteFinder(cues=...)``; a pipeline passes its knowledge's, the
package's plus the cue verbs of a user's files: ``Lexicon.with_verbs``)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

__all__ = ["CueVerb", "Lexicon", "cue_verb", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    #: Whether the verb takes reported content as a clause ("X said (that) ...").
    indirect: bool
    #: speech | belief | writing | evidence
    cls: str
    #: Whether the verb's object or infinitive is what is attributed ("X urged Y to ...", "X criticized Y").
    obj: bool = False
    #: Prepositions that introduce what is attributed ("called for X", "spoke about X").
    preps: frozenset[str] = frozenset()
    #: The verb is a cue only when one of these words follows it ("put it"); empty: always.
    next_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, CueVerb]
    #: Multi-word cues whose speaker follows the phrase ("according to X").
    source_after: tuple[tuple[str, ...], ...]
    document_heads: frozenset[str]
    anonymous_heads: frozenset[str]

    @property
    def first_words(self) -> frozenset[str]:
        """The first words of the multi-word cues."""
        return frozenset(p[0] for p in self.source_after)

    def verb(self, lemma: str) -> CueVerb | None:
        return self.verbs.get(lemma.lower())

    def with_verbs(self, verbs: Iterable[CueVerb]) -> Lexicon:
        """This lexicon with ``verbs`` added (a verb of a lemma it has replaces that one, in place)."""
        return replace(self, verbs={**self.verbs, **{v.lemma: v for v in verbs}})


def cue_verb(lemma: str, spec: dict[str, Any]) -> CueVerb:
    """The cue verb of a ``cues.yaml`` entry (``indirect``, ``class``, and optional ``object``, ``preps``,
    ``next``)."""
    return CueVerb(
        lemma=lemma,
        indirect=bool(spec["indirect"]),
        cls=str(spec["class"]),
        obj=bool(spec.get("object", False)),
        preps=frozenset(str(p) for p in spec.get("preps", ())),
        next_words=frozenset(str(w) for w in spec.get("next", ())),
    )


def _verbs(raw: dict[str, Any]) -> dict[str, CueVerb]:
    return {str(lemma): cue_verb(str(lemma), spec) for lemma, spec in raw.items()}


@functools.cache
def load_lexicon() -> Lexicon:
    """Read ``eventwire/data/cues.yaml`` once per process."""
    text = resources.files("eventwire").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: ~6x faster
    phrases = tuple(tuple(str(t) for t in p["tokens"]) for p in raw["phrases"] if p.get("source_after"))
    return Lexicon(
        verbs=_verbs(raw["verbs"]),
        source_after=phrases,
        document_heads=frozenset(str(w) for w in raw["document_heads"]),
        anonymous_heads=frozenset(str(w) for w in raw["anonymous_heads"]),
    )
