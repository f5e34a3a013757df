"""Dates: date expressions resolved against the publication date; each event gets its clause's date."""

from __future__ import annotations

from .expressions import DateExpression, find_expressions
from .stage import DateResolver

__all__ = ["DateExpression", "DateResolver", "find_expressions"]
