"""Which coded events of a sentence stand when one act is told more than once."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "At least 12 villagers were killed as government forces shelled rebel positions in Idlib.",
            "government forces",
            "rebel positions in Idlib",
        ),
        ("Five policemen were killed when gunmen attacked a checkpoint in Kano.", "gunmen", "a checkpoint in Kano"),
    ],
)
def test_the_attack_a_killing_results_from_is_the_event(
    pipeline: Pipeline, text: str, source: str, target: str
) -> None:
    """An agentless killing told with the attack it results from ("were killed as X shelled Y") is that attack."""
    events = pipeline.code_text(text, id="t").events
    assert [(e.source and e.source.text, e.target and e.target.text) for e in events] == [(source, target)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "talks"),
    [
        ("The Kenyan minister talked about the drought on Monday.", False),  # no partner: no consultation
        ("The Kenyan minister talked with his Ugandan counterpart on Monday.", True),
    ],
)
def test_talks_need_a_partner(pipeline: Pipeline, text: str, talks: bool) -> None:
    events = pipeline.code_text(text, id="t").events
    assert any(e.cameo == "040" for e in events) is talks
