"""Coreference inside one article: bare surnames, title-only references and third-person pronouns."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..labels import CLAUSE_OBJECTS, NAME_PARTS, SUBJECTS
from ..nlp import quoted_tokens, sentences
from ..wordlists import word_lists
from .knowledge import key_of

_WORDS = word_lists("eventwire.actors")

__all__ = ["PRONOUNS", "Draft", "Sentences", "full_title", "pronoun_target", "title_target"]

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECT_DEPS = SUBJECTS
#: How many sentences before its own a pronoun's antecedent may be.
PRONOUN_WINDOW = 3
#: pronouns that, as an object, cannot refer to the subject of their own clause
OBJECT_PRONOUNS = _WORDS.words("object_pronouns")


@dataclass
class Draft:
    """An actor being built: its reading and its mentions as token ranges."""

    key: tuple[str, ...]
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    titles: set[str] = field(default_factory=set)
    surnames: tuple[str, ...] = ()
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: the country is the article's dominant one, guessed: a country the text ties it to replaces it
    guessed: bool = False

    def last_before(self, i: int) -> int:
        return max((s for s, _ in self.mentions if s < i), default=-1)


ABBREVIATIONS = {
    "gen.": "general",
    "gen": "general",
    "adm.": "admiral",
    "col.": "colonel",
    "sen.": "senator",
    "rep.": "representative",
    "lt.": "lieutenant",
    "capt.": "captain",
    "sgt.": "sergeant",
    "maj.": "major",
    "gov.": "governor",
    "lt. gen.": "general",
    "maj. gen.": "general",
    "brig. gen.": "general",
    "lt. col.": "colonel",
    "vice adm.": "admiral",
    "rear adm.": "admiral",
    "lieutenant general": "general",
    "major general": "general",
    "brigadier general": "general",
}


def full_title(title: str) -> str:
    low = title.lower()
    return ABBREVIATIONS.get(low, low)


def _title_matches(want: str, have: str) -> bool:
    """ "the secretary" ~ "secretary of state", "the minister" ~ "foreign minister", "the general" ~ "gen." """
    if want == have:
        return True
    words = have.split()
    want_words = want.split()
    return bool(words) and (want_words[-1] == words[-1] or (len(want_words) == 1 and want == words[0]))


def title_target(drafts: list[Draft], title: str, country: str | None, at: int) -> Draft | None:
    """The person most recently mentioned before ``at`` who was introduced with ``title``."""
    want = full_title(title)
    best: tuple[int, Draft] | None = None
    for d in drafts:
        if d.kind != "person" or not d.surnames:
            continue
        if country is not None and d.country is not None and d.country != country:
            continue
        ok = any(_title_matches(want, full_title(t)) for t in d.titles)
        pos = d.last_before(at)
        if ok and pos >= 0 and (best is None or pos > best[0]):
            best = (pos, d)
    return best[1] if best else None


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether a mention is a clause subject, or a name compounded with or in apposition to one ("Another
    officer, Wing Commander X, said")."""
    for t in doc[start:end]:
        for _ in range(3):
            if t.dep_ in SUBJECT_DEPS:
                return True
            if t.dep_ not in NAME_PARTS or t.head.i == t.i:
                break
            t = t.head
    return False


class Sentences:
    """The sentence bounds of a doc, walked once (``Token.sent`` walks the doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = [(s.start, s.end) for s in sentences(doc)] or [(0, len(doc))]
        self.starts = [s for s, _ in self.spans]

    def index(self, i: int) -> int:
        return max(bisect_right(self.starts, i) - 1, 0)

    def bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token ``i``."""
        return self.spans[self.index(i)]


def _clause_subjects(doc: Doc, i: int) -> list[int]:
    """The subjects of the clause an object pronoun ("him", "her") is the object of, which it cannot
    refer to (a reflexive would): those of its verb, or of the verb its verb is coordinated with."""
    tok = doc[i]
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ not in CLAUSE_OBJECTS:
        return []
    verb = tok.head
    while True:
        subj = [c.i for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subj or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        verb = verb.head


def pronoun_target(doc: Doc, drafts: list[Draft], i: int, sents: Sentences) -> Draft | None:
    """The person a pronoun at token ``i`` refers to: same or previous ``PRONOUN_WINDOW`` sentences, subjects
    first."""
    gender = PRONOUNS[doc[i].lower_]
    k = sents.index(i)
    sent_start = sents.spans[k][0]
    window_start = sents.spans[max(k - PRONOUN_WINDOW, 0)][0]
    binders = _clause_subjects(doc, i)
    quoted = quoted_tokens(doc)
    cands: list[tuple[int, int, Draft]] = []
    for d in drafts:
        if d.kind != "person" or (d.gender and d.gender != gender):
            continue
        if binders and any(s <= b < e for s, e in d.mentions for b in binders):
            continue  # "X called Y and urged him": "him" is not X
        for s, e in d.mentions:
            if window_start <= s < i and (quoted[i] or not quoted[s]):
                cands.append((s, e, d))  # "“... as president,” he said": no one inside the quote
    if not cands:
        return None
    same = [c for c in cands if c[0] >= sent_start]
    subj_same = [c for c in same if _is_subject(doc, c[0], c[1])]
    if subj_same:
        return max(subj_same, key=lambda c: c[0])[2]
    earlier = [c for c in cands if c[0] < sent_start]
    if earlier and not same:
        last_sent_start = sents.bounds(max(c[0] for c in earlier))[0]
        in_last = [c for c in earlier if c[0] >= last_sent_start]
        subj = [c for c in in_last if _is_subject(doc, c[0], c[1])]
        if subj:
            return min(subj, key=lambda c: c[0])[2]
        subj = [c for c in earlier if _is_subject(doc, c[0], c[1])]
        if subj:  # "X announced a plan. It will be led by Y. ... he said": X, the last subject
            return max(subj, key=lambda c: c[0])[2]
    return max(cands, key=lambda c: c[0])[2]


ARTICLE_PREFIXES = _WORDS.ordered("article_prefixes")


def surname_keys(name: str, surname: str | None = None, family_first: bool = False) -> tuple[str, ...]:
    """Keys a later bare-surname mention may take: "Moammar al-Eryani" -> al-eryani, eryani; with
    ``family_first`` ("Lin Jian", "Lee Jae-myung") the first word too."""
    words = name.split()
    if not words:
        return ()
    last = key_of(surname or words[-1])
    keys = [last]
    if family_first and key_of(words[0]) not in keys:
        keys.append(key_of(words[0]))
    if surname is None and len(words) >= 3 and words[-2][:1].isupper() and len(words[-2]) > 2:
        keys.append(key_of(words[-2]))  # "Ricardo Rosselló Nevares" -> Rosselló
    for prefix in ARTICLE_PREFIXES:
        if last.startswith(prefix):
            keys.append(last[len(prefix) :])
    return tuple(keys)
