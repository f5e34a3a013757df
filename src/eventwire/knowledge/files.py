"""A user's knowledge file, read and validated when it is loaded.

A knowledge file is YAML with a ``patterns:`` list (the fields of the package's
``events/data/patterns.yaml``), a ``people:`` list (those of ``actors/data/people.yaml``:
``knowledge/people.py``), a ``titles:`` and an ``organizations:`` list (sector terms and named bodies:
``knowledge/terms.py``), a ``cues:``, ``claims:`` and ``places:`` list (cue verbs, propositions and
gazetteer additions: ``knowledge/sections.py``), a ``words:`` mapping (changes to the vocabulary lists:
``knowledge/words.py``), any of them (a ``.tsv`` file holds gazetteer additions in
the columns of ``data/gazetteer_extra.tsv``)::

    patterns:
      - {id: scold, lemma: [scold, berate], code: "111"}

Every entry is checked against ``PatternEntry`` (pydantic: unknown keys, wrong types), its CAMEO code
against the code table the package ships (``events/data/cameo_codes.tsv``), its ids against the file's
other ids; each fault is a ``KnowledgeProblem`` naming the line and key, all of them raised together as
one ``KnowledgeError``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from ..errors import KnowledgeError, KnowledgeProblem
from ..events.lexicon.cameo import is_code
from ..events.lexicon.lexicon import NO_EVENT, expand_entry
from .people import person_problems
from .sections import claim_problems, cue_problems, place_problems
from .terms import organization_problems, title_problems
from .words import word_problems

__all__ = ["SECTIONS", "KnowledgeFile", "PatternEntry", "read_knowledge_file"]

Words = StrictStr | list[StrictStr]
Kind = Literal["person", "agent", "place"]


class PatternEntry(BaseModel):
    """One trigger pattern (the fields are documented at the top of ``events/data/patterns.yaml``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: StrictStr = Field(min_length=1)
    lemma: Words
    code: StrictStr
    pos: Literal["v", "n"] = "v"
    prt: Words | None = None
    prep: Words | None = None
    obj: Words | None = None
    comp: Words | None = None
    not_: Words | None = Field(default=None, alias="not")
    target: Literal["comp_subj", "post", "prep", "from_subj"] | None = None
    trans: StrictBool | None = None
    finite: StrictBool = False
    need: Literal["target"] | None = None
    symmetric: StrictBool = False
    yields: StrictBool = False
    rank: StrictInt = 0
    deps: Words | None = None
    nodeps: Words | None = None
    subj: Kind | None = None
    pobj: Kind | None = None


#: the top-level keys a knowledge file may have
SECTIONS = frozenset({"patterns", "people", "titles", "organizations", "cues", "claims", "places", "words"})
FIELDS = sorted(f.alias or name for name, f in PatternEntry.model_fields.items())


@dataclass(frozen=True)
class KnowledgeFile:
    """A validated knowledge file: its pattern entries (raw, as ``patterns.yaml`` rows) and people (as
    ``actors/data/people.yaml`` rows), each with its line."""

    path: str
    patterns: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]
    people: tuple[dict[str, Any], ...] = ()
    people_lines: tuple[int, ...] = ()
    titles: tuple[dict[str, Any], ...] = ()
    title_lines: tuple[int, ...] = ()
    organizations: tuple[dict[str, Any], ...] = ()
    organization_lines: tuple[int, ...] = ()
    cues: tuple[dict[str, Any], ...] = ()
    cue_lines: tuple[int, ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    claim_lines: tuple[int, ...] = ()
    places: tuple[dict[str, Any], ...] = ()
    place_lines: tuple[int, ...] = ()
    #: the ``words:`` entries (``package.list``, change), each with its line
    words: tuple[tuple[str, Any], ...] = ()
    word_lines: tuple[int, ...] = ()


def _mapping_lines(text: str, section: str) -> dict[str, int]:
    """The line of each key of the top-level mapping ``section``."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    for key, value in root.value:
        if key.value == section and isinstance(value, yaml.MappingNode):
            return {str(k.value): k.start_mark.line + 1 for k, _v in value.value}
    return {}


def _lines(text: str) -> tuple[dict[str, int], dict[str, list[tuple[int, dict[str, int]]]]]:
    """The line of each top-level key, and per entry of each list section its line and the line of each
    of its keys."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    top: dict[str, int] = {}
    entries: dict[str, list[tuple[int, dict[str, int]]]] = {}
    if not isinstance(root, yaml.MappingNode):
        return top, entries
    for key, value in root.value:
        top[str(key.value)] = key.start_mark.line + 1
        if isinstance(value, yaml.SequenceNode):
            entries[str(key.value)] = [
                (
                    item.start_mark.line + 1,
                    {str(k.value): k.start_mark.line + 1 for k, _v in item.value}
                    if isinstance(item, yaml.MappingNode)
                    else {},
                )
                for item in value.value
            ]
    return top, entries


def _entry_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    if not isinstance(entry, dict):
        return [
            KnowledgeProblem(line, "patterns", "an entry is not a mapping", "write {id: ..., lemma: ..., code: ...}")
        ]
    name = f"pattern {entry.get('id')!r}" if entry.get("id") else "pattern"
    try:
        PatternEntry.model_validate(entry)
    except ValidationError as exc:
        return [_pydantic_problem(err, name, line, keys) for err in exc.errors()]
    code = entry["code"]
    if code != NO_EVENT and not is_code(code):
        return [
            KnowledgeProblem(
                keys.get("code", line),
                f"{name}: code",
                f"{code!r} is not a CAMEO code",
                'use a code of events/data/cameo_codes.tsv (such as "111" or "0874"), or "-" for no event',
            )
        ]
    try:
        expand_entry(entry)
    except ValueError as exc:
        return [KnowledgeProblem(line, name, str(exc), "see the fields at the top of events/data/patterns.yaml")]
    return []


def _pydantic_problem(err: Any, name: str, line: int, keys: dict[str, int]) -> KnowledgeProblem:
    field = str(err["loc"][0]) if err["loc"] else "?"
    at = keys.get(field, line)
    if err["type"] == "extra_forbidden":
        return KnowledgeProblem(at, f"{name}: {field}", "unknown key", f"the keys are: {', '.join(FIELDS)}")
    if err["type"] == "missing":
        return KnowledgeProblem(line, f"{name}: {field}", "missing", "every pattern needs id, lemma and code")
    value = err.get("input")
    fix = "a word or a list of words"
    if isinstance(value, bool) or (isinstance(value, list) and any(isinstance(v, bool) for v in value)):
        fix = "quote on/off/yes/no: YAML reads them as true/false"
    elif field == "code":
        fix = 'quote the code: code: "0874" (YAML drops the leading zero of a bare number)'
    elif err["type"] == "literal_error":
        fix = str(err["msg"])
    elif field in ("trans", "finite", "symmetric", "yields"):
        fix = "true or false"
    elif field == "rank":
        fix = "a whole number (-1 for a weak pattern)"
    return KnowledgeProblem(at, f"{name}: {field}", f"bad value {value!r}", fix)


def read_knowledge_file(path: str | Path) -> KnowledgeFile:
    """Read and validate one knowledge file (raises ``KnowledgeError`` naming every problem)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(
            name, [KnowledgeProblem(None, "file", exc.strerror or str(exc), "give a readable YAML file")]
        ) from exc
    if name.endswith(".tsv"):
        return _read_places_tsv(name, text)
    try:
        data = yaml.safe_load(text)
        top, entry_lines = _lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise KnowledgeError(
            name, [KnowledgeProblem(line, "yaml", str(getattr(exc, "problem", exc)), "fix the YAML syntax")]
        ) from exc
    except ValueError as exc:  # an unquoted date that does not exist (2031-13-01)
        raise KnowledgeError(
            name, [KnowledgeProblem(None, "yaml", f"a date that does not exist: {exc}", "write YYYY-MM-DD")]
        ) from exc
    lists = {k: v for k, v in data.items() if k in SECTIONS and k != "words"} if isinstance(data, dict) else {}
    has_words = isinstance(data, dict) and "words" in data
    if not (lists or has_words) or not all(isinstance(v, list) for v in lists.values()):
        raise KnowledgeError(
            name,
            [
                KnowledgeProblem(
                    1,
                    "patterns",
                    "no list of patterns, people, titles, organizations, cues, claims or places, and no words",
                    "start the file with `patterns:`, `people:`, `titles:`, `organizations:`, `cues:`, `claims:` or "
                    "`places:` and a list of entries, or with `words:` and changes to word lists",
                )
            ],
        )
    problems = [
        KnowledgeProblem(
            top.get(str(key)), str(key), "unknown section", f"the sections are: {', '.join(sorted(SECTIONS))}"
        )
        for key in data
        if key not in SECTIONS
    ]
    patterns, people = data.get("patterns") or [], data.get("people") or []
    problems += _section_problems(patterns, entry_lines.get("patterns", []), "id", "pattern", _entry_problems)
    problems += _section_problems(people, entry_lines.get("people", []), "name", "person", person_problems)
    titles, orgs = data.get("titles") or [], data.get("organizations") or []
    problems += _section_problems(titles, entry_lines.get("titles", []), "term", "title", title_problems)
    problems += _section_problems(
        orgs, entry_lines.get("organizations", []), "names", "organization", organization_problems
    )
    cues, claims, places = data.get("cues") or [], data.get("claims") or [], data.get("places") or []
    problems += _section_problems(cues, entry_lines.get("cues", []), "lemma", "cue", cue_problems)
    problems += _section_problems(claims, entry_lines.get("claims", []), "id", "claim", claim_problems)
    problems += _section_problems(places, entry_lines.get("places", []), "", "place", place_problems)
    words = data.get("words") or {}
    word_lines = _mapping_lines(text, "words") if has_words else {}
    if has_words:
        problems += word_problems(data.get("words"), word_lines, top.get("words"))
    problems = sorted(dict.fromkeys(problems), key=lambda p: (p.line or 0, p.key))  # one per line, key and fault
    if problems:
        raise KnowledgeError(name, problems)
    return KnowledgeFile(
        name,
        tuple(patterns),
        tuple(line for line, _keys in entry_lines.get("patterns", [])),
        tuple(people),
        tuple(line for line, _keys in entry_lines.get("people", [])),
        tuple(titles),
        tuple(line for line, _keys in entry_lines.get("titles", [])),
        tuple(orgs),
        tuple(line for line, _keys in entry_lines.get("organizations", [])),
        tuple(cues),
        tuple(line for line, _keys in entry_lines.get("cues", [])),
        tuple(claims),
        tuple(line for line, _keys in entry_lines.get("claims", [])),
        tuple(places),
        tuple(line for line, _keys in entry_lines.get("places", [])),
        tuple((str(k), v) for k, v in words.items()) if isinstance(words, dict) else (),
        tuple(word_lines.get(str(k), 0) for k in words) if isinstance(words, dict) else (),
    )


def _read_places_tsv(name: str, text: str) -> KnowledgeFile:
    """A ``.tsv`` knowledge file: gazetteer additions in the columns of ``data/gazetteer_extra.tsv`` (name,
    aliases, feature, iso3, lat, lon, admin1 code, prior), as a ``places:`` section."""
    places: list[dict[str, Any]] = []
    lines: list[int] = []
    problems: list[KnowledgeProblem] = []
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if not 6 <= len(cells) <= 8:
            problems.append(
                KnowledgeProblem(
                    line, cells[0], f"{len(cells)} columns", "name, aliases, feature, iso3, lat, lon[, admin1, prior]"
                )
            )
            continue
        cells += [""] * (8 - len(cells))
        entry: dict[str, Any] = {"name": cells[0], "feature": cells[2]}
        if cells[1]:
            entry["aliases"] = [a.strip() for a in cells[1].split("|") if a.strip()]
        for key, cell, kind in (("lat", cells[4], float), ("lon", cells[5], float), ("prior", cells[7], int)):
            if cell:
                try:
                    entry[key] = kind(cell)
                except ValueError:
                    entry[key] = cell  # reported as a bad value
        entry.update({k: v for k, v in (("country", cells[3]), ("admin1", cells[6])) if v})
        problems += place_problems(entry, line, {})
        places.append(entry)
        lines.append(line)
    if problems:
        raise KnowledgeError(name, problems)
    return KnowledgeFile(name, (), (), places=tuple(places), place_lines=tuple(lines))


def _section_problems(
    entries: list[Any],
    lines: list[tuple[int, dict[str, int]]],
    key: str,
    what: str,
    check: Callable[[Any, int, dict[str, int]], list[KnowledgeProblem]],
) -> list[KnowledgeProblem]:
    """The faults of each entry of a section, and its repeated ids (or names)."""
    problems: list[KnowledgeProblem] = []
    seen: dict[str, int] = {}
    for entry, (line, keys) in zip(entries, lines, strict=True):
        problems += check(entry, line, keys)
        value = entry.get(key) if isinstance(entry, dict) else None
        if isinstance(value, str) and value in seen:
            problems.append(
                KnowledgeProblem(
                    keys.get(key, line),
                    f"{what} {value!r}: {key}",
                    f"duplicate {key} (first on line {seen[value]})",
                    f"give each {what} of a file its own {key}",
                )
            )
        if isinstance(value, str):
            seen.setdefault(value, line)
    return problems
