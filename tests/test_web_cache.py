"""What the workbench keeps per committed store version (web/cache.py): kept while the store stays as it is,
dropped as soon as a segment is committed, never kept from an older version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.store.db import Store
from eventwire.web import charts
from eventwire.web.app import create_app
from eventwire.web.cache import VersionCache

from .factories import merge_corpus


class Counter:
    def __init__(self, value: object = "v") -> None:
        self.calls, self.value = 0, value

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_value_is_computed_once_per_version_and_key() -> None:
    cache, compute = VersionCache(), Counter()
    cache.advance(3)
    assert [cache.get(3, "k", compute) for _ in range(3)] == ["v"] * 3
    assert compute.calls == 1
    cache.get(3, "other", compute)
    assert compute.calls == 2


@pytest.mark.parametrize("new_version", [4, 2])
def test_a_new_version_drops_everything(new_version: int) -> None:
    cache, compute = VersionCache(), Counter()
    cache.advance(3)
    cache.get(3, "k", compute)
    cache.advance(new_version)
    assert len(cache) == 0
    cache.get(new_version, "k", compute)
    assert compute.calls == 2


def test_a_request_of_an_older_version_keeps_nothing() -> None:
    # a request began at version 3; the store moved to 4 while it computed
    cache = VersionCache()
    cache.advance(3)
    memo = cache.memo(3)
    cache.advance(4)
    old, fresh = Counter("old"), Counter("new")
    assert memo("k", old) == "old"
    assert cache.get(4, "k", fresh) == "new" and fresh.calls == 1
    assert memo("k", old) == "old" and old.calls == 2, "a stale request never reads the new version's value"


def test_the_least_recently_used_entry_goes_first() -> None:
    cache = VersionCache(size=2)
    cache.advance(1)
    a, b, c = Counter("a"), Counter("b"), Counter("c")
    cache.get(1, "a", a)
    cache.get(1, "b", b)
    cache.get(1, "a", a)  # a is now the most recent
    cache.get(1, "c", c)
    assert len(cache) == 2
    cache.get(1, "a", a)
    cache.get(1, "b", b)
    assert (a.calls, b.calls, c.calls) == (1, 2, 1)


def test_the_server_draws_again_after_a_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = merge_corpus()
    db = tmp_path / "live.store"
    with Store(db) as store:
        store.add_many(corpus[:1])
    drawn: list[int] = []
    draw = charts.timeline_chart

    def counted(rows: list[dict[str, Any]]) -> Any:
        drawn.append(sum(r["events"] for r in rows))
        return draw(rows)

    monkeypatch.setattr(charts, "timeline_chart", counted)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    params = {"min_confidence": "0"}

    def seen() -> tuple[int, int, int]:
        assert client.get("/timeline", params=params).status_code == 200
        days = client.get("/api/timeline", params=params).json()["days"]
        merged = client.get("/api/merged", params={"page": 1}).json()["events"]
        return len(drawn), sum(d["events"] for d in days), sum(e["num_articles"] for e in merged)

    first = seen()
    assert seen() == first, "the same store version: nothing drawn or counted again"
    assert first[0] == 1
    with Store(db) as store:
        store.add_many(corpus[1:])
    after = seen()
    assert after[0] == 2, "a committed segment invalidates the chart"
    assert after[1] > first[1] and after[2] > first[2], "and the counts behind the timeline and the merged events"
    assert drawn[-1] == after[1], "the chart drawn shows the new version's events"
