"""User SQL (issue 12, item 11): `export --where` parsed, never spliced; `query --sql` parsed as one SELECT
and run with DuckDB's external access off; SQL errors exit 2 with a message. Real DuckDB, real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.store.db import Store
from eventwire.store.schema import TABLES

from .factories import merge_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sql") / "store.duckdb"
    with Store(path) as store:
        for analysis in merge_corpus():
            store.add(analysis)
        store.rebuild_merged()
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
@pytest.mark.parametrize(
    "where",
    [
        "1=0) TO '{leak}' (FORMAT csv) --",
        "1=1) TO '{leak}' (FORMAT csv); SELECT (1",
        "root IN (SELECT column0 FROM read_csv('{secret}'))",
        "1=1 UNION ALL SELECT * FROM read_csv('{secret}')",
        "1=1; COPY events TO '{leak}'",
        "1=1 ORDER BY 1 LIMIT 1",
    ],
)
def test_export_where_cannot_write_or_read_files(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, where: str
) -> None:
    leak, secret = tmp_path / "leak.csv", tmp_path / "secret.csv"
    secret.write_text("column0\n11\n")
    out = tmp_path / f"out.{fmt}"
    condition = where.format(leak=leak, secret=secret)
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out), "--where", condition]) == 2
    assert not leak.exists() and not out.exists()
    err = capsys.readouterr().err
    assert "--where" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("where", "rows"),
    [
        ("root = '11'", 3),
        ("e.root = '14'", 0),
        ("outlet = 'Wire One'", 1),
        ("cameo LIKE '11%' AND confidence > 0.5", 3),
    ],
)
def test_export_where_still_filters(db: Path, tmp_path: Path, where: str, rows: int) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(out), "--where", where]) == 0
    assert len(out.read_text().splitlines()) == rows


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM '{secret}'",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM 'http://127.0.0.1:9/x.csv'",
        "WITH x AS (SELECT * FROM read_csv('{secret}')) SELECT * FROM x",
    ],
)
def test_query_sql_cannot_read_files_or_the_network(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], sql: str
) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("column0\ntop secret\n")
    assert main(["query", "--db", str(db), "--sql", sql.format(secret=secret), "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert "top secret" not in captured.out and "--sql" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("sql", "rows"),
    [
        ("SELECT 'update' AS word, count(*) AS n FROM events", 1),
        ("SELECT text FROM articles WHERE text ILIKE '%xyzzy set%' OR title = 'drop table'", 0),
        ("DESCRIBE events", len(TABLES["events"])),
        ("SELECT 1 AS one -- delete everything", 1),
    ],
)
def test_query_sql_accepts_read_only_queries_that_merely_contain_write_words(
    db: Path, capsys: pytest.CaptureFixture[str], sql: str, rows: int
) -> None:
    assert main(["query", "--db", str(db), "--sql", sql, "--format", "jsonl"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(out) == rows


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("SELEC 1", "does not parse"),
        ("SELECT nope FROM events", "nope"),
        ("SELECT 1; SELECT 2", "only one"),
        ("INSTALL httpfs", "only one"),
        ("SELECT 1/0::INTEGER AS x FROM events WHERE CAST('x' AS INTEGER) = 1", "--sql"),
    ],
)
def test_query_sql_errors_exit_2_with_a_message(
    db: Path, capsys: pytest.CaptureFixture[str], sql: str, says: str
) -> None:
    assert main(["query", "--db", str(db), "--sql", sql]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_python_api_sql_is_sandboxed_too(db: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("column0\ntop secret\n")
    with eventwire.open(db) as bench:
        assert bench.sql("SELECT 'update' AS w")["w"].tolist() == ["update"]
        with pytest.raises(ConfigError):
            bench.sql(f"SELECT * FROM read_csv('{secret}')")
