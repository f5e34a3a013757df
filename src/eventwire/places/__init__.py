"""Places: toponym recognition, offline resolution and event locations."""

from __future__ import annotations

from .stage import PlaceResolver

__all__ = ["PlaceResolver"]
