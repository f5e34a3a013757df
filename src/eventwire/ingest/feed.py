"""RSS 2.0 / RSS 1.0 / Atom -> Articles: one per item or entry.

The text is the item's full content (``content:encoded``, Atom ``content``), else its description or
summary, with HTML stripped; title, link and date (pubDate, published, updated, dc:date) come along.
The feed's own title is the articles' source. The id is the item's link, else its guid, else
``<path>:<n>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..model import Article
from .errors import IngestFailure, failed_article
from .html import fragment_to_text, strip_tags
from .meta import parse_date

__all__ = ["feed_articles", "looks_like_feed"]

_ITEM_NAMES = frozenset({"item", "entry"})
_DATE_NAMES = ("pubDate", "published", "date", "updated", "issued", "modified")


def looks_like_feed(head: str) -> bool:
    """Whether the start of an XML document is an RSS or Atom feed."""
    start = head[:4096]
    return "<rss" in start or "<feed" in start or "<rdf:RDF" in start


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in _children(element, name):
        if child.text and child.text.strip():
            return str(child.text).strip()
    return None


def _link(item: etree._Element) -> str | None:
    for link in _children(item, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if link.text and link.text.strip():
            return str(link.text).strip()
    return None


def _atom_content(element: etree._Element) -> str:
    """The HTML of an Atom ``content``/``summary`` (escaped HTML, inline XHTML or plain text)."""
    if element.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode") for child in element)
    text = element.text or ""
    if element.get("type") in (None, "text"):
        return text.replace("&", "&amp;").replace("<", "&lt;")
    return text


def _body_html(item: etree._Element) -> str:
    for name in ("encoded", "content", "description", "summary"):
        for child in _children(item, name):
            html = _atom_content(child) if name in ("content", "summary") else (child.text or "")
            if html.strip():
                return html
    return ""


def _item_article(item: etree._Element, *, fallback_id: str, source: str | None) -> Article:
    link = _link(item)
    article_id = link or _child_text(item, "guid") or _child_text(item, "id") or fallback_id
    title = _child_text(item, "title")
    date = next((d for d in (parse_date(_child_text(item, n)) for n in _DATE_NAMES) if d), None)
    text = fragment_to_text(_body_html(item))
    if not text:
        failure = failed_article(
            article_id,
            "the feed item has no content, description or summary",
            "fetch the linked page and code its HTML instead",
            url=link,
            title=title,
        )
        return failure
    return Article(id=article_id, text=text, url=link, title=title and strip_tags(title), published=date, source=source)


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestFailure(f"bad XML: {exc}", "check that the file is an RSS or Atom feed") from exc
    if root is None:
        raise IngestFailure("no XML document", "check that the file is an RSS or Atom feed")
    return root


def feed_articles(data: bytes, *, path: str) -> Iterator[Article]:
    """One article per item/entry of the feed in ``data``."""
    root = _parse(data)
    channel = next((c for c in root.iter() if _local(c) == "channel"), root)
    source = _child_text(channel, "title")
    items = [el for el in root.iter() if _local(el) in _ITEM_NAMES]
    if not items:
        raise IngestFailure("no <item> or <entry> in the feed", "check that the file is an RSS or Atom feed")
    for number, item in enumerate(items, start=1):
        yield _item_article(item, fallback_id=f"{path}:{number}", source=source)
