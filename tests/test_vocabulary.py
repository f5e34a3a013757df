"""The vocabulary lists: a pipeline's own (``knowledge.vocabulary``), changed by a knowledge file's
``words:`` section, read at use time; the grammar lists are language data no file may change."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from eventwire.cli.knowledge import check_files
from eventwire.errors import KnowledgeError
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Pipeline
from eventwire.vocabulary import Vocabulary, default_vocabulary, grammar_lists, using_vocabulary, vocabulary


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def events_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
        for e in pipeline.code_text(text, published="2031-05-06").events
    ]


MINE = """\
words:
  events.troop_words: {add: [sailor]}
  events.negators: {add: [neglect]}
"""
ONLY_SOLDIERS = """\
words:
  events.troop_words: [soldier]
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("words", "text", "plain", "changed"),
    [
        # a new troop word: the arrival of those units is a show of force (154), as it is for troops
        (MINE, "Kenyan sailors arrived in Somalia on Friday.", ("042", "KEN", "SOM"), ("154", "KEN", "SOM")),
        # a list replaced: troops are no troop word any more, their arrival is a visit (042)
        (
            ONLY_SOLDIERS,
            "Turkish troops arrived in Libya on Sunday.",
            ("154", "TURMIL", "LBY"),
            ("042", "TURMIL", "LBY"),
        ),
    ],
)
def test_two_pipelines_with_different_vocabularies_in_one_process(
    tmp_path: Path,
    pipeline: Pipeline,
    words: str,
    text: str,
    plain: tuple[str, str, str],
    changed: tuple[str, str, str],
) -> None:
    mine = Pipeline(nlp=pipeline.nlp, knowledge=Knowledge.load([write(tmp_path, "mine.yaml", words)]))
    assert [e[:3] for e in events_of(pipeline, text)] == [plain]
    assert [e[:3] for e in events_of(mine, text)] == [changed]
    assert [e[:3] for e in events_of(pipeline, text)] == [plain]  # the first pipeline is unchanged by the second


@pytest.mark.slow
def test_a_new_negating_verb_negates_its_complement(tmp_path: Path, pipeline: Pipeline) -> None:
    mine = Pipeline(nlp=pipeline.nlp, knowledge=Knowledge.load([write(tmp_path, "mine.yaml", MINE)]))
    text = "Egypt neglected to condemn Israel on Monday."
    assert events_of(pipeline, text) == [("111", "EGY", "ISR", "asserted")]
    assert events_of(mine, text) == [("111", "EGY", "ISR", "negated")]


SHARED = """\
words:
  eventwire.reporting: {add: [contend]}
  eventwire.not_place_names: {add: [ansar al-wadi]}
"""


