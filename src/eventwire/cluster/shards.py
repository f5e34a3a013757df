"""Inputs cut into shards that a worker reads on its own.

- a JSONL file (local, not compressed, or an fsspec URL) is cut at line ends into byte ranges; each shard
  knows the number of its first line, so ids made from line numbers (``file:12``) are the same as in one
  process;
- a folder (or a glob) is walked here, in the same order as in one process, and its files are grouped;
- any other file (gzip, WARC, HTML, text, feeds) is one shard; stdin is read here and shipped as articles.

A shard's key names its content (path, size, modification time, byte range): a shard whose key the store's
manifest lists was committed by an earlier run and is skipped.
"""

from __future__ import annotations

import glob
import hashlib
import io
import itertools
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..model import Article

__all__ = ["Shard", "plan_shards", "read_shard"]

#: a JSONL file is cut into pieces of about this many bytes (fewer, larger pieces when --partitions says so)
SHARD_BYTES = 2_000_000
#: files of a folder per shard
SHARD_FILES = 32
#: articles read here (stdin) per shard
SHARD_ARTICLES = 100
_JSONL = (".jsonl", ".ndjson")
_GLOB = set("*?[")


@dataclass(frozen=True)
class Shard:
    """One unit of work: a byte range of a JSONL file, some files, or articles read by the client."""

    index: int
    kind: Literal["jsonl", "files", "articles"]
    key: str
    path: str = ""
    start: int = 0
    end: int = 0
    first_line: int = 1
    whole: bool = True
    items: tuple[str | Article, ...] = field(default=())

    def describe(self) -> str:
        if self.kind == "jsonl":
            return f"{self.path} bytes {self.start}-{self.end}"
        if self.kind == "files":
            names = [i for i in self.items if isinstance(i, str)]
            return f"{len(self.items)} input(s) from {names[0] if names else 'the walk'}"
        return f"{len(self.items)} article(s) from stdin"


def _is_url(item: str) -> bool:
    return "://" in item


def _key(*parts: object) -> str:
    return hashlib.sha1("\x00".join(str(p) for p in parts).encode()).hexdigest()[:20]


def _identity(item: str) -> tuple[int, int]:
    """(size, mtime in ns) of a local file or a URL (size only)."""
    if _is_url(item):
        import fsspec

        fs, path = fsspec.core.url_to_fs(item)
        return int(fs.size(path) or 0), 0
    st = os.stat(item)
    return st.st_size, st.st_mtime_ns


def _open(item: str) -> BinaryIO:
    if _is_url(item):
        import fsspec

        return fsspec.open(item, "rb").open()  # type: ignore[no-any-return]
    return open(item, "rb")


