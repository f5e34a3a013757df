"""``nlp.add_pipe("eventwire")``: eventwire's stages as a spaCy component, registered by entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import eventwire.spacy_component  # noqa: F401 - registers the factory in this process
from eventwire.assess import load_weights
from eventwire.nlp import MODEL_NAME
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Kenya accused Tanzania on Monday of closing the border.",
    "The army of Mali attacked rebels near the town of Gao, officials in Bamako said.",
    "Brazil and Argentina signed a trade agreement in Buenos Aires.",
]


@pytest.fixture(scope="module")
def plain() -> Language:
    """A plain spaCy pipeline (no eventwire component of ours before the parser), then eventwire."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventwire", config={"published": "2021-03-10"})
    return nlp


def entry_point_site(tmp_path: Path) -> Path:
    """A folder holding the metadata an install writes for our ``spacy_factories`` entry point (read
    from pyproject.toml), so that spaCy finds the factory the way it does in an installed package."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    points = project["project"]["entry-points"]["spacy_factories"]
    info = tmp_path / "eventwire_entry_points-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: eventwire-entry-points\nVersion: 0.0\n")
    lines = "".join(f"{name} = {target}\n" for name, target in points.items())
    (info / "entry_points.txt").write_text(f"[spacy_factories]\n{lines}")
    return tmp_path


@pytest.mark.slow
def test_the_entry_point_registers_the_factory(tmp_path: Path) -> None:
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({MODEL_NAME!r})\n"
        "nlp.add_pipe('eventwire')\n"
        f"doc = nlp({TEXTS[0]!r})\n"
        "print(json.dumps([[e.cameo, e.source.country, e.target.country] for e in doc._.events]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(entry_point_site(tmp_path))])}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [["112", "KEN", "TZA"]]


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS)
def test_the_component_codes_as_the_pipeline_does(plain: Language, pipeline: Pipeline, text: str) -> None:
    import datetime as dt

    doc = plain(text)
    expected = pipeline.code_text(text, published=dt.date(2021, 3, 10)).at_least(load_weights().min_confidence)
    assert doc._.analysis.error is None
    assert doc._.events == expected.events and doc._.events
    assert doc._.actors == expected.actors and doc._.places == expected.places and doc._.quotes == expected.quotes


@pytest.mark.slow
def test_the_component_sets_every_extension(plain: Language) -> None:
    doc = plain('"We will not give up," the president of Ghana said in Accra on Friday.')
    assert [q.speaker.text for q in doc._.quotes if q.speaker] == ["the president of Ghana"]
    assert {a.country for a in doc._.actors} == {"GHA"}
    assert "Accra" in [p.name for p in doc._.places]
    assert doc._.analysis.article.published is not None


@pytest.mark.slow
def test_the_component_takes_knowledge_files(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text('patterns:\n  - {id: my_reprimand, lemma: [reprimand], code: "111"}\n', encoding="utf-8")
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventwire", config={"dicts": [str(mine)], "min_confidence": 0.0})
    doc = nlp("Chile reprimanded Peru on Tuesday.")
    assert [(e.cameo, e.pattern) for e in doc._.events] == [("111", "my_reprimand")]
