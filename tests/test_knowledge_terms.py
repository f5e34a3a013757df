"""Titles and organisations in a user's knowledge file: validated on load, theirs before the package's."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventwire.actors.knowledge import _data_lines
from eventwire.cli import main
from eventwire.errors import KnowledgeError
from eventwire.knowledge import Knowledge, read_knowledge_file
from eventwire.knowledge.terms import organization_problems, title_problems
from eventwire.pipeline import Pipeline

#: a made-up body and a title the package does not know, and an override of one the package has
TERMS = """\
titles:
  - {term: harbour master, sector: GOV}
  - {term: dockhands, sector: LAB, kind: group}
organizations:
  - {names: [Coastal Fisheries Council, CFC], code: IGOCFC, sector: IGO}
  - {names: [United Nations, UN], code: IGOUNX, sector: IGO}
"""
SENTENCE = "The Coastal Fisheries Council condemned Norway. Portuguese Harbour Master Lea Moss criticized Spain."


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_package_rows_fit_the_user_schema() -> None:
    for k, row in enumerate(_data_lines("sectors.tsv")):
        assert title_problems({"term": row[0], "sector": row[1], "kind": row[2]}, k, {}) == [], row
    for k, row in enumerate(_data_lines("organizations.tsv")):
        code, country, sector, kind, names = row[:5]
        entry = {
            "names": names.split("|"),
            "code": None if code == "-" else code,
            "sector": None if sector == "-" else sector,
        }
        entry |= {"kind": kind} if kind in ("organization", "group") else {}
        entry |= {} if country == "-" else {"country": country}
        assert organization_problems(entry, k, {}) == [], row


@pytest.mark.parametrize(
    ("text", "line", "key", "reason"),
    [
        ("titles:\n  - {term: admiral, sector: NAVY}\n", 2, "title 'admiral': sector", "unknown sector 'NAVY'"),
        ("titles:\n  - {term: admiral}\n", 2, "title 'admiral': sector", "Field required"),
        ("titles:\n  - {term: admiral, sector: MIL, kind: crew}\n", 2, "title 'admiral': kind", "Input should be"),
        ("organizations:\n  - {names: [X], code: xco}\n", 2, "organization 'X': code", "bad actor code 'xco'"),
        ("organizations:\n  - {names: [X], code: XCO, country: ZZZ}\n", 2, "organization 'X': country", "'ZZZ'"),
        ("organizations:\n  - {names: [X], code: XCO, colour: red}\n", 2, "organization 'X': colour", "unknown key"),
        ("organizations:\n  - code: XCO\n    names: []\n", 3, "organization: names", "at least 1 item"),
    ],
)
def test_a_bad_entry_is_named_with_its_line(tmp_path: Path, text: str, line: int, key: str, reason: str) -> None:
    with pytest.raises(KnowledgeError) as info:
        read_knowledge_file(write(tmp_path, text))
    [problem] = info.value.problems
    assert (problem.line, problem.key) == (line, key) and reason in problem.reason


def test_check_prints_what_the_terms_add_and_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, TERMS)
    assert main(["knowledge", "check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: ok, 0 pattern(s), 2 title(s), 2 organization(s): 3 added, 1 overridden",
        "  line 2: adds title harbour master: GOV",
        "  line 3: adds title dockhands: LAB",
        "  line 5: adds organization Coastal Fisheries Council: IGOCFC",
        "  line 6: overrides organization United Nations: IGOUNX (was IGOUNO)",
    ]


def test_a_later_file_replaces_an_earlier_ones_entry(tmp_path: Path) -> None:
    first = write(tmp_path, TERMS)
    second = tmp_path / "second.yaml"
    second.write_text("titles:\n  - {term: Harbour Master, sector: MIL}\n", encoding="utf-8")
    knowledge = Knowledge.load([first, second])
    assert [t[:2] for t in knowledge.titles] == [("Harbour Master", "MIL"), ("dockhands", "LAB")]
    assert knowledge.changes[-1].kind == "overrides" and knowledge.changes[-1].before == "GOV"


@pytest.mark.slow
def test_two_pipelines_code_the_same_text_each_with_its_knowledge(tmp_path: Path) -> None:
    mine = Pipeline(knowledge=pickle.loads(pickle.dumps(Knowledge.load([write(tmp_path, TERMS)]))))
    theirs = Pipeline()

    def sides(pipeline: Pipeline) -> dict[str, tuple[str | None, str | None]]:
        analysis = pipeline.code_text(SENTENCE, id="terms")
        return {e.source.text: (e.source.code, e.source.sector) for e in analysis.events if e.source is not None}

    assert sides(mine) == {
        "The Coastal Fisheries Council": ("IGOCFC", "IGO"),
        "Portuguese Harbour Master Lea Moss": ("PRTGOV", "GOV"),
    }
    assert all(code != "IGOCFC" and sector != "GOV" for code, sector in sides(theirs).values())
