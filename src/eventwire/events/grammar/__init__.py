"""How the coder reads the dependency parse (``syntax.py``): a trigger's subjects, objects, passive agents,
complements, nominal arguments and content head, reporting verbs, headline verbs and time entities.

A module belongs here when it answers a grammatical question about the tokens of one parsed sentence that the
lexicon, the sides and the rules all ask. It decides nothing about actors or codes.
"""
