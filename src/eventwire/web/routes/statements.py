"""What people said: quotes grouped by speaker (``/quotes``) and claims with the sides taken on them
(``/claims``), each with its JSON twin."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store import views
from ..context import Context, Page, PerPage

__all__ = ["router"]

router = APIRouter()

Speaker = Annotated[str | None, Query(max_length=80)]


@router.get("/api/quotes", tags=["quotes"])
def api_quotes(ctx: Context, speaker: Speaker = None, page_: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    with ctx.versioned() as (s, memo):
        speakers = memo("speakers", lambda: views.speakers(s))
        group = next((g["names"] for g in speakers if speaker and g["speaker"] == speaker), None)
        rows = views.quote_page(s, speaker, limit=per_page, offset=(page_ - 1) * per_page, names=group)
    return {"speakers": speakers, "quotes": rows, "page": page_, "per_page": per_page}


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request, ctx: Context, speaker: Speaker = None, page_: Page = 1) -> HTMLResponse:
    return ctx.page(
        request,
        "quotes.html",
        api="/api/quotes",
        download="quotes",
        filters={"speaker": speaker} if speaker else {},
        speaker=speaker or "",
        **api_quotes(ctx, speaker or None, page_, 50),
    )


@router.get("/api/claims", tags=["claims"])
def api_claims(ctx: Context, disputed: bool = False, page_: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    with ctx.store() as s:
        total, found = views.claims_page(s, disputed_only=disputed, limit=per_page, offset=(page_ - 1) * per_page)
    return {"total": total, "page": page_, "per_page": per_page, "claims": found}


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, ctx: Context, disputed: bool = False, page_: Page = 1) -> HTMLResponse:
    return ctx.page(
        request, "claims.html", api="/api/claims", disputed=disputed, **api_claims(ctx, disputed, page_, 50)
    )
