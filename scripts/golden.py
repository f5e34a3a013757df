"""Regenerate the golden end-to-end output (``tests/golden/demo_events.tsv``) — only on purpose.

The golden file holds one line per event of the demo corpus (``examples/demo_news.jsonl``): article id,
CAMEO code, modality, source and target (text, country, sector) and the trigger. ``tests/test_golden.py``
fails when the coder's output drifts from it; after checking that a change is intended, run

    .venv/bin/python scripts/golden.py

and commit the new file with the change that caused it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.export.records import coded_record
from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo_news.jsonl"
GOLDEN = ROOT / "tests" / "golden" / "demo_events.tsv"
COLUMNS = ("article", "cameo", "modality", "source", "source_country", "source_sector", "target", "target_country")
HEADER = "\t".join((*COLUMNS, "target_sector", "trigger"))


def _side(side: dict[str, object] | None) -> list[str]:
    side = side or {}
    return [str(side.get(k) or "") for k in ("text", "country", "sector")]


def golden_lines(records: Iterable[dict[str, object]]) -> Iterator[str]:
    """The golden projection of coded records: one tab-separated line per event."""
    yield HEADER
    for rec in records:
        for ev in rec.get("events") or []:  # type: ignore[attr-defined]
            trigger = ((ev.get("evidence") or {}).get("trigger") or {}).get("text") or ""
            cells = [str(rec["id"]), ev["cameo"], ev["modality"], *_side(ev.get("source")), *_side(ev.get("target"))]
            yield "\t".join(c.replace("\t", " ").replace("\n", " ") for c in [*cells, trigger])


def demo_records(pipeline: Pipeline) -> list[dict[str, object]]:
    articles = list(read_inputs([str(DEMO)]))
    return [json.loads(json.dumps(coded_record(a))) for a in pipeline.code_articles(articles)]


def main() -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text("\n".join(golden_lines(demo_records(Pipeline()))) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
