"""The one schema: the JSON record and the store tables are derived from model.py, so a field is one edit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest

from eventwire.export import gdelt
from eventwire.export.plover import plover_records
from eventwire.export.records import coded_record
from eventwire.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Place,
    Quote,
    Span,
    StageFailure,
    article_key,
    event_key,
)
from eventwire.schema import (
    RECORD_TABLES,
    JsonShape,
    RowContext,
    analysis_table_rows,
    event_row,
    filled_columns,
    json_record,
    record_columns,
    shape_of,
    sql_type,
    table_columns,
)
from eventwire.store import merge
from eventwire.store.rows import TABLE_COLUMNS
from eventwire.store.schema import TABLES

from .factories import sample_analysis

ROOT = Path(__file__).resolve().parents[1]

#: every record class of the JSON record of ``eventwire code``
JSON_CLASSES = (Analysis, Article, Actor, Quote, Event, Place, Claim, Span, StageFailure)


def _json_keys(cls: type, name: str, shape: JsonShape) -> set[str]:
    """The keys a field of ``cls`` may write (its own, a rename, the keys it spreads)."""
    if name in shape.spread:
        return set(shape.spread[name].values())
    return {shape.names.get(name, name)}


@pytest.mark.parametrize("cls", JSON_CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_in_the_json_record_or_left_out_on_purpose(cls: type) -> None:
    analysis = sample_analysis().with_(claims=(_claim(),), error=StageFailure("events", "boom"))
    records = {
        Analysis: analysis,
        Article: analysis.article,
        Actor: analysis.actors[0],
        Quote: analysis.quotes[0],
        Event: analysis.events[0],
        Place: analysis.places[0],
        Claim: analysis.claims[0],
        Span: analysis.events[0].evidence,
        StageFailure: analysis.error,
    }
    record = json_record(records[cls])
    shape = shape_of(cls)
    for f in dataclasses.fields(cls):
        if f.name in shape.omit:
            continue
        if f.name in shape.flat:
            inner = json_record(getattr(records[cls], f.name))
            assert set(inner) <= set(record), f"{cls.__name__}.{f.name}"
            continue
        assert _json_keys(cls, f.name, shape) <= set(record), f"{cls.__name__}.{f.name} is not in the JSON record"


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_every_field_is_in_its_store_table_or_left_out_on_purpose(table: str) -> None:
    spec = RECORD_TABLES[table]
    read = {c.path.split(".")[0] for c in record_columns(table) if c.path}
    for f in dataclasses.fields(spec.record):
        assert f.name in read or f.name in spec.omit, f"{spec.record.__name__}.{f.name} is not in table {table}"
    assert not spec.omit - {f.name for f in dataclasses.fields(spec.record)}, "omit names a field that is gone"


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_the_store_reads_its_record_tables_from_the_schema(table: str) -> None:
    assert TABLES[table] == table_columns(table)
    assert TABLE_COLUMNS[table] == filled_columns(table)
    # the columns the writer fills itself are the ones with no value
    assert set(dict(TABLES[table])) - set(filled_columns(table)) <= {"ingested_at", "logged_at"}


def test_the_merged_events_columns_are_typed_as_the_events_columns() -> None:
    events = dict(TABLES["events"])
    for name, kind in TABLES["merged_events"]:
        if name in events:
            assert kind == events[name], name
    assert tuple(n for n, _ in TABLES["merged_events"]) == merge.MERGE_COLUMNS


@pytest.mark.parametrize(
    ("hint", "sql"),
    [
        (str, "VARCHAR"),
        (str | None, "VARCHAR"),
        (int, "INTEGER"),
        (float | None, "DOUBLE"),
        (bool, "BOOLEAN"),
        (dt.date, "DATE"),
        (dt.datetime, "TIMESTAMP"),
        (Literal["for", "against"], "VARCHAR"),
    ],
)
def test_a_column_type_comes_from_the_annotation(hint: Any, sql: str) -> None:
    assert sql_type(hint) == sql


def test_a_field_with_no_column_type_asks_to_be_declared() -> None:
    with pytest.raises(TypeError, match="declare"):
        sql_type(tuple[str, ...])


# ---- a field defined once reaches the JSON record, the store rows and the exports


@dataclasses.dataclass(frozen=True, slots=True)
class TaggedEvent(Event):
    """An event with two fields more, defined here only."""

    reviewer: str | None = None
    cue: Span | None = None


def _tagged(analysis: Analysis) -> Analysis:
    event = analysis.events[0]
    cue = analysis.events[0].trigger
    tagged = TaggedEvent(
        **{f.name: getattr(event, f.name) for f in dataclasses.fields(Event)}, reviewer="desk", cue=cue
    )
    return analysis.with_(events=(tagged,))


@pytest.fixture
def tagged_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A store table of TaggedEvent declared as the real events table is (nothing said of the new fields)."""
    name = "tagged_events"
    monkeypatch.setitem(RECORD_TABLES, name, dataclasses.replace(RECORD_TABLES["events"], record=TaggedEvent))
    yield name
    record_columns.cache_clear()


