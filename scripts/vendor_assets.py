"""Vendor the browser assets the workbench serves itself (nothing is fetched at run time).

Fetches pinned npm packages with ``npm pack`` (the npm registry, at development time only) and copies the
files the workbench needs, with each package's licence, into ``src/eventwire/web/static/``:

- world-atlas (ISC licence; the data is Natural Earth's, public domain): ``countries-110m.json``, the
  country outlines of the map;
- swagger-ui-dist (Apache-2.0): the API docs page ``/docs``.

``static/ASSETS.md`` lists what was copied from which package version. Run:
``.venv/bin/python scripts/vendor_assets.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "web" / "static"
PACKAGES = {
    "world-atlas@2.0.2": {"countries-110m.json": "countries-110m.json", "LICENSE": "world-atlas.LICENSE.txt"},
    "swagger-ui-dist@5.35.0": {
        "swagger-ui-bundle.js": "swagger-ui-bundle.js",
        "swagger-ui.css": "swagger-ui.css",
        "LICENSE": "swagger-ui.LICENSE.txt",
    },
}


def fetch(spec: str, files: dict[str, str], work: Path) -> None:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True)
    tarball = work / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        tar.extractall(work / spec, filter="data")
    for name, target in files.items():
        shutil.copyfile(work / spec / "package" / name, STATIC / target)


def main() -> None:
    STATIC.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for spec, files in PACKAGES.items():
            fetch(spec, files, Path(tmp))
    lines = [
        "# Vendored assets (written by scripts/vendor_assets.py)",
        "",
        "| file | npm package | licence |",
        "|---|---|---|",
    ]
    licences = {
        "world-atlas": "ISC (world-atlas.LICENSE.txt); data: Natural Earth, public domain",
        "swagger-ui-dist": "Apache-2.0 (swagger-ui.LICENSE.txt)",
    }
    for spec, files in PACKAGES.items():
        name = spec.rsplit("@", 1)[0]
        for target in files.values():
            lines.append(f"| `{target}` | {spec} | {licences[name]} |")
    (STATIC / "ASSETS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"vendored {sum(len(f) for f in PACKAGES.values())} files into {STATIC}")


if __name__ == "__main__":
    main()
