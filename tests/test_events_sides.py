"""Which actor each side of an event names: pronouns told in the sentence before, "both countries",
the actor behind a thing (its phrases, its author, the act told before), coordinated addressees."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.lexicon.lexicon import Pattern
from eventwire.events.sides.arguments import Match, arguments, is_experiencer
from eventwire.events.sides.sides import is_pair_phrase, is_territory
from eventwire.model import Event, EventSide
from eventwire.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return [e for e in pipeline.code_text(text, id="t").events if e.modality != "negated"]


def _country(side: EventSide | None) -> str | None:
    return side.country if side is not None else None


def _dyads(pipeline: Pipeline, text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {(_country(e.source), _country(e.target)) for e in _events(pipeline, text) if e.root == root}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "paired"),
    [
        ("Both countries signed the deal.", "countries", True),
        ("The two sides met in Geneva.", "sides", True),
        ("Both nations agreed.", "nations", True),
        ("Several countries signed the deal.", "countries", False),
        ("Both officials signed the deal.", "officials", False),
        ("The two countries' leaders met.", "leaders", False),
    ],
)
def test_pair_phrases(nlp: Language, text: str, word: str, paired: bool) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert is_pair_phrase(tok) is paired


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "dyads"),
    [
        # "they" opening a sentence: the plural subject of the sentence before
        (
            "Officials in the Peruvian government said they were surprised. But they have repeatedly "
            "reaffirmed the strong alliance with Chile.",
            "05",
            {("PER", "CHL")},
        ),
        # the sentence before has a singular subject: "they" stays unresolved, no event
        ("The Peruvian government was surprised. They reaffirmed the strong alliance with Chile.", "05", set()),
        # "both countries", "the two countries": the last two states named
        (
            "Kenya and Uganda held a summit in Nairobi. The two countries signed a new trade agreement on Monday.",
            "05",
            {("KEN", "UGA"), ("UGA", "KEN")},
        ),
        (
            "Ethiopia and Eritrea traded accusations on Monday. The UN chief called for restraint from both countries.",
            "02",
            {(None, "ETH"), (None, "ERI")},
        ),
        # only one state named before: "both countries" names none
        (
            "Ethiopia has a new constitution. The UN chief called for restraint from both countries.",
            "02",
            {(None, None)},
        ),
        # the actor in a thing's phrases, a thing or two deep
        (
            "Peruvian police are investigating claims of fraud and bribery against the Chilean ambassador.",
            "09",
            {("PER", "CHL")},
        ),
        # a tie of the source's own country: its partner
        (
            "Canadian officials reaffirmed the strong nature of the Canadian alliance with Japan.",
            "05",
            {("CAN", "JPN")},
        ),
        # the owners of a thing, coordinated ("the actions of X and Y")
        (
            "The Kenyan police chief condemned the actions of paid agitators and Kenyan protesters.",
            "11",
            {("KEN", "KEN")},
        ),
        # "the decision": the act the sentence before told, coded as its main subject
        (
            "The Kenyan government banned the import of maize on Monday. Farmers condemned the decision.",
            "11",
            {("KEN", "KEN")},
        ),
        # an object "it" for an act named before: who acted on it
        (
            "The Peruvian president lifted the emergency decree after lawmakers voted to reject it.",
            "12",
            {("PER", "PER")},
        ),
        # a name nearer than any act: "it" is not the act (and a coercion aimed at no one named is dropped)
        ("Washington wants to isolate Iran politically to force it to compromise.", "17", set()),
        # coordinated addressees of a control verb
        ("Britain urged India and Pakistan to show restraint.", "02", {("GBR", "IND"), ("GBR", "PAK")}),
        ("China called on Russia and Ukraine to hold talks.", "02", {("CHN", "RUS"), ("CHN", "UKR")}),
        # a refusal to allow: whom the permission was for
        ("Israeli authorities are refusing to allow Palestinian patients to leave Gaza.", "12", {("ISR", "PSE")}),
        # a material act on a thing of the source's own: another actor inside it ...
        (
            "About 200 Islamic State fighters surrendered from the group's last stronghold in Syria.",
            "08",
            {(None, "SYR")},
        ),
        # ... but not one inside a clause of it
        ("Egypt freed the Egyptian activist, who had been held in a prison in Cairo.", "08", {("EGY", "EGY")}),
    ],
)
def test_sides(pipeline: Pipeline, text: str, root: str, dyads: set[tuple[str | None, str | None]]) -> None:
    assert _dyads(pipeline, text, root) == dyads


@pytest.mark.slow
def test_a_decision_keeps_its_words(pipeline: Pipeline) -> None:
    """The thing stays the side's text; the actor behind it gives the codes."""
    text = "The Kenyan government banned the import of maize on Monday. Farmers condemned the decision."
    ev = next(e for e in _events(pipeline, text) if e.root == "11")
    assert ev.target is not None and (ev.target.text, ev.target.sector) == ("the decision", "GOV")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The state government conceded to demands from the Kenyan teachers' union.", "demands from"),
        ("Indian authorities imposed a curfew in parts of Kashmir.", "parts of Kashmir"),  # a named place
    ],
)
def test_thing_targets(pipeline: Pipeline, text: str, phrase: str) -> None:
    targets = [e.target.text for e in _events(pipeline, text) if e.target is not None and e.target.text]
    assert any(t.startswith(phrase) for t in targets)


