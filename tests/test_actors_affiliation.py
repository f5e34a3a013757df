"""People and bodies the lexicon does not know, on sentences written here: the country and sector of the
body or place a person is tied to, the sector a body's name tells, names that are places."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import code_actors
from eventwire.actors.lists import body_words, parse_bodies
from eventwire.errors import ConfigError
from eventwire.model import Actor

pytestmark = pytest.mark.slow


def _actor(nlp: Language, text: str, surface: str) -> Actor | None:
    found = code_actors(nlp(text), text)
    start = text.index(surface)
    end = start + len(surface)
    return next((a for a in found if any(m.start <= start and end <= m.end for m in a.mentions)), None)


@pytest.mark.parametrize(
    ("text", "surface", "country", "sector"),
    [
        (
            "Tomas Reyes, a lawyer for the State Department, argued the point.",
            "Tomas Reyes",
            "USA",
            "GOV",
        ),
        (
            "“Act now,” said Mira Okonjo, a researcher at the University of Lagos.",
            "Mira Okonjo",
            None,
            "EDU",
        ),
        ("Maria Gonzalez of Amnesty International in Lima said the law was unjust.", "Maria Gonzalez", "PER", "NGO"),
        ("Dr. Hana Sato, a surgeon at Al-Noor Hospital, treated the wounded.", "Hana Sato", None, "HLH"),
    ],
)
def test_unknown_person_takes_country_and_sector_of_her_body(
    nlp: Language, text: str, surface: str, country: str | None, sector: str
) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.kind == "person"
    assert a.sector == sector
    if country is not None:
        assert a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        ("The University of Lagos closed its campus on Monday.", "University of Lagos", "EDU"),
        ("Doctors at Mercy General Hospital went on strike.", "Mercy General Hospital", "HLH"),
        ("The Morning Herald published the letter.", "Morning Herald", "MED"),
    ],
)
def test_unknown_body_takes_the_sector_its_name_tells(nlp: Language, text: str, surface: str, sector: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.sector == sector


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Protesters marched down Mandela Street to the Grand Square.", "Mandela Street"),
        ("The plane landed at Jomo Kenyatta Airport after midnight.", "Jomo Kenyatta Airport"),
        ("Residents want Wissmannstrasse renamed.", "Wissmannstrasse"),
    ],
)
def test_streets_and_airports_are_no_actors(nlp: Language, text: str, surface: str) -> None:
    assert _actor(nlp, text, surface) is None


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("The British Virgin Islands premier was arrested in Miami.", "British Virgin Islands", "VGB"),
        ("Reuters reported the strike first.", "Reuters", "GBR"),
    ],
)
def test_territories_and_news_agencies_have_countries(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


def test_body_words() -> None:
    words = body_words()
    assert words.sector(["University", "Hospital", "of", "Accra"]) == "HLH"
    assert words.sector(["Central", "Accra", "Traders"]) is None
    assert words.is_place(["Nachtigalplatz"]) and not words.is_place(["Nachtigal"])


@pytest.mark.parametrize(
    "raw",
    [
        {"sectors": {"XYZ": ["college"]}, "places": ["street"], "place_endings": ["allee"]},
        {"sectors": {"EDU": ["college"], "HLH": ["college"]}, "places": ["street"], "place_endings": ["allee"]},
        {"sectors": {"EDU": ["college"]}, "places": "street", "place_endings": ["allee"]},
        {"places": ["street"], "place_endings": ["allee"]},
    ],
)
def test_bad_body_words_are_refused(raw: object) -> None:
    with pytest.raises(ConfigError):
        parse_bodies(raw)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        (
            # the first mention has no country of its own (the article's, India, is guessed); the apposition
            # later says whose spokesman he is
            "India struck at dawn. India said the targets were camps. Spokesman Gen. Tariq Baig spoke at noon. "
            "Gen. Tariq Baig, Pakistan's military spokesman, said India hit mosques.",
            "Tariq Baig",
            "PAK",
        ),
        (
            "Chile closed its ports. Chilean officials met. “Act now,” said Mira Okonjo, a researcher at the "
            "University of Lagos in Nigeria.",
            "Mira Okonjo",
            "NGA",
        ),
    ],
)
def test_own_country_replaces_a_guessed_one(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country", "sector"),
    [
        ("A Kremlin spokesman said the talks would go on.", "A Kremlin spokesman", "person", "RUS", "GOV"),
        ("Kremlin officials said the talks would go on.", "Kremlin officials", "organization", "RUS", "GOV"),
        ("The director of Mercy General Hospital said power was cut.", "The director", "person", None, "HLH"),
        ("Attorney-General Rhys Morgan defended the bill.", "Rhys Morgan", "person", None, "JUD"),
        ("The State Department's inspector general opened a review.", "inspector general", "person", "USA", "GOV"),
    ],
)
def test_titles_of_bodies(nlp: Language, text: str, surface: str, kind: str, country: str | None, sector: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and (a.kind, a.sector) == (kind, sector)
    if country is not None:
        assert a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        (
            "Police in Kenya arrested protesters in Nairobi on Monday. Kenya's courts were closed. "
            "Wanjiru Kamau said the arrests were illegal.",
            "Wanjiru Kamau",
            "KEN",
        ),
        (
            "Police in Kenya arrested protesters in Nairobi on Monday. The Mombasa Tenants Forum condemned them.",
            "Mombasa Tenants Forum",
            "KEN",
        ),
        ("Police in Kenya arrested protesters. Amnesty International condemned them.", "Amnesty International", None),
        # no country dominates the article: none is guessed
        ("Kenya met Uganda. Rwanda met Burundi. Wanjiru Kamau said the talks failed.", "Wanjiru Kamau", None),
    ],
)
def test_untied_names_take_the_articles_country(nlp: Language, text: str, surface: str, country: str | None) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Ghana and Togo met. On Monday, representatives for the US defended the plan.", "representatives", "USA"),
    ],
)
def test_for_a_country(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country", "sector"),
    [
        (
            "Qatar hosted the talks. Qatar said they went well. Envoys from several Gulf states attended.",
            "Envoys",
            None,
            "GOV",
        ),
        ("Qatar hosted the talks. Diplomats from European countries came too.", "Diplomats", None, "GOV"),
        ("The Moroccan-born suspect was arrested in Antwerp.", "suspect", "MAR", "CRM"),
    ],
)
def test_groups_of_many_states_and_born_in(
    nlp: Language, text: str, surface: str, country: str | None, sector: str
) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # the possessor is a person the lexicon knows: one of their own, not the article's dominant country
        (
            "Israel rejected the claim. Israel said the report was false. Ama Mensah, President Cyril "
            "Ramaphosa's legal adviser, argued that Israel had broken the law.",
            "Ama Mensah",
            "ZAF",
        ),
        (
            "Israel struck the port. Israel said it would go on. Vladimir Putin's spokesman criticised Israel.",
            "spokesman",
            "RUS",
        ),
        # the possessor is a state
        ("India struck at dawn. India said it hit camps. Pakistan's army spokesman denied it.", "spokesman", "PAK"),
    ],
)
def test_a_possessor_gives_the_country(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # people a passive verb tells were hurt in a named place are of it, not of the attacker's state
        (
            "Russia fired rockets at dawn. Russia said the rockets hit depots. Nine people were killed in the "
            "Russian strikes on Kharkiv in Ukraine.",
            "people",
            "UKR",
        ),
        (
            "Ethiopia sent troops. Ethiopia said they were needed. Twelve civilians were wounded in Somalia.",
            "civilians",
            "SOM",
        ),
        # the place may be named inside the phrase of the cause
        (
            "Armenia closed its border. Armenia said it would hold. Four civilians were killed along the front "
            "because of shelling by Armenian troops in Azerbaijan.",
            "civilians",
            "AZE",
        ),
    ],
)
def test_people_hurt_in_a_place_are_of_it(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # the official an agency of one state arrests is guessed of another state the article names
        (
            "The United States charged two officials. The United States said the case was strong. Jamaica "
            "asked for calm. United States agents arrested the island's Governor Ana Ruiz on Monday.",
            "Ana Ruiz",
            "JAM",
        ),
        # the object of no state's act keeps the article's country
        (
            "The United States charged two officials. The United States said the case was strong. Jamaica "
            "asked for calm. Reporters asked the island's Governor Ana Ruiz on Monday.",
            "Ana Ruiz",
            "USA",
        ),
    ],
)
def test_an_object_is_not_guessed_of_its_subjects_state(nlp: Language, text: str, surface: str, country: str) -> None:
    a = _actor(nlp, text, surface)
    assert a is not None and a.country == country
