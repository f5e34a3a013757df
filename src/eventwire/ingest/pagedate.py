"""The publication day of a web page, read from the page's own metadata.

A page states its publication time in several places: the article's JSON-LD (``datePublished``), meta
tags (``article:published_time`` ...) and the ``<time>`` shown under the headline. Two rules decide the
day the text was published (the day its relative dates such as "Saturday" or "yesterday" count from):

- **The latest claim**: when the page's publication claims disagree by at most ``MAX_SPREAD`` (a
  developing story republished under a new time, its JSON-LD still naming the first version), the
  latest one wins: the text we read is that version. Claims further apart are a template's stale
  stamp, and the page's day is left to trafilatura. A modification time alone (``dateModified``)
  is no republication (a correction a day later leaves the text's day as it was) and is never a claim.
- **The local day**: a claim written in UTC ("2022-04-29T02:08+00:00") takes the calendar day of the
  same instant written with the publisher's offset elsewhere on the page ("2022-04-28T22:08-04:00" in a
  ``<time>``): the publication's day is the publisher's, not Greenwich's.

The keys and types read are data (``data/page_dates.yaml``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

import lxml.html
from lxml import etree

from ..yamlfile import load_yaml

__all__ = [
    "MAX_SPREAD",
    "PageDateKeys",
    "PageDay",
    "PageTimes",
    "page_published",
    "page_times",
    "published_day",
    "reconcile",
    "stamp",
]

#: Publication claims at most this far apart are versions of one text (the latest wins).
MAX_SPREAD: Final = dt.timedelta(days=2)
#: Two clocks closer than this name the same instant.
_TWIN: Final = dt.timedelta(seconds=90)
ONE_DAY: Final = dt.timedelta(days=1)
#: Earlier years are placeholders ("0001-01-01T00:00:00Z"), not publication times.
MIN_YEAR: Final = 1990
#: A CDATA wrapper around a script's JSON ("<![CDATA[ {...} ]]>", also behind "//").
_CDATA: Final = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


@dataclass(frozen=True, slots=True)
class PageDateKeys:
    """Which JSON-LD types and meta keys state a page's times (see data/page_dates.yaml)."""

    article_types: frozenset[str]
    published: frozenset[str]
    modified: frozenset[str]


@cache
def keys() -> PageDateKeys:
    text = resources.files("eventwire.ingest").joinpath("data/page_dates.yaml").read_text("utf-8")
    raw: dict[str, Any] = load_yaml(text)
    return PageDateKeys(
        frozenset(str(t) for t in raw["article_types"]),
        frozenset(str(k).lower() for k in raw["published"]),
        frozenset(str(k).lower() for k in raw["modified"]),
    )


@dataclass(frozen=True, slots=True)
class PageTimes:
    """The times a page states: its publication claims and every clock (claims, modifications, <time>)."""

    published: tuple[dt.datetime, ...]
    clocks: tuple[dt.datetime, ...]


def stamp(value: object) -> dt.datetime | None:
    """An ISO 8601 date-time ("2022-04-28T22:08:28-04:00", "...Z", "2025-05-03 07:00:14"); a date
    without a time of day, or anything else, is None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) < 16 or text[10:11] not in ("T", " ") or text[13:14] != ":":
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return {str(t) for t in kind} if isinstance(kind, list) else {str(kind)}


def _ld_roots(data: Any) -> Iterator[dict[str, Any]]:
    """The top-level objects of a JSON-LD block (a list, a @graph or one object); nested objects
    (related items, breadcrumbs) are not the article."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (g for g in graph if isinstance(g, dict))
            else:
                yield item


def _json_ld(tree: etree._Element, published: list[dt.datetime], clocks: list[dt.datetime]) -> None:
    types = keys().article_types
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(_CDATA.sub("", script.text))
        except ValueError:
            continue
        for obj in _ld_roots(data):
            if not _types(obj) & types:
                continue
            if (when := stamp(obj.get("datePublished"))) is not None:
                published.append(when)
            if (when := stamp(obj.get("dateModified"))) is not None:
                clocks.append(when)


