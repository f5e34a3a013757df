"""The workbench under hostile input (issue 12, items 7-10, 12, 13): real DuckDB store, real HTTP through
the app's test client, and a real second process holding the store's write lock."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.model import Actor, Analysis, Article, Span
from eventwire.store.db import Store
from eventwire.web import render
from eventwire.web.app import create_app

from .factories import merge_corpus, sample_analysis

LOCAL = "http://127.0.0.1"


def _hostile() -> list[Analysis]:
    evil = sample_analysis("evil-1")
    evil = evil.with_(article=replace(evil.article, url="javascript:alert(document.cookie)", text=evil.article.text))
    text = "Mr_X and 100% Co accused Tanzania of closing the border."
    odd_actor = Actor("A9", "100% Co", None, None, None, "organization", (Span(9, 16, "100% Co"),))
    underscore = Actor("A8", "Mr_X", None, None, None, "person", (Span(0, 4, "Mr_X"),))
    odd = Analysis(article=Article("odd-2", text), actors=(underscore, odd_actor))
    return [*merge_corpus(), evil, odd]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webh") / "web.duckdb"
    with Store(path) as store:
        for analysis in _hostile():
            store.add(analysis)
        store.rebuild_merged()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url=LOCAL)


def _key(client: TestClient, article_id: str) -> str:
    rows = client.get("/api/articles", params={"per_page": 200}).json()["articles"]
    return str(next(a["hash"] for a in rows if a["id"] == article_id))


# item 9 -------------------------------------------------------------------------------------------------
def test_a_javascript_url_is_never_a_link(client: TestClient) -> None:
    page = client.get(f"/articles/{_key(client, 'evil-1')}").text
    assert 'href="javascript' not in page.lower()
    assert '<span class="url">javascript:alert(document.cookie)</span>' in page  # shown, not clickable


def test_an_http_url_is_a_link(client: TestClient) -> None:
    page = client.get(f"/articles/{_key(client, 'wire-1')}").text
    assert 'href="http://example.org/a1"' in page


@pytest.mark.parametrize("path", ["/", "/articles", "/api/events", "/nope"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    res = client.get(path)
    csp = res.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["x-frame-options"] == "DENY"


# item 10 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::2]"])
def test_a_foreign_host_header_is_refused(db: Path, host: str) -> None:
    res = TestClient(create_app(db), base_url=LOCAL).get("/api/events", headers={"host": host})
    assert res.status_code == 400 and "--allow-host" in res.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000", "127.0.0.1"])
def test_loopback_host_headers_are_served(db: Path, host: str) -> None:
    res = TestClient(create_app(db), base_url=LOCAL).get("/api/events", headers={"host": host})
    assert res.status_code == 200


def test_allow_host_lets_a_name_in(db: Path) -> None:
    app = create_app(db, allow_hosts=["events.lan"])
    assert TestClient(app, base_url="http://events.lan").get("/api/events").status_code == 200
    assert TestClient(app, base_url="http://other.lan").get("/api/events").status_code == 400


def test_the_bound_address_is_allowed(db: Path) -> None:
    app = create_app(db, host="10.1.2.3")
    assert TestClient(app, base_url="http://10.1.2.3:8000").get("/api/events").status_code == 200


# item 12 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/api/merged",
        "/merged",
        "/api/quotes",
        "/quotes",
        "/api/articles",
        "/articles",
        "/api/claims",
        "/claims",
        "/api/events",
        "/",
    ],
)
@pytest.mark.parametrize("page", [46116860184273880, 10**30, -1])
def test_huge_page_values_are_422(client: TestClient, path: str, page: int) -> None:
    assert client.get(path, params={"page": page}).status_code == 422


# item 13 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("actor", "found"), [("%", 0), ("_", 0), ("100%", 0), ("Kenya", 4)])
def test_like_wildcards_in_filters_are_literal(client: TestClient, actor: str, found: int) -> None:
    assert client.get("/api/events", params={"actor": actor}).json()["total"] == found


@pytest.mark.parametrize(("speaker", "found"), [("%", 0), ("_", 0), ("Ruto", 4)])
def test_like_wildcards_in_speaker_are_literal(client: TestClient, speaker: str, found: int) -> None:
    assert len(client.get("/api/quotes", params={"speaker": speaker}).json()["quotes"]) == found


# item 7 -------------------------------------------------------------------------------------------------


def test_highlight_memory_is_linear_in_the_marks_not_per_character() -> None:
    text = "Kenya accused Tanzania of closing the border. " * 5000  # 230,000 characters
    marks = [(i, i + 5, "actor") for i in range(0, len(text), 46)] + [(6, 13, "trigger"), (0, len(text), "quote")]
    tracemalloc.start()
    html = render.highlight(text, marks)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 * len(text), f"{peak / len(text):.0f} bytes per character"  # a set per character: ~230
    assert html.count('<span class="actor quote">Kenya</span>') == 5000


# item 8 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/events", "/articles", "/api/merged"])
def test_a_store_that_cannot_be_read_says_503_and_retry_after(tmp_path: Path, path: str) -> None:
    db = tmp_path / "busy.duckdb"
    with Store(db) as store:
        store.add_many(merge_corpus())
    client = TestClient(create_app(db), base_url=LOCAL)
    assert client.get(path).status_code == 200
    [segment] = (db / "segments").iterdir()
    hidden = tmp_path / "hidden"
    segment.rename(hidden)  # the segment's files vanish under the server
    try:
        res = client.get(path)
        assert res.status_code == 503 and int(res.headers["retry-after"]) >= 1
        assert "Traceback" not in res.text
    finally:
        hidden.rename(segment)
    assert client.get(path).status_code == 200


def test_a_store_being_written_is_served(tmp_path: Path) -> None:
    """A writer holds the store (its lock, an open index) while the server answers from the committed segments."""
    db = tmp_path / "busy.duckdb"
    with Store(db) as writer:
        writer.add(merge_corpus()[0])
        client = TestClient(create_app(db), base_url=LOCAL)
        assert client.get("/api/articles").json()["total"] == 1
        writer.add_many(merge_corpus()[1:])
        res = client.get("/api/articles")
        assert res.status_code == 200 and res.json()["total"] == len(merge_corpus())
