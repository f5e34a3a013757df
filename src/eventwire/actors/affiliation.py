"""A person the lexicon does not know takes the country and sector of the body or place the text ties
them to: "Jane Roe, a lawyer for the State Department" (USA, GOV), "Jane Roe of the Civil Rights Union",
"an oceanographer at the University of Perth" (AUS, EDU), "Jane Roe from Natural Justice in Cape Town";
one tied to nothing, and an unknown organisation with no country word, take the article's country."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..wordlists import word_lists
from .coref import Draft
from .lists import body_words

_WORDS = word_lists("eventwire.actors")

__all__ = ["affiliate"]

#: Prepositions that tie a person to a body or place ("of", "at", "for", "from", "with").
TIES = _WORDS.words("ties")
#: How many tokens an apposition or a complement may run for its body to count.
MAX_TIE_TOKENS = 14
BODY_KINDS = frozenset({"organization", "group"})
#: sectors of bodies that belong to no country
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})
#: sectors of unknown bodies that take the article's country: firms, outlets, unions
DOMESTIC_SECTORS = frozenset({"BUS", "MED", "LAB"})


def _tied_tokens(head: Token) -> list[range]:
    """Token ranges tied to a name's head word: its apposition and its "of/at/for/from/with" complements
    (also those of the apposition: "Jane Roe, a lawyer for the State Department")."""
    out = []
    for child in head.rights:
        if child.dep_ == "appos":
            out.append(range(child.i, min(child.right_edge.i + 1, child.i + MAX_TIE_TOKENS)))
        elif child.dep_ == "prep" and child.lower_ in TIES:
            out.append(range(child.i + 1, min(child.right_edge.i + 1, child.i + MAX_TIE_TOKENS)))
    return out


def _owners(drafts: list[Draft]) -> dict[int, Draft]:
    """Token -> the body, group or country actor whose mention covers it."""
    owner: dict[int, Draft] = {}
    for d in drafts:
        if d.kind == "person":
            continue
        for s, e in d.mentions:
            for i in range(s, e):
                owner.setdefault(i, d)
    return owner


def _tie(doc: Doc, person: Draft, owner: dict[int, Draft]) -> tuple[Draft | None, Draft | None]:
    """The first body and the first country or place tied to one of the person's name mentions."""
    body = place = None
    for s, e in sorted(person.mentions):
        if e - s == 1 and doc[s].pos_ == "PRON":
            continue
        for rng in _tied_tokens(doc[e - 1]):
            for i in rng:
                d = owner.get(i)
                if d is None:
                    continue
                if d.kind in BODY_KINDS and body is None:
                    body = d
                elif d is not body and d.country is not None and place is None:
                    place = d  # "from Natural Justice in Cape Town"
        if body is not None:
            break
    return body, place


def home_country(drafts: list[Draft], guess: Callable[[int], str | None]) -> None:
    """A named person or an organisation the lexicon does not know that still has no country after its own
    words, its titles and its ties takes the article's (``guess``: the dominant country around its first
    mention), marked guessed. Bodies of no country (IGO, NGO, IMG) stay without one."""
    for d in drafts:
        if d.country is not None or d.key[0] not in ("person", "org") or not d.mentions:
            continue
        if (d.sector in INTERNATIONAL and not _national(d)) or (
            d.key[0] == "org" and d.code and d.sector not in INTERNATIONAL and not _domestic_body(d)
        ):
            continue  # a body of no country, one the lexicon codes ("IGOUNO"), a site ("the X Mosque")
        d.country = guess(min(d.mentions)[0])
        d.guessed = d.country is not None
        d.code = f"{d.country or ''}{d.sector or ''}" or None


def _national(d: Draft) -> bool:
    """A person working for a non-governmental body has a country of their own ("ISD spokesman X"); a body of
    such a sector is national when its name says so ("National Lawyers Guild")."""
    if d.kind == "person":
        return d.sector == "NGO"
    return body_words().is_domestic(d.name.split())


def _domestic_body(d: Draft) -> bool:
    """An organisation only its name's words code, by a sector of the article's own public life (a firm,
    an outlet, a union: "News Corporation", "the Daily Herald"); a hospital, school or place of worship
    is as often a site abroad that the story names."""
    return d.code == d.sector and d.sector in DOMESTIC_SECTORS


def affiliate(doc: Doc, drafts: list[Draft]) -> None:
    """Fill the missing country and sector of named people from the body or place they are tied to; a tied
    country also replaces one guessed from the article."""
    owner = _owners(drafts)
    for person in drafts:
        if person.kind != "person" or person.key[0] != "person":
            continue
        if person.country and person.sector and not person.guessed:
            continue
        body, place = _tie(doc, person, owner)
        tied = (body.country if body is not None and not body.guessed else None) or (place.country if place else None)
        if tied is not None and (person.country is None or person.guessed):
            person.country, person.guessed = tied, False
        if person.sector is None and body is not None:
            person.sector = body.sector
        person.code = f"{person.country or ''}{person.sector or ''}" or None
