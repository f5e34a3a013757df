"""What every route of the workbench shares: the app's :class:`WebContext` (its store, the per-version cache,
the templates), reached through the :data:`Context` dependency, and the event filters (:data:`Filters`).

The context lives on ``app.state`` (set by ``create_app``), never in a module: two apps over two stores in
one process answer each from its own store and keep their own caches.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

import duckdb
from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..errors import ConfigError, StoreError
from ..store.catalog import Catalog, open_catalog
from ..store.db import Store
from ..store.query import EventQuery, default_min_confidence, parse_modalities
from .cache import Memo, VersionCache

__all__ = [
    "PAGE_MAX",
    "PER_PAGE_MAX",
    "STATIC_DIR",
    "Context",
    "EventFilters",
    "Filters",
    "MinArticles",
    "Page",
    "PerPage",
    "SharedConnection",
    "WebContext",
    "jsonable",
    "web_context",
]

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
QUAD_NAMES = MappingProxyType(
    {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
)
PER_PAGE_MAX = 200
#: the last page number accepted (offsets stay far inside 64-bit integers)
PAGE_MAX = 100_000

#: the ``page`` and ``per_page`` query parameters of the lists that take no event filters
Page = Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)]
PerPage = Annotated[int, Query(ge=1, le=PER_PAGE_MAX)]
#: how many articles a merged event must have been reported by
MinArticles = Annotated[int, Query(ge=1, le=1000)]


class SharedConnection:
    """The server's catalog of the store (views over its segments), opened on first use and moved to the
    latest committed manifest at each request; what requests computed from one committed version (charts,
    page histograms, the speakers) is kept in ``cache`` until the next commit (see ``web/cache.py``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.catalog: Catalog | None = None
        self.cache = VersionCache()

    def open(self) -> tuple[duckdb.DuckDBPyConnection, Memo]:
        """A cursor on the latest committed version, and the memo of that version."""
        with self.lock:
            if self.catalog is None:
                self.catalog = open_catalog(self.path)
            else:
                self.catalog.refresh()
            version = self.catalog.manifest.version if self.catalog.manifest else 0
            self.cache.advance(version)
            return self.catalog.con.cursor(), self.cache.memo(version)


@dataclass(frozen=True)
class WebContext:
    """One app's store (read through one shared catalog, a cursor per request) and its templates."""

    db_path: Path
    shared: SharedConnection = field(compare=False)
    templates: Jinja2Templates = field(compare=False)

    @classmethod
    def over(cls, db: str | Path) -> WebContext:
        path = Path(db)
        return cls(path, SharedConnection(path), Jinja2Templates(directory=str(TEMPLATE_DIR)))

    @contextmanager
    def versioned(self) -> Iterator[tuple[Store, Memo]]:
        """The store at its latest committed version and the memo of that version. A segment that cannot be
        read (removed under the server, damaged) is a StoreError: 503 and Retry-After."""
        cursor, memo = self.shared.open()
        with Store(self.db_path, read_only=True, connection=cursor) as s:
            try:
                yield s, memo
            except duckdb.IOException as exc:
                raise StoreError(f"store {self.db_path}: {str(exc).splitlines()[0]}") from exc

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self.versioned() as (s, _):
            yield s

    def page(self, request: Request, name: str, **context: Any) -> HTMLResponse:
        """The template ``name`` rendered with ``context`` (and the quad names every page's form shows)."""
        return self.templates.TemplateResponse(request, name, {"quad_names": QUAD_NAMES, **context})


def web_context(request: Request) -> WebContext:
    """The context of the app serving ``request`` (``app.state.web``, set by ``create_app``)."""
    ctx = getattr(request.app.state, "web", None)
    if not isinstance(ctx, WebContext):
        raise RuntimeError("this app has no WebContext: build it with eventwire.web.app.create_app")
    return ctx


Context = Annotated[WebContext, Depends(web_context)]


class EventFilters:
    """The event filters every list page and API endpoint accepts (validated)."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(max_length=80)] = None,
        country: Annotated[str | None, Query(pattern=r"^([A-Z]{3})?$")] = None,
        dyad: Annotated[str | None, Query(pattern=r"^([A-Z]{3}:[A-Z]{3})?$")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^(\d{2,4}\*?)?$")] = None,
        quad: Annotated[str | None, Query(pattern=r"^[1-4]?$")] = None,
        since: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
        until: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
        place: Annotated[str | None, Query(max_length=80)] = None,
        text: Annotated[str | None, Query(max_length=200)] = None,
        outlet: Annotated[str | None, Query(max_length=80)] = None,
        sector: Annotated[str | None, Query(pattern=r"^([A-Z]{3})?$")] = None,
        plover: Annotated[str | None, Query(pattern=r"^([A-Z]{3,10})?$")] = None,
        modality: Annotated[str | None, Query(pattern=r"^([a-z]+(,[a-z]+)*)?$", max_length=80)] = None,
        min_confidence: Annotated[str | None, Query(pattern=r"^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})?$")] = None,
        dates: Annotated[str | None, Query(pattern=r"^(event|article)?$")] = None,
        sort: Annotated[str | None, Query(pattern=r"^-?[a-z_]{1,20}$")] = None,
        article: Annotated[str | None, Query(max_length=200)] = None,
        page: Annotated[int, Query(ge=1, le=PAGE_MAX)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
    ) -> None:
        # empty form fields mean "no filter"
        self.values: dict[str, Any] = {
            "actor": actor or None,
            "country": country or None,
            "dyad": dyad or None,
            "cameo": cameo or None,
            "quad": int(quad) if quad else None,
            "since": _day(since),
            "until": _day(until),
            "place": place or None,
            "text": text or None,
            "outlet": outlet or None,
            "sector": sector or None,
            "plover": plover or None,
            "article": article or None,
        }
        #: the filters as given (for links and the form); defaults are not written out
        self.shown: dict[str, Any] = {
            "modality": modality or None,
            "min_confidence": min_confidence or None,
            "dates": dates or None,
            "sort": sort or None,
        }
        self.page, self.per_page = page, per_page

    def query(self, paged: bool = True) -> EventQuery:
        threshold = self.shown["min_confidence"]
        try:
            return EventQuery(
                **self.values,
                modality=parse_modalities(self.shown["modality"]),
                min_confidence=float(threshold) if threshold is not None else default_min_confidence(),
                dates=self.shown["dates"] or "event",
                sort=self.shown["sort"] or "-date",
                limit=self.per_page if paged else None,
                offset=(self.page - 1) * self.per_page if paged else 0,
            )
        except ConfigError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc

    def link_params(self) -> dict[str, Any]:
        given = {**self.values, **self.shown}
        return {k: v for k, v in given.items() if v not in (None, "")}


Filters = Annotated[EventFilters, Depends()]


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=f"{value!r} is not a date (YYYY-MM-DD)") from exc


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its dates written as ISO strings."""
    return {k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v) for k, v in row.items()}
