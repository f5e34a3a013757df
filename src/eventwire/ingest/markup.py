"""Page furniture recognised by its markup (``data/markup.yaml``), pruned before text extraction."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from ..yamlfile import load_yaml

__all__ = ["MarkupRule", "load_markup_rules", "prune_xpaths"]


@dataclass(frozen=True, slots=True)
class MarkupRule:
    """One kind of furniture: the XPath of its elements, with examples for the tests."""

    id: str
    what: str
    xpath: str
    remove: tuple[str, ...]
    keep: tuple[str, ...]


def _rule(raw: dict[str, Any]) -> MarkupRule:
    xpath = " ".join(str(raw["xpath"]).split())
    etree.XPath(xpath)  # a broken expression fails at load, not on some page
    return MarkupRule(
        id=str(raw["id"]),
        what=str(raw.get("what", "")),
        xpath=xpath,
        remove=tuple(str(s) for s in raw.get("remove", ())),
        keep=tuple(str(s) for s in raw.get("keep", ())),
    )


@cache
def load_markup_rules() -> tuple[MarkupRule, ...]:
    """The rules of ``data/markup.yaml`` (loaded once per process)."""
    text = resources.files("eventwire.ingest").joinpath("data/markup.yaml").read_text("utf-8")
    return tuple(_rule(raw) for raw in load_yaml(text)["rules"])


@cache
def prune_xpaths() -> tuple[str, ...]:
    """The XPath expressions trafilatura prunes before extracting a page's text."""
    return tuple(rule.xpath for rule in load_markup_rules())
