"""The analyst's workbench: a read-only FastAPI app over a store.

Every HTML page has a JSON twin under ``/api/...`` (same filters), listed in the OpenAPI schema at
``/docs``. Inputs are validated by FastAPI; lists are paginated (``page``, ``per_page`` <= 200).
The routes live in ``routes/`` (one router per view family); what they share (the store of this app, the
templates, the event filters) in ``context.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .context import STATIC_DIR, WebContext
from .errors import install_error_pages
from .guard import allowed_hosts, install_guards
from .routes import ROUTERS

__all__ = ["create_app"]


def create_app(db: str | Path, host: str | None = None, allow_hosts: Sequence[str] = ()) -> FastAPI:
    """The app over the store ``db``; it answers only Host headers naming ``host`` (the bound address),
    the loopback names or one of ``allow_hosts`` (``"*"``: any)."""
    app = FastAPI(
        title="eventwire workbench",
        description="Events, actors, quotes and claims from a store.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    context = WebContext.over(db)
    app.state.web = context
    install_guards(app, allowed_hosts(host, allow_hosts))
    install_error_pages(app, context.templates)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
