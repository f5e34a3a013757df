"""End-to-end golden output: the demo corpus codes to exactly ``tests/golden/demo_events.tsv``.

A change in the coder's output fails this test on purpose; when the change is intended, regenerate the
file with ``.venv/bin/python scripts/golden.py`` and commit it with the change (the diff is the review).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.pipeline import Pipeline

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "golden.py"


def _golden_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eventwire_golden", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_demo_corpus_matches_the_golden_file(pipeline: Pipeline) -> None:
    golden = _golden_module()
    expected = golden.GOLDEN.read_text(encoding="utf-8").splitlines()
    got = list(golden.golden_lines(golden.demo_records(pipeline)))
    assert got[0] == expected[0]
    missing = [line for line in expected if line not in got]
    extra = [line for line in got if line not in expected]
    assert not missing and not extra, (
        f"coder output drifted from {golden.GOLDEN.name} (run scripts/golden.py if intended):\n"
        f"missing {missing}\nextra {extra}"
    )
    assert got == expected  # same events, same order
