"""People with dated roles in a user's knowledge file (``people:``): validated, merged by name, per pipeline."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from eventwire.actors.knowledge import default_lexicon, lexicon, people_entries
from eventwire.cli import main
from eventwire.errors import KnowledgeError
from eventwire.knowledge import Knowledge, read_knowledge_file
from eventwire.knowledge.people import person_problems
from eventwire.pipeline import Pipeline

#: a person made up here, with a role in the future (no real holder of the post can clash)
PEOPLE = """\
people:
  - name: Ana Duarte
    gender: f
    roles: [[PRT, GOV, Foreign Minister, 2031-03-01, ""], [PRT, LEG, Member of Parliament, 2024, 2031-02-28]]
"""
SENTENCE = "Ana Duarte criticized Spain on Monday."


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_package_people_fit_the_user_schema() -> None:
    for k, entry in enumerate(people_entries()):
        assert person_problems(entry, k, {}) == [], entry


@pytest.mark.parametrize(
    ("person", "key", "reason"),
    [
        ('{name: A B, roles: [[XYZ, GOV, Minister, 2031, ""]]}', "person 'A B': roles", "unknown country 'XYZ'"),
        ('{name: A B, roles: [[PRT, FOO, Minister, 2031, ""]]}', "person 'A B': roles", "unknown sector 'FOO'"),
        ('{name: A B, roles: [[PRT, GOV, Minister, "2031-13-01", ""]]}', "person 'A B': roles", "bad date"),
        ("{name: A B, roles: [[PRT, GOV]]}", "person 'A B': roles", "a role has 2 item(s)"),
        ("{name: A B, roles: []}", "person 'A B': roles", "at least 1 item"),
        ('{name: A B, born: 1990, roles: [[PRT, GOV, Minister, 2031, ""]]}', "person 'A B': born", "unknown key"),
        ('{name: A B, gender: x, roles: [[PRT, GOV, Minister, 2031, ""]]}', "person 'A B': gender", "'m' or 'f'"),
    ],
)
def test_a_bad_person_names_line_key_and_reason(tmp_path: Path, person: str, key: str, reason: str) -> None:
    with pytest.raises(KnowledgeError) as info:
        read_knowledge_file(write(tmp_path, "bad.yaml", f"people:\n  - {person}\n"))
    assert any(p.line == 2 and p.key == key and reason in p.reason for p in info.value.problems), info.value


def test_a_name_twice_in_a_file_is_an_error(tmp_path: Path) -> None:
    one = '  - {name: A B, roles: [[PRT, GOV, Minister, 2031, ""]]}\n'
    text = "people:\n" + one + one.replace("GOV", "MIL")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml:3: person 'A B': name: duplicate name"):
        read_knowledge_file(write(tmp_path, "bad.yaml", text))


def test_people_add_and_override_by_name(tmp_path: Path) -> None:
    package = next(e for e in people_entries() if len(e["roles"]) == 1)
    override = f'  - {{name: {package["name"]}, roles: [[PRT, MIL, General, 2031, ""]]}}\n'
    knowledge = Knowledge.load([write(tmp_path, "p.yaml", PEOPLE + override)])
    changes = [(c.section, c.kind, c.id, c.code) for c in knowledge.changes]
    assert changes == [
        ("person", "adds", "Ana Duarte", "PRT/GOV Foreign Minister"),
        ("person", "overrides", package["name"], "PRT/MIL General"),
    ]
    actors = knowledge.actor_lexicon()
    assert actors is not None and actors is knowledge.actor_lexicon()  # built once
    assert actors.people["ana duarte"].role_at(dt.date(2031, 6, 1)).title == "Foreign Minister"
    assert actors.people[package["name"].lower()].roles[0].country == "PRT"
    assert "ana duarte" not in default_lexicon().people  # the package's lexicon is untouched
    assert knowledge.lexicon is Knowledge.default().lexicon  # no pattern given: the package's event lexicon


def test_the_actor_lexicon_is_active_only_inside(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "p.yaml", PEOPLE)])
    with knowledge.active():
        assert "ana duarte" in lexicon().people
    assert lexicon() is default_lexicon()
    with Knowledge.default().active():
        assert lexicon() is default_lexicon()


def test_pickling_leaves_the_actor_lexicon_behind(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "p.yaml", PEOPLE)])
    assert knowledge.actor_lexicon() is not None
    blob = pickle.dumps(knowledge)
    assert len(blob) < len(pickle.dumps(Knowledge.default())) + 10_000  # the people, not the actor lexicon
    back = pickle.loads(blob)
    assert back.people == knowledge.people and "ana duarte" in back.actor_lexicon().people


def test_check_prints_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "p.yaml", PEOPLE)
    assert main(["knowledge", "check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: ok, 0 pattern(s), 1 person(s): 1 added, 0 overridden",
        "  line 2: adds person Ana Duarte: PRT/GOV Foreign Minister",
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("day", "sector"), [(dt.date(2031, 5, 5), "GOV"), (dt.date(2029, 5, 5), "LEG")])
def test_a_person_is_coded_by_the_role_held_that_day(
    tmp_path: Path, pipeline: Pipeline, day: dt.date, sector: str
) -> None:
    mine = Pipeline(nlp=pipeline.nlp, knowledge=Knowledge.load([write(tmp_path, "p.yaml", PEOPLE)]))

    def source(p: Pipeline) -> tuple[str | None, str | None]:
        [event] = p.code_text(SENTENCE, published=day).events
        assert event.source is not None
        return event.source.country, event.source.sector

    assert source(pipeline) == (None, None)
    assert source(mine) == ("PRT", sector)
    assert source(pipeline) == (None, None)  # the other pipeline is unchanged
