from __future__ import annotations

import pickle

import pytest
from spacy.language import Language

from eventwire.nlp import NlpRunner, parse_table, trees_in_sentences

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            'He said: "We will stay. We will not leave. Nobody asked us to go." Then he left.',
            "We will stay. We will not leave. Nobody asked us to go.",
        ),
        (
            "“The talks failed. They may resume. Or not,” the envoy said on Monday.",
            "The talks failed. They may resume. Or not,",
        ),
    ],
)
def test_sentences_never_split_a_quotation(nlp: Language, text: str, quote: str) -> None:
    doc = nlp(text)
    start = text.index(quote)
    end = start + len(quote)
    containing = [s for s in doc.sents if s.start_char <= start < s.end_char]
    assert containing and containing[0].end_char >= end


def test_paragraph_break_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Leaders meet in Rome\n\nThe leaders of three countries met on Friday.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Leaders meet in Rome",
        "The leaders of three countries met on Friday.",
    ]


def test_runner_pickles_without_the_model() -> None:
    runner = NlpRunner()
    assert runner.nlp is not None
    clone = pickle.loads(pickle.dumps(runner))
    assert clone._nlp is None and clone.model == runner.model


def test_parse_table_reads_what_the_tokens_say(nlp: Language) -> None:
    doc = nlp(
        "The UN envoy, who arrived in Geneva on Monday, said Israel must ease the curbs.\n\n"
        "“Talks resumed,” officials said. Will they hold?"
    )
    table = parse_table(doc)
    for tok in doc:
        assert table.lemma[tok.i] == tok.lemma_.lower()
        assert (table.lower[tok.i], table.pos[tok.i], table.dep[tok.i]) == (tok.lower_, tok.pos_, tok.dep_)
        assert table.head[tok.i] == tok.head.i
        assert table.children(tok.i) == [c.i for c in tok.children]
    assert trees_in_sentences(doc)
    empty = nlp("")
    assert parse_table(empty).lemma == [] and trees_in_sentences(empty)
