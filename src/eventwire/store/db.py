"""The local store: one embedded DuckDB file.

Articles are keyed by a hash of their normalised text, so ingesting the same input twice stores it
once. An article whose coding failed is not "done": the next ingest codes it again and its new record
replaces the failed one. Ids are unique in the store: another text under a stored id is stored as
``id#2`` (and listed in ``Store.renamed``). Each article (with its actors, mentions, quotes, events,
places or its error) is written in one transaction: an interrupted ingest never leaves half an
article, and a rerun resumes after the last article stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ..errors import StoreBusyError, StoreError
from ..model import Analysis, Article
from .merge import MERGE_COLUMNS, merge_mentions
from .neardup import NearDuplicateIndex, signature

__all__ = ["SCHEMA_VERSION", "Store", "content_hash"]

SCHEMA_VERSION = 2

SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS articles (
    hash VARCHAR PRIMARY KEY, id VARCHAR, url VARCHAR, title VARCHAR, published DATE, source VARCHAR,
    text VARCHAR, duplicate_of VARCHAR, error_stage VARCHAR, error_message VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS actors (
    article VARCHAR, actor VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR,
    kind VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    article VARCHAR, actor VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    article VARCHAR, quote INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    speaker_actor VARCHAR, speaker_text VARCHAR, speaker_kind VARCHAR, cue VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    article VARCHAR, event VARCHAR,
    source_actor VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    source_code VARCHAR,
    target_actor VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    target_code VARCHAR,
    cameo VARCHAR, root VARCHAR, quad INTEGER, penta INTEGER, goldstein DOUBLE, plover VARCHAR,
    date DATE, date_end DATE, date_precision VARCHAR,
    location VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    modality VARCHAR, confidence DOUBLE, pattern VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR, country VARCHAR,
    lat DOUBLE, lon DOUBLE, feature VARCHAR);
CREATE TABLE IF NOT EXISTS errors (
    article VARCHAR, id VARCHAR, stage VARCHAR, message VARCHAR,
    logged_at TIMESTAMP DEFAULT current_timestamp);
"""

SCHEMA_V2 = """
ALTER TABLE articles ADD COLUMN near_duplicate_of VARCHAR;
CREATE TABLE IF NOT EXISTS article_signatures (hash VARCHAR PRIMARY KEY, sig UBIGINT[]);
CREATE TABLE IF NOT EXISTS claims (
    article VARCHAR, claim VARCHAR, proposition VARCHAR, stance VARCHAR, actor VARCHAR, holder VARCHAR,
    country VARCHAR, evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, cue VARCHAR);
CREATE TABLE IF NOT EXISTS merged_events (
    id UBIGINT PRIMARY KEY, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, cameo VARCHAR, root VARCHAR,
    quad INTEGER, goldstein DOUBLE, plover VARCHAR, date DATE, location VARCHAR, location_country VARCHAR,
    lat DOUBLE, lon DOUBLE, num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
    confidence DOUBLE, evidence VARCHAR, first_article VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
    merged UBIGINT, article VARCHAR, event VARCHAR, source VARCHAR, confidence DOUBLE, evidence VARCHAR);
"""

MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2}
#: every table with rows of one article (keyed by ``hash`` in the first two, ``article`` in the rest)
_ARTICLE_TABLES = (
    "articles",
    "article_signatures",
    "actors",
    "mentions",
    "quotes",
    "events",
    "places",
    "claims",
    "errors",
)


def content_hash(article: Article) -> str:
    """A stable hash of the article's normalised text (its id when the text is empty)."""
    basis = " ".join(article.text.casefold().split()) or f"\x00id:{article.id}"
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


