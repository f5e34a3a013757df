"""Knowledge passed in: user pattern files (validated on load), merged by id, one lexicon per pipeline."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import yaml

from eventwire.cli import main
from eventwire.errors import ConfigError, KnowledgeError
from eventwire.events.lexicon.lexicon import default_lexicon, lexicon_entries, patterns_for, using_lexicon
from eventwire.knowledge import Knowledge
from eventwire.knowledge.files import PatternEntry, read_knowledge_file
from eventwire.pipeline import Pipeline

#: a verb the package's lexicon does not know, and one it codes as praise (051)
SCOLD = "The Foreign Ministry of Chile reprimanded Peru on Tuesday."
PRAISE = "The government of Ghana praised Togo on Tuesday."

MINE = """\
# my patterns
patterns:
  - {id: my_reprimand, lemma: [reprimand, chastise], code: "111"}
  - {id: praise, lemma: [praise, hail, thank], code: "050"}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def events_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    events = pipeline.code_text(text, published=None).events
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None) for e in events]


def test_the_package_lexicon_fits_the_user_schema() -> None:
    """A user file takes exactly the fields the package's own file uses (the schema follows the lexicon)."""
    for entry in lexicon_entries():
        PatternEntry.model_validate(entry)


def test_a_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "mine.yaml", MINE)])
    changes = [(c.kind, c.id, c.line, c.before, c.code) for c in knowledge.changes]
    assert changes == [("adds", "my_reprimand", 3, None, "111"), ("overrides", "praise", 4, "051", "050")]
    lex = knowledge.lexicon
    assert [p.code for p in lex.patterns_for("reprimand", "v")] == ["111"]
    assert {p.code for p in lex.patterns_for("praise", "v")} == {"050"}
    assert sorted(p.lemma for p in lex.patterns if p.id == "praise") == ["hail", "praise", "thank"]  # replaced
    assert lex.patterns[:2] == tuple(p for p in lex.patterns if p.id == "my_reprimand")  # added ones come first
    assert default_lexicon().patterns_for("reprimand", "v") == ()  # the package's lexicon is untouched


def test_a_later_file_overrides_an_earlier_one(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "patterns:\n  - {id: x_rebuke, lemma: shun, code: '120'}\n")
    second = write(tmp_path, "b.yaml", "patterns:\n  - {id: x_rebuke, lemma: shun, code: '125'}\n")
    knowledge = Knowledge.load([first, second])
    assert [(c.kind, c.before) for c in knowledge.changes] == [("adds", None), ("overrides", "120")]
    assert [p.code for p in knowledge.lexicon.patterns_for("shun", "v")] == ["125"]


def test_patterns_for_reads_the_active_lexicon(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "mine.yaml", MINE)])
    assert patterns_for("reprimand", "v") == ()
    with using_lexicon(knowledge.lexicon):
        assert [p.id for p in patterns_for("reprimand", "v")] == ["my_reprimand"]
    assert patterns_for("reprimand", "v") == ()


@pytest.mark.parametrize(
    ("text", "line", "key", "fix"),
    [
        ("patterns:\n  - {id: a, lemma: shun, code: '9999'}\n", 2, "pattern 'a': code", "cameo_codes.tsv"),
        ("patterns:\n  - {id: a, lemmas: shun, code: '120'}\n", 2, "pattern 'a': lemmas", "the keys are"),
        ("patterns:\n  - {id: a, lemma: shun}\n", 2, "pattern 'a': code", "needs id, lemma and code"),
        ("patterns:\n  - {id: a, lemma: shun, code: 120}\n", 2, "pattern 'a': code", "quote the code"),
        ("patterns:\n  - {id: a, lemma: pull, prt: off, code: '120'}\n", 2, "pattern 'a': prt", "on/off/yes/no"),
        ("patterns:\n  - {id: a, lemma: shun, pos: x, code: '120'}\n", 2, "pattern 'a': pos", "'v' or 'n'"),
        ("patterns:\n  - {id: a, lemma: shun, obj: '@robot', code: '120'}\n", 2, "pattern 'a'", "patterns.yaml"),
        (
            "patterns:\n  - {id: a, lemma: shun, code: '120'}\n\n  - id: a\n    lemma: woo\n    code: '030'\n",
            4,
            "pattern 'a': id",
            "its own id",
        ),
        ("patterns:\n  - {id: a, lemma: shun, code: '120'}\nverbs: []\n", 3, "verbs", "the sections are"),
        ("verbs: []\n", 1, "patterns", "start the file with `patterns:`"),
        ("patterns: [\n", 2, "yaml", "YAML syntax"),
    ],
)
def test_a_bad_file_fails_on_load_naming_line_key_and_fix(
    tmp_path: Path, text: str, line: int, key: str, fix: str
) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(KnowledgeError) as info:
        read_knowledge_file(path)
    err = info.value
    assert isinstance(err, ConfigError) and err.path == str(path)
    assert any(p.line == line and p.key == key and fix in p.fix for p in err.problems), err.problems
    assert f"{path}:{line}: {key}" in str(err)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = "patterns:\n  - {id: a, lemma: shun, code: '9999'}\n  - {id: b, lemmas: shun, code: '120'}\n"
    with pytest.raises(KnowledgeError) as info:
        read_knowledge_file(write(tmp_path, "bad.yaml", text))
    assert [p.line for p in info.value.problems] == [2, 3, 3]  # bad code; missing lemma and unknown key


