from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from eventwire.errors import ConfigError
from eventwire.vocabulary import PACKAGES as VOCABULARY_PACKAGES
from eventwire.vocabulary import default_vocabulary
from eventwire.wordlists import parse_word_lists, word_lists


@pytest.mark.parametrize(
    ("key", "word"),
    [
        ("eventwire.place_nouns", "village"),
        ("eventwire.reporting", "say"),
        ("eventwire.scene_verbs", "clash"),
        ("eventwire.speech_verbs", "condemn"),
        ("eventwire.not_place_names", "hamas"),
    ],
)
def test_shared_vocabulary_lists_hold_their_words(key: str, word: str) -> None:
    """The open-class lists more than one stage reads are the eventwire package's vocabulary."""
    assert word in default_vocabulary().words(key)


@pytest.mark.parametrize(("key", "word"), [("locative_preps", "near"), ("partitives", "some")])
def test_shared_grammar_lists_hold_their_words(key: str, word: str) -> None:
    """The closed-class lists other stages read are the eventwire package's grammar (words.yaml)."""
    assert word in word_lists("eventwire").words(key)


@pytest.mark.parametrize("package", ["eventwire", "eventwire.actors", "eventwire.places", "eventwire.quotes"])
def test_the_language_picks_the_folder_and_english_is_the_default(package: str) -> None:
    english = word_lists(package, language="en")
    assert word_lists(package) == english
    assert english.source == f"{package.replace('.', '/')}/data/en/words.yaml"


@pytest.mark.parametrize("package", ["eventwire", "eventwire.actors", "eventwire.store"])
def test_a_language_without_word_lists_is_named(package: str) -> None:
    with pytest.raises(ConfigError, match=rf"{package.replace('.', '/')}/data/xx/words\.yaml: cannot read"):
        word_lists(package, language="xx")


def test_vocabulary_files_take_the_language_too() -> None:
    english = word_lists("eventwire", "vocabulary.yaml", language="en")
    assert word_lists("eventwire", "vocabulary.yaml") == english
    with pytest.raises(ConfigError, match=r"eventwire/data/xx/vocabulary\.yaml: cannot read"):
        word_lists("eventwire", "vocabulary.yaml", language="xx")


def test_an_unknown_vocabulary_list_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        default_vocabulary().words("eventwire.no_such_list")


PACKAGES = [
    "eventwire",
    "eventwire.actors",
    "eventwire.dates",
    "eventwire.events",
    "eventwire.places",
    "eventwire.quotes",
    "eventwire.store",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_word_file_loads_and_every_list_is_read(package: str) -> None:
    """Every list of a package's data/en/words.yaml is a module constant of that package (no dead lists)."""
    import importlib
    import pkgutil

    lists = word_lists(package)
    pkg = importlib.import_module(package)
    read: set[frozenset[str] | tuple[str, ...]] = set()
    paths = getattr(pkg, "__path__", None)
    found = pkgutil.walk_packages(paths or [], prefix=f"{package}.")
    modules = [pkg] + [importlib.import_module(m.name) for m in found if not m.name.endswith("__main__")]
    for module in modules:
        read |= {
            v for v in vars(module).values() if isinstance(v, (frozenset, tuple)) and all(isinstance(w, str) for w in v)
        }
    for key, words in lists.lists:
        assert words in read or frozenset(words) in read, key


VOCABULARY_READ = re.compile(r'\.(?:words|ordered)\("(\w+)\.(\w+)"\)')


def _vocabulary_read() -> list[tuple[Path, str, str]]:
    """(module, package, list) of every ``vocabulary().words("package.list")`` (or ``.ordered``) in the code."""
    return [
        (path, *hit) for path in sorted(SRC.rglob("*.py")) for hit in VOCABULARY_READ.findall(path.read_text("utf-8"))
    ]


def test_every_vocabulary_list_the_code_reads_is_in_its_file() -> None:
    """Each ``package.list`` the code reads through ``vocabulary()`` is a list of that package's
    data/en/vocabulary.yaml, and each list of every vocabulary file is read somewhere (no dead lists)."""
    read = _vocabulary_read()
    assert len(read) > 50
    known = set(default_vocabulary().keys())
    assert [f"{path.relative_to(SRC)}: {pkg}.{name}" for path, pkg, name in read if f"{pkg}.{name}" not in known] == []
    assert known - {f"{pkg}.{name}" for _, pkg, name in read} == set()


@pytest.mark.parametrize("package", sorted(VOCABULARY_PACKAGES))
def test_each_vocabulary_file_loads_and_has_no_grammar_list(package: str) -> None:
    full = VOCABULARY_PACKAGES[package]
    lists = word_lists(full, "vocabulary.yaml")
    assert lists.source == f"{full.replace('.', '/')}/data/en/vocabulary.yaml"
    assert lists.lists
    grammar = {name for name, _ in word_lists(full).lists}
    assert grammar.isdisjoint(name for name, _ in lists.lists)  # one list lives in one file


def test_the_vocabulary_scan_finds_a_missing_name() -> None:
    text = 'x = vocabulary().words("events.troop_words")\ny = vocab.ordered("events.no_such")\n'
    assert VOCABULARY_READ.findall(text) == [("events", "troop_words"), ("events", "no_such")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[a, b]", "expected a mapping"),
        ("preps: in", "expected a non-empty list"),
        ("preps: []", "expected a non-empty list"),
        ("negators: [not, no]", "False is not a word"),
        ("preps: [in, 3]", "3 is not a word"),
        ("preps: [in, at, in]", "listed twice: in"),
    ],
)
def test_a_bad_word_file_names_the_file_and_the_list(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=r"pkg/data/words\.yaml") as err:
        parse_word_lists(yaml.safe_load(text), "pkg/data/words.yaml")
    assert message in str(err.value)


