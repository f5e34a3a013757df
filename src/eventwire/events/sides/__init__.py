"""Who acted on whom. The source and target tokens of a matched trigger (``arguments.py``), the span of the phrase a
head stands for (``phrases.py``, ``data/phrases.yaml``), the actor behind a side (``sides.py``, ``data/sides.yaml``,
with the country and sector hints of ``fallback.py``, ``data/actor_hints.yaml``, and the position index of actor
mentions, ``mention_index.py``), whether a side is an actor at all and which actor stands behind a thing
(``actorhood.py``), what a thing given as target gives way to (``things.py``), the actor an act is aimed at when the
syntax names a thing (``targets.py``) and the addressee of an act whose sentence names none (``addressees.py``,
``data/addressees.yaml``).

A module belongs here when it chooses, bounds or judges an event's source or target.
"""
