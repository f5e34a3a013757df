"""Date expressions in text, resolved to day ranges.

Absolute dates ("January 3, 2020", "3 January 2020", "2020-01-03", "01/03/2020" in US order, "in 2019")
resolve on their own; relative ones ("Friday", "yesterday", "last week", "in March", "two weeks ago")
against the publication date; anchored ones ("five days after ...") against the date of the sentence's
main clause, which the stage supplies.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import DatePrecision, ResolvedDate, Span

__all__ = ["DateExpression", "Words", "find_expressions", "month_range", "resolve", "shift_months", "words"]

DATA = Path(__file__).resolve().parents[1] / "data" / "date_words.yaml"


@dataclass(frozen=True, slots=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    future_cues: frozenset[str]


@functools.cache
def words() -> Words:
    raw: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return Words(
        {str(k): int(v) for k, v in raw["months"].items()},
        {str(k): int(v) for k, v in raw["weekdays"].items()},
        {str(k): int(v) for k, v in raw["numbers"].items()},
        frozenset(str(w) for w in raw["future_cues"]),
    )


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in text, before resolution.

    ``kind`` says how it resolves; ``value`` holds its parts (year, month, day, weekday, count, unit ...).
    """

    start: int
    end: int
    text: str
    kind: str
    value: tuple[int, ...]
    #: "after" / "before" for anchored expressions ("five days after"), else "".
    relation: str = ""


