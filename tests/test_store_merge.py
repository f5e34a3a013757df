"""Merging across articles, near-duplicate detection and claims, on a corpus written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.store.db import Store
from eventwire.store.neardup import NearDuplicateIndex, signature
from eventwire.store.views import claims, merged_events

from .factories import WIRE, merge_corpus


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "merge.duckdb")
    for analysis in merge_corpus():
        s.add(analysis)
    s.rebuild_merged()
    return s


def test_same_event_from_several_articles_is_one_event(store: Store) -> None:
    total, rows = merged_events(store)
    accusations = [r for r in rows if r["cameo"] == "112"]
    assert total == 1 and len(accusations) == 1
    event = accusations[0]
    assert (event["source_country"], event["target_country"]) == ("KEN", "TZA")
    assert event["num_mentions"] == 3 and event["num_articles"] == 3
    # the wire copy is a near-duplicate of the first article: not an independent source
    assert event["num_sources"] == 2
    mentions = store.query("SELECT article, evidence FROM event_mentions")
    assert len(mentions) == 3 and all(m["evidence"] for m in mentions)


def test_near_duplicate_is_marked(store: Store) -> None:
    rows = store.query("SELECT id, near_duplicate_of IS NOT NULL AS near FROM articles ORDER BY id")
    assert {r["id"]: r["near"] for r in rows} == {"claims-3": False, "copy-1": True, "other-2": False, "wire-1": False}


@pytest.mark.parametrize(
    "other, similar",
    [
        (WIRE.replace("Friday", "Saturday"), True),
        (WIRE + " Markets were calm.", True),
        ("Japan promised emergency aid to the Philippines after a typhoon destroyed thousands of homes.", False),
    ],
)
def test_near_duplicate_index(other: str, similar: bool) -> None:
    index = NearDuplicateIndex()
    assert index.add("a", signature(WIRE)) is None
    assert (index.add("b", signature(other)) == "a") is similar


def test_disputed_claim_has_both_sides(store: Store) -> None:
    [claim] = claims(store)
    assert claim["disputed"] is True
    assert [x["holder"] for x in claim["for"]] == ["Iraqi Parliament"]
    assert [x["holder"] for x in claim["against"]] == ["Mike Pompeo"]


def test_merging_skips_negated_mentions(tmp_path: Path) -> None:
    from dataclasses import replace

    analysis = merge_corpus()[0]
    negated = analysis.with_(events=tuple(replace(e, modality="negated") for e in analysis.events))
    with Store(tmp_path / "n.duckdb") as s:
        s.add(negated)
        assert s.rebuild_merged() == 0
