"""Plain text -> Article: scraped text cleaned of boilerplate, the headline taken out as the title."""

from __future__ import annotations

from ..model import Article
from .clean import clean_text
from .errors import IngestFailure

__all__ = ["text_article"]


def text_article(text: str, *, id: str, title: str | None = None) -> Article:
    """One article from the text of a file (or a JSONL ``text``); ``title`` when the input gives one."""
    if not text.strip():
        raise IngestFailure("empty text", "nothing to code: give a file with the article's text")
    cleaned = clean_text(text, title=title)
    if not cleaned.text:
        raise IngestFailure(
            "no text left after removing boilerplate lines", "the input holds only notices, captions or links"
        )
    return Article(id=id, text=cleaned.text, title=cleaned.title, removed=cleaned.removed)
