"""Shared fixtures: the spaCy pipeline (loaded once) and the ../shared folder (skip when absent)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

from eventwire.nlp import load_nlp

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's fresh clone has none)")
    return SHARED


NEWS = Path(__file__).resolve().parents[1] / "examples" / "news"


def news_subset(path: Path, per_corpus: int = 6) -> Path:
    """A JSONL of the first ``per_corpus`` real articles of each corpus in examples/news."""
    lines: list[str] = []
    for corpus in ("wikinews", "state_dept"):
        with (NEWS / corpus / "articles.jsonl").open(encoding="utf-8") as f:
            lines += [next(f) for _ in range(per_corpus)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def news_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of twelve real articles (Wikinews and State Department), coded once per test session."""
    from eventwire.cli import main

    folder = tmp_path_factory.mktemp("news")
    db = folder / "news.duckdb"
    assert main(["ingest", str(news_subset(folder / "news.jsonl")), "--db", str(db), "--workers", "1", "-q"]) == 0
    return db