def _alt(names: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


def _initials(names: dict[str, int]) -> str:
    return "".join(sorted({n[0].lower() for n in names}))


def _leads() -> dict[str, str]:
    """Per pattern: the characters its match can begin with (each pattern opens with ``\\b``)."""
    w = words()
    mon, wd, count = _initials(w.months), _initials(w.weekdays), r"\d" + _initials(w.numbers)
    return {
        "iso": "12",
        "us": r"\d",
        "mdy": mon,
        "dmy": r"\d",
        "my": mon,
        "anchored": count,
        "shift": count,
        "ago": count,
        "weekday": wd + "tlnecp",
        "relword": "ytl",
        "period": "eltnp",
        "month": "isbudeltnm",
        "year": "isbudofelm",
    }


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """``_plain_patterns`` with a look-ahead on the first character after the opening ``\\b``: the
    same matches, but most word starts fail on one character test instead of a long alternation."""
    leads = _leads()
    out: list[tuple[str, re.Pattern[str]]] = []
    for kind, pattern in _plain_patterns():
        assert pattern.pattern.startswith(r"\b"), kind
        out.append((kind, re.compile(rf"\b(?=[{leads[kind]}])" + pattern.pattern[2:], pattern.flags)))
    return out


@functools.cache
def _plain_patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = words()
    mon, wd, num = _alt(w.months), _alt(w.weekdays), _alt(w.numbers)
    unit = r"(?P<unit>day|week|month|year)s?"
    count = rf"(?P<count>\d{{1,3}}|{num})"
    flags = re.IGNORECASE
    return [
        ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("us", re.compile(r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b")),
        (
            "mdy",
            re.compile(
                rf"\b(?P<mon>{mon})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", flags
            ),
        ),
        (
            "dmy",
            re.compile(
                rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\.?"
                r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
                flags,
            ),
        ),
        ("my", re.compile(rf"\b(?P<mon>{mon})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", flags)),
        ("anchored", re.compile(rf"\b{count}\s+{unit}\s+(?P<rel>after|before)\b", flags)),
        ("shift", re.compile(rf"\b{count}\s+{unit}\s+(?P<rel>later|earlier)\b", flags)),
        ("ago", re.compile(rf"\b{count}\s+{unit}\s+ago\b", flags)),
        (
            "weekday",
            re.compile(
                r"\b(?:(?P<mod>this coming|this past|last|next|this|later|earlier|early|late|coming|past)\s+)?"
                rf"(?P<wd>{wd})\b"
                r"(?!\s*,?\s*(?:January|February|March|April|May|June|July|August|September|"
                r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)",
                flags,
            ),
        ),
        (
            "relword",
            re.compile(
                r"\b(?P<word>yesterday|today|tonight|tomorrow|last night|this morning|"
                r"this afternoon|this evening)\b",
                flags,
            ),
        ),
        (
            "period",
            re.compile(
                r"\b(?P<mod>(?:earlier|later)\s+this|last|this|next|past)\s+"
                r"(?P<per>week|weekend|month|year)\b",
                flags,
            ),
        ),
        (
            "month",
            re.compile(
                rf"\b(?:(?:in|since|by|until|during|early|late|last|next|this)\s+|mid-)(?P<mon>{mon})\b"
                r"(?!\s+\d)",
                flags,
            ),
        ),
        (
            "year",
            re.compile(
                r"\b(?:(?:in|since|by|until|during|of|from|early|late)\s+|mid-)(?P<y>(?:19|20)\d\d)\b"
                r"(?!\s*(?:-|/)\d)",
                flags,
            ),
        ),
    ]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else words().numbers[text.lower()]


def _expr(m: re.Match[str], kind: str) -> DateExpression | None:
    g = m.groupdict()
    w = words()
    if kind in ("iso", "us", "mdy", "dmy", "my"):
        month = int(g["m"]) if g.get("m") else w.months[g["mon"].lower()]
        year = int(g["y"]) if g.get("y") else 0
        if 0 < year < 100:
            year += 2000 if year < 50 else 1900
        day = int(g["d"]) if g.get("d") else 0
        if not 1 <= month <= 12 or day > 31:
            return None
        if g.get("mon") and not g["mon"][0].isupper():
            return None  # "may 3" is a verb; month names are capitalised
        return DateExpression(m.start(), m.end(), m.group(0), "day" if day else "month", (year, month, day))
    if kind in ("anchored", "ago", "shift"):
        unit = {"day": 1, "week": 7, "month": 30, "year": 365}[g["unit"].lower()]
        rel = (g.get("rel") or "").lower()
        return DateExpression(m.start(), m.end(), m.group(0), kind, (_number(g["count"]), unit), rel)
    if kind == "weekday":
        mod = (g["mod"] or "").lower()
        start = m.start("mod") if mod else m.start("wd")
        code = {"last": -1, "next": 1, "coming": 1, "this coming": 1}.get(" ".join(mod.split()), 0)
        return DateExpression(start, m.end(), m.string[start : m.end()], "weekday", (w.weekdays[g["wd"].lower()], code))
    if kind == "relword":
        word = g["word"].lower()
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return DateExpression(m.start(), m.end(), m.group(0), "relday", (offset,))
    if kind == "period":
        mod = " ".join(g["mod"].lower().split())
        per = g["per"].lower()
        code = {"last": -1, "past": -3, "next": 1, "this": 0, "earlier this": -2, "later this": 2}[mod]
        per_code = {"week": 7, "weekend": 2, "month": 30, "year": 365}[per]
        return DateExpression(m.start(), m.end(), m.group(0), "period", (per_code, code))
    if kind == "month":
        if not g["mon"][0].isupper():
            return None
        prefix = m.group(0)[: m.start("mon") - m.start()].strip().lower()
        code = {"last": -1, "next": 1}.get(prefix, 0)
        return DateExpression(m.start("mon"), m.end(), m.group("mon"), "bare_month", (w.months[g["mon"].lower()], code))
    if kind == "year":
        return DateExpression(m.start("y"), m.end(), m.group("y"), "year", (int(g["y"]),))
    return None


def find_expressions(text: str) -> list[DateExpression]:
    """Date expressions in text order; where two overlap, the one found first (more specific) wins."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if kind == "weekday" and not _weekday_ok(m):
                continue
            expr = _expr(m, kind)
            if expr is None or any(expr.start < e and s < expr.end for s, e in taken):
                continue
            found.append(expr)
            taken.append((expr.start, expr.end))
    return sorted(found, key=lambda e: e.start)


def _weekday_ok(m: re.Match[str]) -> bool:
    """Weekday names are capitalised; short forms ("Sat", "Sun", "Wed") need a following period or comma."""
    wd = m.group("wd")
    if not wd[0].isupper():
        return False
    return len(wd) >= 6 or m.string[m.end("wd") : m.end("wd") + 1] in (".", ",")


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


def _period(e: DateExpression, pub: dt.date) -> ResolvedDate:
    per, code = e.value
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
        return _period(e, pub)
    if e.kind == "ago":
        return _ago(e, pub, -1)
    if e.kind == "bare_month":
        return _bare_month(e, pub, future)
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
