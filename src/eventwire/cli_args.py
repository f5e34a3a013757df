"""Argument types shared by the CLI's command groups."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .knowledge import Knowledge

__all__ = ["add_dict_arg", "iso_date", "knowledge_of"]


def iso_date(value: str) -> dt.date:
    """An argparse type: YYYY-MM-DD, with a message that says so."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from exc


def add_dict_arg(p: argparse.ArgumentParser) -> None:
    """``--dict PATH`` (repeatable): knowledge files that add or override event patterns."""
    p.add_argument(
        "--dict",
        action="append",
        default=[],
        metavar="PATH",
        help="a knowledge file (YAML, like events/data/patterns.yaml) adding or overriding event patterns by "
        "id; repeatable, later files win; checked when loaded (see `eventwire knowledge check`)",
    )


def knowledge_of(args: argparse.Namespace) -> Knowledge:
    """The knowledge of the ``--dict`` files (the package's alone when none is given)."""
    from .knowledge import Knowledge

    return Knowledge.load(getattr(args, "dict", None) or [])
