from __future__ import annotations

import pickle
import random

import numpy as np
import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp import CLOSE_MARKS, OPEN_MARKS, STRAIGHT, NlpRunner, parse_table, quote_bounds, trees_in_sentences

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


def _one_token_at_a_time(doc: Doc) -> Doc:
    """The component as first written (token by token, quadratic): the reference for the array version."""
    flags = [False] * len(doc)
    open_ = False
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            open_ = False
            continue
        flags[i] = open_
        if tok.text in OPEN_MARKS:
            open_ = True
        elif tok.text in CLOSE_MARKS:
            open_ = False
        elif tok.text == STRAIGHT:
            open_ = not open_
    for i in range(1, len(doc)):
        tok, prev = doc[i], doc[i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
        elif flags[i] or tok.text in CLOSE_MARKS or (tok.text == STRAIGHT and flags[i - 1]):
            tok.is_sent_start = False
    return doc


PIECES = ["He said", "“", "”", '"', "«", "»", "\n", "\n\n", "  ", " \n ", "Yes.", "No!", "they left", ",", "\t", "'"]


@pytest.mark.parametrize("seed", range(40))
def test_quote_bounds_match_the_token_by_token_rules(seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60) if seed < 30 else 3000))
    blank = spacy.blank("en")
    expected = _one_token_at_a_time(blank.make_doc(text)).to_array([SENT_START])
    assert (quote_bounds(blank.make_doc(text)).to_array([SENT_START]) == expected).all()


def test_quote_bounds_on_a_long_parsed_text(nlp: Language) -> None:
    paragraph = 'Officials met. “We will stay. We will not leave,” he said. She said: "No. Never." Talks went on.'
    text = "\n\n".join([paragraph] * 350)
    reference = _one_token_at_a_time(nlp.make_doc(text)).to_array([SENT_START])
    doc = nlp(text)
    starts = [s.start for s in doc.sents]
    assert len(doc) > 10_000 and (reference[starts] != np.uint64(2**64 - 1)).all()
    assert all(s.text.count("“") == s.text.count("”") for s in doc.sents)
