"""The vocabulary of one pipeline (``Vocabulary``): the open-class word lists a user may tune.

Word lists come in two kinds. GRAMMAR lists (pronouns, determiners, prepositions, auxiliaries,
conjunctions, relatives, negation particles, possessives) are data of the language: each package reads
them from its ``data/<language>/words.yaml`` into module constants (``wordlists.word_lists``), as spaCy
keeps its stop words. VOCABULARY lists are open-class content words that carry domain knowledge (light
verbs, troop words, titles, speech verbs, institutions ...): each package keeps them in its
``data/<language>/vocabulary.yaml``, and they are read here into one frozen ``Vocabulary``, the package
defaults plus the ``words:`` sections of a user's knowledge files (``eventwire.knowledge``).

The code reads a vocabulary list at use time from the vocabulary made active by ``using_vocabulary`` (the
pipeline does so around its stages, as it does the event lexicon), else from the package's own, so two
pipelines with different vocabularies run in one process::

    vocabulary().words("events.troop_words")     # a frozenset
    vocabulary().ordered("places.generic_prefixes")  # in file order

A list is named ``package.list``: the package is one of ``PACKAGES`` (``eventwire`` for the lists of
``eventwire/data``).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache

from .active import Active
from .wordlists import DEFAULT_LANGUAGE, word_lists

__all__ = [
    "PACKAGES",
    "Vocabulary",
    "default_vocabulary",
    "grammar_lists",
    "using_vocabulary",
    "vocabulary",
]

#: the packages with a vocabulary file, by the short name a list key starts with
PACKAGES = {
    "eventwire": "eventwire",
    "actors": "eventwire.actors",
    "events": "eventwire.events",
    "places": "eventwire.places",
    "quotes": "eventwire.quotes",
}
#: the packages whose word lists are all grammar (no vocabulary file)
GRAMMAR_ONLY = {"dates": "eventwire.dates", "store": "eventwire.store"}
VOCABULARY_FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class Vocabulary:
    """The vocabulary lists of one pipeline, each under ``package.list``, in file order."""

    lists: tuple[tuple[str, tuple[str, ...]], ...]
    _sets: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    _ordered: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ordered", dict(self.lists))
        object.__setattr__(self, "_sets", {key: frozenset(words) for key, words in self.lists})

    def words(self, key: str) -> frozenset[str]:
        """The list ``key`` (``package.list``), as a set (KeyError for no such list)."""
        return self._sets[key]

    def ordered(self, key: str) -> tuple[str, ...]:
        """The list ``key``, in order (for lists whose order matters)."""
        return self._ordered[key]

    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.lists)

    def with_lists(self, changed: Iterable[tuple[str, tuple[str, ...]]]) -> Vocabulary:
        """A copy with the lists ``changed`` replaced (every key must be one of this vocabulary's)."""
        new = dict(changed)
        unknown = set(new) - set(self._ordered)
        if unknown:
            raise KeyError(f"no vocabulary list {', '.join(sorted(unknown))}")
        return Vocabulary(tuple((key, new.get(key, words)) for key, words in self.lists))


@cache
def default_vocabulary(language: str = DEFAULT_LANGUAGE) -> Vocabulary:
    """The package's own vocabulary: every package's ``data/<language>/vocabulary.yaml``."""
    lists: list[tuple[str, tuple[str, ...]]] = []
    for short, package in PACKAGES.items():
        for name, words in word_lists(package, VOCABULARY_FILE, language).lists:
            lists.append((f"{short}.{name}", words))
    return Vocabulary(tuple(lists))


@cache
def grammar_lists(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every grammar list, as ``package.list``, with the file it lives in (a user cannot change them)."""
    out: dict[str, str] = {}
    for short, package in {**PACKAGES, **GRAMMAR_ONLY}.items():
        lists = word_lists(package, language=language)
        out.update({f"{short}.{name}": lists.source for name, _ in lists.lists})
    return out


_ACTIVE: Active[Vocabulary] = Active("vocabulary")


def vocabulary() -> Vocabulary:
    """The vocabulary of the pipeline now running (``using_vocabulary``), else the package's own."""
    return _ACTIVE.get() or default_vocabulary()


def using_vocabulary(vocab: Vocabulary) -> AbstractContextManager[Vocabulary]:
    """Make ``vocab`` the one ``vocabulary()`` returns, inside the block (in this thread or task only)."""
    return _ACTIVE.using(vocab)
