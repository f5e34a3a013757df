"""The CAMEO event coder: trigger patterns (``data/patterns.yaml``) over the dependency parse.

Laid out by concept (``tests/test_layout.py`` keeps it so): ``coder.py`` is the stage, the one module here;
``confidence/`` scores coded events; ``grammar/`` reads the dependency parse; ``lexicon/`` says which words code
which act; ``mentions/`` merges the tellings of one happening; ``rules/`` decides whether a matched act is an event
and with which code; ``sides/`` finds who acted on whom. ``data/`` holds the knowledge files of all of them.
"""

from __future__ import annotations

from .coder import EventCoder

__all__ = ["EventCoder"]
