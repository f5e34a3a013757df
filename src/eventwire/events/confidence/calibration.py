"""Fitting the event confidence on an exhaustive gold set, with a cross-validated reliability table.

Used by ``python -m eventwire.eval.events GOLD --calibrate``: the coded events (contract records) of
each gold sentence, each marked right or wrong, are turned back into the features the coder scores
(``confidence.evidence``). The L2 penalty is the one of ``confidence.L2_GRID`` with the lowest
cross-validated log-loss; weights are then fitted on all events and, for the report, on k-1 folds at a
time to score the held-out fold (folds keep a sentence's events together).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from spacy.language import Language

from ...model import EventSide
from ..lexicon.lexicon import load_patterns
from .confidence import FEATURES, L2_GRID, evidence, fit

__all__ = [
    "Item",
    "calibrate",
    "choose_l2",
    "cross_validate",
    "held_out_reliability",
    "log_loss",
    "record_features",
    "reliability_table",
]

JSON = dict[str, Any]
#: (sentence text, event record, whether the event is right)
Item = tuple[str, JSON, bool]
Row = tuple[Mapping[str, bool], bool]
FOLDS = 5


def _side(rec: JSON | None) -> EventSide | None:
    if not rec:
        return None
    return EventSide(
        rec.get("actor"), rec.get("text"), rec.get("start"), rec.get("end"), rec.get("country"), None, None
    )


def record_features(event: JSON, trigger_dep: str) -> dict[str, bool]:
    """The confidence features of a coded event record (``trigger_dep``: its trigger's dependency)."""
    pattern = next((p for p in load_patterns() if p.id == event.get("pattern")), None)
    trigger = (event.get("evidence") or {}).get("trigger") or {}
    return evidence(
        trigger_dep,
        int(trigger.get("start") or 0),
        _side(event.get("source")),
        _side(event.get("target")),
        pattern.specificity if pattern else 0,
        bool(pattern and pattern.symmetric),
        str(event.get("cameo") or ""),
    )


def _dep(nlp: Language, text: str, start: int) -> str:
    doc = nlp(text)
    tok = next((t for t in doc if t.idx <= start < t.idx + max(len(t.text), 1)), None)
    return tok.dep_ if tok is not None else ""


def reliability_table(scored: Sequence[tuple[float, bool]], bins: Sequence[float]) -> list[JSON]:
    """Precision of the events in each confidence bin."""
    table: list[JSON] = []
    for lo, hi in pairwise(bins):
        hits = [ok for conf, ok in scored if lo <= conf < hi]
        if hits:
            table.append(
                {"bin": f"[{lo:.1f},{min(hi, 1.0):.1f})", "n": len(hits), "precision": round(sum(hits) / len(hits), 4)}
            )
    return table


def _score(weights: Mapping[str, float], features: Mapping[str, bool]) -> float:
    """``confidence.confidence`` of an asserted event under explicit weights (for held-out folds)."""
    logit = weights["bias"] + sum(weights[f] for f in FEATURES if features.get(f))
    return round(1.0 / (1.0 + math.exp(-logit)), 4)


def cross_validate(groups: Sequence[Sequence[Row]], folds: int = FOLDS, l2: float = 2.0) -> list[tuple[float, bool]]:
    """(held-out confidence, right) for every event; sentence i is in fold i % folds."""
    scored: list[tuple[float, bool]] = []
    for k in range(folds):
        train = [row for i, g in enumerate(groups) if i % folds != k for row in g]
        weights = fit(train, l2=l2)
        for i, g in enumerate(groups):
            if i % folds == k:
                scored.extend((_score(weights, f), ok) for f, ok in g)
    return scored


def log_loss(scored: Sequence[tuple[float, bool]]) -> float:
    """Mean negative log-likelihood of (confidence, right) pairs."""
    eps = 1e-6
    total = sum(-math.log(max(conf if ok else 1.0 - conf, eps)) for conf, ok in scored)
    return total / max(len(scored), 1)


def choose_l2(groups: Sequence[Sequence[Row]], grid: Sequence[float] = L2_GRID) -> float:
    """The L2 penalty of ``grid`` with the lowest cross-validated log-loss (the first on a tie)."""
    return min(grid, key=lambda l2: round(log_loss(cross_validate(groups, l2=l2)), 6))


def _groups(items: Sequence[Item], nlp: Language) -> list[list[Row]]:
    """The (features, right) rows of the items, one group per sentence."""
    groups: dict[str, list[Row]] = {}
    for text, event, ok in items:
        start = int(((event.get("evidence") or {}).get("trigger") or {}).get("start") or 0)
        groups.setdefault(text, []).append((record_features(event, _dep(nlp, text, start)), ok))
    return list(groups.values())


def held_out_reliability(items: Sequence[Item], nlp: Language, bins: Sequence[float], l2: float) -> list[JSON]:
    """The 5-fold cross-validated reliability table of the items (weights refitted with ``l2``)."""
    return reliability_table(cross_validate(_groups(items, nlp), l2=l2), bins)


def calibrate(items: Sequence[Item], nlp: Language, bins: Sequence[float]) -> JSON:
    """Fitted weights, the in-sample and the cross-validated reliability tables."""
    groups = _groups(items, nlp)
    rows = [row for g in groups for row in g]
    l2 = choose_l2(groups)
    weights = fit(rows, l2=l2)
    held_out = cross_validate(groups, l2=l2)
    return {
        "n_events": len(rows),
        "l2": l2,
        "weights": weights,
        "log_loss_cv5": round(log_loss(held_out), 4),
        "reliability_cv5": reliability_table(held_out, bins),
        "reliability_fit": reliability_table([(_score(weights, f), ok) for f, ok in rows], bins),
    }
