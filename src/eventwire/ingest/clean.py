"""Cleaning of scraped plain text: boilerplate lines out, the headline found, paragraphs normalised.

Scraped news text keeps one paragraph per line, with browser notices, captions, photo credits,
share buttons and the like mixed in. The rules that recognise such lines are data
(``data/boilerplate.yaml``); this module applies them, then the rules that need the whole page
(``furniture``: repeats, pull quotes, summary lists), finds the headline (the first short line
without final punctuation) and returns the text with paragraphs separated by exactly one blank line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .furniture import furniture_indices, words_of

__all__ = [
    "BoilerplateRule",
    "Cleaned",
    "boilerplate_rule",
    "clean_text",
    "is_headline",
    "load_rules",
    "normalise_whitespace",
    "split_paragraphs",
]

#: Characters that are dropped (zero-width marks, BOMs) or turned into a plain space.
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_FINAL_PUNCT = re.compile(r"[.!?:;,…]['\"’”»)\]]*$")
#: A block is hard-wrapped text when its lines (but the last) mostly have this many characters.
_WRAP_MIN, _WRAP_MAX, _WRAP_SLACK = 40, 100, 25
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”»)\]]*$")
#: A headline-shaped line with this share of the known title's words is the title as printed.
TITLE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One kind of boilerplate line (see data/boilerplate.yaml)."""

    id: str
    what: str
    pattern: re.Pattern[str]
    max_chars: int
    remove: tuple[str, ...]
    keep: tuple[str, ...]

    def matches(self, line: str) -> bool:
        return len(line) <= self.max_chars and self.pattern.search(line) is not None


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None
    removed: tuple[str, ...]


def _compile(raw: dict[str, Any], variables: dict[str, str]) -> BoilerplateRule:
    pattern = str(raw["pattern"])
    for name, regex in variables.items():
        pattern = pattern.replace("{" + name + "}", regex)
    flags = re.IGNORECASE if raw.get("ignore_case", True) else 0
    return BoilerplateRule(
        id=str(raw["id"]),
        what=str(raw.get("what", "")),
        pattern=re.compile(pattern, flags),
        max_chars=int(raw.get("max_chars", 300)),
        remove=tuple(str(s) for s in raw.get("remove", ())),
        keep=tuple(str(s) for s in raw.get("keep", ())),
    )


@cache
def load_rules() -> tuple[BoilerplateRule, ...]:
    """The boilerplate rules of ``data/boilerplate.yaml`` (loaded once per process)."""
    text = resources.files("eventwire.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: ~6x faster
    variables = {name: "(?:" + "|".join(str(v) for v in values) + ")" for name, values in data.get("vars", {}).items()}
    return tuple(_compile(raw, variables) for raw in data["rules"])


def boilerplate_rule(line: str) -> BoilerplateRule | None:
    """The first rule that says ``line`` is boilerplate, if any."""
    return next((rule for rule in load_rules() if rule.matches(line)), None)


def normalise_whitespace(line: str) -> str:
    """One line: invisible characters dropped, runs of spaces collapsed, ends stripped."""
    line = unicodedata.normalize("NFC", line).translate(_DROP)
    return _SPACES.sub(" ", line).strip()


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: about as long as the longest, most cut mid-sentence, most going on in lowercase."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    width = max(len(s) for s in lines)
    if width > _WRAP_MAX or any(len(s) < max(_WRAP_MIN, width - _WRAP_SLACK) for s in body):
        return False
    open_ended = sum(1 for s in body if not _SENTENCE_END.search(s))
    continued = sum(1 for s in lines[1:] if s[:1].islower())
    return open_ended >= 0.5 * len(body) and continued >= 0.5 * len(body)


def split_paragraphs(text: str, *, unwrap: bool = True) -> list[str]:
    """The paragraphs of ``text``: every line is one, except in hard-wrapped blocks (joined up)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [s for s in (normalise_whitespace(x) for x in block.split("\n")) if s]
        if not lines:
            continue
        if unwrap and _is_hard_wrapped(lines):
            paragraphs.append(re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(lines)))
        else:
            paragraphs.extend(lines)
    return paragraphs


def is_headline(line: str) -> bool:
    """A short line that starts like a title and has no final punctuation."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 160:
        return False
    if _FINAL_PUNCT.search(line):
        return False
    first = line.lstrip("\"'“‘«")[:1]
    return first.isupper() or first.isdigit()


def _same(a: str, b: str) -> bool:
    return words_of(a) == words_of(b)


def _is_title_line(line: str, title: str) -> bool:
    """The title as printed: the same words, or a headline-shaped line with most of the title's words
    (pages print a longer headline than their metadata title, or the reverse)."""
    if _same(line, title):
        return True
    want, have = words_of(title), set(words_of(line))
    return is_headline(line) and bool(want) and sum(w in have for w in want) >= TITLE_SHARE * len(want)


def _drop_title(kept: list[str], removed: list[str], title: str) -> None:
    """Drop the known title from the top of the text, with the section labels printed above it."""
    for k in range(min(3, len(kept))):
        if _is_title_line(kept[k], title):
            removed.extend(kept[:k])
            del kept[: k + 1]
            return
        if not _is_kicker(kept[k]):
            return


def clean_text(text: str, *, find_title: bool = True, unwrap: bool = True, title: str | None = None) -> Cleaned:
    """Remove boilerplate lines and the headline, and join paragraphs with one blank line.

    With a known ``title``, a first paragraph that repeats it is dropped; without one and with
    ``find_title``, a first paragraph that looks like a headline becomes the title.
    """
    kept: list[str] = []
    removed: list[str] = []
    for paragraph in split_paragraphs(text, unwrap=unwrap):
        (removed if boilerplate_rule(paragraph) is not None else kept).append(paragraph)
    furniture = furniture_indices(kept)
    removed.extend(p for i, p in enumerate(kept) if i in furniture)
    kept = [p for i, p in enumerate(kept) if i not in furniture]
    if title is not None:
        _drop_title(kept, removed, title)
    elif find_title:
        title = _take_headline(kept, removed)
    return Cleaned(text="\n\n".join(kept), title=title, removed=tuple(removed))


def _is_kicker(line: str) -> bool:
    """A section label above a headline ("World", "Middle East crisis")."""
    return len(line.split()) <= 3 and len(line) <= 40 and not _FINAL_PUNCT.search(line)


def _take_headline(kept: list[str], removed: list[str]) -> str | None:
    """Pop the headline off the top of ``kept`` (a section label above it goes to ``removed``)."""
    if len(kept) >= 3 and _is_kicker(kept[0]) and is_headline(kept[1]) and len(kept[1].split()) > len(kept[0].split()):
        removed.append(kept.pop(0))
    if len(kept) >= 2 and is_headline(kept[0]):
        return kept.pop(0)
    return None
