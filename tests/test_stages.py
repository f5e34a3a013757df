"""The stage contract: declared requirements checked at construction, stages by name, entry points."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.tokens import Doc

from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.model import Analysis
from eventwire.pipeline import Pipeline, default_stages
from eventwire.stages import ENTRY_POINT_GROUP, builtin_stages, check_order, stage_named, stages_named


class Shouter:
    """A third-party stage: notes how many events the article has."""

    name = "shouter"
    requires = ("events",)
    assigns = ("shouts",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        return replace(analysis, notes=(*analysis.notes, (self.name, f"{len(analysis.events)} event(s)")))


class Undeclared:
    """A stage that declares nothing: it requires nothing and may run anywhere."""

    name = "undeclared"

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        return analysis


def test_the_default_order_keeps_the_contract() -> None:
    stages = default_stages()
    check_order(stages)
    assert [s.name for s in stages] == list(builtin_stages())


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["quotes", "actors"], "stage 'quotes' requires actors"),
        (["actors", "events"], "stage 'events' requires quotes"),
        (["shouter"], "no stage named 'shouter'"),
        (["actors", "actors"], "two stages are named 'actors'"),
        (["actors", "quotes", "events", "assess"], "stage 'assess' requires dates"),
    ],
)
def test_a_bad_order_or_name_is_refused_before_anything_runs(names: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        stages_named(names)


def test_a_pipeline_checks_its_stages_as_it_is_built() -> None:
    with pytest.raises(ConfigError, match="stage 'shouter' requires events"):
        Pipeline(stages=[Shouter(), *default_stages()])
    Pipeline(stages=[Undeclared(), *default_stages(), Shouter()])


def test_a_stage_by_module_and_attribute() -> None:
    assert isinstance(stage_named("tests.test_stages:Shouter"), Shouter)
    with pytest.raises(ConfigError, match="cannot be imported"):
        stage_named("tests.test_stages:Nothing")


def test_a_stage_registered_under_the_entry_point_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "my_stages-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: my-stages\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nshouter = tests.test_stages:Shouter\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    stages = stages_named([*builtin_stages(), "shouter"])
    assert isinstance(stages[-1], Shouter)


@pytest.mark.slow
def test_the_settings_file_names_the_stages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Kenya accused Tanzania on Monday of closing the border.", encoding="utf-8")
    settings = tmp_path / "eventwire.toml"
    settings.write_text('[pipeline]\nstages = ["actors", "quotes", "events", "tests.test_stages:Shouter"]\n')
    assert main(["code", str(text), "--config", str(settings), "-q", "--min-confidence", "0"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [(e["cameo"], e["coder"]) for e in record["events"]] == [("112", "lexicon")]
    assert record["places"] == [] and record["events"][0]["date"] is None  # no places or dates stage ran
    settings.write_text('[pipeline]\nstages = ["events"]\n')
    assert main(["code", str(text), "--config", str(settings), "-q"]) == 2
    assert "stage 'events' requires" in capsys.readouterr().err
