"""Exact duplicates: the same normalised text (casefolded, whitespace collapsed) is coded once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from ..model import Article

__all__ = ["Deduplicator", "text_key"]


def text_key(text: str) -> str:
    """A digest of the text, casefolded and with every run of whitespace collapsed to one space."""
    normal = " ".join(text.casefold().split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest()


@dataclass
class Deduplicator:
    """Remembers the first id of every text seen (one digest per article, not the text)."""

    first_ids: dict[str, str] = field(default_factory=dict)

    def mark(self, article: Article) -> Article:
        """The article, with ``duplicate_of`` set when an earlier article had the same text."""
        if article.error is not None or not article.text.strip():
            return article
        key = text_key(article.text)
        first = self.first_ids.get(key)
        if first is None:
            self.first_ids[key] = article.id
            return article
        return replace(article, duplicate_of=first)