def _tags(tree: etree._Element, published: list[dt.datetime], clocks: list[dt.datetime]) -> None:
    """Meta tags named as publication times are claims; microdata (``itemprop``, also found on related
    items' cards), modification times and ``<time>`` elements are clocks only."""
    k = keys()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        when = stamp(el.get("content") or el.get("value") or el.get("datetime"))
        if when is None:
            continue
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if el.tag.lower() == "meta" and key in k.published:
            published.append(when)
        elif key in k.modified or el.get("itemprop") or el.tag.lower() == "time":
            clocks.append(when)


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        try:
            return lxml.html.document_fromstring(html.encode("utf-8"))
        except (ValueError, etree.ParserError):
            return None
    except etree.ParserError:
        return None


def page_times(html: str) -> PageTimes:
    """The publication claims and clocks of a page."""
    tree = _parse(html)
    if tree is None:
        return PageTimes((), ())
    published: list[dt.datetime] = []
    clocks: list[dt.datetime] = []
    _json_ld(tree, published, clocks)
    _tags(tree, published, clocks)
    return PageTimes(tuple(published), tuple(published) + tuple(clocks))


def _aware(when: dt.datetime) -> bool:
    return when.utcoffset() is not None


@dataclass(frozen=True, slots=True)
class PageDay:
    """The publication day a page's metadata gives.

    ``utc_only``: the day is that of a UTC time with no local twin, so the publisher's own day may be
    the one before or after; ``claimed``: the days of the publication claims as written (of those
    with an offset, when there are such).
    """

    day: dt.date
    utc_only: bool
    claimed: frozenset[dt.date]


def _local_day(when: dt.datetime, clocks: tuple[dt.datetime, ...]) -> tuple[dt.date, bool]:
    """The calendar day of ``when`` on the publisher's clock: a UTC time takes the day of a twin with
    a non-zero offset (the same instant written in local time), else its own (flagged as UTC only)."""
    offset = when.utcoffset()
    if offset is None or offset:
        return when.date(), False
    for clock in clocks:
        if _aware(clock) and clock.utcoffset() and abs(clock - when) <= _TWIN:
            return clock.date(), False
    return when.date(), True


def published_day(times: PageTimes) -> PageDay | None:
    """The day of the latest publication claim, on the publisher's clock; None when the page makes no
    timed claim or its claims lie more than ``MAX_SPREAD`` apart."""
    claims = [t for t in times.published if t.year >= MIN_YEAR]
    aware = [t for t in claims if _aware(t)]
    if aware:
        if max(aware) - min(aware) > MAX_SPREAD:
            return None
        day, utc_only = _local_day(max(aware), times.clocks)
        return PageDay(day, utc_only, frozenset(t.date() for t in aware))
    naive = sorted(claims)
    if naive and naive[-1] - naive[0] <= MAX_SPREAD:
        return PageDay(naive[-1].date(), False, frozenset(t.date() for t in naive))
    return None


def reconcile(found: PageDay | None, other: dt.date | None) -> dt.date | None:
    """The page's day from its metadata, else ``other`` (another reader's day, e.g. trafilatura's,
    which also reads URLs and visible dates). A UTC-only day gives way to ``other`` on the day before
    when no publication claim was written on that day: such a day was read in the publisher's own
    terms (a dated URL, a printed date line), and a news site's evening is the next day in UTC."""
    if found is None:
        return other
    if found.utc_only and other is not None and other == found.day - ONE_DAY and other not in found.claimed:
        return other
    return found.day


def page_published(html: str, other: dt.date | None = None) -> dt.date | None:
    """The publication day of a page (see the module docstring); ``other``: another reader's day."""
    return reconcile(published_day(page_times(html)), other)
