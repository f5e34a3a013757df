"""The loader of a package's word-list files (``word_lists``): named lists of words, checked on load.

Word lists are knowledge of one language: each lives under its language's folder (``data/<language>/``,
``en`` for English, the only one shipped), and the loader takes the language (default ``"en"``). A
package's GRAMMAR lists are in its ``data/<language>/words.yaml`` (module constants); its VOCABULARY lists
in ``data/<language>/vocabulary.yaml`` are read into the pipeline's ``Vocabulary``
(``eventwire.vocabulary``). Lists more than one stage reads are the ``eventwire`` package's own
(``eventwire/data/en/``), so no stage reaches into another's module.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .errors import ConfigError
from .yamlfile import load_yaml

__all__ = ["DEFAULT_LANGUAGE", "WordLists", "parse_word_lists", "word_lists"]

#: the language whose word lists the package ships (the folder ``data/en/``)
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class WordLists:
    """The named word lists of one data file (a package's ``data/en/words.yaml``), each in file order."""

    source: str
    lists: tuple[tuple[str, tuple[str, ...]], ...]

    def ordered(self, key: str) -> tuple[str, ...]:
        """The list ``key``, in file order (for lists whose order matters)."""
        for name, words in self.lists:
            if name == key:
                return words
        raise ConfigError(f"{self.source}: no word list {key!r}")

    def words(self, key: str) -> frozenset[str]:
        """The list ``key``, as a set."""
        return frozenset(self.ordered(key))


def parse_word_lists(raw: Any, source: str) -> WordLists:
    """Check a loaded word-list file: a mapping of list names to lists of distinct non-empty strings
    (a bare ``no``/``on`` that YAML reads as a boolean is refused: quote it)."""
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{source}: expected a mapping of list names to lists of words")
    lists: list[tuple[str, tuple[str, ...]]] = []
    for key, words in raw.items():
        if not isinstance(key, str) or not key:
            raise ConfigError(f"{source}: list name {key!r} is not a string")
        if not isinstance(words, list) or not words:
            raise ConfigError(f"{source}: {key}: expected a non-empty list of words")
        for word in words:
            if not isinstance(word, str) or not word:
                raise ConfigError(f"{source}: {key}: {word!r} is not a word (quote yes/no/on/off and numbers)")
        if len(set(words)) != len(words):
            twice = sorted({w for w in words if words.count(w) > 1})
            raise ConfigError(f"{source}: {key}: listed twice: {', '.join(twice)}")
        lists.append((key, tuple(words)))
    return WordLists(source, tuple(lists))


@functools.cache
def word_lists(package: str, name: str = "words.yaml", language: str = DEFAULT_LANGUAGE) -> WordLists:
    """The checked word lists of ``data/<language>/<name>`` in ``package`` (e.g. ``eventwire.actors``)."""
    source = f"{package.replace('.', '/')}/data/{language}/{name}"
    try:
        text = resources.files(package).joinpath("data", language, name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError(f"{source}: cannot read the word lists ({exc})") from exc
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({exc})") from exc
    return parse_word_lists(raw, source)