def test_lists_keep_their_order_and_a_missing_list_is_named() -> None:
    lists = parse_word_lists({"titles": ["king", "emir", "queen"]}, "x/data/words.yaml")
    assert lists.ordered("titles") == ("king", "emir", "queen")
    assert lists.words("titles") == frozenset({"queen", "king", "emir"})
    with pytest.raises(ConfigError, match=r"x/data/words\.yaml: no word list 'kings'"):
        lists.ordered("kings")


@pytest.mark.parametrize(
    ("package", "key", "word"),
    [
        ("eventwire.actors", "title_determiners", "its"),
        ("eventwire.actors", "article_prefixes", "al-"),
        ("eventwire.places", "close_preps", "near"),
        ("eventwire.quotes", "skip_edge", ","),
        ("eventwire", "negators", "no"),
        ("eventwire.store", "pronouns", "someone"),
    ],
)
def test_package_lists_hold_their_words(package: str, key: str, word: str) -> None:
    assert word in word_lists(package).words(key)


SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"
LOADER = re.compile(r'^(\w+)(?:: \w+)? = word_lists\("([\w.]+)"(?:, "([\w.]+)")?\)', re.M)


def _names_read(text: str) -> list[tuple[str, str, str]]:
    """(package, file, list name) of every ``X.words("name")`` / ``X.ordered("name")`` on a word-list loader."""
    found = []
    for var, package, name in LOADER.findall(text):
        for key in re.findall(rf'\b{var}\.(?:words|ordered)\("(\w+)"\)', text):
            found.append((package, name or "words.yaml", key))
    return found


def test_the_source_scan_finds_a_missing_name() -> None:
    text = '_WORDS = word_lists("eventwire.events")\nX = _WORDS.words("pronouns")\nY = _WORDS.ordered("no_such")\n'
    found = _names_read(text)
    assert found == [
        ("eventwire.events", "words.yaml", "pronouns"),
        ("eventwire.events", "words.yaml", "no_such"),
    ]
    known = {name for name, _ in word_lists("eventwire.events").lists}
    assert [key for _, _, key in found if key not in known] == ["no_such"]


def test_every_list_name_the_code_reads_is_in_its_file() -> None:
    """Each name a module reads from a word-list or label file (``_WORDS.words("x")``) is a list of that file."""
    read = [(path, *hit) for path in sorted(SRC.rglob("*.py")) for hit in _names_read(path.read_text("utf-8"))]
    assert len(read) > 200
    missing = [
        f"{path.relative_to(SRC)}: {package} {name} has no list {key!r}"
        for path, package, name, key in read
        if key not in {k for k, _ in word_lists(package, name).lists}
    ]
    assert missing == []


SHARED_VOCABULARY = ["location_verbs", "motion_verbs", "place_nouns", "speech_verbs", "territory_verbs", "area_verbs"]
SHARED_VOCABULARY += ["not_place_names", "group_words", "scene_verbs", "reporting"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [(name, "vocabulary") for name in SHARED_VOCABULARY] + [("locative_preps", "grammar"), ("partitives", "grammar")],
)
def test_the_lists_several_stages_read_are_the_eventwire_packages(name: str, kind: str) -> None:
    """The lists more than one stage reads live in the eventwire package's own files: open-class words in its
    vocabulary (a user may change them), closed-class ones in its grammar; in one file only."""
    grammar = {key for key, _ in word_lists("eventwire").lists}
    vocab = {key for key, _ in word_lists("eventwire", "vocabulary.yaml").lists}
    assert (name in vocab, name in grammar) == ((True, False) if kind == "vocabulary" else (False, True))
    if kind == "vocabulary":
        assert default_vocabulary().words(f"eventwire.{name}")
