"""The analyst's workbench: a read-only FastAPI app over a store.

Every HTML page has a JSON twin under ``/api/...`` (same filters), listed in the OpenAPI schema at
``/docs``. Inputs are validated by FastAPI; lists are paginated (``page``, ``per_page`` <= 200).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import ConfigError, StoreError
from ..store import views
from ..store.catalog import Catalog, open_catalog
from ..store.db import Store
from ..store.query import EventQuery, default_min_confidence, parse_modalities
from . import charts, render
from .cache import Memo, VersionCache
from .downloads import download_response
from .errors import install_error_pages
from .guard import allowed_hosts, install_guards

__all__ = ["create_app"]

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
PER_PAGE_MAX = 200
#: the last page number accepted (offsets stay far inside 64-bit integers)
PAGE_MAX = 100_000


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
    install_guards(app, allowed_hosts(host, allow_hosts))
    install_error_pages(app, TEMPLATES)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # the API explorer from the vendored swagger-ui (static/), never from a CDN
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire workbench API",
            swagger_js_url="/static/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    db_path = Path(db)
    shared = _SharedConnection(db_path)

    @contextmanager
    def versioned() -> Iterator[tuple[Store, Memo]]:
        # one catalog per server process, a cursor of it per request; a segment that cannot be read (removed
        # under the server, damaged) is a StoreError: 503 and Retry-After
        cursor, memo = shared.open()
        with Store(db_path, read_only=True, connection=cursor) as s:
            try:
                yield s, memo
            except duckdb.IOException as exc:
                raise StoreError(f"store {db_path}: {str(exc).splitlines()[0]}") from exc

    @contextmanager
    def store() -> Iterator[Store]:
        with versioned() as (s, _):
            yield s

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, name, {"quad_names": QUAD_NAMES, **context})

    def event_page(f: EventFilters) -> dict[str, Any]:
        query = f.query()
        with store() as s:
            total, rows = views.events(s, query)
            hidden = views.hidden_by_modality(s, query)
            marks = _mentions_for(views.mentions_of(s, [r["article"] for r in rows]))
        for row in rows:
            row["evidence_html"] = str(_evidence_html(row, marks.get(row["article"], [])))
        return {
            "total": total,
            "page": f.page,
            "per_page": f.per_page,
            "events": rows,
            "hidden": hidden,
            "modality": list(query.modality),
            "min_confidence": query.min_confidence,
            "sort": query.sort,
        }

    def chart_context(f: EventFilters) -> dict[str, Any]:
        query = f.query()
        with store() as s:
            hidden = views.hidden_by_modality(s, query)
        return {"hidden": hidden, "modality": list(query.modality), "min_confidence": query.min_confidence}

    @app.get("/download/{view}.{fmt}", tags=["downloads"])
    def download(
        view: str,
        fmt: str,
        f: Filters,
        min_articles: Annotated[int, Query(ge=1, le=1000)] = 1,
        speaker: Annotated[str | None, Query(max_length=80)] = None,
    ) -> Response:
        """A filtered view (events, merged, timeline, network, map, quotes) as CSV or Parquet."""
        if fmt not in ("csv", "parquet") or view not in DOWNLOAD_VIEWS:
            raise HTTPException(
                status_code=404, detail=f"no download {view}.{fmt}: use {', '.join(DOWNLOAD_VIEWS)} as .csv or .parquet"
            )
        with store() as s:
            rows = _view_rows(s, view, f, min_articles, speaker or None)
        return download_response(rows, f"{view}.{fmt}", fmt)

    @app.get("/api/events", tags=["events"])
    def api_events(f: Filters) -> dict[str, Any]:
        data = event_page(f)
        return {**data, "events": [_jsonable(r) for r in data["events"]]}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, f: Filters) -> HTMLResponse:
        return page(
            request, "events.html", filters=f.link_params(), api="/api/events", download="events", **event_page(f)
        )

    @app.get("/api/merged", tags=["events"])
    def api_merged(
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
        min_articles: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> dict[str, Any]:
        with versioned() as (s, memo):
            total, rows = views.merged_events(
                s, limit=per_page, offset=(page_ - 1) * per_page, min_articles=min_articles, memo=memo
            )
        return {"total": total, "page": page_, "per_page": per_page, "events": [_jsonable(r) for r in rows]}

    @app.get("/merged", response_class=HTMLResponse, include_in_schema=False)
    def merged_page(
        request: Request,
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
        min_articles: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> HTMLResponse:
        data = api_merged(page_, 50, min_articles)
        return page(
            request,
            "merged.html",
            api="/api/merged",
            download="merged",
            filters={"min_articles": min_articles},
            min_articles=min_articles,
            **data,
        )

    def timeline(f: EventFilters) -> tuple[list[dict[str, Any]], Memo]:
        query = f.query(paged=False)
        with versioned() as (s, memo):
            rows: list[dict[str, Any]] = memo(("timeline", query), lambda: views.timeline(s, query))
        return rows, memo

    @app.get("/api/timeline", tags=["charts"])
    def api_timeline(f: Filters) -> dict[str, Any]:
        return {"days": [_jsonable(r) for r in timeline(f)[0]]}

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, f: Filters) -> HTMLResponse:
        rows, memo = timeline(f)
        # the chart is drawn once per committed version and set of filters (vl-convert takes ~80 ms)
        chart = memo(("timeline-chart", f.query(paged=False)), lambda: charts.timeline_chart(rows))
        return page(
            request,
            "chart.html",
            title="Timeline",
            api="/api/timeline",
            download="timeline",
            filters=f.link_params(),
            chart=chart,
            rows=rows,
            columns=["day", "period", "quad", "events", "goldstein"],
            **chart_context(f),
        )

    @app.get("/api/network", tags=["charts"])
    def api_network(f: Filters) -> dict[str, Any]:
        with store() as s:
            return views.network(s, f.query())

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, f: Filters) -> HTMLResponse:
        with store() as s:
            data = views.network(s, f.query())
        return page(
            request,
            "chart.html",
            title="Dyad network",
            api="/api/network",
            download="network",
            filters=f.link_params(),
            chart=charts.network_chart(data),
            rows=data["edges"],
            columns=["source", "target", "events", "goldstein"],
            **chart_context(f),
        )

    @app.get("/api/map", tags=["charts"])
    def api_map(f: Filters) -> dict[str, Any]:
        with store() as s:
            return {"places": views.map_points(s, f.query())}

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, f: Filters) -> HTMLResponse:
        with store() as s:
            points = views.map_points(s, f.query())
        return page(
            request,
            "chart.html",
            title="Map of event locations",
            api="/api/map",
            download="map",
            filters=f.link_params(),
            chart=charts.map_chart(points),
            rows=points,
            columns=["name", "country", "lat", "lon", "events", "quad", "goldstein"],
            **chart_context(f),
        )

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(
        speaker: Annotated[str | None, Query(max_length=80)] = None,
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
    ) -> dict[str, Any]:
        with versioned() as (s, memo):
            speakers = memo("speakers", lambda: views.speakers(s))
            group = next((g["names"] for g in speakers if speaker and g["speaker"] == speaker), None)
            rows = views.quote_page(s, speaker, limit=per_page, offset=(page_ - 1) * per_page, names=group)
        return {"speakers": speakers, "quotes": rows, "page": page_, "per_page": per_page}

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(
        request: Request,
        speaker: Annotated[str | None, Query(max_length=80)] = None,
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
    ) -> HTMLResponse:
        return page(
            request,
            "quotes.html",
            api="/api/quotes",
            download="quotes",
            filters={"speaker": speaker} if speaker else {},
            speaker=speaker or "",
            **api_quotes(speaker or None, page_, 50),
        )

    @app.get("/api/claims", tags=["claims"])
    def api_claims(
        disputed: bool = False,
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
    ) -> dict[str, Any]:
        with store() as s:
            total, found = views.claims_page(s, disputed_only=disputed, limit=per_page, offset=(page_ - 1) * per_page)
        return {"total": total, "page": page_, "per_page": per_page, "claims": found}

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(
        request: Request, disputed: bool = False, page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1
    ) -> HTMLResponse:
        return page(request, "claims.html", api="/api/claims", disputed=disputed, **api_claims(disputed, page_, 50))

    @app.get("/api/articles/{key}", tags=["articles"])
    def api_article(key: str) -> dict[str, Any]:
        with store() as s:
            data = views.article_view(s, key)
        if data is None:
            raise HTTPException(status_code=404, detail=f"no article {key!r} in this store")
        return {k: ([_jsonable(r) for r in v] if isinstance(v, list) else _jsonable(v)) for k, v in data.items()}

    @app.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        request: Request, key: str, event: Annotated[str | None, Query(max_length=40)] = None
    ) -> HTMLResponse:
        data = api_article(key)
        link = _web_link(data["article"].get("url"))
        body = _article_html(data, event)
        return page(request, "article.html", api=f"/api/articles/{key}", body=body, link=link, chosen=event, **data)

    @app.get("/api/articles", tags=["articles"])
    def api_articles(
        page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
    ) -> dict[str, Any]:
        with store() as s:
            total, rows = views.articles(s, limit=per_page, offset=(page_ - 1) * per_page)
        return {"total": total, "articles": [_jsonable(r) for r in rows], "page": page_, "per_page": per_page}

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        request: Request, page_: Annotated[int, Query(alias="page", ge=1, le=PAGE_MAX)] = 1
    ) -> HTMLResponse:
        return page(request, "articles.html", api="/api/articles", **api_articles(page_, 50))

    return app


def _web_link(url: object) -> str | None:
    """``url`` when it is an http(s) address (so it may be a link), else None: a ``javascript:`` or
    ``data:`` URL from an input file is shown as text, never made clickable."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v) for k, v in row.items()}


