"""Claims: which actors assert or deny a proposition ("U.S. troops will leave Iraq").

The stage reads the parse, the actors and the quotes. A sentence holds a claim when it has a
trigger word of a proposition (data/claims.yaml) in a military context; the stance is "for" unless the
trigger is negated ("no plans to leave", "denied ... was leaving") or is a deny word ("would remain").
The holder is the speaker of the quotation around the trigger, else the subject of the reporting verb
above it, else the subject of the trigger's own clause. Across articles, claims with the same key
("withdraw:USA:IRQ") are grouped by the store; a claim is disputed when some holders assert it and
others deny it.

The stage is given its propositions (``ClaimFinder(claims=...)``; a pipeline gives it its knowledge's, the
package's plus a user's ``claims:``: ``eventwire.knowledge``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .labels import (
    ARGUMENT_SLOTS,
    DIRECT_OBJECTS,
    NEEDED_OBJECTS,
    NEGATION_CARRIERS,
    OWNER_MODIFIERS,
    PARTICLES,
    SUBJECTS,
)
from .model import Actor, Analysis, Claim, Quote, Span
from .nlp import scan_words, sentence_of
from .vocabulary import vocabulary
from .wordlists import word_lists
from .yamlfile import load_yaml

if TYPE_CHECKING:
    from .knowledge import Knowledge
    from .knowledge.countries import CountryTable

_WORDS = word_lists("eventwire")

__all__ = ["ClaimFinder", "Claims", "Proposition", "default_claims", "load_propositions", "proposition_of"]

NEGATORS = _WORDS.words("negators")
MOVER_PLACE_PREPS = _WORDS.words("mover_place_preps")
OWNER_PRONOUNS = _WORDS.words("owner_pronouns")
HYPOTHETICAL_AUX = _WORDS.words("hypothetical_aux")


@dataclass(frozen=True)
class Trigger:
    lemma: str
    particle: str | None = None
    modifier: str | None = None
    needs_object: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Proposition:
    id: str
    text: str
    asserts: tuple[Trigger, ...]
    denies: tuple[Trigger, ...]
    troop_words: frozenset[str]


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(
        entry["lemma"], entry.get("particle"), entry.get("modifier"), frozenset(entry.get("needs_object", []))
    )


def _index(propositions: Sequence[Proposition]) -> dict[str, tuple[Proposition, ...]]:
    """Lemma -> the propositions that lemma can trigger (so each token costs one dict lookup)."""
    index: dict[str, list[Proposition]] = {}
    for prop in propositions:
        for trig in (*prop.asserts, *prop.denies):
            if prop not in index.setdefault(trig.lemma, []):
                index[trig.lemma].append(prop)
    return {k: tuple(v) for k, v in index.items()}


@dataclass(frozen=True)
class Claims:
    """The propositions the claims stage looks for, with their trigger index."""

    propositions: tuple[Proposition, ...]
    #: lemma -> the propositions that lemma can trigger
    index: dict[str, tuple[Proposition, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _index(self.propositions))

    def with_propositions(self, propositions: Iterable[Proposition]) -> Claims:
        """These claims with ``propositions`` added (one with the id of one of these replaces it, in place)."""
        mine = {p.id: p for p in propositions}
        kept = tuple(mine.pop(p.id, p) for p in self.propositions)
        return replace(self, propositions=kept + tuple(mine.values()))


def proposition_of(p: dict[str, Any]) -> Proposition:
    """The proposition of a ``claims.yaml`` entry (id, text, assert, and optional deny, troop_words)."""
    return Proposition(
        str(p["id"]),
        str(p["text"]),
        tuple(_trigger(t) for t in p["assert"]),
        tuple(_trigger(t) for t in p.get("deny", [])),
        frozenset(p["troop_words"]),
    )


@functools.cache
def load_propositions() -> tuple[Proposition, ...]:
    raw = load_yaml(resources.files("eventwire").joinpath("data/claims.yaml").read_text())
    return tuple(proposition_of(p) for p in raw["propositions"])


@functools.cache
def default_claims() -> Claims:
    """The package's propositions (``data/claims.yaml``)."""
    return Claims(load_propositions())


