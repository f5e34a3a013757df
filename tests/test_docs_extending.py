"""Every example of docs/extending.md runs: its files are written, its commands print what it shows, its
Python sessions pass as doctests (in a fresh process that finds the spaCy factory by entry point)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire.cli import main

from .test_spacy_component import entry_point_site

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "extending.md"
MARK = re.compile(r"^<!-- (file|output): (\S+) -->$")
FENCE = re.compile(r"^```(\w*)$")
EXIT = re.compile(r"#\s*exit (\d+)\s*$")
DOCTEST = """\
import doctest, json, sys
blocks = json.load(open(sys.argv[1], encoding="utf-8"))
runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
globs = {}
for k, text in enumerate(blocks):
    runner.run(doctest.DocTestParser().get_doctest(text, globs, f"block{k}", "extending.md", 0))
sys.exit(1 if runner.failures else 0)
"""


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    #: ("file", name): write it; ("output", name): a file the commands before it must have written
    mark: tuple[str, str] | None


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        mark = MARK.match(lines[i - 1]) if i else None
        end = lines.index("```", i + 1)
        out.append(Block(fence[1], "\n".join(lines[i + 1 : end]) + "\n", (mark[1], mark[2]) if mark else None))
        i = end + 1
    return out


def commands(text: str) -> list[tuple[str, int, list[str]]]:
    """(command, expected exit status, expected lines) of a console block."""
    out: list[tuple[str, int, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            status = EXIT.search(line)
            out.append((line[2:], int(status[1]) if status else 0, []))
        else:
            out[-1][2].append(line)
    return out


def shows(output: list[str], expected: list[str]) -> bool:
    """Whether the output is the expected lines, or, where they hold "...", has them in that order."""
    if "..." not in expected:
        return output == expected
    it = iter(output)
    return all(any(line == got for got in it) for line in expected if line != "...")


def test_the_page_has_every_kind_of_example() -> None:
    found = blocks(DOC.read_text(encoding="utf-8"))
    assert {b.lang for b in found} >= {"yaml", "console", "pycon", "text", "toml"}
    assert sum(b.mark is not None and b.mark[0] == "output" for b in found) == 1
    assert any("add_pipe" in b.text for b in found) and any("import-petrarch" in b.text for b in found)
    files = [b.text for b in found if b.mark is not None and b.mark[0] == "file"]
    for section in ("patterns:", "people:", "titles:", "organizations:", "cues:", "claims:", "places:"):
        assert any(text.startswith(section) or f"\n{section}" in text for text in files), section


@pytest.mark.slow
def test_every_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    sessions: list[str] = []
    for block in blocks(DOC.read_text(encoding="utf-8")):
        if block.mark and block.mark[0] == "file":
            (work / block.mark[1]).write_text(block.text, encoding="utf-8")
        elif block.mark and block.mark[0] == "output":
            assert (work / block.mark[1]).read_text(encoding="utf-8") == block.text
        elif block.lang == "console":
            for command, status, expected in commands(block.text):
                argv = shlex.split(command, comments=True)
                assert argv[0] == "eventwire"
                assert main(argv[1:]) == status, command
                captured = capsys.readouterr()
                output = (captured.out + captured.err).splitlines()
                assert shows(output, expected), f"{command}\n" + "\n".join(output)
        elif block.lang == "pycon":
            sessions.append(block.text)
    script = tmp_path / "sessions.json"
    script.write_text(json.dumps(sessions), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(entry_point_site(tmp_path))])}
    run = subprocess.run(
        [sys.executable, "-c", DOCTEST, str(script)], cwd=work, env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    ("output", "expected", "ok"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a"], False),
        (["a", "x", "b"], ["...", "a", "...", "b"], True),
        (["b", "a"], ["...", "a", "...", "b"], False),
    ],
)
def test_shows_matches_lines_in_order(output: list[str], expected: list[str], ok: bool) -> None:
    assert shows(output, expected) is ok
