"""The package's layering: the command line is a layer over the library, never imported by it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
LIBRARY = sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts)


def imported_modules(path: Path) -> set[str]:
    """The absolute names of the modules ``path`` imports (relative imports resolved)."""
    parts = ["eventwire", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = parts if parts[-1] == "__init__" else parts[:-1]
    package = [p for p in package if p != "__init__"]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_library_never_imports_the_command_line(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m == "eventwire.cli" or m.startswith("eventwire.cli.")}


def test_imports_are_resolved_as_python_does() -> None:
    found = imported_modules(PACKAGE / "store" / "db.py")
    assert {"eventwire.errors", "eventwire.store.catalog", "eventwire.store.schema"} <= found
    assert "eventwire.actors.knowledge" in imported_modules(PACKAGE / "knowledge" / "__init__.py")
    assert "eventwire.model" in imported_modules(PACKAGE / "cli" / "__init__.py")
