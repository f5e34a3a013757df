"""Exact duplicates: the same normalised text (casefolded, whitespace collapsed) is coded once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Article, text_digest

__all__ = ["Deduplicator", "UniqueIds", "text_key"]


def text_key(text: str) -> str:
    """A digest of the text, casefolded and with every run of whitespace collapsed to one space (``text_digest``,
    the store's key too)."""
    return text_digest(text)


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


@dataclass
class UniqueIds:
    """Makes every article id of a run unique: a repeated id gets ``#2``, ``#3``... (the first keeps its own)."""

    counts: dict[str, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def rename(self, article_id: str) -> str:
        """``article_id`` if it is new in this run, else the first free ``article_id#n``."""
        if article_id not in self.taken:
            self.taken.add(article_id)
            return article_id
        n = self.counts.get(article_id, 1)
        while True:
            n += 1
            candidate = f"{article_id}#{n}"
            if candidate not in self.taken:
                self.counts[article_id] = n
                self.taken.add(candidate)
                return candidate
