"""Import a PETRARCH-format CAMEO verb dictionary into eventwire patterns (actor dictionaries:
``petrarch_actors.py``).

The dictionary format read (PETRARCH's and TABARI's verb files)::

    # a comment (anywhere, to the end of the line)
    &WEAPON                     a synset: its members follow, one per line after "+"
    +GUN
    +ROCKET_LAUNCHER
    --- ACCUSE [112] ---        a verb block: the verb and the code of its bare use ("[---]": none)
    ACCUSE                      the verb's forms, one per line ("SEND {SENT SENDING}"): eventwire
    ACCUSED                     matches lemmas, so forms are read and not needed
    - * OF CORRUPTION [1121]    a pattern: "*" the verb, "$" the source, "+" the target, words after it

Each verb block gives a pattern for its bare use (id ``pet_<verb>``) and one per pattern line
(``pet_<verb>_<n>``). After the verb, a particle (UP, OFF, OUT, ...: ``data/petrarch.yaml``) becomes
``prt``, a preposition ``prep`` and the word after the preposition ``comp``; the words before any
preposition name the object
(``obj``: the last word, the head of a noun phrase; a synset gives all its members). "[---]" on a pattern
makes it a negative pattern (code "-"). A line is not mapped, and is reported with the reason, when it
has words before the verb, the target before the verb or the source after it, a compound actor ("%"),
two prepositions, phrase-structure brackets, or a code eventwire's CAMEO table lacks. A noun phrase of
several words keeps its head only: such lines are mapped and noted. ``to_petrarch`` writes a pattern
back as a PETRARCH line, so an exactly mapped line round-trips.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..events.lexicon.cameo import is_code
from ..events.lexicon.lexicon import NO_EVENT

if TYPE_CHECKING:
    from .petrarch_actors import ImportedActors

__all__ = ["Imported", "Unmapped", "import_petrarch", "particles", "prepositions", "to_petrarch", "write_patterns"]


@cache
def _words() -> dict[str, frozenset[str]]:
    text = resources.files(__package__).joinpath("data/petrarch.yaml").read_text(encoding="utf-8")
    data: dict[str, list[str]] = yaml.safe_load(text)
    return {key: frozenset(str(w).lower() for w in words) for key, words in data.items()}


def particles() -> frozenset[str]:
    """Words right after the verb that are its particle ("CALL OFF", "PULL OUT"): ``data/petrarch.yaml``."""
    return _words()["particles"]


def prepositions() -> frozenset[str]:
    """Words that open a prepositional phrase ("ACCUSE * OF ..."): ``data/petrarch.yaml``."""
    return _words()["prepositions"]


NO_CODE = "---"
HEADER = re.compile(r"^---\s+(?P<verb>\S+)\s*(?:\[(?P<code>[^\]]*)\])?\s*---\s*$")
PATTERN = re.compile(r"^-\s+(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")


@dataclass(frozen=True)
class Unmapped:
    """An entry of the dictionary that gave no pattern, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Imported:
    """The patterns of a dictionary (raw entries, as in ``patterns.yaml``) and what could not be mapped."""

    path: str
    patterns: tuple[dict[str, Any], ...]
    #: per pattern: the line of the dictionary it comes from
    lines: tuple[int, ...]
    unmapped: tuple[Unmapped, ...]
    #: mapped with a loss (a noun phrase cut to its head): (line, note)
    notes: tuple[tuple[int, str], ...] = field(default=())
    blocks: int = 0


def _word(token: str) -> str:
    """A dictionary word as eventwire matches it: lower case, the last word of a joined phrase."""
    return token.lower().split("_")[-1]


