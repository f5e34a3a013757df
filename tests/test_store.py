from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.model import StageFailure
from eventwire.store.db import SCHEMA_VERSION, Store
from eventwire.store.summary import summarise

from .factories import sample_analysis


def test_store_round_trip_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        assert store.add(sample_analysis()) is True
        assert store.add(sample_analysis("same-text-other-id")) is False
        counts = store.counts()
    assert counts == {"articles": 1, "actors": 3, "quotes": 1, "events": 1, "places": 1, "errors": 0}
    with Store(db, read_only=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        [event] = store.query("SELECT source_country, target_country, cameo, evidence FROM events")
    assert (event["source_country"], event["target_country"], event["cameo"]) == ("KEN", "TZA", "112")
    assert event["evidence"].startswith("Kenya accused")


def test_failed_article_goes_to_errors(tmp_path: Path) -> None:
    failed = sample_analysis("bad").with_(error=StageFailure("events", "boom"), events=())
    with Store(tmp_path / "e.duckdb") as store:
        store.add(failed)
        [row] = store.query("SELECT id, stage, message FROM errors")
    assert row == {"id": "bad", "stage": "events", "message": "boom"}


def test_summary_aggregates(tmp_path: Path) -> None:
    with Store(tmp_path / "e.duckdb") as store:
        store.add(sample_analysis())
        summary = summarise(store)
    assert summary["quads"] == [{"quad": 3, "n": 1, "goldstein": -2.0}]
    assert summary["dyads"][0]["source"] == "KEN" and summary["dyads"][0]["target"] == "TZA"
    assert summary["speakers"][0] == {"speaker": "William Ruto", "n": 1, "direct": 1}


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)
