"""The Python API over a store: ``eventwire.open("events.duckdb").events(country="IRQ")``.

Results are pandas DataFrames (``frame="polars"`` gives polars ones when polars is installed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError
from . import views
from .db import Store
from .query import EventQuery
from .sql import run_select

__all__ = ["Workbench", "open_store"]

Frame = Literal["pandas", "polars"]


def _frame(rows: list[dict[str, Any]], kind: Frame) -> Any:
    if kind == "polars":
        try:
            import polars as pl
        except ImportError as exc:
            raise ConfigError("frame='polars' needs polars: pip install polars") from exc
        return pl.DataFrame(rows)
    import pandas as pd

    return pd.DataFrame(rows)


def _day(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


class Workbench:
    """Read-only access to an eventwire store."""

    def __init__(self, path: str | Path, frame: Frame = "pandas") -> None:
        self.store = Store(path, read_only=True)
        self.frame: Frame = frame

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | None = None,
        cameo: str | None = None,
        quad: int | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        place: str | None = None,
        text: str | None = None,
        limit: int = 10_000,
    ) -> Any:
        """Event mentions with their evidence, filtered like ``eventwire query``."""
        query = EventQuery(
            actor=actor,
            country=country,
            dyad=dyad,
            cameo=cameo,
            quad=quad,
            since=_day(since),
            until=_day(until),
            place=place,
            text=text,
            limit=limit,
        )
        return _frame(views.events(self.store, query)[1], self.frame)

    def merged_events(self, min_articles: int = 1, limit: int = 10_000) -> Any:
        """Events merged across articles, with NumMentions / NumSources / NumArticles."""
        return _frame(views.merged_events(self.store, limit=limit, min_articles=min_articles)[1], self.frame)

    def quotes(self, speaker: str | None = None, limit: int = 10_000) -> Any:
        return _frame(views.quotes(self.store, speaker=speaker, limit=limit)[1], self.frame)

    def claims(self, disputed_only: bool = False) -> list[dict[str, Any]]:
        """Propositions with their holders for and against (nested, so a list of dicts)."""
        return views.claims(self.store, disputed_only=disputed_only)

    def sql(self, sql: str) -> Any:
        """A read-only SQL query over the store's tables."""
        return _frame(run_select(self.store.path, sql, con=self.store.con), self.frame)


def open_store(path: str | Path, frame: Frame = "pandas") -> Workbench:
    return Workbench(path, frame=frame)
