"""The event lists: coded events with every filter (``/``, ``/api/events``) and the events merged across
articles (``/merged``, ``/api/merged``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import views
from .. import render
from ..context import Context, EventFilters, Filters, MinArticles, Page, PerPage, WebContext, jsonable

__all__ = ["router"]

router = APIRouter()


def event_page(ctx: WebContext, f: EventFilters) -> dict[str, Any]:
    """One page of events under the filters ``f``, their evidence highlighted."""
    query = f.query()
    with ctx.store() as s:
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


@router.get("/api/events", tags=["events"])
def api_events(ctx: Context, f: Filters) -> dict[str, Any]:
    data = event_page(ctx, f)
    return {**data, "events": [jsonable(r) for r in data["events"]]}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, ctx: Context, f: Filters) -> HTMLResponse:
    return ctx.page(
        request, "events.html", filters=f.link_params(), api="/api/events", download="events", **event_page(ctx, f)
    )


@router.get("/api/merged", tags=["events"])
def api_merged(
    ctx: Context,
    page_: Page = 1,
    per_page: PerPage = 50,
    min_articles: MinArticles = 1,
) -> dict[str, Any]:
    with ctx.versioned() as (s, memo):
        total, rows = views.merged_events(
            s, limit=per_page, offset=(page_ - 1) * per_page, min_articles=min_articles, memo=memo
        )
    return {"total": total, "page": page_, "per_page": per_page, "events": [jsonable(r) for r in rows]}


@router.get("/merged", response_class=HTMLResponse, include_in_schema=False)
def merged_page(
    request: Request,
    ctx: Context,
    page_: Page = 1,
    min_articles: MinArticles = 1,
) -> HTMLResponse:
    data = api_merged(ctx, page_, 50, min_articles)
    return ctx.page(
        request,
        "merged.html",
        api="/api/merged",
        download="merged",
        filters={"min_articles": min_articles},
        min_articles=min_articles,
        **data,
    )


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
