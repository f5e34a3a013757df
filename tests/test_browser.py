"""The workbench in a real headless Chromium (Debian's package), driven by Playwright."""

from __future__ import annotations

import csv
import io
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
        ("/timeline?modality=any", "#chart svg .mark-rect path"),
        ("/network?modality=any", "#chart svg .mark-rule line, #chart svg .mark-rule path"),
        ("/map?modality=any", "#chart svg .mark-symbol path"),
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


def svg_text(page: object, selector: str) -> str:
    """The text of every SVG element matching ``selector`` (SVG nodes have no innerText)."""
    return " ".join(page.locator(selector).all_text_contents())  # type: ignore[attr-defined]


def test_timeline_has_axes_legend_and_date_ticks(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/timeline?modality=any")  # type: ignore[attr-defined]
    assert page.locator("#chart svg .role-axis").count() >= 2  # type: ignore[attr-defined]
    legend = svg_text(page, "#chart svg .role-legend")
    assert "verbal cooperation" in legend and "material conflict" in legend
    ticks = page.locator("#chart svg .role-axis-label text").all_text_contents()  # type: ignore[attr-defined]
    assert any(any(m in t for m in ("Jan", "Feb", "Mar", "Q1", "Q2", "20")) for t in ticks)
    title = svg_text(page, "#chart svg .role-axis-title")  # type: ignore[attr-defined]
    assert "one bar per" in title or "events" in title


def test_network_is_directed_weighted_and_labelled(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/network?modality=any")  # type: ignore[attr-defined]
    labels = page.locator("#chart svg .mark-text text").all_text_contents()  # type: ignore[attr-defined]
    assert labels and all(label.strip() for label in labels)
    assert page.locator("#chart svg .mark-symbol path").count() > 0  # type: ignore[attr-defined] (arrowheads)
    legend = svg_text(page, "#chart svg")  # type: ignore[attr-defined]
    assert "avg Goldstein" in legend and "edge width" in legend


def test_map_has_country_outlines_sized_points_and_apart_labels(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/map?modality=any")  # type: ignore[attr-defined]
    assert page.locator("#chart svg .mark-shape path").count() > 100  # type: ignore[attr-defined]
    assert "QuadClass" in svg_text(page, "#chart svg .role-legend")
    boxes = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#chart svg .mark-text text",
        "els => els.map(e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })",
    )
    assert boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1)


def test_sort_download_and_hidden_modalities(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    dates = page.locator("#events tbody td:first-child").all_inner_texts()  # type: ignore[attr-defined]
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)  # newest first
    assert "Shown: asserted events" in page.inner_text("#shown")  # type: ignore[attr-defined]
    page.click("text=Conf.")  # type: ignore[attr-defined]
    page.wait_for_url("**sort=-confidence**")  # type: ignore[attr-defined]
    confs = [float(c) for c in page.locator("#events tbody td:nth-child(7)").all_inner_texts()]  # type: ignore[attr-defined]
    assert confs == sorted(confs, reverse=True)
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("#download-csv")  # type: ignore[attr-defined]
    text = Path(info.value.path()).read_text()
    total = int(page.inner_text("#total").split()[0])  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "article" and len(rows) == total + 1  # every matching row, not one page
    href = page.get_attribute("#download-parquet", "href")  # type: ignore[attr-defined]
    assert href is not None and href.startswith("/download/events.parquet?") and "sort=-confidence" in href


def test_event_links_to_its_evidence_and_back(browser_page: object, base_url: str) -> None:
    page = browser_page
    page.goto(base_url + "/?modality=any")  # type: ignore[attr-defined]
    page.click("#events tbody tr:first-child a.article-link")  # type: ignore[attr-defined]
    assert page.locator("#article-text .evidence").count() > 0  # type: ignore[attr-defined]
    assert page.locator("#article-events tr.chosen").count() == 1  # type: ignore[attr-defined]
    page.click("#article-events-link")  # type: ignore[attr-defined]
    page.wait_for_url("**article=**")  # type: ignore[attr-defined]
    assert page.locator("#events tbody tr").count() > 0  # type: ignore[attr-defined]
    assert len(set(page.locator("#events a.article-link").all_inner_texts())) == 1  # type: ignore[attr-defined]


def test_bad_filter_values_get_a_readable_page(browser_page: object, base_url: str) -> None:
    page = browser_page
    response = page.goto(base_url + "/?country=Iraq&min_confidence=2")  # type: ignore[attr-defined]
    assert response is not None and response.status == 422
    assert "not valid" in page.inner_text("#error-title")  # type: ignore[attr-defined]
    problems = page.inner_text("#problems")  # type: ignore[attr-defined]
    assert "country" in problems and "IRQ" in problems and "min_confidence" in problems
    assert "{" not in page.inner_text("main")  # type: ignore[attr-defined] (no raw JSON)


def test_docs_work_offline(browser_page: object, base_url: str) -> None:
    page = browser_page
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)  # type: ignore[attr-defined]
    page.goto(base_url + "/docs")  # type: ignore[attr-defined]
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)  # type: ignore[attr-defined]
    assert page.locator(".swagger-ui .opblock").count() > 5  # type: ignore[attr-defined]
    assert [u for u in outside if not u.startswith("data:")] == []
