"""Group adjacent units into actor phrases: "the Iraqi Parliament", "Iran's foreign minister",
"Iranian Gen. Qassem Soleimani", "U.S. and allied troops".

A phrase is a run of units separated only by glue ("'s", "-", "and" between countries, "senior", ...).
Its last unit is the *head*: a name makes a person, a sector term a group or a title, an organisation
an organisation; earlier units are modifiers that give the head its country (and sometimes its sector).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .lists import name_order
from .matcher import Unit

_WORDS = word_lists("eventwire.actors")

__all__ = ["COUNTRYISH", "Phrase", "build_phrases", "of_phrase_end"]

COUNTRYISH = frozenset({"country", "demonym", "capital", "region", "countryref"})
DETERMINERS = _WORDS.words("determiners")
#: Where an "of" complement of a title ends.
STOPS = _WORDS.words("stops")
COUNTRY_LIST_JOINERS = _WORDS.words("country_list_joiners")


@dataclass(frozen=True, slots=True)
class Phrase:
    units: tuple[Unit, ...]
    #: token range of the mention (determiner included)
    start: int
    end: int

    @property
    def head(self) -> Unit:
        return self.units[-1]

    @property
    def modifiers(self) -> tuple[Unit, ...]:
        return self.units[:-1]

    @property
    def titles(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "sector" and u.entry.agent == "person")


def _joinable(doc: Doc, prev: Unit, unit: Unit, nxt: Unit | None = None) -> bool:
    if prev.kind == "person":
        return False
    if _title_of_place(doc, prev, unit, nxt):
        return True
    gap = doc[prev.end : unit.start]
    if _is_title(prev) and unit.kind == "person" and gap and name_order().title_glue([t.lower_ for t in gap]):
        return True  # "Dr the Rt. Hon. Keith Mitchell", "President-elect Ana Lopes"
    if len(gap) > 3:
        return False
    if any(t.is_sent_start for t in doc[prev.end : unit.end]):
        return False
    if _acronym_gap(gap) and prev.kind in ("org", "sector") and _is_title(unit):
        return True  # "the Department of Foreign Affairs (DFA) director-general": the acronym glosses the body
    if [t.text for t in gap] == ["-"] and unit.kind in ("org", *COUNTRYISH):
        return False  # "Israel-Hamas war", "Russia-Ukraine talks": two sides, not one phrase
    glue = vocabulary().words("actors.glue")
    for tok in gap:
        low = tok.lower_
        if low == ",":
            if prev.kind not in COUNTRYISH or unit.kind not in COUNTRYISH:
                return False
            continue
        if low == "and":
            if prev.kind not in COUNTRYISH and not (_is_title(prev) and _is_title(unit)):
                return False
            continue
        if low not in glue and not (len(gap) == 1 and _name_like_modifier(tok, unit)) and not _trade(tok, prev, unit):
            return False
    if unit.kind in COUNTRYISH and prev.kind in COUNTRYISH and not gap:
        return False
    if unit.kind in COUNTRYISH and any(t.lower_ in COUNTRY_LIST_JOINERS for t in gap):
        return _countries_share_head(doc, unit)
    return True


def _acronym_gap(gap: Span) -> bool:
    """A gap that is only a parenthesised abbreviation: "(", one capitalised word, ")"."""
    words = [t.text for t in gap]
    return len(words) == 3 and words[0] == "(" and words[2] == ")" and words[1][:1].isupper() and words[1].isalpha()


def _title_of_place(doc: Doc, prev: Unit, unit: Unit, nxt: Unit | None) -> bool:
    """ "Mayor of London Sadiq Khan", "President of Armenia Serzh Sargsyan": one phrase."""
    return (
        _is_title(prev)
        and unit.kind in COUNTRYISH
        and [t.lower_ for t in doc[prev.end : unit.start]] == ["of"]
        and nxt is not None
        and nxt.kind == "person"
        and nxt.start == unit.end
    )


def _name_like_modifier(tok: Token, unit: Unit) -> bool:
    """One capitalised adjective between a country and its body: "Nicaragua's Sandinista government"."""
    return (
        unit.kind == "sector"
        and unit.entry.agent == "group"
        and tok.text[:1].isupper()
        and tok.is_alpha
        and tok.pos_ in ("PROPN", "ADJ")
        and tok.ent_type_ != "PERSON"
    )


def _trade(tok: Token, prev: Unit, unit: Unit) -> bool:
    """A common noun saying which trade a group of a country plies: "French paper workers", "Kenyan tea farmers"."""
    return (
        prev.kind in COUNTRYISH
        and unit.kind == "sector"
        and unit.entry.agent == "group"
        and tok.pos_ == "NOUN"
        and tok.dep_ == "compound"
        and unit.start <= tok.head.i < unit.end
    )


def _is_title(unit: Unit) -> bool:
    return unit.kind == "sector" and unit.entry.agent == "person"


def _countries_share_head(doc: Doc, unit: Unit) -> bool:
    """ "U.S. and Russian negotiators": the second country is itself a modifier of a following unit."""
    nxt = doc[unit.end] if unit.end < len(doc) else None
    return unit.kind == "demonym" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _mention_start(doc: Doc, start: int) -> int:
    if start > 0 and doc[start - 1].lower_ in DETERMINERS:
        return start - 1
    return start


def of_phrase_end(doc: Doc, head: Token) -> int | None:
    """End (token index) of an "of ..." complement of a title ("the commanding general of U.S. troops").

    The complement runs to the first verb, clause word or strong punctuation (at most 10 tokens).
    """
    nxt = head.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ != "of":
        return None
    sent_end = head.sent.end
    j = nxt + 1
    while j < min(sent_end, nxt + 11):
        tok = doc[j]
        if (tok.pos_ in ("VERB", "AUX", "SCONJ", "PRON") and tok.dep_ != "amod") or tok.lower_ in STOPS:
            break
        if tok.ent_type_ in ("DATE", "TIME", "PERSON"):
            break
        j += 1
    while j > nxt + 1 and doc[j - 1].pos_ in ("ADP", "CCONJ", "DET", "PUNCT"):
        j -= 1
    return j if j > nxt + 1 else None


def build_phrases(doc: Doc, units: list[Unit]) -> list[Phrase]:
    phrases: list[Phrase] = []
    group: list[Unit] = []
    for idx, unit in enumerate(units):
        nxt = units[idx + 1] if idx + 1 < len(units) else None
        if group and not _joinable(doc, group[-1], unit, nxt):
            phrases.append(_phrase(doc, group))
            group = []
        group.append(unit)
    if group:
        phrases.append(_phrase(doc, group))
    return phrases


def _phrase(doc: Doc, units: list[Unit]) -> Phrase:
    start = _mention_start(doc, units[0].start)
    end = units[-1].end
    head = units[-1]
    if head.kind == "sector" and head.entry.agent == "person" and not any(u.kind == "person" for u in units):
        extended = of_phrase_end(doc, doc[head.end - 1])
        if extended is not None:
            end = max(end, extended)
    return Phrase(tuple(units), start, end)
