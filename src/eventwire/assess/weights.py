"""The fitted weights of the document-level confidence, their file and the fit.

``data/weights.yaml`` holds the bias, one weight per feature, the L2 penalty they were fitted with and
the default ``min_confidence`` (the confidence under which outputs hide an event). A user may pass a
weights file of their own (same schema) to compare two settings in one process.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import ConfigError
from .features import FEATURES

__all__ = ["AssessWeights", "fit_weights", "load_weights"]

FLOOR, CEILING = 0.01, 0.99


class _WeightsFile(BaseModel):
    """The schema of a weights file (checked on load)."""

    model_config = ConfigDict(extra="forbid")
    l2: float = Field(gt=0)
    min_confidence: float = Field(ge=0, le=1)
    min_sentences: int = Field(default=3, ge=1)
    weights: dict[str, float]


@dataclass(frozen=True, slots=True)
class AssessWeights:
    """Bias and feature weights of the logistic confidence, and the default hiding threshold."""

    bias: float
    weights: tuple[tuple[str, float], ...]
    l2: float
    min_confidence: float
    #: a text of fewer sentences is no document: its events keep the sentence-level confidence, and the
    #: threshold (fitted on whole pages) never hides them
    min_sentences: int = 3

    def score(self, features: Mapping[str, float]) -> float:
        """The confidence of an event with these features."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights)
        return round(min(max(1.0 / (1.0 + math.exp(-z)), FLOOR), CEILING), 4)

    def as_yaml_dict(self) -> dict[str, object]:
        return {
            "l2": self.l2,
            "min_confidence": self.min_confidence,
            "min_sentences": self.min_sentences,
            "weights": {"bias": self.bias, **dict(self.weights)},
        }


def load_weights(path: Path | None = None) -> AssessWeights:
    """The weights of ``path``, or the package's own (``assess/data/weights.yaml``)."""
    if path is None:
        text = resources.files(__package__).joinpath("data/weights.yaml").read_text(encoding="utf-8")
        where = "assess/data/weights.yaml"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"assess: cannot read weights file {path}: {exc}") from exc
        where = str(path)
    try:
        data = _WeightsFile.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError) as exc:
        raise ConfigError(f"assess: {where} is not a weights file: {exc}") from exc
    unknown = sorted(set(data.weights) - {"bias", *FEATURES})
    if unknown:
        raise ConfigError(f"assess: {where}: unknown features {unknown} (known: bias, {', '.join(FEATURES)})")
    return AssessWeights(
        bias=data.weights.get("bias", 0.0),
        weights=tuple((name, data.weights.get(name, 0.0)) for name in FEATURES),
        l2=data.l2,
        min_confidence=data.min_confidence,
        min_sentences=data.min_sentences,
    )


def fit_weights(
    rows: Sequence[tuple[Mapping[str, float], bool]], l2: float, min_confidence: float = 0.0
) -> AssessWeights:
    """L2-penalised logistic regression of ``right`` on the features (deterministic; the bias is not
    penalised): the loss summed over events plus ``l2`` / 2 times the squared weights (sklearn's C = 1 / l2)."""
    from sklearn.linear_model import LogisticRegression

    xs = [[float(f.get(name, 0.0)) for name in FEATURES] for f, _ in rows]
    ys = [int(ok) for _, ok in rows]
    if len(set(ys)) < 2:
        raise ConfigError("assess: fitting needs both right and wrong events")
    model = LogisticRegression(C=1.0 / l2, max_iter=2000)
    model.fit(xs, ys)
    coef = [round(float(c), 3) for c in model.coef_[0]]
    return AssessWeights(
        bias=round(float(model.intercept_[0]), 3),
        weights=tuple(zip(FEATURES, coef, strict=True)),
        l2=l2,
        min_confidence=min_confidence,
    )
