"""Property-based fuzzing of every reader (txt, html, jsonl, warc, rss/atom, gz, stdin) through
``read_inputs`` on real files: never an exception, never a hang, every item an article with either text
or an ``error`` naming its input and the ingest stage."""

from __future__ import annotations

import gzip
import io
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest import read_inputs
from eventwire.model import Article

from .fuzz import cases, news, texts

CAP = 256 * 1024


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def check(articles: list[Article], name: str) -> None:
    assert articles, f"no article for {name}"
    for article in articles:
        if article.error is not None:
            assert article.error.stage == "ingest" and article.text == ""
            given_id = re.sub(r"#\d+$", "", article.id)  # a repeated id was renamed id#n
            assert article.error.message.startswith(given_id) and "(" in article.error.message
        else:
            assert article.text.strip() and article.id
    assert len({a.id for a in articles}) == len(articles)


def read_file(folder: Path, name: str, data: bytes) -> list[Article]:
    path = folder / name
    path.write_bytes(data)
    articles = list(read_inputs([str(path)], max_bytes=CAP))
    check(articles, name)
    return articles


@cases(700)
@given(data=st.one_of(st.binary(max_size=600), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_text_files(folder: Path, data: bytes) -> None:
    read_file(folder, "a.txt", data)


@cases(500)
@given(body=texts, title=texts)
def test_html_files(folder: Path, body: str, title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    read_file(folder, "a.html", page.encode("utf-8", "surrogatepass"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "html", "x"]), inner),
    max_leaves=6,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from(["same", "", "1"]), texts, st.integers()),
        "text": st.one_of(news, texts, json_values),
        "html": texts.map(lambda t: f"<p>{t}</p>"),
        "published": st.one_of(st.sampled_from(["2020-01-10", "yesterday", "2020-13-45", ""]), json_values),
        "url": st.one_of(st.sampled_from(["javascript:x", "http://e.org/a"]), texts),
    },
)
lines = st.one_of(records.map(json.dumps), json_values.map(json.dumps), texts, st.just(""))


@cases(700)
@given(rows=st.lists(lines, max_size=6), gz=st.booleans())
def test_jsonl_files(folder: Path, rows: list[str], gz: bool) -> None:
    data = "\n".join(rows).encode("utf-8", "surrogatepass")
    articles = read_file(folder, "a.jsonl.gz" if gz else "a.jsonl", gzip.compress(data) if gz else data)
    non_blank = [r for r in data.split(b"\n") if r.strip()]
    assert len(articles) == max(1, len(non_blank))


def warc_bytes(bodies: list[bytes], types: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, (body, kind) in enumerate(zip(bodies, types, strict=False)):
        http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            f"http://e.org/{i % 2}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buf.getvalue()


@cases(400)
@given(
    bodies=st.lists(
        st.one_of(st.binary(max_size=200), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))), max_size=4
    ),
    types=st.lists(
        st.sampled_from(
            [
                "text/html",
                "text/html; charset=latin-1",
                "text/html; charset=bogus",
                "image/png",
                "application/xhtml+xml",
            ]
        ),
        min_size=4,
        max_size=4,
    ),
    gz=st.booleans(),
    cut=st.integers(min_value=0, max_value=400),
    garbage=st.binary(max_size=20),
)
def test_warc_files(folder: Path, bodies: list[bytes], types: list[str], gz: bool, cut: int, garbage: bytes) -> None:
    data = warc_bytes(bodies, types, gz)
    data = data[: max(0, len(data) - cut)] + garbage if cut or garbage else data
    read_file(folder, "a.warc.gz" if gz else "a.warc", data)


items = st.lists(st.tuples(texts, texts, st.sampled_from(["description", "content:encoded", "summary"])), max_size=4)


def feed(kind: str, entries: list[tuple[str, str, str]], entity: bool) -> str:
    dtd = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' if entity else ""
    esc = {"&": "&amp;", "<": "&lt;"}

    def x(t: str) -> str:
        return "".join(esc.get(c, c) for c in t)

    if kind == "rss":
        body = "".join(
            f"<item><title>{x(t)}</title><{tag}>{x(b)}{'&b;' if entity else ''}</{tag}></item>" for t, b, tag in entries
        )
        return f'<?xml version="1.0"?>{dtd}<rss xmlns:content="c"><channel><title>F</title>{body}</channel></rss>'
    body = "".join(f"<entry><title>{x(t)}</title><content type='html'>{x(b)}</content></entry>" for t, b, _ in entries)
    return f'<?xml version="1.0"?>{dtd}<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{body}</feed>'


@cases(600)
@given(kind=st.sampled_from(["rss", "atom"]), entries=items, entity=st.booleans(), cut=st.integers(0, 60))
def test_feed_files(folder: Path, kind: str, entries: list[tuple[str, str, str]], entity: bool, cut: int) -> None:
    data = feed(kind, entries, entity).encode("utf-8", "surrogatepass")
    articles = read_file(folder, "a.xml", data[: len(data) - cut] if cut else data)
    for article in articles:
        assert "aaaaaaaaaa" * 6 not in article.text  # entities are never expanded


@cases(600)
@given(
    payload=st.one_of(st.binary(max_size=300), news.map(str.encode)),
    mode=st.sampled_from(["whole", "cut", "bomb", "junk"]),
)
def test_gzip_files(folder: Path, payload: bytes, mode: str) -> None:
    if mode == "bomb":
        data = gzip.compress(payload + b"x" * (CAP + 1))
    else:
        data = gzip.compress(payload)
        data = data[: len(data) // 2] if mode == "cut" else data + (b"junk" if mode == "junk" else b"")
    articles = read_file(folder, "a.txt.gz", data)
    if mode == "bomb":
        assert articles[0].error is not None and "size cap" in articles[0].error.message


@cases(400)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(lines, max_size=4).map(lambda r: "\n".join(r).encode("utf-8", "surrogatepass")),
    ),
    gz=st.booleans(),
)
def test_stdin(data: bytes, gz: bool) -> None:
    stream = io.BytesIO(gzip.compress(data) if gz else data)
    check(list(read_inputs(["-"], stdin=stream, max_bytes=CAP)), "-")
