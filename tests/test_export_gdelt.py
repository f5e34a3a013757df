"""GDELT 2.0 Events and Mentions, and PLOVER records, read back as other tools read them, on real news."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from eventwire.cli import main
from eventwire.events.lexicon.cameo import cameo_table
from eventwire.export import gdelt
from eventwire.export.writers import open_writer
from eventwire.knowledge.countries import country_table

from .factories import sample_analysis

pytestmark = pytest.mark.slow

ISO3 = re.compile(r"^[A-Z]{3}$")
SECTORS = re.compile(r"^[A-Z]{3}$")
FIPS_CODES = set(country_table().fips.values())
DTYPES = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}


def read_gdelt(path: Path, columns: tuple[str, ...], extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """The file read as a GDELT user reads it: tab-separated, no header, the codebook's names and types."""
    dtypes = {c: DTYPES[gdelt.column_type(c)] for c in columns} | dict.fromkeys(extra, "string")
    names = [*columns, *extra]
    return pd.read_csv(path, sep="\t", header=None, names=names, dtype=dtypes, quoting=3, na_values=[""])


@pytest.fixture(scope="module")
def events(news_db: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    assert main(["export", "--db", str(news_db), "--format", "gdelt", "-o", str(out), "--min-confidence", "0"]) == 0
    assert all(line.count("\t") == 60 for line in out.read_text().splitlines())  # exactly 61 columns
    frame = read_gdelt(out, gdelt.GDELT_EVENT_COLUMNS)
    assert len(frame) > 20
    return frame


def test_codebook_matches_the_reference(shared: Path) -> None:
    text = (shared / "reference" / "gdelt2_columns.txt").read_text()
    events = text.split("## GDELT 2.0 EVENTS")[1].split("##")[0]
    mentions = text.split("## GDELT 2.0 MENTIONS")[1].split("##")[0]
    for block, columns in ((events, gdelt.GDELT_EVENT_COLUMNS), (mentions, gdelt.GDELT_MENTION_COLUMNS)):
        rows = [line.split("\t") for line in block.splitlines() if line[:1].isdigit()]
        assert [r[1] for r in rows] == list(columns)
        assert {r[1]: r[2] for r in rows} == {c: gdelt.column_type(c) for c in columns}


def test_ids_and_dates(events: pd.DataFrame) -> None:
    assert events["GLOBALEVENTID"].is_unique and events["GLOBALEVENTID"].notna().all()
    dated = events.dropna(subset=["SQLDATE"])
    assert len(dated) == len(events)
    assert (dated["MonthYear"] == dated["SQLDATE"] // 100).all()
    assert (dated["Year"] == dated["SQLDATE"] // 10000).all()
    assert ((dated["FractionDate"] - dated["Year"]).between(0, 1)).all()
    added = events["DATEADDED"].astype(str)
    assert added.str.fullmatch(r"\d{14}").all()
    assert all(dt.datetime.strptime(a, "%Y%m%d%H%M%S") for a in added)


@pytest.mark.parametrize("n", [1, 2])
def test_actor_columns(events: pd.DataFrame, n: int) -> None:
    a = f"Actor{n}"
    for _, row in events.iterrows():
        parts = [row[f"{a}{c}"] for c in ("CountryCode", "KnownGroupCode", "Type1Code", "Type2Code", "Type3Code")]
        code = "".join(p for p in parts if isinstance(p, str))
        assert (row[f"{a}Code"] if isinstance(row[f"{a}Code"], str) else "") == code  # the full CAMEO code
        if isinstance(row[f"{a}CountryCode"], str):
            assert ISO3.match(row[f"{a}CountryCode"])  # an actor's country is CAMEO's, not FIPS
        if isinstance(row[f"{a}KnownGroupCode"], str):
            assert re.fullmatch(r"[A-Z]{3}", row[f"{a}KnownGroupCode"])
            assert row[f"{a}KnownGroupCode"] not in ("GOV", "MIL", "IGO", "NGO", "REB")  # a group, not a sector
        if isinstance(row[f"{a}Type1Code"], str):
            assert SECTORS.match(row[f"{a}Type1Code"])
        for empty in ("EthnicCode", "Religion1Code", "Religion2Code"):
            assert pd.isna(row[f"{a}{empty}"])
        if not isinstance(row[f"{a}Code"], str):
            assert all(pd.isna(p) for p in parts)  # a side that is no coded actor: empty code columns


def test_known_groups_and_full_codes(events: pd.DataFrame) -> None:
    codes = set(events["Actor1Code"].dropna()) | set(events["Actor2Code"].dropna())
    assert any(len(c) == 6 for c in codes)  # country + sector, e.g. USAGOV
    groups = set(events["Actor1KnownGroupCode"].dropna()) | set(events["Actor2KnownGroupCode"].dropna())
    assert groups and groups <= {"UNO", "EUR", "NAT", "AFU", "ARL", "OSC", "ASN", "GCC", "OIC", "IMF", "WBK"} | groups


def test_event_codes(events: pd.DataFrame) -> None:
    table = cameo_table()
    for _, row in events.iterrows():
        code = table[row["EventCode"]]
        assert row["EventBaseCode"] == row["EventCode"][:3] and row["EventRootCode"] == row["EventCode"][:2]
        assert row["QuadClass"] == code.quad and row["GoldsteinScale"] == pytest.approx(code.goldstein, abs=0.05)
    assert set(events["IsRootEvent"]) <= {0, 1} and events["IsRootEvent"].sum() > 0
    assert (events["NumMentions"] >= events["NumArticles"]).all()
    assert (events["NumArticles"] >= events["NumSources"]).all() and (events["NumSources"] >= 1).all()
    assert events["AvgTone"].isna().all()


@pytest.mark.parametrize("geo", ["Actor1Geo", "Actor2Geo", "ActionGeo"])
def test_geo_columns(events: pd.DataFrame, geo: str) -> None:
    assert set(events[f"{geo}_Type"]) <= {0, 1, 2, 3, 4, 5}
    placed = events[events[f"{geo}_Type"] > 0]
    assert len(placed) > 0
    for _, row in placed.iterrows():
        country = row[f"{geo}_CountryCode"]
        assert country in FIPS_CODES  # FIPS 10-4, as GDELT uses
        assert row[f"{geo}_ADM1Code"].startswith(country)
        assert -90 <= row[f"{geo}_Lat"] <= 90 and -180 <= row[f"{geo}_Long"] <= 180
        if row[f"{geo}_Type"] == 1:
            assert row[f"{geo}_ADM1Code"] == country and row[f"{geo}_FeatureID"] == country
    for _, row in events[events[f"{geo}_Type"] == 0].iterrows():
        assert pd.isna(row[f"{geo}_FullName"]) and pd.isna(row[f"{geo}_Lat"])


def test_actor_geo_is_the_actor_country(events: pd.DataFrame) -> None:
    coded = events.dropna(subset=["Actor1CountryCode"])
    assert (coded["Actor1Geo_Type"] == 1).all()
    assert all(
        gdelt.fips(c) == g for c, g in zip(coded["Actor1CountryCode"], coded["Actor1Geo_CountryCode"], strict=True)
    )


def test_source_url_is_the_article_url(events: pd.DataFrame) -> None:
    assert events["SOURCEURL"].str.startswith("https://").all()
    assert not events["SOURCEURL"].str.fullmatch(r"[0-9a-f]{32}").any()


def test_mentions_table(news_db: Path, tmp_path: Path, events: pd.DataFrame) -> None:
    out = tmp_path / "mentions.tsv"
    argv = ["export", "--db", str(news_db), "--format", "gdelt-mentions", "-o", str(out)]
    assert main([*argv, "--min-confidence", "0"]) == 0
    m = read_gdelt(out, gdelt.GDELT_MENTION_COLUMNS)
    assert set(m["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])  # every merged event, every mention
    per_event = m.groupby("GLOBALEVENTID").size()
    assert (events.set_index("GLOBALEVENTID")["NumMentions"] == per_event.reindex(events["GLOBALEVENTID"])).all()
    assert set(m["MentionType"]) == {1} and m["MentionIdentifier"].str.startswith("https://").all()
    assert (m["SentenceID"] >= 1).all() and (m["ActionCharOffset"] >= 0).all()
    assert (m["ActionCharOffset"] < m["MentionDocLen"]).all() and m["Confidence"].between(0, 100).all()
    assert set(m["InRawText"]) <= {0, 1} and m["MentionSourceName"].notna().all()
    # at a threshold, an event shown keeps every mention (NumMentions counts them all)
    assert main([*argv, "--min-confidence", "0.6"]) == 0
    shown = read_gdelt(out, gdelt.GDELT_MENTION_COLUMNS).groupby("GLOBALEVENTID").size()
    assert 0 < len(shown) < len(per_event)
    assert (events.set_index("GLOBALEVENTID")["NumMentions"].reindex(shown.index) == shown).all()


def test_gdelt_plus_adds_our_columns(news_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plus.tsv"
    assert main(["export", "--db", str(news_db), "--format", "gdelt+", "-o", str(out)]) == 0
    frame = read_gdelt(out, gdelt.GDELT_EVENT_COLUMNS, gdelt.EXTRA_COLUMNS)
    assert frame["Modality"].notna().all() and frame["EvidenceText"].notna().all()


def test_code_and_export_share_one_writer(tmp_path: Path) -> None:
    stream = io.StringIO()
    open_writer("gdelt", stream, added=dt.datetime(2024, 3, 9, 12, 0)).write(sample_analysis())
    [cells] = [line.split("\t") for line in stream.getvalue().splitlines()]
    row = dict(zip(gdelt.GDELT_EVENT_COLUMNS, cells, strict=True))
    assert row["Actor1Code"] == "KEN" and row["Actor2Code"] == "TZA" and row["DATEADDED"] == "20240309120000"
    assert row["ActionGeo_CountryCode"] == "KE" and row["ActionGeo_Type"] == "4" and row["IsRootEvent"] == "1"
    assert row["ActionGeo_FullName"] == "Nairobi, Kenya" and row["SOURCEURL"] == "http://example.org/a1"


@pytest.mark.parametrize(
    "side, expected",
    [
        (gdelt.GdeltActor("United Nations", None, "IGO", "IGOUNO"), ["UNO", "UNITED NATIONS", "", "UNO"]),
        (gdelt.GdeltActor("UN peacekeepers", None, "MIL", "IGOUNOPKO"), ["UNOMIL", "UN PEACEKEEPERS", "", "UNO"]),
        (gdelt.GdeltActor("Iraqi army", "IRQ", "MIL", "IRQMIL"), ["IRQMIL", "IRAQI ARMY", "IRQ", ""]),
        (gdelt.GdeltActor("the deal", None, None, None), ["", "THE DEAL", "", ""]),
    ],
)
def test_actor_codes(side: gdelt.GdeltActor, expected: list[str]) -> None:
    assert side.cells()[:4] == expected


@pytest.mark.parametrize(
    "geo, kind, adm1",
    [
        (gdelt.GdeltGeo("Seoul", "KOR", "capital", "11", 37.56, 126.97, 1835848), 4, "KS11"),
        (gdelt.GdeltGeo("California", "USA", "admin1", "CA", 37.2, -119.5, 5332921), 2, "USCA"),
        (gdelt.GdeltGeo("Boston", "USA", "city", "MA", 42.36, -71.06, 4930956), 3, "USMA"),
        (gdelt.GdeltGeo("Iraq", "IRQ", "country", None, 33.0, 44.0, 99237), 1, "IZ"),
        (gdelt.GdeltGeo("Bavaria", "DEU", "admin1", "02", 49.0, 11.5, 2951839), 5, "GM02"),
    ],
)
def test_geo_types_and_adm1(geo: gdelt.GdeltGeo, kind: int, adm1: str) -> None:
    cells = geo.cells()
    assert cells[0] == kind and cells[3] == adm1


def test_plover_export_matches_the_ontology(news_db: Path, tmp_path: Path, shared: Path) -> None:
    ref = json.loads((shared / "reference" / "plover.json").read_text())
    types = {e["event"]: e for e in ref["events"]}
    contexts = {c["context"] for c in ref["contexts"]}
    out = tmp_path / "plover.jsonl"
    assert main(["export", "--db", str(news_db), "--format", "plover", "-o", str(out), "--min-confidence", "0"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) > 20
    for rec in records:
        event = types[rec["event"]]
        assert rec["quad_category"] == event["quad_category"]
        assert rec["mode"] is None or rec["mode"] in {m["mode"] for m in event["modes"]}
        assert set(rec["context"]) <= contexts and set(rec["aux_modes"]) <= set(ref["auxiliary_modes"])
        assert rec["actor"] is None or {"name", "country", "sector", "code"} <= rec["actor"].keys()
        assert rec["story"]["url"].startswith("https://") and rec["text"]
        assert rec["date"] is None or dt.date.fromisoformat(rec["date"])
    assert any(rec["mode"] for rec in records) and any(rec["context"] for rec in records)


def test_code_writes_plover_and_mentions(tmp_path: Path) -> None:
    for fmt in ("plover", "gdelt-mentions"):
        stream = io.StringIO()
        open_writer(fmt, stream).write(sample_analysis())
        line = stream.getvalue().splitlines()[0]
        if fmt == "plover":
            assert json.loads(line)["event"] == "ACCUSE" and json.loads(line)["mode"] == "disapprove"
        else:
            assert len(line.split("\t")) == 16
