"""The store on disk: immutable Parquet segments and the manifest that makes them one store.

    STORE/manifest.json                      the committed state: which segments (and merged base) make the store
    STORE/segments/<name>/<table>.parquet    one immutable segment per committed batch (or per compaction)
    STORE/merged/<name>/merged_events.parquet  the merged events folded so far (see ``compact.fold``)
    STORE/writer.lock                        held (flock) by the one process writing
    STORE/writer.duckdb                      the writer's index (known texts, ids, LSH bands, merge clusters);
                                             derived from the segments, rebuilt from them when missing or behind

A segment is written under ``segments/.tmp-*`` and renamed into place; the manifest is written to a temporary
file, flushed to disk and renamed over ``manifest.json``: the rename is the commit. A reader reads the manifest
once and sees exactly the segments it lists, so it never sees half a batch, and never waits for a writer.
Files that a new manifest no longer lists (segments merged by a compaction, rewritten ones) are kept for
``GRACE_S`` seconds, so that a reader still using the previous manifest can finish; unfinished segments
(``.tmp-*``, or renamed but never committed before a crash) are deleted by the next writer.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreBusyError, StoreError
from .schema import SCHEMA_VERSION

__all__ = [
    "GRACE_S",
    "MANIFEST",
    "Manifest",
    "SegmentInfo",
    "WriterLock",
    "collect_garbage",
    "is_store",
    "new_segment_dir",
    "publish_segment",
    "read_manifest",
    "write_manifest",
]

MANIFEST = "manifest.json"
SEGMENTS = "segments"
MERGED = "merged"
LOCK = "writer.lock"
STATE = "writer.duckdb"
TMP_PREFIX = ".tmp-"
#: seconds a file dropped from the manifest is kept for readers of an earlier manifest
GRACE_S = 900.0


@dataclass
class SegmentInfo:
    """One segment: the batches (``lo``..``hi``, by sequence number) it holds and its rows per table."""

    name: str
    lo: int
    hi: int
    rows: dict[str, int]

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)


@dataclass
class Manifest:
    """What the store is at one commit."""

    version: int = 0
    schema_version: int = SCHEMA_VERSION
    next_seq: int = 1
    segments: list[SegmentInfo] = field(default_factory=list)
    #: merged events folded into one file: {"name", "hi", "rows"} (rows of segments up to ``hi`` are in it)
    merged_base: dict[str, Any] | None = None
    #: input shards fully committed (Dask runs): shard key -> the sequence number that holds it
    shards: dict[str, int] = field(default_factory=dict)
    #: files no longer listed: [path relative to the store, time dropped]
    retired: list[list[Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        data["segments"] = [SegmentInfo(**s) for s in data.get("segments", [])]
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def files(self, table: str) -> list[str]:
        """Paths (relative to the store) of the table's files, in segment order."""
        return [f"{SEGMENTS}/{s.name}/{table}.parquet" for s in self.segments if s.rows.get(table)]

    def segment_of(self, seq: int) -> SegmentInfo | None:
        return next((s for s in self.segments if s.lo <= seq <= s.hi), None)


def is_store(path: Path) -> bool:
    return (path / MANIFEST).is_file()


def read_manifest(root: Path) -> Manifest:
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise StoreError(f"store {root} has no {MANIFEST}: not an eventwire store") from exc
    except OSError as exc:
        raise StoreError(f"store {root}: cannot read {MANIFEST}: {exc}") from exc
    try:
        return Manifest.from_json(text)
    except (ValueError, TypeError, KeyError) as exc:
        raise StoreError(f"store {root}: {MANIFEST} is damaged: {exc}") from exc


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_manifest(root: Path, manifest: Manifest) -> None:
    """Commit ``manifest``: written beside, flushed, then renamed over the current one (atomic)."""
    manifest.version += 1
    tmp = root / f"{TMP_PREFIX}{MANIFEST}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(manifest.to_json())
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, root / MANIFEST)
    _fsync_dir(root)


def new_segment_dir(root: Path) -> Path:
    """A fresh folder for a segment being written (invisible to readers and ignored after a crash)."""
    path = root / SEGMENTS / f"{TMP_PREFIX}{uuid.uuid4().hex[:12]}"
    path.mkdir(parents=True)
    return path


def segment_name(lo: int, hi: int) -> str:
    return f"s{lo:09d}-{hi:09d}-{uuid.uuid4().hex[:8]}"


def publish_segment(root: Path, tmp: Path, name: str) -> None:
    """Flush the segment's files and move them to their final name (still unlisted until the manifest)."""
    for f in tmp.iterdir():
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    target = tmp.parent / name
    os.replace(tmp, target)
    _fsync_dir(tmp.parent)


def retire(manifest: Manifest, paths: list[str]) -> None:
    now = time.time()
    manifest.retired += [[p, now] for p in paths]


def _listed(manifest: Manifest) -> set[str]:
    names = {f"{SEGMENTS}/{s.name}" for s in manifest.segments}
    if manifest.merged_base:
        names.add(f"{MERGED}/{manifest.merged_base['name']}")
    return names


def collect_garbage(root: Path, manifest: Manifest, now: float | None = None) -> bool:
    """Delete unfinished segments and files retired more than GRACE_S ago (writer only); True when the
    manifest's list of retired files changed."""
    now = time.time() if now is None else now
    listed = _listed(manifest)
    kept: list[list[Any]] = []
    for path, when in manifest.retired:
        if now - float(when) >= GRACE_S:
            shutil.rmtree(root / path, ignore_errors=True)
        else:
            kept.append([path, when])
    waiting = {p for p, _ in kept}
    for folder in (SEGMENTS, MERGED):
        for entry in _entries(root / folder):
            rel = f"{folder}/{entry.name}"
            if rel not in listed and rel not in waiting:  # unfinished, or never committed before a crash
                shutil.rmtree(entry, ignore_errors=True)
    for entry in root.glob(f"{TMP_PREFIX}{MANIFEST}.*"):
        entry.unlink(missing_ok=True)
    changed = len(kept) != len(manifest.retired)
    manifest.retired = kept
    return changed


def _entries(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from (p for p in folder.iterdir() if p.is_dir())


class WriterLock:
    """The store's single-writer lock (``flock``; released by the kernel when the process dies)."""

    def __init__(self, root: Path, wait: bool = True, notice: Callable[[str], None] | None = None) -> None:
        self.path = root / LOCK
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            if not wait:
                os.close(self.fd)
                raise StoreBusyError(
                    f"store {root} is being written by another process; retry when it is done"
                ) from exc
            if notice is not None:
                notice(f"store {root} is being written by another process: waiting for it to finish")
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self.fd >= 0:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1
