"""Which of a sentence's coded events stand: one act told twice keeps the telling with the most
evidence (a target, an agent, the attack rather than its toll)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...labels import CLAUSE_OPENERS, DIRECT_OR_PREP_OBJECTS, JOINT_COUNTS, SUBJECTS, VERB_LINKS
from ...model import Analysis, Event, EventSide
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..lexicon.lexicon import toll_words
from ..sides.addressees import responds

_WORDS = word_lists("eventwire.events")

__all__ = [
    "VIOLENT_ROOTS",
    "blank",
    "drop_blank_sources",
    "drop_consequences",
    "drop_partnerless",
    "drop_self_accusations",
    "drop_sourceless",
    "drop_targetless",
    "drop_tolls",
    "drop_untargeted",
    "mirrors_second",
    "stands_alone",
    "targetless_codes",
    "who",
]

#: roots of violence: one attack may be told by several triggers ("killed in an air strike by X")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: conjunctions of a clause that tells what an act happened with ("were killed as forces shelled X")
TEMPORAL_MARKS = _WORDS.words("temporal_marks")


#: roots of acts whose source may be named by no code: force (its means: "a missile struck X") and
#: protest (its crowd: "thousands of people protested")
CROWD_ROOTS = VIOLENT_ROOTS | {"14"}
#: roots of criticism and accusation (11) and rejection (12)
ACCUSATION_ROOTS = frozenset({"11", "12"})
#: sectors of a state's own officials and forces
STATE_SECTORS = frozenset({"GOV", "MIL"})
#: roots of cooperation, which parties named together do with each other (not criticism or threats)
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: roots of verbal acts (approval, demands, disapproval, threats) that may name what they answer or aim
#: at, not whom ("condemned the attack", "will attack the militant camp")
REACTION_ROOTS = frozenset({"05", "10", "11", "13"})

#: codes of acts that take two parties: talks, a phone call, negotiations ("talked about the lack of fuel"
#: with no one named is no consultation)
PARTNER_CODES = frozenset({"040", "041", "046"})


def who(side: EventSide | None) -> object:
    return None if side is None else side.actor or side.country or side.text


def drop_untargeted(events: list[Event]) -> list[Event]:
    """An event without a target is dropped when the same source has one with a target and root."""
    targeted = {(who(e.source), e.root) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (who(e.source), e.root) not in targeted]


@cache
def _targetless() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire.events").joinpath("data/targetless.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict) or sorted(data) != ["codes", "joint_words"]:
        raise ValueError("targetless.yaml must hold exactly the lists 'codes' and 'joint_words'")
    codes = frozenset(str(c) for c in data["codes"])
    if not all(c.isdigit() and 2 <= len(c) <= 4 for c in codes):
        raise ValueError("targetless.yaml: every code is a CAMEO root or code of 2 to 4 digits")
    return {"codes": codes, "joint_words": frozenset(str(w).lower() for w in data["joint_words"])}


def targetless_codes() -> frozenset[str]:
    """The CAMEO codes and roots of ``data/targetless.yaml``: acts whole without a named target."""
    return _targetless()["codes"]


def stands_alone(cameo: str) -> bool:
    """Whether an act of code ``cameo`` is whole without a target (its code or a prefix is listed)."""
    codes = targetless_codes()
    return any(cameo[:n] in codes for n in range(2, len(cameo) + 1))


def drop_targetless(events: list[Event], doc: Doc) -> list[Event]:
    """An act done to someone (an accusation, a demand, aid, a threat, a sanction) with no target found is
    dropped: "he condemned what he called a cowardly act", "Canada sent aid", "she insisted there was
    nothing behind it" name no party. It stays when it is cooperation of parties named together or
    joint ("Kenyan and British troops began joint exercises"), when it is a threat to respond ("vowed
    to retaliate": aimed at whoever attacked), or when it is a verbal act whose object names what it
    answers or aims at ("the UN condemned the attack", "demanded an apology", "will attack the militant
    camp"): the party is the one behind it. Statements, appeals, intents, talks, yielding,
    investigations, protests, rejections, fighting and shows of force stand alone
    (``data/targetless.yaml``)."""
    return [e for e in events if e.target is not None or stands_alone(e.cameo) or _stands(doc, e)]


def _stands(doc: Doc, event: Event) -> bool:
    """Whether an untargeted act of a code that needs a target stands all the same (see above)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    trigger = span.root
    if any(c.dep_ == "amod" and c.lower_ in _targetless()["joint_words"] for c in trigger.children):
        return True  # "joint exercises": the parties act together
    if event.root in COOPERATION_ROOTS and _together(trigger):
        return True  # cooperation of parties named together ("Kenyan and British troops began exercises")
    if responds(doc, event):
        return True
    if event.root not in REACTION_ROOTS:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in trigger.children)


def _together(trigger: Token) -> bool:
    """Whether the subject of the trigger (of its verb, for a noun) names several parties."""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in DIRECT_OR_PREP_OBJECTS else trigger
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return any(c.dep_ == "conj" or c.lower_ == "both" for s in subjects for m in (s, *s.children) for c in m.children)


def drop_self_accusations(events: list[Event], analysis: Analysis) -> list[Event]:
    """A state's own officials and forces do not criticise or accuse (11, 12) the state itself: "“X is
    responding to the aggression,” the X army spokesman said" judges no one of X, and a speaker the
    actor coder gave the country of the state it accuses ("adviser Y argued that Israel's conduct
    violates the law") had that country guessed from the state it speaks of. Criticism of a fellow
    official, a ministry or a parliament of one's own country stays."""
    states = {a.id for a in analysis.actors if a.kind == "country"}

    def self_accusing(e: Event) -> bool:
        src, tgt = e.source, e.target
        return (
            e.root in ACCUSATION_ROOTS
            and src is not None
            and tgt is not None
            and tgt.actor in states
            and src.sector in STATE_SECTORS
            and src.country is not None
            and src.country == tgt.country
        )

    return [e for e in events if not self_accusing(e)]


def blank(side: EventSide | None) -> bool:
    """Whether a side is there but names nothing codable: no actor, no country, no sector ("voters",
    "searchers", "those in attendance")."""
    return side is not None and side.actor is None and side.country is None and side.sector is None


def drop_blank_sources(events: list[Event]) -> list[Event]:
    """An act whose source names nothing codable is dropped, as a coder drops an event of an uncodable
    actor ("voters dismissed them", "searchers investigated several areas", "those in attendance supported
    it"). Force (18-20) keeps its means as source ("a missile struck X") and a protest its crowd
    ("thousands of people protested at the embassy"). A blank target is left to the document-level
    confidence (``assess``: ``tgt_blank``): sentence sets code such targets by their words."""
    return [e for e in events if e.root in CROWD_ROOTS or not blank(e.source)]


def drop_partnerless(events: list[Event], sent: SpacySpan) -> list[Event]:
    """Talks, calls and negotiations of one party with no partner named are dropped ("he proceeded to
    talk about how Congress would come round", "we have been talking about the lack of fuel"); parties
    that meet each other ("Indian and Bangladeshi officials met", "the two governments discuss") stay."""
    if not events:  # most sentences: no token table to build
        return []
    at = {t.idx: t for t in sent}
    return [
        e for e in events if e.cameo not in PARTNER_CODES or e.target is not None or _joint(at.get(e.trigger.start))
    ]


def _joint(trigger: Token | None) -> bool:
    """Whether the trigger's subject names several parties: coordinated, counted or a plural noun."""
    if trigger is None:
        return True
    subjects = [c for c in trigger.children if c.dep_ in SUBJECTS]
    if not subjects and trigger.dep_ in VERB_LINKS:  # "met to discuss", "met and talked"
        subjects = [c for c in trigger.head.children if c.dep_ in SUBJECTS]
    return any(
        s.tag_ in ("NNS", "NNPS") or any(c.dep_ in JOINT_COUNTS or c.lower_ == "both" for c in s.children)
        for s in subjects
    )


def drop_sourceless(events: list[Event]) -> list[Event]:
    """A passive event without agent is dropped when another event has a source and the same target
    ("were killed in an air strike by government forces")."""
    sourced = {
        (who(e.target), e.root in VIOLENT_ROOTS or e.root)
        for e in events
        if e.source is not None and e.target is not None
    }
    return [
        e for e in events if e.source is not None or (who(e.target), e.root in VIOLENT_ROOTS or e.root) not in sourced
    ]


def drop_consequences(events: list[Event], sent: SpacySpan) -> list[Event]:
    """An agentless violent passive is dropped when its temporal clause tells, with an agent, the
    attack it results from ("23 civilians were killed as government forces launched air strikes on X",
    "two people died when gunmen stormed the embassy"): the attack is the event."""
    if not events:
        return []
    at = {t.idx: t for t in sent}
    causes = [at[e.trigger.start] for e in events if e.source is not None and e.root in VIOLENT_ROOTS]
    return [
        e
        for e in events
        if e.source is not None
        or e.root not in VIOLENT_ROOTS
        or not any(_in_temporal_clause(c, at.get(e.trigger.start)) for c in causes)
    ]


def drop_tolls(events: list[Event], sent: SpacySpan) -> list[Event]:
    """An act of harm told as the toll of an act of violence it is coordinated with ("has killed 52,000
    people and wounded 118,000 others", "a child was killed and two people injured in the attack") is
    that attack's toll, not a second attack: dropped when the act it hangs on is an event of the
    sentence (``data/patterns.yaml`` tolls). A harm aimed at another country's actor stays ("shelled
    the town and wounded two Chadian soldiers")."""
    if not events:
        return []
    at = {t.idx: t for t in sent}
    violent = {at[e.trigger.start].i: e for e in events if e.root in VIOLENT_ROOTS and e.trigger.start in at}
    words = toll_words()

    def toll(e: Event) -> bool:
        tok = at.get(e.trigger.start)
        if tok is None or e.root not in VIOLENT_ROOTS or tok.lemma_.lower() not in words or tok.dep_ != "conj":
            return False
        head = violent.get(tok.head.i)
        if head is None or head is e:
            return False
        tgt, other = e.target, head.target
        return tgt is None or tgt.country is None or other is None or tgt.country == other.country

    return [e for e in events if not toll(e)]


def _in_temporal_clause(tok: Token, governor: Token | None) -> bool:
    """Whether ``tok`` lies in a temporal clause ("as", "when", "after") of ``governor`` or of a verb
    coordinated with it ("were killed and 41 wounded after a bomb struck a bus")."""
    if governor is None:
        return False
    heads = {governor.i, *(c.i for c in governor.children if c.dep_ == "conj")}
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "advcl" and cur.head.i in heads:
            return any(c.dep_ in CLAUSE_OPENERS and c.lower_ in TEMPORAL_MARKS for c in cur.children)
        cur = cur.head
    return False


def mirrors_second(events: list[Event], told: set[int]) -> list[Event]:
    """The mirror of a symmetric act ("Y meets X" of "X will hold talks with Y") is never more
    confident than the act as told, whose source the syntax gave."""

    def as_told(side: EventSide | None) -> bool:
        return side is not None and any((side.start or 0) <= i < (side.end or 0) for i in told)

    firm = [e.confidence for e in events if as_told(e.source)]
    if not firm:
        return events
    cap = max(firm)
    return [e if as_told(e.source) or e.confidence <= cap else replace(e, confidence=cap) for e in events]
