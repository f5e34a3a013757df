"""Bytes -> str: byte-order marks first, then strict UTF-8, then a declared HTML charset, then detection.

The encoding is detected (charset-normalizer), never assumed. A file that is binary or that no
encoding decodes raises :class:`DecodeError`; the reader turns it into one failed article.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "declared_charset", "decode_bytes"]

#: Longest BOMs first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Encodings news pages most often use, most common first (charset-normalizer's names).
_COMMON = (
    "utf_8",
    "cp1252",
    "cp1251",
    "cp1250",
    "iso8859_15",
    "latin_1",
    "cp1256",
    "cp1253",
    "cp1254",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "koi8_r",
)
#: Readings whose chaos (share of odd characters) differs by at most this much count as equally clean.
_CHAOS_TIE = 0.005
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


class DecodeError(ValueError):
    """No encoding decodes these bytes (or they are not text at all)."""


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], name
    return data, None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" in head and head.count(b"\x00") > len(head) // 100


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode ``data`` to text (BOM removed, no NUL characters)."""
    body, bom_encoding = _strip_bom(data)
    if bom_encoding is not None:
        try:
            return body.decode(bom_encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"bad {bom_encoding} after its byte-order mark: {exc.reason}") from exc
    if _looks_binary(body):
        raise DecodeError("binary content, not text")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        charset = declared_charset(body)
        if charset is not None and charset != "utf-8":
            try:
                return body.decode(charset)
            except UnicodeDecodeError:
                pass
    return _detect(body)


def _detect(body: bytes) -> str:
    """charset-normalizer's pick; among equally clean readings, the most common web encoding wins."""
    matches = list(from_bytes(body))
    if not matches:
        raise DecodeError("no text encoding fits these bytes")
    least = min(m.chaos for m in matches)
    clean = {name for m in matches if m.chaos <= least + _CHAOS_TIE for name in (m.encoding, *m.could_be_from_charset)}
    for name in _COMMON:
        if name in clean:
            try:
                return body.decode(name)
            except UnicodeDecodeError:
                continue
    return str(min(matches, key=lambda m: m.chaos))
