"""Downloads of a filtered view (events, merged, timeline, network, map, quotes) as CSV or Parquet."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from ...store import views
from ...store.db import Store
from ..context import Context, EventFilters, Filters, MinArticles
from ..downloads import download_response

__all__ = ["DOWNLOAD_MAX", "DOWNLOAD_VIEWS", "router"]

DOWNLOAD_VIEWS = ("events", "merged", "timeline", "network", "map", "quotes")
#: the most rows a download holds
DOWNLOAD_MAX = 1_000_000

router = APIRouter()


@router.get("/download/{view}.{fmt}", tags=["downloads"])
def download(
    ctx: Context,
    view: str,
    fmt: str,
    f: Filters,
    min_articles: MinArticles = 1,
    speaker: Annotated[str | None, Query(max_length=80)] = None,
) -> Response:
    """A filtered view (events, merged, timeline, network, map, quotes) as CSV or Parquet."""
    if fmt not in ("csv", "parquet") or view not in DOWNLOAD_VIEWS:
        raise HTTPException(
            status_code=404, detail=f"no download {view}.{fmt}: use {', '.join(DOWNLOAD_VIEWS)} as .csv or .parquet"
        )
    with ctx.store() as s:
        rows = _view_rows(s, view, f, min_articles, speaker or None)
    return download_response(rows, f"{view}.{fmt}", fmt)


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
