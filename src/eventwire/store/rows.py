"""The rows a coded article adds to each store table, gathered per table and written as one Arrow table.

One ``INSERT ... SELECT`` from an Arrow table writes a whole batch of articles in a single statement,
instead of one statement per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import Analysis

__all__ = ["TABLE_COLUMNS", "TableRows", "analysis_rows"]

#: The columns each write fills, in order (the others keep their defaults).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "hash",
        "id",
        "url",
        "title",
        "published",
        "source",
        "text",
        "duplicate_of",
        "error_stage",
        "error_message",
        "near_duplicate_of",
    ),
    "errors": ("article", "id", "stage", "message"),
    "actors": ("article", "actor", "name", "country", "sector", "code", "kind"),
    "mentions": ("article", "actor", "start", "end", "text"),
    "quotes": (
        "article",
        "quote",
        "start",
        "end",
        "text",
        "kind",
        "speaker_actor",
        "speaker_text",
        "speaker_kind",
        "cue",
    ),
    "events": (
        "article",
        "event",
        "source_actor",
        "source_name",
        "source_country",
        "source_sector",
        "source_code",
        "target_actor",
        "target_name",
        "target_country",
        "target_sector",
        "target_code",
        "cameo",
        "root",
        "quad",
        "penta",
        "goldstein",
        "plover",
        "date",
        "date_end",
        "date_precision",
        "location",
        "location_country",
        "lat",
        "lon",
        "modality",
        "confidence",
        "pattern",
        "coder",
        "evidence_start",
        "evidence_end",
        "evidence",
        "trigger_start",
        "trigger_end",
        "trigger",
    ),
    "claims": (
        "article",
        "claim",
        "proposition",
        "stance",
        "actor",
        "holder",
        "country",
        "evidence",
        "evidence_start",
        "evidence_end",
        "cue",
    ),
    "places": ("article", "start", "end", "text", "name", "country", "lat", "lon", "feature"),
    "article_signatures": ("hash", "sig"),
    "signature_bands": ("hash", "band", "bucket"),
    "merged_events": (),  # filled from merge.MERGE_COLUMNS
    "event_mentions": ("merged", "article", "event", "source", "confidence", "evidence"),
}


class TableRows:
    """Rows gathered per table, written to DuckDB in one statement per table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Sequence[Any]]] = {t: [] for t in TABLE_COLUMNS}

    def add(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        self.rows[table].extend(rows)

    def write(self, con: Any, columns: dict[str, tuple[str, ...]] | None = None) -> None:
        """Insert every gathered row (inside the caller's transaction)."""
        import pyarrow as pa  # imported on first write: read-only commands never need it

        names = {**TABLE_COLUMNS, **(columns or {})}
        for table, rows in self.rows.items():
            if not rows:
                continue
            cols = names[table]
            arrays = [_array(pa, table, col, values) for col, values in zip(cols, zip(*rows, strict=True), strict=True)]
            batch = pa.Table.from_arrays(arrays, names=list(cols))
            quoted = ", ".join(f'"{c}"' for c in cols)
            con.register("_eventwire_batch", batch)
            try:
                con.execute(f"INSERT INTO {table} ({quoted}) SELECT * FROM _eventwire_batch")
            finally:
                con.unregister("_eventwire_batch")


def _array(pa: Any, table: str, column: str, values: tuple[Any, ...]) -> Any:
    if table == "article_signatures" and column == "sig":
        return pa.array(values, type=pa.list_(pa.uint64()))
    if column in ("id", "merged") and table in ("merged_events", "event_mentions"):
        return pa.array(values, type=pa.uint64())
    return pa.array(values)


def analysis_rows(out: TableRows, key: str, analysis: Analysis, near_duplicate_of: str | None) -> None:
    """Add one coded article's rows (its hash is ``key``) to ``out``."""
    art, err = analysis.article, analysis.error
    out.add(
        "articles",
        [
            (
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
                near_duplicate_of,
            )
        ],
    )
    if err is not None:
        out.add("errors", [(key, art.id, err.stage, err.message)])
    out.add("actors", [(key, a.id, a.name, a.country, a.sector, a.code, a.kind) for a in analysis.actors])
    out.add("mentions", [(key, a.id, m.start, m.end, m.text) for a in analysis.actors for m in a.mentions])
    out.add("quotes", _quote_rows(key, analysis))
    out.add("events", _event_rows(key, analysis))
    out.add(
        "claims",
        [
            (
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
            )
            for c in analysis.claims
        ],
    )
    out.add(
        "places",
        [
            (key, p.span.start, p.span.end, p.span.text, p.name, p.country, p.lat, p.lon, p.feature)
            for p in analysis.places
        ],
    )


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
            e.coder,
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
