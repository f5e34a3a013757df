"""Size caps on reading: no input unit (a file, a JSONL line, a WARC record, stdin) is read past a cap.

A compressed input that unpacks to gigabytes (a decompression bomb) is read only up to the cap, a block
at a time; the unit becomes one error article and reading goes on with the next.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import IO

from .errors import IngestFailure

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Oversized",
    "bounded_lines",
    "gunzip_capped",
    "human_size",
    "parse_size",
    "read_capped",
    "too_big",
]

#: 20 MiB of text per article by default: a long book is ~2 MiB, a long news article ~50 KiB
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_BLOCK = 1 << 20
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:I?B)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"20M"`` -> 20 MiB in bytes (``K``, ``M``, ``G``, or plain bytes); ValueError when not a size > 0."""
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size such as 20M, 500K or 1G")
    size = int(float(match.group(1)) * _UNITS[match.group(2).upper()])
    if size <= 0:
        raise ValueError(f"{text!r}: the size must be above 0")
    return size


def human_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


def too_big(cap: int, what: str = "the input") -> IngestFailure:
    return IngestFailure(
        f"{what} is larger than the size cap of {human_size(cap)} per article (not read further)",
        "raise the cap with --max-article-size (e.g. --max-article-size 50M) or split the input",
    )


def read_capped(stream: IO[bytes], cap: int, what: str = "the input") -> bytes:
    """All of ``stream`` when it holds at most ``cap`` bytes; else :func:`too_big` is raised."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise too_big(cap, what)
    return data


def gunzip_capped(data: bytes, cap: int) -> bytes:
    """``data`` gunzipped (every member), but never past ``cap`` bytes of output."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        unpacker = zlib.decompressobj(31)
        try:  # at most what is left of the cap, plus one byte to tell "over"
            piece = unpacker.decompress(rest, cap + 1 - size)
        except zlib.error as exc:
            raise IngestFailure(f"corrupt gzip data: {exc}", "re-download or re-compress the file") from exc
        out.append(piece)
        size += len(piece)
        if size > cap:
            raise too_big(cap)
        if not unpacker.eof:
            raise IngestFailure("corrupt gzip data: the stream is cut short", "re-download or re-compress the file")
        rest = unpacker.unused_data
    return b"".join(out)


class Oversized:
    """A line longer than the cap (its bytes were skipped, never held)."""

    def __init__(self, cap: int) -> None:
        self.cap = cap


def bounded_lines(stream: IO[bytes], cap: int) -> Iterator[bytes | Oversized]:
    """The lines of ``stream``; a line longer than ``cap`` comes out as :class:`Oversized`."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        while True:  # skip the rest of the long line a block at a time
            rest = stream.readline(_BLOCK)
            if not rest or rest.endswith(b"\n"):
                break
        yield Oversized(cap)
