"""PLACEHOLDER: replaced by the real stage."""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Analysis

__all__ = ["DateResolver"]


class DateResolver:
    name = "dates"

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        return analysis
