"""What words code which act. The trigger lexicon (``lexicon.py``: patterns from ``data/patterns.yaml``, indexed by
lemma and part of speech, and the lexicon a pipeline makes active), the CAMEO code table (``cameo.py``,
``data/cameo_codes.tsv``), the sense constraints that choose a trigger's reading from its parse (``senses.py``,
``data/senses.yaml``) and the look-up of a word's candidate patterns (``triggers.py``).

A module belongs here when it says which words, in which reading, make an act and with which code. Who did the act
to whom is ``sides``; whether the act stands is ``rules``.
"""
