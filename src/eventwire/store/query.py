"""Filters over a store, shared by the CLI (`eventwire query`), the Python API and the web app.

Every filter becomes a parameterised SQL condition; values never reach the SQL text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any

from ..errors import ConfigError
from .sql import is_select

__all__ = ["CONTAINS", "EventQuery", "contains", "is_read_only_sql"]

#: ``column CONTAINS`` a user's words: ``ILIKE`` with the wildcards of the words escaped
CONTAINS = "ILIKE ? ESCAPE '\\'"


def contains(words: str) -> str:
    """The ILIKE pattern that matches ``words`` anywhere, literally: ``%`` and ``_`` in them are no wildcards."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_CAMEO = re.compile(r"^\d{2,4}\*?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class EventQuery:
    """Which events to return. Empty fields don't filter."""

    actor: str | None = None
    country: str | None = None
    dyad: str | None = None
    cameo: str | None = None
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    text: str | None = None
    article: str | None = None
    include_negated: bool = False
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.cameo is not None and not _CAMEO.match(self.cameo):
            raise ConfigError(f"--cameo {self.cameo!r}: use a CAMEO code or prefix such as 14 or 14* or 0256")
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise ConfigError(f"--quad {self.quad}: QuadClass is 1, 2, 3 or 4")
        if self.country is not None and not _ISO3.match(self.country):
            raise ConfigError(f"--country {self.country!r}: use an ISO 3166-1 alpha-3 code such as IRQ")
        if self.dyad is not None and not re.match(r"^[A-Z]{3}:[A-Z]{3}$", self.dyad):
            raise ConfigError(f"--dyad {self.dyad!r}: use SOURCE:TARGET country codes, e.g. IRQ:USA")
        if not 1 <= self.limit <= 10_000 or self.offset < 0:
            raise ConfigError("limit must be 1..10000 and offset >= 0")

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (over ``events e JOIN articles a``) and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            conds.append("e.modality <> 'negated'")
        if self.actor:
            conds.append(
                f"(e.source_name {CONTAINS} OR e.target_name {CONTAINS} OR e.source_code = ? OR e.target_code = ?)"
            )
            params += [contains(self.actor), contains(self.actor), self.actor.upper(), self.actor.upper()]
        if self.country:
            conds.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country, self.country]
        if self.dyad:
            src, tgt = self.dyad.split(":")
            conds.append("e.source_country = ? AND e.target_country = ?")
            params += [src, tgt]
        if self.cameo:
            conds.append("e.cameo LIKE ?")
            params.append(self.cameo.rstrip("*") + "%")
        if self.quad:
            conds.append("e.quad = ?")
            params.append(self.quad)
        if self.since:
            conds.append("coalesce(e.date_end, e.date) >= ?")
            params.append(self.since)
        if self.until:
            conds.append("e.date <= ?")
            params.append(self.until)
        if self.place:
            conds.append(f"e.location {CONTAINS}")
            params.append(contains(self.place))
        for word in (self.text or "").split():
            conds.append(f"e.evidence {CONTAINS}")
            params.append(contains(word))
        if self.article:
            conds.append("(a.hash = ? OR a.id = ?)")
            params += [self.article, self.article]
        return (" AND ".join(conds) or "TRUE"), params

    def sql(self) -> tuple[str, list[Any]]:
        where, params = self.where()
        sql = (
            "SELECT e.article, a.id AS article_id, a.title, a.url, a.source AS outlet, e.event, e.date, e.date_end, "
            "e.source_name, e.source_country, e.source_sector, e.cameo, e.root, e.quad, e.goldstein, e.plover, "
            "e.target_name, e.target_country, e.target_sector, e.location, e.location_country, e.lat, e.lon, "
            "e.modality, e.confidence, e.trigger, e.evidence, e.evidence_start, e.evidence_end "
            f"FROM events e JOIN articles a ON a.hash = e.article WHERE {where} "
            "ORDER BY e.date NULLS LAST, a.id, e.event LIMIT ? OFFSET ?"
        )
        return sql, [*params, self.limit, self.offset]

    def count_sql(self) -> tuple[str, list[Any]]:
        where, params = self.where()
        return f"SELECT count(*) FROM events e JOIN articles a ON a.hash = e.article WHERE {where}", params

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def is_read_only_sql(sql: str) -> bool:
    """Whether ``sql`` parses (DuckDB's parser) as exactly one SELECT statement."""
    return is_select(sql)
