"""An official of no country named in a state's own report is one of that state's."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Japan says official spoke with U.S. Secretary of State Marco Rubio", "JPN"),
        ("Peru says minister met Chilean officials in Lima", "PER"),
    ],
)
def test_the_reporting_state_owns_its_officials(pipeline: Pipeline, text: str, country: str) -> None:
    events = pipeline.code_text(text, id="t").events
    sources = {e.source.country for e in events if e.source is not None and e.source.text in ("official", "minister")}
    assert sources == {country}
