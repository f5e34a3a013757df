"""The event lexicon: trigger patterns loaded from ``data/patterns.yaml``, indexed by (lemma, pos).

A ``Lexicon`` holds one set of patterns (the package's, or the package's plus a user's files: see
``eventwire.knowledge``). ``patterns_for`` and ``trigger_lemmas`` read the lexicon made active by
``using_lexicon`` (the pipeline does so around its stages), else the package's own: so two pipelines
with different lexicons can run in one process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from ...active import Active
from .cameo import is_code

__all__ = [
    "KINDS",
    "NO_EVENT",
    "Lexicon",
    "Pattern",
    "Pos",
    "active_lexicon",
    "adjunct_words",
    "boilerplate_markers",
    "default_lexicon",
    "expand_entry",
    "instrument_words",
    "lexicon_entries",
    "load_patterns",
    "non_agents",
    "patterns_for",
    "protester_words",
    "quantity_words",
    "toll_words",
    "trigger_lemmas",
    "using_lexicon",
    "weapon_words",
]

#: The code of a negative pattern: this use of the trigger is no event.
NO_EVENT = "-"
Pos = Literal["v", "n"]


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    lemma: str
    pos: Pos
    code: str
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    comp: frozenset[str] = frozenset()
    veto: frozenset[str] = frozenset()
    target: str | None = None
    #: added to the specificity (a weak pattern: -1)
    rank: int = 0
    #: "target": emit only when the event has a target
    need: str | None = None
    #: a symmetric act ("met", "clashed"): coordinated actors act on each other, both directions
    symmetric: bool = False
    #: a generic governor ("pledged to") that yields to a conflict event in its complement
    yields: bool = False
    #: True: the trigger must have a direct object; False: it must have none; None: either
    trans: bool | None = None
    finite: bool = False
    #: dependency labels of which the trigger must have a child ("oprd": "called X a Y")
    deps: frozenset[str] = frozenset()
    #: dependency labels of which the trigger must have no child
    nodeps: frozenset[str] = frozenset()
    #: the kind (``senses.KINDS``) its subject must be, when it has one ("agent": no "the request came")
    subj: str | None = None
    #: the kind the object of its preposition must be ("place": "returned to Kabul", not "to power")
    pobj: str | None = None

    @property
    def specificity(self) -> int:
        """How many constraints the pattern has (the most specific matching pattern wins)."""
        return self.rank + sum(bool(c) for c in (self.prt, self.prep, self.obj, self.comp, self.deps))


def _words(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    if any(isinstance(v, bool) for v in items):  # YAML reads a bare on/off/yes/no as a boolean
        raise ValueError(f"quote on/off/yes/no in patterns.yaml: {items!r}")
    return frozenset(str(v).lower() for v in items)


#: the kinds of phrase head a pattern may ask for (``senses.yaml`` defines them)
KINDS = frozenset({"person", "agent", "place"})


def _kind(entry: dict[str, Any], field: str) -> str | None:
    value = entry.get(field)
    if value is not None and value not in KINDS:
        raise ValueError(f"pattern {entry.get('id')!r}: unknown {field} kind {value!r}")
    return None if value is None else str(value)


def _expand(entry: dict[str, Any]) -> list[Pattern]:
    code = str(entry["code"])
    if code != NO_EVENT and not is_code(code):
        raise ValueError(f"pattern {entry.get('id')!r}: unknown CAMEO code {code!r}")
    kinds = {w[1:] for w in _words(entry.get("obj")) if w.startswith("@")}
    if not kinds <= KINDS:
        raise ValueError(f"pattern {entry.get('id')!r}: unknown object kind in {sorted(kinds)!r}")
    pos: Pos = "n" if entry.get("pos") == "n" else "v"
    return [
        Pattern(
            id=str(entry["id"]),
            lemma=lemma,
            pos=pos,
            code=code,
            prt=_words(entry.get("prt")),
            prep=_words(entry.get("prep")),
            obj=_words(entry.get("obj")),
            comp=_words(entry.get("comp")),
            veto=_words(entry.get("not")),
            target=entry.get("target"),
            rank=int(entry.get("rank", 0)),
            need=entry.get("need"),
            symmetric=bool(entry.get("symmetric")),
            yields=bool(entry.get("yields")),
            trans=entry.get("trans"),
            finite=bool(entry.get("finite")),
            deps=_words(entry.get("deps")),
            nodeps=_words(entry.get("nodeps")),
            subj=_kind(entry, "subj"),
            pobj=_kind(entry, "pobj"),
        )
        for lemma in sorted(_words(entry["lemma"]))
    ]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("eventwire.events").joinpath("data/patterns.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: ~6x faster
    return data


@cache
def boilerplate_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(starts, contains): lower-cased markers of page furniture sentences."""
    data = _data()
    return tuple(data.get("boilerplate_starts", ())), tuple(data.get("boilerplate_contains", ()))


