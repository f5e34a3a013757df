"""The Python API: typed frames, no row cap, the shared filters, and a package safe to `import *`."""

from __future__ import annotations

import builtins
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import eventwire
from eventwire.errors import ConfigError

pytestmark = pytest.mark.slow


def test_import_star_shadows_no_builtin() -> None:
    names: dict[str, object] = {}
    exec("from eventwire import *", names)
    assert not {n for n in names if not n.startswith("__")} & set(dir(builtins))
    assert callable(eventwire.open)


def test_events_are_typed_frames(news_db: Path) -> None:
    with eventwire.open(news_db) as bench:
        frame = bench.events(modality="any", min_confidence=0)
        assert len(frame) > 20
        assert pd.api.types.is_datetime64_any_dtype(frame["date"])
        assert pd.api.types.is_float_dtype(frame["confidence"]) and pd.api.types.is_integer_dtype(frame["quad"])
        assert list(frame["date"].dropna()) == sorted(frame["date"].dropna(), reverse=True)  # newest first
        empty = bench.events(country="ZZZ")
        assert len(empty) == 0 and "cameo" in empty.columns and pd.api.types.is_datetime64_any_dtype(empty["date"])


def test_no_row_cap_and_paging(news_db: Path) -> None:
    with eventwire.open(news_db) as bench:
        every = bench.events(modality="any", min_confidence=0)
        assert len(every) == bench.sql("SELECT count(*) AS n FROM events")["n"].iloc[0]
        page = bench.events(modality="any", min_confidence=0, limit=5, offset=5)
        assert list(page["event"]) == list(every["event"][5:10])
        streamed = sum(b.num_rows for b in bench.batches(batch_rows=7, modality="any", min_confidence=0))
        assert streamed == len(every)


def test_arrow_and_filters(news_db: Path) -> None:
    with eventwire.open(news_db) as bench:
        table = bench.arrow(modality="any", min_confidence=0)
        assert isinstance(table, pa.Table) and pa.types.is_date32(table.schema.field("date").type)
        asserted = bench.events(min_confidence=0)
        assert set(asserted["modality"]) == {"asserted"}  # the default
        sure = bench.events(min_confidence=0.6, modality="any")
        assert (sure["confidence"] >= 0.6).all() and len(sure) < len(table)
        wiki = bench.events(outlet="wikinews", modality="any", min_confidence=0)
        assert len(wiki) and set(wiki["outlet"]) == {"Wikinews (English)"}
        gov = bench.events(sector="GOV", modality="any", min_confidence=0)
        assert ((gov["source_sector"] == "GOV") | (gov["target_sector"] == "GOV")).all()
        plover = bench.events(plover="CONSULT", modality="any", min_confidence=0)
        assert set(plover["plover"]) == {"CONSULT"}
        published = bench.events(since="2021-01-01", dates="article", modality="any", min_confidence=0)
        assert set(published["outlet"]) == {"U.S. Department of State (press releases RSS feed)"}
        assert isinstance(bench.merged_events(frame="arrow"), pa.Table)
        with pytest.raises(ConfigError):
            bench.events(modality="maybe")
        with pytest.raises(ConfigError):
            bench.events(sort="nonsense")