@pytest.mark.slow
def test_a_relative_pronoun_takes_its_antecedents_sector(pipeline: Pipeline) -> None:
    text = "The United States, which sent millions of dollars in aid to Jordan last week, will be caught in the middle."
    ev = next(e for e in _events(pipeline, text) if e.root == "07")
    assert ev.source is not None and (ev.source.country, ev.source.sector) == ("USA", "GOV")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "sources", "targets"),
    [
        # a passive feeling: the one who feels it reacts to its cause
        ("The Danish minister was dismayed by the allegations.", "dismayed", ["minister"], ["allegations"]),
        ("Local leaders were angered at the closure of the border.", "angered", ["leaders"], ["closure"]),
        # a verb of the same words that urges ("encouraged by X to talk") keeps its passive
        ("The rebels were encouraged by Norway to return to the talks.", "encouraged", ["Norway"], None),
    ],
)
def test_experiencer_passives(
    nlp: Language, text: str, word: str, sources: list[str], targets: list[str] | None
) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    pattern = Pattern(id="x", lemma=tok.lemma_, pos="v", code="111")
    srcs, tgts, _ = arguments(Match(tok, pattern, 0))
    assert [t.text for t in srcs] == sources
    assert targets is None or [t.text for t in tgts] == targets


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "feeling"),
    [
        ("The minister was appalled by the report.", "appalled", True),
        ("The rebels were encouraged by Norway to return.", "encouraged", False),
        ("The minister was arrested by police.", "arrested", False),
    ],
)
def test_experiencer_verbs(nlp: Language, text: str, word: str, feeling: bool) -> None:
    assert is_experiencer(next(t for t in nlp(text) if t.text == word)) is feeling


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a pronoun the actor coder resolved names the phrase that named its actor before
        ("Israel rejected the questions on Monday. It criticized the Turkish court.", "Israel"),
        ("The Kenyan ministry issued a statement on Monday. It condemned the Somali attack.", "The Kenyan ministry"),
        # named last as a possessor: the phrase without its "'s"
        (
            "The Kenyan president's plane landed in Nairobi on Monday. He criticized the opposition.",
            "The Kenyan president",
        ),
    ],
)
def test_a_resolved_pronoun_names_its_antecedent(pipeline: Pipeline, text: str, source: str) -> None:
    ev = next(e for e in _events(pipeline, text) if e.root == "11")
    assert ev.source is not None and ev.source.text == source


@pytest.mark.slow
def test_a_bodys_head_word_gives_its_sector(pipeline: Pipeline) -> None:
    ev = _events(pipeline, "The Zambian Defence Force declined to comment on the report.")[0]
    assert ev.source is not None and (ev.source.country, ev.source.sector) == ("ZMB", "MIL")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Britain urged India and Pakistan to show restraint and engage in dialogue.",
        "The UN called on Ethiopia and Eritrea to halt the fighting and hold talks.",
    ],
)
def test_what_addressees_are_urged_to_do_is_no_act_of_theirs(pipeline: Pipeline, text: str) -> None:
    """Each addressee is a target of the appeal; the acts asked of them (each conjunct) are not theirs."""
    events = _events(pipeline, text)
    assert {e.root for e in events} == {"02"}
    assert len({_country(e.target) for e in events}) == 2


@pytest.mark.parametrize(
    ("name", "territory"),
    [("Gaza", True), ("the Gaza Strip", True), ("the West Bank", True), ("Palestine", False), ("Israel", False)],
)
def test_territory_names(name: str, territory: bool) -> None:
    assert is_territory(name) is territory


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        # a territory named as a side stands for the people there, not a government
        ("Egyptian forces shelled the Gaza Strip on Tuesday.", "19", ("PSE", "CVL")),
        ("Jordan let dozens of aid lorries into the West Bank on Monday.", "08", ("PSE", "CVL")),
        # the state itself acts through its government
        ("Egypt sharply criticised Palestine on Tuesday.", "11", ("PSE", "GOV")),
    ],
)
def test_a_territory_side_is_its_people(pipeline: Pipeline, text: str, root: str, target: tuple[str, str]) -> None:
    ev = next(e for e in _events(pipeline, text) if e.root == root)
    assert ev.target is not None and (ev.target.country, ev.target.sector) == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a body of no country keeps none: the country in its name is whom it serves
        ("Jordan banned the UN Relief and Works Agency for Palestine Refugees from its camps on Monday.", "16"),
        ("Egypt sharply criticised the UN Relief and Works Agency for Palestine Refugees on Monday.", "11"),
    ],
)
def test_a_stateless_body_takes_no_country_from_its_name(pipeline: Pipeline, text: str, root: str) -> None:
    ev = next(e for e in _events(pipeline, text) if e.root == root)
    assert ev.target is not None and (ev.target.country, ev.target.sector) == (None, "IGO")
