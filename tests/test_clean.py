"""Cleaning of scraped text: every boilerplate rule's examples, headlines, paragraphs, and the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest.clean import (
    BoilerplateRule,
    boilerplate_rule,
    clean_text,
    is_headline,
    load_rules,
    normalise_whitespace,
    split_paragraphs,
)

RULES = load_rules()
REMOVE = [(rule.id, line) for rule in RULES for line in rule.remove]
KEEP = [(rule.id, line) for rule in RULES for line in rule.keep]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_examples_both_ways(rule: BoilerplateRule) -> None:
    assert rule.remove and rule.keep and rule.what


@pytest.mark.parametrize(("rule_id", "line"), REMOVE)
def test_rule_removes_its_examples(rule_id: str, line: str) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    assert rule.matches(line)
    assert line in clean_text(f"A first sentence of the story.\n{line}\nThe last sentence.").removed


@pytest.mark.parametrize(("rule_id", "line"), KEEP)
def test_no_rule_removes_a_keep_example(rule_id: str, line: str) -> None:
    assert boilerplate_rule(line) is None, rule_id


@pytest.mark.parametrize(
    "line",
    [
        "The army said on Tuesday that it had withdrawn from the town.",
        '"We will not leave," the commander told reporters in Basra.',
        "Officials in Kabul declined to comment on the report.",
    ],
)
def test_plain_news_sentences_are_kept(line: str) -> None:
    assert boilerplate_rule(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rebels seize airport in northern province", True),
        ("'Talks are over': envoy walks out of summit", True),
        ("The rebels seized the airport on Monday.", False),
        ("Talks collapse:", False),
        ("rebels seize airport", False),
        ("Alone", False),
        ("Ceasefire " * 30, False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line.strip()) is expected


def test_headline_becomes_title_and_dek_stays() -> None:
    text = "Rebels seize airport in north\n\nThe capture cuts the main supply route.\nFighting went on overnight."
    cleaned = clean_text(text)
    assert cleaned.title == "Rebels seize airport in north"
    assert cleaned.text == "The capture cuts the main supply route.\n\nFighting went on overnight."


@pytest.mark.parametrize("kicker", ["World", "Middle East crisis"])
def test_section_label_above_the_headline_is_removed(kicker: str) -> None:
    cleaned = clean_text(f"{kicker}\nRebels seize airport in the north\nThe capture cuts the supply route.")
    assert cleaned.title == "Rebels seize airport in the north"
    assert cleaned.removed == (kicker,)
    assert cleaned.text == "The capture cuts the supply route."


def test_known_title_repeated_in_text_is_dropped() -> None:
    cleaned = clean_text("Budget passes\nThe vote was 50 to 40.", title="Budget passes")
    assert cleaned.title == "Budget passes"
    assert cleaned.text == "The vote was 50 to 40."


def test_single_line_is_never_a_title() -> None:
    assert clean_text("Rebels seize airport").title is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0 b\t c", "a b c"),
        ("  zero\u200bwidth  ", "zerowidth"),
        ("\ufeffstart", "start"),
    ],
)
def test_normalise_whitespace(raw: str, expected: str) -> None:
    assert normalise_whitespace(raw) == expected


def test_paragraphs_are_separated_by_exactly_one_blank_line() -> None:
    text = "First line.\r\nSecond line.\n\n\n\n  Third line.  \n\n"
    assert clean_text(text, find_title=False).text == "First line.\n\nSecond line.\n\nThird line."


def test_hard_wrapped_block_is_joined() -> None:
    wrapped = (
        "The defence minister said on Friday that the army would\n"
        "withdraw from the border region within two weeks, after\n"
        "talks with the neighbouring government ended in an agree-\n"
        "ment on patrols."
    )
    (paragraph,) = split_paragraphs(wrapped)
    assert paragraph.startswith("The defence minister said on Friday that the army would withdraw")
    assert "agree-ment" in paragraph


@pytest.mark.parametrize(
    "lines",
    [
        ["One.", "Two.", "Three."],
        [
            "Restore the ceasefire along the whole of the northern border",
            "Reopen the crossings for aid convoys and returning families",
            "Release the fishermen held since the January incident",
        ],
        [
            "The minister arrived in the capital on Monday morning for talks.",
            "The talks lasted four hours and ended without any statement.",
            "A second meeting is planned for the end of the month, aides said.",
        ],
    ],
)
def test_lines_that_are_not_wrapped_stay_paragraphs(lines: list[str]) -> None:
    assert split_paragraphs("\n".join(lines)) == lines


def test_seed_article(shared: Path) -> None:
    raw = (shared / "seed" / "nbc-iraq-2020-01-10.txt").read_text("utf-8")
    gold = json.loads((shared / "seed" / "nbc-iraq-2020-01-10.gold.json").read_text("utf-8"))
    cleaned = clean_text(raw)
    assert cleaned.title == gold["title"]
    boilerplate = set(gold["boilerplate_lines"])
    assert set(cleaned.removed) == boilerplate
    for line in boilerplate:
        assert line[:60] not in cleaned.text
    kept = [s.strip() for s in raw.splitlines() if s.strip() and s.strip() not in boilerplate]
    assert kept[0] == gold["title"]
    for line in kept[1:]:
        assert line in cleaned.text
    assert "\n\n\n" not in cleaned.text


SCRAPED = """World
Ministers agree truce in northern province
Both sides will pull back heavy weapons within a week, the mediators said.
By Jane Roe and Sam Poe
Jan. 10, 2020, 5:30 AM UTC / Updated Jan. 10, 2020, 4:19 PM UTC
Share this -
Link copied
Image: Soldiers load a truck at a base near the front line on Wednesday.
Soldiers load a truck at a base near the front line on Wednesday.Sam Poe / Reuters

The defence ministers of Norland and Estavia agreed on Friday to a truce in the northern province.

ADVERTISEMENT

"We have ended the fighting," the Norland minister told reporters in Valmora.
Related: Fighting flares on the border
The truce will be monitored by observers from the regional bloc, the mediators said.
FILE - In this Jan. 2, 2020, file photo, tanks roll through Valmora. (AP Photo/Sam Poe, File)
Sign up for our newsletter to get the news delivered to your inbox.
Jane Roe is a foreign correspondent for The Daily Ledger.
(Reporting by Jane Roe; Editing by Sam Poe)
© 2020 The Daily Ledger. All rights reserved.
"""
BODY = [
    "Both sides will pull back heavy weapons within a week, the mediators said.",
    "The defence ministers of Norland and Estavia agreed on Friday to a truce in the northern province.",
    '"We have ended the fighting," the Norland minister told reporters in Valmora.',
    "The truce will be monitored by observers from the regional bloc, the mediators said.",
]


def test_scraped_article_keeps_exactly_its_body() -> None:
    cleaned = clean_text(SCRAPED)
    assert cleaned.title == "Ministers agree truce in northern province"
    assert cleaned.text == "\n\n".join(BODY)
    assert len(cleaned.removed) == len(SCRAPED.strip().splitlines()) - len(BODY) - 1 - SCRAPED.count("\n\n")
