"""Toponym recognition: spaCy's GPE/LOC/FAC entities, demonyms, and gazetteer hits spaCy missed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..nlp import TokenTable, doc_ents, doc_text, token_table
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .gazetteer import Entry, Gazetteer, name_key, stopwords

_WORDS = word_lists("eventwire.places")

__all__ = ["Mention", "find_dateline", "find_mentions"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entities whose words are names of something else ("Edmonton Police Service", "John Paris").
BLOCKING_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
#: Words before a name that make an untagged gazetteer hit a place ("fled to Innisfail").
LOCATIVE_PREPS = _WORDS.words("locative_preps")
#: Features strong enough to accept a gazetteer hit that spaCy did not tag.
STRONG_FEATURES = frozenset({"country", "admin1", "continent", "region", "sea", "building", "capital"})
MIN_POP_UNTAGGED = 100_000
DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([^)]{1,40}\))?"
    r"\s*[—–-]{1,2}\s"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym candidate: where it is, and the gazetteer entries its name may denote."""

    start: int
    end: int
    text: str
    key: str
    entries: tuple[Entry, ...]
    #: "entity" (spaCy), "scan" (gazetteer only), "weak" (gazetteer only, kept only when the document's
    #: other places support it), "demonym", "abbrev" ("Ky." after "City, "), "dateline".
    source: str
    #: The generic word dropped from the name ("county" for "Laurel County"), if any.
    generic: str = ""


def _strip(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in {"the"}:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


def _lookup(gaz: Gazetteer, text: str) -> tuple[str, tuple[Entry, ...], str]:
    """Entries for a name, trying it without generic words ("Anbar province" -> "Anbar")."""
    entries = gaz.lookup(text)
    if entries:
        return name_key(text), entries, ""
    low = text.lower()
    vocab = vocabulary()
    for word in vocab.ordered("places.generic_suffixes"):
        suffix = f" {word}"
        if low.endswith(suffix) and len(text) > len(suffix) + 2:
            base = text[: -len(suffix)]
            if entries := gaz.lookup(base):
                return name_key(base), entries, suffix.strip()
    for prefix in vocab.ordered("places.generic_prefixes"):
        if low.startswith(prefix):
            base = text[len(prefix) :]
            if entries := gaz.lookup(base):
                return name_key(base), entries, ""
    return name_key(text), (), ""


def _mention(span: Span, key: str, entries: tuple[Entry, ...], source: str, generic: str = "") -> Mention:
    return Mention(span.start_char, span.end_char, span.text, key, entries, source, generic)


def _entity_mentions(doc: Doc, gaz: Gazetteer, taken: list[bool], person_words: set[str]) -> list[Mention]:
    out: list[Mention] = []
    for ent in doc_ents(doc):
        if ent.label_ == "NORP" or ent.label_ not in PLACE_LABELS:
            continue
        span = _strip(ent)
        if any(taken[i] for i in range(span.start, span.end)):
            continue  # already the dateline
        if not len(span) or not any(t.text[0].isupper() and any(c.isalpha() for c in t.text) for t in span):
            continue
        key, entries, generic = _lookup(gaz, span.text)
        if not entries and len(span) > 1:
            out.extend(_sub_mentions(span, gaz, taken))
            continue
        if entries and key in person_words and not any(e.feature in STRONG_FEATURES for e in entries):
            continue  # "Pompeo" tagged GPE once, but "Mike Pompeo" is a person
        if not entries and key in person_words:
            continue
        out.append(_mention(span, key, entries, "entity", generic))
        for i in range(span.start, span.end):
            taken[i] = True
    return out


def _sub_mentions(span: Span, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
    """Known names inside an unknown multi-word entity ("Baghdad Green Zone compound")."""
    out: list[Mention] = []
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + 4), i, -1):
            sub = span.doc[i:j]
            key = name_key(sub.text)
            # only names big enough to stand out inside a longer unknown name ("Baghdad Green Zone")
            found = gaz.lookup(sub.text)
            entries = found if _big(found, key) else ()
            if sub[0].text[0].isupper() and key not in stopwords() and entries:
                out.append(_mention(sub, name_key(sub.text), entries, "entity"))
                for k in range(i, j):
                    taken[k] = True
                i = j
                break
        else:
            i += 1
    if not out:
        whole = span.doc[span.start : span.end]
        out.append(_mention(whole, name_key(whole.text), (), "entity"))
        for k in range(span.start, span.end):
            taken[k] = True
    return out


