"""Holidays as dates ("on Thanksgiving", "over Easter"): fixed days, n-th weekdays and Easter-based days.

The names live in ``data/date_words.yaml`` (``holidays``); this module turns a name and a year into a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Holidays", "easter_sunday", "holiday_date", "load_holidays"]


@dataclass(frozen=True, slots=True)
class Holidays:
    """Holiday names (lower case, "'" for any apostrophe) and how each gives its day."""

    #: name -> (month, day)
    fixed: dict[str, tuple[int, int]]
    #: name -> (month, weekday with Monday = 0, n); n = -1 is the last such weekday of the month
    nth_weekday: dict[str, tuple[int, int, int]]
    #: name -> days from Easter Sunday
    easter: dict[str, int]
    #: words a holiday must follow to count as a date ("on", "over", "last" ...)
    leads: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.fixed, *self.nth_weekday, *self.easter)

    @property
    def pattern(self) -> str:
        """A regular expression (no groups) of the names, longest first, apostrophes either way."""
        names = sorted(self.names, key=len, reverse=True)
        return "|".join(re.escape(n).replace("'", "['’]").replace(r"\ ", r"\s+") for n in names)


def load_holidays(raw: dict[str, Any], leads: list[Any]) -> Holidays:
    def pair(v: Any) -> tuple[int, int]:
        return int(v[0]), int(v[1])

    return Holidays(
        {str(k): pair(v) for k, v in raw["fixed"].items()},
        {str(k): (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["nth_weekday"].items()},
        {str(k): int(v) for k, v in raw["easter"].items()},
        tuple(str(w) for w in leads),
    )


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def holiday_date(holidays: Holidays, name: str, year: int) -> dt.date | None:
    """The day of a holiday in a year; None for an unknown name."""
    key = _key(name)
    if key in holidays.fixed:
        month, day = holidays.fixed[key]
        return dt.date(year, month, day)
    if key in holidays.nth_weekday:
        return _nth_weekday(year, *holidays.nth_weekday[key])
    if key in holidays.easter:
        return easter_sunday(year) + dt.timedelta(days=holidays.easter[key])
    return None
