"""Decompression bombs: each input kind packed so that it unpacks to 1 GiB, read by `eventwire code`.

    .venv/bin/python benchmarks/bombs.py              # 1 GiB each, default cap (20 MiB per article)
    .venv/bin/python benchmarks/bombs.py --gib 0.25   # smaller, for a quick look

Target (issue 12): every bomb ends as one error record, the run exits 0, and the process stays under
1 GB peak RSS. Each run is a fresh process; its peak RSS comes from wait4().
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

WORDS = b"Kenya accused Tanzania of closing the border and officials met again. "
BLOCK = WORDS * (1 << 20 // len(WORDS))


def _stream(size: int) -> Iterator[bytes]:
    left = size
    while left > 0:
        piece = BLOCK[: min(left, len(BLOCK))]
        left -= len(piece)
        yield piece


def _gzip_to(path: Path, head: bytes, size: int, tail: bytes = b"") -> None:
    """gzip of head + size bytes of words + tail, packed piecewise (never held unpacked)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        out.write(packer.compress(head))
        for piece in _stream(size):
            out.write(packer.compress(piece))
        out.write(packer.compress(tail))
        out.write(packer.flush())


def _warc_head(size: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
    tail_len = len(b"</p></body></html>")
    length = len(http) + size + tail_len
    warc = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return warc.encode() + http


def make_bombs(folder: Path, size: int) -> list[Path]:
    specs = {
        "bomb.txt.gz": (b"", b""),
        "bomb.html.gz": (b"<html><body><article><p>", b"</p></article></body></html>"),
        "bomb.xml.gz": (
            b'<?xml version="1.0"?><rss><channel><item><description>',
            b"</description></item></channel></rss>",
        ),
        "bomb.jsonl.gz": (b'{"id": "bomb", "text": "', b'"}\n'),
        "bomb.warc.gz": (_warc_head(size), b"</p></body></html>\r\n\r\n"),
    }
    paths = []
    for name, (head, tail) in specs.items():
        path = folder / name
        _gzip_to(path, head, size, tail)
        paths.append(path)
    return paths


def run(path: Path) -> dict[str, object]:
    out = path.with_suffix(".out.jsonl")
    cmd = [sys.executable, "-m", "eventwire.cli", "code", str(path), "-o", str(out), "--workers", "1", "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    records = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    return {
        "input": path.name,
        "packed_mb": round(path.stat().st_size / 1e6, 2),
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "records": len(records),
        "errors": [r["error"]["message"][:90] for r in records if r.get("error")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gib", type=float, default=1.0, help="unpacked size of each bomb in GiB (default 1)")
    args = parser.parse_args()
    size = int(args.gib * (1 << 30))
    with tempfile.TemporaryDirectory() as tmp:
        for path in make_bombs(Path(tmp), size):
            result = run(path)
            ok = result["exit"] == 0 and result["errors"] and int(str(result["peak_rss_mb"])) < 1000
            print(json.dumps({**result, "target_met": bool(ok)}), flush=True)


if __name__ == "__main__":
    main()
