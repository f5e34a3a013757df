"""Metadata values as inputs write them -> typed values (dates, optional strings)."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

__all__ = ["optional_str", "parse_date"]

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DAY = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T|\d)")


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(value: object) -> dt.date | None:
    """A publication date from ISO 8601 (date or date-time: the day as written), RFC 2822 or a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DAY.match(value) or _COMPACT_DAY.match(value)
    if match:
        return _day(*match.groups())
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def optional_str(value: object) -> str | None:
    """A non-empty stripped string, or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
