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
    assert "eventwire.actors.knowledge" in imported_modules(PACKAGE / "knowledge" / "combined.py")
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
    assert "eventwire.actors.knowledge" in imported_modules(PACKAGE / "knowledge" / "combined.py")


EVENTS = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "events"
# The modules that may sit directly in events/: the package and the coder stage that ties the groups together.
EVENTS_FLAT = {"__init__.py", "coder.py"}
# Modules left flat on purpose when events/ was regrouped, each to be placed in its concept's subpackage.
EVENTS_NOT_YET_PLACED: set[str] = set()
EVENTS_GROUPS = ("confidence", "grammar", "lexicon", "mentions", "rules", "sides")


def test_events_is_laid_out_by_concept() -> None:
    """A module of the events stage lives in the subpackage of its concept, never flat beside the coder."""
    flat = {p.name for p in EVENTS.glob("*.py")}
    assert flat - EVENTS_FLAT - EVENTS_NOT_YET_PLACED == set(), "place it in its concept's subpackage"
    assert EVENTS_FLAT.issubset(flat)


@pytest.mark.parametrize("group", EVENTS_GROUPS)
def test_each_events_group_says_what_belongs_there(group: str) -> None:
    init = EVENTS / group / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and "belongs here" in doc
    assert any(p.name != "__init__.py" for p in (EVENTS / group).glob("*.py"))


def test_events_has_no_package_outside_its_groups() -> None:
    dirs = {p.name for p in EVENTS.iterdir() if p.is_dir() and p.name not in ("data", "__pycache__")}
    assert dirs == set(EVENTS_GROUPS)
    assert not list((EVENTS / "data").glob("*.py")), "data/ holds knowledge files, not code"


@pytest.mark.parametrize(
    ("module", "heavy"),
    [
        ("eventwire.cli", ("spacy", "datasketch", "scipy", "eventwire.actors", "eventwire.events")),
        ("eventwire.store.db", ("spacy", "datasketch", "eventwire.actors")),
        ("eventwire.knowledge.countries", ("spacy", "eventwire.actors", "eventwire.knowledge.combined")),
        ("eventwire.export.gdelt", ("spacy", "eventwire.actors")),
    ],
)
def test_reading_commands_import_no_coder(module: str, heavy: tuple[str, ...]) -> None:
    """``query``, ``summary`` and ``export`` only read a store: importing what they need loads neither spaCy
    nor the stages' lexicons (start-up, issue 15), so a new top-level import of them fails here."""
    import subprocess
    import sys

    code = f"import sys, {module}; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    env = {"PYTHONPATH": str(PACKAGE.parent)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == ""
