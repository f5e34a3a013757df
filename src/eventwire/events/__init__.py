"""PLACEHOLDER: replaced by the real stage."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis

__all__ = ["EventCoder"]


class EventCoder:
    name = "events"

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        return analysis
