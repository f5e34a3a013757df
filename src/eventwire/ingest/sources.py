"""Inputs (files, directories, ``-`` for stdin) -> a stream of Articles.

Each input is read lazily, one file (and one JSONL line or WARC record) at a time, so a directory
is never held in memory. Nothing raises for bad input: an unreadable, undecodable, empty or malformed
item becomes an Article with empty text and ``error`` set, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, cast

from ..model import Article
from .dedup import Deduplicator, UniqueIds, text_key
from .encoding import DecodeError, decode_bytes
from .errors import IngestFailure, failed_article
from .feed import feed_articles, looks_like_feed
from .html import html_article, looks_like_html
from .jsonl import jsonl_articles
from .limits import DEFAULT_MAX_BYTES, gunzip_capped, read_capped
from .text import text_article
from .warc import warc_articles

__all__ = ["Kind", "kind_of_name", "read_inputs", "sniff_kind"]

Kind = Literal["text", "html", "jsonl", "warc", "feed"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096


def kind_of_name(name: str) -> Kind | None:
    """The input kind a file name says (``.gz`` looked through), or None when it says nothing."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _EXTENSIONS.get(os.path.splitext(lower)[1])


def sniff_kind(data: bytes) -> Kind:
    """The kind of undeclared input (stdin, unknown extensions) from its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.decode("utf-8", "replace")
    if text.startswith("{"):
        return "jsonl"
    if (text.startswith("<?xml") and looks_like_feed(text)) or text.startswith(("<rss", "<feed")):
        return "feed"
    return "html" if looks_like_html(text) else "text"


def _decode(data: bytes, *, html: bool) -> str:
    try:
        return decode_bytes(data, html=html)
    except DecodeError as exc:
        raise IngestFailure(f"cannot decode the text: {exc}", "save the file as UTF-8 text") from exc


def _articles_of_bytes(data: bytes, kind: Kind, name: str, cap: int) -> Iterator[Article]:
    """Articles of a whole input held as bytes (one file of text/html/feed, or stdin)."""
    if data.startswith(_GZIP_MAGIC):
        data = gunzip_capped(data, cap)
    if not data.strip():
        raise IngestFailure("empty input", "nothing to code: give a file with the article's text")
    if kind == "jsonl":
        yield from jsonl_articles(io.BytesIO(data), path=name, max_bytes=cap)
    elif kind == "warc":
        yield from warc_articles(io.BytesIO(data), path=name, max_bytes=cap)
    elif kind == "feed":
        yield from feed_articles(data, path=name)
    elif kind == "html":
        yield html_article(_decode(data, html=True), id=name)
    else:
        yield text_article(_decode(data, html=False), id=name)


def _open(path: Path) -> IO[bytes]:
    """The file's bytes; gzip (by name or by its magic bytes) decompressed on the fly, except a
    ``.warc.gz`` (left to warcio, which reads it record by record)."""
    raw = path.open("rb")
    if path.name.lower().endswith(".warc.gz"):
        return raw
    head = raw.peek(2)[:2]
    if head == _GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    return raw


def _read_file(path: Path, cap: int) -> bytes:
    """The (decompressed) bytes of one file, never more than ``cap`` of them."""
    with _open(path) as stream:
        try:
            return read_capped(stream, cap, "the file")
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise IngestFailure(f"corrupt gzip data: {exc}", "re-download or re-compress the file") from exc


def _file_articles(path: Path, name: str, cap: int) -> Iterator[Article]:
    kind = kind_of_name(path.name)
    if kind in ("jsonl", "warc"):  # streamed: a line or a record at a time
        with _open(path) as stream:
            if kind == "jsonl":
                yield from jsonl_articles(stream, path=name, max_bytes=cap)
            else:
                yield from warc_articles(stream, path=name, max_bytes=cap)
        return
    data = _read_file(path, cap)
    yield from _articles_of_bytes(data, kind or sniff_kind(data), name, cap)


def _guarded(name: str, produce: Callable[[], Iterator[Article]]) -> Iterator[Article]:
    """The articles of one input; a failure ends that input with one error article, never the batch."""
    try:
        yield from produce()
    except IngestFailure as exc:
        yield failed_article(name, exc.reason, exc.fix)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield failed_article(name, f"cannot read: {reason}", "check the path and its permissions")
    except Exception as exc:  # bad input never kills the batch
        yield failed_article(name, f"unexpected {type(exc).__name__}: {exc}", "report this input as a bug")


def _listing(directory: str) -> list[os.DirEntry[str]] | Article:
    """The visible entries of a directory in name order, or an error article when it cannot be listed."""
    try:
        with os.scandir(directory) as scan:
            return sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        return failed_article(directory, f"cannot list the directory: {exc.strerror}", "check its permissions")


def _identity(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _loop(path: str) -> Article:
    return failed_article(path, "a symbolic link loop", "remove the link or point it outside the folder it is in")


def _walk(directory: str) -> Iterator[Article | str]:
    """Files of a directory tree with a known input kind, in sorted path order, hidden entries skipped.

    A directory that cannot be listed, a link to a folder above it (a loop) and an entry that cannot be
    looked at come out as error articles; the walk goes on. No recursion: any depth is fine.
    """
    try:
        root = _identity(directory)
    except OSError as exc:
        yield failed_article(directory, f"cannot read: {exc.strerror}", "check the path and its permissions")
        return
    listing = _listing(directory)
    if isinstance(listing, Article):
        yield listing
        return
    # one frame per open directory: (its identity, its remaining entries)
    stack: list[tuple[tuple[int, int], Iterator[os.DirEntry[str]]]] = [(root, iter(listing))]
    while stack:
        entry = next(stack[-1][1], None)
        if entry is None:
            stack.pop()
            continue
        path = entry.path
        try:
            is_dir = entry.is_dir()
            identity = _identity(path) if is_dir else None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                yield _loop(path)
            elif kind_of_name(entry.name) is not None or exc.errno != errno.ENOENT:
                yield failed_article(path, f"cannot read: {exc.strerror}", "check the path and its permissions")
            continue
        if identity is None:
            if kind_of_name(entry.name) is not None:
                yield path
        elif any(identity == frame[0] for frame in stack):
            yield _loop(path)
        else:
            listing = _listing(path)
            if isinstance(listing, Article):
                yield listing
            else:
                stack.append((identity, iter(listing)))


def _input_articles(item: str, stdin: BinaryIO | None, cap: int) -> Iterator[Article]:
    if item == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        for article in _guarded("-", lambda: _stdin_articles(stream, cap)):
            yield _stdin_id(article)
    elif os.path.isdir(item):
        for file in _walk(item):
            if isinstance(file, Article):
                yield file
            else:
                yield from _guarded(file, lambda f=file: _file_articles(Path(f), f, cap))  # type: ignore[misc]
    elif os.path.exists(item):
        yield from _guarded(item, lambda: _file_articles(Path(item), item, cap))
    else:
        yield failed_article(item, "no such file or directory", "check the path")


def _stdin_id(article: Article) -> Article:
    """A stdin article without an id of its own ("-", "-:3") is named after its text: ``stdin-<digest>``,
    so texts piped in by different runs never share an id."""
    if (article.id != "-" and not article.id.startswith("-:")) or not article.text.strip():
        return article
    return replace(article, id=f"stdin-{text_key(article.text)[:12]}")


class _Prefixed(io.RawIOBase):
    """A byte stream whose first bytes were already read (to sniff the kind) and are given back."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _stdin_articles(stream: BinaryIO, cap: int) -> Iterator[Article]:
    """Stdin, sniffed from its first bytes; JSONL and WARC are streamed, the rest read whole."""
    head = stream.read(_SNIFF_BYTES)
    source: IO[bytes] = io.BufferedReader(_Prefixed(head, stream))
    if head.startswith(_GZIP_MAGIC):  # a gzipped WARC is read whole-stream decompressed too
        unzipped = gzip.GzipFile(fileobj=source, mode="rb")
        head = unzipped.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        source = cast(IO[bytes], unzipped)
    kind = sniff_kind(head)
    if kind == "jsonl":
        yield from jsonl_articles(source, path="-", max_bytes=cap)
    elif kind == "warc":
        yield from warc_articles(source, path="-", max_bytes=cap)
    else:
        yield from _articles_of_bytes(read_capped(source, cap, "stdin"), kind, "-", cap)


def read_inputs(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    source: str | None = None,
    stdin: BinaryIO | None = None,
    notice: Callable[[str], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Articles of every input in order; ``published``/``source`` fill in what an input lacks.

    Ids are unique within a run: an id seen before gets a ``#n`` suffix, and ``notice`` (when given)
    is told, so two inputs that share an id never share results. No input unit (a file, a JSONL line,
    a WARC record, stdin) is read past ``max_bytes`` (decompressed): a longer one is an error article.
    """
    dedup = Deduplicator()
    ids = UniqueIds()
    for item in inputs:
        for article in _input_articles(item, stdin, max_bytes):
            if (published and article.published is None) or (source and article.source is None):
                article = replace(article, published=article.published or published, source=article.source or source)
            unique = ids.rename(article.id)
            if unique != article.id:
                if notice is not None:
                    notice(f"{item}: id {article.id!r} repeats an earlier article's; this one is stored as {unique!r}")
                article = replace(article, id=unique)
            yield dedup.mark(article)
