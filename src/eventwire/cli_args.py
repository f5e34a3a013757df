"""Argument types shared by the CLI's command groups."""

from __future__ import annotations

import argparse
import datetime as dt

__all__ = ["iso_date"]


def iso_date(value: str) -> dt.date:
    """An argparse type: YYYY-MM-DD, with a message that says so."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from exc
