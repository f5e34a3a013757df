"""The web app over a real DuckDB store (built from records written here), through HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.store.db import Store
from eventwire.web.app import create_app

from .factories import merge_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(path) as store:
        for analysis in merge_corpus():
            store.add(analysis)
        store.rebuild_merged()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://127.0.0.1")


@pytest.mark.parametrize("path", ["/", "/merged", "/timeline", "/network", "/map", "/quotes", "/claims", "/articles"])
def test_every_page_renders_and_links_its_json(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 200 and "text/html" in res.headers["content-type"]
    assert 'class="json"' in res.text or path == "/"


@pytest.mark.parametrize(
    "path, key",
    [
        ("/api/events", "events"),
        ("/api/merged", "events"),
        ("/api/timeline", "days"),
        ("/api/network", "edges"),
        ("/api/map", "places"),
        ("/api/quotes", "quotes"),
        ("/api/claims", "claims"),
        ("/api/articles", "articles"),
    ],
)
def test_every_page_is_also_json(client: TestClient, path: str, key: str) -> None:
    res = client.get(path)
    assert res.status_code == 200 and key in res.json()


def test_events_filter_and_highlight(client: TestClient) -> None:
    data = client.get("/api/events", params={"dyad": "KEN:TZA"}).json()
    assert data["total"] == 3
    assert all(e["source_country"] == "KEN" for e in data["events"])
    assert '<span class="trigger">accused</span>' in data["events"][0]["evidence_html"]
    assert client.get("/api/events", params={"dyad": "TZA:KEN"}).json()["total"] == 0


def test_pagination(client: TestClient) -> None:
    first = client.get("/api/events", params={"per_page": 2, "page": 1}).json()
    second = client.get("/api/events", params={"per_page": 2, "page": 2}).json()
    assert len(first["events"]) == 2 and len(second["events"]) == 1
    assert client.get("/api/events", params={"per_page": 500}).status_code == 422


@pytest.mark.parametrize(
    "params",
    [
        {"country": "iraq"},
        {"dyad": "IRQ-USA"},
        {"cameo": "abc"},
        {"quad": 7},
        {"since": "yesterday"},
        {"page": 0},
        {"text": "x" * 500},
    ],
)
def test_invalid_input_is_rejected(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_claims_show_both_sides(client: TestClient) -> None:
    [claim] = client.get("/api/claims", params={"disputed": True}).json()["claims"]
    assert claim["disputed"] and claim["for"][0]["holder"] == "Iraqi Parliament"
    page = client.get("/claims").text
    assert "disputed" in page and "Mike Pompeo" in page


def test_article_view_marks_text(client: TestClient) -> None:
    articles = client.get("/api/articles").json()["articles"]
    wire = next(a for a in articles if a["id"] == "wire-1")
    page = client.get(f"/articles/{wire['hash']}").text
    assert '<span class="trigger">accused</span>' in page and '<span class="actor">Kenya</span>' in page
    assert client.get("/articles/nope").status_code == 404


def test_openapi_lists_the_json_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/claims", "/api/articles/{key}"} <= paths.keys()


def test_app_is_read_only(client: TestClient) -> None:
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/articles/x").status_code == 405


def test_claims_are_paginated(client: TestClient) -> None:
    data = client.get("/api/claims", params={"per_page": 1, "page": 2}).json()
    assert data["total"] == 1 and data["claims"] == []


@pytest.mark.parametrize(
    ("page", "api", "key"),
    [("timeline", "/api/timeline", "days"), ("network", "/api/network", "edges"), ("map", "/api/map", "places")],
)
def test_a_chart_table_shows_the_columns_its_view_declares(client: TestClient, page: str, api: str, key: str) -> None:
    from eventwire.schema.views import CHART_COLUMNS

    rows = client.get(api).json()[key]
    assert rows and all(set(CHART_COLUMNS[page]) <= set(row) for row in rows)
    header = client.get(f"/{page}").text.split("<thead>")[1].split("</thead>")[0]
    assert [h.split("</th>")[0] for h in header.split("<th>")[1:]] == list(CHART_COLUMNS[page])
