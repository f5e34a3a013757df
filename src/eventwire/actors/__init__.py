"""Actor coding: who acts in an article (country + CAMEO sector), with every mention.

Code scheme (``Actor.code``): country + sector (``IRQGOV``, ``USAMIL``), the bare ISO3 for a state
(``USA``), ``IGO``/``NGO``/``IMG`` + an organisation tag for bodies without a home country (``IGOUNO``,
``IGONAT``, ``IMGISI``), and home country + sector for domestic armed groups (``PSEREB`` for Hamas).
"""

from __future__ import annotations

from .coder import ActorCoder, code_actors
from .knowledge import load_countries
from .validity import SideJudgement, judge_side

__all__ = ["ActorCoder", "SideJudgement", "code_actors", "country_adjective", "country_name", "judge_side"]


def country_name(iso3: str) -> str:
    """The canonical English name of a country code ("USA" -> "United States"); the code if unknown."""
    country = load_countries().get(iso3)
    return country.name if country else iso3


def country_adjective(iso3: str) -> str:
    """The country's adjective ("FRA" -> "French"); the name when none is known, the code if unknown."""
    country = load_countries().get(iso3)
    return country.adjective if country else iso3
