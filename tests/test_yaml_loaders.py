"""The knowledge files read the same through libyaml's C loader as through PyYAML's pure-Python one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: p.name)
def test_c_loader_reads_what_the_python_loader_reads(path: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        pytest.skip("PyYAML built without libyaml: the pure-Python loader is used")
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=loader) == yaml.safe_load(text)
