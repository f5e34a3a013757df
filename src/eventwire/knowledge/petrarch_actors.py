"""Import a PETRARCH-format actor dictionary into eventwire people (a knowledge file's ``people:``).

The format read::

    # a comment (anywhere, to the end of the line)
    ANA_DUARTE_                 an actor: its name, words joined by "_" (a code may follow: "NAME [PRTGOV]")
    +DUARTE_                    a synonym (an alias)
    [PRTLEG 240101-310228]      a code, dated: "YYMMDD-YYMMDD" from-to, ">YYMMDD" from, "<YYMMDD" until
    [PRTGOV >310301]

Each actor becomes a person: the name and aliases in title case, one role per code. A code is a country
(an ISO3 code eventwire knows) then a sector (one the package's files use); a longer code keeps its first
sector and is noted. A two-digit year is 19YY from 40 on, else 20YY. PETRARCH gives no titles: a role's
title is its code. An actor with no code it can map, a code of no known country (IGO, NGO and other
international codes) or sector, or a bad date is reported with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..actors.knowledge import load_countries
from .people import known_sectors
from .petrarch import Unmapped

__all__ = ["ImportedActors", "import_petrarch_actors", "is_actor_dictionary"]

CODE = re.compile(r"\[\s*(?P<code>[A-Z]+)\s*(?P<when>[^\]]*)\]")
#: two-digit years from this one on are 19YY, the others 20YY
PIVOT = 40


@dataclass(frozen=True)
class ImportedActors:
    """The people of an actor dictionary (raw entries, as in ``people.yaml``) and what could not be mapped."""

    path: str
    people: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]
    unmapped: tuple[Unmapped, ...]
    notes: tuple[tuple[int, str], ...] = field(default=())


def is_actor_dictionary(path: str | Path) -> bool:
    """Whether a PETRARCH dictionary holds actors (no verb block header)."""
    text = Path(path).read_text(encoding="utf-8")
    return not any(line.strip().startswith("--- ") for line in text.splitlines())


def _name(raw: str) -> str:
    """ "ANA_DUARTE_" -> "Ana Duarte", "AL-SAYED_" -> "Al-Sayed"."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    return " ".join("-".join(part.capitalize() for part in w.split("-")) for w in words)


def _day(raw: str) -> str | None:
    """``YYMMDD`` as YYYY-MM-DD (None: not a date)."""
    if not re.fullmatch(r"\d{6}", raw):
        return None
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    year = 1900 + yy if yy >= PIVOT else 2000 + yy
    text = f"{year:04d}-{mm:02d}-{dd:02d}"
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return None
    return text


def _span(when: str) -> tuple[str, str] | None:
    """(from, to) of a date restriction ("" for open), None when it is not one."""
    when = when.strip()
    if not when:
        return "", ""
    if when[0] in "<>":
        day = _day(when[1:].strip())
        return None if day is None else (("", day) if when[0] == "<" else (day, ""))
    parts = when.split("-")
    if len(parts) == 2:
        start = _day(parts[0].strip()) if parts[0].strip() else ""
        end = _day(parts[1].strip()) if parts[1].strip() else ""
        return None if start is None or end is None else (start, end)
    return None


@dataclass
class _Actor:
    line: int
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[list[str]] = field(default_factory=list)


def _role(code: str, when: str, line: int, notes: list[tuple[int, str]]) -> tuple[list[str] | None, str]:
    country, sector = code[:3], code[3:6]
    if country not in load_countries():
        return None, f"code {code}: {country!r} is no country eventwire knows (international codes are not mapped)"
    if sector not in known_sectors():
        return None, f"code {code}: no sector eventwire knows after the country"
    span = _span(when)
    if span is None:
        return None, f"code {code}: date restriction {when.strip()!r} is not YYMMDD-YYMMDD, >YYMMDD or <YYMMDD"
    if len(code) > 6:
        notes.append((line, f"code {code}: kept its first sector {sector}"))
    return [country, sector, code, *span], ""


def import_petrarch_actors(path: str | Path) -> ImportedActors:
    """The people of the actor dictionary at ``path`` (every actor mapped, or reported as unmapped)."""
    actors: list[_Actor] = []
    unmapped: list[Unmapped] = []
    notes: list[tuple[int, str]] = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        codes = list(CODE.finditer(text))
        head = CODE.sub("", text).strip()
        if head.startswith("+") and actors:
            actors[-1].aliases.append(_name(head[1:]))
        elif head and not head.startswith(("+", "[")):
            actors.append(_Actor(number, _name(head)))
        elif not actors or (head and not codes):
            unmapped.append(Unmapped(number, text, "a line outside any actor"))
            continue
        for match in codes:
            role, why = _role(match["code"], match["when"], number, notes)
            if role is None:
                unmapped.append(Unmapped(number, text, why))
            else:
                actors[-1].roles.append(role)
    people: list[dict[str, Any]] = []
    lines: list[int] = []
    seen: dict[str, int] = {}
    for actor in actors:
        if actor.name in seen:
            unmapped.append(Unmapped(actor.line, actor.name, f"the same name as the actor on line {seen[actor.name]}"))
            continue
        seen[actor.name] = actor.line
        if not actor.roles:
            unmapped.append(Unmapped(actor.line, actor.name, "no code that could be mapped: a person needs a role"))
            continue
        entry: dict[str, Any] = {"name": actor.name}
        aliases = [a for a in dict.fromkeys(actor.aliases) if a and a != actor.name]
        if aliases:
            entry["aliases"] = aliases
        entry["roles"] = actor.roles
        people.append(entry)
        lines.append(actor.line)
    return ImportedActors(
        str(path), tuple(people), tuple(lines), tuple(sorted(unmapped, key=lambda u: u.line)), tuple(notes)
    )
