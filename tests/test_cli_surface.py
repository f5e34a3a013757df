"""A command line that never fails silently: clear exit-2 messages, progress with a total, languages."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from eventwire.cli import main, progress_columns
from eventwire.cli.inputs import count_units
from eventwire.ingest.language import check_language, detect
from eventwire.model import Article

GERMAN = (
    "Die Bundesregierung hat am Montag beschlossen, der iranischen Fluggesellschaft Mahan Air die Landeerlaubnis "
    "zu entziehen. Das Ministerium begründete den Schritt mit Sicherheitsbedenken und verwies auf Erkenntnisse "
    "der Nachrichtendienste."
)
ENGLISH = (
    "Germany on Monday banned the Iranian airline Mahan Air from landing in the country. The ministry cited "
    "security concerns and pointed to findings of the intelligence services about the airline."
)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: str(p / "nope.txt"), "no such file or folder"),
        (lambda p: "https://example.org/story.html", "is a URL"),
        (lambda p: (p / "empty").mkdir() or str(p / "empty"), "holds no file eventwire can read"),
        (lambda p: (p / "report.pdf").write_bytes(b"%PDF-1.4") and str(p / "report.pdf"), "cannot read .pdf"),
    ],
)
@pytest.mark.parametrize("command", ["code", "ingest", "extract"])
def test_unreadable_inputs_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str, command: str
) -> None:
    item = make(tmp_path)  # type: ignore[operator]
    extra = ["--db", str(tmp_path / "x.duckdb")] if command == "ingest" else []
    assert main([command, item, *extra, "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["0", "-1", "two", "1000"])
def test_workers_are_validated(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "x.txt", "--db", "x.duckdb", "--workers", value])
    assert exc.value.code == 2 and "--workers must be" in capsys.readouterr().err


def test_progress_shows_total_percentage_and_eta(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(7)))
    (tmp_path / "b.txt").write_text("y")
    assert count_units([str(jsonl), str(tmp_path / "b.txt")]) == 8
    assert count_units(["-"]) is None
    names = {type(c).__name__ for c in progress_columns(8)}
    assert {"MofNCompleteColumn", "TaskProgressColumn", "TimeRemainingColumn"} <= names


def test_eval_names_the_wrong_kind_of_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "events.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "Iraq asked Iran.", "events": []}) + "\n")
    assert main(["eval", "eventloc", str(gold)]) == 2
    assert "is not eventloc gold" in capsys.readouterr().err
    assert main(["eval", "quotes", str(gold)]) == 2
    assert "is not quotes gold" in capsys.readouterr().err


def test_serve_on_a_taken_port_says_so(news_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(news_db), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"port {port}" in err and "taken" in err and "Traceback" not in err


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_on_an_invalid_port_says_so(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--db", "x.duckdb", "--port", port])
    assert exc.value.code == 2 and "--port must be" in capsys.readouterr().err


def test_language_is_detected_offline() -> None:
    assert detect(GERMAN)[0] == "de" and detect(ENGLISH)[0] == "en"
    skipped = check_language(Article(id="de", text=GERMAN))
    assert skipped.error is not None and skipped.error.stage == "language" and "German" in skipped.error.message
    assert check_language(Article(id="en", text=ENGLISH)).error is None


@pytest.mark.slow
def test_code_skips_a_german_article_with_its_reason(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("de", GERMAN), ("en", ENGLISH))))
    out = tmp_path / "out.jsonl"
    assert main(["code", str(src), "-o", str(out), "--workers", "1", "-q"]) == 0
    de, en = (json.loads(line) for line in out.read_text().splitlines())
    assert de["error"]["stage"] == "language" and de["events"] == [] and en["error"] is None


@pytest.mark.slow
def test_query_sql_shows_every_selected_column(news_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = "SELECT id, title, source, published, url, length(text) AS chars FROM articles ORDER BY id LIMIT 2"
    assert main(["query", "--db", str(news_db), "--sql", sql]) == 0
    out = capsys.readouterr().out
    for column in ("id", "title", "source", "published", "url", "chars"):
        assert column in out


@pytest.mark.slow
def test_summary_explains_its_symbols(news_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--db", str(news_db)]) == 0
    out = capsys.readouterr().out
    assert "QuadClass" in out and "Goldstein scale" in out and "quotation marks" in out