def _matches(tok: Token, trig: Trigger) -> bool:
    if tok.lemma_.lower() != trig.lemma and tok.lower_ != trig.lemma:
        return False
    if trig.particle and not any(c.dep_ in PARTICLES and c.lower_ == trig.particle for c in tok.children):
        return False
    if trig.modifier and not any(c.lower_ == trig.modifier for c in tok.children):
        return False
    if trig.needs_object:
        objects = {c.lemma_.lower() for c in tok.children if c.dep_ in NEEDED_OBJECTS}
        return bool(objects & trig.needs_object)
    return True


def _negated(tok: Token) -> bool:
    """Negated by its own 'not', a denying verb above it, or 'no' on a noun above it (no plans to leave)."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in NEGATION_CARRIERS) for c in tok.children):
        return True
    vocab = vocabulary()
    denying, reporting = vocab.words("eventwire.denying_verbs"), vocab.words("eventwire.reporting_verbs")
    for anc in tok.ancestors:
        if anc.lemma_ in denying:
            return True
        if anc.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in anc.children):
            return True
        if any(c.dep_ == "neg" for c in anc.children) and anc.lemma_ not in reporting:
            return True
        if anc.lemma_ in reporting:
            break
    return False


@dataclass(frozen=True)
class _Candidate:
    tok: Token
    sent: SpacySpan
    prop: Proposition
    stance: Literal["for", "against"]
    actor: Actor | None
    holder: str


@dataclass(frozen=True)
class ClaimFinder:
    """Stage: claims of the propositions in data/claims.yaml."""

    name: str = "claims"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc", "actors", "quotes")
    assigns: tuple[str, ...] = ("claims",)
    #: the propositions (None: the package's)
    claims: Claims | None = None

    def with_knowledge(self, knowledge: Knowledge) -> ClaimFinder:
        """This stage looking for ``knowledge``'s propositions."""
        return replace(self, claims=knowledge.claims)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        index = (self.claims or default_claims()).index

        def props(lemma: str, lower: str, _alpha: bool) -> tuple[Proposition, ...]:
            return index.get(lemma.lower(), ()) or index.get(lower, ())

        candidates: list[_Candidate] = []
        for i, found in scan_words(doc, props):
            tok = doc[i]
            sent = sentence_of(tok)
            candidates.extend(c for prop in found if (c := _candidate(tok, sent, prop, analysis)) is not None)
        if not candidates:
            return analysis
        movers: Counter[str] = Counter()
        places: Counter[str] = Counter()
        for c in candidates:
            place = _explicit_place(c.sent, analysis)
            mover = _explicit_mover(c.tok, c.sent, c.prop, analysis)
            places.update(filter(None, [place]))
            movers.update(filter(None, [mover if mover != place else None]))
        claims = []
        for c in candidates:
            place = _explicit_place(c.sent, analysis)
            mover = _explicit_mover(c.tok, c.sent, c.prop, analysis)
            if mover is None or mover == place:
                mover = _top(movers, exclude=place)
            place = place or _top(places, exclude=mover)
            if mover is None or place is None or mover == place:
                continue
            text = c.prop.text.format(mover=_adjective_name(mover), place=_country_name(place))
            claims.append(
                Claim(
                    f"{c.prop.id}:{mover}:{place}",
                    text,
                    c.stance,
                    c.actor.id if c.actor else None,
                    c.holder,
                    Span(c.sent.start_char, c.sent.end_char, c.sent.text),
                    Span(c.tok.idx, c.tok.idx + len(c.tok.text), c.tok.text),
                )
            )
        return analysis.with_(claims=tuple(_dedupe(claims)))


def _top(counts: Counter[str], exclude: str | None = None) -> str | None:
    return next((k for k, _ in counts.most_common() if k != exclude), None)


def _candidate(tok: Token, sent: SpacySpan, prop: Proposition, analysis: Analysis) -> _Candidate | None:
    stance: Literal["for", "against"]
    if any(_matches(tok, t) for t in prop.asserts):
        stance = "against" if _negated(tok) else "for"
    elif any(_matches(tok, t) for t in prop.denies):
        stance = "for" if _negated(tok) else "against"
    else:
        return None
    if _hypothetical(tok) or not _military_context(tok, sent, prop, analysis):
        return None
    holder = _holder(tok, analysis)
    if holder is None:
        return None
    return _Candidate(tok, sent, prop, stance, holder[0], holder[1])


def _actor_country(start: int, end: int, analysis: Analysis) -> str | None:
    """The country of the actor with a mention inside, or else around, [start, end)."""
    actor = analysis.actor_at(start, end) or _actor_covering(start, end, analysis)
    return actor.country if actor else None


