"""query / export / summary and the Python API over a real DuckDB store built from records written here."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

import eventwire
from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.store.db import Store
from eventwire.store.query import EventQuery, is_read_only_sql

from .factories import merge_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store.duckdb"
    with Store(path) as store:
        for analysis in merge_corpus():
            store.add(analysis)
        store.rebuild_merged()
    return path


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], 3),
        (["--dyad", "KEN:TZA"], 3),
        (["--dyad", "TZA:KEN"], 0),
        (["--country", "TZA"], 3),
        (["--cameo", "11*"], 3),
        (["--cameo", "14"], 0),
        (["--quad", "3"], 3),
        (["--since", "2024-03-09"], 0),
        (["--until", "2024-03-08"], 3),
        (["--place", "nairobi"], 3),
        (["--text", "accused border"], 3),
        (["--actor", "kenya"], 3),
        (["--limit", "1"], 1),
    ],
)
def test_query_filters(db: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: int) -> None:
    assert main(["query", "--db", str(db), "--format", "jsonl", *args]) == 0
    assert len(jsonl(capsys.readouterr().out)) == expected


def test_query_merged_and_claims(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--db", str(db), "--merged", "--format", "jsonl"]) == 0
    [merged] = jsonl(capsys.readouterr().out)
    assert merged["num_articles"] == 3 and merged["num_sources"] == 2
    assert main(["query", "--db", str(db), "--claims", "--format", "jsonl"]) == 0
    [claim] = jsonl(capsys.readouterr().out)
    assert claim["disputed"] is True and claim["for"] == "Iraqi Parliament"


def test_sql_must_be_read_only(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "query",
                "--db",
                str(db),
                "--sql",
                "SELECT root, count(*) AS n FROM events GROUP BY 1",
                "--format",
                "jsonl",
            ]
        )
        == 0
    )
    assert jsonl(capsys.readouterr().out) == [{"root": "11", "n": 3}]
    assert main(["query", "--db", str(db), "--sql", "DELETE FROM events"]) == 2
    assert "read-only" in capsys.readouterr().err


@pytest.mark.parametrize(
    "sql, ok",
    [
        ("SELECT 1", True),
        ("with x as (select 1) select * from x", True),
        ("DROP TABLE events", False),
        ("SELECT 1; DELETE FROM events", False),
        ("COPY events TO 'x.csv'", False),
    ],
)
def test_read_only_guard(sql: str, ok: bool) -> None:
    assert is_read_only_sql(sql) is ok


@pytest.mark.parametrize("bad", [{"cameo": "x1"}, {"quad": 5}, {"country": "Iraq"}, {"dyad": "IRQ"}, {"limit": 0}])
def test_query_validation(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        EventQuery(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt, rows", [("parquet", 3), ("csv", 3), ("jsonl", 3), ("gdelt", 1)])
def test_export_formats(db: Path, tmp_path: Path, fmt: str, rows: int) -> None:
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    if fmt == "parquet":
        with duckdb.connect() as con:
            count = con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()
        assert count is not None and count[0] == rows
    elif fmt == "csv":
        assert len(out.read_text().splitlines()) == rows + 1
    elif fmt == "jsonl":
        assert len(jsonl(out.read_text())) == rows
    else:
        [line] = out.read_text().splitlines()
        cells = line.split("\t")
        assert len(cells) == 61 and cells[26] == "112" and cells[31:34] == ["3", "2", "3"]


def test_export_where(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "some.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(out), "--where", "root = '14'"]) == 0
    assert out.read_text() == ""
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(out), "--where", "1=1; DROP TABLE x"]) == 2


def test_python_api_returns_dataframes(db: Path) -> None:
    with eventwire.open(db) as bench:
        frame = bench.events(dyad="KEN:TZA")
        assert list(frame["cameo"]) == ["112", "112", "112"]
        assert bench.merged_events(min_articles=2)["num_articles"].tolist() == [3]
        assert bench.claims(disputed_only=True)[0]["proposition"] == "United States troops will leave Iraq"
        assert bench.sql("SELECT count(*) AS n FROM articles")["n"].tolist() == [4]
        with pytest.raises(ConfigError):
            bench.sql("DELETE FROM articles")
