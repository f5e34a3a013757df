"""The actor coder's data files: every entry loads, is well formed and is reachable by its key."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.knowledge import key_of, lexicon, load_countries, load_people

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
    ],
)
def test_organisations(text: str, code: str, country: str | None, sector: str) -> None:
    entry = lexicon().entries[key_of(text)]
    assert (entry.code, entry.country, entry.sector) == (code, country, sector)


def test_prefixes_cover_every_key() -> None:
    lex = lexicon()
    assert all(k in lex.prefixes for k in lex.entries)
