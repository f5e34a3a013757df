from __future__ import annotations

import pickle

import pytest
from spacy.tokens import Doc

from eventwire.model import Analysis, Article
from eventwire.pipeline import Pipeline, default_stages

pytestmark = pytest.mark.slow

TEXTS = [
    "Kenya accused Tanzania of closing the border on Monday.",
    "Police arrested twelve protesters outside the parliament in Belgrade.",
    "Japan promised emergency aid to the Philippines after the typhoon.",
]


class Exploding:
    name = "exploding"

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        if "boom" in analysis.article.text:
            raise ValueError("cannot code this")
        return analysis


def test_stage_order_is_the_documented_one() -> None:
    names = [s.name for s in default_stages()]
    assert names == ["actors", "quotes", "events", "dates", "mentions", "places", "claims", "assess"]


def test_one_bad_article_never_kills_the_batch(pipeline: Pipeline) -> None:
    p = Pipeline(stages=[*pipeline.stages, Exploding()], nlp=pipeline.nlp)
    arts = [
        Article("ok1", TEXTS[0]),
        Article("bad", "boom goes the article."),
        Article("empty", "  "),
        Article("ok2", TEXTS[1]),
    ]
    out = list(p.code_articles(arts))
    assert [a.article.id for a in out] == ["ok1", "bad", "empty", "ok2"]
    assert out[0].error is None and out[3].error is None
    assert out[1].error is not None and out[1].error.stage == "exploding" and "cannot code" in out[1].error.message
    assert out[2].error is not None and out[2].error.stage == "nlp"


def test_duplicates_are_not_coded_again(pipeline: Pipeline) -> None:
    out = list(pipeline.code_articles([Article("a", TEXTS[0]), Article("b", TEXTS[0], duplicate_of="a")]))
    assert out[1].article.duplicate_of == "a" and out[1].events == () and out[1].error is None


def test_parallel_equals_serial_and_keeps_order(pipeline: Pipeline) -> None:
    arts = [Article(f"t{i}", TEXTS[i % 3]) for i in range(7)]
    serial = list(pipeline.code_articles(arts))
    parallel = list(pipeline.code_parallel(arts, workers=2, chunk=2))
    assert [a.article.id for a in parallel] == [a.id for a in arts]
    assert parallel == serial


def test_pipeline_is_picklable(pipeline: Pipeline) -> None:
    clone = pickle.loads(pickle.dumps(pipeline))
    assert [s.name for s in clone.stages] == [s.name for s in pipeline.stages]
