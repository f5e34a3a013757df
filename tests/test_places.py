"""Places: the gazetteer, toponym recognition and disambiguation, and event locations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.model import Analysis, Article, Place, Span
from eventwire.places import PlaceResolver
from eventwire.places.attach import event_location, location_verbs, locative_preps, motion_verbs, place_nouns
from eventwire.places.gazetteer import Gazetteer, haversine, load_gazetteer, name_key
from eventwire.places.recognise import find_dateline
from eventwire.places.stage import find_places

from .factories import event_at


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "key"),
    [("Québec", "quebec"), ("  New   York ", "new york"), ("Côte d’Ivoire", "cote d'ivoire"), ("KABUL", "kabul")],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((33.34, 44.40), (33.34, 44.40), 0.0),
        ((51.5074, -0.1278), (48.8566, 2.3522), 344.0),
        ((40.7128, -74.006), (34.0522, -118.2437), 3936.0),
    ],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine(*a, *b) == pytest.approx(km, abs=5)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature", "country", "lat", "lon"),
    [
        ("Iraq", "country", "IRQ", 33.0, 44.0),
        ("Baghdad", "capital", "IRQ", 33.34, 44.40),
        ("Middle East", "region", None, 33.14, 35.86),
        ("White House", "building", "USA", 38.90, -77.04),
        ("U.S.", "country", "USA", 39.76, -98.5),
        ("Ky.", "admin1", "USA", 38.2, -84.88),
        ("Alberta", "admin1", "CAN", 52.28, -117.47),
        ("Europe", "continent", None, 48.69, 9.14),
        ("Kiev", "capital", "UKR", 50.45, 30.52),
    ],
)
def test_gazetteer_entries(
    gaz: Gazetteer, name: str, feature: str, country: str | None, lat: float, lon: float
) -> None:
    entries = [e for e in gaz.lookup(name) if e.feature == feature]
    assert entries, f"{name}: {gaz.lookup(name)}"
    e = max(entries, key=lambda e: e.population)
    assert e.country == country
    assert haversine(e.lat, e.lon, lat, lon) < 30


@pytest.mark.slow
@pytest.mark.parametrize(
    ("demonym", "country"),
    [("Iraqi", "IRQ"), ("Americans", "USA"), ("Syrian", "SYR"), ("North Korean", "PRK"), ("European", None)],
)
def test_demonyms(gaz: Gazetteer, demonym: str, country: str | None) -> None:
    entry = gaz.demonym(demonym)
    assert entry is not None and entry.country == country


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BAGHDAD — Rockets struck", "Baghdad"),
        ("CAIRO (Reuters) - Egypt said", "Cairo"),
        ("NEW YORK, N.Y. — The council", "New York"),
        ("Baghdad is a city.", None),
    ],
)
def test_dateline(text: str, place: str | None) -> None:
    assert find_dateline(text) == place


def _places(nlp: Language, gaz: Gazetteer, text: str) -> dict[str, Place]:
    doc = nlp(text)
    return {p.span.text: p for p in find_places(doc, Analysis(article=Article(id="t", text=text)), gaz)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country", "lat", "lon"),
    [
        ("Paris, Texas, is a small town. Officials in Paris said the fire spread.", "Paris", "USA", 33.66, -95.56),
        ("Thousands marched in Paris and Lyon against the pension reform.", "Paris", "FRA", 48.85, 2.35),
        ("Protesters gathered in Tbilisi, the capital of Georgia, on Sunday.", "Georgia", "GEO", 42.0, 43.5),
        ("The governor of Georgia toured Atlanta and Savannah after the storm.", "Georgia", "USA", 32.75, -83.5),
        ("Police in London, Ontario, and Toronto arrested two men.", "London", "CAN", 42.98, -81.23),
        ("The mayor of London met officials in Manchester and Birmingham.", "London", "GBR", 51.51, -0.13),
        ("Fighting spread from Aleppo to Idlib and Homs.", "Homs", "SYR", 34.73, 36.72),
        ("Pompeo spoke at the White House about the Middle East.", "White House", "USA", 38.90, -77.04),
        ("A car bomb exploded in Baghdad on Sunday.", "Baghdad", "IRQ", 33.34, 44.40),
        ("Residents of Springfield, Ill., were told to stay home.", "Springfield", "USA", 39.80, -89.64),
    ],
)
def test_resolution_in_context(
    nlp: Language, gaz: Gazetteer, text: str, name: str, country: str, lat: float, lon: float
) -> None:
    places = _places(nlp, gaz, text)
    assert name in places, places
    p = places[name]
    assert p.country == country
    assert p.lat is not None and p.lon is not None
    assert haversine(p.lat, p.lon, lat, lon) < 161


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Secretary of State Mike Pompeo said Pompeo would travel.", "Pompeo"),
        ("The march began in May.", "May"),
        ("Mr. Lincoln Walker spoke.", "Lincoln"),
    ],
)
def test_not_places(nlp: Language, gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in _places(nlp, gaz, text)


@pytest.mark.slow
def test_demonym_is_listed_but_flagged(nlp: Language, gaz: Gazetteer) -> None:
    places = _places(nlp, gaz, "Iraqi forces entered the town.")
    assert places["Iraqi"].feature == "demonym" and places["Iraqi"].country == "IRQ"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "location"),
    [
        ("A car bomb exploded in Baghdad on Sunday.", "exploded", "Baghdad"),
        ("Pompeo said at the White House that the troops would stay.", "said", "White House"),
        ("Shelling hit a trolleybus in Donetsk on Thursday, killing eight people.", "killing", "Donetsk"),
        ("Gunmen opened fire near Kandahar, the police said.", "opened", "Kandahar"),
        ("Troops captured the village of Sharifah after heavy fighting.", "captured", "Sharifah"),
        ("Protesters gathered outside the Al-Quds Hospital in Aleppo.", "gathered", "Al-Quds Hospital"),
        ("Iraq asked the United States to withdraw its troops.", "asked", None),
        ("Thousands of protesters marched to the White House on Sunday.", "marched", "White House"),
        ("The ministry sent a letter to Baghdad.", "sent", None),
        ("Five civilians were killed in the Suuqa Xoolaha neighborhood of Mogadishu.", "killed", "Suuqa Xoolaha"),
        ("The vote came in the wake of the killing of Gen. Qassem Soleimani.", "came", None),
        ("A roadside bomb killed six people in Baghdad's western Amriya district.", "killed", "Amriya"),
        ("The army continued its advance in Syria's largest city, Aleppo.", "continued", "Aleppo"),
        ("Iraqi officials condemned the strike.", "condemned", None),
        ("The minister, who lives in Paris, condemned the attack.", "condemned", None),
    ],
)
def test_event_location(nlp: Language, text: str, trigger: str, location: str | None) -> None:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t", text=text), events=(event_at(text, trigger),))
    out = PlaceResolver()(doc, analysis)
    got = out.events[0].location
    assert (got.span.text if got else None) == location


@pytest.mark.slow
def test_event_location_with_hand_made_places(nlp: Language) -> None:
    text = "Rebels attacked a convoy near Ghazni."
    doc = nlp(text)
    i = text.index("Ghazni")
    ghazni = Place(Span(i, i + 6, "Ghazni"), "Ghazni", "AFG", 33.55, 68.42, "city")
    assert event_location(doc, event_at(text, "attacked"), [ghazni]) == ghazni
    assert event_location(doc, event_at(text, "attacked"), []) is not None  # still named, unresolved


@pytest.mark.slow
def test_stage_is_picklable_and_deterministic(nlp: Language) -> None:
    import pickle

    stage = pickle.loads(pickle.dumps(PlaceResolver()))
    text = "Rockets hit Baghdad's Green Zone, near the U.S. Embassy in Iraq."
    analysis = Analysis(article=Article(id="t", text=text))
    assert stage(nlp(text), analysis) == stage(nlp(text), analysis)


@pytest.mark.parametrize(
    ("getter", "must"),
    [
        (locative_preps, {"in", "on", "off", "near", "west"}),
        (location_verbs, {"capture", "enter", "attack"}),
        (motion_verbs, {"march", "rally"}),
        (place_nouns, {"village", "outskirts", "district"}),
    ],
)
def test_event_location_knowledge(getter: Callable[[], frozenset[str]], must: set[str]) -> None:
    words = getter()
    assert must <= words
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)


def test_gazetteer_data_files_parse() -> None:
    from eventwire.places.gazetteer import DATA, stopwords

    for line in (DATA / "gazetteer_extra.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            assert -90 <= float(cols[4]) <= 90 and -180 <= float(cols[5]) <= 180, line
    assert {"march", "monday", "street"} <= stopwords()


@pytest.mark.slow
def test_dateline_place_listed_once(nlp: Language, gaz: Gazetteer) -> None:
    text = "BAGHDAD — Rockets hit the Green Zone on Friday."
    doc = nlp(text)
    places = find_places(doc, Analysis(article=Article(id="t", text=text)), gaz)
    assert [(p.span.text, p.name) for p in places] == [("BAGHDAD", "Baghdad"), ("Green Zone", "Green Zone")]


def test_the_gazetteer_cache_is_named_by_its_sources_content_not_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from eventwire.places import gazetteer

    before = gazetteer.cache_path()
    copy = tmp_path / "data"
    shutil.copytree(gazetteer.DATA, copy)
    monkeypatch.setattr(gazetteer, "DATA", copy)
    assert gazetteer.cache_path() == before  # another checkout of the same sources shares the cache
    extra = copy / "gazetteer_extra.tsv"
    extra.write_text(extra.read_text(encoding="utf-8") + "# a user's change\n", encoding="utf-8")
    assert gazetteer.cache_path() != before


def test_only_a_cache_unused_for_weeks_is_stale(tmp_path: Path) -> None:
    import os
    import time

    from eventwire.places.gazetteer import STALE_DAYS, _unused_for

    cache = tmp_path / "gazetteer-0.pickle"
    cache.write_bytes(b"x")
    assert not _unused_for(cache, STALE_DAYS)
    old = time.time() - (STALE_DAYS + 1) * 86400
    os.utime(cache, (old, old))
    assert _unused_for(cache, STALE_DAYS)
