from __future__ import annotations

import pickle

import pytest
from spacy.language import Language

from eventwire.nlp import NlpRunner

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
