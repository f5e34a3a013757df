"""Bounded reading (issue 12, item 5): every read unit (a text/HTML/feed file, a JSONL line, a WARC record,
stdin) is read with a size cap; what is over it becomes an error record and reading goes on. The memory
figures (1 GiB bombs under 1 GB RSS) are measured by ``benchmarks/bombs.py``, not here."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.model import Article

CAP = 64 * 1024
SMALL = "Kenya accused Tanzania of closing the border on Monday."


def bomb(size: int, unit: bytes = b"war and peace ") -> bytes:
    """gzip of ``size`` bytes written piecewise (the bomb is never held unpacked)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = unit * (65536 // len(unit))
    parts, left = [], size
    while left > 0:
        piece = block[: min(left, len(block))]
        parts.append(packer.compress(piece))
        left -= len(piece)
    parts.append(packer.flush())
    return b"".join(parts)


def _over_cap(article: Article) -> bool:
    return (
        article.error is not None
        and "size cap" in article.error.message
        and "--max-article-size" in (article.error.message)
    )


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.html.gz", "bomb.xml.gz", "bomb.gz"])
def test_a_file_over_the_cap_is_an_error_record(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(bomb(16 * CAP))
    (tmp_path / "z.txt").write_text(SMALL)
    arts = list(read_inputs([str(tmp_path / name), str(tmp_path / "z.txt")], max_bytes=CAP))
    assert _over_cap(arts[0]) and name in arts[0].error.message  # type: ignore[union-attr]
    assert arts[1].text == SMALL


def test_a_plain_file_over_the_cap_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("The talks went on. " * (CAP // 10))
    [article] = read_inputs([str(tmp_path / "big.txt")], max_bytes=CAP)
    assert _over_cap(article)


def test_a_jsonl_line_over_the_cap_fails_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": SMALL}),
        json.dumps({"id": "huge", "text": "word " * CAP}),
        json.dumps({"id": "c", "text": SMALL.replace("Monday", "Friday")}),
    ]
    path = tmp_path / "lines.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    arts = list(read_inputs([str(path)], max_bytes=CAP))
    assert [a.error is None for a in arts] == [True, False, True]
    assert _over_cap(arts[1]) and f"{path}:2" in arts[1].error.message  # type: ignore[union-attr]


def test_a_warc_record_over_the_cap_fails_alone(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, body in enumerate([f"<p>{SMALL}</p>", "<p>" + "x " * CAP + "</p>", f"<p>{SMALL} Again.</p>"]):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        rec = writer.create_warc_record(
            f"http://e.org/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=http
        )
        writer.write_record(rec)
    (tmp_path / "a.warc.gz").write_bytes(buf.getvalue())
    arts = list(read_inputs([str(tmp_path / "a.warc.gz")], max_bytes=CAP))
    assert [a.error is None for a in arts] == [True, False, True]
    assert _over_cap(arts[1]) and "http://e.org/1" in arts[1].error.message  # type: ignore[union-attr]


@pytest.mark.parametrize("data", [bomb(16 * CAP), b"plain words " * CAP])
def test_stdin_over_the_cap_is_an_error_record(data: bytes) -> None:
    [article] = read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=CAP)
    assert _over_cap(article)


def test_the_cap_is_a_command_line_option(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(bomb(4 * 1024 * 1024))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "bomb.txt.gz"), "--max-article-size", "1M", "-o", str(out), "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert "size cap of 1 MiB" in record["error"]["message"]
    assert main(["extract", str(tmp_path / "bomb.txt.gz"), "--max-article-size", "8M", "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text())["error"] is None


@pytest.mark.parametrize("bad", ["0", "-3M", "lots", "1T"])
def test_a_bad_cap_is_refused(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "x.txt", "--max-article-size", bad])
    assert exit_.value.code == 2 and "--max-article-size" in capsys.readouterr().err
