"""Page furniture that only shows against the rest of the page (one line alone looks like article text).

- **Repeats**: the lead or standfirst printed again further down (in a summary tab) is kept once.
- **Pull quotes and quoted headings**: a paragraph that is nothing but a quotation whose words the
  article prints elsewhere ("“It is not enough for one day,”" above the paragraph that quotes it with
  its speaker; a heading "‘An endless arsenal’" taken from a quote) repeats the article.
- **Summary lists**: a heading such as "Summary" or "Key points" (``list_headings`` in
  ``data/boilerplate.yaml``) with the list items under it: an auto-generated or editorial digest of
  the article, not its text.
- **Echoed datelines**: a short paragraph that the next one starts with ("JAKARTA" over "JAKARTA
  (Reuters) - ...").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Final

from ..yamlfile import load_yaml

__all__ = ["furniture_indices", "list_headings", "words_of"]

#: A repeat of one of the first paragraphs (a lead or standfirst printed again in a summary tab) with
#: at least this many words is furniture; other repeats may be content (a recipe's recurring line).
MIN_REPEAT_WORDS: Final = 8
LEAD_PARAGRAPHS: Final = 3
#: A quotation paragraph is a pull quote when this share of its words lie in 4-grams printed elsewhere
#: (a pull quote may join pieces of a quotation that the article splits with "he said").
PULL_QUOTE_COVERAGE: Final = 0.9
_NGRAM: Final = 4
_OPEN: Final = "“‘«\"'"
_CLOSE: Final = "”’»\"'"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


@cache
def list_headings() -> re.Pattern[str]:
    """Headings of furniture lists (``list_headings`` in data/boilerplate.yaml), as one expression."""
    text = resources.files("eventwire.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    names = [str(n) for n in load_yaml(text)["list_headings"]]
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"^\s*(?:{alternatives})\s*:?\s*$", re.IGNORECASE)


def words_of(text: str) -> list[str]:
    """The words of a text, lower case, apostrophes made plain."""
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _is_quotation(paragraph: str) -> bool:
    """A paragraph that is one quotation and nothing else (no speaker, no "he said")."""
    text = paragraph.strip()
    if len(text) < 3 or text[0] not in _OPEN:
        return False
    end = text.rstrip(".,;:!?…")
    body = text[1:-1] if end == text else text[1:]
    return end[-1:] in _CLOSE and not any(ch in body for ch in "“”«»")


def _pull_quote(i: int, paragraphs: list[str], words: list[list[str]]) -> bool:
    """A quotation paragraph whose words the rest of the article prints (a pull quote, a quoted heading)."""
    if not _is_quotation(paragraphs[i]) or not words[i]:
        return False
    others = [w for j, w in enumerate(words) if j != i and w != words[i]]
    if len(words[i]) < _NGRAM:
        rest = " " + " ".join(" ".join(w) for w in others) + " "
        return f" {' '.join(words[i])} " in rest
    seen: set[tuple[str, ...]] = set()
    for w in others:
        seen |= _ngrams(w, _NGRAM)
    mine = words[i]
    covered = [False] * len(mine)
    for k in range(len(mine) - _NGRAM + 1):
        if tuple(mine[k : k + _NGRAM]) in seen:
            covered[k : k + _NGRAM] = [True] * _NGRAM
    return sum(covered) >= PULL_QUOTE_COVERAGE * len(mine)


def _summary_lists(paragraphs: list[str]) -> set[int]:
    out: set[int] = set()
    heading = list_headings()
    for i, p in enumerate(paragraphs):
        if not heading.match(p):
            continue
        j = i + 1
        while j < len(paragraphs) and _LIST_ITEM.match(paragraphs[j]):
            j += 1
        if j > i + 1:
            out.update(range(i, j))
    return out


def _echoed_dateline(i: int, paragraphs: list[str]) -> bool:
    p = paragraphs[i].strip()
    return (
        i + 1 < len(paragraphs)
        and 0 < len(p.split()) <= 4
        and p.isupper()
        and paragraphs[i + 1].startswith(p)
        and len(paragraphs[i + 1]) > len(p) + 20
    )


def furniture_indices(paragraphs: list[str]) -> set[int]:
    """The paragraphs that are furniture by the rules of the module docstring."""
    words = [words_of(p) for p in paragraphs]
    out = _summary_lists(paragraphs)
    lead = {tuple(w) for w in words[:LEAD_PARAGRAPHS] if len(w) >= MIN_REPEAT_WORDS}
    for i, w in enumerate(words):
        repeat = i >= LEAD_PARAGRAPHS and tuple(w) in lead and not _LIST_ITEM.match(paragraphs[i])
        if repeat or _pull_quote(i, paragraphs, words) or _echoed_dateline(i, paragraphs):
            out.add(i)
    return out
