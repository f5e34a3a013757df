"""The charts: the timeline of events per day, the network of dyads and the map of event locations, each a
page (chart and table) and its JSON twin, under the event filters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...schema.views import CHART_COLUMNS
from ...store import views
from .. import charts as drawing
from ..cache import Memo
from ..context import Context, EventFilters, Filters, WebContext, jsonable

__all__ = ["router"]

router = APIRouter()


def chart_context(ctx: WebContext, f: EventFilters) -> dict[str, Any]:
    """What every chart page shows besides its chart: the events the modality filter hides."""
    query = f.query()
    with ctx.store() as s:
        hidden = views.hidden_by_modality(s, query)
    return {"hidden": hidden, "modality": list(query.modality), "min_confidence": query.min_confidence}


def _chart_page(
    request: Request, ctx: WebContext, f: EventFilters, name: str, title: str, chart: str, rows: list[dict[str, Any]]
) -> HTMLResponse:
    """The page of chart ``name``: its drawing, its table of rows (the columns ``CHART_COLUMNS`` declares), the
    links to its JSON twin ``/api/NAME`` and its download."""
    return ctx.page(
        request,
        "chart.html",
        title=title,
        api=f"/api/{name}",
        download=name,
        filters=f.link_params(),
        chart=chart,
        rows=rows,
        columns=list(CHART_COLUMNS[name]),
        **chart_context(ctx, f),
    )


def timeline(ctx: WebContext, f: EventFilters) -> tuple[list[dict[str, Any]], Memo]:
    query = f.query(paged=False)
    with ctx.versioned() as (s, memo):
        rows: list[dict[str, Any]] = memo(("timeline", query), lambda: views.timeline(s, query))
    return rows, memo


@router.get("/api/timeline", tags=["charts"])
def api_timeline(ctx: Context, f: Filters) -> dict[str, Any]:
    return {"days": [jsonable(r) for r in timeline(ctx, f)[0]]}


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, ctx: Context, f: Filters) -> HTMLResponse:
    rows, memo = timeline(ctx, f)
    # the chart is drawn once per committed version and set of filters (vl-convert takes ~80 ms)
    chart = memo(("timeline-chart", f.query(paged=False)), lambda: drawing.timeline_chart(rows))
    return _chart_page(request, ctx, f, "timeline", "Timeline", chart, rows)


@router.get("/api/network", tags=["charts"])
def api_network(ctx: Context, f: Filters) -> dict[str, Any]:
    with ctx.store() as s:
        return views.network(s, f.query())


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, ctx: Context, f: Filters) -> HTMLResponse:
    with ctx.store() as s:
        data = views.network(s, f.query())
    return _chart_page(request, ctx, f, "network", "Dyad network", drawing.network_chart(data), data["edges"])


@router.get("/api/map", tags=["charts"])
def api_map(ctx: Context, f: Filters) -> dict[str, Any]:
    with ctx.store() as s:
        return {"places": views.map_points(s, f.query())}


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, ctx: Context, f: Filters) -> HTMLResponse:
    with ctx.store() as s:
        points = views.map_points(s, f.query())
    return _chart_page(request, ctx, f, "map", "Map of event locations", drawing.map_chart(points), points)
