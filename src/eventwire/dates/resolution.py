"""Date expressions resolved to day ranges: against the publication date, an anchor, or on their own."""

from __future__ import annotations

import calendar
import datetime as dt

from ..model import DatePrecision, ResolvedDate, Span
from .expressions import DateExpression, words
from .holidays import holiday_date

__all__ = ["NEAR_FUTURE", "SAME_DAY", "month_range", "resolve", "shift_months"]


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


#: A day-month date without a year up to this far after publication is read as upcoming ("the election
#: is on March 24"); later ones as last year's ("bombs fell on Dec. 29" in a January article).
NEAR_FUTURE = dt.timedelta(days=60)
#: In a past-tense clause only a day or so of slack (time zones, late editions).
SAME_DAY = dt.timedelta(days=1)


def _rd(start: dt.date, end: dt.date, precision: DatePrecision, e: DateExpression) -> ResolvedDate:
    return ResolvedDate(start, end, precision, Span(e.start, e.end, e.text))


def _absolute(e: DateExpression, pub: dt.date | None, future: bool, past: bool) -> ResolvedDate | None:
    year, month, day = e.value
    if not year:
        if pub is None:
            return None
        year = pub.year
        probe = dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
        if future and ((day and probe < pub) or (not day and month < pub.month)):
            year += 1
        elif not future and (
            (day and probe > pub + (SAME_DAY if past else NEAR_FUTURE)) or (not day and month > pub.month)
        ):
            year -= 1
    if not day:
        return _rd(*month_range(year, month), "month", e)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return _rd(d, d, "day", e)


def _weekday(e: DateExpression, pub: dt.date, future: bool) -> ResolvedDate:
    wd, code = e.value
    back = (pub.weekday() - wd) % 7
    if code == -1:
        d = pub - dt.timedelta(days=back or 7)
    elif code == 1 or future:
        d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or (7 if code == 1 else 0))
    else:
        d = pub - dt.timedelta(days=back)
    return _rd(d, d, "day", e)


def _weekend(e: DateExpression, pub: dt.date, future: bool) -> ResolvedDate:
    """ "Over the weekend": the coming one in a future clause, else the latest (up to publication)."""
    saturday = pub + dt.timedelta(days=5 - pub.weekday())
    if not future and pub.weekday() < 5:
        saturday -= dt.timedelta(weeks=1)
    end = saturday + dt.timedelta(days=1)
    return _rd(saturday, min(end, pub) if not future and pub >= saturday else end, "range", e)


def _holiday(e: DateExpression, pub: dt.date | None, future: bool, past: bool) -> ResolvedDate | None:
    """A holiday: in its stated year, else the latest one (the coming one in a future clause; one up to
    ``NEAR_FUTURE`` ahead when the clause is not past)."""
    year = e.value[0] or (pub.year if pub else 0)
    if not year:
        return None
    day = holiday_date(words().holidays, e.relation, year)
    if day is None:
        return None
    if not e.value[0] and pub is not None:
        if future and day < pub:
            day = holiday_date(words().holidays, e.relation, year + 1) or day
        elif not future and day > pub + (SAME_DAY if past else NEAR_FUTURE):
            day = holiday_date(words().holidays, e.relation, year - 1) or day
    return _rd(day, day, "day", e)


def _period(e: DateExpression, pub: dt.date, past: bool = False) -> ResolvedDate:
    """ "last/this/next week|weekend|month|year"; in a past clause "this week" is the part of the week up to
    publication (it cannot have happened later)."""
    per, code = e.value
    if past and code == 0 and per != 2:
        code = -2
    step = code if code in (-1, 0, 1) else 0
    if code == -3:  # "the past week": the days up to publication
        return _rd(pub - dt.timedelta(days=per), pub, "range", e)
    if per in (7, 2):
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        start, end = (
            (monday, monday + dt.timedelta(days=6))
            if per == 7
            else (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        )
        if code == -2:
            return _rd(start, pub, "range", e)
        if code == 2:
            return _rd(pub, end, "range", e)
        return _rd(start, end, "week" if per == 7 else "range", e)
    if per == 30:
        y, m = shift_months(pub.year, pub.month, step)
        start, end = month_range(y, m)
        if code == -2:
            return _rd(start, pub, "range", e)
        if code == 2:
            return _rd(pub, end, "range", e)
        return _rd(start, end, "month", e)
    year = pub.year + step
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if code == -2:
        return _rd(start, pub, "range", e)
    if code == 2:
        return _rd(pub, end, "range", e)
    return _rd(start, end, "year", e)


def _ago(e: DateExpression, anchor: dt.date, sign: int) -> ResolvedDate:
    count, unit = e.value
    if unit == 30:
        y, m = shift_months(anchor.year, anchor.month, sign * count)
        d = dt.date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))
        return _rd(d, d, "month" if e.kind == "ago" else "day", e)
    if unit == 365:
        d = anchor.replace(
            year=anchor.year + sign * count, day=28 if anchor.day == 29 and anchor.month == 2 else anchor.day
        )
        return _rd(d, d, "year" if e.kind == "ago" else "day", e)
    d = anchor + dt.timedelta(days=sign * count * unit)
    return _rd(d, d, "week" if unit == 7 and e.kind == "ago" else "day", e)


def resolve(
    e: DateExpression,
    pub: dt.date | None,
    future: bool = False,
    anchor: dt.date | None = None,
    past: bool = False,
) -> ResolvedDate | None:
    """The day range of an expression; None when it needs a publication date that is missing."""
    if e.kind in ("day", "month"):
        return _absolute(e, pub, future, past)
    if e.kind == "year":
        return _rd(dt.date(e.value[0], 1, 1), dt.date(e.value[0], 12, 31), "year", e)
    if e.kind == "decade":
        return _rd(dt.date(e.value[0], 1, 1), dt.date(e.value[0] + 9, 12, 31), "range", e)
    if e.kind == "vague":
        return None
    if e.kind == "holiday":
        return _holiday(e, pub, future, past)
    if e.kind in ("anchored", "shift"):
        base = anchor or pub
        if base is None:
            return None
        sign = {"after": -1, "before": 1, "later": 1, "earlier": -1}[e.relation]
        return _ago(e, base, sign)
    if pub is None:
        return None
    if e.kind == "weekday":
        return _weekday(e, pub, future)
    if e.kind == "relday":
        d = pub + dt.timedelta(days=e.value[0])
        return _rd(d, d, "day", e)
    if e.kind == "period":
        return _period(e, pub, past)
    if e.kind == "recent":  # "in the past few days": up to publication
        return _rd(pub - dt.timedelta(days=e.value[0]), pub, "range", e)
    if e.kind == "weekend":
        return _weekend(e, pub, future)
    if e.kind == "ago":
        return _ago(e, pub, -1)
    if e.kind == "bare_month":
        return _bare_month(e, pub, future)
    if e.kind == "month_of_year":
        month, offset = e.value
        return _rd(*month_range(pub.year + offset, month), "month", e)
    return None


def _bare_month(e: DateExpression, pub: dt.date, future: bool) -> ResolvedDate:
    month, code = e.value
    year = pub.year
    if code == 1 or (future and code == 0):
        if month <= pub.month and not (future and code == 0 and month == pub.month):
            year += 1
    elif month > pub.month or (code == -1 and month == pub.month):
        year -= 1
    return _rd(*month_range(year, month), "month", e)
