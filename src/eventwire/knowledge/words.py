"""The ``words:`` section of a knowledge file: changes to the vocabulary lists (``eventwire.vocabulary``).

    words:
      events.troop_words: {add: [sailor, marine]}          # add words to a list
      actors.weak_titles: {remove: [resident]}             # take words out
      quotes.naming_cues: [call, dub, label, nickname]     # replace the whole list

Each key names one vocabulary list as ``package.list`` (the lists of each package's
``data/en/vocabulary.yaml``). The grammar lists of ``data/en/words.yaml`` (pronouns, prepositions,
auxiliaries ...) are data of the language: a file that names one is refused, as is an unknown list, a
change that leaves a list empty, or the removal of a word the list lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

from ..errors import KnowledgeError, KnowledgeProblem
from ..vocabulary import PACKAGES, Vocabulary, default_vocabulary, grammar_lists

__all__ = ["WordsChange", "apply_words", "word_problems"]


class WordsChange(BaseModel):
    """Words added to and removed from one vocabulary list."""

    model_config = ConfigDict(extra="forbid")

    add: list[StrictStr] = []
    remove: list[StrictStr] = []


def _change(value: Any) -> tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]:
    """(replacement or None, added, removed) of a validated entry."""
    if isinstance(value, list):
        return tuple(dict.fromkeys(value)), (), ()
    change = WordsChange.model_validate(value)
    return None, tuple(change.add), tuple(change.remove)


def _result(before: tuple[str, ...], value: Any) -> tuple[str, ...]:
    """The list after one entry: the replacement, or ``before`` with the removals out and the additions
    at its end (in file order)."""
    replaced, added, removed = _change(value)
    if replaced is not None:
        return replaced
    gone = set(removed)
    kept = tuple(w for w in before if w not in gone)
    return kept + tuple(w for w in dict.fromkeys(added) if w not in kept)


def word_problems(words: Any, lines: dict[str, int], top: int | None) -> list[KnowledgeProblem]:
    """The faults of a ``words:`` section (``lines``: the line of each of its keys)."""
    if not isinstance(words, dict):
        return [KnowledgeProblem(top, "words", "not a mapping", "write `words:` and one `package.list: ...` a line")]
    vocab, grammar = default_vocabulary(), grammar_lists()
    known = set(vocab.keys())
    problems: list[KnowledgeProblem] = []
    for key, value in words.items():
        name, line = f"words: {key}", lines.get(str(key), top)
        if key in grammar:
            problems.append(
                KnowledgeProblem(
                    line,
                    name,
                    f"a grammar list: language data ({grammar[key]}), not a vocabulary list",
                    "a knowledge file may change only the lists of the packages' data/en/vocabulary.yaml",
                )
            )
            continue
        if key not in known:
            package = str(key).split(".", 1)[0]
            lists = sorted(k for k in known if k.startswith(f"{package}."))
            fix = (
                f"the lists of {package} are: {', '.join(lists)}"
                if lists
                else (f"name a list as package.list, package one of: {', '.join(PACKAGES)}")
            )
            problems.append(KnowledgeProblem(line, name, "unknown word list", fix))
            continue
        problems += _value_problems(vocab, str(key), value, line, name)
    return problems


def _value_problems(vocab: Vocabulary, key: str, value: Any, line: int | None, name: str) -> list[KnowledgeProblem]:
    words = value if isinstance(value, list) else None
    if words is None:
        try:
            WordsChange.model_validate(value)
        except ValidationError as exc:
            return [
                KnowledgeProblem(line, name, f"bad value {value!r}", "a list of words, or {add: [...], remove: [...]}")
                for _ in exc.errors()[:1]
            ]
        words = [*value.get("add", []), *value.get("remove", [])]
    bad = [w for w in words if not isinstance(w, str) or not w.strip()]
    if bad:
        return [KnowledgeProblem(line, name, f"{bad[0]!r} is not a word", "quote yes/no/on/off and numbers")]
    if not isinstance(value, list):
        missing = [w for w in value.get("remove", []) if w not in vocab.words(key)]
        if missing:
            return [
                KnowledgeProblem(
                    line, name, f"removes {', '.join(missing)}: not in the package's list", "remove words the list has"
                )
            ]
    if not _result(vocab.ordered(key), value):
        return [KnowledgeProblem(line, name, "leaves the list empty", "keep at least one word")]
    return []


def apply_words(
    vocab: Vocabulary, path: str, entries: Sequence[tuple[str, Any]], lines: Sequence[int]
) -> tuple[Vocabulary, list[tuple[int, str, Literal["adds", "overrides"], str, str]]]:
    """``vocab`` with one file's ``words:`` entries applied in order, and per entry (line, list, kind, what
    it does, the list's size before). A list left empty by the files before is a ``KnowledgeError``."""
    changed: dict[str, tuple[str, ...]] = {}
    out: list[tuple[int, str, Literal["adds", "overrides"], str, str]] = []
    for (key, value), line in zip(entries, lines, strict=True):
        before = changed.get(key, vocab.ordered(key))
        after = _result(before, value)
        if not after:
            raise KnowledgeError(path, [KnowledgeProblem(line, f"words: {key}", "leaves the list empty", "keep one")])
        replaced, added, removed = _change(value)
        kind: Literal["adds", "overrides"] = "adds" if replaced is None and not removed else "overrides"
        if replaced is not None:
            what = "= " + ", ".join(replaced)
        else:
            what = " ".join([*(f"+{w}" for w in added), *(f"-{w}" for w in removed)])
        out.append((line, key, kind, what, f"{len(before)} words"))
        changed[key] = after
    return vocab.with_lists(changed.items()), out
