"""Output writers (JSONL, GDELT, CSV) and atomic output files.

A file output is written to a temporary file beside the target and renamed over it when the run
completes, so a reader never sees a half-written file and an interrupted run leaves the old file.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from ..errors import ConfigError
from ..model import Analysis
from ..schema.views import CODED_CSV, RecordView
from . import gdelt
from .records import coded_record

__all__ = ["CSV_COLUMNS", "FORMATS", "Format", "atomic_output", "open_writer"]

Format = Literal["jsonl", "gdelt", "gdelt+", "gdelt-mentions", "plover", "csv"]
FORMATS: tuple[Format, ...] = ("jsonl", "gdelt", "gdelt+", "gdelt-mentions", "plover", "csv")

#: the header of ``--format csv`` (``schema.views.CODED_CSV``)
CSV_COLUMNS: tuple[str, ...] = CODED_CSV.headers()


class Writer(Protocol):
    def write(self, analysis: Analysis) -> None: ...


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Yield a text stream: stdout when ``path`` is None or '-'; a device or pipe (``/dev/null``, a FIFO)
    written in place; else a temp file renamed over ``path`` on success, with the mode a plain new file
    would get (the user's umask) or the mode of the file it replaces."""
    if path is None or path == "-":
        import sys

        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.exists() and not target.is_file() and not target.is_dir():  # never replace a device or a pipe
        with target.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError(f"output {path}: folder {folder} does not exist (create it or pick another -o)")
    if target.is_dir():
        raise ConfigError(f"output {path} is a folder (give a file name to -o)")
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"output {path}: folder {folder} is not writable (pick another -o)")
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class JsonlWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, analysis: Analysis) -> None:
        self.stream.write(json.dumps(coded_record(analysis), ensure_ascii=False) + "\n")


class GdeltWriter:
    """GDELT 2.0 events (61 columns; ``extra``: ours after them) or mentions (16 columns): tab-separated,
    no header line, as GDELT publishes them. Every row of a run has the same DATEADDED."""

    def __init__(
        self, stream: IO[str], added: dt.datetime | None = None, extra: bool = False, mentions: bool = False
    ) -> None:
        self.stream = stream
        self.added = added or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        self.extra, self.mentions = extra, mentions

    def write(self, analysis: Analysis) -> None:
        if self.mentions:
            for m in gdelt.mentions_from_analysis(analysis, self.added):
                self.stream.write(gdelt.line(gdelt.mention_cells(m)))
            return
        for ev in gdelt.from_analysis(analysis, self.added):
            self.stream.write(gdelt.line(gdelt.event_cells(ev, self.extra)))


class PloverWriter:
    """PLOVER/POLECAT-shaped events, one JSON object per line."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, analysis: Analysis) -> None:
        from .plover import plover_records

        for rec in plover_records(analysis):
            self.stream.write(json.dumps(rec, ensure_ascii=False) + "\n")


class CsvWriter:
    """One row per event with the most used fields, with a header line."""

    def __init__(self, stream: IO[str]) -> None:
        self.writer = csv.writer(stream)
        self.writer.writerow(CSV_COLUMNS)

    def write(self, analysis: Analysis) -> None:
        rec = coded_record(analysis)
        for ev in rec["events"]:
            self.writer.writerow(_csv_row(rec, ev))


def _csv_row(rec: dict[str, Any], ev: dict[str, Any], view: RecordView = CODED_CSV) -> list[Any]:
    """An event's CSV row: each column of the view read at its path in the event's record (``article.``: in
    the article's); a nested object or list (a field only JSONL showed before) written as JSON text."""
    row = []
    for header, path in view.paths.items():
        parts = path.split(".")
        value: Any = rec if parts[0] == "article" else ev
        for part in parts[1:] if parts[0] == "article" else parts:
            value = value.get(part) if isinstance(value, dict) else None
        if header in view.squeeze and isinstance(value, str):
            value = " ".join(value.split())
        elif isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)
        row.append(value)
    return row


class ThresholdWriter:
    """Hides the events under a confidence before another writer writes the analysis."""

    def __init__(self, inner: Writer, min_confidence: float) -> None:
        self.inner = inner
        self.min_confidence = min_confidence

    def write(self, analysis: Analysis) -> None:
        self.inner.write(analysis.at_least(self.min_confidence))


def open_writer(fmt: str, stream: IO[str], added: dt.datetime | None = None, min_confidence: float = 0.0) -> Writer:
    """The writer of ``fmt``; events under ``min_confidence`` are hidden (the JSONL record counts them)."""
    writer: Writer
    if fmt == "jsonl":
        writer = JsonlWriter(stream)
    elif fmt in ("gdelt", "gdelt+", "gdelt-mentions"):
        writer = GdeltWriter(stream, added, extra=fmt == "gdelt+", mentions=fmt == "gdelt-mentions")
    elif fmt == "plover":
        writer = PloverWriter(stream)
    elif fmt == "csv":
        writer = CsvWriter(stream)
    else:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    return ThresholdWriter(writer, min_confidence) if min_confidence > 0 else writer
