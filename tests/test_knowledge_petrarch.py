"""``eventwire knowledge check`` and the import of PETRARCH-format verb dictionaries (tests/data/petrarch)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.knowledge import Knowledge, read_knowledge_file
from eventwire.knowledge.petrarch import HEADER, import_petrarch, particles, prepositions, to_petrarch, write_patterns
from eventwire.knowledge.petrarch_actors import import_petrarch_actors, is_actor_dictionary

DATA = Path(__file__).resolve().parent / "data" / "petrarch"
VERBS = DATA / "verbs.txt"


def entry_lines(path: Path) -> list[int]:
    """The lines of a dictionary that are entries: pattern lines and the headers of verbs whose bare use
    has a code ("[---]": the bare verb is no event, as it is no pattern in eventwire)."""
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        header = HEADER.match(text)
        if (header and (header["code"] or "").strip() != "---") or text.startswith("- "):
            out.append(number)
    return out


@pytest.mark.parametrize("name", ["verbs.txt", "orphans.txt"])
def test_every_entry_is_mapped_or_reported(name: str) -> None:
    result = import_petrarch(DATA / name)
    accounted = set(result.lines) | {u.line for u in result.unmapped}
    assert set(entry_lines(DATA / name)) <= accounted  # and stray lines are reported too
    assert not set(result.lines) & {u.line for u in result.unmapped}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (10, {"id": "pet_reprimand", "lemma": ["reprimand"], "code": "111"}),
        (
            15,
            {"id": "pet_reprimand_1", "lemma": ["reprimand"], "prep": ["for"], "comp": ["corruption"], "code": "1121"},
        ),
        (21, {"id": "pet_shun_1", "lemma": ["shun"], "code": "120"}),
        (22, {"id": "pet_shun_2", "lemma": ["shun"], "obj": ["talks"], "code": "125"}),
        (23, {"id": "pet_shun_3", "lemma": ["shun"], "prep": ["from"], "comp": ["meeting"], "code": "-"}),
        (
            27,
            {
                "id": "pet_smuggle_1",
                "lemma": ["smuggle"],
                "prep": ["to"],
                "obj": ["gun", "launcher", "missile", "rifle"],
                "target": "prep",
                "code": "072",
            },
        ),
        (30, {"id": "pet_call_off", "lemma": ["call"], "prt": ["off"], "code": "125"}),
        (32, {"id": "pet_call_off_1", "lemma": ["call"], "prt": ["off"], "obj": ["visit"], "code": "125"}),
    ],
)
def test_entries_map_to_patterns(line: int, expected: dict[str, object]) -> None:
    result = import_petrarch(VERBS)
    assert result.patterns[result.lines.index(line)] == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (34, "multi-word verb"),
        (35, "its verb block (line 34) could not be mapped"),
        (37, "'0399' is not in eventwire's CAMEO table"),
        (38, "words before the verb"),
        (39, "a passive pattern"),
        (40, "compound actor"),
        (41, "brackets"),
        (42, "two prepositions"),
        (43, "'9999'"),
        (44, "no [code]"),
        (45, "the target before the verb"),
    ],
)
def test_unmappable_entries_say_why(line: int, reason: str) -> None:
    [entry] = [u for u in import_petrarch(VERBS).unmapped if u.line == line]
    assert reason in entry.reason


def test_lines_out_of_place_are_reported() -> None:
    result = import_petrarch(DATA / "orphans.txt")
    assert [(u.line, u.reason) for u in result.unmapped] == [
        (1, "a pattern outside any verb block"),
        (2, "a line outside any verb block or synset"),
        (3, "a verb block with no [code]"),
    ]
    assert result.patterns == ({"id": "pet_nocode_1", "lemma": ["nocode"], "code": "111"},)


def test_a_noun_phrase_keeps_its_head_and_says_so() -> None:
    result = import_petrarch(VERBS)
    assert result.patterns[result.lines.index(28)]["obj"] == ["evidence"]
    assert [line for line, _note in result.notes] == [28]


def test_exactly_mapped_entries_round_trip(tmp_path: Path) -> None:
    """Written back as PETRARCH lines under their verb, the imported patterns import to themselves."""
    result = import_petrarch(VERBS)
    lossy = {line for line, _ in result.notes}
    kept = [
        (e, line)
        for e, line in zip(result.patterns, result.lines, strict=True)
        if line not in lossy and len(e.get("obj", [])) <= 1 and len(e.get("comp", [])) <= 1
    ]
    assert len(kept) == 7
    for entry, _line in kept:
        verb = entry["lemma"][0].upper() + ("_" + entry["prt"][0].upper() if entry.get("prt") else "")
        path = tmp_path / "one.txt"
        path.write_text(f"--- {verb} [---] ---\n{to_petrarch(entry)}\n", encoding="utf-8")
        [back] = import_petrarch(path).patterns
        assert {k: v for k, v in back.items() if k != "id"} == {k: v for k, v in entry.items() if k != "id"}


def test_the_written_file_loads_and_keeps_the_source_lines(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text(write_patterns([import_petrarch(VERBS), import_petrarch(VERBS)]), encoding="utf-8")
    kf = read_knowledge_file(out)  # validated: unique ids even when a verb comes twice
    assert len(kf.patterns) == 2 * len(import_petrarch(VERBS).patterns)
    assert "# verbs.txt:27" in out.read_text(encoding="utf-8")
    lexicon = Knowledge.load([out]).lexicon
    assert {p.code for p in lexicon.patterns_for("shun", "v")} == {"120", "125", "-"}


def test_import_command_writes_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.yaml"
    assert main(["knowledge", "import-petrarch", str(VERBS), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{VERBS}: 10 pattern(s) from 6 verb block(s); 11 not mapped" in err
    assert f"{VERBS}:40: not mapped: - * % + [030]: a compound actor" in err
    assert f"{VERBS}:28: mapped with a loss" in err
    assert len(read_knowledge_file(out).patterns) == 10


def test_import_command_of_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "import-petrarch", str(tmp_path / "none.txt")]) == 2
    assert "cannot read the dictionary" in capsys.readouterr().err


def test_check_prints_additions_overrides_and_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        'patterns:\n  - {id: my_shun, lemma: [shun], code: "120"}\n  - {id: praise, lemma: [praise], code: "050"}\n'
    )
    later = tmp_path / "later.yaml"
    later.write_text('patterns:\n  - {id: my_shun, lemma: [shun, snub], code: "125"}\n')
    bad = tmp_path / "bad.yaml"
    bad.write_text('patterns:\n  - {id: x, lemma: [shun], code: "120", weight: 2}\n')
    assert main(["knowledge", "check", str(good), str(later)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{good}: ok, 2 pattern(s): 1 added, 1 overridden",
        "  line 2: adds my_shun (120): shun",
        "  line 3: overrides praise (051 -> 050): praise",
        f"{later}: ok, 1 pattern(s): 0 added, 1 overridden",
        "  line 2: overrides my_shun (120 -> 125): shun, snub",
    ]
    assert main(["knowledge", "check", str(good), str(bad)]) == 2
    out = capsys.readouterr().out
    assert f"{bad}: 1 problem(s)\n  {bad}:2: pattern 'x': weight: unknown key" in out


ACTORS = DATA / "actors.txt"


def test_actor_dictionaries_are_told_from_verb_dictionaries() -> None:
    assert is_actor_dictionary(ACTORS) and not is_actor_dictionary(VERBS)


def test_actors_map_to_people_with_dated_roles() -> None:
    result = import_petrarch_actors(ACTORS)
    assert dict(zip(result.lines, result.people, strict=True)) == {
        3: {
            "name": "Ana Duarte",
            "aliases": ["Duarte", "Ana Maria Duarte"],
            "roles": [["PRT", "LEG", "PRTLEG", "2024-01-01", "2031-02-28"], ["PRT", "GOV", "PRTGOV", "2031-03-01", ""]],
        },
        9: {"name": "Kofi Mensah-Boateng", "roles": [["GHA", "MIL", "GHAMIL", "", ""]]},
        11: {"name": "Lena Vogt", "roles": [["DEU", "GOV", "DEUGOVMIL", "", "2030-01-01"]]},
    }
    assert result.notes == ((12, "code DEUGOVMIL: kept its first sector GOV"),)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (14, "no code that could be mapped"),
        (15, "'IGO' is no country eventwire knows"),
        (16, "date restriction '2901-3001'"),
        (18, "no code that could be mapped"),
        (19, "'XYZ' is no country"),
        (20, "no sector eventwire knows"),
        (22, "the same name as the actor on line 3"),
    ],
)
def test_unmappable_actors_say_why(line: int, reason: str) -> None:
    [entry] = [u for u in import_petrarch_actors(ACTORS).unmapped if u.line == line]
    assert reason in entry.reason


def test_every_actor_and_code_line_is_mapped_or_reported() -> None:
    result = import_petrarch_actors(ACTORS)
    text = ACTORS.read_text(encoding="utf-8").splitlines()
    entries = {n for n, raw in enumerate(text, start=1) if raw.split("#")[0].strip()[:1].isalpha()}
    codes = {n for n, raw in enumerate(text, start=1) if raw.strip().startswith("[")}
    reported = {u.line for u in result.unmapped}
    assert entries <= set(result.lines) | reported
    kept = {6, 7, 12}  # the codes kept as roles (line 9's code is on its actor's line)
    with_their_actor = {23}  # the code of the repeated actor of line 22, reported with it
    assert codes == kept | with_their_actor | (codes & reported)


def test_verbs_and_actors_import_into_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.yaml"
    assert main(["knowledge", "import-petrarch", str(VERBS), str(ACTORS), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{ACTORS}: 3 person(s); 7 not mapped" in err
    assert f"{ACTORS}:12: mapped with a loss: code DEUGOVMIL: kept its first sector GOV" in err
    kf = read_knowledge_file(out)
    assert len(kf.patterns) == 10 and [p["name"] for p in kf.people] == [
        "Ana Duarte",
        "Kofi Mensah-Boateng",
        "Lena Vogt",
    ]
    actors = Knowledge.load([out]).actor_lexicon()
    assert actors is not None and actors.people["duarte"].name == "Ana Duarte"


def test_a_file_of_actors_only_has_no_patterns(tmp_path: Path) -> None:
    text = write_patterns([], [import_petrarch_actors(ACTORS)])
    assert "patterns: []\npeople:\n" in text
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    assert len(read_knowledge_file(path).people) == 3


def test_the_word_lists_of_the_import_are_data() -> None:
    assert {"off", "out"} <= particles() and {"of", "to", "on"} <= prepositions()
    assert not particles() & prepositions()  # a word after the verb is read one way only