def located_events_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str, str | None, str | None]]:
    """(code, target, modality, date, location) of each event of ``text``."""
    return [
        (
            e.cameo,
            e.target.code if e.target else None,
            e.modality,
            e.date.start.isoformat() if e.date else None,
            e.location.name if e.location else None,
        )
        for e in pipeline.code_text(text, published=dt.date(2031, 5, 6)).events
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "plain", "changed"),
    [
        # eventwire.reporting, read by the events and dates stages: what is contended is a reported act,
        # coded (it was taken for the contention's own content) and dated the day of the saying
        (
            "Israel contended on Monday that Iran supplies weapons to Hezbollah.",
            [("112", "IRN", "asserted", "2031-05-05", None)],
            [("112", "IRN", "asserted", "2031-05-05", None), ("072", "LBNREB", "reported", "2031-05-05", None)],
        ),
        # eventwire.not_place_names, read by the places stage: a name the user knows for a group is no place
        (
            "Syrian troops shelled Ansar al-Wadi on Tuesday.",
            [("194", None, "asserted", "2031-05-06", "Ansar al-Wadi")],
            [("194", None, "asserted", "2031-05-06", None)],
        ),
    ],
)
def test_the_lists_several_stages_read_are_tuned_the_same_way(
    tmp_path: Path, pipeline: Pipeline, text: str, plain: list[tuple[str, ...]], changed: list[tuple[str, ...]]
) -> None:
    """The open-class lists more than one stage reads are the eventwire package's vocabulary: a user's
    words: section changes them for that pipeline only."""
    mine = Pipeline(nlp=pipeline.nlp, knowledge=Knowledge.load([write(tmp_path, "mine.yaml", SHARED)]))
    assert located_events_of(pipeline, text) == plain
    assert located_events_of(mine, text) == changed
    assert located_events_of(pipeline, text) == plain


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ("events.pronouns", "eventwire/events/data/en/words.yaml"),
        ("actors.determiners", "eventwire/actors/data/en/words.yaml"),
        ("eventwire.negators", "eventwire/data/en/words.yaml"),
        ("eventwire.locative_preps", "eventwire/data/en/words.yaml"),
        ("dates.will_aux", "eventwire/dates/data/en/words.yaml"),
        ("store.pronouns", "eventwire/store/data/en/words.yaml"),
    ],
)
def test_a_grammar_list_is_refused_naming_file_line_and_key(tmp_path: Path, key: str, where: str) -> None:
    path = write(tmp_path, "mine.yaml", f"# mine\nwords:\n  events.troop_words: {{add: [sailor]}}\n  {key}: [x]\n")
    with pytest.raises(KnowledgeError) as err:
        Knowledge.load([path])
    (problem,) = err.value.problems
    assert (problem.line, problem.key) == (4, f"words: {key}")
    assert "grammar list" in problem.reason and where in problem.reason
    assert str(path) in str(err.value)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("events.troop_word: {add: [sailor]}", "unknown word list"),
        ("nowhere.troop_words: [sailor]", "unknown word list"),
        ("events.denials: {remove: [deny, refute]}", "leaves the list empty"),
        ("events.denials: []", "leaves the list empty"),
        ("events.denials: {remove: [forswear]}", "removes forswear"),
        ("events.denials: {drop: [deny]}", "bad value"),
        ("events.denials: {add: [3]}", "bad value"),
        ("events.denials: [deny, off]", "False is not a word"),
        ("events.denials: deny", "bad value"),
    ],
)
def test_a_bad_words_entry_names_its_line_and_key(tmp_path: Path, entry: str, problem: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        Knowledge.load([write(tmp_path, "mine.yaml", f"words:\n  {entry}\n")])
    (found,) = err.value.problems
    assert found.line == 2 and found.key == f"words: {entry.split(':')[0]}"
    assert problem in found.reason


def test_words_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not a mapping"):
        Knowledge.load([write(tmp_path, "mine.yaml", "words:\n  - events.denials\n")])


def test_changes_apply_in_file_order_and_are_reported(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "words:\n  events.denials: {add: [forswear, disavow], remove: [refute]}\n")
    second = write(
        tmp_path, "b.yaml", "words:\n  events.denials: {remove: [deny]}\n  quotes.naming_cues: [call, dub]\n"
    )
    knowledge = Knowledge.load([first, second])
    assert knowledge.vocabulary.ordered("events.denials") == ("forswear", "disavow")
    assert knowledge.vocabulary.ordered("quotes.naming_cues") == ("call", "dub")
    assert knowledge.vocabulary.ordered("events.troop_words") == default_vocabulary().ordered("events.troop_words")
    assert [(c.path, c.line, c.id, c.kind, c.code, c.before, c.section) for c in knowledge.changes] == [
        (str(first), 2, "events.denials", "overrides", "+forswear +disavow -refute", "2 words", "words"),
        (str(second), 2, "events.denials", "overrides", "-deny", "3 words", "words"),
        (str(second), 3, "quotes.naming_cues", "overrides", "= call, dub", "9 words", "words"),
    ]


def test_files_that_together_empty_a_list_are_an_error(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "words:\n  events.denials: {remove: [refute]}\n")
    second = write(tmp_path, "b.yaml", "words:\n  events.denials: {remove: [deny]}\n")
    with pytest.raises(KnowledgeError, match="leaves the list empty"):
        Knowledge.load([first, second])


def test_knowledge_check_prints_the_words_section(tmp_path: Path) -> None:
    import io

    path = write(tmp_path, "mine.yaml", MINE)
    out = io.StringIO()
    assert check_files([str(path)], out) == 0
    assert out.getvalue().splitlines() == [
        f"{path}: ok, 0 pattern(s), 2 word list(s): 2 added, 0 overridden",
        "  line 2: adds words events.troop_words: +sailor (was 12 words)",
        "  line 3: adds words events.negators: +neglect (was 8 words)",
    ]


def test_the_vocabulary_goes_to_workers_with_the_knowledge(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, "mine.yaml", MINE)])
    back = pickle.loads(pickle.dumps(Pipeline(knowledge=knowledge))).knowledge
    assert back.vocabulary == knowledge.vocabulary
    assert "sailor" in back.vocabulary.words("events.troop_words")


def test_the_active_vocabulary_is_the_pipelines_inside_the_block_only() -> None:
    mine = default_vocabulary().with_lists([("events.troop_words", ("sailor",))])
    assert vocabulary() is default_vocabulary()
    with using_vocabulary(mine):
        assert vocabulary().words("events.troop_words") == frozenset({"sailor"})
    assert vocabulary() is default_vocabulary()
    with pytest.raises(KeyError):
        default_vocabulary().with_lists([("events.pronouns", ("x",))])


def test_no_list_is_both_grammar_and_vocabulary() -> None:
    assert set(default_vocabulary().keys()).isdisjoint(grammar_lists())
    assert isinstance(Knowledge.default().vocabulary, Vocabulary)
    assert Knowledge.default().vocabulary is default_vocabulary()


def test_an_actor_lexicon_is_built_only_when_its_lists_change(tmp_path: Path) -> None:
    assert Knowledge.default().actor_lexicon() is None
    plain = Knowledge.load([write(tmp_path, "a.yaml", MINE)])
    assert plain.actor_lexicon() is None
    forms = Knowledge.load([write(tmp_path, "b.yaml", "words:\n  actors.state_forms: {add: [free state of]}\n")])
    lexicon = forms.actor_lexicon()
    assert lexicon is not None
    assert lexicon.entries["free state of morocco"].country == "MAR"
