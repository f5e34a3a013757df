"""Each input kind read into Articles: text (latin-1), HTML, gzip, JSONL, WARC, RSS and Atom."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs
from eventwire.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = FIXTURES / "article.html"


def read(*inputs: str | Path) -> list[Article]:
    return list(read_inputs([str(i) for i in inputs]))


def test_latin1_text_is_detected_not_assumed(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    text = (
        "Café owners in Besançon protest new curfew\n\n"
        "Owners of cafés and brasseries in Besançon marched to the préfecture on Saturday, "
        "saying the curfew would ruin them. The préfet said the measures would stay in force."
    )
    path.write_bytes(text.encode("latin-1"))
    (article,) = read(path)
    assert article.error is None
    assert article.id == str(path)
    assert article.title == "Café owners in Besançon protest new curfew"
    assert "the préfecture on Saturday" in article.text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe talks ended on Monday.")
    (article,) = read(path)
    assert article.text == "The talks ended on Monday."


def test_html_page_main_text_and_metadata() -> None:
    (article,) = read(PAGE)
    assert article.error is None
    assert article.id == str(PAGE)
    assert article.title == "Harbour talks resume in Valmora"
    assert article.url == "https://ledger.example.org/world/harbour-talks-resume"
    assert article.published == dt.date(2021, 3, 4)
    assert article.text.startswith("The foreign ministers of Norland and Estavia met")
    assert "“We came here to listen" in article.text
    assert "second round of talks is planned for April" in article.text
    for noise in ("Log in", "Storm closes airport", "All rights reserved", "Privacy"):
        assert noise not in article.text
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 5 and all("\n" not in p for p in paragraphs)


@pytest.mark.parametrize("name", ["page.html.gz", "page.htm.gz"])
def test_gzipped_html(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(PAGE.read_bytes()))
    (article,) = read(path)
    assert article.error is None and article.title == "Harbour talks resume in Valmora"


def test_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt.gz"
    path.write_bytes(gzip.compress(b"Troops left the base on Friday."))
    (article,) = read(path)
    assert article.text == "Troops left the base on Friday."


def test_jsonl_lines_and_bad_lines() -> None:
    path = FIXTURES / "articles.jsonl"
    articles = read(path)
    by_id = {a.id: a for a in articles}
    assert [a.id for a in articles] == ["first", "second", f"{path}:3", f"{path}:4", f"{path}:5", "empty", "7"]
    first = by_id["first"]
    assert (first.title, first.url, first.source) == (
        "Tarnby mayor resigns",
        "https://news.example.com/tarnby",
        "Example News",
    )
    assert first.published == dt.date(2022, 5, 9)
    assert first.text.startswith("The mayor of Tarnby resigned") and "\n\nShe said" in first.text
    assert by_id["second"].published == dt.date(2022, 5, 10)
    for bad in (f"{path}:3", f"{path}:4", "empty"):
        assert by_id[bad].text == "" and by_id[bad].error is not None
        assert by_id[bad].error.stage == "ingest" and by_id[bad].error.message.startswith(f"{bad}: ")
    html = by_id[f"{path}:5"]
    assert html.error is None and html.text.startswith("Police in Sorvik arrested twelve people")
    assert html.url == "https://news.example.com/sorvik"
    assert by_id["7"].error is None


def _warc(records: list[tuple[str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, body, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    data = _warc(
        [
            ("https://ledger.example.org/a", PAGE.read_bytes(), "text/html; charset=utf-8"),
            ("https://ledger.example.org/logo.png", b"\x89PNG....", "image/png"),
            ("https://ledger.example.org/empty", b"", "text/html"),
        ]
    )
    path = tmp_path / name
    path.write_bytes(data if name.endswith(".gz") else gzip.decompress(data))
    articles = read(path)
    assert [a.id for a in articles] == ["https://ledger.example.org/a", "https://ledger.example.org/empty"]
    page, empty = articles
    assert page.error is None and page.url == "https://ledger.example.org/a"
    assert page.text.startswith("The foreign ministers")
    assert empty.error is not None and empty.text == ""


@pytest.mark.parametrize("data", [b"WARC/1.0\r\nthis is not a record\r\n\r\n", b"just some bytes, not an archive", b""])
def test_broken_or_empty_warc_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    (article,) = read(path)
    assert article.id == str(path) and article.error is not None and article.text == ""


def test_rss_items() -> None:
    articles = read(FIXTURES / "feed.rss")
    assert [a.id for a in articles] == [
        "https://mfa.example.org/press/aid-convoy",
        "https://mfa.example.org/press/envoy-visit",
        "mfa-0003",
    ]
    full, summary, empty = articles
    assert full.title == "Minister condemns attack on aid convoy"
    assert full.published == dt.date(2021, 2, 2)
    assert full.source == "Ministry of Foreign Affairs of Norland"
    assert full.text == (
        "The Minister of Foreign Affairs strongly condemns the attack on a humanitarian convoy near the "
        "border town of Halden.\n\nNorland calls on all parties to respect international humanitarian law "
        "and to allow aid to reach civilians."
    )
    assert summary.text.startswith("The Estavian special envoy will visit") and "<p>" not in summary.text
    assert empty.error is not None and empty.title == "Empty item"


def test_atom_entries() -> None:
    budget, strike = read(FIXTURES / "feed.atom")
    assert budget.id == "https://daily.example.net/budget"
    assert budget.title == "Parliament approves budget"
    assert budget.published == dt.date(2021, 5, 31)
    assert budget.source == "Estavia Daily"
    assert budget.text.startswith("The Estavian parliament approved") and "\n\nOpposition parties" in budget.text
    assert "summary" not in budget.text
    assert strike.text == "Dock workers in Valmora walked out on Tuesday demanding higher wages."
    assert strike.published == dt.date(2021, 6, 1)


def test_warc_on_stdin() -> None:
    data = _warc([("https://ledger.example.org/a", PAGE.read_bytes(), "text/html")])
    (article,) = read_inputs(["-"], stdin=io.BytesIO(data))
    assert article.id == "https://ledger.example.org/a" and article.error is None


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "The envoy arrived."}\n{"id": "g2", "text": "He left."}\n'))
    assert [a.id for a in read(path)] == ["g1", "g2"]
