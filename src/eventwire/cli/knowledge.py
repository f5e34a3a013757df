"""``eventwire knowledge check FILE...`` and ``eventwire knowledge import-petrarch VERBS.txt -o my.yaml``.

The parser is built at every start of the command line, so this module imports the knowledge layer (and
with it the event coder and spaCy) only inside the commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import ConfigError, KnowledgeError

if TYPE_CHECKING:
    from ..knowledge import Change

__all__ = ["add_knowledge_commands", "cmd_knowledge"]

#: the sections of a knowledge file, in the order `knowledge check` counts them
SECTION_ORDER = ("pattern", "person", "title", "organization", "cue", "claim", "place", "words")


def add_knowledge_commands(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "knowledge",
        help="check knowledge files (--dict) or import a PETRARCH verb dictionary",
        formatter_class=formatter,
        epilog="examples:\n  eventwire knowledge check my-patterns.yaml\n"
        "  eventwire knowledge import-petrarch VERBS.txt -o my-patterns.yaml",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser("check", help="validate files and print what each adds or overrides (exit 2: errors)")
    check.add_argument("files", nargs="+", metavar="FILE", help="knowledge files, in the order --dict would take them")
    imp = actions.add_parser(
        "import-petrarch", help="convert PETRARCH-format CAMEO verb and actor dictionaries into a knowledge file"
    )
    imp.add_argument(
        "dictionaries",
        nargs="+",
        metavar="DICTIONARY",
        help="verb dictionaries (with '--- VERB [code] ---' blocks) and actor dictionaries in PETRARCH's format",
    )
    imp.add_argument("-o", "--output", metavar="OUT", help="the knowledge file to write (default: stdout)")


def cmd_knowledge(args: argparse.Namespace) -> int:
    if args.action == "check":
        return check_files(args.files, sys.stdout)
    return import_dictionaries(args.dictionaries, args.output, sys.stderr)


def _describe(change: Change, patterns: dict[str, list[str]]) -> str:
    if change.section != "pattern":
        was = f" (was {change.before})" if change.before else ""
        return f"  line {change.line}: {change.kind} {change.section} {change.id}: {change.code}{was}"
    lemmas = ", ".join(patterns.get(change.id, []))
    if change.kind == "adds":
        return f"  line {change.line}: adds {change.id} ({change.code}): {lemmas}"
    return f"  line {change.line}: overrides {change.id} ({change.before} -> {change.code}): {lemmas}"


def _plural(section: str) -> str:
    return "word list(s)" if section == "words" else f"{section}(s)"


def check_files(paths: list[str], out: TextIO) -> int:
    """Validate each file; print its problems, or what it adds and overrides after the files before it."""
    from ..knowledge import Knowledge, KnowledgeFile, read_knowledge_file

    read: list[KnowledgeFile | KnowledgeError] = []
    for path in paths:
        try:
            read.append(read_knowledge_file(path))
        except KnowledgeError as exc:
            read.append(exc)
    try:
        knowledge = Knowledge.merge([kf for kf in read if isinstance(kf, KnowledgeFile)])
    except KnowledgeError as exc:  # the files together leave a word list empty
        out.write(f"{exc.path}: {len(exc.problems)} problem(s)\n")
        out.writelines(f"  {p.describe(exc.path)}\n" for p in exc.problems)
        return 2
    failed = 0
    for path, kf in zip(paths, read, strict=True):
        if isinstance(kf, KnowledgeError):
            failed += 1
            out.write(f"{path}: {len(kf.problems)} problem(s)\n")
            out.writelines(f"  {p.describe(path)}\n" for p in kf.problems)
            continue
        changes = [c for c in knowledge.changes if c.path == kf.path]
        adds = sum(c.kind == "adds" for c in changes)
        tally = {_plural(section): sum(c.section == section for c in changes) for section in SECTION_ORDER}
        counts = ", ".join(f"{n} {name}" for name, n in tally.items() if n or name == "pattern(s)")
        out.write(f"{path}: ok, {counts}: {adds} added, {len(changes) - adds} overridden\n")
        lemmas = {str(e["id"]): _lemmas(e) for e in kf.patterns}
        out.writelines(_describe(c, lemmas) + "\n" for c in changes)
    return 2 if failed else 0


def _lemmas(entry: dict[str, Any]) -> list[str]:
    value = entry["lemma"]
    return [value] if isinstance(value, str) else [str(v) for v in value]


def import_dictionaries(paths: list[str], output: str | None, report: TextIO) -> int:
    """Convert the dictionaries (verb or actor dictionaries, told apart by their verb block headers),
    write the knowledge file, and report every entry not mapped."""
    from ..knowledge import read_knowledge_file
    from ..knowledge.petrarch import Imported, import_petrarch, write_patterns
    from ..knowledge.petrarch_actors import ImportedActors, import_petrarch_actors, is_actor_dictionary

    verbs: list[Imported] = []
    actors: list[ImportedActors] = []
    for path in paths:
        try:
            if is_actor_dictionary(path):
                actors.append(import_petrarch_actors(path))
            else:
                verbs.append(import_petrarch(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the dictionary: {exc} (give a UTF-8 text file)") from exc
    text = write_patterns(verbs, actors)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        read_knowledge_file(output)  # what we write must load
    else:
        sys.stdout.write(text)
    results: list[Imported | ImportedActors] = [*verbs, *actors]
    for r in sorted(results, key=lambda r: paths.index(r.path)):
        if isinstance(r, ImportedActors):
            what = f"{len(r.people)} person(s)"
        else:
            what = f"{len(r.patterns)} pattern(s) from {r.blocks} verb block(s)"
        report.write(f"{r.path}: {what}; {len(r.unmapped)} not mapped\n")
        report.writelines(f"  {r.path}:{u.line}: not mapped: {u.text}: {u.reason}\n" for u in r.unmapped)
        report.writelines(f"  {r.path}:{line}: mapped with a loss: {note}\n" for line, note in r.notes)
    return 0
