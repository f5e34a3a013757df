"""The local store: one embedded DuckDB file.

Articles are keyed by a hash of their normalised text, so ingesting the same input twice stores it
once. An article whose coding failed is not "done": the next ingest codes it again and its new record
replaces the failed one. Ids are unique in the store: another text under a stored id is stored as
``id#2`` (and listed in ``Store.renamed``). A batch of articles (each with its actors, mentions, quotes,
events, places or its error) is written in one transaction, one bulk insert per table: an interrupted
ingest never leaves half an article, and a rerun resumes after the last batch stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import StoreBusyError, StoreError
from ..model import Analysis, Article
from .rows import TableRows, analysis_rows

if TYPE_CHECKING:
    import numpy as np

__all__ = ["SCHEMA_VERSION", "Store", "content_hash"]

SCHEMA_VERSION = 3

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

SCHEMA_V3 = """
CREATE TABLE IF NOT EXISTS signature_bands (hash VARCHAR, band INTEGER, bucket BIGINT);
CREATE TABLE IF NOT EXISTS store_state (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO store_state VALUES ('merged_stale', '1');
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE INDEX IF NOT EXISTS actors_article ON actors (article);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article);
CREATE INDEX IF NOT EXISTS events_article ON events (article);
CREATE INDEX IF NOT EXISTS places_article ON places (article);
CREATE INDEX IF NOT EXISTS claims_article ON claims (article);
"""

MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}
#: every table with rows of one article (keyed by ``hash`` in the first three, ``article`` in the rest)
_ARTICLE_TABLES = (
    "articles",
    "article_signatures",
    "signature_bands",
    "actors",
    "mentions",
    "quotes",
    "events",
    "places",
    "claims",
    "errors",
)
#: how many articles one transaction writes during ``ingest``, at most
BATCH_ARTICLES = 200


def content_hash(article: Article) -> str:
    """A stable hash of the article's normalised text (its id when the text is empty)."""
    basis = " ".join(article.text.casefold().split()) or f"\x00id:{article.id}"
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


