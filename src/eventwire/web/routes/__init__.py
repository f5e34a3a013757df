"""The workbench's routes, one router per view family; ``ROUTERS`` in the order the app includes them
(the order of the OpenAPI schema's paths)."""

from __future__ import annotations

from fastapi import APIRouter

from . import articles, charts, docs, downloads, events, statements

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    docs.router,
    downloads.router,
    events.router,
    charts.router,
    statements.router,
    articles.router,
)
