"""The local store: append-only Parquet segments and a manifest (see ``segments`` and docs/store.md).

Articles are keyed by a hash of their normalised text, so ingesting the same input twice stores it
once. An article whose coding failed is not "done": the next ingest codes it again and its new record
replaces the failed one. Ids are unique in the store: another text under a stored id is stored as
``id#2`` (and listed in ``Store.renamed``). A batch of articles (each with its actors, mentions, quotes,
events, places or its error) is committed as one segment: an interrupted ingest never leaves half an
article, and a rerun resumes after the last batch committed. Readers see the store as DuckDB views
over the segments of the latest manifest; they never wait for a writer and a writer never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Analysis, article_key
from .catalog import Catalog, open_catalog
from .schema import SCHEMA_VERSION

__all__ = ["BATCH_ARTICLES", "SCHEMA_VERSION", "Store", "content_hash"]

#: how many articles one segment holds at most during ``ingest``
BATCH_ARTICLES = 200


#: an article's key in the store (``model.article_key``: its text's digest)
content_hash = article_key


class Store:
    """An eventwire store. Use as a context manager, or call :meth:`close`.

    ``read_only``: views only (never waits, never blocks a writer). Otherwise this process becomes the
    store's one writer (waiting for another writer to finish first), and ``con`` shows what it committed.
    """

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        connection: duckdb.DuckDBPyConnection | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        """``connection``: use this one (e.g. a cursor of a catalog kept open by a server) instead of
        opening the store; closing the store closes only it."""
        from .writer import Writer

        self.path = Path(path)
        self.writer: Writer | None = None
        self.catalog: Catalog | None = None
        if connection is not None:
            self.con = connection
            return
        if not read_only:
            self.writer = Writer(self.path, notice=notice)
        try:
            self.catalog = open_catalog(self.path)
        except BaseException:
            if self.writer is not None:
                self.writer.close()
            raise
        self.con = self.catalog.con

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.catalog is not None:
            self.catalog.close()
        elif self.writer is None:
            self.con.close()
        if self.writer is not None:
            self.writer.close()

    @property
    def renamed(self) -> list[tuple[str, str]]:
        """(id as given, id as stored) of each article stored under a new id because its id was taken."""
        return self.writer.renamed if self.writer is not None else []

    def refresh(self) -> bool:
        """Show the latest committed store; True when it changed."""
        return self.catalog.refresh() if self.catalog is not None else False

    def schema_version(self) -> int:
        manifest = self.catalog.manifest if self.catalog is not None else None
        return manifest.schema_version if manifest is not None else SCHEMA_VERSION

    # -- writing ------------------------------------------------------------------------------
    def _writer(self) -> Any:
        if self.writer is None:
            raise StoreError(f"store {self.path} was opened read-only")
        return self.writer

    def known_hashes(self) -> set[str]:
        """Hashes of the articles stored without an error (a failed one is coded again on the next ingest)."""
        return self._writer().known_hashes()  # type: ignore[no-any-return]

    def add(self, analysis: Analysis) -> bool:
        """Store one coded article as a segment; False when it was already stored without error."""
        return self.add_many([analysis]) == 1

    def add_many(self, analyses: Iterable[Analysis], shard: str | None = None) -> int:
        """Commit coded articles as one segment; returns how many were new (an article whose text is
        already stored without error, or repeats one earlier in the batch, is skipped; one stored with an
        error is replaced)."""
        added = int(self._writer().add_many(analyses, shard=shard))
        self.refresh()
        return added

    def compact(self) -> dict[str, int]:
        """Merge every segment into one and fold the merged events."""
        from .compact import compact_all

        result = compact_all(self._writer())
        self.refresh()
        return result

    def merged_stale(self) -> bool:
        """Whether merged events lag behind the articles (never: every commit merges its events)."""
        return False

    def rebuild_merged(self) -> int:
        """Merged events are kept up to date by every commit: fold them into one file; returns their number."""
        from .compact import fold

        fold(self._writer())
        self.refresh()
        return self.merged_count()

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
