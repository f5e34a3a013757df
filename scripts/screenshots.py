"""Screenshots of every page of the workbench for the README (headless Debian chromium via Playwright).

    .venv/bin/python scripts/screenshots.py [--db demo.store] [--out docs/screenshots]

Builds the demo store from the real news in examples/news (State Department releases, Wikinews) first when
the file does not exist, as `make demo` does.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from eventwire.cli import main as eventwire
from eventwire.web.app import create_app

PAGES = {
    "events": "/",
    "timeline": "/timeline",
    "network": "/network",
    "map": "/map",
    "quotes": "/quotes",
    "claims": "/claims",
    "merged": "/merged?min_articles=2",
    "articles": "/articles",
    "error": "/?country=Iraq",
    "docs": "/docs",
}
NEWS = ["examples/news/state_dept/articles.jsonl", "examples/news/wikinews/articles.jsonl"]


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("demo.store"))
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = ap.parse_args()
    if not args.db.exists():
        eventwire(["ingest", *NEWS, "--db", str(args.db), "-q"])
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.db)
    chromium = shutil.which("chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, path in PAGES.items():
            page.goto(base + path)
            if name == "docs":
                page.wait_for_selector(".swagger-ui .opblock")
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
        page.goto(base + "/?modality=any")
        page.click("#events tbody tr:first-child a.article-link")  # the article, its event's evidence marked
        page.screenshot(path=str(args.out / "article.png"), full_page=False)
        browser.close()
    server.should_exit = True
    print(f"wrote {len(PAGES) + 1} screenshots to {args.out}")


if __name__ == "__main__":
    main()
