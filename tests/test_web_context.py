"""The workbench's routes reach their store through the app's context (web/context.py), never through module
state: two apps over two stores in one process stay apart, and the routers keep every URL where it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from eventwire.model import Analysis
from eventwire.store.db import Store
from eventwire.web.app import create_app
from eventwire.web.context import WebContext
from eventwire.web.routes import ROUTERS, events

from .factories import merge_corpus

LOCAL = "http://127.0.0.1"
EVERYTHING = {"min_confidence": "0", "modality": "any"}


def _store(path: Path, analyses: list[Analysis]) -> Path:
    with Store(path) as store:
        store.add_many(analyses)
    return path


def _counts(client: TestClient) -> tuple[int, int, int]:
    """Articles, events and timeline events the app answers with."""
    articles = client.get("/api/articles").json()["total"]
    found = client.get("/api/events", params=EVERYTHING).json()["total"]
    days = client.get("/api/timeline", params=EVERYTHING).json()["days"]
    return articles, found, sum(d["events"] for d in days)


def _context(app: FastAPI) -> WebContext:
    ctx = app.state.web
    assert isinstance(ctx, WebContext)
    return ctx


@pytest.mark.parametrize("order", ["small first", "large first"])
def test_two_apps_on_two_stores_stay_independent(tmp_path: Path, order: str) -> None:
    corpus = merge_corpus()
    small_db = _store(tmp_path / "small.store", corpus[:1])
    large_db = _store(tmp_path / "large.store", corpus)
    if order == "small first":
        small_app, large_app = create_app(small_db), create_app(large_db)
    else:
        large_app, small_app = create_app(large_db), create_app(small_db)
    small, large = TestClient(small_app, base_url=LOCAL), TestClient(large_app, base_url=LOCAL)

    first_small, first_large = _counts(small), _counts(large)
    assert first_small[0] == 1 and first_large[0] == 4
    assert first_small[1] < first_large[1] and first_small[2] < first_large[2]
    assert _counts(small) == first_small, "the second app's answers never leak into the first's"
    # each app draws and keeps its own charts
    assert small.get("/timeline", params=EVERYTHING).status_code == 200
    assert large.get("/timeline", params=EVERYTHING).status_code == 200
    small_cache, large_cache = _context(small_app).shared.cache, _context(large_app).shared.cache
    assert small_cache is not large_cache
    kept = len(large_cache)
    assert kept > 0

    # a commit to one store moves that app only, and drops that app's cache only
    with Store(small_db) as store:
        store.add_many(corpus[1:2])
    after = _counts(small)
    assert after[0] == 2 and after[1] > first_small[1]
    assert small_cache.version != large_cache.version
    assert len(large_cache) == kept
    assert _counts(large) == first_large


def test_a_router_outside_create_app_says_what_is_missing() -> None:
    app = FastAPI()
    app.include_router(events.router)
    with pytest.raises(RuntimeError, match="WebContext"):
        TestClient(app, base_url=LOCAL).get("/api/events")


#: every route the routers serve: (method, path, OpenAPI tags, in the schema), in the order they are matched
ROUTES = [
    ("GET", "/docs", [], False),
    ("GET", "/download/{view}.{fmt}", ["downloads"], True),
    ("GET", "/api/events", ["events"], True),
    ("GET", "/", [], False),
    ("GET", "/api/merged", ["events"], True),
    ("GET", "/merged", [], False),
    ("GET", "/api/timeline", ["charts"], True),
    ("GET", "/timeline", [], False),
    ("GET", "/api/network", ["charts"], True),
    ("GET", "/network", [], False),
    ("GET", "/api/map", ["charts"], True),
    ("GET", "/map", [], False),
    ("GET", "/api/quotes", ["quotes"], True),
    ("GET", "/quotes", [], False),
    ("GET", "/api/claims", ["claims"], True),
    ("GET", "/claims", [], False),
    ("GET", "/api/articles/{key}", ["articles"], True),
    ("GET", "/articles/{key}", [], False),
    ("GET", "/api/articles", ["articles"], True),
    ("GET", "/articles", [], False),
]


def test_the_routers_serve_every_url_with_its_tag() -> None:
    served = [
        (method, r.path, list(r.tags), r.include_in_schema)
        for router in ROUTERS
        for r in router.routes
        if isinstance(r, APIRoute)
        for method in sorted(r.methods)
    ]
    assert served == ROUTES


def test_the_app_is_its_routers(tmp_path: Path) -> None:
    app = create_app(_store(tmp_path / "one.store", merge_corpus()[:1]))
    schema = TestClient(app, base_url=LOCAL).get("/openapi.json").json()
    tagged = [(method.upper(), path, op["tags"]) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert tagged == [(method, path, tags) for method, path, tags, shown in ROUTES if shown]
