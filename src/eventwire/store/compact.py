"""Compaction: fewer, larger segments, and the merged events folded into one file.

- Segments are merged by size tiers (LSM style): a run of ``FANOUT`` consecutive segments of the same tier
  becomes one segment of the next tier. A store of N articles then has O(log N) segments, and each row is
  rewritten O(log N) times in all. ``ingest`` does this after each commit; ``eventwire compact`` merges
  every segment into one.
- ``merged_events`` gets a new version of an event each time a batch adds mentions to it. The versions
  written since the last fold (the tail) are read through a window; when the tail passes a share of the
  folded base, base and tail are folded into a new base, so each row is rewritten a bounded number of times
  on average and reads stay cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import ROW, arrow_schema
from .segments import MERGED, SegmentInfo, retire, segment_name, write_manifest

if TYPE_CHECKING:
    from .writer import Writer

__all__ = ["compact_all", "fold", "maybe_compact"]

FANOUT = 8
#: a segment of fewer than TIER_ARTICLES * FANOUT**t articles is of tier t
TIER_ARTICLES = 2_000
#: tiers above this are never merged automatically (``eventwire compact`` does)
MAX_AUTO_TIER = 3
#: fold the merged events once the tail has more rows than this and than FOLD_SHARE of the base
FOLD_MIN = 50_000
FOLD_SHARE = 0.25


def tier(segment: SegmentInfo) -> int:
    t, size = 0, TIER_ARTICLES
    while segment.articles >= size:
        t += 1
        size *= FANOUT
    return t


def _run_to_merge(segments: list[SegmentInfo]) -> tuple[int, int] | None:
    """(start, end) of the first run of FANOUT consecutive segments of one tier, if any."""
    start = 0
    for i in range(1, len(segments) + 1):
        if i == len(segments) or tier(segments[i]) != tier(segments[start]):
            if i - start >= FANOUT and tier(segments[start]) <= MAX_AUTO_TIER:
                return start, start + FANOUT
            start = i
    return None


def _replace(writer: Writer, start: int, end: int) -> None:
    manifest = writer.manifest
    old = manifest.segments[start:end]
    hi = int(manifest.merged_base["hi"]) if manifest.merged_base else 0
    merged = writer.copy_segment(old, merged_after=hi)
    manifest.segments[start:end] = [merged]
    retire(manifest, [f"segments/{s.name}" for s in old])
    write_manifest(writer.root, manifest)


def _tail_rows(writer: Writer) -> tuple[int, int]:
    manifest = writer.manifest
    base = manifest.merged_base
    hi = int(base["hi"]) if base else 0
    tail = sum(s.rows.get("merged_events", 0) for s in manifest.segments if s.hi > hi)
    return tail, int(base["rows"]) if base else 0


def maybe_compact(writer: Writer) -> None:
    """Merge runs of small segments and fold the merged events when their tail has grown (after a commit)."""
    while (run := _run_to_merge(writer.manifest.segments)) is not None:
        _replace(writer, *run)
    tail, base = _tail_rows(writer)
    if tail > max(FOLD_MIN, FOLD_SHARE * base):
        fold(writer)


def compact_all(writer: Writer) -> dict[str, int]:
    """Merge every segment into one and fold the merged events; returns segments before and after."""
    before = len(writer.manifest.segments)
    if before > 1:
        _replace(writer, 0, before)
    tail, _ = _tail_rows(writer)
    if tail:
        fold(writer)
    return {"segments_before": before, "segments_after": len(writer.manifest.segments)}


def _listing(paths: list[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def fold(writer: Writer) -> None:
    """Write the latest version of every merged event into a new base file and commit it."""
    import pyarrow.parquet as pq

    manifest = writer.manifest
    base = manifest.merged_base
    hi = int(base["hi"]) if base else 0
    tail_files = [
        writer.root / "segments" / s.name / "merged_events.parquet"
        for s in manifest.segments
        if s.hi > hi and s.rows.get("merged_events")
    ]
    last = max((s.hi for s in manifest.segments), default=hi)
    parts = []
    tail = f"(SELECT * FROM read_parquet({_listing(tail_files)}) WHERE ({ROW} >> 32) > {hi})" if tail_files else ""
    if base:
        base_file = writer.root / MERGED / base["name"] / "merged_events.parquet"
        keep = f" WHERE id NOT IN (SELECT id FROM {tail})" if tail else ""
        parts.append(f"SELECT * FROM read_parquet({_listing([base_file])}){keep}")
    if tail:
        parts.append(f"SELECT * FROM {tail} QUALIFY {ROW} = max({ROW}) OVER (PARTITION BY id)")
    if not parts:
        return
    data: Any = writer.tool.sql(f"SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY date NULLS LAST, id")
    data = data.to_arrow_table()
    name = segment_name(0, last)
    folder = writer.root / MERGED / name
    folder.mkdir(parents=True)
    pq.write_table(data.cast(arrow_schema("merged_events")), folder / "merged_events.parquet", compression="zstd")
    manifest.merged_base = {"name": name, "hi": last, "rows": data.num_rows}
    if base:
        retire(manifest, [f"{MERGED}/{base['name']}"])
    write_manifest(writer.root, manifest)