def _cuts(item: str, size: int, pieces: int) -> list[tuple[int, int, int]]:
    """(start, end, number of the first line) of ``pieces`` ranges of a JSONL file, cut after line ends."""
    bounds = [0]
    with _open(item) as stream:
        for k in range(1, pieces):
            stream.seek(max(bounds[-1], size * k // pieces))
            stream.readline()
            pos = stream.tell()
            if pos >= size:
                break
            if pos > bounds[-1]:
                bounds.append(pos)
        bounds.append(size)
        out, line = [], 1
        stream.seek(0)
        for start, end in itertools.pairwise(bounds):
            out.append((start, end, line))
            line += _count_lines(stream, end - start)
    return out


def _count_lines(stream: BinaryIO, n: int) -> int:
    count = 0
    while n > 0:
        block = stream.read(min(n, 1 << 20))
        if not block:
            break
        count += block.count(b"\n")
        n -= len(block)
    return count


def _expand(inputs: Sequence[str]) -> Iterator[str]:
    for item in inputs:
        if item != "-" and not _is_url(item) and not os.path.exists(item) and _GLOB & set(item):
            yield from sorted(glob.glob(item, recursive=True)) or [item]
        else:
            yield item


def plan_shards(inputs: Sequence[str], partitions: int | None = None, stdin: BinaryIO | None = None) -> list[Shard]:
    """The shards of ``inputs``, in input order; ``partitions``: about how many (default: by size)."""
    from ..ingest.sources import _walk

    items = list(_expand(inputs))
    total = sum(_identity(i)[0] for i in items if _splittable(i))
    piece = max(1, math.ceil(total / partitions)) if partitions else SHARD_BYTES
    out: list[Shard] = []
    for item in items:
        if item == "-":
            out += _article_shards(len(out), stdin)
        elif _splittable(item):
            size, mtime = _identity(item)
            cuts = _cuts(item, size, max(1, math.ceil(size / piece)))
            for start, end, line in cuts:
                key = _key("jsonl", item, size, mtime, start, end)
                out.append(Shard(len(out), "jsonl", key, item, start, end, line, len(cuts) == 1))
        elif not _is_url(item) and os.path.isdir(item):
            out += _file_shards(len(out), list(_walk(item)), partitions)
        else:
            out.append(Shard(len(out), "files", _key("files", item, *_identity_or_none(item)), items=(item,)))
    return out


def _identity_or_none(item: str) -> tuple[int, int]:
    try:
        return _identity(item)
    except (OSError, ValueError):
        return (-1, -1)


def _splittable(item: str) -> bool:
    name = item.lower()
    if not name.endswith(_JSONL):
        return False
    if _is_url(item):
        return True
    return os.path.isfile(item)


def _file_shards(first: int, walked: list[Article | str], partitions: int | None) -> list[Shard]:
    per = SHARD_FILES if not partitions else max(1, math.ceil(len(walked) / partitions))
    out: list[Shard] = []
    for k in range(0, len(walked), per):
        group = tuple(walked[k : k + per])
        ident = [(g, *_identity_or_none(g)) if isinstance(g, str) else (g.id, g.error) for g in group]
        out.append(Shard(first + len(out), "files", _key("files", *ident), items=group))
    return out


def _article_shards(first: int, stdin: BinaryIO | None) -> list[Shard]:
    from ..ingest import read_inputs

    articles = list(read_inputs(["-"], stdin=stdin))
    out: list[Shard] = []
    for k in range(0, len(articles), SHARD_ARTICLES):
        group = tuple(articles[k : k + SHARD_ARTICLES])
        out.append(Shard(first + len(out), "articles", _key("articles", *(a.id + a.text for a in group)), items=group))
    return out


def read_shard(shard: Shard, max_bytes: int) -> Iterator[Article]:
    """The articles of a shard, as the one-process reader gives them (ids not yet made unique in the run)."""
    from ..ingest.jsonl import jsonl_articles
    from ..ingest.sources import _file_articles, _guarded

    if shard.kind == "jsonl":

        def produce() -> Iterator[Article]:
            with _open(shard.path) as stream:
                stream.seek(shard.start)
                data = stream.read(shard.end - shard.start)
            yield from jsonl_articles(
                io.BytesIO(data), path=shard.path, max_bytes=max_bytes, first_line=shard.first_line, whole=shard.whole
            )

        yield from _guarded(shard.path, produce)
        return
    for item in shard.items:
        if isinstance(item, Article):
            yield item
        elif _is_url(item):
            yield from _guarded(item, lambda u=item: _url_articles(u, max_bytes))  # type: ignore[misc]
        elif not os.path.exists(item):
            from ..ingest.errors import failed_article

            yield failed_article(item, "no such file or directory", "check the path")
        else:
            yield from _guarded(item, lambda f=item: _file_articles(Path(f), f, max_bytes))  # type: ignore[misc]


def _url_articles(url: str, max_bytes: int) -> Iterator[Article]:
    from ..ingest.limits import read_capped
    from ..ingest.sources import _articles_of_bytes, kind_of_name, sniff_kind

    with _open(url) as stream:
        data: Any = read_capped(stream, max_bytes, "the file")
    yield from _articles_of_bytes(data, kind_of_name(url.rsplit("/", 1)[-1]) or sniff_kind(data), url, max_bytes)
