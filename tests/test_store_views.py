"""The store's views page, aggregate and filter exactly as plain SQL over the whole table would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.model import Analysis, ResolvedDate, Speaker
from eventwire.store import views
from eventwire.store.db import Store
from eventwire.store.query import EventQuery

from .factories import TEXT, sample_analysis


def dated(i: int) -> Analysis:
    """Article i: its text, event date (none for every seventh) and quote speaker vary with i."""
    base = sample_analysis(f"art-{i:03d}", f"{TEXT} Number {i}.")
    day = None if i % 7 == 0 else dt.date(2019, 1, 1) + dt.timedelta(days=(i * 37) % 900)
    events = tuple(
        replace(
            e,
            id=f"E{k}",
            date=ResolvedDate(day, day, "day") if day else None,
            quad=1 + (i + k) % 4,
            cameo=f"1{i % 10}{k}",
            root=f"1{i % 10}",
            goldstein=float((i * k) % 7 - 3),
        )
        for e in base.events
        for k in range(1 + i % 3)
    )
    quotes = tuple(replace(q, speaker=Speaker(None, "a spokesman", 0, 1)) if i % 4 == 0 else q for q in base.quotes)
    return base.with_(events=events, quotes=quotes)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("views") / "v.duckdb"
    with Store(path) as s:
        s.add_many([dated(i) for i in range(120)])
        s.rebuild_merged()
    return Store(path, read_only=True)


@pytest.mark.parametrize(
    "query, order",
    [
        (EventQuery(), "e.date DESC NULLS LAST"),
        (EventQuery(quad=2, sort="date"), "e.date NULLS LAST"),
        (EventQuery(since=dt.date(2020, 1, 1), sort="-goldstein"), "e.goldstein DESC NULLS LAST"),
        (EventQuery(sort="outlet", modality=()), "a.source NULLS LAST"),
        (EventQuery(sort="-cameo", modality=()), "e.cameo DESC NULLS LAST"),
    ],
)
@pytest.mark.parametrize("per_page", [1, 7, 50])
def test_event_pages_are_the_sorted_table_cut_in_pages(
    store: Store, query: EventQuery, order: str, per_page: int
) -> None:
    where, params = query.where()
    expected = store.con.execute(
        f"SELECT e.article, e.event FROM {query.source} WHERE {where} ORDER BY {order}, e._row", params
    ).fetchall()
    got: list[tuple[str, str]] = []
    for offset in range(0, len(expected) + per_page, per_page):
        total, rows = views.events(store, replace(query, limit=per_page, offset=offset))
        assert total == len(expected)
        got += [(r["article"], r["event"]) for r in rows]
    assert got == expected and expected
    row = views.events(store, replace(query, limit=1))[1][0]
    assert row["article_id"].startswith("art-") and row["outlet"] == "Example Wire"


@pytest.mark.parametrize("kept", [False, True])
def test_merged_pages_follow_their_order(store: Store, kept: bool) -> None:
    expected = store.con.execute(
        "SELECT id FROM merged_events ORDER BY num_articles DESC, date NULLS LAST, id"
    ).fetchall()
    memory: dict[object, object] = {}
    computed: list[object] = []

    def memo(key: object, compute: Callable[[], object]) -> object:
        if key not in memory:
            computed.append(key)
            memory[key] = compute()
        return memory[key]

    pages = [
        views.merged_events(store, limit=9, offset=k, memo=memo if kept else None) for k in range(0, len(expected), 9)
    ]
    got = [r["id"] for _, rows in pages for r in rows]
    assert got == [e[0] for e in expected] and len(got) > 9
    assert len(computed) == (1 if kept else 0), "one histogram serves every page"


def test_timeline_draws_at_most_its_bars(store: Store) -> None:
    rows = views.timeline(store, EventQuery())
    assert {r["period"] for r in rows} == {"week"} and len({r["day"] for r in rows}) <= views.TIMELINE_BARS
    assert (
        sum(r["events"] for r in rows)
        == store.con.execute("SELECT count(*) FROM events WHERE date IS NOT NULL AND modality = 'asserted'").fetchone()[
            0
        ]
    )  # type: ignore[index]
    narrow = views.timeline(store, EventQuery(until=dt.date(2019, 3, 1)))
    assert {r["period"] for r in narrow} == {"day"}


@pytest.mark.parametrize("speaker", [None, "ruto", "spokes", "nobody"])
def test_quote_pages_filter_by_speaker_name(store: Store, speaker: str | None) -> None:
    cond = "" if speaker is None else "WHERE coalesce(ac.name, q.speaker_text, '(unattributed)') ILIKE ?"
    expected = store.con.execute(
        "SELECT q.text, coalesce(ac.name, q.speaker_text) FROM _quotes q LEFT JOIN actors ac "
        f"ON ac.article = q.article AND ac.actor = q.speaker_actor {cond} ORDER BY q._row",
        [] if speaker is None else [f"%{speaker}%"],
    ).fetchall()
    got = [(r["text"], r["speaker"]) for k in range(0, 130, 13) for r in views.quote_page(store, speaker, 13, k)]
    assert got == expected


def test_article_list_counts_events(store: Store) -> None:
    total, rows = views.articles(store, limit=200)
    assert total == 120 and [r["events"] for r in rows if r["id"] == "art-005"] == [3]


def test_speakers_are_grouped_by_actor(tmp_path: Path) -> None:
    spellings = ["Erdoğan", "Recep Tayyip Erdogan", "erdogan", "we", "Ruto"]
    analyses = []
    for i, name in enumerate(spellings):
        base = sample_analysis(f"sp-{i}", f"{TEXT} Speaker {i}.")
        quotes = tuple(replace(q, speaker=Speaker(None, name, 0, 1)) for q in base.quotes)
        analyses.append(base.with_(quotes=quotes))
    with Store(tmp_path / "s.duckdb") as s:
        s.add_many(analyses)
        groups = {g["speaker"]: g for g in views.speakers(s)}
        assert groups["Recep Tayyip Erdogan"]["quotes"] == 3
        assert set(groups["Recep Tayyip Erdogan"]["names"]) == {"Erdoğan", "Recep Tayyip Erdogan", "erdogan"}
        assert "we" not in groups and groups["(unattributed)"]["quotes"] == 1
        picked = views.quote_page(s, None, 10, 0, names=groups["Recep Tayyip Erdogan"]["names"])
        assert len(picked) == 3


@pytest.mark.parametrize(
    ("basis", "confidence", "shown"),
    [
        ((), 0.4, True),  # a text of one or two sentences: the sentence-level confidence, never hidden
        ((("sentence_confidence", 0.9),), 0.4, False),  # judged in a document, under the threshold
        ((("sentence_confidence", 0.3),), 0.7, True),  # judged in a document, over it
    ],
)
def test_the_threshold_hides_only_events_judged_in_a_document(
    tmp_path: Path, basis: tuple[tuple[str, float], ...], confidence: float, shown: bool
) -> None:
    from eventwire.store.export import export_store

    analysis = sample_analysis()
    event = replace(analysis.events[0], confidence=confidence, basis=basis)
    path = tmp_path / "s.store"
    with Store(path) as s:
        s.add(analysis.with_(events=(event,)))
    with Store(path, read_only=True) as store:
        total, _rows = views.events(store, EventQuery(min_confidence=0.6))
        everything, _ = views.events(store, EventQuery(min_confidence=0.0))
    assert everything == 1
    assert total == int(shown)
    out = tmp_path / "events.csv"
    rows = export_store(path, "csv", str(out), min_confidence=0.6)
    assert rows == int(shown)
