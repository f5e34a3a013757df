"""The articles: the list (``/articles``) and one article's text with its mentions, quotes, events and
places marked (``/articles/{key}``), each with its JSON twin."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ...store import views
from .. import render
from ..context import Context, Page, PerPage, WebContext, jsonable

__all__ = ["router"]

router = APIRouter()


def article_data(ctx: WebContext, key: str) -> dict[str, Any]:
    with ctx.store() as s:
        data = views.article_view(s, key)
    if data is None:
        raise HTTPException(status_code=404, detail=f"no article {key!r} in this store")
    return {k: ([jsonable(r) for r in v] if isinstance(v, list) else jsonable(v)) for k, v in data.items()}


@router.get("/api/articles/{key}", tags=["articles"])
def api_article(ctx: Context, key: str) -> dict[str, Any]:
    return article_data(ctx, key)


@router.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
def article_page(
    request: Request, ctx: Context, key: str, event: Annotated[str | None, Query(max_length=40)] = None
) -> HTMLResponse:
    data = article_data(ctx, key)
    link = _web_link(data["article"].get("url"))
    body = _article_html(data, event)
    return ctx.page(request, "article.html", api=f"/api/articles/{key}", body=body, link=link, chosen=event, **data)


@router.get("/api/articles", tags=["articles"])
def api_articles(ctx: Context, page_: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    with ctx.store() as s:
        total, rows = views.articles(s, limit=per_page, offset=(page_ - 1) * per_page)
    return {"total": total, "articles": [jsonable(r) for r in rows], "page": page_, "per_page": per_page}


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, ctx: Context, page_: Page = 1) -> HTMLResponse:
    return ctx.page(request, "articles.html", api="/api/articles", **api_articles(ctx, page_, 50))


def _web_link(url: object) -> str | None:
    """``url`` when it is an http(s) address (so it may be a link), else None: a ``javascript:`` or
    ``data:`` URL from an input file is shown as text, never made clickable."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _article_html(data: dict[str, Any], chosen: str | None = None) -> Any:
    marks = [(m["start"], m["end"], "actor") for m in data["mentions"]]
    marks += [(e["evidence_start"], e["evidence_end"], "evidence") for e in data["events"] if e["event"] == chosen]
    marks += [(q["start"], q["end"], "quote") for q in data["quotes"]]
    marks += [(e["trigger_start"], e["trigger_end"], "trigger") for e in data["events"]]
    marks += [(p["start"], p["end"], "place") for p in data["places"]]
    return render.highlight(data["article"]["text"] or "", marks)