def _capitalised(doc: Doc, tt: TokenTable) -> list[bool]:
    """Per token: whether it is capitalised like a name (a short word only when upper-case, abbreviated
    or tagged PROPN)."""
    out: list[bool] = []
    for i, t in enumerate(tt.text):
        if not t[:1].isupper() or not any(c.isalpha() for c in t):
            out.append(False)
        else:
            out.append(len(t) > 3 or t.isupper() or "." in t or doc[i].pos_ == "PROPN")
    return out


def _acceptable(doc: Doc, sub: Span, entries: tuple[Entry, ...], gaz: Gazetteer) -> str | None:
    """Whether an untagged capitalised n-gram is a toponym, and how it was recognised."""
    key = name_key(sub.text)
    if key in gaz.abbreviations:
        before = doc[sub.start - 2 : sub.start] if sub.start >= 2 else None
        return "abbrev" if before is not None and before[1].text == "," and before[0].text[:1].isupper() else None
    first = sub[0]
    if key in stopwords() or (first.is_sent_start and len(sub) == 1 and first.pos_ != "PROPN"):
        return None
    if any(e.feature in STRONG_FEATURES and name_key(e.name) == key for e in entries):
        return "scan"
    main = [e for e in entries if name_key(e.name) == key]
    if not main or not all(t.pos_ == "PROPN" or t.is_upper for t in sub):
        return None
    if max(e.population for e in main) >= MIN_POP_UNTAGGED or (
        first.i > 0 and doc[first.i - 1].lower_ in LOCATIVE_PREPS
    ):
        return "scan"
    after = doc[sub.end : sub.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper():
        return "weak"  # "Ripley, W.Va.": kept only if the state follows or the document's places agree
    return None


def _scan_mentions(
    doc: Doc, gaz: Gazetteer, taken: list[bool], blocked: list[bool], person_words: set[str]
) -> list[Mention]:
    out: list[Mention] = []
    tt = token_table(doc)
    capitalised = _capitalised(doc, tt)
    i = 0
    n = len(doc)
    while i < n:
        if taken[i] or blocked[i] or not capitalised[i]:
            i += 1
            continue
        for j in range(min(n, i + 4), i, -1):
            if any(taken[k] or blocked[k] for k in range(i, j)) or not capitalised[j - 1]:
                continue
            text = tt.span_text(i, j)
            entries = gaz.lookup(text)
            if not entries:
                continue
            sub = doc[i:j]
            source = _acceptable(doc, sub, entries, gaz)
            key = name_key(text)
            if source and key in person_words and source != "abbrev":
                source = None
            if source:
                if source != "abbrev":
                    entries = tuple(e for e in entries if name_key(e.name) == key or e.feature in STRONG_FEATURES)
                out.append(_mention(sub, key, entries, source))
                for k in range(i, j):
                    taken[k] = True
                i = j
                break
        else:
            i += 1
    return out


def _demonym_mentions(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
    out: list[Mention] = []
    tt = token_table(doc)
    n = len(tt.text)
    for i, word in enumerate(tt.text):
        if taken[i] or not word[:1].isupper():
            continue
        # "South Korean", "Sri Lankan": the two-word demonym first
        pair = word + tt.ws[i] + tt.text[i + 1] if i + 1 < n else ""
        two = gaz.demonym(pair) if i + 1 < n else None
        country = two or gaz.demonym(word)
        if country is None:
            continue
        end = i + (2 if two else 1)
        if any(taken[k] for k in range(i, end)):
            continue
        for k in range(i, end):
            taken[k] = True
        text = pair if two else word
        start = tt.idx[i]
        out.append(Mention(start, start + len(text), text, name_key(text), (country,), "demonym"))
    return out


def _hyphen_mentions(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
    """Places opening a hyphenated word: "U.S.-led", "Iranian-backed", "Saudi-led"."""
    out: list[Mention] = []
    tt = token_table(doc)
    for i, word in enumerate(tt.text):
        if taken[i] or "-" not in word:
            continue
        head = word.partition("-")[0]
        if not head[:1].isupper() or len(head) < 2:
            continue
        key = name_key(head)
        demonym = gaz.demonym(head)
        entries = (demonym,) if demonym else tuple(e for e in gaz.lookup(head) if e.feature in STRONG_FEATURES)
        if entries and key not in stopwords():
            start = tt.idx[i]
            out.append(Mention(start, start + len(head), head, key, entries, "demonym" if demonym else "scan"))
            taken[i] = True
    return out


def _big(entries: tuple[Entry, ...], key: str) -> bool:
    return any(
        e.feature in STRONG_FEATURES or (name_key(e.name) == key and e.population >= MIN_POP_UNTAGGED) for e in entries
    )


def _blocked(doc: Doc, gaz: Gazetteer) -> list[bool]:
    """Tokens inside non-place entities, except big place names inside an organisation's name
    ("Edmonton Police Service", "Environment Canada", "the Government of Alberta") and a big place
    spaCy took for a person or a work."""
    blocked = [False] * len(doc)
    for ent in doc_ents(doc):
        if ent.label_ not in BLOCKING_LABELS:
            continue
        for k in range(ent.start, ent.end):
            blocked[k] = True
        if ent.label_ == "ORG":
            _free_places(doc, gaz, ent.start, ent.end, blocked)
        elif _big(gaz.lookup(ent.text), name_key(ent.text)):
            for k in range(ent.start, ent.end):
                blocked[k] = False
    return blocked


def _free_places(doc: Doc, gaz: Gazetteer, start: int, end: int, blocked: list[bool]) -> None:
    tt = token_table(doc)
    i = start
    while i < end:
        for j in range(min(end, i + 3), i, -1):
            if not tt.text[i][:1].isupper():
                continue
            text = tt.span_text(i, j)
            if _big(gaz.lookup(text), name_key(text)):
                for k in range(i, j):
                    blocked[k] = False
                i = j
                break
        else:
            i += 1


def _person_words(doc: Doc) -> set[str]:
    return {name_key(t.text) for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _dateline_mention(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
    text = doc_text(doc)
    name = find_dateline(text)
    if not name:
        return []
    start = text.find(name.upper())
    span = doc.char_span(start, start + len(name), alignment_mode="expand") if start >= 0 else None
    entries = gaz.lookup(name)
    if span is None or not entries or any(taken[k] for k in range(span.start, span.end)):
        return []
    for k in range(span.start, span.end):
        taken[k] = True
    return [_mention(span, name_key(span.text), entries, "dateline")]


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Every toponym candidate of the document, in text order, without overlaps."""
    taken = [False] * len(doc)
    person_words = _person_words(doc)
    mentions = _dateline_mention(doc, gaz, taken)
    mentions += _entity_mentions(doc, gaz, taken, person_words)
    mentions += _demonym_mentions(doc, gaz, taken)
    mentions += _hyphen_mentions(doc, gaz, taken)
    mentions += _scan_mentions(doc, gaz, taken, _blocked(doc, gaz), person_words)
    return sorted(mentions, key=lambda m: m.start)


def find_dateline(text: str) -> str | None:
    """The place of a dateline opening the text ("BAGHDAD —", "CAIRO (Reuters) -"), if any."""
    m = DATELINE.match(text)
    return m.group(1).strip().title() if m else None
