"""An offer of help that names no one helped, by an actor foreign to the story's dateline, helps the
dateline's country; one by the dateline's own country, or one naming whom it helps, does not change.
Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Event
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline.code_text(text, id="t", published=dt.date(2019, 5, 6)).events)


@pytest.mark.parametrize(
    ("text", "helped"),
    [
        (
            'MANILA (Wire) - Rescuers searched the flooded towns on Monday. "We stand ready to assist in any '
            'way we can," a Japanese foreign ministry spokesman said.',
            "PHL",
        ),
        (
            "LIMA, Peru - The quake destroyed hundreds of homes. Chile also pledged to help, its foreign "
            "minister said on Sunday.",
            "PER",
        ),
    ],
)
def test_foreign_help_naming_no_one_helps_the_dateline_s_country(pipeline: Pipeline, text: str, helped: str) -> None:
    offers = [e for e in _events(pipeline, text) if e.root in ("03", "07")]
    assert offers
    assert all(e.target is not None and e.target.country == helped for e in offers)


@pytest.mark.parametrize(
    "text",
    [
        # the helper is of the dateline's own country
        'MANILA (Wire) - Floods hit the north. "We stand ready to assist," Philippine President Rodrigo Duterte said.',
        # a place opening a sentence is no dateline
        'Manila was hit by floods on Monday. "We stand ready to assist," a Japanese spokesman said.',
    ],
)
def test_no_dateline_target_for_its_own_country_or_without_one(pipeline: Pipeline, text: str) -> None:
    offers = [e for e in _events(pipeline, text) if e.root in ("03", "07")]
    assert not any(e.target is not None and e.target.start == 0 for e in offers)
