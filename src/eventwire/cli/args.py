"""Argument types shared by the CLI's command groups."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..knowledge import Knowledge
    from ..pipeline import Pipeline

__all__ = ["add_dict_arg", "iso_date", "knowledge_of", "pipeline_of"]


def iso_date(value: str) -> dt.date:
    """An argparse type: YYYY-MM-DD, with a message that says so."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from exc


def add_dict_arg(p: argparse.ArgumentParser) -> None:
    """``--dict PATH`` (repeatable): knowledge files that add or override event patterns; ``--config PATH``:
    the settings file (``config.py``; default ``./eventwire.toml`` when present)."""
    p.add_argument(
        "--dict",
        action="append",
        default=[],
        metavar="PATH",
        help="a knowledge file (YAML: patterns like events/data/patterns.yaml, people like "
        "actors/data/people.yaml, titles and organizations: docs/extending.md) adding or overriding entries by "
        "id, name or term; repeatable, later files win; checked when loaded (see `eventwire knowledge check`)",
    )
    p.add_argument(
        "--config",
        metavar="PATH",
        help="settings file ([knowledge] paths, [pipeline] model and stages; default: ./eventwire.toml when present)",
    )


def knowledge_of(args: argparse.Namespace) -> Knowledge | None:
    """The knowledge of the settings file's and the ``--dict`` files, loaded and checked (None: there are
    none, and the package's own knowledge is used)."""
    from ..config import load_settings

    paths = [*load_settings(getattr(args, "config", None)).knowledge, *(getattr(args, "dict", None) or [])]
    if not paths:
        return None
    from ..knowledge import Knowledge

    return Knowledge.load(paths)


def pipeline_of(args: argparse.Namespace, knowledge: Knowledge | None = None, **options: Any) -> Pipeline:
    """The pipeline the settings and ``--dict`` ask for (``knowledge``: already loaded by the caller)."""
    from ..config import load_settings
    from ..knowledge import Knowledge
    from ..nlp import NlpRunner
    from ..pipeline import Pipeline

    knowledge = knowledge or knowledge_of(args) or Knowledge.default()
    settings = load_settings(getattr(args, "config", None))
    if settings.stages:
        from ..stages import stages_named

        options.setdefault("stages", stages_named(settings.stages))
    nlp = NlpRunner(settings.model) if settings.model else NlpRunner()
    return Pipeline(knowledge=knowledge, nlp=nlp, **options)
