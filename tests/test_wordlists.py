from __future__ import annotations

import pytest

from eventwire.wordlists import word_list


@pytest.mark.parametrize(("name", "word"), [("place_nouns", "village"), ("locative_preps", "near")])
def test_shared_word_lists_hold_their_words(name: str, word: str) -> None:
    assert word in word_list(name)


def test_an_unknown_list_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        word_list("no_such_list")
