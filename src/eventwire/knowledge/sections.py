"""The ``cues:``, ``claims:`` and ``places:`` sections of a knowledge file.

    cues:        # cue verbs of the quotes stage, as in data/cues.yaml's verbs (by lemma)
      - {lemma: grumble, indirect: true, class: speech}
    claims:      # propositions of the claims stage, as in data/claims.yaml (by id)
      - id: blockade
        text: "{mover} ships will blockade {place}"
        assert: [{lemma: blockade}]
        troop_words: [ships, navy, warships]
    places:      # gazetteer additions, the columns of data/gazetteer_extra.tsv
      - {name: Port Vela, feature: city, country: VUT, lat: -17.73, lon: 168.32, prior: 40000}

A cue verb of a lemma the package has replaces the package's; so does a proposition of one of its ids. A
place is one more place of its name (the places stage weighs it against the others by its ``prior``).
"""

from __future__ import annotations

import string
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError

from ..errors import KnowledgeProblem
from .countries import country_table

__all__ = [
    "ClaimEntry",
    "CueEntry",
    "PlaceEntry",
    "claim_problems",
    "cue_problems",
    "place_problems",
    "place_row",
]

Number = StrictInt | StrictFloat


class CueEntry(BaseModel):
    """One cue verb (the fields of ``data/cues.yaml``'s verbs, with the lemma as a field)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    lemma: StrictStr = Field(min_length=1)
    indirect: StrictBool
    class_: Literal["speech", "belief", "writing", "evidence"] = Field(alias="class")
    object: StrictBool = False
    preps: list[StrictStr] = []
    next: list[StrictStr] = []


class TriggerEntry(BaseModel):
    """One trigger word of a proposition."""

    model_config = ConfigDict(extra="forbid")

    lemma: StrictStr = Field(min_length=1)
    particle: StrictStr | None = None
    modifier: StrictStr | None = None
    needs_object: list[StrictStr] = []


class ClaimEntry(BaseModel):
    """One proposition (the fields of ``data/claims.yaml``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: StrictStr = Field(min_length=1)
    text: StrictStr = Field(min_length=1)
    assert_: list[TriggerEntry] = Field(alias="assert", min_length=1)
    deny: list[TriggerEntry] = []
    troop_words: list[StrictStr] = Field(min_length=1)


class PlaceEntry(BaseModel):
    """One gazetteer addition (the columns of ``data/gazetteer_extra.tsv``)."""

    model_config = ConfigDict(extra="forbid")

    name: StrictStr = Field(min_length=1)
    aliases: list[StrictStr] = []
    feature: Literal["country", "admin1", "city", "capital", "region", "sea", "continent", "building"]
    country: StrictStr | None = None
    lat: Number = Field(ge=-90, le=90)
    lon: Number = Field(ge=-180, le=180)
    admin1: StrictStr | None = None
    prior: StrictInt = Field(default=1_000_000, ge=0)


def _model_problems(
    model: type[BaseModel], entry: Any, line: int, keys: dict[str, int], what: str, name: str
) -> list[KnowledgeProblem]:
    if not isinstance(entry, dict):
        return [KnowledgeProblem(line, what, "an entry is not a mapping", f"write each {what} as a mapping")]
    try:
        model.model_validate(entry)
    except ValidationError as exc:
        out: list[KnowledgeProblem] = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            where = f"{what} {name!r}: {field}" if name else f"{what}: {field}"
            if err["type"] == "extra_forbidden":
                fields = sorted(f.alias or n for n, f in model.model_fields.items())
                out.append(
                    KnowledgeProblem(keys.get(field, line), where, "unknown key", f"the keys are: {', '.join(fields)}")
                )
            elif err["type"] == "missing":
                out.append(KnowledgeProblem(line, where, "missing", "add it"))
            else:
                out.append(
                    KnowledgeProblem(keys.get(field, line), where, f"bad value {err.get('input')!r}", str(err["msg"]))
                )
        return out
    return []


def cue_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """The faults of one ``cues:`` entry."""
    name = str(entry.get("lemma") or "") if isinstance(entry, dict) else ""
    problems = _model_problems(CueEntry, entry, line, keys, "cue", name)
    if not problems and (name != name.lower() or " " in name.strip()):
        problems.append(
            KnowledgeProblem(
                keys.get("lemma", line), f"cue {name!r}: lemma", "not a lower-case lemma", "one word, lower case"
            )
        )
    return problems


def claim_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """The faults of one ``claims:`` entry (its text may only name ``{mover}`` and ``{place}``)."""
    name = str(entry.get("id") or "") if isinstance(entry, dict) else ""
    problems = _model_problems(ClaimEntry, entry, line, keys, "claim", name)
    if problems:
        return problems
    try:
        fields = {f for _text, f, _spec, _conv in string.Formatter().parse(entry["text"]) if f is not None}
    except ValueError as exc:
        fields = {f"? ({exc})"}
    if not fields <= {"mover", "place"}:
        return [
            KnowledgeProblem(
                keys.get("text", line),
                f"claim {name!r}: text",
                f"names {', '.join(sorted(fields - {'mover', 'place'}))}",
                "only {mover} (whose forces) and {place} (where)",
            )
        ]
    return []


def place_problems(entry: Any, line: int, keys: dict[str, int]) -> list[KnowledgeProblem]:
    """The faults of one ``places:`` entry (its country must be one of the country table's)."""
    name = str(entry.get("name") or "") if isinstance(entry, dict) else ""
    problems = _model_problems(PlaceEntry, entry, line, keys, "place", name)
    country = entry.get("country") if isinstance(entry, dict) else None
    if not problems and country is not None and country not in country_table().by_iso3:
        problems.append(
            KnowledgeProblem(
                keys.get("country", line),
                f"place {name!r}: country",
                f"unknown country {country!r}",
                "an ISO3 code of knowledge/data/countries.tsv, or leave it out",
            )
        )
    return problems


def place_row(entry: dict[str, Any]) -> tuple[str, ...]:
    """A ``places:`` entry as a ``gazetteer_extra.tsv`` row."""
    return (
        str(entry["name"]),
        "|".join(str(a) for a in entry.get("aliases") or ()),
        str(entry["feature"]),
        str(entry.get("country") or ""),
        str(entry["lat"]),
        str(entry["lon"]),
        str(entry.get("admin1") or ""),
        str(entry.get("prior", 1_000_000)),
    )
