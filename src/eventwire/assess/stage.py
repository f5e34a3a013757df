"""The ``DocumentAssessor`` stage: each event's confidence from its document-level features."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Analysis
from .features import SentenceOrder, event_features
from .weights import AssessWeights, load_weights

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DocumentAssessor"]


@dataclass(frozen=True)
class DocumentAssessor:
    """Scores every event with the document-level weights and records what the score rests on.

    The events stage's own confidence is kept as the ``sentence`` feature (``Event.basis``), so running
    the stage twice gives the same result. A text of fewer than ``weights.min_sentences`` sentences is left
    as the events stage scored it (the weights were fitted on whole pages; a sentence set is no page)."""

    weights: AssessWeights = field(default_factory=load_weights)
    name: str = "assess"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("events", "quotes", "dates", "mentions")
    assigns: tuple[str, ...] = ("confidence",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        order = SentenceOrder(doc)
        if len(order.starts) < self.weights.min_sentences:  # a sentence or two: no document to judge by
            return analysis
        events = []
        for event in analysis.events:
            sentence = dict(event.basis).get("sentence_confidence", event.confidence)
            feats = event_features(event, analysis, order, sentence)
            basis = (("sentence_confidence", sentence), *sorted(feats.items()))
            events.append(replace(event, confidence=self.weights.score(feats), basis=basis))
        return analysis.with_(events=tuple(events))
