"""Event confidence: a logistic function of the evidence behind an event.

The weights in ``data/confidence.yaml`` were fitted on an exhaustive event set (every event of each
sentence annotated) as the probability that the event's (source country, target country, root) is
right; ``eventwire.eval.events --calibrate`` refits them and reports a cross-validated reliability table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from ...labels import CONFIDENCE_SUBORDINATE_DEPS
from ...model import EventSide, Modality
from ...yamlfile import load_yaml

__all__ = [
    "FEATURES",
    "INTENT_ROOTS",
    "L2_GRID",
    "SUBORDINATE_DEPS",
    "confidence",
    "evidence",
    "fit",
    "fitted_l2",
    "weights",
]

#: the evidence an event's confidence rests on (each true or false)
FEATURES = ("src_country", "subordinate", "src_far", "specific", "symmetric", "both_actors", "intent")
#: CAMEO roots of stated intentions and appeals (02 appeal, 03 express intent): what is asked or promised
#: hangs on a complement clause, so their code is less often right than that of a reported act
INTENT_ROOTS = frozenset({"02", "03"})
#: clause slots of a trigger that tell background rather than the news ("a man who was arrested")
SUBORDINATE_DEPS = CONFIDENCE_SUBORDINATE_DEPS
#: characters between the source phrase and the trigger beyond which the source is "far"
FAR_CHARS = 120
FLOOR, CEILING = 0.05, 0.99
#: the L2 penalties ``--calibrate`` chooses from (by cross-validated log-loss)
L2_GRID = (0.25, 0.5, 1.0, 2.0, 4.0)


@cache
def _data() -> dict[str, object]:
    text = resources.files("eventwire.events").joinpath("data/confidence.yaml").read_text(encoding="utf-8")
    data: dict[str, object] = load_yaml(text)
    return data


def weights() -> dict[str, float]:
    """The fitted weights (``bias`` and one per feature) and the fixed modality offsets."""
    table = _data()["weights"]
    assert isinstance(table, dict)
    return {str(k): float(v) for k, v in table.items()}


def fitted_l2() -> float:
    """The L2 penalty the shipped weights were fitted with."""
    return float(str(_data()["l2"]))


def evidence(
    trigger_dep: str,
    trigger_start: int,
    src: EventSide | None,
    tgt: EventSide | None,
    specificity: int,
    symmetric: bool,
    cameo: str,
) -> dict[str, bool]:
    """The features of one event (``cameo``: its code)."""
    src_far = src is not None and src.start is not None and abs(src.start - trigger_start) >= FAR_CHARS
    return {
        "src_country": src is not None and src.country is not None,
        "subordinate": trigger_dep in SUBORDINATE_DEPS,
        "src_far": src_far,
        "specific": specificity >= 1,
        "symmetric": symmetric,
        "both_actors": src is not None and tgt is not None and src.actor is not None and tgt.actor is not None,
        "intent": cameo[:2] in INTENT_ROOTS,
    }


def confidence(features: Mapping[str, bool], modality: Modality) -> float:
    """The probability that the event is right, from its features and its modality."""
    w = weights()
    logit = w["bias"] + sum(w[f] for f in FEATURES if features.get(f))
    logit += w.get(f"modality_{modality}", 0.0)
    return round(min(max(1.0 / (1.0 + math.exp(-logit)), FLOOR), CEILING), 4)


def fit(rows: Sequence[tuple[Mapping[str, bool], bool]], l2: float = 2.0, steps: int = 3000) -> dict[str, float]:
    """Logistic-regression weights (L2-penalised, bias free) for (features, right) pairs; deterministic."""
    names = ("bias", *FEATURES)
    xs = [[1.0] + [float(bool(f.get(n))) for n in FEATURES] for f, _ in rows]
    ys = [1.0 if ok else 0.0 for _, ok in rows]
    w = [0.0] * len(names)
    n = max(len(rows), 1)
    for _ in range(steps):
        grad = [0.0] * len(names)
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(w, x, strict=True))))
            for j, xj in enumerate(x):
                grad[j] += (p - y) * xj
        for j in range(len(names)):
            penalty = l2 * w[j] if j else 0.0
            w[j] -= 0.5 * (grad[j] + penalty) / n
    return {name: round(v, 2) for name, v in zip(names, w, strict=True)}