def _actor_covering(start: int, end: int, analysis: Analysis) -> Actor | None:
    return next((a for a in analysis.actors for m in a.mentions if m.start <= start and end <= m.end), None)


def _explicit_place(sent: SpacySpan, analysis: Analysis) -> str | None:
    """A country named after in/from, or as the object of leaving, in the sentence."""
    leaving = vocabulary().words("eventwire.leaving_verbs")
    for tok in sent:
        prep = tok.head
        is_from = tok.dep_ == "pobj" and (
            prep.lower_ in MOVER_PLACE_PREPS or (prep.lower_ == "of" and prep.head.lower_ == "out")
        )
        is_left = tok.dep_ in DIRECT_OBJECTS and tok.head.lemma_ in leaving
        if (is_from or is_left) and tok.ent_type_ == "GPE":
            country = _actor_country(tok.idx, tok.idx + len(tok.text), analysis)
            if country:
                return country
    return None


def _explicit_mover(tok: Token, sent: SpacySpan, prop: Proposition, analysis: Analysis) -> str | None:
    """Whose troops: a country modifying a troop word (U.S. troops), or a country subject of the trigger."""
    for t in sent:
        if t.lemma_.lower() in prop.troop_words or t.lower_ in prop.troop_words:
            covering = _actor_covering(t.idx, t.idx + len(t.text), analysis)
            if covering is not None and covering.country:
                return covering.country
            for mod in t.children:
                if mod.dep_ in OWNER_MODIFIERS and mod.lower_ not in OWNER_PRONOUNS:
                    sub = list(mod.subtree)
                    country = _actor_country(sub[0].idx, sub[-1].idx + len(sub[-1].text), analysis)
                    if country:
                        return country
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    for subj in subjects:
        country = _country_of(subj, analysis)
        if country:
            return country
    return None


def _hypothetical(tok: Token) -> bool:
    """'The removal ... would affect ...': the trigger is the subject of a conditional, not a claim."""
    head = tok.head
    return tok.dep_ in SUBJECTS and any(c.lower_ in HYPOTHETICAL_AUX for c in head.children)


def _military_context(tok: Token, sent: SpacySpan, prop: Proposition, analysis: Analysis) -> bool:
    if any(t.lemma_.lower() in prop.troop_words or t.lower_ in prop.troop_words for t in sent):
        return True
    args = [c for c in tok.children if c.dep_ in ARGUMENT_SLOTS]
    return any(_country_of(c, analysis) for c in args)


def _country_of(tok: Token, analysis: Analysis) -> str | None:
    sub = list(tok.subtree)
    actor = analysis.actor_at(sub[0].idx, sub[-1].idx + len(sub[-1].text))
    return actor.country if actor and actor.kind == "country" else None


def _quote_around(tok: Token, analysis: Analysis) -> Quote | None:
    return next((q for q in analysis.quotes if q.span.start <= tok.idx < q.span.end), None)


def _holder(tok: Token, analysis: Analysis) -> tuple[Actor | None, str] | None:
    quote = _quote_around(tok, analysis)
    if quote is not None and (quote.speaker.actor or quote.speaker.text):
        actor = analysis.actor(quote.speaker.actor)
        return actor, actor.name if actor else str(quote.speaker.text)
    reporting = vocabulary().words("eventwire.reporting_verbs")
    for anc in [tok, *tok.ancestors]:
        subjects = [c for c in anc.children if c.dep_ in SUBJECTS]
        if subjects and (anc is not tok or anc.lemma_ in reporting) and subjects[0] != tok:
            sub = list(subjects[0].subtree)
            actor = analysis.actor_at(sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if actor is not None:
                return actor, actor.name
            if anc.lemma_ in reporting:
                return None
    return None


def _adjective_name(iso3: str) -> str:
    """The word used before "troops": the country table's attributive name ("U.S."), else the adjective
    ("French")."""
    return _countries().attributive_of(iso3)


def _countries() -> CountryTable:
    """The country table (imported here: the knowledge package, which reads this stage's propositions,
    imports this module)."""
    from .knowledge.countries import country_table

    return country_table()


def _country_name(iso3: str) -> str:
    return _countries().name_of(iso3)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for c in claims:
        key = (c.key, c.stance, c.holder, c.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