@cache
def protester_words() -> frozenset[str]:
    """Head nouns of protesters: their attacks are violent protest, attacks on them repression."""
    return frozenset(str(w) for w in _data().get("protesters", ()))


@cache
def instrument_words() -> frozenset[str]:
    """Nouns naming what a cooperative or restrictive act moves or imposes ("troops", "curfew")."""
    return frozenset(str(w) for w in _data().get("instruments", ()))


@cache
def adjunct_words() -> frozenset[tuple[str, str]]:
    """(preposition, head noun) of adverbial phrases that are never a target nor hold one ("in a bid
    to", "on behalf of")."""
    pairs = (str(w).lower().split() for w in _data().get("adjuncts", ()))
    return frozenset((p[0], p[1]) for p in pairs if len(p) == 2)


@cache
def quantity_words() -> frozenset[str]:
    """Heads that only measure or hold what their "of" phrase names ("dozens of artifacts")."""
    return frozenset(str(w) for w in _data().get("quantities", ()))


@cache
def weapon_words() -> frozenset[str]:
    """Nouns of weapons of war: protesters who fire them fight, they do not riot."""
    return frozenset(str(w) for w in _data().get("weapons", ()))


@cache
def toll_words() -> frozenset[str]:
    """Lemmas of harm told as the toll of a coordinated act of violence ("killed 12 and wounded 30")."""
    return frozenset(str(w) for w in _data().get("tolls", ()))


@cache
def non_agents() -> frozenset[str]:
    """Subject head nouns that name no agent ("these sanctions demonstrate ...")."""
    return frozenset(str(w) for w in _data().get("non_agents", ()))


@cache
def lexicon_entries() -> list[dict[str, Any]]:
    """The raw entries of ``data/patterns.yaml``, in file order (one per line, before lemma expansion)."""
    return list(_data()["patterns"])


def expand_entry(entry: dict[str, Any]) -> list[Pattern]:
    """The patterns of one lexicon entry, one per trigger lemma (ValueError: a bad code or kind)."""
    return _expand(entry)


def load_patterns() -> tuple[Pattern, ...]:
    """Every pattern of the package's lexicon, one per trigger lemma, in file order."""
    return default_lexicon().patterns


@dataclass(frozen=True)
class Lexicon:
    """A set of trigger patterns, indexed by (lemma, pos): most specific first, list order breaking ties."""

    patterns: tuple[Pattern, ...]
    _index: Mapping[tuple[str, Pos], tuple[Pattern, ...]] = field(init=False, repr=False, compare=False)
    _lemmas: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, Pos], list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            index[(pattern.lemma, pattern.pos)].append(pattern)
        ordered = {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()}
        object.__setattr__(self, "_index", ordered)
        object.__setattr__(self, "_lemmas", frozenset(lemma for lemma, _pos in ordered))

    @classmethod
    def from_entries(cls, entries: Iterable[dict[str, Any]]) -> Lexicon:
        """The lexicon of raw entries (the rows of ``patterns.yaml``), in their order."""
        return cls(tuple(p for entry in entries for p in _expand(entry)))

    def patterns_for(self, lemma: str, pos: Pos) -> tuple[Pattern, ...]:
        return self._index.get((lemma.lower(), pos), ())

    @property
    def trigger_lemmas(self) -> frozenset[str]:
        return self._lemmas


@cache
def default_lexicon() -> Lexicon:
    """The package's own lexicon (``data/patterns.yaml``)."""
    return Lexicon.from_entries(_data()["patterns"])


_ACTIVE: Active[Lexicon] = Active("lexicon")


def active_lexicon() -> Lexicon:
    """The lexicon of the pipeline now running (``using_lexicon``), else the package's own."""
    return _ACTIVE.get() or default_lexicon()


def using_lexicon(lexicon: Lexicon) -> AbstractContextManager[Lexicon]:
    """Make ``lexicon`` the one ``patterns_for`` reads, inside the block (in this thread or task only)."""
    return _ACTIVE.using(lexicon)


def trigger_lemmas() -> frozenset[str]:
    """Every lemma with a pattern (of either part of speech): a cheap test before ``patterns_for``."""
    return active_lexicon().trigger_lemmas


def patterns_for(lemma: str, pos: Pos) -> tuple[Pattern, ...]:
    """The patterns of a trigger lemma, most specific first (empty when the lemma is no trigger)."""
    return active_lexicon().patterns_for(lemma, pos)
