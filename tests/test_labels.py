"""The English dependency labels named in one place (eventwire.labels, data/en/labels.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire import labels
from eventwire.errors import ConfigError
from eventwire.labels import dependency_labels

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"
#: labels of other schemes some sets accept though the English model never gives them: Universal
#: Dependencies' "obj"/"iobj", older ClearNLP's "tmod"/"vocative"
OTHER_SCHEMES = {"obj", "iobj", "tmod", "vocative"}


def test_each_set_is_a_constant_of_the_same_name_and_the_file_has_no_other() -> None:
    sets = dependency_labels()
    assert sets.source == "eventwire/data/en/labels.yaml"
    names = [name for name, _ in sets.lists]
    assert sorted(n.upper() for n in names) == sorted(n for n in labels.__all__ if n != "dependency_labels")
    for name, members in sets.lists:
        assert getattr(labels, name.upper()) == frozenset(members)


def test_sets_that_differ_keep_distinct_names_and_no_set_is_named_twice() -> None:
    members = [frozenset(m) for _, m in dependency_labels().lists]
    assert len(set(members)) == len(members)


def test_every_set_is_read_by_some_module() -> None:
    text = "\n".join(p.read_text("utf-8") for p in SRC.rglob("*.py") if p.name != "labels.py")
    unread = [n for n, _ in dependency_labels().lists if not re.search(rf"\b{n.upper()}\b", text)]
    assert unread == []


def test_no_module_writes_a_set_of_labels_itself() -> None:
    """A literal tuple or set of two or more labels ("nsubj", "nsubjpass") outside labels.yaml is a regression."""
    known = {label for _, members in dependency_labels().lists for label in members}
    literal = re.compile(r'[({]\s*"(\w+)",\s*"(\w+)"')
    found = [
        f"{p.relative_to(SRC)}: {m.group(0)}"
        for p in SRC.rglob("*.py")
        if "knowledge" not in p.parts
        for m in literal.finditer(p.read_text("utf-8"))
        if m.group(1) in known and m.group(2) in known
    ]
    assert found == []


def test_a_language_without_labels_is_named() -> None:
    with pytest.raises(ConfigError, match=r"eventwire/data/xx/labels\.yaml: cannot read"):
        dependency_labels("xx")


@pytest.mark.parametrize(
    ("name", "inside", "outside"),
    [
        ("SUBJECTS", {"nsubj", "nsubjpass"}, {"csubj", "dobj"}),
        ("ALL_SUBJECTS", {"nsubj", "nsubjpass", "csubj"}, {"dobj"}),
        ("NOUN_CLAUSES", {"acl", "relcl"}, {"advcl"}),
        ("SUBORDINATE_CLAUSES", {"ccomp", "advcl", "relcl"}, {"conj", "ROOT"}),
        ("DATES_CLAUSE_DEPS", {"conj", "ROOT", "ccomp"}, {"dobj"}),
        ("PATIENTS", {"dobj", "nsubjpass"}, {"nsubj"}),
    ],
)
def test_named_sets_hold_their_labels(name: str, inside: set[str], outside: set[str]) -> None:
    value = getattr(labels, name)
    assert inside <= value
    assert not outside & value


def test_every_label_is_one_the_english_parser_gives(nlp: Language) -> None:
    parser_labels = set(nlp.get_pipe("parser").labels) | {"ROOT"}
    used = {label for _, members in dependency_labels().lists for label in members}
    assert used - parser_labels <= OTHER_SCHEMES
