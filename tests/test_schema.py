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
    ARTICLE_COLUMNS,
    FIELD_ORDER,
    RECORD_TABLES,
    JsonShape,
    RowContext,
    analysis_table_rows,
    event_row,
    field_order,
    filled_columns,
    json_keys,
    json_record,
    record_columns,
    shape_of,
    sql_type,
    table_columns,
)
from eventwire.schema.views import CODED_CSV, EVENT_LIST, EVENT_TABLE, View, article_select
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
    """The one edit: ``Event`` gets two fields (before anything reads the model), one of them placed in the
    declared order after ``confidence``; a store ingests events that carry them, and every output shows them
    in the schema's order: the JSON record and the store's columns (and so its CSV export) where the order
    puts them; the listings (``eventwire query``'s rows and table, the web's JSON, ``eventwire code`` CSV)
    after the columns they name, the placed field before the other."""
    script = textwrap.dedent(
        """
        import contextlib, csv, dataclasses, io, json, sys
        import eventwire.model as model

        @dataclasses.dataclass(frozen=True, slots=True)
        class Event(model.Event):
            desk: str | None = None
            reviewer: str | None = None

        model.Event = Event  # the one edit, as if written in model.py ...
        from eventwire.schema.order import FIELD_ORDER
        kind = next(c for c in Event.__mro__ if c in FIELD_ORDER)
        at = FIELD_ORDER[kind].index("confidence") + 1
        FIELD_ORDER[kind] = (*FIELD_ORDER[kind][:at], "reviewer", *FIELD_ORDER[kind][at:])  # ... and its place

        from fastapi.testclient import TestClient
        from eventwire.cli import main
        from eventwire.export.records import coded_record
        from eventwire.export.writers import open_writer
        from eventwire.store.db import Store
        from eventwire.store.export import export_store
        from eventwire.web.app import create_app
        sys.path.insert(0, sys.argv[2])
        from tests.factories import sample_analysis

        out, db = {}, sys.argv[1] + "/s.store"
        analysis = sample_analysis()
        fields = {f.name: getattr(analysis.events[0], f.name) for f in dataclasses.fields(model.Event.__base__)}
        analysis = analysis.with_(events=(Event(**fields, reviewer="ann", desk="world"),))
        out["json"] = list(coded_record(analysis)["events"][0])
        stream = io.StringIO()
        open_writer("csv", stream).write(analysis)
        out["code_csv"] = list(csv.DictReader(io.StringIO(stream.getvalue())))
        with Store(db) as store:
            store.add(analysis)
        with Store(db, read_only=True) as store:
            out["columns"] = [r["column_name"] for r in store.query("DESCRIBE events")]
        export_store(db, "csv", sys.argv[1] + "/out.csv")
        out["export_csv"] = list(csv.DictReader(open(sys.argv[1] + "/out.csv")))
        shown = ["--min-confidence", "0", "--modality", "any"]
        for fmt in ("jsonl", "table"):
            text = io.StringIO()
            with contextlib.redirect_stdout(text):
                main(["query", "--db", db, *shown, "--format", fmt])
            out[fmt] = text.getvalue()
        web = TestClient(create_app(db), base_url="http://127.0.0.1")
        out["web"] = web.get("/api/events?min_confidence=0&modality=any").json()["events"]
        print(json.dumps(out))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "1000"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(ROOT)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])

    def after(keys: list[str], first: str) -> list[str]:
        return keys[keys.index(first) + 1 :]

    assert after(out["json"], "confidence")[:2] == ["reviewer", "basis"] and out["json"][-1] == "desk"
    assert after(out["columns"], "confidence")[:2] == ["reviewer", "pattern"] and out["columns"][-1] == "desk"
    [exported] = out["export_csv"]
    assert after(list(exported), "confidence")[:2] == ["reviewer", "pattern"] and list(exported)[-1] == "desk"
    assert (exported["reviewer"], exported["desk"]) == ("ann", "world")
    [coded] = out["code_csv"]
    assert list(coded)[-3:] == ["url", "reviewer", "desk"] and (coded["reviewer"], coded["desk"]) == ("ann", "world")
    [row] = [json.loads(line) for line in out["jsonl"].splitlines()]
    assert list(row)[-3:] == ["evidence_end", "reviewer", "desk"] and (row["reviewer"], row["desk"]) == ("ann", "world")
    [web] = out["web"]
    assert list(web)[-4:] == ["evidence_end", "reviewer", "desk", "evidence_html"] and web["reviewer"] == "ann"
    header = next(line for line in out["table"].splitlines() if "source_name" in line)
    assert header.index("evidence") < header.index("reviewer") < header.index("desk")
    assert "ann" in out["table"] and "world" in out["table"]


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


# ---- one declared order per record kind, and the views declared by name


@pytest.mark.parametrize("cls", sorted(FIELD_ORDER, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_a_declared_order_names_every_field_of_its_kind_once(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    assert sorted(FIELD_ORDER[cls]) == sorted(names)
    assert field_order(cls) == (FIELD_ORDER[cls], ())


def test_the_json_record_and_the_store_table_follow_the_one_order() -> None:
    """The event's JSON keys and its table's columns appear in the same relative order: the declared one."""
    declared = FIELD_ORDER[Event]
    columns = [c.path.split(".")[0] for c in record_columns("events") if c.path]
    keys = [k for k in json_keys(Event) if k in declared]
    assert columns == sorted(columns, key=declared.index)
    assert keys == sorted(keys, key=declared.index)
    assert field_order(TaggedEvent) == (declared, ("reviewer", "cue"))


@pytest.mark.parametrize("view", [EVENT_LIST, EVENT_TABLE], ids=["list", "table"])
def test_a_view_names_only_columns_that_exist_and_places_every_one(view: View) -> None:
    table = {c.name for c in record_columns(view.table)}
    assert set(view.shown) <= table | set(ARTICLE_COLUMNS) and view.hidden <= table | set(ARTICLE_COLUMNS)
    # today every column is shown or hidden on purpose: a column a new field adds is the only one that follows
    assert table - set(view.shown) - view.hidden == set()
    assert view.columns() == view.shown


def test_a_view_shows_a_new_table_column_after_its_own(tagged_table: str) -> None:
    view = dataclasses.replace(EVENT_LIST, table=tagged_table)
    assert view.columns() == (*EVENT_LIST.shown, "reviewer", "cue_start", "cue_end", "cue")
    assert view.table_columns()[0] == "article" and "article_id" not in view.table_columns()
    assert view.article_columns() == ("article_id", "title", "url", "outlet")
    assert "a.id AS article_id" in view.select() and "e.cue_end" in view.select()


def test_the_coded_csv_reads_existing_keys_and_adds_new_ones_after_its_own() -> None:
    keys = set(json_keys(Event))
    assert all(path.split(".")[0] in keys | {"article"} for _, path in CODED_CSV.shown)
    assert CODED_CSV.hidden <= keys
    assert CODED_CSV.headers() == tuple(h for h, _ in CODED_CSV.shown)
    tagged = dataclasses.replace(CODED_CSV, record=TaggedEvent)
    assert tagged.headers() == (*CODED_CSV.headers(), "reviewer", "cue")
    record = coded_record(_tagged(sample_analysis()))
    from eventwire.export.writers import _csv_row

    row = dict(zip(tagged.headers(), _csv_row(record, record["events"][0], tagged), strict=True))
    assert (row["article_id"], row["event_id"], row["trigger"], row["reviewer"]) == ("a1", "E1", "accused", "desk")
    assert json.loads(row["cue"]) == {"start": 6, "end": 13, "text": "accused"}  # a nested record as JSON text


def test_an_event_row_carries_the_article_columns_in_their_declared_order() -> None:
    analysis = sample_analysis()
    row = event_row(analysis, analysis.events[0], "k1")
    assert list(row)[: len(ARTICLE_COLUMNS)] == list(ARTICLE_COLUMNS)
    assert article_select(("article_id", "url")) == "a.id AS article_id, a.url"