def test_a_new_field_reaches_the_json_record_after_the_others() -> None:
    analysis = _tagged(sample_analysis())
    plain = coded_record(sample_analysis())["events"][0]
    record = coded_record(analysis)["events"][0]
    assert list(record) == [*plain, "reviewer", "cue"]
    assert record["reviewer"] == "desk"
    assert record["cue"] == {"start": 6, "end": 13, "text": "accused"}


def test_a_new_field_reaches_the_store_table_after_the_others(tagged_table: str) -> None:
    columns = table_columns(tagged_table)
    assert columns[: len(TABLES["events"])] == TABLES["events"]
    assert columns[len(TABLES["events"]) :] == [
        ("reviewer", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("cue", "VARCHAR"),
    ]
    [row] = analysis_table_rows(tagged_table, RowContext(_tagged(sample_analysis()), "k1"))
    assert row[-4:] == ("desk", 6, 13, "accused")


def test_a_field_whose_columns_cannot_be_derived_must_be_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed(Event):
        labels: tuple[str, ...] = ()

    monkeypatch.setitem(RECORD_TABLES, "listed_events", dataclasses.replace(RECORD_TABLES["events"], record=Listed))
    try:
        with pytest.raises(TypeError, match=r"Listed\.labels"):
            table_columns("listed_events")
    finally:
        record_columns.cache_clear()


def test_a_new_model_field_is_written_read_and_exported_from_a_store(tmp_path: Path) -> None:
    """The one edit: ``Event`` gets a field (before anything reads the model); a store ingests events that
    carry it, queries it back, and its export holds it; the JSON record too."""
    script = textwrap.dedent(
        """
        import dataclasses, json, sys
        import eventwire.model as model

        @dataclasses.dataclass(frozen=True, slots=True)
        class Event(model.Event):
            reviewer: str | None = None

        model.Event = Event  # the one edit, as if written in model.py

        from eventwire.export.records import coded_record
        from eventwire.store.db import Store
        from eventwire.store.export import export_store
        sys.path.insert(0, sys.argv[2])
        from tests.factories import sample_analysis

        analysis = sample_analysis()
        fields = {f.name: getattr(analysis.events[0], f.name) for f in dataclasses.fields(model.Event.__base__)}
        analysis = analysis.with_(events=(Event(**fields, reviewer="desk"),))
        with Store(sys.argv[1] + "/s.store") as store:
            store.add(analysis)
        with Store(sys.argv[1] + "/s.store", read_only=True) as store:
            [row] = store.query("SELECT event, reviewer FROM events")
        export_store(sys.argv[1] + "/s.store", "jsonl", sys.argv[1] + "/out.jsonl")
        [exported] = [json.loads(line) for line in open(sys.argv[1] + "/out.jsonl")]
        print(json.dumps([row, exported["reviewer"], coded_record(analysis)["events"][0]["reviewer"]]))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(ROOT)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [{"event": "E1", "reviewer": "desk"}, "desk", "desk"]


# ---- the exporters read the schema's row


def test_the_event_row_is_the_store_events_row_with_the_article() -> None:
    analysis = sample_analysis()
    row = event_row(analysis, analysis.events[0], "k1")
    [stored] = analysis_table_rows("events", RowContext(analysis, "k1"))
    assert {k: v for k, v in row.items() if k in TABLE_COLUMNS["events"]} == dict(
        zip(TABLE_COLUMNS["events"], stored, strict=True)
    )
    assert (row["article_id"], row["outlet"], row["source_name"]) == ("a1", "Example Wire", "Kenya")


def test_gdelt_plus_columns_come_from_the_event_row() -> None:
    analysis = sample_analysis()
    row = event_row(analysis, analysis.events[0], article_key(analysis.article))
    [ev] = gdelt.from_analysis(analysis, dt.datetime(2024, 1, 1))
    assert ev.extra == gdelt.extra_cells(row)
    assert dict(zip(gdelt.EXTRA_COLUMNS, ev.extra, strict=True))["EventID"] == "E1"
    assert ev.id == event_key(article_key(analysis.article), "E1") == merge.head_id(article_key(analysis.article), "E1")


def test_plover_reads_the_event_row() -> None:
    [rec] = plover_records(sample_analysis())
    assert (rec["actor"]["name"], rec["recipient"]["name"], rec["story"]["publisher"]) == (
        "Kenya",
        "Tanzania",
        "Example Wire",
    )


def _claim() -> Claim:
    text = sample_analysis().article.text
    evidence = Span(0, text.index(".") + 1, text[: text.index(".") + 1])
    return Claim("trade:KEN", "Kenya wants trade", "for", "A1", "Kenya", evidence, Span(6, 13, text[6:13]))


def test_a_subclass_is_written_with_its_parents_shape() -> None:
    assert shape_of(TaggedEvent) is shape_of(Event)
    assert shape_of(Span) == JsonShape()  # a record no shape names: its fields in order
