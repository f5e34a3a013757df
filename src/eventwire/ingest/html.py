"""HTML -> Article: the main text and metadata of a web page (trafilatura), or the text of a fragment.

The trafilatura options were chosen on the scrapinghub article-extraction benchmark
(``python -m eventwire.eval.extraction``): precision-leaning extraction without comments keeps token
F1 above 0.95 there. Furniture recognised by its markup (``markup.py``) is pruned first. Paragraphs
come out separated by one blank line.
"""

from __future__ import annotations

import re
from typing import Any, Final

import lxml.html
from lxml import etree

from ..model import Article
from .clean import clean_text
from .errors import IngestFailure
from .markup import prune_xpaths
from .meta import optional_str, parse_date
from .pagedate import page_published

__all__ = [
    "MIN_WORDS",
    "TRAFILATURA_OPTIONS",
    "fragment_to_text",
    "html_article",
    "join_drop_caps",
    "looks_like_html",
    "strip_tags",
]

#: Options of ``trafilatura.bare_extraction`` (see the module docstring).
TRAFILATURA_OPTIONS: Final[dict[str, Any]] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "with_metadata": True,
    "deduplicate": False,
}
#: Elements that start and end a paragraph of text.
#: Below this many words the precise extraction is retried in balanced mode.
MIN_WORDS: Final = 80
_BLOCK_WORDS = (
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer "
    "figure figcaption dd dt dl hr address aside main nav"
)
_BLOCK_TAGS: Final = frozenset(_BLOCK_WORDS.split())
_SKIP_TAGS: Final = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "head"})
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html|head|body|div|p|article)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML page or fragment."""
    return bool(_HTML_START.match(text[:2048]))


def _text_of(node: etree._Element, out: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag.lower() in _SKIP_TAGS:
        if node.tail:
            out.append(node.tail)
        return
    block = tag.lower() in _BLOCK_TAGS
    if block:
        out.append("\n")
    if node.text and tag:
        out.append(node.text)
    for child in node:
        _text_of(child, out)
    if block:
        out.append("\n")
    if node.tail:
        out.append(node.tail)


def _raw_text(html: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _text_of(root, parts)
    return "".join(parts)


def strip_tags(html: str) -> str:
    """A one-line text (a title) with tags removed and entities resolved."""
    text = _raw_text(html) if "<" in html or "&" in html else html
    return " ".join(text.split())


def fragment_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's content): one paragraph per block element."""
    if not html.strip():
        return ""
    return clean_text(_raw_text(html), find_title=False, unwrap=False).text


#: A drop cap: one capital letter in an element of its own, right before the paragraph it begins
#: ("<span class=...>T</span><p><a ...>urkey</a> ...").
_DROP_CAP = re.compile(
    r"<(span|div|strong|b|em|i)\b[^<>]*>\s*([A-Z])\s*</\1>(\s*<p\b[^<>]*>(?:\s*<(?:a|span|strong|b|em|i)\b[^<>]*>)*)(?=[a-z])"
)


def join_drop_caps(html: str) -> str:
    """Put a drop cap printed in its own element back at the start of its paragraph."""
    return _DROP_CAP.sub(r"\3\2", html) if "</" in html else html


def _extract(html: str, url: str | None, **options: Any) -> Any:
    import trafilatura  # imported on first use: 0.3-0.4 s that plain-text and JSONL inputs never need

    prune = list(prune_xpaths())
    try:
        return trafilatura.bare_extraction(html, url=url, prune_xpath=prune, **{**TRAFILATURA_OPTIONS, **options})
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestFailure(
            f"HTML extraction failed: {type(exc).__name__}: {exc}", "check that the file is an HTML page"
        ) from exc


def _text_of_doc(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def html_article(html: str, *, id: str, url: str | None = None) -> Article:
    """The main text of a page (fragments too) with its title, date and URL.

    The date is the one the page's own metadata gives (``pagedate``: the latest publication claim, on
    the publisher's clock), else trafilatura's.

    When the precision-leaning extraction keeps almost nothing, a balanced one is tried and the
    longer text wins (some layouts make the precise mode drop the whole article).
    """
    html = join_drop_caps(html)
    doc = _extract(html, url)
    raw = _text_of_doc(doc)
    if len(raw.split()) < MIN_WORDS:
        retry = _text_of_doc(_extract(html, url, favor_precision=False, with_metadata=False))
        raw = retry if len(retry.split()) > len(raw.split()) else raw
    title = optional_str(getattr(doc, "title", None))
    cleaned = clean_text(raw, find_title=False, unwrap=False, title=title)
    text = cleaned.text or fragment_to_text(html)
    if not text:
        raise IngestFailure("no main text found in the HTML", "is it an article page? give its text instead")
    return Article(
        id=id,
        text=text,
        url=url or optional_str(getattr(doc, "url", None)),
        title=title,
        published=page_published(html, parse_date(getattr(doc, "date", None))),
        source=optional_str(getattr(doc, "sitename", None)),
        removed=cleaned.removed,
    )
