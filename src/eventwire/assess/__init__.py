"""Assess: the document-level confidence of every event, the last coding stage.

    ingest -> nlp -> actors -> quotes -> events -> dates -> places -> claims -> assess

The events stage scores an event by its sentence alone. Whether an analyst would call it right on the
page also depends on what later stages found: whether its sides are resolved actors, whether it sits in
a quotation, whether its date is the news of the day or background, how often the article tells it.
``DocumentAssessor`` turns those into features (``features.event_features``), scores them with
weights fitted on document gold (``data/weights.yaml``; refit with ``eventwire eval docs --calibrate``)
and records the features on the event (``Event.basis``) so a user can see what the confidence rests on.
Events below a confidence are hidden by the outputs, not dropped here (``min_confidence``).
"""

from __future__ import annotations

from .features import FEATURES, SentenceOrder, event_features
from .stage import DocumentAssessor
from .weights import AssessWeights, load_weights

__all__ = ["FEATURES", "AssessWeights", "DocumentAssessor", "SentenceOrder", "event_features", "load_weights"]
