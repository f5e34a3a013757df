"""Abbreviations a parenthesis gives a body's name, the sector a party's name leaves open, national bodies of
an international sector, and the article's country for people of such bodies (sentences written here)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import code_actors
from eventwire.actors.lists import body_words, parse_bodies
from eventwire.errors import ConfigError
from eventwire.model import Actor

pytestmark = pytest.mark.slow


def _actor(nlp: Language, text: str, surface: str, nth: int = 0) -> Actor | None:
    found = code_actors(nlp(text), text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    return next((a for a in found if any(m.start <= start and end <= m.end for m in a.mentions)), None)


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "The National Farmers Guild (NFG) sued the city on Monday. Later, the NFG filed a second complaint.",
            "National Farmers Guild",
            "NFG",
        ),
        (
            "The Harbour Rights Foundation (HRF) sued the city of Boston. HRF lawyers filed a complaint.",
            "Harbour",
            "HRF",
        ),
        (
            "One of the groups involved is the Initiative Offene Stadt (Open City Initiative) (IOS), a charity. "
            "On Monday, IOS held a rally.",
            "Initiative Offene Stadt",
            "IOS",
        ),
    ],
)
def test_abbreviation_is_the_named_body(nlp: Language, text: str, full: str, short: str) -> None:
    body = _actor(nlp, text, full)
    later = _actor(nlp, text, short, nth=1)
    assert body is not None and later is not None
    assert later.id == body.id


@pytest.mark.parametrize(
    "text",
    [
        # the initial differs: the parenthesis glosses another name inside the phrase
        "The Appeals Tribunal of the Global Bank (GB) ruled on Monday. GB officials declined to comment.",
        # a word in capitals is no abbreviation
        "The Harbour Workers Union (IS) struck. IS fighters attacked a town.",
    ],
)
def test_no_abbreviation_without_the_name_s_initial(nlp: Language, text: str) -> None:
    first = text.split(" (")[0].removeprefix("The ")
    body = _actor(nlp, text, first)
    short = text.split("(")[1].split(")")[0]
    later = _actor(nlp, text, short, nth=1)
    assert body is not None
    assert later is None or later.id != body.id


def test_spokesman_of_an_abbreviated_ngo_is_of_the_ngo_and_the_article_s_country(nlp: Language) -> None:
    text = (
        "Berlin and Munich debated the plan for weeks. Germany's parliament voted on Friday. "
        "One of the groups involved is the Initiative Offene Stadt (Open City Initiative) (IOS), "
        "a charity. IOS spokesman Karl Brandt said Germany had failed to act."
    )
    person = _actor(nlp, text, "Karl Brandt")
    assert person is not None
    assert (person.country, person.sector) == ("DEU", "NGO")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The People Unity Party won the vote in the capital of Kenya.", "People Unity Party"),
        ("Leaders of the Citizens Reform Party met in Nairobi, Kenya.", "Citizens Reform Party"),
    ],
)
def test_a_party_s_name_gives_no_sector(nlp: Language, text: str, surface: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None
    assert a.sector is None


def test_national_ngo_takes_the_article_s_country(nlp: Language) -> None:
    text = (
        "Police in Ohio detained 40 people. The United States Justice Department opened an inquiry. "
        "The National Tenants Association said American police had used force."
    )
    a = _actor(nlp, text, "National Tenants Association")
    assert a is not None
    assert a.country == "USA"


def test_body_words_read_domestic_and_unsectored_words() -> None:
    words = body_words()
    assert words.is_domestic(["National", "Farmers", "Union"])
    assert not words.is_domestic(["Farmers", "Union"])
    assert words.unsectored_name(["Green", "Party"])
    assert not words.unsectored_name(["Party", "Hospital"])


@pytest.mark.parametrize("field", ["domestic", "unsectored"])
def test_body_word_lists_are_checked(field: str) -> None:
    with pytest.raises(ConfigError):
        parse_bodies({"sectors": {}, "places": ["street"], "place_endings": ["platz"], field: 5})


def test_body_word_lists_are_read() -> None:
    words = parse_bodies(
        {"sectors": {}, "places": [], "place_endings": [], "domestic": ["federal"], "unsectored": ["front"]}
    )
    assert words.is_domestic(["Federal", "Court"]) and words.unsectored_name(["Popular", "Front"])


def test_no_minor_country_when_the_main_ones_are_counterparts(nlp: Language) -> None:
    """Activists who oppose a plan between the article's two countries are of neither guessed third one."""
    text = (
        "Activists warned against a plan to build a railway from Chile to Peru. Chile and Peru signed the deal "
        "in Lima. Chile will pay half; Peru will pay half. Trade between Chile and Peru grew; Chile sells copper "
        "to Peru and Peru sells fish to Chile. Chilean and Peruvian ministers met again. Bolivia watched the "
        "talks, and Bolivia and Bolivia's allies did not object."
    )
    a = _actor(nlp, text, "Activists")
    assert a is not None
    assert a.country != "BOL"


@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        # one shooter is a criminal; armed men in a band are an unaligned armed force
        ("A gunman opened fire at a shopping mall in Ohio on Sunday.", "gunman", "CRM"),
        ("Gunmen attacked a police post in northern Nigeria on Sunday.", "Gunmen", "UAF"),
    ],
)
def test_a_lone_gunman_is_a_criminal(nlp: Language, text: str, surface: str, sector: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.sector == sector


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Paris hosted the vote. The far right is trying to minimize the scandal.", "far right"),
        ("Vienna debated the law. In Austria the political left opposed it.", "political left"),
    ],
)
def test_a_political_camp_is_an_actor_of_no_sector(nlp: Language, text: str, surface: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.kind == "group" and a.sector is None
    assert a.country in ("FRA", "AUT")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Environmentalists in Chile criticised the new mine on Monday.", "Environmentalists"),
        ("Human rights activists in Chile marched against the law.", "Human rights activists"),
    ],
)
def test_environmental_and_rights_groups_are_ngos(nlp: Language, text: str, surface: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.sector == "NGO"


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("The Kenyan capital has banned plastic bags.", "Kenyan capital", "KEN"),
        ("Rockets hit the Afghan capital on Monday.", "Afghan capital", "AFG"),
    ],
)
def test_a_nationality_word_before_capital_names_the_capital(
    nlp: Language, text: str, surface: str, country: str
) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country
    assert any(m.text.lower().endswith("capital") for m in a.mentions)


def test_capital_as_a_common_noun_is_no_city(nlp: Language) -> None:
    text = "Investors in Kenya raised fresh capital on Monday."
    a = _actor(nlp, text, "capital")
    assert a is None
