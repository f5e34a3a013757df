"""Verbal events made by statements: judgements of another actor in a quotation, fixed phrases, promises
not to act, addressees of a quotation, acts on a state's own public, and threats to respond."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.lexicon.cameo import cameo_code, promise_code
from eventwire.events.rules.statements import judgements
from eventwire.model import Analysis, Event
from eventwire.pipeline import Pipeline


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4))


def _coded(analysis: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (e.cameo, e.source.country if e.source else None, e.target.country if e.target else None, e.modality)
        for e in analysis.events
    ]


def _judgements(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.pattern.startswith("judge_")]


def test_statement_words_load_with_known_codes() -> None:
    table = judgements()
    assert table[("conduct", "violate")][0].code == "112"
    assert table[("owned", "violation")][0].kind == "owned"
    assert table[("phrases", "reserve")][0].words == ("the", "right", "to")
    ids = [j.id for entries in table.values() for j in entries]
    assert len({(j.id, j.kind) for entries in table.values() for j in entries}) == len(set(ids))
    assert all(cameo_code(j.code).root in ("11", "13") for entries in table.values() for j in entries)


@pytest.mark.parametrize(
    ("code", "promise"),
    [("1724", "0351"), ("172", "0351"), ("190", "0356"), ("1631", "0354"), ("141", "0352"), ("051", None)],
)
def test_promise_code(code: str, promise: str | None) -> None:
    assert promise_code(code) == promise


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # a verb of conduct: its subject is judged, through "is trying to" and "built it to"
        ("“Chile has so far failed to honour the treaty,” the Peruvian foreign minister said.", "111", "PER", "CHL"),
        ("“Serbia is trying to downplay the massacre,” the Bosnian envoy said.", "111", "BIH", "SRB"),
        ("The Georgian minister said Russia built the base to disguise its troop movements.", "112", "GEO", "RUS"),
        # a noun owned by the judged actor; an adjective of its act; the agent of a passive
        (
            "“Turkey's repeated violation of our airspace cannot go on,” the Greek defence minister said.",
            "112",
            "GRC",
            "TUR",
        ),
        ("“Iran's interference in our elections cannot go on,” the Albanian prime minister said.", "112", "ALB", "IRN"),
        ("“Morocco's unlawful occupation must end,” the Algerian foreign minister said.", "112", "DZA", "MAR"),
        ("“The ceasefire was violated by Azerbaijan,” the Armenian prime minister said.", "112", "ARM", "AZE"),
    ],
)
def test_statement_judges_another_actor(pipeline: Pipeline, text: str, cameo: str, source: str, target: str) -> None:
    coded = [
        (e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in _code(pipeline, text).events
    ]
    assert (cameo, source, target) in coded, _coded(_code(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the narrator's own opinion: no speaker
        "Chile has so far failed to honour the treaty.",
        # negated, conditional, asked
        "“Chile did not violate the treaty,” the Peruvian foreign minister said.",
        "“If Chile fails to honour the treaty, we will respond,” the Peruvian foreign minister said.",
        # another speaker's statement told inside the quotation
        "“Lima says Chile violated the treaty,” the Bolivian foreign minister said.",
        # a failure that judges no one, and a minimizing of harm
        "“Chile failed to win the vote,” the Peruvian foreign minister said.",
        "“Chile tried to minimize casualties,” the Peruvian foreign minister said.",
        # the speaker's own side
        "“We have failed to honour the treaty,” the Peruvian foreign minister said.",
        # the owner suffers the act; a hedged act; ignoring a person
        "“Nabil's murder is unacceptable,” the Yemeni minister said.",
        "“We must prepare for possible Turkish interference,” the Cypriot minister said.",
        "“Our people have learned to ignore him,” the Bolivian foreign minister said.",
    ],
)
def test_statement_judges_no_one(pipeline: Pipeline, text: str) -> None:
    assert not _judgements(_code(pipeline, text)), _coded(_code(pipeline, text))


@pytest.mark.slow
def test_misread_phrase_states_a_threat_aimed_at_the_attacker(pipeline: Pipeline) -> None:
    # "reserves" is read as a plural noun ("Pakistan reserves"); the threat answers the attack told before
    text = (
        "Indian jets bombed three villages in Pakistani Kashmir on Tuesday. "
        "A spokesman said Pakistan reserves the right to respond."
    )
    assert ("138", "PAK", "IND", "asserted") in _coded(_code(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Indian jets bombed three villages in Pakistani Kashmir on Tuesday. The Pakistani army vowed to retaliate.",
            "IND",
        ),
        # no attack on the threatening side told before: no target
        ("The Pakistani army vowed to retaliate.", None),
    ],
)
def test_threat_to_respond_is_aimed_at_the_attacker(pipeline: Pipeline, text: str, target: str | None) -> None:
    threats = [e for e in _code(pipeline, text).events if e.root == "13"]
    assert threats and threats[0].source is not None and threats[0].source.country == "PAK"
    assert (threats[0].target.country if threats[0].target else None) == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its own actor says it will not do a conflict act: a promise to yield
        (
            "President Ana Lobo of Honduras said she would not declare martial law again.",
            ("0351", "HND", "HND", "asserted"),
        ),
        ("“We will not attack the city,” the Ukrainian defence minister said.", ("0356", "UKR", None, "asserted")),
    ],
)
def test_own_word_not_to_act_is_a_promise(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str | None, str]
) -> None:
    coded = _coded(_code(pipeline, text))
    assert any(c[:2] == expected[:2] and c[3] == expected[3] for c in coded), coded
    if expected[2] is not None:
        assert expected in coded, coded


@pytest.mark.slow
def test_prediction_not_to_act_is_no_promise(pipeline: Pipeline) -> None:
    coded = _coded(_code(pipeline, "Analysts said President Ana Lobo of Honduras would not declare martial law again."))
    assert not any(c[0].startswith("035") for c in coded), coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("“Prime Minister Modi, we urge you to release the prisoners,” the Pakistani protesters said.", "IND"),
        ("“Chancellor Scholz, we look to you to lead the talks,” the Polish president said.", "DEU"),
    ],
)
def test_you_is_the_addressee_a_quotation_names(pipeline: Pipeline, text: str, target: str) -> None:
    appeals = [e for e in _code(pipeline, text).events if e.root == "02"]
    assert appeals and appeals[0].target is not None and appeals[0].target.country == target, _coded(
        _code(pipeline, text)
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # no target named: the state's own public
        ("Kenyan President William Ruto called for calm.", "KEN"),
        ("The Thai government lifted the curfew on Monday.", "THA"),
        # a foreign country named: no own public
        ("The U.S. ambassador called for calm in Haiti.", "HTI"),
        # not a state organ
        ("The Kenyan church leaders called for calm.", None),
    ],
)
def test_own_public_is_the_target_of_domestic_acts(pipeline: Pipeline, text: str, target: str | None) -> None:
    events = [e for e in _code(pipeline, text).events if e.root in ("02", "08")]
    assert events, _coded(_code(pipeline, text))
    assert (events[0].target.country if events[0].target else None) == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # "both sides" as a target: each of the last two countries named before
        (
            "Armenia shelled Azerbaijani positions on Monday. The French government urged both sides to stop.",
            {("FRA", "ARM"), ("FRA", "AZE")},
        ),
        # "the two countries" as a source: each acts on the other
        (
            "Chile hosted Peru's president on Monday. The two countries signed a trade agreement.",
            {("CHL", "PER"), ("PER", "CHL")},
        ),
    ],
)
def test_both_countries_are_the_last_two_named(pipeline: Pipeline, text: str, pairs: set[tuple[str, str]]) -> None:
    events = _code(pipeline, text).events
    found = {
        (e.source.country, e.target.country) for e in events if e.source and e.target and e.root in ("02", "05", "06")
    }
    assert pairs <= found, _coded(_code(pipeline, text))


@pytest.mark.slow
def test_announced_fuel_loading_is_an_intent(pipeline: Pipeline) -> None:
    text = "Moscow announced on Friday that it will start loading fuel into Iran's nuclear plant next month."
    assert ("0311", "RUS", "IRN", "future") in _coded(_code(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # an attack ordered by the judged actor; an interference; a member of a judged group
        ("The Estonian minister said the cyberattacks were ordered by Moscow.", "112", "EST", "RUS"),
        ("“Russia tried to meddle in our election,” the Moldovan president said.", "112", "MDA", "RUS"),
        (
            "The Swedish envoy said some governments, including Hungary's, needed to respect the court's rulings.",
            "111",
            "SWE",
            "HUN",
        ),
    ],
)
def test_statement_judges_ordered_or_needed_conduct(
    pipeline: Pipeline, text: str, cameo: str, source: str, target: str
) -> None:
    assert (cameo, source, target, "asserted") in _coded(_code(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "trigger"),
    [
        # a stated future lawsuit is a threat, made when it is said
        ("The Bolivian government said it will press charges against the Chilean company.", "130", "said"),
        # an announced act is an intent, dated by its announcement
        ("Moscow announced on Friday that it will start loading fuel into Iran's nuclear plant.", "0311", "announced"),
    ],
)
def test_stated_intent_is_triggered_by_its_statement(pipeline: Pipeline, text: str, cameo: str, trigger: str) -> None:
    events = [e for e in _code(pipeline, text).events if e.cameo == cameo]
    assert events and events[0].trigger.text == trigger, _coded(_code(pipeline, text))


@pytest.mark.slow
def test_side_inside_a_longer_name_mention_is_its_actor(pipeline: Pipeline) -> None:
    # the side's phrase ("Andrew Holness") starts inside the actor's mention ("Dr the Rt. Hon. Andrew Holness")
    text = (
        "Jamaica’s Prime Minister and Chairman of the CARICOM Authority, Dr the Rt. Hon. Andrew Holness "
        "has voiced his support for an annual Canada-Caribbean trade forum."
    )
    support = [e for e in _code(pipeline, text).events if e.cameo == "051"]
    assert support and support[0].source is not None and support[0].source.country == "JAM"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a private person's fear about a situation is no event; a government's is
        ("Nurses in Nairobi fear that the hospital will soon run out of oxygen.", False),
        ("The Kenyan government fears that the drought will worsen.", True),
    ],
)
def test_private_feeling_without_target_is_no_event(pipeline: Pipeline, text: str, kept: bool) -> None:
    feelings = [e for e in _code(pipeline, text).events if e.cameo == "012"]
    assert bool(feelings) == kept, _coded(_code(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "patient", "approved"),
    [
        # the approved act was done to the actor of its preposition: that actor is not approved of
        ("Chad's president praised the military response to Sudanese jets.", "SDN", None),
        ("Chad's president praised the army's response to the Sudanese raid.", "SDN", "TCD"),
        # the author of the act stays the target
        ("Kenya praised Uganda for its support to Somalia.", "SOM", "UGA"),
    ],
)
def test_an_approval_does_not_target_what_the_approved_act_was_done_to(
    pipeline: Pipeline, text: str, patient: str, approved: str | None
) -> None:
    events = [e for e in _code(pipeline, text).events if e.root == "05"]
    assert events
    assert not any(e.target is not None and e.target.country == patient for e in events)
    if approved is not None:
        assert any(e.target is not None and e.target.country == approved for e in events)
