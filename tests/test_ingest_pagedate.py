"""The publication day of a web page from its own metadata (ingest/pagedate.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.ingest.html import html_article
from eventwire.ingest.pagedate import PageDay, page_published, page_times, published_day, reconcile, stamp

D = dt.date


def _ld(obj: object, cdata: bool = False) -> str:
    body = json.dumps(obj)
    if cdata:
        body = f"<![CDATA[ {body} ]]>"
    return f'<script type="application/ld+json">{body}</script>'


def _meta(key: str, value: str, attr: str = "property") -> str:
    return f'<meta {attr}="{key}" content="{value}">'


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head><title>Port talks</title>{head}</head><body>{body}</body></html>"


ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle"}


@pytest.mark.parametrize(
    ("html", "day"),
    [
        # a republished story: the JSON-LD keeps the first version, the meta tag names the new one
        (
            _page(
                _ld({**ARTICLE, "datePublished": "2023-03-10T21:00:00Z", "dateModified": "2023-03-11T09:30:00Z"})
                + _meta("article:published_time", "2023-03-11T09:30:00Z")
            ),
            D(2023, 3, 11),
        ),
        # a later modification alone is no new version
        (
            _page(
                _ld({**ARTICLE, "datePublished": "2023-03-10T06:00:00Z", "dateModified": "2023-03-11T07:00:00Z"})
                + _meta("article:published_time", "2023-03-10T06:00:00Z")
                + _meta("article:modified_time", "2023-03-11T07:00:00Z")
            ),
            D(2023, 3, 10),
        ),
        # a UTC stamp takes the day of its local twin shown under the headline
        (
            _page(
                _meta("article:published_time", "2021-06-05T01:30:00+00:00"),
                '<p><time datetime="2021-06-04T21:30:00-04:00">June 4</time></p>',
            ),
            D(2021, 6, 4),
        ),
        # a <time> of another instant (a related story) is no twin
        (
            _page(
                _meta("article:published_time", "2021-06-05T01:30:00+00:00"),
                '<p><time datetime="2021-06-04T18:00:00-04:00">June 4</time></p>',
            ),
            D(2021, 6, 5),
        ),
        # a local offset in the claim itself
        (_page(_ld({**ARTICLE, "datePublished": "2019-02-01T23:50:00-05:00"})), D(2019, 2, 1)),
        # JSON-LD wrapped in CDATA; a video's upload date is not the article's
        (
            _page(
                _ld({"@type": "VideoObject", "datePublished": "2019-01-20T10:00:00Z"}, cdata=True)
                + _ld({**ARTICLE, "datePublished": "2019-02-01T10:00:00Z"}, cdata=True)
            ),
            D(2019, 2, 1),
        ),
        # @graph members count; a nested related item does not
        (
            _page(
                _ld(
                    {
                        "@graph": [
                            {
                                "@type": "Article",
                                "datePublished": "2018-05-02T08:00:00+02:00",
                                "hasPart": {"@type": "NewsArticle", "datePublished": "2018-05-03T08:00:00+02:00"},
                            }
                        ]
                    }
                )
            ),
            D(2018, 5, 2),
        ),
        # microdata on a related story's card is a clock, never a claim
        (
            _page(
                _meta("article:published_time", "2020-09-09T12:00:00Z"),
                '<div itemprop="datePublished" content="2020-09-10T12:00:00Z">teaser</div>',
            ),
            D(2020, 9, 9),
        ),
        # "value" instead of "content", and "name" instead of "property"
        (_page('<meta value="2016-04-12T20:26:06.000Z" name="article:published_time">'), D(2016, 4, 12)),
    ],
)
def test_page_published(html: str, day: dt.date) -> None:
    assert page_published(html) == day


@pytest.mark.parametrize(
    "html",
    [
        _page(),
        # claims a week apart: a stale template stamp, not versions of one text
        _page(
            _ld({**ARTICLE, "datePublished": "2022-01-03T10:00:00Z"})
            + _meta("article:published_time", "2022-01-10T10:00:00Z")
        ),
        # a placeholder time
        _page(_meta("article:published_time", "0001-01-01T00:00:00Z")),
        # a date without a time of day is left to trafilatura
        _page(_meta("pubdate", "2022-01-03", attr="name")),
        # broken JSON
        _page('<script type="application/ld+json">{"@type": "NewsArticle", </script>'),
    ],
)
def test_no_page_day(html: str) -> None:
    assert published_day(page_times(html)) is None
    assert page_published(html, D(2000, 1, 1)) == D(2000, 1, 1)


NOV18, NOV19 = D(2019, 11, 18), D(2019, 11, 19)


@pytest.mark.parametrize(
    ("found", "other", "day"),
    [
        # a UTC-only day gives way to a dated URL's day before it
        (PageDay(NOV19, True, frozenset({NOV19})), NOV18, NOV18),
        # ... but not to the day of an older claim, nor to a day further off
        (PageDay(NOV19, True, frozenset({NOV18, NOV19})), NOV18, NOV19),
        (PageDay(NOV19, True, frozenset({NOV19})), D(2019, 11, 15), NOV19),
        # a local day stands
        (PageDay(NOV19, False, frozenset({NOV19})), NOV18, NOV19),
        (None, NOV18, NOV18),
        (None, None, None),
    ],
)
def test_reconcile(found: PageDay | None, other: dt.date | None, day: dt.date | None) -> None:
    assert reconcile(found, other) == day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-07T12:43:39.889Z", dt.datetime(2024, 12, 7, 12, 43, 39, 889000, tzinfo=dt.UTC)),
        ("2025-05-07T13:42:21+0000", dt.datetime(2025, 5, 7, 13, 42, 21, tzinfo=dt.UTC)),
        ("2025-05-03 07:00:14", dt.datetime(2025, 5, 3, 7, 0, 14)),
        ("2022-04-21", None),
        ("Fri Mar 13 21:30:09 EST 2015", None),
        (None, None),
    ],
)
def test_stamp(value: object, expected: dt.datetime | None) -> None:
    assert stamp(value) == expected


def test_html_article_takes_the_local_day() -> None:
    text = " ".join(["The two ports agreed on Thursday to share their cranes and their pilots."] * 12)
    html = _page(
        _meta("article:published_time", "2022-10-07T02:15:00+00:00"),
        f'<article><h1>Port talks</h1><time datetime="2022-10-06T22:15:00-04:00">Oct 6</time><p>{text}</p></article>',
    )
    assert html_article(html, id="p").published == D(2022, 10, 6)
