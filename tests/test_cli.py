from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import _flatten, build_parser, main

pytestmark = pytest.mark.slow

STORY = (
    "Border row deepens\n\nKenya accused Tanzania on Monday of closing the border to Kenyan trucks.\n\n"
    '"We want the crossings open," President William Ruto said in Nairobi.\n'
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_code_writes_contract_records_in_input_order(tmp_path: Path, story: Path) -> None:
    missing = tmp_path / "unreadable.txt"
    missing.write_text("")  # an empty file: an error record, the run goes on
    out = tmp_path / "out.jsonl"
    rc = main(
        [
            "code",
            str(story),
            str(missing),
            "--published",
            "2024-03-04",
            "--source",
            "Test Wire",
            "-o",
            str(out),
            "--workers",
            "1",
            "--quiet",
        ]
    )
    assert rc == 0
    good, bad = read_jsonl(out)
    assert good["id"] == str(story) and good["published"] == "2024-03-04" and good["source"] == "Test Wire"
    assert good["error"] is None and "Kenya accused Tanzania" in str(good["text"])
    assert bad["id"] == str(missing) and isinstance(bad["error"], dict) and bad["error"]["stage"] in ("ingest", "nlp")


@pytest.mark.parametrize("fmt", ["gdelt", "csv"])
def test_code_other_formats(tmp_path: Path, story: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["code", str(story), "--format", fmt, "-o", str(out), "--workers", "1", "-q"]) == 0
    assert out.exists()


def test_unwritable_output_is_a_clear_error(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["code", str(story), "-o", "/nonexistent-dir/out.jsonl", "--workers", "1", "-q"])
    assert rc == 2
    assert "does not exist" in capsys.readouterr().err


def test_extract_prints_cleaned_text(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(story), "-q"]) == 0
    [rec] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"id", "url", "title", "published", "source", "text", "error"} <= rec.keys()


@pytest.mark.parametrize(
    "command", ["extract", "code", "eval", "explain", "ingest", "summary", "query", "export", "serve"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helptext = sub.choices[command].format_help()  # type: ignore[union-attr]
    assert "example" in helptext


def test_ingest_is_idempotent(tmp_path: Path, story: Path) -> None:
    db = tmp_path / "e.duckdb"
    args = ["ingest", str(story), "--db", str(db), "--workers", "1", "-q"]
    assert main(args) == 0 and main(args) == 0
    from eventwire.store.db import Store

    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_explain_names_the_pattern_that_coded_the_event(capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Iraq asked the United States to withdraw its troops from the country."
    assert main(["explain", sentence, "--published", "2020-01-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert any(t["text"] == "asked" for t in out["parse"])
    [asked] = [t for t in out["triggers"] if t["token"] == "asked"]
    assert asked["matched"] and asked["outcome"].startswith("coded E")
    event = out["events"][0]
    assert event["pattern"] == asked["matched"] and event["source"]["country"] == "IRQ"


def test_explain_says_why_nothing_was_coded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "The weather was pleasant in the capital on Sunday.", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["events"] == []


def test_metrics_print_a_reliability_table_one_line_per_bin() -> None:
    metrics = {
        "petr2-gsr": {"dyad_root": {"f1": 0.5}, "reliability": [{"bin": "[0.8,1.0)", "n": 29, "precision": 0.8966}]}
    }
    rows = dict(_flatten("", metrics))
    assert rows == {"petr2-gsr.dyad_root.f1": "0.5000", "petr2-gsr.reliability [0.8,1.0)": "29 events, 0.90 right"}


#: a story of several sentences: the document-level threshold judges documents, not a sentence or two
LONGER_STORY = (
    STORY + "Tanzania rejected the accusation on Tuesday.\n\nThe two governments will meet in Arusha next week.\n"
)


def test_min_confidence_hides_events_and_counts_them(tmp_path: Path) -> None:
    story = tmp_path / "longer.txt"
    story.write_text(LONGER_STORY)

    def run(threshold: str) -> dict[str, object]:
        out = tmp_path / f"out-{threshold}.jsonl"
        argv = ["code", str(story), "--published", "2024-03-04", "-o", str(out), "--workers", "1", "--quiet"]
        assert main([*argv, "--min-confidence", threshold]) == 0
        return read_jsonl(out)[0]

    everything, nothing = run("0"), run("1")
    events = everything["events"]
    assert isinstance(events, list) and events, "the story has events to hide"
    assert everything["events_hidden"] == 0
    assert nothing["events"] == [] and nothing["events_hidden"] == len(events)


@pytest.mark.parametrize("bad", ["1.5", "-0.1", "high"])
def test_a_bad_min_confidence_is_refused(story: Path, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["code", str(story), "--min-confidence", bad])
    assert exit_.value.code == 2
    assert "--min-confidence" in capsys.readouterr().err


def test_code_text_hides_events_under_the_threshold_it_is_given() -> None:
    import eventwire

    text = LONGER_STORY
    every = eventwire.code_text(text, published="2024-03-04", min_confidence=0.0)
    none = eventwire.code_text(text, published="2024-03-04", min_confidence=1.0)
    assert every.events and not none.events and none.hidden_events == len(every.events)
    sentence = "Kenya accused Tanzania on Monday of closing the border to Kenyan trucks."
    kept = eventwire.code_text(sentence, published="2024-03-04", min_confidence=1.0)
    assert kept.events and kept.hidden_events == 0  # one sentence is no document: nothing is hidden
