"""Walking inputs: directories, stdin, defaults, duplicates and error articles."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.sources import kind_of_name, sniff_kind
from eventwire.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*inputs: str, **kwargs: object) -> list[Article]:
    return list(read_inputs(list(inputs), **kwargs))  # type: ignore[arg-type]


def test_directory_is_walked_recursively_in_sorted_order() -> None:
    tree = str(FIXTURES / "tree")
    ids = [a.id for a in read(tree)]
    assert ids == [os.path.join(tree, p) for p in ("a/10.txt", "a/2.txt", "b/1.txt", "top.txt")]


def test_directory_ids_join_the_given_path() -> None:
    tree = os.path.relpath(FIXTURES / "tree")
    assert read(tree)[0].id == os.path.join(tree, "a", "10.txt")


def test_directory_is_streamed() -> None:
    stream = read_inputs([str(FIXTURES / "tree")])
    assert next(stream).id.endswith("10.txt")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.HTML", "html"),
        ("a.htm.gz", "html"),
        ("a.jsonl", "jsonl"),
        ("a.warc.gz", "warc"),
        ("a.warc", "warc"),
        ("feed.xml", "feed"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.md", None),
        ("README", None),
    ],
)
def test_kind_of_name(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'{"id": "a", "text": "x"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf<html>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"WARC/1.0\r\n", "warc"),
        (b"Troops left on Monday.", "text"),
        (b"<3 is not html", "text"),
    ],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b'{"id": "x1", "text": "The army left."}\n{"id": "x2", "text": "The navy came."}\n', ["x1", "x2"]),
        ((FIXTURES / "article.html").read_bytes(), ["stdin-"]),
        (b"Ministers met in Oslo on Monday.", ["stdin-"]),
        (gzip.compress(b"Ministers met in Oslo on Monday."), ["stdin-"]),
    ],
)
def test_stdin_is_sniffed(data: bytes, ids: list[str]) -> None:
    articles = read("-", stdin=io.BytesIO(data))
    # a stdin text without an id of its own is named after its text (stdin-<digest>)
    assert [a.id if a.id in ids else a.id[:6] for a in articles] == ids
    assert all(a.error is None and a.text for a in articles)


def test_stdin_html_gives_main_text() -> None:
    (article,) = read("-", stdin=io.BytesIO((FIXTURES / "article.html").read_bytes()))
    assert article.title == "Harbour talks resume in Valmora"


def test_defaults_fill_only_what_is_missing(tmp_path: Path) -> None:
    lines = [
        {"id": "own", "text": "The talks ended.", "published": "2020-02-03", "source": "Own Wire"},
        {"id": "bare", "text": "The talks resumed."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    own, bare = read(str(path), published=dt.date(2020, 1, 10), source="NBC News")
    assert (own.published, own.source) == (dt.date(2020, 2, 3), "Own Wire")
    assert (bare.published, bare.source) == (dt.date(2020, 1, 10), "NBC News")


def test_exact_duplicates_are_marked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels took the town.\n\nThe army withdrew.")
    (tmp_path / "b.txt").write_text("REBELS  took the town.\nThe army   withdrew.")
    (tmp_path / "c.txt").write_text("Rebels took the city.")
    a, b, c = read(str(tmp_path))
    assert a.duplicate_of is None and c.duplicate_of is None
    assert b.duplicate_of == a.id
    assert b.text  # the duplicate keeps its text


def test_same_file_twice_is_a_duplicate() -> None:
    path = str(FIXTURES / "tree" / "top.txt")
    first, second = read(path, path)
    assert first.duplicate_of is None and second.duplicate_of == path


def _assert_failed(article: Article, id: str, reason: str) -> None:
    assert article.id == id and article.text == ""
    assert article.error is not None and article.error.stage == "ingest"
    assert article.error.message.startswith(f"{id}: ") and reason in article.error.message
    assert article.error.message.endswith(")")  # every message says what to do


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("empty.jsonl", b"\n\n", "no JSON lines"),
        ("blank.txt", b" \n\n \n", "empty"),
        ("binary.txt", b"\x00\x01\x02\x00" * 200, "binary"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
        ("only-notices.txt", b"Share this article\nADVERTISEMENT\n", "boilerplate"),
        ("empty.html", b"<html><body><script>var x = 1;</script></body></html>", "no main text"),
        ("bad.xml", b"<rss><channel><title>x</title></channel></rss>", "no <item>"),
    ],
)
def test_bad_input_gives_an_error_article_and_reading_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz-good.txt"
    good.write_text("The talks ended on Monday.")
    failed, ok = read(str(bad), str(good))
    _assert_failed(failed, str(bad), reason)
    assert ok.error is None and ok.text == "The talks ended on Monday."


def test_missing_path_is_an_error_article() -> None:
    failed, ok = read("/no/such/input.txt", str(FIXTURES / "tree" / "top.txt"))
    _assert_failed(failed, "/no/such/input.txt", "no such file")
    assert ok.error is None


def test_bad_stdin_is_an_error_article() -> None:
    (failed,) = read("-", stdin=io.BytesIO(b""))
    _assert_failed(failed, "-", "empty")


def test_stdin_jsonl_is_streamed_across_the_sniffed_head() -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"Item {i}: the council met again. " * 20}) for i in range(300)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 8192  # longer than the sniffed head
    articles = read("-", stdin=io.BytesIO(data))
    assert [a.id for a in articles] == [f"n{i}" for i in range(300)]
    assert all(a.error is None for a in articles)


def test_stdin_gzipped_jsonl() -> None:
    data = gzip.compress(b'{"id": "z", "text": "The army left."}\n')
    (article,) = read("-", stdin=io.BytesIO(data))
    assert (article.id, article.text) == ("z", "The army left.")
