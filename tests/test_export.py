from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.export.gdelt import GDELT_EVENT_COLUMNS, gdelt_rows, header
from eventwire.export.records import coded_record
from eventwire.export.writers import CSV_COLUMNS, atomic_output, open_writer
from eventwire.model import StageFailure

from .factories import sample_analysis

CONTRACT_TOP = {
    "id",
    "url",
    "title",
    "published",
    "source",
    "text",
    "error",
    "actors",
    "quotes",
    "events",
    "places",
}
CONTRACT_EVENT = {
    "id",
    "source",
    "target",
    "cameo",
    "root",
    "quad",
    "penta",
    "goldstein",
    "plover",
    "date",
    "date_end",
    "location",
    "modality",
    "confidence",
    "evidence",
}


def test_coded_record_has_every_contract_field() -> None:
    rec = coded_record(sample_analysis())
    assert rec.keys() >= CONTRACT_TOP
    event = rec["events"][0]
    assert event.keys() >= CONTRACT_EVENT
    assert event["source"]["country"] == "KEN" and event["target"]["country"] == "TZA"
    assert rec["text"][event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]
    trig = event["evidence"]["trigger"]
    assert rec["text"][trig["start"] : trig["end"]] == "accused"
    assert event["date"] == "2024-03-08" and event["location"]["name"] == "Nairobi"
    quote = rec["quotes"][0]
    assert quote["speaker"]["actor"] == "A3" and quote["kind"] == "direct"
    json.dumps(rec)  # serialisable


def test_error_is_reported_with_stage() -> None:
    analysis = sample_analysis().with_(error=StageFailure("events", "ValueError: bad"))
    assert coded_record(analysis)["error"] == {"stage": "events", "message": "ValueError: bad"}


def test_gdelt_row_has_61_columns_then_evidence() -> None:
    rows = list(gdelt_rows(sample_analysis(), added=dt.datetime(2024, 3, 9), extra=True))
    assert len(rows) == 1
    row = dict(zip(header(extra=True), rows[0], strict=True))
    assert len(GDELT_EVENT_COLUMNS) == 61
    assert row["SQLDATE"] == "20240308" and row["EventCode"] == "112" and row["EventRootCode"] == "11"
    assert row["Actor1CountryCode"] == "KEN" and row["Actor2CountryCode"] == "TZA"
    assert len(next(iter(gdelt_rows(sample_analysis())))) == 61
    assert row["QuadClass"] == 3 and row["GoldsteinScale"] == "-2.0"
    assert row["ActionGeo_FullName"] == "Nairobi, Kenya" and row["ActionGeo_CountryCode"] == "KE"
    assert row["DATEADDED"] == "20240309000000"
    assert row["EvidenceText"].startswith("Kenya accused Tanzania")


@pytest.mark.parametrize("fmt", ["jsonl", "gdelt", "csv"])
def test_writers_produce_parsable_output(fmt: str) -> None:
    stream = io.StringIO()
    open_writer(fmt, stream, added=dt.datetime(2024, 3, 9)).write(sample_analysis())
    out = stream.getvalue()
    if fmt == "jsonl":
        assert json.loads(out)["id"] == "a1"
    elif fmt == "gdelt":
        assert len(out.rstrip("\n").split("\t")) == len(header()) == 61
    else:
        rows = list(csv.reader(io.StringIO(out)))
        assert tuple(rows[0]) == CSV_COLUMNS and rows[1][7] == "112"


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="--format"):
        open_writer("xml", io.StringIO())


def test_atomic_output_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_output(str(target)) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]
    with atomic_output(str(target)) as stream:
        stream.write("new\n")
    assert target.read_text() == "new\n"


def test_atomic_output_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"), atomic_output(str(tmp_path / "no" / "x.jsonl")):
        pass


def test_atomic_output_writes_a_pipe_in_place_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    """`-o /dev/null` or a FIFO is written to, never replaced by a regular file."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    with atomic_output(str(fifo)) as stream:
        stream.write("hello\n")
    reader.join(timeout=10)
    assert got == ["hello\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_atomic_output_gives_a_new_file_the_users_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.jsonl"
        with atomic_output(str(target)) as stream:
            stream.write("{}\n")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        with atomic_output(str(target)) as stream:  # a replaced file keeps its mode
            stream.write("{}\n")
        assert target.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_atomic_output_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"), atomic_output(str(tmp_path)):
        pass
