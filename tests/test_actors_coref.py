"""Coreference of the actor coder on sentences written here: family-name-first names, hyphenated given
names, surnames NER takes for bodies, titles in apposition."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import code_actors
from eventwire.actors.coref import surname_keys
from eventwire.actors.lists import name_order
from eventwire.model import Actor

pytestmark = pytest.mark.slow


def _actors(nlp: Language, text: str) -> tuple[Actor, ...]:
    return code_actors(nlp(text), text)


def _holder(found: tuple[Actor, ...], text: str, surface: str, nth: int = 0) -> Actor | None:
    """The actor with a mention on the ``nth`` occurrence of ``surface`` (its first word when it ends
    with " said")."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface.removesuffix(" said"))
    return next((a for a in found if any(m.start <= start and end <= m.end for m in a.mentions)), None)


@pytest.mark.parametrize(
    ("words", "first"),
    [
        (["Lin", "Jian"], True),
        (["Zhou", "Wenhua"], True),
        (["Choi", "Min", "Seo"], True),
        (["Ahn", "Soo-bin"], True),  # listed
        (["Yeom", "Ha-neul"], True),  # not listed: the hyphenated given name tells
        (["Peter", "Okafor"], False),
        (["Ana", "Maria", "Lopes", "Silva"], False),
        (["Lin"], False),
    ],
)
def test_family_name_first(words: list[str], first: bool) -> None:
    assert name_order().first_is_family(words) is first


@pytest.mark.parametrize(
    ("name", "family_first", "keys"),
    [
        ("Lin Jian", True, ("jian", "lin")),
        ("Peter Okafor", False, ("okafor",)),
        ("Moammar al-Eryani", False, ("al-eryani", "eryani")),
    ],
)
def test_surname_keys(name: str, family_first: bool, keys: tuple[str, ...]) -> None:
    assert surname_keys(name, None, family_first) == keys


@pytest.mark.parametrize(
    ("text", "full", "later"),
    [
        (
            "Foreign ministry spokesman Zhou Wenhua spoke in Beijing on Monday. Zhou said the talks would go on.",
            "Zhou Wenhua",
            "Zhou",
        ),
        (
            "Opposition leader Yeom Ha-neul criticised the budget. “This plan fails our farmers,” Yeom said.",
            "Yeom Ha-neul",
            "Yeom",
        ),
        (
            "Dr. Tariq Nabulsi runs the cancer ward in the city. Nabulsi said the generators had stopped.",
            "Tariq Nabulsi",
            "Nabulsi",
        ),
    ],
)
def test_bare_family_name_joins_the_full_name(nlp: Language, text: str, full: str, later: str) -> None:
    found = _actors(nlp, text)
    person = _holder(found, text, full)
    assert person is not None and person.kind == "person"
    assert full in person.name
    assert _holder(found, text, later, nth=1) is person


def test_hyphenated_given_name_stays_whole(nlp: Language) -> None:
    text = "Interior Minister Kwak Do-yun resigned on Friday."
    a = _holder(_actors(nlp, text), text, "Kwak Do-yun")
    assert a is not None and a.name == "Kwak Do-yun"


def test_title_in_apposition_joins_the_named_person(nlp: Language) -> None:
    text = (
        "Opposition leader Ahn Soo-bin spoke first. Ruth Ambrose, the leader of the Farmers Union, "
        "later urged the government to resign."
    )
    found = _actors(nlp, text)
    ambrose = _holder(found, text, "Ruth Ambrose")
    assert ambrose is not None
    assert _holder(found, text, "the leader of the Farmers Union") is ambrose
    assert _holder(found, text, "Ahn Soo-bin") is not ambrose


def test_names_file_is_well_formed() -> None:
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("eventwire.actors").joinpath("data", "names.yaml").read_text("utf-8"))
    names = raw["family_first"]
    assert len(names) == len(set(names)), "duplicate family names"
    assert all(isinstance(n, str) and n[:1].isupper() and n.isalpha() for n in names)
    assert len(name_order().family_first) == len(names)
    for section in ("honorifics", "title_suffixes"):
        assert raw[section] and all(w == w.lower() and " " not in w for w in raw[section])


@pytest.mark.parametrize(
    ("words", "glue"),
    [
        (["the", "rt", ".", "hon", "."], True),
        (["-", "elect"], True),
        (["-", "designate"], True),
        (["and"], False),
        (["of", "the"], False),
    ],
)
def test_title_glue(words: list[str], glue: bool) -> None:
    assert name_order().title_glue(words) is glue


@pytest.mark.parametrize(
    ("text", "name", "later"),
    [
        (
            "Malta's Prime Minister and Chairman of the Island Council, Dr the Rt. Hon. Paul Vella spoke first. "
            "The Prime Minister said the forum mattered.",
            "Paul Vella",
            "The Prime Minister",
        ),
        (
            "President-elect Ana Lopes thanked her voters on Sunday. The bank had praised Lopes before. "
            "The future president said she would act fast.",
            "Ana Lopes",
            "president",
        ),
    ],
)
def test_titles_joined_by_honorifics_and_suffixes(nlp: Language, text: str, name: str, later: str) -> None:
    found = _actors(nlp, text)
    person = _holder(found, text, name)
    assert person is not None and person.name == name
    assert _holder(found, text, later, nth=text.count(later) - 1) is person


def test_title_before_the_name_gives_country(nlp: Language) -> None:
    text = "Malta's Prime Minister, Dr the Rt. Hon. Paul Vella, spoke at the forum in Washington."
    person = _holder(_actors(nlp, text), text, "Paul Vella")
    assert person is not None and (person.country, person.sector) == ("MLT", "GOV")


def test_pronoun_outside_a_quote_skips_people_inside_it(nlp: Language) -> None:
    text = (
        "Senator Hugo Marsh spoke on Monday. The party met later.\n\n“I will serve as president for everyone,” he said."
    )
    found = _actors(nlp, text)
    marsh = _holder(found, text, "Hugo Marsh")
    assert marsh is not None and _holder(found, text, "he said") is marsh


def test_pronoun_takes_the_last_subject_over_a_nearer_object(nlp: Language) -> None:
    text = (
        "In a video, Governor Hugo Marsh announced a new commission. "
        "It will be led by the deputy governor, Nina Koss, and three judges. "
        "“We start today,” he said."
    )
    found = _actors(nlp, text)
    marsh = _holder(found, text, "Hugo Marsh")
    assert marsh is not None and _holder(found, text, "he said") is marsh


def test_pronoun_takes_a_subject_named_in_apposition(nlp: Language) -> None:
    text = (
        "Colonel Ruth Abara said the strikes began at dawn. "
        "Another officer, Commander Lena Ostrova, said the strikes were precise. "
        "“We showed restraint,” she said."
    )
    found = _actors(nlp, text)
    ostrova = _holder(found, text, "Lena Ostrova")
    assert ostrova is not None and _holder(found, text, "she said") is ostrova