class _SharedConnection:
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


def _mentions_for(found: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for m in found:
        out.setdefault(m["article"], []).append((m["start"], m["end"], "actor"))
    return out


def _evidence_html(row: dict[str, Any], mentions: list[tuple[int, int, str]]) -> Any:
    s = row["evidence_start"]
    trigger = (
        [
            (
                s + row["evidence"].find(row["trigger"]),
                s + row["evidence"].find(row["trigger"]) + len(row["trigger"]),
                "trigger",
            )
        ]
        if row["trigger"] and row["trigger"] in row["evidence"]
        else []
    )
    return render.highlight(row["evidence"], [*mentions, *trigger], offset=s)


DOWNLOAD_VIEWS = ("events", "merged", "timeline", "network", "map", "quotes")
#: the most rows a download holds
DOWNLOAD_MAX = 1_000_000


def _view_rows(s: Store, view: str, f: EventFilters, min_articles: int, speaker: str | None) -> list[dict[str, Any]]:
    if view == "events":
        query = f.query(paged=False)
        sql, params = query.sql()
        return s.query(f"SELECT * FROM ({sql}) LIMIT {DOWNLOAD_MAX}", params)
    if view == "merged":
        return views.merged_events(s, limit=DOWNLOAD_MAX, min_articles=min_articles)[1]
    if view == "timeline":
        return views.timeline(s, f.query())
    if view == "network":
        return views.network(s, f.query())["edges"]
    if view == "map":
        return views.map_points(s, f.query())
    return views.quote_page(s, speaker, DOWNLOAD_MAX, 0)


def _article_html(data: dict[str, Any], chosen: str | None = None) -> Any:
    marks = [(m["start"], m["end"], "actor") for m in data["mentions"]]
    marks += [(e["evidence_start"], e["evidence_end"], "evidence") for e in data["events"] if e["event"] == chosen]
    marks += [(q["start"], q["end"], "quote") for q in data["quotes"]]
    marks += [(e["trigger_start"], e["trigger_end"], "trigger") for e in data["events"]]
    marks += [(p["start"], p["end"], "place") for p in data["places"]]
    return render.highlight(data["article"]["text"] or "", marks)
