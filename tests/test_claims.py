"""Claims: who asserts and who denies a proposition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.claims import load_propositions
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def claims_of(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    analysis = pipeline.code_text(text, id="t", published=dt.date(2021, 3, 5))
    return [(c.stance, c.holder, c.key) for c in analysis.claims]


def test_every_proposition_loads() -> None:
    props = load_propositions()
    assert props and all(p.asserts and p.troop_words and "{mover}" in p.text for p in props)


@pytest.mark.parametrize(
    "text, stance, holder",
    [
        (
            "Afghan President Ashraf Ghani said on Friday that American troops would withdraw from Afghanistan.",
            "for",
            "Ashraf Ghani",
        ),
        ("The Pentagon said there were no plans to pull American troops out of Afghanistan.", "against", "Pentagon"),
        (
            "Defense Secretary Lloyd Austin denied that American forces were leaving Afghanistan.",
            "against",
            "Lloyd Austin",
        ),
        ("Lloyd Austin said American troops would remain in Afghanistan.", "against", "Lloyd Austin"),
    ],
)
def test_stance_and_holder(pipeline: Pipeline, text: str, stance: str, holder: str) -> None:
    found = claims_of(pipeline, text)
    assert (stance, holder, "withdraw:USA:AFG") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The minister will leave for Paris on Monday to attend a summit.",
        "The removal of the 2,500 American troops in Afghanistan would affect the talks.",
    ],
)
def test_no_claim_without_a_holder_or_military_context(pipeline: Pipeline, text: str) -> None:
    assert claims_of(pipeline, text) == []


def test_seed_claim_is_disputed(shared: Path, pipeline: Pipeline) -> None:
    text = (shared / "seed" / "nbc-iraq-2020-01-10.txt").read_text()
    analysis = pipeline.code_text(text, id="seed", published=dt.date(2020, 1, 10))
    sides = {"for": set(), "against": set()}  # type: dict[str, set[str]]
    for c in analysis.claims:
        assert c.key == "withdraw:USA:IRQ"
        sides[c.stance].add(c.holder)
    assert {"Iraqi Parliament", "Adel Abdul-Mahdi"} <= sides["for"]
    assert any("commanding general" in h for h in sides["for"])
    assert {"Mike Pompeo", "Pentagon", "Mark Milley"} <= sides["against"]


@pytest.mark.parametrize(
    ("text", "proposition"),
    [
        # the country table's attributive name where English writes one before a noun, else the adjective
        ("The senator said on Monday that American troops would leave Kuwait.", "U.S. troops will leave Kuwait"),
        ("The minister said on Monday that French troops would withdraw from Mali.", "French troops will leave Mali"),
    ],
)
def test_the_proposition_names_the_mover_as_written_before_a_noun(
    pipeline: Pipeline, text: str, proposition: str
) -> None:
    analysis = pipeline.code_text(text, id="t", published=dt.date(2021, 3, 5))
    assert [c.proposition for c in analysis.claims] == [proposition]
