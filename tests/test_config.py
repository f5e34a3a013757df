"""``eventwire.toml``: knowledge paths and the spaCy model, checked when read; --dict files come after."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.cli.args import knowledge_of, pipeline_of
from eventwire.config import load_settings
from eventwire.errors import ConfigError

PATTERNS = 'patterns:\n  - {id: my_reprimand, lemma: [reprimand], code: "111"}\n'
SENTENCE = "Chile reprimanded Peru on Tuesday."


def args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**{"config": None, "dict": [], **values})


def test_no_file_is_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert (settings.path, settings.knowledge, settings.model) == (None, (), None)
    assert knowledge_of(args()) is None


def test_the_file_in_the_working_folder_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "know").mkdir()
    (tmp_path / "know" / "mine.yaml").write_text(PATTERNS)
    (tmp_path / "eventwire.toml").write_text('[knowledge]\npaths = ["know/mine.yaml"]\n[pipeline]\nmodel = "xx_m"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    explicit = load_settings(tmp_path / "eventwire.toml")
    assert explicit.knowledge == ((tmp_path / "know" / "mine.yaml").resolve(),)  # relative to the file
    monkeypatch.chdir(tmp_path)
    assert load_settings().knowledge == explicit.knowledge and load_settings().model == "xx_m"
    pipeline = pipeline_of(args())
    assert pipeline.nlp.model == "xx_m"
    assert [p.code for p in pipeline.knowledge.lexicon.patterns_for("reprimand", "v")] == ["111"]


def test_dict_files_come_after_the_settings_files(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(PATTERNS)
    later = tmp_path / "later.yaml"
    later.write_text(PATTERNS.replace('"111"', '"112"'))
    toml = tmp_path / "project.toml"
    toml.write_text('[knowledge]\npaths = ["mine.yaml"]\n')
    knowledge = knowledge_of(args(config=str(toml), dict=[str(later)]))
    assert knowledge is not None
    assert [(c.kind, c.code) for c in knowledge.changes] == [("adds", "111"), ("overrides", "112")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[knowledge]\npath = []\n", "knowledge.path: unknown key"),
        ("[pipeline]\nstage = []\n", "pipeline.stage: unknown key"),
        ("[pipeline]\nstages = []\n", "pipeline.stages: List should have at least 1 item"),
        ('[pipeline]\nstages = "actors"\n', "pipeline.stages: Input should be a valid list"),
        ("[knowlege]\n", "knowlege: unknown key"),
        ('[knowledge]\npaths = "a.yaml"\n', "knowledge.paths: Input should be a valid list"),
        ("[knowledge\n", "not valid TOML"),
    ],
)
def test_a_bad_file_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    toml = tmp_path / "eventwire.toml"
    toml.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(toml)
    assert str(info.value).startswith(f"{toml}: ") and message in str(info.value)


def test_a_missing_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", SENTENCE, "--config", str(tmp_path / "none.toml")]) == 2
    assert "cannot read the settings file" in capsys.readouterr().err


@pytest.mark.slow
def test_explain_reads_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.yaml").write_text(PATTERNS)
    (tmp_path / "eventwire.toml").write_text('[knowledge]\npaths = ["mine.yaml"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["explain", SENTENCE, "--json"]) == 0
    assert [e["pattern"] for e in json.loads(capsys.readouterr().out)["events"]] == ["my_reprimand"]
