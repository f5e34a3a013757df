"""Taking a country off a list of exemptions (travel corridors, visa waivers) is an administrative sanction
(172) by the list's owner; a passive names its patients as targets and the owner of the list as source.
Sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Event
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    found = pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4)).events
    return [e for e in found if e.modality != "negated"]


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        ("Germany removed Chile and Peru from its list of countries exempt from quarantine.", "DEU", {"CHL", "PER"}),
        ("Chile and Peru were dropped from Germany's list of travel corridors on Friday.", "DEU", {"CHL", "PER"}),
        ("Japan removed Ghana from its visa waiver programme on Monday.", "JPN", {"GHA"}),
    ],
)
def test_taking_a_country_off_an_exemption_list_is_a_sanction(
    pipeline: Pipeline, text: str, source: str, targets: set[str]
) -> None:
    found = [e for e in _events(pipeline, text) if e.cameo == "172"]
    assert {e.source.country for e in found if e.source is not None} == {source}
    assert targets <= {e.target.country for e in found if e.target is not None}


@pytest.mark.parametrize(
    "text",
    [
        "Workers removed the debris from the road near the border with Chile.",
        "Peru removed Chile from the list of speakers at the conference.",
    ],
)
def test_other_removals_are_no_sanction(pipeline: Pipeline, text: str) -> None:
    assert not any(e.cameo == "172" for e in _events(pipeline, text))
