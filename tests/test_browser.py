"""The workbench in a real headless Chromium (Debian's package), driven by Playwright."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.browser]

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo_news.jsonl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from eventwire.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    assert main(["ingest", str(DEMO), "--db", str(db), "--workers", "1", "-q"]) == 0
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser_page(base_url: str) -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (make test installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def test_events_page_filters(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    rows = page.locator("#events tbody tr")  # type: ignore[attr-defined]
    total = rows.count()
    assert total > 0
    assert page.locator("#events .trigger").count() > 0  # type: ignore[attr-defined]
    page.select_option("select[name=quad]", "4")  # type: ignore[attr-defined]
    page.click("#apply")  # type: ignore[attr-defined]
    page.wait_for_url("**quad=4**")  # type: ignore[attr-defined]
    quads = page.locator("#events tbody td.q4").count()  # type: ignore[attr-defined]
    assert 0 < rows.count() < total and quads == rows.count()


def test_open_an_article(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/articles")  # type: ignore[attr-defined]
    page.click("text=Militants attack army post in northern Mali")  # type: ignore[attr-defined]
    assert "Mali" in page.inner_text("#article-title")  # type: ignore[attr-defined]
    assert page.locator("#article-text .actor").count() > 0  # type: ignore[attr-defined]
    assert page.locator("#article-events tbody tr").count() > 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path, selector",
    [
        ("/timeline", "#chart svg rect"),
        ("/network", "#chart svg circle"),
        ("/map", "#chart svg circle.place"),
        ("/quotes", "#quotes tbody tr"),
        ("/merged", "#merged tbody tr"),
        ("/claims", "h1"),
    ],
)
def test_pages_show_their_data(browser_page: object, base_url: str, path: str, selector: str) -> None:
    page = browser_page
    page.goto(base_url + path)  # type: ignore[attr-defined]
    assert page.locator(selector).count() > 0  # type: ignore[attr-defined]


def test_merged_demo_event_has_two_articles(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/merged?min_articles=2")  # type: ignore[attr-defined]
    assert page.locator("#merged tbody tr").count() >= 1  # type: ignore[attr-defined]