class Store:
    """An eventwire DuckDB store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"store {self.path} does not exist: create it with `eventwire ingest ... --db`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"store {self.path} is busy: another process (an ingest?) is writing it; retry when it is done"
                ) from exc
            raise StoreError(f"store {self.path}: cannot open: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"store {self.path}: cannot open: {exc}") from exc
        self._neardup: NearDuplicateIndex | None = None
        self._ids: set[str] | None = None
        #: (id as given, id as stored) of each article stored under a new id because its id was taken
        self.renamed: list[tuple[str, str]] = []
        if not read_only:
            self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema -------------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> None:
        current = self.schema_version()
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        for version in sorted(v for v in MIGRATIONS if v > current):
            self.con.execute("BEGIN")
            self.con.execute(MIGRATIONS[version])
            self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
            self.con.execute("COMMIT")

    # -- writing ------------------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """Hashes of the articles stored without an error (a failed one is coded again on the next ingest)."""
        return {r[0] for r in self.con.execute("SELECT hash FROM articles WHERE error_stage IS NULL").fetchall()}

    def _stored_ids(self) -> set[str]:
        if self._ids is None:
            self._ids = {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}
        return self._ids

    def _unique_id(self, article_id: str) -> str:
        ids = self._stored_ids()
        unique, n = article_id, 1
        while unique in ids:
            n += 1
            unique = f"{article_id}#{n}"
        if unique != article_id:
            self.renamed.append((article_id, unique))
        return unique

    def _drop_failed(self, key: str, article_id: str) -> None:
        """Delete the failed records this article replaces: its own hash's, and a failed read of its id."""
        found = self.con.execute(
            "SELECT hash, id FROM articles WHERE error_stage IS NOT NULL AND (hash = ? OR (id = ? AND text = ''))",
            [key, article_id],
        ).fetchall()
        for old, old_id in found:
            for table in _ARTICLE_TABLES:
                column = "hash" if table in ("articles", "article_signatures") else "article"
                self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [old])
            self._stored_ids().discard(old_id)

    def near_duplicates(self) -> NearDuplicateIndex:
        """The LSH index over every stored article (built once per store object)."""
        if self._neardup is None:
            rows = self.con.execute("SELECT hash, sig FROM article_signatures").fetchall()
            self._neardup = NearDuplicateIndex((h, np.asarray(sig, dtype=np.uint64)) for h, sig in rows)
        return self._neardup

    def add(self, analysis: Analysis) -> bool:
        """Store one coded article in one transaction; False when it was already stored without error."""
        key = content_hash(analysis.article)
        found = self.con.execute("SELECT error_stage IS NULL FROM articles WHERE hash = ?", [key]).fetchone()
        if found and found[0]:
            return False
        self.con.execute("BEGIN")
        try:
            self._drop_failed(key, analysis.article.id)
            stored_id = self._unique_id(analysis.article.id)
            if stored_id != analysis.article.id:
                analysis = analysis.with_(article=replace(analysis.article, id=stored_id))
            sig = signature(analysis.article.text)
            near = self.near_duplicates().add(key, sig) if analysis.article.text.strip() else None
            self._insert(key, analysis)
            self.con.execute("UPDATE articles SET near_duplicate_of = ? WHERE hash = ?", [near, key])
            self.con.execute("INSERT INTO article_signatures VALUES (?, ?)", [key, sig.tolist()])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._ids = None
            self._neardup = None
            raise
        self._stored_ids().add(stored_id)
        return True

    def _insert(self, key: str, analysis: Analysis) -> None:
        art, err = analysis.article, analysis.error
        self.con.execute(
            "INSERT INTO articles (hash, id, url, title, published, source, text, duplicate_of, "
            "error_stage, error_message) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                key,
                art.id,
                art.url,
                art.title,
                art.published,
                art.source,
                art.text,
                art.duplicate_of,
                err.stage if err else None,
                err.message if err else None,
            ],
        )
        if err is not None:
            self.con.execute(
                "INSERT INTO errors (article, id, stage, message) VALUES (?,?,?,?)",
                [key, art.id, err.stage, err.message],
            )
        self._insert_many("actors", ([key, a.id, a.name, a.country, a.sector, a.code, a.kind] for a in analysis.actors))
        self._insert_many(
            "mentions", ([key, a.id, m.start, m.end, m.text] for a in analysis.actors for m in a.mentions)
        )
        self._insert_many("quotes", _quote_rows(key, analysis))
        self._insert_many("events", _event_rows(key, analysis))
        self._insert_many(
            "claims",
            (
                [
                    key,
                    c.key,
                    c.proposition,
                    c.stance,
                    c.actor,
                    c.holder,
                    _actor_country(analysis, c.actor),
                    c.evidence.text,
                    c.evidence.start,
                    c.evidence.end,
                    c.cue.text,
                ]
                for c in analysis.claims
            ),
        )
        self._insert_many(
            "places",
            (
                [key, p.span.start, p.span.end, p.span.text, p.name, p.country, p.lat, p.lon, p.feature]
                for p in analysis.places
            ),
        )

    def _insert_many(self, table: str, rows: Iterable[list[Any]]) -> None:
        batch = list(rows)
        if batch:
            marks = ",".join("?" * len(batch[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)

    def rebuild_merged(self) -> int:
        """Recompute merged events and event mentions from every stored event; returns their number."""
        rows = self.query("SELECT e.*, a.source AS article_source FROM events e JOIN articles a ON a.hash = e.article")
        merged, mentions = merge_mentions(rows, self.independent_sources())
        self.con.execute("BEGIN")
        try:
            self.con.execute("DELETE FROM merged_events")
            self.con.execute("DELETE FROM event_mentions")
            self._insert_many("merged_events", ([m[c] for c in MERGE_COLUMNS] for m in merged))
            self._insert_many(
                "event_mentions",
                (
                    [m["merged"], m["article"], m["event"], m["source"], m["confidence"], m["evidence"]]
                    for m in mentions
                ),
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(merged)

    def independent_sources(self) -> dict[str, str]:
        """Article hash -> independent-source key (near-duplicates share their first article's key)."""
        rows = self.con.execute("SELECT hash, source, near_duplicate_of FROM articles").fetchall()
        parent = {h: near for h, _, near in rows}
        source = {h: src for h, src, _ in rows}

        def root(h: str) -> str:
            seen = set()
            while (up := parent.get(h)) and h not in seen:
                seen.add(h)
                h = up
            return h

        out = {}
        for h, _, _ in rows:
            r = root(h)
            out[h] = source.get(r) or r
        return out

    # -- reading ------------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "actors", "quotes", "events", "places", "errors")
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]


def _actor_country(analysis: Analysis, actor_id: str | None) -> str | None:
    actor = analysis.actor(actor_id)
    return actor.country if actor else None


def _side_cols(side: Any, analysis: Analysis) -> list[Any]:
    if side is None:
        return [None] * 5
    actor = analysis.actor(side.actor)
    return [side.actor, actor.name if actor else side.text, side.country, side.sector, side.code]


def _event_rows(key: str, analysis: Analysis) -> Iterator[list[Any]]:
    for e in analysis.events:
        d, loc = e.date, e.location
        yield [
            key,
            e.id,
            *_side_cols(e.source, analysis),
            *_side_cols(e.target, analysis),
            e.cameo,
            e.root,
            e.quad,
            e.penta,
            e.goldstein,
            e.plover,
            d.start if d else None,
            d.end if d else None,
            d.precision if d else None,
            loc.name if loc else None,
            loc.country if loc else None,
            loc.lat if loc else None,
            loc.lon if loc else None,
            e.modality,
            e.confidence,
            e.pattern,
            e.evidence.start,
            e.evidence.end,
            e.evidence.text,
            e.trigger.start,
            e.trigger.end,
            e.trigger.text,
        ]


def _quote_rows(key: str, analysis: Analysis) -> Iterator[list[Any]]:
    for i, q in enumerate(analysis.quotes):
        sp = q.speaker
        yield [
            key,
            i,
            q.span.start,
            q.span.end,
            q.span.text,
            q.kind,
            sp.actor,
            sp.text,
            sp.kind,
            q.cue.text if q.cue else None,
        ]
