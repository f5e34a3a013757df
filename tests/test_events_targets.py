"""Target choice, speaker accusations, background acts and confidence of the event coder."""

from __future__ import annotations

import pytest

from eventwire.events.confidence.calibration import choose_l2, cross_validate, reliability_table
from eventwire.events.confidence.confidence import FEATURES, L2_GRID, confidence, evidence, fit
from eventwire.model import Analysis, Event, EventSide
from eventwire.pipeline import Pipeline


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t")


def _events(analysis: Analysis, root: str) -> list[Event]:
    return [e for e in analysis.events if e.root == root and e.modality != "negated"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_country", "target_text"),
    [
        # an instrument object gives way to the actor it is sent to
        ("Norway sent medical teams to Chad.", "07", "TCD", "Chad"),
        # the actor of a purpose clause ("to help X")
        ("Japan donated 500 ventilators to help Kenya.", "07", "KEN", "Kenya"),
        # a targeting preposition
        ("Chile imposed sanctions against Peru.", "16", "PER", "Peru"),
        # the source's own capital stays the target of a domestic act
        ("Spanish workers blockaded Madrid.", "19", "ESP", "Madrid"),
        # an object behind a particle ("up to")
        ("Rebels in Mali kidnapped up to 12 Finnish engineers.", "18", "FIN", "up to 12 Finnish engineers"),
        # "accused X of Y": the target is X without the charge
        ("Poland accused Belarus of fuelling the crisis.", "11", "BLR", "Belarus"),
        # a statement about something: its "about" phrase
        ("Argentina expressed doubts about the Brazilian proposal.", "01", "BRA", "the Brazilian proposal"),
        # the place of an attack on a thing gives that thing its country
        ("Guerrillas attacked a military base in northern Mozambique.", "19", "MOZ", "a military base"),
    ],
)
def test_target_choice(pipeline: Pipeline, text: str, root: str, target_country: str, target_text: str) -> None:
    events = _events(_code(pipeline, text), root)
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    tgt = events[0].target
    assert tgt is not None and tgt.country == target_country
    assert tgt.text is not None and tgt.text.startswith(target_text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # troops sent through an infinitive: the place they are sent to
        ("Canada offered to send troops to Mali.", "03", "Mali"),
        # personnel withdrawn: the place they leave
        ("Kenya withdrew peacekeepers from Somalia.", "16", "Somalia"),
        # a content word owned by an actor stays the target
        ("Chile rejected Peru's proposal for talks.", "12", "Peru's proposal"),
        # a thing whose country is only hinted by its phrase gives way to the actor in it
        ("Ghana pledged support for the Nigerian government.", "05", "the Nigerian government"),
        # only things in the syntax: a wider search through coordinated objects
        ("Norway sent 40 trucks and a team of engineers to Nepal.", "07", "Nepal"),
        # an international force the troops join is passed through to its place
        ("Ireland is sending soldiers to the UN peacekeeping force in Lebanon.", "07", "Lebanon"),
        # troops of a country are no force to pass through
        ("The US defended the right of Russian troops to fire on militants in Georgia.", "05", "Russian troops"),
        # the source's own instrument ("its warships") gives way to a named place with no country
        ("Britain agreed to withdraw its warships from the Black Sea.", "03", "the Black Sea"),
        # a thing's author in a long participle phrase ("an appeal lodged by X") is the target
        (
            "The court rejected an appeal lodged by the Kenyan opposition party"
            " of the former prime minister Raila Odinga.",
            "12",
            "the Kenyan opposition party of the former prime minister Raila Odinga",
        ),
        # no target in the syntax at all: the actor in the object's phrase
        ("Qatar lifted the trade restrictions between it and Egypt.", "08", "Egypt"),
        # money with no recipient: the place its purpose clause names
        ("Norway gave 40 million kroner to improve rural schooling in Malawi.", "07", "Malawi"),
        # a charge's author after a comma, or before the clause the parser gave the charge
        ("Chile denied charges, by Peruvian officials, that it had shelled a village.", "01", "Peruvian officials"),
        ("Chile denied charges by Peruvian monks that it bombed a temple.", "01", "Peruvian monks"),
        # a relative clause after a comma adds to a bare noun, it does not define it
        ("Rebels attacked villagers, who had refused to feed them.", "18", "villagers"),
    ],
)
def test_instrument_gives_way_to_the_actor(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(_code(pipeline, text), root)
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # a name loses the aside that describes it
        ("Militants shelled Mosul, Iraq's second largest city.", "19", "Mosul"),
        # a title keeps the name that follows it
        (
            "Spain welcomed the Moroccan Foreign Minister, Nasser Bourita.",
            "04",  # welcoming a visiting minister hosts a visit
            "the Moroccan Foreign Minister, Nasser Bourita",
        ),
        # a bare noun keeps the clause that says who it is
        ("Turkey sent food to people who had fled the earthquake.", "07", "people who had fled the earthquake"),
        # a noun with modifiers does not
        ("Police arrested a Dutch journalist who had filmed the protest.", "17", "a Dutch journalist"),
        # "like" and "with" phrases stay in the target's phrase
        ("Washington urged allies like Japan to act.", "02", "allies like Japan"),
    ],
)
def test_target_phrase_extent(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    analysis = _code(pipeline, text)
    events = _events(analysis, root)
    assert events, [(e.cameo, e.pattern) for e in analysis.events]
    tgt = events[0].target
    assert tgt is not None and tgt.text == target_text
    assert tgt.start is not None and analysis.article.text[tgt.start : tgt.end] == tgt.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # a date before the trigger is no recipient: the "to" phrase the parser hung low is
        (
            "On June 3, 2015, Canada returned a bronze statue that was taken in 1990 from a museum in Ottawa"
            " to the Greek government.",
            "08",
            "the Greek government",
        ),
        # adverbial phrases of warrant, manner or occasion hold no target
        (
            "Brazil expressed condolences to the family of the late judge on behalf of the Brazilian people.",
            "01",
            "the family of the late judge",
        ),
        (
            "Jordan carried out air strikes against Islamic State militants with the approval of Iraq.",
            "19",
            "Islamic State militants",
        ),
        (
            "The rebels claimed responsibility for the bombing of the Yemeni embassy, in a statement to the press.",
            "01",
            "the bombing of the Yemeni embassy",
        ),
        # an object beside the pattern's own object word is a parser's slip, not a victim
        (
            "Kenya has carried out several air strikes against al-Shabab since March, the last of which a week ago.",
            "19",
            "al-Shabab",
        ),
    ],
)
def test_adjuncts_and_dates_are_no_targets(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(_code(pipeline, text), root)
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # a quantity's "of" phrase is the thing moved: its "to" phrase names the recipient
        (
            "Peru returned dozens of artifacts that were looted in 1990 to the Mexican embassy.",
            "08",
            "the Mexican embassy",
        ),
        ("Bolivia handed over 40 percent of its weapons stockpile to the United Nations.", "08", "the United Nations"),
        # the weapon set off is no target: the place it is set off near is
        (
            "A suicide bomber detonated his explosives-laden vehicle near a Somali army base.",
            "18",
            "a Somali army base",
        ),
        # the purpose of the object ("an initiative to end X"), or of the act in the complement
        ("Ghana announced a truce initiative to end the fighting in Togo.", "08", "Togo"),
        ("Japan is considering sending aid to help Nepal cope with the floods.", "01", "Nepal"),
        ("Canada has offered to send 500 troops to distribute food in Haiti.", "03", "Haiti"),
        # a thing's "for" phrase names the actor it concerns ("a request for X")
        (
            "Germany rejected a visa request for the Russian envoy because of his role in the war.",
            "12",
            "the Russian envoy",
        ),
        # a named recipient is kept over the one a purpose clause helps
        (
            "Chile shared evidence with its Peruvian counterparts to allow prosecutors in Bolivia to open a case.",
            "06",
            "its Peruvian counterparts",
        ),
    ],
)
def test_what_is_moved_gives_way_to_whom_it_serves(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(_code(pipeline, text), root)
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "target_text"),
    [
        # forces moved or withdrawn: the place they are moved in or from
        (
            "Guatemala is willing to withdraw its troops from a border zone near Belize.",
            "03",
            "Belize",
        ),
        # a named place beats the actor a purpose clause names
        ("Germany strengthened its forces in Lithuania to deter possible Russian aggression.", "15", "Lithuania"),
        # what names the instrument again is no target ("including", an apposition)
        ("Ghana announced the deployment of 300 troops, including 20 officers, to Mali.", "15", "Mali"),
        (
            "The Indian army launched a large military operation, Operation Thunder, against rebels in Manipur.",
            "19",
            "rebels in Manipur",
        ),
        # demands are no instrument moved somewhere: their author stays the target
        (
            "The government accepted the demands by students in the north of the country.",
            "08",
            "students in the north of the country",
        ),
    ],
)
def test_the_place_of_an_act_with_an_instrument(pipeline: Pipeline, text: str, root: str, target_text: str) -> None:
    events = _events(_code(pipeline, text), root)
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "role", "phrase"),
    [
        # a personal pronoun's side names the phrase of its antecedent
        ("Senator Jane Smith says she is pessimistic about the budget deal.", "source", "Senator Jane Smith"),
        ("Prime Minister Anna Berg met King Harald and thanked him for his support.", "target", "King Harald"),
    ],
)
def test_a_pronoun_side_names_its_antecedent(pipeline: Pipeline, text: str, role: str, phrase: str) -> None:
    analysis = _code(pipeline, text)
    sides = [getattr(e, role) for e in analysis.events]
    assert phrase in [s.text for s in sides if s is not None], [(e.cameo, e.source, e.target) for e in analysis.events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "target_text"),
    [
        # the recipient of an extradition is its target
        ("Spain extradited the former banker to Argentina on Friday.", "063", "Argentina"),
        # a post left: the body it belongs to
        ("The prime minister resigned as leader of the Labour Party.", "0831", "the Labour Party"),
        # "set free X", "let free X"
        ("Iran set free two British sailors on Monday.", "0841", "two British sailors"),
        ("Canada rolled back tariffs on Mexican steel.", "085", "Mexican steel"),
        # an amount "in aid" is the aid given; "emergency aid" is no state of emergency
        ("Japan announced 5 million dollars in emergency aid to Nepal.", "070", "Nepal"),
        ("Canada has earmarked 3 million dollars in aid to help Haiti cope with the storm.", "070", "Haiti"),
        ("Norway flew ten tons of medicine into Yemen.", "073", "Yemen"),
        # whom the thing is for, before the place the act is done at
        (
            "Kenya was seeking aid for flood victims in Turkana at a donor meeting in Nairobi.",
            "020",
            "flood victims in Turkana",
        ),
        ("Sweden has made available tents and blankets to help flood victims in Pakistan.", "070", "Pakistan"),
    ],
)
def test_transfer_and_release_lexicon(pipeline: Pipeline, text: str, cameo: str, target_text: str) -> None:
    events = [e for e in _code(pipeline, text).events if e.cameo == cameo]
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
def test_a_date_is_no_target(pipeline: Pipeline) -> None:
    """ "demanded on Thursday that X ...": the "that" clause's subject, not the date."""
    events = _events(_code(pipeline, "Egypt on Thursday demanded that Sudan halt the dam project."), "10")
    assert events and events[0].target is not None and events[0].target.country == "SDN"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Germany said Russian troops attacked Ukrainian villages.",
        "Officials said Russian troops attacked Ukrainian villages.",
    ],
)
def test_reporting_frame_codes_the_statement_and_the_act(pipeline: Pipeline, text: str) -> None:
    """ "X said Y attacked Z": X accuses Y (when X is an actor), and the attack is coded as reported."""
    a = _code(pipeline, text)
    assert [e.modality for e in _events(a, "19")] == ["reported"]
    if text.startswith("Germany"):
        assert [e.source.country for e in _events(a, "11") if e.source is not None] == ["DEU"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A journalist who was detained last year wrote a book about the war.",
        "The mayor, a former rebel jailed in 2010, opened the new bridge.",
    ],
)
def test_agentless_background_acts_are_not_coded(pipeline: Pipeline, text: str) -> None:
    assert not _events(_code(pipeline, text), "17")


