"""The Python API over a store: ``eventwire.open("events.store").events(country="IRQ")``.

Results are typed frames read straight from DuckDB: pandas by default (dates as ``datetime64``, numbers as
numbers, an empty result with its columns), ``frame="arrow"`` a ``pyarrow.Table`` (also ``.arrow(...)``),
``frame="polars"`` a polars frame when polars is installed. Lists have no row cap: ``limit=None`` (the
default) returns every matching row; ``limit``/``offset`` page, and ``batches()`` streams Arrow batches.
Filters and defaults are those of ``eventwire query`` and the web pages: events at or over the calibrated
confidence threshold, asserted only unless ``modality`` says otherwise (``"any"`` or a list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError
from . import views
from .db import Store
from .query import EventQuery, default_min_confidence, parse_modalities
from .sql import run_select

__all__ = ["Workbench", "open_store"]

Frame = Literal["pandas", "polars", "arrow"]
FRAMES = ("pandas", "polars", "arrow")


def _convert(table: Any, kind: Frame) -> Any:
    """A pyarrow Table as the frame asked for."""
    if kind == "arrow":
        return table
    if kind == "polars":
        try:
            import polars as pl
        except ImportError as exc:
            raise ConfigError("frame='polars' needs polars: pip install polars") from exc
        return pl.from_arrow(table)
    return table.to_pandas(date_as_object=False)


def _rows_table(rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> Any:
    import pyarrow as pa

    if not rows and columns:
        return pa.table({c: pa.array([], pa.string()) for c in columns})
    return pa.Table.from_pylist(rows)


def _day(value: str | dt.date | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _modalities(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None or isinstance(value, str):
        return parse_modalities(value)
    return tuple(value)


class Workbench:
    """Read-only access to an eventwire store."""

    def __init__(self, path: str | Path, frame: Frame = "pandas") -> None:
        if frame not in FRAMES:
            raise ConfigError(f"frame={frame!r}: use one of {', '.join(FRAMES)}")
        self.store = Store(path, read_only=True)
        self.frame: Frame = frame

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def query(
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
        outlet: str | None = None,
        sector: str | None = None,
        plover: str | None = None,
        modality: str | Sequence[str] | None = None,
        min_confidence: float | None = None,
        dates: str = "event",
        sort: str = "-date",
        limit: int | None = None,
        offset: int = 0,
    ) -> EventQuery:
        """The EventQuery of these filters (the defaults of ``eventwire query``)."""
        return EventQuery(
            actor=actor,
            country=country,
            dyad=dyad,
            cameo=cameo,
            quad=quad,
            since=_day(since),
            until=_day(until),
            place=place,
            text=text,
            outlet=outlet,
            sector=sector,
            plover=plover,
            modality=_modalities(modality),
            min_confidence=default_min_confidence() if min_confidence is None else min_confidence,
            dates=dates,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    def _arrow(self, query: EventQuery) -> Any:
        sql, params = query.sql()
        return self.store.con.sql(sql, params=params).to_arrow_table()

    def events(self, *, frame: Frame | None = None, **filters: Any) -> Any:
        """Event mentions with their evidence, filtered like ``eventwire query`` (see :meth:`query` for the
        filters); every matching row unless ``limit`` is given."""
        return _convert(self._arrow(self.query(**filters)), frame or self.frame)

    def arrow(self, **filters: Any) -> Any:
        """:meth:`events` as a ``pyarrow.Table``."""
        return self._arrow(self.query(**filters))

    def batches(self, batch_rows: int = 100_000, **filters: Any) -> Iterator[Any]:
        """The matching events as a stream of ``pyarrow.RecordBatch`` (for more rows than fit in memory)."""
        sql, params = self.query(**filters).sql()
        reader = self.store.con.sql(sql, params=params).to_arrow_reader(batch_rows)
        yield from reader

    def merged_events(self, min_articles: int = 1, limit: int | None = None, frame: Frame | None = None) -> Any:
        """Events merged across articles, with NumMentions / NumSources / NumArticles (every one by default)."""
        sql = "SELECT * FROM merged_events WHERE num_articles >= ? ORDER BY num_articles DESC, date NULLS LAST, id"
        params: list[Any] = [min_articles]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return _convert(self.store.con.sql(sql, params=params).to_arrow_table(), frame or self.frame)

    def quotes(self, speaker: str | None = None, limit: int = 10_000, frame: Frame | None = None) -> Any:
        rows = views.quote_page(self.store, speaker, limit, 0)
        columns = ("article", "article_id", "title", "speaker", "speaker_kind", "kind", "text", "cue")
        return _convert(_rows_table(rows, columns), frame or self.frame)

    def speakers(self, frame: Frame | None = None) -> Any:
        """Speakers grouped by actor, with their number of quotes."""
        rows = views.speakers(self.store)
        return _convert(_rows_table(rows, ("speaker", "quotes")), frame or self.frame)

    def claims(self, disputed_only: bool = False) -> list[dict[str, Any]]:
        """Propositions with their holders for and against (nested, so a list of dicts)."""
        return views.claims(self.store, disputed_only=disputed_only)

    def sql(self, sql: str, frame: Frame | None = None) -> Any:
        """A read-only SQL query over the store's tables."""
        rows = run_select(self.store.path, sql, con=self.store.con)
        return _convert(_rows_table(rows), frame or self.frame)


def open_store(path: str | Path, frame: Frame = "pandas") -> Workbench:
    return Workbench(path, frame=frame)