def test_a_missing_file_is_a_knowledge_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"no-such\.yaml"):
        Knowledge.load([tmp_path / "no-such.yaml"])


def test_no_files_is_the_package_knowledge() -> None:
    assert Knowledge.load([]).lexicon is default_lexicon() and Knowledge.default().changes == ()


def test_knowledge_survives_pickling(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "mine.yaml", MINE)])
    back = pickle.loads(pickle.dumps(Pipeline(knowledge=knowledge))).knowledge
    assert [p.code for p in back.lexicon.patterns_for("reprimand", "v")] == ["111"]
    assert back.changes == knowledge.changes


@pytest.mark.slow
def test_two_pipelines_with_different_knowledge_in_one_process(tmp_path: Path, pipeline: Pipeline) -> None:
    mine = Pipeline(nlp=pipeline.nlp, knowledge=Knowledge.load([write(tmp_path, "mine.yaml", MINE)]))
    assert events_of(pipeline, SCOLD) == []
    assert events_of(mine, SCOLD) == [("111", "CHL", "PER")]
    assert events_of(pipeline, SCOLD) == []  # the first pipeline is unchanged by the second
    assert events_of(pipeline, PRAISE) == [("051", "GHA", "TGO")]
    assert events_of(mine, PRAISE) == [("050", "GHA", "TGO")]


@pytest.mark.slow
def test_dict_option_of_explain_and_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = str(write(tmp_path, "mine.yaml", MINE))
    assert main(["explain", SCOLD, "--json", "--dict", mine]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(e["cameo"], e["pattern"]) for e in out["events"]] == [("111", "my_reprimand")]
    assert any(t["matched"] == "my_reprimand" for t in out["triggers"])
    article = write(tmp_path, "a.txt", SCOLD)
    assert main(["code", str(article), "--dict", mine, "--workers", "1", "-q", "--min-confidence", "0"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["cameo"] for e in record["events"]] == ["111"]


@pytest.mark.parametrize("command", ["code", "ingest", "explain"])
def test_a_bad_dict_exits_2_before_coding(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    bad = str(write(tmp_path, "bad.yaml", yaml.safe_dump({"patterns": [{"id": "a", "lemma": "x", "code": "77"}]})))
    article = str(write(tmp_path, "a.txt", SCOLD))
    args = {
        "code": ["code", article, "-q"],
        "ingest": ["ingest", article, "--db", str(tmp_path / "x.duckdb"), "-q"],
        "explain": ["explain", SCOLD],
    }[command]
    assert main([*args, "--dict", bad]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2: pattern 'a': code: '77' is not a CAMEO code" in err and "Traceback" not in err


def gold_line(sid: str, text: str, source: str, target: str) -> str:
    side = {"text": None, "code": None, "country": None, "sector": None}
    event = {
        "source": {**side, "code": source, "country": source},
        "target": {**side, "code": target, "country": target},
        "cameo": "111",
        "root": "11",
        "penta": 3,
        "plover": None,
        "location": None,
    }
    record = {"id": sid, "dataset": "mine", "text": text, "date": "2024-05-16", "exhaustive": True, "events": [event]}
    return json.dumps(record) + "\n"


@pytest.mark.slow
def test_eval_scores_a_dictionary_against_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two dictionary versions compared on the same gold: ``eval events --dict``."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        gold_line("s1", SCOLD, "CHL", "PER")
        + gold_line("s2", "The government of Bolivia chastised Ecuador over the border dispute.", "BOL", "ECU")
    )
    mine = str(write(tmp_path, "mine.yaml", MINE))
    scores = []
    for extra in ([], ["--dict", mine]):
        assert main(["eval", "events", str(gold), "--json", "-q", "--workers", "1", *extra]) == 0
        scores.append(json.loads(capsys.readouterr().out)["mine"])
    assert (scores[0]["no_event"], scores[1]["no_event"]) == (2, 0)
    assert scores[1]["penta_acc"] == 1.0


@pytest.mark.slow
def test_dask_workers_load_the_users_knowledge(tmp_path: Path) -> None:
    """The worker plugin is pickled to every Dask worker: the pipeline it loads there has the user's files."""
    from eventwire.cluster.runner import EventwirePlugin

    sent = pickle.loads(pickle.dumps(EventwirePlugin(None, Knowledge.load([write(tmp_path, "mine.yaml", MINE)]))))
    sent.setup(worker=None)
    assert events_of(sent.pipeline, SCOLD) == [("111", "CHL", "PER")]
    default = EventwirePlugin(None)
    default.setup(worker=None)
    assert events_of(default.pipeline, SCOLD) == []
