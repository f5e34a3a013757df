"""A first look at gold data before scoring: gold of the wrong kind is a clear error, not a score of zero."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError

__all__ = ["check_gold"]

#: what each kind's gold looks like, in words (for the error message)
EXPECTED = {
    "events": 'JSONL lines with "text" and "events"',
    "eventloc": 'JSONL lines with "text", "verb" and "locations"',
    "quotes": "a folder with text/*.txt and attributions/*.ann (BRAT standoff, PolNeAR style)",
    "geo": "XML with <article> and <toponym> elements (TR-News/LGL style)",
    "extraction": "a ground-truth.json object {sha256: {url, articleBody}} with html/ beside it",
}


def _first_record(path: Path) -> dict[str, object] | None:
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    found = json.loads(line)
                except json.JSONDecodeError:
                    return None
                return found if isinstance(found, dict) else None
    return None


def _looks_right(kind: str, path: Path) -> bool:
    if kind == "quotes":
        return path.is_dir() and ((path / "text").is_dir() or any(path.glob("*/text")))
    if path.is_dir():
        return kind in ("events", "eventloc", "geo") and any(path.iterdir())
    if kind in ("events", "eventloc"):
        rec = _first_record(path)
        keys = {"events"} if kind == "events" else {"verb", "locations"}
        return rec is not None and "text" in rec and keys <= rec.keys()
    head = path.read_bytes()[:65536].decode("utf-8", "replace")
    if kind == "geo":
        return "<toponym" in head or "<article" in head
    if kind == "extraction":
        return head.lstrip().startswith("{") and "articleBody" in head
    return True


def check_gold(kind: str, paths: list[Path]) -> None:
    """Raise ConfigError when a gold path is not gold of ``kind`` (the kinds not listed are not checked)."""
    if kind not in EXPECTED:
        return
    for path in paths:
        if not _looks_right(kind, path):
            raise ConfigError(
                f"eval {kind}: {path} is not {kind} gold: expected {EXPECTED[kind]} "
                "(is it gold of another kind? see README, Evaluation)"
            )
