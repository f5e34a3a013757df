"""Background acts: clauses and phrases that describe the news rather than report it.

An act dated relative to another ("five days after the parliament voted") is still news: it is coded."""

from __future__ import annotations

from spacy.tokens import Token

from ...vocabulary import vocabulary

__all__ = ["described", "origin"]


def origin(tok: Token) -> bool:
    """Whether a passive attack's would-be agent is the place it came from ("fired from the Gaza Strip")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.ent_type_ in ("GPE", "LOC", "FAC")


def described(tok: Token) -> bool:
    """Whether the trigger is a restrictive relative clause in the perfect, which identifies its
    antecedent ("the militant group that has seized parts of Iraq"), or a relative clause that says
    who a speaker is ("said X, a representative who assisted the UN in an inquiry"): background, not
    the reported act; a clause set off by a comma ("Sharon, who has vowed ...") adds news and stays."""
    if tok.dep_ == "relcl" and _introduces_speaker(tok.head):
        return True
    if tok.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False
    left = tok.left_edge.i
    return left == 0 or tok.doc[left - 1].text != ","


def _introduces_speaker(noun: Token) -> bool:
    """Whether a noun is the apposition that introduces the speaker of a reporting verb ("said Roberto
    Borrero, a council representative ...")."""
    if noun.dep_ != "appos":
        return False
    speaker = noun.head
    return speaker.dep_ == "nsubj" and speaker.head.lemma_.lower() in vocabulary().words("eventwire.reporting")