@dataclass
class _Reader:
    path: str
    synsets: dict[str, list[str]] = field(default_factory=dict)
    patterns: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    blocks: int = 0

    def code(self, raw: str, line: int, text: str) -> str | None:
        raw = raw.strip()
        if raw == NO_CODE:
            return NO_EVENT
        if is_code(raw):
            return raw
        self.unmapped.append(Unmapped(line, text, f"code {raw!r} is not in eventwire's CAMEO table"))
        return None

    def verb(self, raw: str, line: int, text: str) -> tuple[str, str | None] | None:
        parts = raw.lower().split("_")
        if len(parts) == 1:
            return parts[0], None
        if len(parts) == 2 and parts[1] in particles():
            return parts[0], parts[1]
        self.unmapped.append(Unmapped(line, text, f"multi-word verb {raw!r}: eventwire triggers on one verb"))
        return None

    def add(self, entry: dict[str, Any], line: int) -> None:
        self.patterns.append(entry)
        self.lines.append(line)

    def pattern(
        self, verb: tuple[str, str | None], base: str, body: str, code: str, line: int, text: str, n: int
    ) -> None:
        tokens = body.split()
        if "*" not in tokens:
            self.unmapped.append(Unmapped(line, text, "no '*' marks the verb"))
            return
        star = tokens.index("*")
        before, after = tokens[:star], tokens[star + 1 :]
        reason = self._unmappable(before, after)
        if reason:
            self.unmapped.append(Unmapped(line, text, reason))
            return
        entry: dict[str, Any] = {"id": f"{base}_{n}", "lemma": [verb[0]]}
        if verb[1]:
            entry["prt"] = [verb[1]]
        words = [t for t in after if t not in ("+", "^")]
        if words and words[0].lower() in particles() and entry.get("prt", [words[0].lower()]) == [words[0].lower()]:
            entry["prt"] = [words.pop(0).lower()]  # the particle, or the verb's own particle written again
        preps = [i for i, w in enumerate(words) if w.lower() in prepositions()]
        if len(preps) > 1:
            self.unmapped.append(Unmapped(line, text, "two prepositions: a pattern holds one"))
            return
        head, tail = (words[: preps[0]], words[preps[0] + 1 :]) if preps else (words, [])
        if preps:
            entry["prep"] = [words[preps[0]].lower()]
        for key, run in (("obj", head), ("comp", tail)):
            if not run:
                continue
            if len(run) > 1:
                self.notes.append((line, f"{' '.join(run)!r}: kept its head {run[-1]!r} as {key}"))
            last = run[-1]
            if last.startswith("&"):
                if last[1:] not in self.synsets:
                    self.unmapped.append(Unmapped(line, text, f"synset {last} is not defined above this line"))
                    return
                entry[key] = sorted(set(self.synsets[last[1:]]))
            else:
                entry[key] = [_word(last)]
        if "+" in after and preps and after.index("+") > after.index(words[preps[0]]):
            entry["target"] = "prep"
        entry["code"] = code
        self.add(entry, line)

    @staticmethod
    def _unmappable(before: list[str], after: list[str]) -> str:
        if any(t not in ("$", "+") for t in before):
            return "words before the verb: eventwire patterns look at the verb and what follows it"
        if "+" in before and "$" in after:
            return "a passive pattern: eventwire reads the passive from the parse, so the verb's patterns cover it"
        if "+" in before:
            return "the target before the verb: eventwire reads the target from the verb's object or preposition"
        if "$" in after:
            return "the source after the verb: eventwire takes the subject (a passive is read from the parse)"
        if "%" in before + after:
            return "a compound actor (%): no eventwire equivalent"
        if any(c in t for t in after for c in "(){}|~"):
            return "phrase-structure or alternative brackets: not mapped"
        return ""


def _base_id(verb: tuple[str, str | None]) -> str:
    return f"pet_{verb[0]}_{verb[1]}" if verb[1] else f"pet_{verb[0]}"


