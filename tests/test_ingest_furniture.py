"""Page furniture seen against the whole page (ingest/furniture.py), pruned by markup (ingest/markup.py),
drop caps and printed titles (ingest/html.py, ingest/clean.py)."""

from __future__ import annotations

import pytest

from eventwire.ingest.clean import clean_text
from eventwire.ingest.furniture import furniture_indices, list_headings
from eventwire.ingest.html import html_article, join_drop_caps
from eventwire.ingest.markup import MarkupRule, load_markup_rules

LEAD = "The port authority of Valmora agreed on Monday to sell the northern harbour to a shipping group."
BODY = [
    LEAD,
    "“We had no choice, the debts were too heavy,” the authority’s chair, Ana Ruiz, told reporters.",
    "The opposition called the sale a betrayal and said it would fight it in parliament next week.",
    "“This is not the end of the matter,” said the opposition leader. “We will take this to the courts.”",
    "The shipping group did not comment.",
]


def _furniture(paragraphs: list[str]) -> list[str]:
    return [p for i, p in enumerate(paragraphs) if i in furniture_indices(paragraphs)]


@pytest.mark.parametrize(
    ("extra", "at"),
    [
        # a pull quote joining pieces of a quotation the article splits
        ("“This is not the end of the matter. We will take this to the courts.”", 2),
        # a section heading that repeats a quoted phrase
        ("‘Not the end of the matter’", 3),
        # the lead printed again further down (a summary tab)
        (LEAD, 5),
    ],
)
def test_repeats_are_furniture(extra: str, at: int) -> None:
    paragraphs = [*BODY[:at], extra, *BODY[at:]]
    assert _furniture(paragraphs) == [extra]
    assert extra not in clean_text("\n\n".join(paragraphs), find_title=False).text.split("\n\n")[at : at + 1]


@pytest.mark.parametrize(
    "paragraphs",
    [
        BODY,
        # a quotation printed once, in a paragraph of its own, is article text
        [*BODY[:2], "“The harbour was never ours to sell.”", *BODY[2:]],
        # a quoted heading whose words the article does not print
        [*BODY[:2], "‘A port for sale’", *BODY[2:]],
        # a line repeated further down that is not the lead (a recipe's recurring line)
        [
            "An intro line about the week of meals.",
            "Two.",
            "Three.",
            "Serve with rice, beans and a green salad.",
            "Serve with rice, beans and a green salad.",
        ],
        # repeated list items
        ["Intro.", "- Faster charging for the new phone model", "Middle.", "- Faster charging for the new phone model"],
    ],
)
def test_article_text_is_no_furniture(paragraphs: list[str]) -> None:
    assert _furniture(paragraphs) == []


@pytest.mark.parametrize("heading", ["Summary", "Key points:", "KEY TAKEAWAYS", "In brief"])
def test_summary_lists_are_furniture(heading: str) -> None:
    items = ["- The port is sold.", "- The opposition objects."]
    paragraphs = [*BODY, heading, *items]
    assert _furniture(paragraphs) == [heading, *items]


def test_a_summary_heading_without_a_list_stays() -> None:
    assert _furniture([*BODY, "Summary", "The report ends here."]) == []
    assert list_headings().match("Summary of the talks") is None


def test_echoed_dateline_is_furniture() -> None:
    paragraphs = ["VALMORA", "VALMORA (Ledger) - The port authority agreed on Monday to sell the harbour.", *BODY[1:]]
    assert _furniture(paragraphs) == ["VALMORA"]


@pytest.mark.parametrize(
    ("text", "title", "kept_first"),
    [
        # a section label and the printed headline above the article, the metadata title shorter
        ("PORT CRISIS\n\nValmora sells northern harbour to a shipping group\n\n" + LEAD, "Valmora sells harbour", LEAD),
        ("Valmora sells its northern harbour\n\n" + LEAD, "Valmora sells its northern harbour", LEAD),
        # a first line that only shares words with the title is text
        ("Valmora sells the harbour, and the mayor resigns.\n\n" + LEAD, "Valmora sells harbour", "Valmora sells"),
    ],
)
def test_printed_title_is_dropped(text: str, title: str, kept_first: str) -> None:
    assert clean_text(text, find_title=False, title=title).text.startswith(kept_first)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<div><span class="dc">T</span><p><a href="/t">urkey</a>, Poland and Spain</p></div>',
            '<div><p><a href="/t">Turkey</a>, Poland and Spain</p></div>',
        ),
        ('<span class="dc">O</span> <p>fficials said</p>', " <p>Officials said</p>"),
        # a one-letter element before a paragraph that starts a word of its own is left alone
        ("<span>A</span><p>And more</p>", "<span>A</span><p>And more</p>"),
        ("<b>Q</b><p>What next?</p>", "<b>Q</b><p>What next?</p>"),
    ],
)
def test_drop_caps_are_joined(html: str, expected: str) -> None:
    assert join_drop_caps(html) == expected


ARTICLE = " ".join(
    [
        "The port authority of Valmora agreed on Monday to sell the northern harbour to a shipping group,",
        "ending months of talks over the city's debts and the future of its dock workers.",
    ]
    * 6
)


def _page(furniture: str) -> str:
    return (
        "<html><head><title>Harbour sold</title></head><body><article><h1>Harbour sold</h1>"
        f"<p>{ARTICLE}</p><p>{ARTICLE}</p>{furniture}<p>{ARTICLE}</p></article></body></html>"
    )


def _text_of(fragment: str) -> str:
    from eventwire.ingest.html import strip_tags

    return strip_tags(fragment)


MARKUP = load_markup_rules()


@pytest.mark.parametrize("rule", MARKUP, ids=lambda r: r.id)
def test_every_markup_rule_has_examples_both_ways(rule: MarkupRule) -> None:
    assert rule.remove and rule.keep and rule.what


@pytest.mark.parametrize(
    ("rule_id", "fragment"), [(r.id, f) for r in MARKUP for f in r.remove], ids=lambda x: str(x)[:30]
)
def test_markup_rule_prunes_its_examples(rule_id: str, fragment: str) -> None:
    pruned = _pruned(rule_id, fragment)
    assert any(_text_of(fragment)[:25] in p for p in pruned)
    assert not any(ARTICLE[:40] in p for p in pruned)
    assert ARTICLE[:60] in html_article(_page(fragment), id="p").text


def _pruned(rule_id: str, fragment: str) -> list[str]:
    from lxml import html as lxml_html

    tree = lxml_html.document_fromstring(_page(fragment))
    rule = next(r for r in MARKUP if r.id == rule_id)
    return [" ".join(e.text_content().split()) for e in tree.xpath(rule.xpath)]


@pytest.mark.parametrize(
    ("rule_id", "fragment"), [(r.id, f) for r in MARKUP for f in r.keep], ids=lambda x: str(x)[:30]
)
def test_markup_rule_keeps_article_text(rule_id: str, fragment: str) -> None:
    assert not any(_text_of(fragment)[:25] in p for p in _pruned(rule_id, fragment))
