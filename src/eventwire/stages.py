"""The stage contract: what each stage needs done before it, what it adds, and the stages by name.

A stage is any picklable object with a ``name`` and ``__call__(doc, analysis) -> analysis``. It may declare

    requires = ("actors", "quotes")   # what earlier stages (or the parse, "doc") must have added
    assigns = ("events",)             # what it adds to the analysis

and :func:`check_order` (run by ``Pipeline`` as it is built) refuses an order in which a stage requires
something no earlier stage assigns. A stage that declares nothing requires nothing and assigns nothing.

A stage that reads knowledge (cue words, claims, gazetteer places) has ``with_knowledge(knowledge)``,
returning the stage reading that ``eventwire.knowledge.Knowledge``; ``Pipeline`` gives each such stage its
own knowledge as it is built (:func:`with_knowledge`).

Stages are named in ``eventwire.toml`` (``[pipeline] stages = [...]``): a built-in stage by its name
(``actors``, ``quotes``, ``events``, ``dates``, ``mentions``, ``places``, ``claims``, ``assess``), a third-party
one by the name it registers under the ``eventwire.stages`` entry point group (its value: a class or factory
called with no argument), or by ``"module:attribute"``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from typing import Any, Protocol

from spacy.tokens import Doc

from .errors import ConfigError
from .model import Analysis

__all__ = [
    "ENTRY_POINT_GROUP",
    "PARSED",
    "Stage",
    "builtin_stages",
    "check_order",
    "stage_named",
    "stages_named",
    "with_knowledge",
]

#: the entry point group third-party stages register under
ENTRY_POINT_GROUP = "eventwire.stages"
#: what the parse gives every stage
PARSED = ("doc",)


class Stage(Protocol):
    @property
    def name(self) -> str: ...

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis: ...


def builtin_stages() -> dict[str, Callable[[], Stage]]:
    """The built-in stages by name, in the order they run by default."""
    from .actors import ActorCoder
    from .assess import DocumentAssessor
    from .claims import ClaimFinder
    from .dates import DateResolver
    from .events import EventCoder
    from .events.mentions.mentions import MentionMerger
    from .places import PlaceResolver
    from .quotes import QuoteFinder

    return {
        "actors": ActorCoder,
        "quotes": QuoteFinder,
        "events": EventCoder,
        "dates": DateResolver,
        "mentions": MentionMerger,
        "places": PlaceResolver,
        "claims": ClaimFinder,
        "assess": DocumentAssessor,
    }


def with_knowledge(stage: Stage, knowledge: Any) -> Stage:
    """The stage reading ``knowledge`` (a ``Knowledge``), if it reads any; else the stage itself."""
    bind = getattr(stage, "with_knowledge", None)
    if bind is None:
        return stage
    bound: Stage = bind(knowledge)
    return bound


def _declared(stage: object, what: str) -> tuple[str, ...]:
    value = getattr(stage, what, ())
    return (value,) if isinstance(value, str) else tuple(value)


def check_order(stages: Sequence[object]) -> None:
    """Raise ConfigError when a stage requires what no stage before it assigns (or two stages share a name)."""
    done = set(PARSED)
    names: set[str] = set()
    for stage in stages:
        name = str(getattr(stage, "name", type(stage).__name__))
        if name in names:
            raise ConfigError(f"pipeline: two stages are named {name!r}; give each stage a name of its own")
        names.add(name)
        missing = [r for r in _declared(stage, "requires") if r not in done]
        if missing:
            raise ConfigError(
                f"pipeline: stage {name!r} requires {', '.join(missing)}, which no stage before it assigns; "
                f"put a stage that assigns {missing[0]!r} before it (the order: {', '.join(_names(stages))})"
            )
        done.update(_declared(stage, "assigns"))


def _names(stages: Sequence[object]) -> list[str]:
    return [str(getattr(s, "name", type(s).__name__)) for s in stages]


def stage_named(name: str) -> Stage:
    """A new stage: built-in by name, else registered under ``eventwire.stages``, else ``module:attribute``."""
    factory: Any = builtin_stages().get(name)
    if factory is None:
        found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        if found:
            factory = found[0].load()
    if factory is None and ":" in name:
        module, _, attribute = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"pipeline: stage {name!r} cannot be imported: {exc}") from exc
    if factory is None:
        known = sorted({*builtin_stages(), *(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))})
        raise ConfigError(
            f"pipeline: no stage named {name!r}; the stages are {', '.join(known)} (or give 'module:attribute', "
            f"or install a package that registers it under the {ENTRY_POINT_GROUP!r} entry points)"
        )
    stage: Stage = factory()
    return stage


def stages_named(names: Sequence[str]) -> list[Stage]:
    """The stages of ``names``, in that order, checked (:func:`check_order`)."""
    stages = [stage_named(n) for n in names]
    check_order(stages)
    return stages
