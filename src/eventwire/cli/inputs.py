"""What the command line checks before it reads anything: inputs that cannot be read at all are a clear
error (exit 2) instead of a run that quietly codes nothing; and how many articles to expect, for progress.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import ConfigError
from ..ingest.sources import kind_of_name

__all__ = ["check_inputs", "count_units"]

READABLE = ".txt .html .htm .jsonl .warc .warc.gz .xml (RSS/Atom), or any of these .gz"
#: file kinds eventwire cannot read (a document, an image, an archive, a spreadsheet ...)
UNSUPPORTED = frozenset(
    {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ods", ".csv", ".tsv", ".ppt"}
    | {".pptx", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4", ".wav", ".zip", ".tar"}
    | {".7z", ".rar", ".bz2", ".xz", ".zst", ".parquet", ".duckdb", ".sqlite", ".db", ".json", ".exe"}
)
_URL = re.compile(r"^(https?|ftp)://|^www\.", re.IGNORECASE)
#: JSONL files up to this size are counted line by line for the progress bar
COUNT_BYTES = 512 * 1024 * 1024


def _suffix(name: str) -> str:
    lower = name.lower()
    return Path(lower[:-3] if lower.endswith(".gz") else lower).suffix


def _readable_files(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, f) for f in files if not f.startswith(".") and kind_of_name(f) is not None]
    return found


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise ConfigError for an input that is a URL, missing, an unsupported kind, or a folder with nothing
    readable."""
    for item in inputs:
        if item == "-":
            continue
        if _URL.match(item) and not os.path.exists(item):
            raise ConfigError(
                f"input {item!r} is a URL: eventwire reads files, folders and stdin, and downloads nothing; "
                f"save the page first (curl -o page.html '{item}') and give the file"
            )
        if not os.path.exists(item):
            raise ConfigError(f"input {item}: no such file or folder (check the path)")
        if os.path.isdir(item):
            if not _readable_files(item):
                raise ConfigError(f"input {item}: the folder holds no file eventwire can read ({READABLE})")
        elif _suffix(item) in UNSUPPORTED:
            raise ConfigError(f"input {item}: eventwire cannot read {_suffix(item)} files; it reads {READABLE}")


def count_units(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (files and folders of text, HTML and
    JSONL); None for stdin, WARC, feeds and gzipped JSONL, whose count is only known by reading them."""
    files: list[str] = []
    for item in inputs:
        if item == "-":
            return None
        files += _readable_files(item) if os.path.isdir(item) else [item]
    total = 0
    for f in files:
        kind = kind_of_name(os.path.basename(f))
        if kind in ("warc", "feed") or (kind == "jsonl" and f.lower().endswith(".gz")):
            return None
        if kind == "jsonl":
            if os.path.getsize(f) > COUNT_BYTES:
                return None
            with open(f, "rb") as stream:
                total += sum(1 for line in stream if line.strip())
        else:
            total += 1
    return total
