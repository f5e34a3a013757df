"""JSONL -> Articles: one JSON object a line, ``{"id", "text" | "html", "url"?, "title"?, "published"?}``.

A bad line fails only its own article; the lines after it are read on. Lines are read one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import IO, Any

from ..model import Article
from .encoding import DecodeError, decode_bytes
from .errors import IngestFailure, failed_article
from .html import html_article
from .limits import DEFAULT_MAX_BYTES, Oversized, bounded_lines, too_big
from .meta import optional_str, parse_date
from .text import text_article

__all__ = ["jsonl_articles", "record_article"]


def _parse_line(raw: bytes, first: bool) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        try:
            line = decode_bytes(raw)
        except DecodeError as exc:
            raise IngestFailure(f"cannot decode the line: {exc}", "write JSONL in UTF-8") from exc
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestFailure(f"bad JSON ({exc.msg}, column {exc.colno})", "each line must be one JSON object") from exc
    if not isinstance(value, dict):
        raise IngestFailure(
            f"a JSON {type(value).__name__}, not an object",
            'each line must be an object like {"id": ..., "text": ...}',
        )
    return value


def record_article(record: dict[str, Any], *, id: str) -> Article:
    """The article of one JSONL object (its ``text``, else its ``html``)."""
    title = optional_str(record.get("title"))
    url = optional_str(record.get("url"))
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        article = text_article(text, id=id, title=title)
    elif isinstance(html, str) and html.strip():
        article = html_article(html, id=id, url=url)
    else:
        raise IngestFailure('empty or missing "text" and "html"', 'give the article as a "text" (or "html") string')
    published = parse_date(record.get("published")) or parse_date(record.get("date"))
    return replace(
        article,
        url=url or article.url,
        title=title or article.title,
        published=published or article.published,
        source=optional_str(record.get("source")) or article.source,
    )


def _record_id(record: dict[str, Any], fallback: str) -> str:
    value = record.get("id")
    return fallback if value is None or value == "" else str(value)


def jsonl_articles(
    lines: IO[bytes], *, path: str, max_bytes: int = DEFAULT_MAX_BYTES, first_line: int = 1, whole: bool = True
) -> Iterator[Article]:
    """One article per non-blank line; a line that fails (or is longer than ``max_bytes``) gives one
    error article, and the lines after it are read on. ``first_line``/``whole``: ``lines`` is a piece of a
    file starting at that line number (a shard), not the whole file."""
    seen = not whole
    for number, raw in enumerate(bounded_lines(lines, max_bytes), start=first_line):
        fallback = f"{path}:{number}"
        if isinstance(raw, Oversized):
            seen = True
            failure = too_big(raw.cap, "the line")
            yield failed_article(fallback, failure.reason, failure.fix)
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            record = _parse_line(raw, first=number == 1)
        except IngestFailure as exc:
            yield failed_article(fallback, exc.reason, exc.fix)
            continue
        article_id = _record_id(record, fallback)
        try:
            yield record_article(record, id=article_id)
        except IngestFailure as exc:
            yield failed_article(article_id, exc.reason, exc.fix, url=optional_str(record.get("url")))
    if not seen:
        yield failed_article(path, "no JSON lines in the input", "give one JSON object per line")
