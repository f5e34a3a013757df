"""Geo and event-location evaluation: scoring semantics on hand-made records, gold loading in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.eval.eventloc import GoldSentence, load_gold, location_ok, oracle_event
from eventwire.eval.geo import GoldToponym, load_articles, norm, parse_dltime, score_article
from eventwire.model import Place, Span


def _place(text: str, start: int, lat: float | None, lon: float | None, name: str | None = None) -> Place:
    return Place(Span(start, start + len(text), text), name or text, None, lat, lon, "city")


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("2016-12-19", dt.date(2016, 12, 19)),
        ("2009-03-20 12:24:52.002364-05", dt.date(2009, 3, 20)),
        ("7:58 AM ET, Sat January 3, 2015", dt.date(2015, 1, 3)),
        ("", None),
        (None, None),
        ("yesterday", None),
    ],
)
def test_parse_dltime(value: str | None, want: dt.date | None) -> None:
    assert parse_dltime(value) == want


@pytest.mark.parametrize(("text", "want"), [("U.S.", "us"), ("  New   York ", "new york"), ("Côte", "cte")])
def test_norm(text: str, want: str) -> None:
    assert norm(text) == want


def test_score_pairs_kth_mentions_by_name() -> None:
    gold = [
        GoldToponym(0, "Paris", 48.85, 2.35),
        GoldToponym(30, "Paris", 33.66, -95.55),
        GoldToponym(50, "Lyon", 45.75, 4.85),
        GoldToponym(70, "Nowhere", None, None),
    ]
    places = [_place("Paris", 0, 48.86, 2.34), _place("Paris", 30, 48.86, 2.34), _place("Texas", 40, 31, -99)]
    c = score_article(places, gold)
    assert (c["n_gold"], c["found"], c["within"], c["n_pred"], c["pred_hit"]) == (3, 2, 1, 3, 2)


def test_unresolved_places_are_not_recognised() -> None:
    c = score_article([_place("Lyon", 0, None, None)], [GoldToponym(0, "Lyon", 45.75, 4.85)])
    assert c["found"] == 0 and c["pred_hit"] == 1


@pytest.mark.parametrize(
    ("name", "gold", "ok"),
    [
        (None, (), True),
        ("Baghdad", (), False),
        (None, ("Baghdad",), False),
        ("Baghdad", ("Baghdad",), True),
        ("Gaza", ("southern Gaza",), True),
        ("Gaza Strip", ("Gaza",), True),
        ("Kabul", ("Kandahar",), False),
    ],
)
def test_location_ok(name: str | None, gold: tuple[str, ...], ok: bool) -> None:
    place = _place(name, 0, 1.0, 1.0) if name else None
    assert location_ok(place, gold) is ok


def test_oracle_event_sits_on_the_verb() -> None:
    g = GoldSentence("x", "Rebels attacked Kabul.", Span(7, 15, "attacked"), ("Kabul",))
    e = oracle_event(g)
    assert e.trigger.text == "attacked" and e.evidence.text == g.text


def test_tr_news_loads_in_place(shared: Path) -> None:
    pairs = list(load_articles(shared / "eval" / "geo" / "TR-News.xml"))
    assert len(pairs) == 118
    article, gold = pairs[0]
    assert article.published == dt.date(2016, 12, 19)
    assert all(article.text[g.start : g.start + len(g.name)] == g.name for g in gold[:5])


def test_eventloc_gold_loads_in_place(shared: Path) -> None:
    gold = list(load_gold(shared / "eval" / "eventloc" / "event_location_dev.jsonl"))
    assert len(gold) == 4626
    assert all(g.text[g.verb.start : g.verb.end] == g.verb.text for g in gold[:50])
