"""The quotes stage on sentences written for these tests, one per pattern."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.model import Actor, Analysis, Article, Quote, Span
from eventwire.quotes import QuoteFinder
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import find_segments


def _code(nlp: Language, text: str, actors: tuple[Actor, ...] = ()) -> tuple[Quote, ...]:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t", text=text), actors=actors)
    return QuoteFinder()(doc, analysis).quotes


def _find(quotes: tuple[Quote, ...], starts: str) -> Quote:
    hits = [q for q in quotes if q.span.text.startswith(starts)]
    assert hits, f"no quote starting {starts!r} in {[q.span.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "the port is closed" today.', ["the port is closed"]),
        ("“We will not yield,” she said.", ["We will not yield,"]),
        ("''It is over,'' the mayor said.", ["It is over,"]),
        ("Her answer: ‘No Deal’ was the headline.", ["No Deal"]),
        ("“Outer “inner” words here,” he said.", ["Outer “inner” words here,"]),
        ("“First part of it\nsecond line” ok", ["First part of it"]),
    ],
)
def test_find_segments(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_segments(text)] == expected


def test_lexicon_entries_are_well_formed() -> None:
    lex = load_lexicon()
    assert lex.verb("say") is not None and lex.verb("say").indirect  # type: ignore[union-attr]
    assert lex.verb("describe") is not None and not lex.verb("describe").indirect  # type: ignore[union-attr]
    assert ("according", "to") in lex.source_after
    assert {"statement", "letter"} <= lex.document_heads
    assert {"officials", "source"} <= lex.anonymous_heads
    assert all(v.cls in ("speech", "belief", "writing", "evidence") for v in lex.verbs.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "starts", "speaker", "kind", "cue"),
    [
        # direct, cue after
        (
            "“The border will stay open for trade,” Minister Lena Farrow said on Tuesday.",
            "The border will stay open",
            "Minister Lena Farrow",
            "direct",
            "said",
        ),
        # direct, cue before with a colon
        (
            "Senator Paul Okafor told reporters: “We have the votes to pass the budget.”",
            "We have the votes",
            "Senator Paul Okafor",
            "direct",
            "told",
        ),
        # inverted cue
        (
            "“Nobody expected the strike to last this long,” said union leader Maria Lund.",
            "Nobody expected the strike",
            "union leader Maria Lund",
            "direct",
            "said",
        ),
        # pronoun speaker, interrupted quote
        (
            "This was, she said, because “the committee never met to discuss the plan at all.”",
            "the committee never met",
            "she",
            "direct",
            "said",
        ),
        # partial quote
        (
            "General Tom Reyes denied the report, describing the memo as “a draft” and nothing more.",
            "a draft",
            "General Tom Reyes",
            "partial",
            "describing",
        ),
    ],
)
def test_direct_quotes(nlp: Language, text: str, starts: str, speaker: str, kind: str, cue: str) -> None:
    q = _find(_code(nlp, text), starts)
    assert q.kind == kind
    assert q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue
    assert text[q.span.start : q.span.end] == q.span.text


@pytest.mark.slow
def test_adjacent_and_continued_quotes_keep_the_speaker(nlp: Language) -> None:
    text = (
        "“We are ready to talk,” Foreign Minister Ana Silva said. “Our door is open. We have said so "
        "many times and we will say it again.\n\n“The talks can start next week if they agree to the "
        "terms we set out.”"
    )
    quotes = _code(nlp, text)
    for starts in ("We are ready", "Our door is open", "The talks can start"):
        assert _find(quotes, starts).speaker.text == "Foreign Minister Ana Silva"


@pytest.mark.slow
def test_colon_in_previous_paragraph(nlp: Language) -> None:
    text = "The governor, Jo Park, wrote in a message:\n\n“We will rebuild every school that was lost.”"
    q = _find(_code(nlp, text), "We will rebuild")
    assert q.speaker.text == "The governor, Jo Park"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "starts", "speaker", "kind"),
    [
        (
            "The president said that the ceasefire would hold through the winter.",
            "the ceasefire would hold",
            "The president",
            "indirect",
        ),
        (
            "Mayor Ellen Cho said the bridge had been closed for repairs.",
            "the bridge had been closed",
            "Mayor Ellen Cho",
            "indirect",
        ),
        ("The talks have collapsed, the envoy said.", "The talks have collapsed", "the envoy", "indirect"),
        (
            "The minister told parliament the army would withdraw by March.",
            "the army would withdraw",
            "The minister",
            "indirect",
        ),
        (
            "According to the interior ministry, twelve people were arrested overnight.",
            "twelve people were arrested",
            "the interior ministry",
            "indirect",
        ),
        (
            "The spokesman denied that the convoy had crossed the border.",
            "the convoy had crossed",
            "The spokesman",
            "indirect",
        ),
        (
            'The senator said the deal was "a disaster for farmers" and would fail.',
            "the deal was",
            "The senator",
            "mixed",
        ),
    ],
)
def test_indirect_speech(nlp: Language, text: str, starts: str, speaker: str, kind: str) -> None:
    q = _find(_code(nlp, text), starts)
    assert q.kind == kind
    assert q.speaker.text == speaker


@pytest.mark.slow
def test_indirect_content_stops_at_a_participle_cue(nlp: Language) -> None:
    text = "The minister indicated that the troops would stay, saying that the mission would go on."
    q = _find(_code(nlp, text), "the troops would stay")
    assert "saying" not in q.span.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "starts", "kind"),
    [
        ("“Supplies will arrive within days,” the statement said.", "Supplies will arrive", "document"),
        (
            "A leaked letter from the army chief said it was “preparing to move units south.”",
            "preparing to move",
            "document",
        ),
        ("“The talks are stuck,” officials said.", "The talks are stuck", "anonymous"),
        ("“No decision has been made yet,” a source said.", "No decision has been made", "anonymous"),
    ],
)
def test_speaker_kinds(nlp: Language, text: str, starts: str, kind: str) -> None:
    assert _find(_code(nlp, text), starts).speaker.kind == kind


@pytest.mark.slow
def test_document_speaker_takes_its_author_actor(nlp: Language) -> None:
    text = "A leaked letter from the army chief said it was “preparing to move units south.”"
    start = text.index("the army chief")
    chief = Actor("A1", "army chief", "XYZ", "MIL", "XYZMIL", "person", (Span(start, start + 14, "the army chief"),))
    q = _find(_code(nlp, text, (chief,)), "preparing to move")
    assert q.speaker.kind == "document"
    assert q.speaker.actor == "A1"


@pytest.mark.slow
def test_pronoun_falls_back_on_the_previous_speaker_actor(nlp: Language) -> None:
    text = "Prime Minister Omar Haddad met the envoy on Monday.\n\n“We want calm,” he said."
    start = text.index("Prime Minister Omar Haddad")
    pm = Actor(
        "A1", "Omar Haddad", "XYZ", "GOV", "XYZGOV", "person", (Span(start, start + 26, "Prime Minister Omar Haddad"),)
    )
    q = _find(_code(nlp, text, (pm,)), "We want calm")
    assert q.speaker.text == "he"
    assert q.speaker.actor == "A1"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The film “Northern Lights” opened in cinemas on Friday.",
        "The so-called “peace plan” was never published by anyone.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(nlp: Language, text: str) -> None:
    quotes = _code(nlp, text)
    assert not [q for q in quotes if q.kind in ("direct", "partial")]


@pytest.mark.slow
def test_transcript_turns_and_dash_names(nlp: Language) -> None:
    text = '"HOST: Will you run again next year?\n\n“Our schools need more teachers and better pay.” ― Rosa Delgado\n'
    quotes = _code(nlp, text)
    assert _find(quotes, "HOST: Will you").speaker.text == "HOST"
    assert _find(quotes, "Our schools need").speaker.text == "Rosa Delgado"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        ("The governor urged residents to leave the coast before the storm.", "residents to leave", "The governor"),
        ("Opposition leaders criticized the new election law on Monday.", "the new election law", "Opposition leaders"),
        ("The union called for a general strike next week.", "a general strike", "The union"),
    ],
)
def test_object_attributions(nlp: Language, text: str, starts: str, speaker: str) -> None:
    q = _find(_code(nlp, text), starts)
    assert q.kind == "indirect"
    assert q.speaker.text == speaker


@pytest.mark.slow
def test_headline_claim(nlp: Language) -> None:
    text = "Harlow: The Budget Will Pass by Friday\n\nThe senator spoke to reporters on Monday.\n"
    q = _find(_code(nlp, text), "The Budget Will Pass")
    assert q.kind == "indirect"
    assert q.speaker.text == "Harlow"
    assert q.cue is not None and q.cue.text == ":"


@pytest.mark.slow
def test_single_quoted_word_without_cue_is_not_a_quote(nlp: Language) -> None:
    text = "Voters pushed the button for “R” or for the other letter in the booth."
    assert not [q for q in _code(nlp, text) if q.kind == "direct"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # the attribution ends the sentence before the quotation
        (
            "Talks may resume in spring, Ambassador Lee Tan said. “We are not in a hurry to return to them.”",
            "We are not in a hurry",
            "Ambassador Lee Tan",
        ),
        # "as X put it"
        (
            "As Governor Ruth Adler put it, the state is “not going to wait for Washington any longer.”",
            "not going to wait",
            "Governor Ruth Adler",
        ),
        # a name after a dash, with a no-break space
        ("“We need clean water in every village now.” ―\u00a0Amina Yusuf", "We need clean water", "Amina Yusuf"),
        # the subject of a sentence ending with a colon
        (
            "Party chairman Olu Bello was blunt:\n\n“This is the worst result we have had in decades.”",
            "This is the worst result",
            "Party chairman Olu Bello",
        ),
    ],
)
def test_more_attribution_routes(nlp: Language, text: str, starts: str, speaker: str) -> None:
    assert _find(_code(nlp, text), starts).speaker.text == speaker


@pytest.mark.slow
def test_clause_cue_wins_over_an_object_cue(nlp: Language) -> None:
    text = "The senator said she wanted to speak “directly to the farmers who lost their crops.”"
    q = _find(_code(nlp, text), "directly to the farmers")
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "This new funding will support local clinics to hire more nurses.",
        "Coalition Members: 83 members, 78 nations, 5 institutions\n\nThe meeting ended at noon.",
    ],
)
def test_things_and_lists_attribute_nothing(nlp: Language, text: str) -> None:
    assert _code(nlp, text) == ()


@pytest.mark.slow
def test_pronoun_without_actor_is_explained_in_notes(nlp: Language) -> None:
    text = "Mayor Carla Diaz said the budget was ready.\n\nThis was, she said, “the best we could do this year.”"
    doc = nlp(text)
    analysis = QuoteFinder()(doc, Analysis(article=Article(id="t", text=text)))
    q = _find(analysis.quotes, "the best we could do")
    assert q.speaker.text == "she" and q.speaker.actor is None
    assert any("Carla Diaz" in line for stage, line in analysis.notes if stage == "quotes")


def _actor(aid: str, name: str, kind: str, text: str, surface: str) -> Actor:
    start = text.index(surface)
    return Actor(aid, name, None, None, None, kind, (Span(start, start + len(surface), surface),))  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("“Costs will rise again,” said Jane Roe, a lawyer for the Civil Rights Union.", "Jane Roe"),
        ("“Costs will rise again,” said Jane Roe of the Civil Rights Union.", "Jane Roe"),
        ("Jane Roe, a fellow at the Civil Rights Union, said: “Costs will rise again.”", "Jane Roe"),
    ],
)
def test_speaker_is_the_person_the_phrase_heads_not_her_body(nlp: Language, text: str, who: str) -> None:
    actors = (
        _actor("A1", "Jane Roe", "person", text, "Jane Roe"),
        _actor("A2", "Civil Rights Union", "organization", text, "Civil Rights Union"),
    )
    q = _find(_code(nlp, text, actors), "Costs will rise")
    assert q.speaker.actor == "A1"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "The Defence Council said in a statement that the strikes had hit farms.\n\n"
            "“These attacks killed innocent farmers,” the statement said.",
            "The Defence Council",
        ),
        (
            "The Defence Council issued a statement on Monday.\n\n“We will respond,” the statement said.",
            "The Defence Council",
        ),
        (
            "Tirana closed the border, the Defence Council said.\n\nIn a statement, it said the talks had failed.\n\n"
            "“This is a clear violation,” the statement said.",
            "the Defence Council",
        ),
        (
            "A statement from the Defence Council was read out. “We will respond,” the statement said.",
            "the Defence Council",
        ),
    ],
)
def test_document_speaker_goes_to_its_issuer(nlp: Language, text: str, issuer: str) -> None:
    council = _actor("A1", "Defence Council", "organization", text, issuer)
    starts = text[text.index("“") + 1 :][:6]
    q = _find(_code(nlp, text, (council,)), starts)
    assert q.speaker.kind == "document"
    assert q.speaker.actor == "A1"


@pytest.mark.slow
def test_document_without_issuer_has_no_actor(nlp: Language) -> None:
    text = "Farmers gathered at dawn.\n\n“We will respond,” the statement said."
    farmers = _actor("A1", "farmers", "group", text, "Farmers")
    q = _find(_code(nlp, text, (farmers,)), "We will respond")
    assert q.speaker.actor is None


@pytest.mark.slow
def test_quote_after_a_paragraph_introducing_a_person_is_hers(nlp: Language) -> None:
    text = (
        "Nomvula Dube, the finance member of the provincial council, wants the corridor extended north.\n\n"
        "“Bringing in our neighbours is important for the whole region.”"
    )
    dube = _actor("A1", "Nomvula Dube", "person", text, "Nomvula Dube")
    q = _find(_code(nlp, text, (dube,)), "Bringing in")
    assert q.speaker.actor == "A1"


@pytest.mark.slow
def test_quote_after_a_paragraph_about_a_body_gets_no_speaker_from_it(nlp: Language) -> None:
    text = (
        "The provincial council met on Monday about the corridor.\n\n"
        "“Bringing in our neighbours is important for the whole region.”"
    )
    council = _actor("A1", "provincial council", "group", text, "The provincial council")
    quotes = _code(nlp, text, (council,))
    assert all(q.speaker.actor != "A1" for q in quotes)


@pytest.mark.slow
def test_it_speaker_is_the_body_governing_its_clause(nlp: Language) -> None:
    text = 'The Regional Council pledged new curbs against what it called "a clear threat to the whole coast."'
    council = _actor("A1", "Regional Council", "organization", text, "The Regional Council")
    q = _find(_code(nlp, text, (council,)), "a clear threat")
    assert q.speaker.text == "it" and q.speaker.actor == "A1"


@pytest.mark.slow
def test_a_document_that_speaks_in_its_own_sentence_has_its_issuer(nlp: Language) -> None:
    text = 'Later, the Regional Council issued a statement calling the test "a clear violation of the accord."'
    council = _actor("A1", "Regional Council", "organization", text, "the Regional Council")
    q = _find(_code(nlp, text, (council,)), "a clear violation")
    assert q.speaker.actor == "A1"
