"""Sense constraints of trigger patterns (events/lexicon/senses.py): which reading of a trigger its parse allows."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.events.lexicon.lexicon import KINDS, Pattern, lexicon_entries, load_patterns
from eventwire.events.lexicon.senses import circumstances, kinds_of, object_kinds, sense_ok, sense_words, undone
from eventwire.model import Analysis
from eventwire.pipeline import Pipeline


def _code(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.code_text(text, id="t", published=dt.date(2021, 3, 4))


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {e.cameo for e in _code(pipeline, text).events if e.modality != "negated"}


def _roots(pipeline: Pipeline, text: str) -> set[str]:
    return {e.root for e in _code(pipeline, text).events if e.modality != "negated"}


def test_the_word_classes_load_and_name_every_kind() -> None:
    words = sense_words()
    assert set(words.entity_kinds) == KINDS
    assert {"minister", "soldier", "envoy"} <= words.persons
    assert {"postpone", "cancel"} <= words.undoing
    assert "after" in words.circumstance_marks and "amid" in words.circumstance_preps


def test_every_kind_a_pattern_names_is_known() -> None:
    for p in load_patterns():
        assert p.subj in (None, *KINDS) and p.pobj in (None, *KINDS), p.id
        assert {w[1:] for w in p.obj if w.startswith("@")} <= KINDS, p.id
    assert any(p.deps for p in load_patterns()) and any(p.nodeps for p in load_patterns())


def test_an_unknown_kind_is_refused() -> None:
    from eventwire.events.lexicon.lexicon import _expand

    with pytest.raises(ValueError, match="subj kind"):
        _expand({"id": "x", "lemma": "go", "code": "042", "subj": "animal"})
    with pytest.raises(ValueError, match="object kind"):
        _expand({"id": "x", "lemma": "go", "code": "042", "obj": ["@animal"]})
    assert lexicon_entries()  # the real file loads


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "kinds"),
    [
        ("Angela Merkel arrived.", "Merkel", {"person", "agent"}),
        ("The ambassador arrived.", "ambassador", {"person", "agent"}),
        ("The ministry arrived.", "ministry", {"agent"}),
        ("They arrived.", "They", {"agent"}),
        ("The delay arrived.", "delay", set()),
        ("He flew to Portugal.", "Portugal", {"place"}),
    ],
)
def test_kinds_of_a_phrase_head(nlp: Language, text: str, word: str, kinds: set[str]) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert set(kinds_of(tok)) >= kinds
    if not kinds:
        assert not kinds_of(tok)


@pytest.mark.slow
def test_a_relative_pronoun_has_its_antecedents_kind(nlp: Language) -> None:
    doc = nlp("The envoy, who flew in from Lima, spoke first.")
    who = next(t for t in doc if t.lower_ == "who")
    assert "person" in kinds_of(who)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "verb", "kind", "present"),
    [
        ("The queen received the Chilean delegation.", "received", "@person", True),
        ("The queen received a copy of the report.", "received", "@person", False),
        ("The council invited the writer Ana Ruiz to speak.", "invited", "@person", True),  # through the apposition
    ],
)
def test_object_kinds(nlp: Language, text: str, verb: str, kind: str, present: bool) -> None:
    tok = next(t for t in nlp(text) if t.text == verb)
    assert (kind in object_kinds(tok)) is present


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "noun", "gone"),
    [
        ("The minister postponed her visit to Chile.", "visit", True),
        ("Police foiled an attack on the station.", "attack", True),
        ("The minister cancelled the talks and the visit.", "visit", True),  # a conjunct too
        ("The minister began her visit to Chile.", "visit", False),
    ],
)
def test_an_undone_nominal_event(nlp: Language, text: str, noun: str, gone: bool) -> None:
    tok = next(t for t in nlp(text) if t.text == noun)
    assert undone(tok) is gone


@pytest.mark.slow
def test_circumstances_are_clauses_of_time_and_cause(nlp: Language) -> None:
    doc = nlp("The mayor called for calm after soldiers arrested two students.")
    called = next(t for t in doc if t.text == "called")
    out = {doc[i].text for i in circumstances(called)}
    assert {"arrested", "students"} <= out and "calm" not in out


@pytest.mark.slow
def test_sense_ok_checks_each_field(nlp: Language) -> None:
    doc = nlp("The senator called the plan a disgrace.")
    called = next(t for t in doc if t.text == "called")
    base = Pattern(id="x", lemma="call", pos="v", code="111")
    assert sense_ok(Pattern(**{**_fields(base), "deps": frozenset({"oprd"})}), called)
    assert not sense_ok(Pattern(**{**_fields(base), "nodeps": frozenset({"oprd"})}), called)
    assert sense_ok(Pattern(**{**_fields(base), "subj": "agent"}), called)
    assert not sense_ok(Pattern(**{**_fields(base), "pobj": "place"}), called)  # no preposition at all


def _fields(p: Pattern) -> dict[str, object]:
    return {f: getattr(p, f) for f in Pattern.__slots__}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # naming is no phone call; a damning name is criticism or an accusation
        ("The newspaper, which critics call a mouthpiece of the army, closed.", {"041"}, set()),
        ("The Chilean minister called the decision a disgrace.", {"041"}, {"111"}),
        ("Bolivia called the border incursion an act of aggression.", {"041"}, {"112"}),
        ("The senator described the treaty as a betrayal.", set(), {"111"}),
        ("The Peruvian president called his Chilean counterpart on Monday.", set(), {"041"}),
        # opened fire is shooting, not an investigation
        ("A gunman opened fire on a bus in Lagos, killing three people.", {"091"}, {"193"}),
        # travel to a named place is a visit; "returned to power", "came in response" are not
        ("The Kenyan president returned to the presidency in 2013.", {"042"}, set()),
        ("The decision came in response to a request from Ghana.", {"042"}, set()),
        ("The Japanese prime minister arrived in Hanoi on Tuesday.", set(), {"042"}),
        # met with resistance is no meeting
        ("The plan was met with resistance from Danish farmers.", {"040"}, set()),
        # left a state behind is no exit from a treaty; leaving a bloc is
        ("The drought left the Sahel region in a state of collapse.", {"166"}, set()),
        ("Burkina Faso left the regional bloc in January.", set(), {"166"}),
        # pushed to the brink is no demand; pushed X to act is
        ("The crisis pushed many Greek banks to the brink of failure.", {"100"}, set()),
        ("Germany pushed Greece to accept the bailout terms.", set(), {"100"}),
        # an order is the act of the one who ordered it
        ("The Chadian president ordered the arrest of three opposition leaders.", {"100"}, {"173"}),
        # receiving a thing hosts no visit; receiving an envoy does
        ("The Bolivian ministry received a copy of the report.", {"043"}, set()),
        ("The Moroccan king received the Spanish foreign minister.", set(), {"043"}),
        # contributing to a result, or a capacity to deliver services, is no aid
        ("Years of drought contributed to the famine in Somalia.", {"070"}, set()),
        # capturing a scene is no arrest; capturing a person is
        ("Tourists captured the protest in Lima on their phones.", {"173"}, set()),
        # showing restraint is no protest; marching in the streets is
        ("Vietnam demonstrated great restraint in the dispute with China.", {"141"}, set()),
        # a question about something is no appeal
        ("Asked about the aid from Japan, the Nepalese minister smiled.", {"020", "023"}, set()),
        # a postponed trip is no visit
        ("The Thai king postponed his state visit to Sweden.", {"042"}, set()),
        # words under a clause of time give no sense: a call for calm after arrests is no call for arrests
        ("The governor called for calm after police arrested the mayor.", {"100"}, {"173"}),
        ("Fiji will hold civil defence drills as fears mount after the airstrikes in the region.", {"195"}, set()),
    ],
)
def test_the_parse_picks_the_sense(pipeline: Pipeline, text: str, absent: set[str], present: set[str]) -> None:
    codes = _codes(pipeline, text)
    assert not codes & absent, codes
    assert present <= codes, codes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Riot police trained water cannons on protesters outside parliament.", "175"),
        ("Six opposition parties began impeachment proceedings against the Peruvian president.", "1041"),
        ("The Senate voted down the Bolivian budget bill.", "120"),
        ("Most senators voted against the trade agreement with Chile.", "120"),
        ("The Peruvian defence ministry suspended four army commanders.", "172"),
        ("The Malian president accepted the resignation of his prime minister.", "0831"),
        ("Lebanon reaffirmed its unwavering partnership with France.", "051"),
        ("The Azerbaijani government said it reserves the right to respond to any provocation.", "138"),
        ("Kenya pledged to punish Somalia for the raid.", "130"),
        ("The Bolivian government pressed charges against the Chilean company.", "115"),
        ("The Israeli army called up thousands of reservists.", "154"),
        ("The Nigerian air force is set to get ten fighter jets from Pakistan.", "0332"),
        ("The Danish defence ministry is reviewing its Arctic defence posture.", "014"),
        ("The Senegalese president invited the Gambian leader to Dakar.", "036"),
        ("The Indian prime minister spoke with the Japanese prime minister by telephone.", "041"),
        ("The Turkish president spoke with the Greek prime minister about migration.", "040"),
        ("Opposition lawmakers walked out of parliament ahead of the budget vote.", "143"),
        ("The Chilean navy sent two ships to help find the missing Argentine submarine.", "074"),
        ("Police placed the Zambian opposition leader under house arrest.", "173"),
    ],
)
def test_lead_event_patterns(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert cameo in _codes(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an adjective in -ing is no verb's act ("challenging" is no challenge)
        ("The work of the Kenyan inspectors has become more challenging.", {"110"}),
        # a modal complement needs its own clause after the subject: no inverted condition, no "it must be said"
        ("Analysts believe the Peruvian president will resign should the protests grow.", {"020"}),
        ("It must be said that the Chilean army acted with restraint, the minister noted.", {"100"}),
        ("The Peruvian minister said Chile has been patient with Bolivia.", {"100"}),  # perfect "has" is no "has to"
        # a subject that is no agent neither allows nor forces anything
        ("This new software allows Colombian police to track suspects.", {"080"}),
        ("The new law has forced Danish firms to close their offices in Iran.", {"170"}),
        # "lay down" is no lie
        ("The villagers said they ran to the fields and lay down.", {"112"}),
        # a refusal to reveal something is declining to comment, not a rejection
        ("The Bolivian ministry refused to reveal which firms were involved.", {"120"}),
    ],
)
def test_no_sense_in_these_readings(pipeline: Pipeline, text: str, absent: set[str]) -> None:
    assert not _codes(pipeline, text) & absent


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Brazil said Venezuela must release the detained journalists.", "100"),
        ("Ecuador said Peru's blockade of the port must be lifted.", "100"),  # a passive prescription
        ("Brazil said Venezuela has to free the detained journalists.", "100"),  # "has to" is "must"
        ("The Kenyan president persuaded Somalia to join the talks.", "020"),
        ("The Bolivian ministry refused to reveal which firms were involved.", "011"),
    ],
)
def test_sense_rules_keep_these(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert cameo in _codes(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # codes named by the CAMEO definitions that the lexicon had no pattern for
        ("Officials in Kabul fear that the truce with Pakistan will collapse.", "012"),
        ("The Greek president laid a wreath at the war memorial in Athens.", "017"),
        ("The UN envoy called for restraint from both armies.", "0256"),  # the call-for frame yields
        ("The Chilean mayor called for calm after the clashes.", "0252"),
        ("Ukraine appealed to Germany for more air-defense missiles.", "0232"),
        ("Tunisia asked the IMF for a loan of two billion dollars.", "0231"),
        ("Canada promised to send humanitarian supplies to the flood victims in Pakistan.", "0333"),
        ("The Thai king welcomed the Japanese emperor.", "043"),
        ("India and Pakistan traded accusations over the border clash.", "112"),
        ("The Malian junta lifted the ban on political parties.", "0812"),
        ("Israel eased the blockade of Gaza.", "0872"),
        ("Egypt allowed aid convoys into Gaza.", "0863"),
        ("Thousands of Belarusians rallied in Minsk demanding the resignation of the president.", "1411"),
        ("North Korea conducted a nuclear test on Sunday.", "2042"),
        ("The Turkish government curbed press freedom ahead of the vote.", "1721"),
        ("China threatened to blockade Taiwan.", "1381"),
    ],
)
def test_codes_from_the_cameo_definitions(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert cameo in _codes(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a participle under a linking verb is a state, no act
        ("Many Nepalese workers felt mistreated by their employers.", {"1822"}),
        ("Two Danish journalists remained detained in Minsk.", {"173"}),
        # a passive's agent is its actor, not its content ("banned by aid agencies" expels no agency)
        ("Cluster bombs have been banned by most aid agencies.", {"1663"}),
        # a bare operation is no attack; a market rally is no protest; storming out is no assault
        ("The Danish charity suspended operations in Yemen.", {"087", "190"}),
        ("Asian stocks rallied on Monday.", {"141"}),
        ("The Kenyan delegate stormed out of the meeting.", {"190"}),
        ("The Chilean firm backed out of the deal with Peru.", {"051"}),
        ("The minister hit back at critics of the Kenyan budget.", {"190"}),
        # crimes committed by someone are no commitment; seizing on a chance seizes nothing
        ("Peru will investigate the abuses committed by the army in Ayacucho.", {"030", "0312"}),
        ("The Bolivian opposition has seized on the protests in La Paz.", {"1711"}),
        # a relative clause describes a noun of the complement; it gives the act no sense
        ("The Kenyan minister condemned the decision by Uganda, which remains at war with rebels.", {"1124"}),
        # an operation executed is no execution; fighting for rights is no fighting; a fire is no agent
        ("The Chilean raid was planned and executed with precision.", {"1823"}),
        ("Thousands of Chilean students are fighting for free education.", {"190"}),
        ("The wreckage of the Peruvian jet was burning for hours.", {"1712"}),
    ],
)
def test_more_readings_without_that_sense(pipeline: Pipeline, text: str, absent: set[str]) -> None:
    assert not _codes(pipeline, text) & absent


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Chilean ministry conceded that it had misled Peru.", "015"),
        ("The EU froze the assets of three Belarusian banks.", "163"),
        ("The Turkish army halted military operations in northern Iraq.", "087"),
        ("Saudi Arabia reopened its embassy in Damascus.", "050"),
        ("The Iranian president accepted an invitation from Brazil.", "036"),
        ("The Indonesian government fired back at Israel that it had built the hospital.", "111"),
        ("The Kenyan minister hit back at critics of the budget.", "111"),
        ("Ecuador informed the UN Security Council about the Peruvian incursion.", "114"),
        ("Qatar acted as a mediator between the two Sudanese factions.", "045"),
        ("The Peruvian government is committed to the peace process.", "030"),
        ("Belarus executed two men convicted of treason.", "1823"),
    ],
)
def test_more_patterns(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert cameo in _codes(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # regretting one's own acts is an apology; regretting another's act is disapproval
        ('"I sincerely regret my remarks about the Zambian delegation," the Malawian minister said.', "055", "110"),
        ("The Malawian president regretted the harm his comments had caused to Zambia.", "055", "110"),
        ("Malawi regretted the military action taken by Zambia.", "110", "055"),
        ("Malawi regretted the actions of the Zambian army.", "110", "055"),
        # "turn down" an offer is a refusal; turning down the rhetoric is no event
        ("Malawi turned down the Zambian offer of talks.", "120", ""),
        ("Malawi turned down the rhetoric against Zambia.", "", "120"),
        # letting another side succeed is no yielding
        ("Malawi allowed Zambian inspectors to enter the mine.", "080", ""),
        ('"We will never let the Zambian rebels succeed," the Malawian minister said.', "", "124"),
    ],
)
def test_senses_of_regret_turn_down_and_let(pipeline: Pipeline, text: str, present: str, absent: str) -> None:
    codes = _codes(pipeline, text)
    assert not present or present in codes, codes
    assert not absent or absent not in codes, codes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # asking for an inquiry demands one; asking to bar weapons asks for no weapons
        ("The Malawian opposition called for an inquiry into the Zambian police.", "101", "020"),
        ("Malawi asked Zambia for missiles.", "0232", ""),
        ("The Malawian union asked Zambia to ban the use of missiles against protesters.", "", "0232"),
        # a reaction of outrage is a criticism of what caused it
        ("The Malawian minister said she was appalled by the Zambian raids.", "111", ""),
    ],
)
def test_senses_of_inquiries_prohibitions_and_outrage(pipeline: Pipeline, text: str, present: str, absent: str) -> None:
    codes = _codes(pipeline, text)
    assert not present or present in codes, codes
    assert not absent or absent not in codes, codes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present"),
    [
        # accepting gifts or favours is no agreement; accepting a proposal is
        ("The Malawian minister accepted free flights from a Zambian businessman.", False),
        ("The Malawian minister accepted cash from the Zambian embassy.", False),
        ("Malawi accepted the Zambian proposal for talks.", True),
    ],
)
def test_accepting_gifts_is_no_agreement(pipeline: Pipeline, text: str, present: bool) -> None:
    assert ("030" in _codes(pipeline, text)) is present


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present"),
    [
        # an emergency placed in hospitals is a medical alert, not a state of emergency
        ("Zambian authorities declared an emergency in local hospitals.", False),
        ("The Zambian government declared a state of emergency in the capital.", True),
    ],
)
def test_a_veto_noun_placing_the_complement_word(pipeline: Pipeline, text: str, present: bool) -> None:
    assert ("1724" in _codes(pipeline, text)) is present


@pytest.mark.slow
def test_going_on_with_an_inquiry_is_no_call_for_one(pipeline: Pipeline) -> None:
    assert "101" not in _codes(pipeline, "The Malawian police pushed ahead with the inquiry into the Zambian envoy.")
