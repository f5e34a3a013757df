"""The one country table: read by actors, places and export, checked as it is loaded."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors.knowledge import key_of, lexicon, load_countries
from eventwire.errors import KnowledgeError
from eventwire.export.gdelt import fips
from eventwire.knowledge.countries import country_table, is_acronym, read_country_table

HEADER = "# iso3\tfips\tnames\tdemonyms\tcapitals\tlat\tlon\tplace names\tplace demonyms\tattributive\n"
GOOD = [
    "NOR\tNO\tNorway\tNorwegian|Norwegians\tOslo\t62\t10\t\t=",
    "SWE\tSW\tSweden\tSwedish|Swedes\tStockholm\t\t\t\t",
    "ATA\tAY\t-\t\t\t\t\t\t",
]


def _table(
    tmp_path: Path, rows: list[str], regions: str = "NOR\tFinnmark\n", demonyms: str = "", homonyms: str = ""
) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "countries.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    (folder / "regions.tsv").write_text(regions, encoding="utf-8")
    (folder / "region_demonyms.tsv").write_text(demonyms or "Nordic\tScandinavia\n", encoding="utf-8")
    (folder / "homonyms.tsv").write_text(homonyms or "Oslo\tSWE\n", encoding="utf-8")
    return folder


def test_a_good_table_reads_into_rows(tmp_path: Path) -> None:
    table = read_country_table(_table(tmp_path, GOOD))
    nor = table.by_iso3["NOR"]
    assert (nor.name, nor.demonyms, nor.place_demonyms, nor.point) == (
        "Norway",
        ("Norwegian", "Norwegians"),
        ("Norwegian", "Norwegians"),
        (62.0, 10.0),
    )
    assert table.by_iso3["SWE"].point is None and table.by_iso3["SWE"].place_demonyms == ()
    assert [row.iso3 for row in table.named()] == ["NOR", "SWE"]
    assert table.knows("NOR") and not table.knows("ATA") and not table.knows("XYZ")
    assert table.fips == {"NOR": "NO", "SWE": "SW", "ATA": "AY"}
    assert table.regions[0].names == ("Finnmark",)
    assert table.region_demonyms == (("Nordic", "Scandinavia"),)
    assert table.homonyms == (("Oslo", ("SWE",)),)


@pytest.mark.parametrize(
    ("rows", "regions", "file", "line", "key"),
    [
        (["Nor\tNO\tNorway\t\t\t\t\t\t"], "", "countries.tsv", 2, "Nor"),
        (["NORW\tNO\tNorway\t\t\t\t\t\t"], "", "countries.tsv", 2, "NORW"),
        ([*GOOD, "NOR\tNO\tNorge\t\t\t\t\t\t"], "", "countries.tsv", 5, "NOR"),
        ([*GOOD, "DNK\tDA\tDenmark|Sweden\t\t\t\t\t\t"], "", "countries.tsv", 5, "DNK: Sweden"),
        ([*GOOD, "DNK\tDA\tDenmark\tNorwegian\t\t\t\t\t"], "", "countries.tsv", 5, "DNK: Norwegian"),
        (["NOR\tnorway\tNorway\t\t\t\t\t\t"], "", "countries.tsv", 2, "NOR.fips"),
        (["NOR\tNO\tNorway\t\t\t95\t10\t\t"], "", "countries.tsv", 2, "NOR.lat"),
        (["NOR\tNO\tNorway\t\t\t\t\tNoreg\t"], "", "countries.tsv", 2, "NOR.place names"),
        (["ATA\tAY\t-\tAntarctic\t\t\t\t\t"], "", "countries.tsv", 2, "ATA.names"),
        (["NOR\tNO\tNorway\t\t\t\t\t\t\tN.O."], "", "countries.tsv", 2, "NOR.attributive"),
        (["NOR\tNO\tNorway\t\t\t\t\t\t\tNorway\textra"], "", "countries.tsv", 2, "NOR"),
        (GOOD, "NOR\tFinnmark\nDNK\tJutland\n", "regions.tsv", 2, "DNK"),
        (GOOD, "ATA\tRoss Ice Shelf\n", "regions.tsv", 1, "ATA"),
    ],
)
def test_a_bad_table_names_file_line_and_key(
    tmp_path: Path, rows: list[str], regions: str, file: str, line: int, key: str
) -> None:
    with pytest.raises(KnowledgeError) as caught:
        read_country_table(_table(tmp_path, rows, regions or "NOR\tFinnmark\n"))
    assert caught.value.path.endswith(file)
    assert (caught.value.line, caught.value.key) == (line, key)


def test_a_region_demonym_listed_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as caught:
        read_country_table(_table(tmp_path, GOOD, demonyms="Nordic\tScandinavia\nnordic\tNorden\n"))
    assert (caught.value.path.endswith("region_demonyms.tsv"), caught.value.line) == (True, 2)


@pytest.mark.parametrize(
    ("homonyms", "key"),
    [("Bergen\tSWE\n", "Bergen"), ("Oslo\tDNK\n", "Oslo: DNK"), ("Oslo\tATA\n", "Oslo: ATA"), ("Oslo\n", "Oslo")],
)
def test_a_homonym_must_be_a_listed_place_of_known_other_countries(tmp_path: Path, homonyms: str, key: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        read_country_table(_table(tmp_path, GOOD, homonyms=homonyms))
    assert caught.value.path.endswith("homonyms.tsv")
    assert (caught.value.line, caught.value.key) == (1, key)


def test_the_package_table_is_what_every_reader_reads() -> None:
    table = country_table()
    assert set(load_countries()) == {row.iso3 for row in table.named()}
    for row in table.named():
        assert load_countries()[row.iso3].names == row.names
        assert lexicon().entries[" ".join(row.names[0].lower().split())].country == row.iso3
    assert {fips(row.iso3) for row in table.rows if row.fips} == set(table.fips.values())
    assert fips("GBR") == "UK" and fips(None) == ""


def test_the_package_table_has_no_other_copy() -> None:
    """Country facts live only in knowledge/data: the old per-stage copies are gone."""
    root = resources.files("eventwire")
    for old in (
        "actors/data/countries.tsv",
        "actors/data/regions.tsv",
        "actors/data/homonyms.tsv",
        "data/geo_countries.tsv",
    ):
        assert not root.joinpath(old).is_file(), old
    assert (
        not root.joinpath("export/data/fips10_4.tsv").is_file() and not root.joinpath("data/geo_demonyms.tsv").is_file()
    )
    assert lexicon().homonyms == {key_of(name): others for name, others in country_table().homonyms}


def test_the_package_table_round_trips_through_a_copy(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(Path(str(resources.files("eventwire.knowledge").joinpath("data"))), folder)
    assert read_country_table(folder).rows == country_table().rows


def test_the_attributive_name_is_written_before_a_noun_else_the_adjective(tmp_path: Path) -> None:
    rows = ["NOR\tNO\tNorway|N.O.\tNorwegian|Norwegians\tOslo\t62\t10\t\t=\tN.O.", *GOOD[1:]]
    table = read_country_table(_table(tmp_path, rows))
    assert [table.attributive_of(c) for c in ("NOR", "SWE", "ATA", "XYZ")] == ["N.O.", "Swedish", "ATA", "XYZ"]
    package = country_table()
    assert (package.attributive_of("USA"), package.attributive_of("FRA")) == ("U.S.", "French")


def test_the_country_words_are_every_named_row_s_names_demonyms_and_capitals(tmp_path: Path) -> None:
    words = read_country_table(_table(tmp_path, GOOD)).country_words()
    assert words == {
        "norway": "NOR",
        "norwegian": "NOR",
        "norwegians": "NOR",
        "oslo": "NOR",
        "sweden": "SWE",
        "swedish": "SWE",
        "swedes": "SWE",
        "stockholm": "SWE",
    }


@pytest.mark.parametrize(
    ("form", "acronym"),
    [
        ("CAR", True),
        ("U.S.", True),
        ("DPRK", True),
        ("U.S.-led", False),
        ("Car", False),
        ("UNITED", True),
        ("1990", False),
    ],
)
def test_an_acronym_is_all_capitals_of_at_most_six_letters(tmp_path: Path, form: str, acronym: bool) -> None:
    assert is_acronym(form) is acronym
    rows = [f"NOR\tNO\tNorway|{form}\t\tOslo\t\t\t\t", *GOOD[1:]]
    words = read_country_table(_table(tmp_path, rows)).country_words()
    assert words.get(form if acronym else form.lower()) == "NOR"
    assert (form.lower() in words) is (not acronym or form.lower() == form)