def import_petrarch(path: str | Path) -> Imported:
    """The patterns of the verb dictionary at ``path`` (every entry mapped, or reported as unmapped)."""
    reader = _Reader(str(path))
    verb: tuple[str, str | None] | None = None
    block = 0  # the line of the verb block we are in (0: none)
    synset: str | None = None
    count = 0
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            synset = None if not raw.strip() else synset  # a blank line ends a synset
        elif text.startswith("&"):
            synset, verb, block = text[1:].split()[0], None, 0
            reader.synsets[synset] = []
        elif text.startswith("+") and synset is not None:
            reader.synsets[synset].append(_word(text[1:].strip()))
        elif header := HEADER.match(text):
            synset, count, block = None, 0, number
            reader.blocks += 1
            verb = reader.verb(header["verb"], number, text)
            if verb is not None and header["code"] is None:
                reader.unmapped.append(Unmapped(number, text, "a verb block with no [code]"))
            elif verb is not None and header["code"].strip() != NO_CODE:
                code = reader.code(header["code"], number, text)
                if code is not None:
                    prt = {"prt": [verb[1]]} if verb[1] else {}
                    reader.add({"id": _base_id(verb), "lemma": [verb[0]], **prt, "code": code}, number)
        elif text.startswith("-"):
            match = PATTERN.match(text)
            if not block or verb is None or match is None:
                why = (
                    "a pattern outside any verb block"
                    if not block
                    else f"its verb block (line {block}) could not be mapped"
                    if verb is None
                    else "a pattern line with no [code]"
                )
                reader.unmapped.append(Unmapped(number, text, why))
                continue
            count += 1
            code = reader.code(match["code"], number, text)
            if code is not None:
                reader.pattern(verb, _base_id(verb), match["body"], code, number, text, count)
        elif not block and synset is None:
            reader.unmapped.append(Unmapped(number, text, "a line outside any verb block or synset"))
    return Imported(
        reader.path,
        tuple(reader.patterns),
        tuple(reader.lines),
        tuple(reader.unmapped),
        tuple(reader.notes),
        reader.blocks,
    )


def to_petrarch(entry: dict[str, Any]) -> str:
    """A pattern written back as a PETRARCH pattern line (the first word of each field): importing the
    line under a block of the same verb gives the pattern back."""
    words = ["*"]
    for key in ("prt", "obj", "prep"):
        if entry.get(key):
            words.append(str(entry[key][0]).upper())
    if entry.get("target") == "prep":
        words.append("+")
    if entry.get("comp"):
        words.append(str(entry["comp"][0]).upper())
    code = NO_CODE if entry["code"] == NO_EVENT else entry["code"]
    return f"- {' '.join(words)} [{code}]"


def write_patterns(imported: Sequence[Imported], actors: Sequence[ImportedActors] = ()) -> str:
    """The YAML knowledge file of imported dictionaries: one pattern (or person) per line, each with the
    dictionary line it comes from."""
    out = ["# imported from PETRARCH-format dictionaries by `eventwire knowledge import-petrarch`", "patterns:"]
    used: set[str] = set()
    for result in imported:
        for entry, line in zip(result.patterns, result.lines, strict=True):
            pid, k = entry["id"], 1
            while pid in used:  # the same verb in two dictionaries
                k += 1
                pid = f"{entry['id']}_v{k}"
            used.add(pid)
            out.append(f"  - {_flow({**entry, 'id': pid})}  # {Path(result.path).name}:{line}")
    if not used:
        out[-1] = "patterns: []"
    people: list[tuple[dict[str, Any], str, int]] = []
    names: set[str] = set()
    for found in actors:
        for person, line in zip(found.people, found.lines, strict=True):
            if person["name"] not in names:  # a later dictionary's person of the same name is left out
                names.add(person["name"])
                people.append((person, found.path, line))
    if people:
        out.append("people:")
        out += [f"  - {_flow(person)}  # {Path(path).name}:{line}" for person, path, line in people]
    return "\n".join(out) + "\n"


def _flow(entry: dict[str, Any]) -> str:
    return yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, width=10**6).strip()
