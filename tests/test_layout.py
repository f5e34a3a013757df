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


#: The stage packages (and the one-module claims stage): data flows one way between them through the
#: ``Analysis`` record, so none imports another's modules (shared knowledge lives in ``knowledge``,
#: ``wordlists``, ``labels`` and ``nlp``).
STAGES = ("ingest", "actors", "quotes", "events", "dates", "places", "claims", "assess")


def stage_of(module: str) -> str | None:
    """The stage a module name belongs to (``eventwire.events.coder`` -> ``events``), if any."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "eventwire" and parts[1] in STAGES else None


@pytest.mark.parametrize(
    "path",
    [p for p in LIBRARY if p.relative_to(PACKAGE).parts[0].removesuffix(".py") in STAGES],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_no_stage_imports_another_stage(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    others = {m for m in imported_modules(path) if stage_of(m) not in (None, own)}
    assert not others, f"{path.relative_to(PACKAGE)} imports another stage: {sorted(others)}"


def test_a_stage_importing_another_is_caught() -> None:
    assert stage_of("eventwire.actors.knowledge") == "actors"
    assert stage_of("eventwire.knowledge.countries") is None
    assert stage_of("eventwire.claims") == "claims"
    assert "eventwire.actors.knowledge" in imported_modules(PACKAGE / "knowledge" / "__init__.py")