class Store:
    """An eventwire DuckDB store. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self, path: str | Path, read_only: bool = False, connection: duckdb.DuckDBPyConnection | None = None
    ) -> None:
        """``connection``: use this one (e.g. a cursor of a connection kept open by a server) instead of
        opening the file; closing the store closes only it."""
        self.path = Path(path)
        self._ids: set[str] | None = None
        #: (id as given, id as stored) of each article stored under a new id because its id was taken
        self.renamed: list[tuple[str, str]] = []
        if connection is not None:
            self.con = connection
            return
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
            if version == 3:
                self._index_stored_signatures()
            self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
            self.con.execute("COMMIT")

    def _index_stored_signatures(self) -> None:
        """Schema 3: the band keys of the signatures a schema-2 store already holds (once)."""
        import numpy as np

        rows = self.con.execute(
            "SELECT s.hash, s.sig FROM article_signatures s JOIN articles a USING (hash) WHERE trim(a.text) <> ''"
        ).fetchall()
        out = TableRows()
        out.add("signature_bands", _band_rows({key: np.asarray(sig, dtype=np.uint64) for key, sig in rows}))
        out.write(self.con)

    # -- writing ------------------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """Hashes of the articles stored without an error (a failed one is coded again on the next ingest)."""
        return {r[0] for r in self.con.execute("SELECT hash FROM articles WHERE error_stage IS NULL").fetchall()}

    def add(self, analysis: Analysis) -> bool:
        """Store one coded article in one transaction; False when it was already stored without error."""
        return self.add_many([analysis]) == 1

    def add_many(self, analyses: Iterable[Analysis]) -> int:
        """Store coded articles in one transaction, one bulk insert per table; returns how many were new
        (an article whose text is already stored without error, or repeats one earlier in the batch, is
        skipped; one stored with an error is replaced)."""
        from .neardup import signature

        batch = list(analyses)
        keys = [content_hash(a.article) for a in batch]
        done = self._stored(keys)
        fresh: dict[str, Analysis] = {}
        for key, analysis in zip(keys, batch, strict=True):
            if key not in done and key not in fresh:
                fresh[key] = analysis
        if not fresh:
            return 0
        self.con.execute("BEGIN")
        try:
            self._drop_failed(list(fresh), [a.article.id for a in fresh.values()])
            items: dict[str, tuple[Analysis, np.ndarray]] = {}
            for key, analysis in fresh.items():
                stored_id = self._unique_id(analysis.article.id)
                if stored_id != analysis.article.id:
                    analysis = analysis.with_(article=replace(analysis.article, id=stored_id))
                items[key] = (analysis, signature(analysis.article.text))
            indexed = {k: sig for k, (a, sig) in items.items() if a.article.text.strip()}  # empty texts match nothing
            bands = _band_rows(indexed)
            near = self._near_duplicates(indexed, bands)
            out = TableRows()
            for key, (analysis, sig) in items.items():
                analysis_rows(out, key, analysis, near.get(key))
                out.add("article_signatures", [(key, sig.tolist())])
            out.add("signature_bands", bands)
            out.write(self.con)
            self.con.execute("INSERT OR REPLACE INTO store_state VALUES ('merged_stale', '1')")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._ids = None
            raise
        return len(fresh)

    def _stored(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` stored without an error."""
        rows = self.con.execute(
            "SELECT hash FROM articles WHERE error_stage IS NULL AND list_contains(?, hash)", [keys]
        ).fetchall()
        return {r[0] for r in rows}

    def _stored_ids(self) -> set[str]:
        if self._ids is None:
            self._ids = {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}
        return self._ids

    def _unique_id(self, article_id: str) -> str:
        """``article_id``, or ``article_id#n`` when another text holds it (taken from now on)."""
        ids = self._stored_ids()
        unique, n = article_id, 1
        while unique in ids:
            n += 1
            unique = f"{article_id}#{n}"
        if unique != article_id:
            self.renamed.append((article_id, unique))
        ids.add(unique)
        return unique

    def _drop_failed(self, keys: list[str], ids: list[str]) -> None:
        """Delete the failed records these articles replace: their own hashes', and a failed read of their
        ids (inside the caller's transaction)."""
        found = self.con.execute(
            "SELECT hash, id FROM articles WHERE error_stage IS NOT NULL "
            "AND (list_contains(?, hash) OR (list_contains(?, id) AND text = ''))",
            [keys, ids],
        ).fetchall()
        if not found:
            return
        old = [h for h, _ in found]
        for table in _ARTICLE_TABLES:
            column = "hash" if table in ("articles", "article_signatures", "signature_bands") else "article"
            self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [old])
        self._stored_ids().difference_update(i for _, i in found)

    def _near_duplicates(self, sigs: dict[str, np.ndarray], bands: list[tuple[str, int, int]]) -> dict[str, str | None]:
        """For each new signature (in order): the stored or earlier-in-batch article it near-duplicates."""
        import numpy as np

        from .neardup import NearDuplicateIndex, best_match

        candidates: dict[str, set[str]] = {k: set() for k in sigs}
        if sigs:
            con = self.con
            con.register("_eventwire_probe", _arrow_table(bands, ("hash", "band", "bucket")))
            try:
                found = con.execute(
                    "SELECT DISTINCT p.hash, s.hash FROM _eventwire_probe p JOIN signature_bands s "
                    "ON s.band = p.band AND s.bucket = p.bucket"
                ).fetchall()
            finally:
                con.unregister("_eventwire_probe")
            for new, old in found:
                candidates[new].add(old)
        wanted = sorted({old for olds in candidates.values() for old in olds})
        stored_sigs = {
            h: np.asarray(sig, dtype=np.uint64)
            for h, sig in self.con.execute(
                "SELECT hash, sig FROM article_signatures WHERE list_contains(?, hash)", [wanted]
            ).fetchall()
        }
        in_batch = NearDuplicateIndex()
        out: dict[str, str | None] = {}
        for key, sig in sigs.items():
            found_here = {c: in_batch.signatures[c] for c in in_batch.candidates(sig) if c != key}
            found_here.update({c: stored_sigs[c] for c in candidates[key] if c != key})
            out[key] = best_match(sig, found_here)
            in_batch._insert(key, sig)
        return out

    def merged_stale(self) -> bool:
        """Whether articles were added since merged events were last rebuilt."""
        row = self.con.execute("SELECT value FROM store_state WHERE key = 'merged_stale'").fetchone()
        return row is None or row[0] != "0"

    def rebuild_merged(self) -> int:
        """Recompute merged events and event mentions from every stored event; returns their number."""
        from .merge import MERGE_COLUMNS, merge_mentions

        rows = self.query("SELECT e.*, a.source AS article_source FROM events e JOIN articles a ON a.hash = e.article")
        merged, mentions = merge_mentions(rows, self.independent_sources())
        out = TableRows()
        out.add("merged_events", [[m[c] for c in MERGE_COLUMNS] for m in merged])
        out.add(
            "event_mentions",
            [[m["merged"], m["article"], m["event"], m["source"], m["confidence"], m["evidence"]] for m in mentions],
        )
        self.con.execute("BEGIN")
        try:
            self.con.execute("DELETE FROM merged_events")
            self.con.execute("DELETE FROM event_mentions")
            out.write(self.con, {"merged_events": MERGE_COLUMNS})
            self.con.execute("INSERT OR REPLACE INTO store_state VALUES ('merged_stale', '0')")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(merged)

    def merged_count(self) -> int:
        row = self.con.execute("SELECT count(*) FROM merged_events").fetchone()
        return int(row[0]) if row else 0

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


def _band_rows(sigs: dict[str, np.ndarray]) -> list[tuple[str, int, int]]:
    from .neardup import band_keys

    return [(k, band, bucket) for k, sig in sigs.items() for band, bucket in enumerate(band_keys(sig))]


def _arrow_table(rows: list[tuple[Any, ...]], names: tuple[str, ...]) -> Any:
    import pyarrow as pa

    values = list(zip(*rows, strict=True)) or [() for _ in names]
    return pa.Table.from_arrays([pa.array(v) for v in values], names=list(names))
