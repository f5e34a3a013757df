"""The ``people:`` section of a knowledge file: people with dated roles, as in ``actors/data/people.yaml``.

    people:
      - {name: Ana Duarte, gender: f, roles: [[PRT, GOV, Foreign Minister, 2031-03-01, ""]]}

A role is ``[country, sector, title, from, to]``: an ISO3 code the package knows ("-": none), a CAMEO
sector the package's files use (GOV, MIL, ...), a title, and dates (YYYY or YYYY-MM-DD; an empty ``to``:
still held). A person whose name is a package person's replaces that person.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError

from ..actors.knowledge import _data_lines, load_countries, people_entries
from ..errors import KnowledgeProblem

__all__ = ["PersonEntry", "known_sectors", "person_problems"]


class PersonEntry(BaseModel):
    """One person (the fields of ``actors/data/people.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    name: StrictStr = Field(min_length=1)
    roles: list[list[Any]] = Field(min_length=1)
    aliases: list[StrictStr] = []
    surname: StrictStr | None = None
    gender: Literal["m", "f"] = "m"
    ambiguous: StrictBool = False


@cache
def known_sectors() -> frozenset[str]:
    """The CAMEO sectors the package's own files use (sector terms, organisations, people)."""
    terms = {row[1] for row in _data_lines("sectors.tsv") if len(row) > 1}
    orgs = {row[2] for row in _data_lines("organizations.tsv") if len(row) > 2}
    people = {str(r[1]) for item in people_entries() for r in item["roles"]}
    return frozenset(s for s in terms | orgs | people if s and s != "-" and s.isupper())


def _date_ok(value: Any) -> bool:
    if value is None or value == "" or isinstance(value, dt.date):
        return True
    text = str(value)
    try:
        (dt.date(int(text), 1, 1) if len(text) == 4 else dt.date.fromisoformat(text))
    except ValueError:
        return False
    return True


def _role_problem(role: list[Any]) -> tuple[str, str] | None:
    """(reason, fix) of a bad role, None when it is right."""
    if not 3 <= len(role) <= 5:
        return f"a role has {len(role)} item(s)", "write [country, sector, title, from, to]"
    country, sector, title = role[:3]
    if country not in ("-", None) and str(country) not in load_countries():
        return f"unknown country {country!r}", "an ISO3 code of knowledge/data/countries.tsv, or - for none"
    if str(sector) not in known_sectors():
        return f"unknown sector {sector!r}", f"one of: {', '.join(sorted(known_sectors()))}"
    if not isinstance(title, str) or not title:
        return f"bad title {title!r}", "a title such as Foreign Minister"
    if not all(_date_ok(d) for d in role[3:]):
        return f"bad date in {role[3:]!r}", 'YYYY or YYYY-MM-DD, or "" for a role still held'
    return None


def model_problems(
    model: type[BaseModel], entry: Any, line: int, keys: dict[str, int], name: str, see: str
) -> list[KnowledgeProblem] | None:
    """The schema faults of one entry of a knowledge file (unknown keys, missing ones, wrong types), each at
    the line of its key; None when the entry fits ``model``."""
    try:
        model.model_validate(entry)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            unknown = err["type"] == "extra_forbidden"
            reason = "unknown key" if unknown else str(err["msg"])
            fix = f"the keys are: {', '.join(sorted(model.model_fields))}" if unknown else see
            out.append(KnowledgeProblem(keys.get(field, line), f"{name}: {field}", reason, fix))
        return out
    return None


def person_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """Every fault of one person entry."""
    if not isinstance(entry, dict):
        return [KnowledgeProblem(line, "people", "an entry is not a mapping", "write {name: ..., roles: [[...]]}")]
    name = f"person {entry.get('name')!r}" if entry.get("name") else "person"
    schema = model_problems(PersonEntry, entry, line, keys, name, "see actors/data/people.yaml")
    if schema is not None:
        return schema
    return [
        KnowledgeProblem(keys.get("roles", line), f"{name}: roles", reason, fix)
        for role in entry["roles"]
        if (found := _role_problem(role)) is not None
        for reason, fix in [found]
    ]
