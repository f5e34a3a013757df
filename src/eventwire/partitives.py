"""Partitive subjects: a bare quantifier set off by commas after a group stands for that group ("thousands
of people, some carrying flags, marched on the palace": the marchers are the thousands of people).

The events stage reads it to take the group, not "some", as an event's side; the actors stage to find the
verb a crowd acts through when the parser hung that verb on the quantifier. Both read the grammar list
``partitives`` of ``data/en/words.yaml`` (closed-class quantifiers) and, at use time, the vocabulary list
``eventwire.place_nouns`` (a place is no group).
"""

from __future__ import annotations

from spacy.tokens import Token

from .labels import QUANTIFIER_DEPENDENTS
from .vocabulary import vocabulary
from .wordlists import word_lists

_WORDS = word_lists("eventwire")

__all__ = ["partitive_after", "partitive_group"]

#: entity labels of a noun that is no group of people ("In Baghdad, many marched"; "On Monday, some left")
NOT_GROUP_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
GROUP_POS = frozenset({"NOUN", "PROPN"})
#: bare quantifiers that stand for the group they follow ("thousands of people, some ...")
PARTITIVES = _WORDS.words("partitives")


def _bare(tok: Token) -> bool:
    return tok.lower_ in PARTITIVES and not any(c.dep_ in QUANTIFIER_DEPENDENTS for c in tok.children)


def _quantity(tok: Token) -> bool:
    return tok.pos_ == "NUM" or tok.like_num or tok.ent_type_ == "CARDINAL"


def _group_ending_at(last: Token) -> Token | None:
    """The head of the noun phrase that ends at ``last``: "protesters from the city" -> protesters; a
    quantity with an "of" phrase stands for its object ("thousands of people" -> people)."""
    cur = last
    while cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        owner = cur.head.head
        if owner.i > cur.i or owner.pos_ not in GROUP_POS | {"NUM"} or cur.head.right_edge.i != last.i:
            break
        if _quantity(owner):
            break  # "thousands of people": the people
        cur = owner
    places = vocabulary().words("eventwire.place_nouns")
    if cur.pos_ not in GROUP_POS or cur.ent_type_ in NOT_GROUP_ENTS or cur.lower_ in places:
        return None
    return cur


def partitive_group(tok: Token) -> Token | None:
    """The head of the group a bare quantifier subject stands for: its appositive ("some, protesters
    from the north, ..."), or the noun phrase it follows after a comma ("thousands of people, some ...")."""
    if not _bare(tok):
        return None
    appos = [c for c in tok.children if c.dep_ == "appos" and c.pos_ in GROUP_POS]
    if appos:
        last = appos[0].right_edge
        return _group_ending_at(last if not last.is_punct else appos[0])
    if tok.i < 2 or tok.nbor(-1).text != ",":
        return None
    return _group_ending_at(tok.nbor(-2))


def partitive_after(group: Token) -> Token | None:
    """The bare quantifier set off by a comma right after the noun phrase of ``group``, when it stands for
    the group ("thousands of people, some aligned to X, protested": "some")."""
    doc = group.doc
    j = max([group.i, *(c.right_edge.i for c in group.rights if c.dep_ == "prep")]) + 1
    if j + 1 >= len(doc) or doc[j].text != ",":
        return None
    quantifier = doc[j + 1]
    found = partitive_group(quantifier)
    return quantifier if found is not None and found.i == group.i else None
