"""The package's data files read alike through libyaml's C parser and the pure-Python one, and stay safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.yamlfile import load_yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
DATA_FILES = sorted(p for p in PACKAGE.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) >= 20


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_data_file_reads_as_with_safe_load(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    got = load_yaml(text)
    assert got == expected and repr(got) == repr(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: [1, two, 3.5, null, true]", {"a": [1, "two", 3.5, None, True]}),
        ("- 2020-01-10\n- '2020-01-10'", [yaml.safe_load("2020-01-10"), "2020-01-10"]),
        ("words: {x: y}", {"words": {"x": "y"}}),
    ],
)
def test_plain_data_is_read(text: str, expected: object) -> None:
    assert load_yaml(text) == expected


def test_python_objects_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
