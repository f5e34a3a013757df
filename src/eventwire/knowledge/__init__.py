"""Knowledge passed in: the package's event patterns plus a user's files, as one object per pipeline
(``combined.Knowledge``), and the facts every stage shares (``countries``: the country table).

>>> from eventwire.knowledge import Knowledge
>>> from eventwire.pipeline import Pipeline
>>> mine = Pipeline(knowledge=Knowledge.load(["my-patterns.yaml"]))  # doctest: +SKIP

The names below are imported on first use: a command that only reads a store (``query``, ``summary``,
``export``) reads the country table (``eventwire.knowledge.countries``) without loading the stages'
lexicons and spaCy, which ``Knowledge`` needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .combined import Change, Knowledge
    from .files import KnowledgeFile, read_knowledge_file

__all__ = ["Change", "Knowledge", "KnowledgeFile", "read_knowledge_file"]

_HOMES = {"Change": ".combined", "Knowledge": ".combined", "KnowledgeFile": ".files", "read_knowledge_file": ".files"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
