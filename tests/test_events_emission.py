"""Event emission: self-owned targets, causatives, and the lexicon families they bring."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.lexicon.cameo import cameo_code, refusal_code
from eventwire.model import Analysis, Event
from eventwire.pipeline import Pipeline


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4))


def _with_code(analysis: Analysis, cameo: str) -> Event:
    events = [e for e in analysis.events if e.cameo == cameo]
    assert events, [(e.cameo, e.pattern, e.trigger.text) for e in analysis.events]
    return events[0]


def test_cyber_attack_code() -> None:
    entry = cameo_code("176")
    assert (entry.root, entry.plover, entry.penta) == ("17", "COERCE", 4)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # the only target is the source's own thing: an actor inside it is the target
        ("President Okafor has reneged on his commitment to the Nigerian farmers.", "120", "NGA", "NGA"),
        # ... or the verbal act stands without a target
        ("The Bolivian president rejected his own party's proposal.", "127", "BOL", None),
    ],
)
def test_verbal_act_survives_a_self_owned_target(
    pipeline: Pipeline, text: str, cameo: str, source: str, target: str | None
) -> None:
    ev = _with_code(_code(pipeline, text), cameo)
    assert ev.source is not None and ev.source.country == source
    if target is None:
        assert ev.target is None
    else:
        assert ev.target is not None and ev.target.country == target
        assert ev.target.text is not None and "farmers" in ev.target.text


@pytest.mark.slow
def test_violence_against_own_things_stays_uncoded_as_self_targeted(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Ghanaian soldiers attacked their own comrades.").events
    assert not any(e.target is not None and e.source is not None and e.target.actor == e.source.actor for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the object of a causative is made to restrict itself: the causer coerces it
        ("The Malian junta ordered the opposition newspaper to suspend publication.", "The Malian junta", "newspaper"),
        ("Officials in Hanoi forced the independent radio station to suspend broadcasts.", "Officials", "station"),
        # the causer's own agent carries the order out on a third party
        ("The Malian junta ordered police to ban the opposition rally.", "The Malian junta", "rally"),
    ],
)
def test_causative_imposes_the_act(pipeline: Pipeline, text: str, source: str, target: str) -> None:
    events = [e for e in _code(pipeline, text).events if e.root == "17"]
    assert events, [(e.cameo, e.pattern) for e in _code(pipeline, text).events]
    ev = events[0]
    assert ev.source is not None and ev.source.text is not None and source in ev.source.text
    assert ev.target is not None and ev.target.text is not None and target in ev.target.text
    assert ev.modality == "asserted"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("The Peruvian president has taken several steps to expand press freedoms.", "0811", "PER", None),
        ("The Tunisian government moved to broaden political liberties.", "0811", "TUN", None),
        ("Chinese spies hacked the Indian defence ministry's servers.", "176", "CHN", "IND"),
        ("Iranian hackers tried to hack into the computers of Israeli officials.", "176", "IRN", "ISR"),
        ("Russian operatives launched a cyberattack on Estonian banks.", "176", "RUS", "EST"),
        ("Kurdish militants have sworn to fight the Syrian army until victory.", "138", None, "SYR"),
        ("The Chadian rebels are building bombs to use against French troops.", "138", "TCD", "FRA"),
        ("The Burmese junta and the rebels agreed to allow aid agencies access to the camps.", "0355", "MMR", None),
    ],
)
def test_lexicon_families(pipeline: Pipeline, text: str, cameo: str, source: str | None, target: str | None) -> None:
    ev = _with_code(_code(pipeline, text), cameo)
    if source:
        assert ev.source is not None and ev.source.country == source
    if target:
        assert ev.target is not None and ev.target.country == target


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The new mayor vowed to fight corruption in the city.",
        "The rebels hacked the villagers to death with machetes.",
    ],
)
def test_lexicon_families_no_threat_or_cyber(pipeline: Pipeline, text: str) -> None:
    assert not any(e.cameo in ("138", "176") for e in _code(pipeline, text).events)


@pytest.mark.parametrize(("code", "refusal"), [("0353", "1243"), ("0356", "1246"), ("0312", "1212"), ("030", "120")])
def test_refusal_of_a_specific_intent(code: str, refusal: str) -> None:
    assert refusal_code(code) == refusal


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # a request noun with a "that" clause addresses the clause's subject
        (
            "The World Health Organization renewed its demand that Egypt lift the curbs on medicines.",
            "100",
            None,
            "EGY",
        ),
        # announcing that X must act is a demand on X
        ("Nigerian rebels announced that President Tinubu must accept constitutional changes.", "100", "NGA", "NGA"),
        # a pledge not to act is a refusal
        ("Israeli leader Ariel Sharon has vowed not to return the Golan Heights to Syria.", "1243", "ISR", None),
        ("The Cuban government promised not to release the jailed dissidents.", "1243", "CUB", None),
    ],
)
def test_requests_and_refusals(
    pipeline: Pipeline, text: str, cameo: str, source: str | None, target: str | None
) -> None:
    ev = _with_code(_code(pipeline, text), cameo)
    assert ev.source is not None
    if source:
        assert ev.source.country == source
    if target:
        assert ev.target is not None and ev.target.country == target


@pytest.mark.slow
def test_request_noun_accounts_for_its_clause(pipeline: Pipeline) -> None:
    text = "The World Health Organization renewed its demand that Egypt lift the curbs on medicines."
    assert [e.root for e in _code(pipeline, text).events] == ["10"]


@pytest.mark.slow
def test_coordinated_parties_meet_each_other_not_the_venue(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Kenya and Uganda held talks in Kampala on Monday.").events
    dyads = {(e.source.country, e.target.country) for e in events if e.source and e.target and e.root == "04"}
    assert dyads == {("KEN", "UGA"), ("UGA", "KEN")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a generic governor does not yield to a noun its complement's verb acts on
        ("The Kenyan authorities are pressuring teachers to cancel the strike.", "10"),
        ("The Bolivian government urged miners to suspend their strike.", "02"),
    ],
)
def test_governor_keeps_its_act_over_a_complement_noun(pipeline: Pipeline, text: str, root: str) -> None:
    events = [e for e in _code(pipeline, text).events if e.root == root]
    assert events and events[0].source is not None and events[0].target is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Kenyan and British troops began a new round of joint military exercises on Monday.", "062", "KEN", None),
        ("Iranian warships on Monday launched ten days of war games in the Gulf.", "150", "IRN", None),
        ("The Sudanese parliament repealed the law banning women from travelling alone.", "081", "SDN", None),
        ("The Chilean government is giving UN investigators access to the detention centres.", "086", "CHL", None),
    ],
)
def test_more_lexicon_families(
    pipeline: Pipeline, text: str, cameo: str, source: str | None, target: str | None
) -> None:
    ev = _with_code(_code(pipeline, text), cameo)
    assert ev.source is not None and ev.source.country == source
    if target:
        assert ev.target is not None and ev.target.country == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Kenya said it will withdraw its peacekeepers from Somalia unless the government holds elections.",
            "KEN",
            "SOM",
        ),
        ("The Malian rebels will kill the hostages unless France pays a ransom.", "MLI", "FRA"),
    ],
)
def test_a_future_act_on_a_condition_is_an_ultimatum(pipeline: Pipeline, text: str, source: str, target: str) -> None:
    ev = _with_code(_code(pipeline, text), "139")
    assert ev.source is not None and ev.source.country == source
    assert ev.target is not None and ev.target.country == target


@pytest.mark.slow
def test_a_promise_on_a_condition_is_no_ultimatum(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Kenya will release the prisoners if Uganda pays.").events
    assert events and not any(e.cameo == "139" for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Kenyan diplomats said they hoped Uganda would release the journalists.", True),
        ("Tunisian officials hope the new talks will bring a settlement.", True),
        # hoping for another's punishment is no optimistic comment
        ("The Kenyan minister said she hoped the Ugandan officers would be indicted for war crimes.", False),
        # hoping to act is an intent, told by the act
        ("The Swedish government hopes to finish the bridge by June.", False),
    ],
)
def test_hope_that_is_an_optimistic_comment(pipeline: Pipeline, text: str, coded: bool) -> None:
    assert any(e.cameo == "013" for e in _code(pipeline, text).events) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # a wish whose complement has its own subject is an appeal to that subject
        ("Merkel wants Macron to attack Russia.", "020", "DEU", "FRA"),
        # without one, it is the wisher's own threat
        ("Merkel wants to attack Russia.", "138", "DEU", "RUS"),
        # protesters who fire weapons of war fight; they do not riot
        ("Kenyan protesters fired rockets at the Ugandan embassy.", "190", "KEN", "UGA"),
    ],
)
def test_wishes_and_armed_protesters(pipeline: Pipeline, text: str, cameo: str, source: str, target: str) -> None:
    ev = _with_code(_code(pipeline, text), cameo)
    assert (ev.source and ev.source.country, ev.target and ev.target.country) == (source, target)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the place an attack came from is not its agent
        ("Egypt said a rocket was fired at it from Libya on Tuesday.", "LBY"),
        # a relative clause in the perfect describes its antecedent: background
        ("The French army attacked the group that has seized parts of Mali.", "17"),
        # a crash is no agent
        ("Interpol will help identify the victims killed by the Malaysian plane crash.", "MYS"),
    ],
)
def test_no_event_from_origins_descriptions_and_dates(pipeline: Pipeline, text: str, absent: str) -> None:
    events = _code(pipeline, text).events
    assert all(absent not in (e.root, e.source and e.source.country) for e in events), events


@pytest.mark.slow
def test_an_act_dated_by_another_is_still_coded(pipeline: Pipeline) -> None:
    """ "five days after X voted": the vote is news, dated by the interval, not background."""
    text = "Iraq asked Washington to leave on Friday, five days after the Iraqi parliament voted to expel U.S. troops."
    assert "166" in {e.cameo for e in _code(pipeline, text).events}


@pytest.mark.slow
def test_a_reflexive_is_no_target(pipeline: Pipeline) -> None:
    events = _code(pipeline, "A suicide bomber blew himself up outside a police station in Kano.").events
    assert events and all(e.target is None or e.target.text != "himself" for e in events)


@pytest.mark.slow
def test_a_gerund_after_by_shares_the_subject(pipeline: Pipeline) -> None:
    text = "Japan continued its support for Peru by donating medical supplies to the Bolivian army."
    event = _with_code(_code(pipeline, text), "073")
    assert event.source is not None and event.source.text == "Japan"


@pytest.mark.slow
def test_an_object_pronoun_is_not_the_speaker(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Officials said the rebels attacked the convoy and burned it.").events
    assert not [e for e in events if e.root == "17" and e.target is not None and e.target.text == "Officials"]


@pytest.mark.slow
def test_an_attack_accounts_for_the_gerund_before_it(pipeline: Pipeline) -> None:
    text = "The Taliban stormed a police station in Kandahar after striking it with two car bombs, officials said."
    events = [e for e in _code(pipeline, text).events if e.root in ("18", "19")]
    assert len(events) == 1  # the storming, not a second attack on "it"
    assert events[0].target is not None and (events[0].target.text or "").startswith("a police station")


@pytest.mark.slow
def test_giving_up_fighting_is_no_attack(pipeline: Pipeline) -> None:
    text = "Five rebel commanders gave up fighting and surrendered to the army in Kasai."
    codes = {e.cameo for e in _code(pipeline, text).events}
    assert "0874" in codes and not {c for c in codes if c.startswith("19")}