@pytest.mark.slow
def test_one_event_per_dyad_for_a_named_group(pipeline: Pipeline) -> None:
    """An apposition split by the parser does not give country-less duplicates."""
    a = _code(pipeline, "The Somali militant group al-Shabab claimed responsibility for the attack.")
    assert all(e.source is not None and e.source.country for e in a.events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "dyads"),
    [
        # coordinated country modifiers: one event per country
        ("US and British activists staged a protest in Beijing.", "14", {("USA", "CHN"), ("GBR", "CHN")}),
        # a passive attack without agent: the place it was launched from is no agent
        ("A rocket was fired at Israel from the Gaza Strip.", "19", {(None, "ISR")}),
        # a conditional threat is aimed at whoever must meet the condition, not at a thing
        ("Russia threatened to quit the talks if the United States deploys new missiles.", "13", {("RUS", "USA")}),
    ],
)
def test_dyads(pipeline: Pipeline, text: str, root: str, dyads: set[tuple[str, str]]) -> None:
    got = {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in _events(_code(pipeline, text), root)
    }
    assert got == dyads


def _side(country: str | None, actor: str | None = None, start: int = 0) -> EventSide:
    return EventSide(actor, "x", start, start + 1, country, None, country)


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        # a source with a country beats one without
        (dict(src=_side("USA", "A1")), dict(src=_side(None))),
        # a main-clause act beats one in a relative clause
        (dict(dep="ROOT"), dict(dep="relcl")),
        # a source next to its trigger beats one far away
        (dict(src=_side("USA", "A1", start=10)), dict(src=_side("USA", "A1", start=400))),
        # both sides named actors
        (dict(tgt=_side("IRQ", "A2")), dict(tgt=_side("IRQ"))),
        # a reported act beats a stated intention or an appeal
        (dict(cameo="190"), dict(cameo="036")),
        (dict(cameo="042"), dict(cameo="020")),
    ],
)
def test_confidence_follows_the_evidence(better: dict[str, object], worse: dict[str, object]) -> None:
    def conf(over: dict[str, object]) -> float:
        args: dict[str, object] = {
            "dep": "ROOT",
            "src": _side("USA", "A1"),
            "tgt": _side("IRQ", "A2"),
            "cameo": "190",
            **over,
        }
        feats = evidence(str(args["dep"]), 0, args["src"], args["tgt"], 0, False, str(args["cameo"]))  # type: ignore[arg-type]
        return confidence(feats, "asserted")

    assert conf(better) > conf(worse)


