"""Readable error pages: a bad filter value on a page gets an HTML page that says which value and what is
expected (with a link back); the JSON API keeps FastAPI's JSON answers."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["install_error_pages", "problems"]

#: what a user should type into each field
HINTS = {
    "country": "an ISO 3166-1 alpha-3 country code in capitals, such as IRQ",
    "dyad": "two country codes, source:target, such as IRQ:USA",
    "cameo": "a CAMEO code or prefix: 14, 14* or 0256",
    "quad": "a QuadClass from 1 to 4",
    "since": "a date, YYYY-MM-DD",
    "until": "a date, YYYY-MM-DD",
    "sector": "a CAMEO sector code in capitals, such as GOV, MIL or REB",
    "plover": "a PLOVER event type in capitals, such as ASSAULT or CONSULT",
    "modality": "any, or a comma-separated list of asserted, reported, future, hypothetical, negated",
    "min_confidence": "a number from 0 to 1, such as 0.5",
    "dates": "event (the event's date) or article (the publication date)",
    "sort": "a column name such as date, confidence or goldstein, with - first for descending",
    "page": "a page number from 1",
    "per_page": "a number of rows from 1 to 200",
    "min_articles": "a number of articles from 1 to 1000",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def problems(errors: list[Any]) -> list[dict[str, str]]:
    """One line per bad input: the field, the value given and what is expected."""
    out = []
    for err in errors:
        field = str(err.get("loc", ["", "?"])[-1])
        value = err.get("input")
        out.append(
            {
                "field": field,
                "value": "" if value is None or isinstance(value, dict) else str(value),
                "expected": HINTS.get(field, str(err.get("msg", "a valid value"))),
            }
        )
    return out


def install_error_pages(app: FastAPI, templates: Jinja2Templates) -> None:
    def page(request: Request, status: int, title: str, lines: list[dict[str, str]], message: str) -> Response:
        return templates.TemplateResponse(
            request,
            "error.html",
            {"title": title, "problems": lines, "message": message, "api": None, "quad_names": {}},
            status_code=status,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": problems(list(exc.errors()))}, status_code=422)
        return page(request, 422, "Some filter values are not valid", problems(list(exc.errors())), "")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        title = "Not found" if exc.status_code == 404 else "This request cannot be answered"
        return page(request, exc.status_code, title, [], str(exc.detail))
