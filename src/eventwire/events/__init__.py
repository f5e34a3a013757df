"""The CAMEO event coder: trigger patterns (``data/patterns.yaml``) over the dependency parse."""

from __future__ import annotations

from .coder import EventCoder

__all__ = ["EventCoder"]