@pytest.mark.parametrize(("modality", "lower"), [("hypothetical", True), ("negated", True), ("reported", False)])
def test_confidence_modality(modality: str, lower: bool) -> None:
    feats = evidence("ROOT", 0, _side("USA", "A1"), _side("IRQ", "A2"), 1, False, "190")
    assert (confidence(feats, modality) < confidence(feats, "asserted")) == lower  # type: ignore[arg-type]


def test_fit_learns_a_separating_feature_and_cross_validates() -> None:
    good = {f: f == "src_country" for f in FEATURES}
    bad = {f: False for f in FEATURES}
    rows = [(good, True)] * 9 + [(good, False)] + [(bad, False)] * 9 + [(bad, True)]
    weights = fit(rows)
    assert weights["src_country"] > 1.0 and weights["bias"] < 0
    scored = cross_validate([[row] for row in rows])
    assert len(scored) == len(rows)
    assert choose_l2([[row] for row in rows]) in L2_GRID
    table = reliability_table(scored, (0.0, 0.5, 1.01))
    assert [b["precision"] for b in table] == sorted(b["precision"] for b in table)


@pytest.mark.parametrize(("pattern_id", "field", "word"), [("on_strike", "prep", "on"), ("call_on_prt", "prt", "on")])
def test_yaml_words_are_not_booleans(pattern_id: str, field: str, word: str) -> None:
    """A bare on/off in the lexicon would be read as a boolean and never match."""
    from eventwire.events.lexicon.lexicon import load_patterns

    pattern = next(p for p in load_patterns() if p.id == pattern_id)
    assert word in getattr(pattern, field)


