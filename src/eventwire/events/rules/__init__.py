"""Whether a matched act is an event, and with which code. Its modality: asserted, negated, hypothetical, future or
reported (``modality.py``, ``data/modality.yaml``); clauses that tell no single happening (``genericity.py``,
``data/genericity.yaml``); background that describes the news rather than reports it (``background.py``); which of a
sentence's coded acts stand and which acts need a target (``pruning.py``, ``data/targetless.yaml``); recodings by
context (``recode.py``); and the criticism or accusation a statement makes without a judging verb
(``statements.py``, ``data/statements.yaml``).

A module belongs here when it keeps, drops, qualifies or recodes an act the lexicon matched and the sides filled.
"""
