"""The ``titles:`` and ``organizations:`` sections of a knowledge file: sector terms and named bodies, as in
``actors/data/sectors.tsv`` and ``actors/data/organizations.tsv``.

    titles:
      - {term: harbour master, sector: GOV}            # one person's title: "Harbour Master X", "the harbour master"
      - {term: dockworkers, sector: LAB, kind: group}  # several people or a body
    organizations:
      - {names: [Atlantic Fisheries Council, AFC], code: IGOAFC, sector: IGO}
      - {names: [Harbour Guard], code: PRTCOP, country: PRT, sector: COP}
      - {names: [Green Harbour Party], country: PRT}   # no code: the country's (and the sector's, if any)

A title's ``sector`` is a CAMEO sector the package knows (``"-"``: the term names people of no sector); a
person's title also makes its plural a group ("harbour masters"). An organisation's first name is its
canonical one; ``country`` is an ISO3 code the package knows (none: a body of no one country). A user's
title or organisation name replaces the package's entry of that name.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from ..actors.knowledge import load_countries
from ..errors import KnowledgeProblem
from .people import known_sectors, model_problems

__all__ = ["OrganizationEntry", "TitleEntry", "organization_problems", "title_problems"]

#: where an entry's fields are described
SEE = "see knowledge/terms.py"
_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")


class TitleEntry(BaseModel):
    """One sector term (the columns of ``actors/data/sectors.tsv``)."""

    model_config = ConfigDict(extra="forbid")

    term: StrictStr = Field(min_length=1)
    sector: StrictStr
    kind: Literal["person", "group"] = "person"


class OrganizationEntry(BaseModel):
    """One named body (the columns of ``actors/data/organizations.tsv``)."""

    model_config = ConfigDict(extra="forbid")

    names: list[StrictStr] = Field(min_length=1)
    #: the CAMEO actor code (none: the country's code and the sector's, as for a party)
    code: StrictStr | None = None
    country: StrictStr | None = None
    sector: StrictStr | None = None
    kind: Literal["organization", "group"] = "organization"


def _sector_problem(sector: str | None, at: int, name: str) -> list[KnowledgeProblem]:
    if sector in (None, "-") or sector in known_sectors():
        return []
    return [
        KnowledgeProblem(
            at, f"{name}: sector", f"unknown sector {sector!r}", f"one of: {', '.join(sorted(known_sectors()))}"
        )
    ]


def title_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """Every fault of one title entry."""
    if not isinstance(entry, dict):
        return [KnowledgeProblem(line, "titles", "an entry is not a mapping", "write {term: ..., sector: ...}")]
    name = f"title {entry.get('term')!r}" if entry.get("term") else "title"
    found = model_problems(TitleEntry, entry, line, keys, name, SEE)
    if found is not None:
        return found
    return _sector_problem(entry["sector"], keys.get("sector", line), name)


def organization_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """Every fault of one organisation entry."""
    if not isinstance(entry, dict):
        return [KnowledgeProblem(line, "organizations", "an entry is not a mapping", "write {names: [...], code: ...}")]
    names = entry.get("names")
    first = names[0] if isinstance(names, list) and names and isinstance(names[0], str) else None
    name = f"organization {first!r}" if first else "organization"
    found = model_problems(OrganizationEntry, entry, line, keys, name, SEE)
    if found is not None:
        return found
    problems = _sector_problem(entry.get("sector"), keys.get("sector", line), name)
    if entry.get("code") is not None and not _CODE.match(entry["code"]):
        problems.append(
            KnowledgeProblem(
                keys.get("code", line),
                f"{name}: code",
                f"bad actor code {entry['code']!r}",
                "capitals (3 to 15; CAMEO: country or IGO/NGO, then sector or tag): UNO, IGOAFC, PRTCOP",
            )
        )
    country = entry.get("country")
    if country is not None and country not in load_countries():
        problems.append(
            KnowledgeProblem(
                keys.get("country", line),
                f"{name}: country",
                f"unknown country {country!r}",
                "an ISO3 code of knowledge/data/countries.tsv, or leave it out",
            )
        )
    return problems