@pytest.mark.slow
def test_a_coordinated_passive_takes_its_own_agent(pipeline: Pipeline) -> None:
    """ "X were arrested ... and were freed by Y": Y frees X; the shared subject is no agent."""
    a = _code(pipeline, "The journalists were arrested in March and were freed by the Egyptian government on Sunday.")
    freed = [e for e in a.events if e.cameo.startswith("084")]
    assert freed and freed[0].source is not None and freed[0].source.text == "the Egyptian government"
    assert freed[0].target is not None and freed[0].target.text == "The journalists"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The government declared an emergency meeting with unions.", False),
        ("Japan announced 5 million dollars in emergency aid to Nepal.", False),
        ("Bolivian authorities declared a state of siege in Pando.", True),
    ],
)
def test_emergency_modifying_another_noun_is_no_state_of_emergency(pipeline: Pipeline, text: str, coded: bool) -> None:
    assert any(e.cameo == "1724" for e in _code(pipeline, text).events) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "target_text"),
    [
        # whom a control verb addresses through "on", not the object of the act it asks for
        (
            "Ghana said it would call on the Security Council to restore all sanctions on Togo.",
            "100",
            "the Security Council",
        ),
        # "called for X to do": X; a date after "called" is no "call on"
        ("Chile called on Friday for Peru to withdraw its ambassador.", "0256", "Peru"),
        # a phone call whose purpose clause has its own prepositions
        ("The president called Chancellor Karl Weber to apologize for the incident.", "041", "Chancellor Karl Weber"),
    ],
)
def test_the_addressee_of_a_call(pipeline: Pipeline, text: str, cameo: str, target_text: str) -> None:
    events = [e for e in _code(pipeline, text).events if e.cameo == cameo]
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "target_text"),
    [
        # repression with an instrument meets the protesters of its temporal clause
        ("Police fired tear gas as protesters marched on the parliament in Nairobi.", "175", "protesters"),
        (
            "Kenyan police used water cannon while hundreds of demonstrators gathered outside the university.",
            "175",
            "hundreds of demonstrators",
        ),
    ],
)
def test_repression_meets_the_protesters_of_its_clause(
    pipeline: Pipeline, text: str, cameo: str, target_text: str
) -> None:
    events = [e for e in _code(pipeline, text).events if e.cameo == cameo]
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    assert events[0].target is not None and events[0].target.text == target_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # the patient of what is called for is not asked: the courts that would afford it are
        ("Canada called for Smith and Jones to be afforded due process in the Chinese courts.", "Smith", "CHN"),
        ("Canada called for the two detained Canadians to be released by China.", "Canadians", "CHN"),
    ],
)
def test_the_patient_of_a_wanted_act_is_no_addressee(pipeline: Pipeline, text: str, absent: str, present: str) -> None:
    events = _events(_code(pipeline, text), "02")
    assert events
    assert not any(e.target is not None and absent in (e.target.text or "") for e in events)
    assert any(e.target is not None and e.target.country == present for e in events)
