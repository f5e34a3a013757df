"""Write ``src/eventwire/export/data/plover_contexts.tsv`` (CAMEO code -> PLOVER contexts) and
``plover_types.tsv`` (PLOVER event type -> quad category, modes; the auxiliary modes on a ``*`` line).

Facts read from the CAMEO-to-PLOVER conversion table in ``../shared/reference/cameo2plover.txt`` (third
field of each code's line), kept only where the context is one of PLOVER 2.0's general contexts
(``../shared/reference/plover.json``). A code without its own context inherits none: the exporter falls back
to the code's parents (``0311`` -> ``031`` -> ``03``). Run: ``.venv/bin/python scripts/build_plover_contexts.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
OUT = ROOT / "src" / "eventwire" / "export" / "data" / "plover_contexts.tsv"
TYPES = OUT.with_name("plover_types.tsv")
LINE = re.compile(r"^(\d{2,4}):\s*([^#]*)")


def write_types(plover: dict[str, Any]) -> None:
    lines = ["# PLOVER event type\tquad category\tmodes (comma-separated); written by scripts/build_plover_contexts.py"]
    for e in plover["events"]:
        lines.append(f"{e['event']}\t{e['quad_category']}\t{','.join(m['mode'] for m in e['modes'])}")
    lines.append(f"*\t\t{','.join(plover['auxiliary_modes'])}")
    TYPES.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    plover = json.loads((REFERENCE / "plover.json").read_text())
    write_types(plover)
    known = {c["context"] for c in plover["contexts"]}
    rows = []
    for raw in (REFERENCE / "cameo2plover.txt").read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        contexts = [c.strip() for c in (fields[2] if len(fields) > 2 else "").split(";")]
        kept = [c for c in contexts if c in known]
        if kept:
            rows.append(f"{m.group(1)}\t{','.join(kept)}")
    header = "# CAMEO code\tPLOVER contexts (comma-separated); written by scripts/build_plover_contexts.py"
    OUT.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
