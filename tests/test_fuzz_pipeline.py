"""Property-based fuzzing of the whole pipeline on generated text (real spaCy, every stage), and of the
pure functions long inputs go through (the text splitter, the highlighter): no exception escapes, every
article gets one record in order, every failure is a record with its id and stage, every offset points
into the article's text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from eventwire.model import Analysis, Article, Span
from eventwire.nlp import split_text
from eventwire.pipeline import Pipeline
from eventwire.web.render import highlight

from .fuzz import cases, news, texts

STAGES = {"nlp", "actors", "quotes", "events", "dates", "places", "claims"}


def spans(analysis: Analysis) -> Iterator[Span]:
    for actor in analysis.actors:
        yield from actor.mentions
    for quote in analysis.quotes:
        yield quote.span
        if quote.cue is not None:
            yield quote.cue
    for event in analysis.events:
        yield event.evidence
        yield event.trigger
    for place in analysis.places:
        yield place.span
    for claim in analysis.claims:
        yield claim.evidence
        yield claim.cue


def check(analysis: Analysis, article: Article) -> None:
    assert analysis.article.id == article.id and analysis.article.text == article.text
    if analysis.error is not None:
        assert analysis.error.stage in STAGES and analysis.error.message
        return
    text = article.text
    for span in spans(analysis):
        assert 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text
    for event in analysis.events:
        for side in (event.source, event.target):
            if side is not None and side.start is not None and side.end is not None:
                assert text[side.start : side.end] == side.text


@pytest.mark.slow
@cases(400)
@given(text=st.one_of(news, texts, news.map(lambda t: '"' + t), news.map(lambda t: t.replace(". ", "\n"))))
def test_pipeline_on_generated_text(pipeline: Pipeline, text: str) -> None:
    article = Article("fuzz", text)
    [analysis] = pipeline.code_articles([article])
    check(analysis, article)


@pytest.mark.slow
@cases(80)
@given(batch=st.lists(st.tuples(st.sampled_from(["a", "b", "a"]), st.one_of(news, texts)), min_size=1, max_size=6))
def test_pipeline_batches_keep_every_article_apart(pipeline: Pipeline, batch: list[tuple[str, str]]) -> None:
    articles = [Article(i, t) for i, t in batch]
    out = list(pipeline.code_articles(articles))
    assert len(out) == len(articles)
    for analysis, article in zip(out, articles, strict=True):
        check(analysis, article)


def naive_highlight(text: str, marks: list[tuple[int, int, str]], offset: int) -> str:
    """The obvious per-character version, as the reference."""
    classes: list[set[str]] = [set() for _ in text]
    for start, end, cls in marks:
        for i in range(max(start - offset, 0), min(end - offset, len(text))):
            classes[i].add(cls)
    out, run = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or classes[i] != classes[run]:
            names = " ".join(sorted(classes[run]))
            piece = str(escape(text[run:i]))
            out.append(f'<span class="{names}">{piece}</span>' if names else piece)
            run = i
    return "".join(out)


@cases(400)
@given(
    text=texts,
    marks=st.lists(
        st.tuples(st.integers(-5, 60), st.integers(-5, 60), st.sampled_from(["actor", "trigger", "quote", "place"])),
        max_size=8,
    ),
    offset=st.integers(0, 10),
)
def test_highlight_equals_the_per_character_reference(
    text: str, marks: list[tuple[int, int, str]], offset: int
) -> None:
    assert str(highlight(text, marks, offset=offset)) == naive_highlight(text, marks, offset)


@cases(300)
@given(text=st.one_of(texts, news), size=st.integers(2, 40))
def test_split_text_pieces_join_back(text: str, size: int) -> None:
    pieces = split_text(text, size)
    assert "".join(pieces) == text and all(len(p) <= size for p in pieces)
    assert all(pieces[:-1]) and len(pieces) >= 1


APPOS = (
    "Mike Pompeo, the U.S. secretary of state, met Iraq's prime minister, Adel Abdul Mahdi, on Friday. "
    "The chairman of the Joint Chiefs, Gen. Mark Milley, said the army, a force of 5,000, would stay."
)


@pytest.fixture(scope="module")
def appos_doc(nlp: Any) -> Any:
    return nlp(APPOS)


@pytest.mark.slow
@cases(300)
@given(
    titles=st.lists(st.tuples(st.integers(0, 45), st.integers(1, 5)), min_size=1, max_size=3),
    person=st.tuples(st.integers(0, 45), st.integers(1, 5)),
)
def test_apposition_finder_equals_the_pairwise_test(
    appos_doc: Any, titles: list[tuple[int, int]], person: tuple[int, int]
) -> None:
    from eventwire.actors.coder import _appos_finder, _appos_linked

    doc = appos_doc
    mentions = [(s, min(s + k, len(doc))) for s, k in titles]
    m = (person[0], min(person[0] + person[1], len(doc)))
    assert _appos_finder(doc, mentions)(m) == any(_appos_linked(doc, t, m) for t in mentions)
