"""Date expressions in text (resolution.py turns them into day ranges).

Absolute dates ("January 3, 2020", "3 January 2020", "2020-01-03", "01/03/2020" in US order, "in 2019",
"the 1880s") resolve on their own; relative ones ("Friday", "yesterday", "last week", "in March", "two
weeks ago", "over the weekend", "on Thanksgiving") against the publication date; anchored ones ("five
days after ...") against the date of the sentence's main clause, which the stage supplies. Vague past
times ("decades ago") are found but resolve to nothing: they mark a clause as background.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlfile import load_yaml
from .holidays import Holidays, load_holidays

__all__ = ["DateExpression", "Words", "find_expressions", "words"]

DATA = Path(__file__).resolve().parents[1] / "data" / "date_words.yaml"
#: What may follow a year that could also be a count ("in 1884, when" is a year, "in 1500 homes" is not).
_NO_NOUN = r"\s*[,.;:)]|\s*$|\s+(?:when|and|as|after|before|until|to|the|with|at|in|on|during|under|by)\b"


@dataclass(frozen=True, slots=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    future_cues: frozenset[str]
    #: regular expression (no groups) of vague past times ("decades ago", "in the past")
    vague: str
    since_words: frozenset[str]
    until_words: frozenset[str]
    holidays: Holidays
    #: capitalised words before a weekday that make it part of a name ("Good Friday")
    weekday_name_words: frozenset[str]
    #: prepositions whose object is the time of the clause ("during his March 3 address")
    time_prepositions: frozenset[str]
    #: "few", "several": how many units "in the past few days" counts back
    recent_counts: dict[str, int]
    #: words that make a date the time of a comparison ("than", "down from")
    comparison_words: frozenset[str]
    comparison_from_heads: frozenset[str]
    #: subordinators and prepositions of a clause or phrase that gives only a bound of the main act's
    #: time ("after X was killed in June, he admitted ..."): a date under one is not the act's
    bound_marks: frozenset[str]
    #: nouns of a stage of life ("when he was a teenager"): a "when" clause of an age or one of these
    #: times the act within someone's life, not on a date we can give
    life_stages: frozenset[str]
    #: nouns of a span of someone's life or office ("during his campaign", "during her tenure"): a past act
    #: timed by one, with no date of its own, is undated background
    past_periods: frozenset[str]


def _vague(raw: dict[str, Any]) -> str:
    quant = _alt({str(q): 0 for q in raw["vague_quantifiers"]})
    units = _alt({str(u): 0 for u in raw["vague_units"]})
    after = _alt({str(a): 0 for a in raw["vague_after"]})
    phrases = _alt({str(p): 0 for p in raw["vague_phrases"]})
    return rf"(?:(?:{quant})\s+)?(?:{units})\s+(?:{after})|(?:{phrases})"


@functools.cache
def words() -> Words:
    raw: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    return Words(
        {str(k): int(v) for k, v in raw["months"].items()},
        {str(k): int(v) for k, v in raw["weekdays"].items()},
        {str(k): int(v) for k, v in raw["numbers"].items()},
        frozenset(str(w) for w in raw["future_cues"]),
        _vague(raw),
        frozenset(str(w) for w in raw["since_words"]),
        frozenset(str(w) for w in raw["until_words"]),
        load_holidays(raw["holidays"], raw["holiday_leads"]),
        frozenset(str(w) for w in raw["weekday_name_words"]),
        frozenset(str(w) for w in raw["time_prepositions"]),
        {str(k): int(v) for k, v in raw["recent_counts"].items()},
        frozenset(str(w) for w in raw["comparison_words"]),
        frozenset(str(w) for w in raw["comparison_from_heads"]),
        frozenset(str(w) for w in raw["bound_marks"]),
        frozenset(str(w) for w in raw["life_stages"]),
        frozenset(str(w) for w in raw["past_periods"]),
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
    #: "after" / "before" for anchored expressions ("five days after"); a holiday's name; else "".
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
        "holiday": _initials({k: 0 for k in w.holidays.leads}),
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
        "weekend": "oadt",
        "recent": "iod",
        "period": "eltnp",
        "month": "isbudeltnm",
        "year": "isbudofelmt",
        "decade": "12",
        "vague": "".join(sorted({c for c in re.sub(r"\\.|[^a-z]", "", w.vague)})),
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
    months_lookahead = (
        r"January|February|March|April|May|June|July|August|September|"
        r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    )
    return [
        (
            "holiday",
            re.compile(
                rf"\b(?:{_alt({k: 0 for k in w.holidays.leads})})\s+(?:the\s+)?(?P<hol>{w.holidays.pattern})"
                r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
                flags,
            ),
        ),
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
                # a weekday followed by its date ("Monday, April 28", "Monday, 28 April"): the date decides
                rf"(?!\s*,?\s*(?:{months_lookahead})\b)"
                rf"(?!\s*,?\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months_lookahead})\b)",
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
        ("weekend", re.compile(r"\b(?:(?:over|at|on|during)\s+the|this\s+past)\s+weekend\b", flags)),
        (
            "recent",
            re.compile(
                rf"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?P<count>{_alt(w.recent_counts)}|{num}|\d{{1,3}})\s+"
                r"(?P<unit>hour|day|week|month)s\b",
                flags,
            ),
        ),
        (
            "month",
            re.compile(
                rf"\b(?:(?:in|since|by|until|during|early|late|last|next|this)\s+|mid-)(?P<mon>{mon})\b"
                r"(?!\s+\d)(?:,?\s+(?P<yrel>last|this|next)\s+year\b(?![\'’]))?",
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
            "year",
            re.compile(
                rf"\b(?:(?:in|since|by|until|during|of|from|early|late)\s+(?P<y>(?:19|20)\d\d|1[5-8]\d\d(?={_NO_NOUN}))"
                # after "to" and before 1900 only where no noun follows ("back to 2011, when", not "to 2000 people")
                rf"|to\s+(?P<y2>(?:1[5-9]|20)\d\d(?={_NO_NOUN}))|mid-(?P<y3>(?:19|20)\d\d))\b"
                r"(?!\s*(?:-|/)\d)",
                flags,
            ),
        ),
        ("decade", re.compile(r"\b(?P<y>(?:1[5-9]|20)\d0)s\b")),
        ("vague", re.compile(rf"\b(?:{w.vague})\b", flags)),
    ]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else words().numbers[text.lower()]


def _expr(m: re.Match[str], kind: str) -> DateExpression | None:
    g = m.groupdict()
    w = words()
    if kind == "holiday":
        if not g["hol"][0].isupper():
            return None  # "christmas" in lower case is not the day
        return DateExpression(
            m.start("hol"), m.end(), m.string[m.start("hol") : m.end()], "holiday", (int(g["y"] or 0),), g["hol"]
        )
    if kind == "decade":
        return DateExpression(m.start(), m.end(), m.group(0), "decade", (int(g["y"]),))
    if kind == "vague":
        return DateExpression(m.start(), m.end(), m.group(0), "vague", ())
    if kind == "recent":
        count = g["count"].lower()
        n = w.recent_counts.get(" ".join(count.split())) or _number(count)
        unit = g["unit"].lower()
        days = -(-n // 24) if unit == "hour" else n * {"day": 1, "week": 7, "month": 30}[unit]
        return DateExpression(m.start(), m.end(), m.group(0), "recent", (days,))
    if kind == "weekend":
        return DateExpression(m.start(), m.end(), m.group(0), "weekend", ())
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
        month = w.months[g["mon"].lower()]
        if g.get("yrel"):  # "in January last year": that month of the year named relative to publication
            offset = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
            return DateExpression(
                m.start("mon"), m.end(), m.string[m.start("mon") : m.end()], "month_of_year", (month, offset)
            )
        return DateExpression(m.start("mon"), m.end(), m.group("mon"), "bare_month", (month, code))
    if kind == "year":
        group = next(k for k in ("y", "y2", "y3") if g.get(k))
        return DateExpression(m.start(group), m.end(), m.group(group), "year", (int(g[group]),))
    return None


#: characters that a case-insensitive pattern matches though their ``str.lower()`` is not the letter ("ı" and
#: "İ" match "i", "ſ" matches "s"): no needle (``_needles``) holds them
_UNSURE_LETTERS = re.compile(r"[^a-z0-9]|[is]")


def _needle(name: str) -> str:
    """A piece of a literal word of a pattern that every match of it holds, lower-cased ("" when none is sure)."""
    return max(_UNSURE_LETTERS.split(name.lower()), key=len)


@functools.cache
def _needles() -> dict[str, tuple[str, ...]]:
    """Per pattern that needs one of a few literal words: pieces of them, one of which every match holds
    (case-insensitive patterns: in the lower-cased text; ``decade``, ``iso`` and ``us``: in the text as it
    is). A text holding none of a pattern's needles is not scanned with it (most texts hold no "ago")."""
    names = [_needle(n) for n in words().holidays.names]
    out = {
        "holiday": tuple(names),
        "ago": ("ago",),
        "anchored": ("after", "before"),
        "shift": (_needle("later"), _needle("earlier")),
        "weekend": ("weekend",),
    }
    return {k: v for k, v in out.items() if all(v)}  # a name with no sure piece: always scanned


#: patterns without IGNORECASE, or whose needles are no letters: tested on the text as it is
_EXACT_NEEDLES: dict[str, tuple[str, ...]] = {"decade": ("0s",), "iso": ("-",), "us": ("/",)}


def find_expressions(text: str) -> list[DateExpression]:
    """Date expressions in text order; where two overlap, the one found first (more specific) wins."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    needles = _needles()
    lowered = text.lower()
    for kind, pattern in _patterns():
        if kind in needles and not any(n in lowered for n in needles[kind]):
            continue  # no match possible
        if kind in _EXACT_NEEDLES and not any(n in text for n in _EXACT_NEEDLES[kind]):
            continue
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
    """Weekday names are capitalised and not part of a name ("Good Friday"); short forms ("Sat", "Sun",
    "Wed") need a following period or comma."""
    wd = m.group("wd")
    if not wd[0].isupper():
        return False
    before = m.string[max(0, m.start() - 12) : m.start()].split()
    if not m.group("mod") and before and before[-1] in words().weekday_name_words:
        return False
    return len(wd) >= 6 or m.string[m.end("wd") : m.end("wd") + 1] in (".", ",")
