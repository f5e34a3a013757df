"""What every response of the workbench gets: a Host check, security headers, and a 503 for a busy store.

- Host: only the bound address and the loopback names (``localhost``, ``127.0.0.1``, ``[::1]``) unless
  ``--allow-host`` names more, so a page on another site cannot reach the loopback server through DNS
  rebinding.
- Headers: a Content-Security-Policy that allows no scripts, no frames around the pages and nothing from
  other origins; ``X-Content-Type-Options: nosniff``; ``X-Frame-Options: DENY``. The OpenAPI page
  (``/docs``) runs the vendored swagger-ui from ``/static`` and gets a policy that lets scripts of this
  origin run (and nothing from elsewhere).
- A store that cannot be read (an ingest holds its lock) gives 503 with ``Retry-After``, never a traceback.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from markupsafe import escape

from ..errors import StoreBusyError, StoreError

__all__ = ["LOOPBACK", "host_name", "install_guards"]

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
RETRY_AFTER_S = 5
PAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs",)


def host_name(header: str) -> str | None:
    """The host of a Host header, lower-cased, without port or IPv6 brackets; None when malformed."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        rest = value[end + 1 :]
        if end < 0 or (rest and not (rest.startswith(":") and rest[1:].isdigit())):
            return None
        return value[1:end] or None
    name, _, port = value.partition(":")
    if (port and not port.isdigit()) or not name:
        return None
    return name


def allowed_hosts(bound: str | None, extra: Iterable[str]) -> frozenset[str] | None:
    """The hosts served, or None for any (``--allow-host '*'``)."""
    names = {n.strip().lower().strip("[]") for n in extra if n.strip()}
    if "*" in names:
        return None
    if bound and bound not in ("0.0.0.0", "::"):
        names.add(bound.lower().strip("[]"))
    return frozenset(LOOPBACK | names)


def _busy(request: Request, message: str) -> Response:
    headers = {"Retry-After": str(RETRY_AFTER_S)}
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=503, headers=headers)
    body = (
        "<!doctype html><meta charset=utf-8><title>busy · eventwire</title>"
        f"<h1>The store is busy, retry</h1><p>{escape(message)}</p>"
        f"<p>This page will work again once the writer is done; retry in {RETRY_AFTER_S} seconds.</p>"
    )
    return HTMLResponse(body, status_code=503, headers=headers)


def install_guards(app: FastAPI, hosts: frozenset[str] | None) -> None:
    """Add the Host check, the headers and the busy-store answer to ``app``."""

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        if isinstance(exc, StoreBusyError):
            return _busy(request, "the store is busy: an ingest is writing it")
        return _busy(request, "the store cannot be read right now")

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        name = host_name(request.headers.get("host", ""))
        if hosts is not None and (name is None or name not in hosts):
            response: Response = PlainTextResponse(
                "Host not allowed: this server answers only for its own address and localhost "
                "(start it with --allow-host NAME to serve another name)",
                status_code=400,
            )
        else:
            response = await call_next(request)
        docs = request.url.path in DOCS_PATHS
        response.headers["Content-Security-Policy"] = DOCS_POLICY if docs else PAGE_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
