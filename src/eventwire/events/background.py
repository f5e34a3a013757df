"""Background acts: clauses and phrases that describe or date the news rather than report it."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["dating", "described", "origin"]


def origin(tok: Token) -> bool:
    """Whether a passive attack's would-be agent is the place it came from ("fired from the Gaza Strip")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.ent_type_ in ("GPE", "LOC", "FAC")


def described(tok: Token) -> bool:
    """Whether the trigger is a restrictive relative clause in the perfect, which identifies its
    antecedent ("the militant group that has seized parts of Iraq"): background, not the reported act;
    a clause set off by a comma ("Sharon, who has vowed ...") adds news and stays."""
    if tok.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False
    left = tok.left_edge.i
    return left == 0 or tok.doc[left - 1].text != ","


def dating(tok: Token) -> bool:
    """Whether the trigger heads a clause that dates another act by a measured interval ("two weeks
    after rebels kidnapped peacekeepers", "a day before X heads to Beijing"): a time reference."""
    marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("after", "before", "since")]
    if tok.dep_ not in ("advcl", "relcl") or not marks:
        return False
    measures = [g for h in (tok, *marks) for g in h.children if g.dep_ == "npadvmod"]
    measures += [tok.head] if tok.dep_ == "relcl" else []  # "a day before X heads": the clause on "day"
    return any(g.ent_type_ == "DATE" for g in measures)
