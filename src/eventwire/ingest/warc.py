"""WARC (.warc, .warc.gz) -> Articles: every HTML response (or resource) record is one article.

The id is the record's WARC-Target-URI (else its WARC-Record-ID). Records are read one at a time.
An archive cut short (a record with fewer bytes than its Content-Length, or a ``.warc.gz`` whose last
gzip member never ends) gives an error article naming the file and the byte offset of the cut record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Article
from .encoding import DecodeError, decode_bytes
from .errors import IngestFailure, failed_article
from .html import html_article
from .limits import DEFAULT_MAX_BYTES, read_capped

__all__ = ["warc_articles"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCK = 1 << 16


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return str(value or "").lower()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _decode(body: bytes, content_type: str) -> str:
    charset = _charset(content_type)
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body, html=True)


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting a gzip member that the file cuts short (warcio stops there silently)."""

    cut_at: int | None = None

    def close(self) -> None:
        reader = self.reader
        decompressor = getattr(reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.cut_at = self.offset
        super().close()


def _drained_short(record: object) -> bool:
    """Read the rest of the record's raw bytes; whether the file held fewer than its Content-Length."""
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(_BLOCK):
        pass
    return bool(raw.limit > 0)


def _cut_short(path: str, offset: int) -> Article:
    return failed_article(
        path,
        f"the archive is cut short: the record at byte {offset} is incomplete",
        "re-download or re-copy the file; the records before it were read",
    )


def _record_article(record: object, content_type: str, record_id: str, cap: int) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    body = read_capped(record.content_stream(), cap, "the record")  # type: ignore[attr-defined]
    if not body.strip():
        raise IngestFailure("empty response body", "the crawl stored no page for this record")
    try:
        html = _decode(body, content_type)
    except DecodeError as exc:
        raise IngestFailure(f"cannot decode the page: {exc}", "check the record's charset") from exc
    return html_article(html, id=record_id, url=uri)


def warc_articles(stream: IO[bytes], *, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """One article per HTML response/resource record; a broken archive ends with one error article."""
    found = 0
    records = _CheckedIterator(stream)
    try:
        for record in records:
            offset = records.offset
            if record.rec_type not in ("response", "resource"):
                if _drained_short(record):
                    yield _cut_short(path, offset)
                    return
                continue
            content_type = _content_type(record)
            if not content_type.startswith(_HTML_TYPES):
                if _drained_short(record):
                    yield _cut_short(path, offset)
                    return
                continue
            found += 1
            headers = record.rec_headers
            record_id = str(headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID"))
            try:
                article = _record_article(record, content_type, record_id, max_bytes)
            except IngestFailure as exc:
                article = failed_article(record_id, exc.reason, exc.fix)
            if _drained_short(record):
                yield _cut_short(path, offset)
                return
            yield article
    except ArchiveLoadFailed as exc:
        yield failed_article(path, f"broken WARC archive: {exc}", "check that the file is a complete WARC")
        return
    if records.cut_at is not None:
        yield _cut_short(path, records.cut_at)
        return
    if not found:
        yield failed_article(path, "no HTML response record in the WARC", "check that the crawl stored pages")
