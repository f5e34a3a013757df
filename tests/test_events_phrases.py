"""Phrase bounds of event sides: on hand-built parses (the parser's slips each rule repairs) and on
whole sentences (the conventions of target and source phrases)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.events.sides.phrases import phrase_bounds, target_bounds
from eventwire.model import Analysis, Event, EventSide
from eventwire.pipeline import Pipeline

#: one token per row: word, part of speech, dependency, head (index), entity (IOB), space after
Row = tuple[str, str, str, int, str, bool]


def _doc(rows: list[Row]) -> Doc:
    words, pos, deps, heads, ents, spaces = (list(col) for col in zip(*rows, strict=True))
    tags = {"VERB": "VBD", "NOUN": "NN", "PROPN": "NNP", "PUNCT": ",", "ADP": "IN", "DET": "DT", "PART": "POS"}
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=[tags.get(p, "JJ") for p in pos],
        deps=deps,
        heads=heads,
        ents=ents,
        lemmas=[w.lower() for w in words],
    )


def _text(doc: Doc, bounds: tuple[int, int]) -> str:
    return doc.text[bounds[0] : bounds[1]]


#: "Chile granted asylum to Ana Ruiz in virtue of the danger", the "in" phrase hung on the name
ADJUNCT_ON_NAME: list[Row] = [
    ("Chile", "PROPN", "nsubj", 1, "B-GPE", True),
    ("granted", "VERB", "ROOT", 1, "O", True),
    ("asylum", "NOUN", "dobj", 1, "O", True),
    ("to", "ADP", "dative", 1, "O", True),
    ("Ana", "PROPN", "compound", 5, "B-PERSON", True),
    ("Ruiz", "PROPN", "pobj", 3, "I-PERSON", True),
    ("in", "ADP", "prep", 5, "O", True),
    ("virtue", "NOUN", "pobj", 6, "O", True),
    ("of", "ADP", "prep", 7, "O", True),
    ("the", "DET", "det", 10, "O", True),
    ("danger", "NOUN", "pobj", 8, "O", False),
]
#: "... to Ana Ruiz in Lima": a place phrase hung on a person's name
PLACE_ON_NAME: list[Row] = [*ADJUNCT_ON_NAME[:7], ("Lima", "PROPN", "pobj", 6, "B-GPE", False)]
#: "... to the embassy in Lima": a place phrase of a common noun stays
PLACE_ON_NOUN: list[Row] = [
    *ADJUNCT_ON_NAME[:4],
    ("the", "DET", "det", 5, "O", True),
    ("embassy", "NOUN", "pobj", 3, "O", True),
    ("in", "ADP", "prep", 5, "O", True),
    ("Lima", "PROPN", "pobj", 6, "B-GPE", False),
]
#: "... to the offices in May": a time is no part of the phrase
TIME_ON_NOUN: list[Row] = [*PLACE_ON_NOUN[:7], ("May", "PROPN", "pobj", 6, "B-DATE", False)]
#: "The EU called on Mali 's recognized government", the parser ending the object at "'s"
CUT_POSSESSIVE: list[Row] = [
    ("The", "DET", "det", 1, "O", True),
    ("EU", "PROPN", "nsubj", 2, "B-ORG", True),
    ("called", "VERB", "ROOT", 2, "O", True),
    ("on", "ADP", "prep", 2, "O", True),
    ("Mali", "PROPN", "pobj", 3, "B-GPE", True),
    ("'s", "PART", "case", 4, "O", True),
    ("recognized", "VERB", "amod", 7, "O", True),
    ("government", "NOUN", "dobj", 2, "O", False),
]
#: "Troops attacked fighters across the border", the place phrase hung on the verb
STRANDED_PLACE: list[Row] = [
    ("Troops", "NOUN", "nsubj", 1, "O", True),
    ("attacked", "VERB", "ROOT", 1, "O", True),
    ("fighters", "NOUN", "dobj", 1, "O", True),
    ("across", "ADP", "prep", 1, "O", True),
    ("the", "DET", "det", 5, "O", True),
    ("border", "NOUN", "pobj", 3, "O", False),
]
#: "... attacked Turkey across the border": a name keeps no place phrase of the verb's
STRANDED_ON_NAME: list[Row] = [*STRANDED_PLACE[:2], ("Turkey", "PROPN", "dobj", 1, "B-GPE", True), *STRANDED_PLACE[3:]]
#: "... attacked fighters across the years": no place, no attachment
STRANDED_TIME: list[Row] = [
    *STRANDED_PLACE[:4],
    ("the", "DET", "det", 5, "O", True),
    ("years", "NOUN", "pobj", 3, "B-DATE", False),
]
#: "Jets shelled a town and farms, the last area": the apposition the parser gave "town"
APPOSITION_PAST_CONJUNCT: list[Row] = [
    ("Jets", "NOUN", "nsubj", 1, "O", True),
    ("shelled", "VERB", "ROOT", 1, "O", True),
    ("a", "DET", "det", 3, "O", True),
    ("town", "NOUN", "dobj", 1, "O", True),
    ("and", "CCONJ", "cc", 3, "O", True),
    ("farms", "NOUN", "conj", 3, "O", False),
    (",", "PUNCT", "punct", 3, "O", True),
    ("the", "DET", "det", 9, "O", True),
    ("last", "ADJ", "amod", 9, "O", True),
    ("area", "NOUN", "appos", 3, "O", False),
]
#: "Police raided the Liberation Front (LF)": the closing bracket of the acronym stays
ACRONYM: list[Row] = [
    ("Police", "NOUN", "nsubj", 1, "O", True),
    ("raided", "VERB", "ROOT", 1, "O", True),
    ("the", "DET", "det", 4, "B-ORG", True),
    ("Liberation", "PROPN", "compound", 4, "I-ORG", True),
    ("Front", "PROPN", "dobj", 1, "I-ORG", True),
    ("(", "PUNCT", "punct", 4, "O", False),
    ("LF", "PROPN", "appos", 4, "B-ORG", False),
    (")", "PUNCT", "punct", 4, "O", False),
]

#: "Days later Ortega expelled ...": the measure of time the parser gave the name
TIME_BEFORE_NAME: list[Row] = [
    ("Days", "NOUN", "npadvmod", 1, "O", True),
    ("later", "ADJ", "amod", 2, "O", True),
    ("Ortega", "PROPN", "nsubj", 3, "B-PERSON", True),
    ("expelled", "VERB", "ROOT", 3, "O", False),
]


@pytest.mark.parametrize(
    ("rows", "head", "expected"),
    [
        (ADJUNCT_ON_NAME, 5, "Ana Ruiz"),
        (PLACE_ON_NAME, 5, "Ana Ruiz"),
        (PLACE_ON_NOUN, 5, "the embassy in Lima"),
        (TIME_ON_NOUN, 5, "the embassy"),
        (CUT_POSSESSIVE, 4, "Mali 's recognized government"),
        (STRANDED_PLACE, 2, "fighters across the border"),
        (STRANDED_ON_NAME, 2, "Turkey"),
        (STRANDED_TIME, 2, "fighters"),
        (APPOSITION_PAST_CONJUNCT, 3, "a town"),
        (ACRONYM, 4, "the Liberation Front (LF)"),
    ],
)
def test_target_bounds_on_parser_slips(rows: list[Row], head: int, expected: str) -> None:
    doc = _doc(rows)
    assert _text(doc, target_bounds(doc[head])) == expected


@pytest.mark.parametrize(
    ("rows", "head", "expected"),
    [
        (ADJUNCT_ON_NAME, 5, "Ana Ruiz"),
        (TIME_ON_NOUN, 5, "the embassy"),
        (APPOSITION_PAST_CONJUNCT, 3, "a town"),
        (ACRONYM, 4, "the Liberation Front (LF)"),
        (TIME_BEFORE_NAME, 2, "Ortega"),
    ],
)
def test_wide_phrase_bounds_on_parser_slips(rows: list[Row], head: int, expected: str) -> None:
    doc = _doc(rows)
    assert _text(doc, phrase_bounds(doc[head], wide=True)) == expected


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t")


def _first(analysis: Analysis, root: str) -> Event:
    events = [e for e in analysis.events if e.root == root]
    assert events, [(e.cameo, e.pattern) for e in analysis.events]
    return events[0]


def _spans(analysis: Analysis, side: EventSide | None) -> str:
    assert side is not None and side.text is not None and side.start is not None
    assert analysis.article.text[side.start : side.end] == side.text
    return side.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        # a title in apposition after a name stays
        ("Kenya expelled Juma, the minister of energy.", "17", "Juma, the minister of energy"),
        # so does a name's acronym
        ("The army attacked the Kachin Liberation Group (KLG).", "19", "the Kachin Liberation Group (KLG)"),
        # an "-ing" phrase after a noun of people
        ("Sweden sent food to civilians now living in tents.", "07", "civilians now living in tents"),
        # a participle phrase that says when reports an act, it does not say who
        ("Police released a farmer detained at the border since March.", "08", "a farmer"),
        # a participle phrase of up to twelve words
        (
            "Kenya expelled 14 nurses employed by the Danish Medical Relief Council for Displaced Persons (DMRC).",
            "17",
            "14 nurses employed by the Danish Medical Relief Council for Displaced Persons (DMRC)",
        ),
        # a counted noun inside the phrase keeps its defining clause
        (
            "Chile offered sympathy to the widows of three divers who drowned off the coast.",
            "01",
            "the widows of three divers who drowned off the coast",
        ),
        # a clause keeps its first predicate only
        (
            "A court freed three officials who worked in the old cabinet and face fraud charges.",
            "08",
            "three officials who worked in the old cabinet",
        ),
        # a plight the parser hung on the verb ("assist villagers in need")
        (
            "Canada sent aid to assist villagers in need of clean water in Malawi.",
            "07",
            "villagers in need of clean water in Malawi",
        ),
        # a time the parser hung on the verb stays the verb's
        ("Police arrested 40 migrants in May.", "17", "40 migrants"),
        # so does the venue of a meeting
        ("The Spanish foreign minister met his Italian counterpart in Rome.", "04", "his Italian counterpart"),
    ],
)
def test_target_phrase_conventions(pipeline: Pipeline, text: str, root: str, target: str) -> None:
    analysis = _code(pipeline, text)
    assert _spans(analysis, _first(analysis, root).target) == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "source"),
    [
        # a title keeps the body it is accredited to
        ("Kenya's envoy to the African Union condemned the attack.", "11", "Kenya's envoy to the African Union"),
        # an adjective after its noun keeps its complement
        ("Fighters loyal to the exiled general attacked the town.", "19", "Fighters loyal to the exiled general"),
        # a time adverbial ends the phrase
        ("French drone strikes this week near the river killed six fighters.", "19", "French drone strikes"),
        # a place loses its aside
        ("Portugal, a founding member of the alliance, condemned the coup.", "11", "Portugal"),
        # a noun keeps the organisation it serves
        (
            "A spokesman for the World Health Organization criticised the plan.",
            "11",
            "A spokesman for the World Health Organization",
        ),
        # a group named with its "-ing" phrase
        ("The coalition fighting the rebels bombed a market.", "19", "The coalition fighting the rebels"),
        # a pronoun's antecedent with its own place phrase
        ("Diplomats from Peru said they arrested the smugglers.", "17", "Diplomats from Peru"),
    ],
)
def test_source_phrase_conventions(pipeline: Pipeline, text: str, root: str, source: str) -> None:
    analysis = _code(pipeline, text)
    assert _spans(analysis, _first(analysis, root).source) == source
