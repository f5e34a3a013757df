"""Decoding bytes: byte-order marks, UTF-8, declared charsets, detection, and what cannot be decoded."""

from __future__ import annotations

import codecs

import pytest

from eventwire.ingest.encoding import DecodeError, declared_charset, decode_bytes

TEXT = "Le ministre a déclaré lundi que les négociations reprendraient à Genève en février."


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf8"],
)
def test_boms_and_utf8(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_single_byte_encodings_are_detected(encoding: str) -> None:
    text = (TEXT + " ") * 3 + "Selon l'équipe, « l'accord est proche »."
    assert decode_bytes(text.encode(encoding)) == text


def test_declared_html_charset_is_used() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва заявила о переговорах.</p></body></html>'
    assert "Москва заявила" in decode_bytes(page.encode("cp1251"), html=True)


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="ISO-8859-1">', "iso8859-1"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no meta</p>", None),
    ],
)
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(head) == charset


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, codecs.BOM_UTF8 + b"\xff\xfe\xfa"])
def test_undecodable(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_bytes(data)
