"""The CAMEO event coder: code tables, the lexicon, and each pattern family and modality."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.events.coder import _reach, _select, best_match
from eventwire.events.lexicon.cameo import cameo_code, cameo_table, intent_code, is_code, refusal_code
from eventwire.events.lexicon.lexicon import NO_EVENT, Pattern, lexicon_entries, load_patterns, patterns_for
from eventwire.events.lexicon.triggers import doc_candidates
from eventwire.events.rules.modality import modality
from eventwire.model import Analysis, Event
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "penta", "plover"),
    [
        ("010", 0.0, 1, 0, None),
        ("0256", -0.3, 1, 0, "REQUEST"),
        ("042", 1.9, 1, 1, "CONSULT"),
        ("0312", 5.2, 1, 1, "AGREE"),
        ("073", 7.4, 2, 2, "AID"),
        ("087", 9.0, 2, 2, "RETREAT"),
        ("112", -2.0, 3, 3, "ACCUSE"),
        ("1246", -4.0, 3, 3, "REJECT"),
        ("141", -6.5, 3, 4, "PROTEST"),
        ("154", -7.2, 4, 4, "MOBILIZE"),
        ("166", -7.0, 4, 4, "SANCTION"),
        ("173", -5.0, 4, 4, "COERCE"),
        ("186", -10.0, 4, 4, "ASSAULT"),
        ("195", -10.0, 4, 4, "ASSAULT"),
    ],
)
def test_code_table(code: str, goldstein: float, quad: int, penta: int, plover: str | None) -> None:
    entry = cameo_code(code)
    assert (entry.goldstein, entry.quad, entry.penta, entry.plover) == (goldstein, quad, penta, plover)
    assert entry.root == code[:2]


def test_code_table_is_complete() -> None:
    table = cameo_table()
    assert len(table) > 300
    assert {c[:2] for c in table} == {f"{i:02d}" for i in range(1, 21)}
    assert all(0 <= e.penta <= 4 and 1 <= e.quad <= 4 for e in table.values())


@pytest.mark.parametrize("pattern", load_patterns(), ids=lambda p: f"{p.id}:{p.lemma}")
def test_every_pattern_names_a_valid_code(pattern: Pattern) -> None:
    assert pattern.code == NO_EVENT or is_code(pattern.code)
    assert pattern.lemma and pattern.id


def test_every_root_is_covered() -> None:
    roots = {p.code[:2] for p in load_patterns() if p.code != NO_EVENT}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_the_coders_trigger_table_agrees_with_best_match(pipeline: Pipeline) -> None:
    text = (
        "Rebels staged attacks on the capital and were hostile to talks. The minister said the army must "
        "withdraw, and police arrested protesters. Officials held talks, but the president refused to meet. "
        "The EU and the UN hand over urgently needed medical supplies to the Kenyan Government. The president "
        "called on Friday for talks with Iran. Peru returned dozens of artifacts that were looted in 1990 to Mexico."
    )
    doc = pipeline.nlp.parse(text)
    cands = doc_candidates(doc)
    for sent in doc.sents:
        reach = _reach(sent)
        for tok in sent:
            match = _select(tok, cands[tok.i], reach) if cands[tok.i] else None
            expected = best_match(tok)
            assert (match and (match.pattern, match.depth)) == (expected and (expected.pattern, expected.depth))
    assert any(cands)


def test_patterns_are_indexed_most_specific_first() -> None:
    pats = patterns_for("ask", "v")
    assert pats and pats[0].specificity >= pats[-1].specificity
    assert patterns_for("nonexistentverb", "v") == ()


@pytest.mark.parametrize(
    ("code", "intent", "refusal"),
    [("062", "0312", "1212"), ("087", "0356", "1246"), ("040", "036", "125"), ("190", None, None)],
)
def test_intent_and_refusal(code: str, intent: str | None, refusal: str | None) -> None:
    assert intent_code(code) == intent
    assert refusal_code(code) == refusal


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4))


def _find(analysis: Analysis, root: str) -> Event:
    events = [e for e in analysis.events if e.root == root]
    assert events, [(e.cameo, e.pattern, e.trigger.text) for e in analysis.events]
    return events[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # verbal: subject -> object / prepositional object
        (
            "Turkish troops attacked Kurdish fighters near the border on Monday.",
            "19",
            "Turkish troops",
            "Kurdish fighters near the border",  # the place phrase the parser hangs on the verb
        ),
        ("Germany condemned the decision by the Hungarian government.", "11", "Germany", "the Hungarian government"),
        ("Protesters demonstrated outside the French embassy in Madrid.", "14", "Protesters", None),
        (
            "The Kenyan police arrested twelve opposition activists.",
            "17",
            "The Kenyan police",
            "twelve opposition activists",
        ),
        ("Japan sent two warships to the Gulf of Aden.", "15", "Japan", None),
        # passive with agent
        ("The Ukrainian convoy was shelled by Russian artillery.", "19", "Russian artillery", "The Ukrainian convoy"),
        # control: "asked X to ..."
        ("Canada asked Mexico to release the detained sailors.", "02", "Canada", "Mexico"),
        # coordination: one event per dyad
        ("Brazil and Argentina signed a trade agreement.", "05", "Brazil", None),
        # nominal event
        ("The Israeli arrest of the Palestinian mayor drew criticism.", "17", "Israeli", "the Palestinian mayor"),
        # reporting frame: the reported event is coded
        ("Officials said Syrian forces bombed the rebel town.", "19", "Syrian forces", "the rebel town"),
        # a plain "defended X" is a verbal defence
        ("The Kenyan minister defended Uganda's election law.", "05", "The Kenyan minister", "Uganda's election law"),
    ],
)
def test_pattern_families(pipeline: Pipeline, text: str, root: str, source: str, target: str | None) -> None:
    ev = _find(_code(pipeline, text), root)
    assert ev.source is not None and ev.source.text == source
    if target is not None:
        assert ev.target is not None and ev.target.text == target
    assert ev.evidence.text.startswith(text.split()[0])
    assert ev.trigger.text in text
    assert 0.0 < ev.confidence <= 1.0


@pytest.mark.slow
def test_coordination_gives_one_event_per_dyad(pipeline: Pipeline) -> None:
    a = _code(pipeline, "France and Italy criticized Poland over the new law.")
    sources = {e.source.text for e in a.events if e.source is not None and e.root == "11"}
    assert sources == {"France", "Italy"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "dyads"),
    [
        ("Chile and Peru held talks in Lima on Friday.", "04", {("CHL", "PER"), ("PER", "CHL")}),
        ("Kenya and Tanzania signed a border agreement.", "05", {("KEN", "TZA"), ("TZA", "KEN")}),
        ("Ghana signed a trade deal with Togo.", "05", {("GHA", "TGO"), ("TGO", "GHA")}),
        ("Ukraine ratified the treaty with Moldova.", "05", {("UKR", "MDA")}),  # ratifying is one-sided
    ],
)
def test_symmetric_acts_go_both_ways(pipeline: Pipeline, text: str, root: str, dyads: set[tuple[str, str]]) -> None:
    a = _code(pipeline, text)
    found = {(e.source.country, e.target.country) for e in a.events if e.source and e.target and e.root == root}
    assert found == dyads


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "modality"),
    [
        ("Pakistan attacked the militant camp.", "19", "asserted"),
        ("Pakistan did not attack the militant camp.", "19", "negated"),
        ("Pakistan will attack the militant camp next week.", "13", "asserted"),  # a stated threat
        ("Pakistan plans to deploy more troops to the border.", "15", "future"),
        ("Villagers said Pakistan attacked the militant camp.", "19", "reported"),
        ("The general denied that Pakistan attacked the militant camp.", "19", "negated"),
        ("Why did Pakistan attack the militant camp?", "19", "asserted"),  # a wh-question presupposes
    ],
)
def test_modality(pipeline: Pipeline, text: str, root: str, modality: str) -> None:
    assert _find(_code(pipeline, text), root).modality == modality


@pytest.mark.slow
def test_negated_cooperation_is_a_refusal(pipeline: Pipeline) -> None:
    ev = _find(_code(pipeline, "Norway said it would not provide aid to the junta."), "12")
    assert ev.modality == "asserted"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The weather was cold in Oslo on Tuesday.",
        "Image: Soldiers attack a position during an exercise in 2019.",
        "The United States attacked the United States.",
        "They said it was a good day.",
    ],
)
def test_no_event(pipeline: Pipeline, text: str) -> None:
    events = _code(pipeline, text).events
    assert all(e.source is None or e.target is None or e.source.text != e.target.text for e in events)
    assert not [e for e in events if e.root in ("19", "01")]


@pytest.mark.slow
def test_event_fields_are_consistent(pipeline: Pipeline) -> None:
    a = _code(pipeline, "Iran threatened to strike Israeli bases. Egypt hosted the Sudanese envoy.")
    assert [e.id for e in a.events] == [f"E{i + 1}" for i in range(len(a.events))]
    for e in a.events:
        info = cameo_code(e.cameo)
        assert (e.root, e.quad, e.penta, e.goldstein, e.plover) == (
            info.root,
            info.quad,
            info.penta,
            info.goldstein,
            info.plover,
        )
        assert a.article.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.evidence.contains(e.trigger.start, e.trigger.end)
    assert {"13", "04"} <= {e.root for e in a.events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # a stated future conflict act is a threat
        ("China will impose sanctions on Lithuania.", "1312", "CHN", "LTU"),
        # violence by protesters is a violent protest, force against them repression
        ("Protesters attacked a police station in Lagos.", "145", None, None),
        # arriving peacekeepers provide protection
        ("French peacekeepers arrived in Mali on Monday.", "074", "FRA", "MLI"),
        # a request addresses the subject of its "that" clause
        ("Russia demanded that Ukraine withdraw its forces.", "1056", "RUS", "UKR"),
        # rejecting an accusation is a denial
        ("Belarus rejected accusations that it had helped the rebels.", "016", "BLR", None),
        # a thing as object gives way to the actor of its prepositional phrase
        ("Azerbaijan threatened to break relations with Russia.", "1313", "AZE", "RUS"),
        # "X said Y attacked Z", said first: X accuses Y
        ("Israel said Hamas fighters attacked its soldiers near Gaza.", "112", "ISR", None),
    ],
)
def test_recoding_rules(pipeline: Pipeline, text: str, cameo: str, source: str | None, target: str | None) -> None:
    events = [e for e in _code(pipeline, text).events if e.cameo == cameo]
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    ev = events[0]
    if source:
        assert ev.source is not None and ev.source.country == source
    if target:
        assert ev.target is not None and ev.target.country == target


@pytest.mark.slow
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Analysts said Pakistan could attack the militant camp.", "attack"),
        ("Did Pakistan attack the militant camp?", "attack"),  # a yes/no question asks
        ("If Pakistan attacks the camp, India would respond.", "attacks"),
        ("The U.S. withdrawal from Iraq would affect the coalition.", "withdrawal"),  # a noun's governor
    ],
)
def test_hypothetical_modality(nlp: Language, text: str, trigger: str) -> None:
    """A condition, a question or a possibility is hypothetical (and the coder emits no event for it)."""
    tok = next(t for t in nlp(text) if t.text == trigger)
    assert modality(tok) == "hypothetical"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # a bare past participle is passive: its noun is the patient
        (
            "The activists, arrested by the police in March, were released on Friday.",
            "17",
            "the police",
            "The activists",
        ),
        ("The journalist was abducted in Grozny and killed last July.", "18", None, "The journalist"),
        # a number with an "of" phrase names its object (the phrase keeps the number); troops' killing is force
        ("Turkish troops killed ten of the smugglers.", "19", "Turkish troops", "ten of the smugglers"),
    ],
)
def test_reduced_passive_and_heads(pipeline: Pipeline, text: str, root: str, source: str | None, target: str) -> None:
    ev = _find(_code(pipeline, text), root)
    assert (ev.source.text if ev.source else None) == source
    assert ev.target is not None and ev.target.text == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The envoy will engage civil society leaders in Harare.",  # engage is no attack
        "These sanctions demonstrate the cost of repression.",  # no agent, no protest
        "A report released on Tuesday described the crisis.",  # a released report is no release
    ],
)
def test_not_violence(pipeline: Pipeline, text: str) -> None:
    roots = {e.root for e in _code(pipeline, text).events}
    assert not roots & {"08", "14", "18", "19"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Warmer relations with Seoul pushed Tokyo to reopen the embassy.",
        "The new deal with Ankara accused Greece of piracy.",
        "Closer ties with Beijing helped Kenya build a railway.",
        "A powerful typhoon destroyed hundreds of homes in the Philippines.",
    ],
)
def test_abstract_subjects_are_not_sources(pipeline: Pipeline, text: str) -> None:
    sources = [e.source.text for e in _code(pipeline, text).events if e.source is not None]
    assert not [s for s in sources if s and s.split()[-1] in ("relations", "deal", "ties", "typhoon")], sources


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Iraq asked the United States to withdraw its troops.", "0256"),  # ask + to + withdraw
        ("The Iraqi parliament voted to end the presence of foreign troops.", "166"),  # vote + end + presence
        ("Britain sent troops to Estonia.", "154"),  # send + troops
        ("A drone strike killed the Iranian general in Baghdad.", "186"),  # kill + general
        ("Canada advised against travel to northern Mali.", "160"),  # advise + against + travel
        ("Japan helped the Philippine coast guard.", "070"),  # help + an actor object
        ("Ghana urged China to increase investment in its ports.", "021"),
        ("Kosovo urged Spain to recognize its independence.", "022"),
        ("The United Nations urged the rebels to surrender.", "025"),
        ("Ethiopia agreed to accept mediation by the African Union.", "038"),
        ("The opposition called off the general strike.", "082"),
        ("Pakistan launched an investigation into the drone strike.", "093"),
        ("Russia demanded the surrender of the Ukrainian garrison.", "105"),
        ("Armenia demanded international mediation in the dispute.", "108"),
        ("France rallied opposition against the Russian proposal.", "113"),
        ("The government threatened to ban the opposition party.", "132"),
        ("Police stepped up security around the embassy.", "151"),
        ("The army expelled thousands of ethnic Rohingya from the region.", "201"),
        ("Kenya expelled some of the Ugandan peacekeepers.", "1661"),  # a quantity of peacekeepers
        ("The EU and the UN hand over urgently needed medical supplies to the Kenyan Government.", "070"),  # headline
        ("Five rebel commanders gave up the armed struggle.", "0874"),  # giving up fighting is no attack
        ("Peru returned dozens of artifacts that were looted in 1990 to Mexico.", "0842"),  # of artifacts
    ],
)
def test_constrained_patterns_give_the_specific_code(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in _code(pipeline, text).events}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The reform helped boost exports.",
        "Lower prices helped Kenya.",
        "Norway faces pressure from its allies to help Ukraine.",  # a noun's complement is no act
        "Sweden sent a team to help Estonia.",  # purpose: the sending is the act
    ],
)
def test_help_without_an_actor_pair_is_no_aid(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in _code(pipeline, text).events if e.pattern == "help"]


def test_pattern_ids_are_unique() -> None:
    """An event's evidence names its pattern id, so each id names one lexicon entry."""
    ids = [str(entry["id"]) for entry in lexicon_entries()]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


@pytest.mark.slow
def test_a_military_defence_is_no_verbal_defence(pipeline: Pipeline) -> None:
    analysis = _code(pipeline, "Soldiers defended the town against a rebel assault.")
    assert not [e for e in analysis.events if e.cameo == "052"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("NAIROBI — Kenya and Tanzania signed a border agreement on Monday.", "Kenya"),
        ("GAZA CITY — Israeli troops raided the camp on Monday.", "Israeli troops"),
    ],
)
def test_an_opening_dateline_is_no_part_of_the_source(pipeline: Pipeline, text: str, source: str) -> None:
    sources = [e.source.text for e in _code(pipeline, text).events if e.source is not None]
    assert sources and sources[0] == source
