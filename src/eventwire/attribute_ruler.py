"""spaCy's attribute ruler, applied with arrays: the same rules give the same tokens in a tenth of the time.

The English pipeline's ``attribute_ruler`` maps each fine-grained tag to its part of speech and
morphology and mends a few words (179 rules). spaCy applies them with a ``Matcher``: every rule is tried
at every token in Python, and each match sets its token's attributes one by one. That is about a tenth of
the whole parse (2.3 of 22 CPU seconds on 200 news articles), more than our tagger and lemmatizer
together. ``ArrayAttributeRuler`` is that component with the same patterns, ``add_patterns``,
serialization and result; only the application differs: each rule's conditions are compared over the
doc's attribute columns at once (``Doc.to_array``), the winning value of every attribute is worked out per
token (a later rule wins, as in spaCy, which applies matches in rule order) and the columns are written
back with one ``Doc.from_array``.

Rules the array form does not cover (an ``OP`` quantifier, an extension attribute, a predicate other than
``IN``, ``NOT_IN`` and ``REGEX``, a test of the sentence start, the morphology or the IOB tag, an
attribute to set other than POS, TAG, DEP, LEMMA and MORPH) make the
component apply every rule the way spaCy's own does, so a pipeline with such rules still gets spaCy's
result. ``tests/test_attribute_ruler.py`` checks that the two give the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["ArrayAttributeRuler", "make_array_attribute_ruler", "use_array_attribute_ruler"]

#: the attributes a rule may set in the array form (a token attribute each, never a lexeme's)
SETTABLE = frozenset({POS, TAG, DEP, LEMMA, MORPH})
_ALIASES = {"TEXT": "ORTH"}
#: attributes the Matcher reads in its own way (sentence starts, normalised morphology, IOB names)
_MATCHER_OWN = frozenset({"SENT_START", "IS_SENT_START", "MORPH", "ENT_IOB"})


@dataclass(frozen=True)
class _Condition:
    """One test on one attribute column of one token of a pattern."""

    column: int  # index into the rule set's columns
    op: str  # "==", "IN", "NOT_IN" or "REGEX"
    value: Any  # a hash, an array of hashes, or a compiled regex


@dataclass(frozen=True)
class _Pattern:
    """One pattern of a rule: its length, the token it sets (from its start) and its tests, each with the
    token it reads (from its start), cheap tests first and regular expressions last."""

    length: int
    target: int
    tests: tuple[tuple[int, _Condition], ...]


@dataclass(frozen=True)
class _Rule:
    """One rule: its patterns and what it sets (attribute, value)."""

    patterns: tuple[_Pattern, ...]
    sets: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Compiled:
    columns: tuple[int, ...]
    rules: tuple[_Rule, ...]  # in spaCy's order: a later rule wins
    written: tuple[int, ...]  # the attributes some rule sets


class _Unsupported(Exception):
    """A rule the array form does not cover."""


def _compile(vocab: Vocab, patterns: Sequence[dict[str, Any]], attrs: Sequence[dict[int, int]]) -> _Compiled:
    columns: list[int] = []

    def column(name: str) -> int:
        attr = IDS.get(_ALIASES.get(name.upper(), name.upper()))
        if attr is None or name.upper() in _MATCHER_OWN:
            raise _Unsupported(name)
        if attr not in columns:
            columns.append(attr)
        return columns.index(attr)

    def condition(name: str, spec: Any) -> list[_Condition]:
        col = column(name)
        if isinstance(spec, bool):
            return [_Condition(col, "==", int(spec))]
        if isinstance(spec, str):
            return [_Condition(col, "==", vocab.strings.add(spec))]
        if isinstance(spec, int):
            return [_Condition(col, "==", spec)]
        if not isinstance(spec, dict):
            raise _Unsupported(name)
        out = []
        for op, value in spec.items():
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
                out.append(_Condition(col, op, np.array([get_string_id(v) for v in value], dtype=np.uint64)))
            elif op == "REGEX" and isinstance(value, str):
                out.append(_Condition(col, op, re.compile(value)))
            else:
                raise _Unsupported(f"{name}: {op}")
        return out

    rules = []
    for group, normed in zip(patterns, attrs, strict=True):
        index = group.get("index", 0)
        compiled = []
        for pattern in group["patterns"]:
            tests = []
            for k, spec in enumerate(pattern):
                if not isinstance(spec, dict) or "OP" in spec or "_" in spec:
                    raise _Unsupported(str(spec))
                tests += [(k, c) for name, value in spec.items() for c in condition(name, value)]
            if not -len(pattern) <= index < len(pattern):
                raise _Unsupported(f"index {index}")  # spaCy's own component reports it
            tests.sort(key=lambda kc: kc[1].op == "REGEX")
            compiled.append(_Pattern(len(pattern), index % len(pattern), tuple(tests)))
        if any(attr not in SETTABLE for attr in normed):
            raise _Unsupported(str(normed))
        rules.append(_Rule(tuple(compiled), tuple(normed.items())))
    written = tuple(sorted({attr for rule in rules for attr, _ in rule.sets}))
    return _Compiled(tuple(columns), tuple(rules), written)


def _holds(cond: _Condition, values: Any, strings: Any) -> Any:
    if cond.op == "==":
        return values == cond.value
    if cond.op == "IN":
        return np.isin(values, cond.value)
    if cond.op == "NOT_IN":
        return ~np.isin(values, cond.value)
    distinct, inverse = np.unique(values, return_inverse=True)
    found = np.array([bool(cond.value.search(strings[h])) for h in distinct.tolist()], dtype=bool)
    return found[inverse]


def _starts(pattern: _Pattern, table: Any, strings: Any) -> Any:
    """The token positions where ``pattern`` matches (its first token)."""
    n = table.shape[0] - pattern.length + 1
    if n <= 0:
        return np.zeros(0, dtype=np.intp)
    candidates = np.arange(n)
    for k, cond in pattern.tests:
        candidates = candidates[_holds(cond, table[candidates + k, cond.column], strings)]
        if not candidates.size:
            break
    return candidates


class ArrayAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose rules are applied over attribute arrays (same patterns, same result)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._compiled: _Compiled | None = None
        self._plain = False  # True: some rule needs spaCy's Matcher

    def clear(self) -> None:
        super().clear()
        self._compiled, self._plain = None, False

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled, self._plain = None, False

    def __call__(self, doc: Doc) -> Doc:
        rules = self._rules()
        if rules is None:
            return super().__call__(doc)
        try:
            self._apply(doc, rules)
            return doc
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)

    def _rules(self) -> _Compiled | None:
        if self._compiled is None and not self._plain:
            try:
                self._compiled = _compile(self.vocab, self.patterns, self.attrs)
            except _Unsupported:
                self._plain = True
        return self._compiled

    def _apply(self, doc: Doc, compiled: _Compiled) -> None:
        if not len(doc) or not compiled.written:
            return
        columns: list[int | str] = list(compiled.columns)
        written: list[int | str] = list(compiled.written)
        table = doc.to_array(columns).reshape(len(doc), len(columns))
        out: Any = doc.to_array(written).reshape(len(doc), len(written))
        where = {attr: i for i, attr in enumerate(compiled.written)}
        strings = doc.vocab.strings
        for rule in compiled.rules:
            for pattern in rule.patterns:
                starts = _starts(pattern, table, strings)
                if not starts.size:
                    continue
                for attr, value in rule.sets:
                    out[starts + pattern.target, where[attr]] = value
        doc.from_array(written, out)


@Language.factory("eventwire_attribute_ruler", default_config={"validate": False})
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate)


def use_array_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's spaCy attribute ruler ``name`` for an ``ArrayAttributeRuler`` with its rules."""
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if isinstance(old, ArrayAttributeRuler) or type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe(name, "eventwire_attribute_ruler")
    assert isinstance(new, ArrayAttributeRuler)
    new.add_patterns(patterns)
