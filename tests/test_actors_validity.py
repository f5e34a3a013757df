"""Which stretches of text are actors (actors.validity), on sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import code_actors, judge_side
from eventwire.actors.validity import dateline_tokens
from eventwire.model import Analysis, Article

pytestmark = pytest.mark.slow


def _judge(nlp: Language, text: str, surface: str, nth: int = 0) -> tuple[str, str | None]:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t", text=text), actors=code_actors(doc, text))
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    j = judge_side(doc, analysis, start, start + len(surface))
    return j.kind, j.actor.name if j.actor else None


@pytest.mark.parametrize(
    ("text", "surface", "kind", "name"),
    [
        ("Jane Roe, a lawyer for the State Department, criticised the ruling.", "Jane Roe", "actor", "Jane Roe"),
        (
            "Jane Roe, a lawyer for the State Department, criticised the ruling.",
            "Jane Roe, a lawyer for the State Department",
            "actor",
            "Jane Roe",
        ),
        ("LIMA — Farmers blocked the road to the mine.", "LIMA", "dateline", None),
        ("In Brussels, ministers agreed on new sanctions.", "Brussels", "place", None),
        ("The aggression must stop, the minister said.", "The aggression", "thing", None),
        ("It is clear that the talks failed.", "It", "pronoun", None),
    ],
)
def test_judge_side(nlp: Language, text: str, surface: str, kind: str, name: str | None) -> None:
    got_kind, got_name = _judge(nlp, text, surface)
    assert got_kind == kind
    if name is not None:
        assert got_name == name


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("QUITO\n\nQUITO (Reuters) - Police arrested two men on Monday.", "QUITO (Reuters) -"),
        ("MOMBASA, Kenya — Police arrested two men on Monday.", "MOMBASA, Kenya —"),
        ("Storm hits coast\n\nDAKAR, Senegal: Fishermen stayed home on Monday.", "DAKAR, Senegal:"),
    ],
)
def test_datelines_are_no_actors(nlp: Language, text: str, dateline: str) -> None:
    doc = nlp(text)
    start = text.index(dateline)
    toks = {t.i for t in doc if start <= t.idx < start + len(dateline)}
    assert toks <= dateline_tokens(doc)
    found = code_actors(doc, text)
    assert not any(m.start < start + len(dateline) and m.end > start for a in found for m in a.mentions)


def test_a_capitalised_heading_word_is_no_dateline(nlp: Language) -> None:
    text = "NATO: allies agree to send more jets to the east."
    assert not dateline_tokens(nlp(text))


def test_common_words_are_no_names(nlp: Language) -> None:
    from eventwire.actors.matcher import _common_word

    doc = nlp("Schools closed early. Humanitarian groups asked for help. Moreno spoke.")
    assert _common_word(doc[0]) and _common_word(doc[4])
    assert not _common_word(doc[10])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Police arrested two men in Quito on Monday.\n\n"
            "(Reporting by Maria Lopez and Juan Perez; Editing by Tom Reed)",
            "Maria Lopez",
        ),
        ("Soldiers fired shells at a school in Kotli Sattian on Monday. Shops closed in Kotli Sattian.", "Kotli"),
        ("The strike hit a mosque in the city of Rahimabad on Tuesday.", "Rahimabad"),
    ],
)
def test_names_that_are_no_actors(nlp: Language, text: str, name: str) -> None:
    found = code_actors(nlp(text), text)
    assert not [a for a in found if name in a.name and a.kind == "person"]


def test_a_person_named_in_a_place_phrase_and_elsewhere_stays(nlp: Language) -> None:
    text = "Protesters gathered near Maria Lopez on Monday. Maria Lopez said she was not afraid."
    found = code_actors(nlp(text), text)
    assert [a for a in found if a.name == "Maria Lopez"]
