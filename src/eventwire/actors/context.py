"""Article-level context for actor resolution: which countries were named where, which unit starts
where, and what "the country" or a bare sector noun refers to from the sentence around it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..labels import (
    ACTOR_CONTEXT_CLAUSE_DEPS,
    NOUN_CLAUSES,
    OBJECTS,
    OWNER_MODIFIERS,
    SUBJECT_MODIFIERS,
    SUBJECTS,
)
from ..partitives import partitive_after
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .coref import Sentences
from .knowledge import Lexicon
from .matcher import Unit

_WORDS = word_lists("eventwire.actors")

__all__ = ["Context", "relational"]


#: how clearly a country must dominate an article to be the country of names tied to nothing else
HOME_MARKS = 3
HOME_SHARE = 0.4
#: the least share of all country mentions a country left after excluding a phrase's counterparts must have
COUNTERPART_SHARE = 0.2

#: possessives whose owner gives a phrase its country ("its troops", "his government": the speaker's)
POSSESSIVES = _WORDS.words("possessives")

#: units that name a place (not a nationality word)
PLACE_UNITS = frozenset({"country", "region", "capital"})

#: prepositions of a verb whose phrase may name the place where something befell its subject ("killed in",
#: "killed along the border because of shelling in X"); not "by" (the agent's own place)
SCENE_PREPS = _WORDS.words("scene_preps")
#: prepositions of a crowd's own verb whose phrase names where it acts ("rallied in X", "outside the embassy in X")
CROWD_PLACE_PREPS = _WORDS.words("crowd_place_preps")

#: prepositions of place: "rebels attacked a base in Mali" leaves Mali a candidate for the rebels' country
LOCATIVE = _WORDS.words("context_locative")


@dataclass
class Context:
    """Article-level facts the resolution needs: the date, which countries were named where, the units."""

    doc: Doc
    lex: Lexicon
    published: dt.date | None
    #: (token index, iso3) of every country-ish unit, in order
    country_marks: list[tuple[int, str]]
    #: every unit by its first token
    units: dict[int, Unit] = field(default_factory=dict)
    sents: Sentences | None = None
    #: the outlet's own country (from a country-code web domain) and how many mentions it counts as
    #: when the article names it at least once
    outlet: str | None = None
    outlet_marks: int = 0
    #: the marks' token indices when they are in order (the questions below then bisect instead of
    #: scanning every mark, which made long articles quadratic); None: not built yet, or not in order
    _positions: list[int] | None = field(default=None, init=False, repr=False)
    _totals: Counter[str] | None = field(default=None, init=False, repr=False)

    def _index(self) -> list[int] | None:
        if self._totals is None:
            positions = [i for i, _ in self.country_marks]
            ordered = all(a <= b for a, b in pairwise(positions))
            self._positions = positions if ordered else None
            self._totals = Counter(iso for _, iso in self.country_marks)
        return self._positions

    def marks_in(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """``[(i, iso) for i, iso in country_marks if lo <= i < hi]``."""
        positions = self._index()
        if positions is None:
            return [(i, iso) for i, iso in self.country_marks if lo <= i < hi]
        return self.country_marks[bisect_left(positions, lo) : bisect_left(positions, hi)]

    def first_country_in(self, lo: int, hi: int) -> str | None:
        """The country of the first mark with ``lo <= i <= hi``."""
        found = self.marks_in(lo, hi + 1)
        return found[0][1] if found else None

    def sent_bounds(self, i: int) -> tuple[int, int]:
        if self.sents is None:
            self.sents = Sentences(self.doc)
        return self.sents.bounds(i)

    def recent_country(self, before: int) -> str | None:
        """The country "the country" refers to ("the country's Ministry of Defense").

        As the subject of a reported clause, the reporter's ("Iran told Iraq that the country would ...");
        otherwise the country named last, passing over the country of the actor of its own clause ("the U.S.
        moved troops into the country"; "Iraq asked the U.S. to withdraw from the country")."""
        if before >= len(self.doc):
            return self.dominant(before)
        verb, actor = _clause_actor(self.doc[before])
        if actor is not None and actor.left_edge.i <= before <= actor.right_edge.i:
            if verb is not None and verb.dep_ == "ccomp":
                reporter = _subject_of(verb.head)
                found = self._span_country(reporter) if reporter is not None and reporter.i < before else None
                if found is not None:
                    return found
            actor = None
        return self._last_other(before, actor) or self.dominant(before)

    def _last_other(self, before: int, actor: Token | None) -> str | None:
        """The country named last before token ``before`` that is not the actor's own."""
        if self._index() is None:
            own = {iso for i, iso in self.country_marks if i < before and _names_actor(self.doc[i], actor)}
            names = [iso for i, iso in self.country_marks if i < before and iso not in own]
            return names[-1] if names else None
        near = [actor.i, *(c.i for c in actor.children)] if actor is not None else []  # marks naming the actor
        own = {
            iso for p in near if p < before for i, iso in self.marks_in(p, p + 1) if _names_actor(self.doc[i], actor)
        }
        for _, iso in reversed(self.marks_in(-1, before)):
            if iso not in own:
                return iso
        return None

    def _span_country(self, tok: Token) -> str | None:
        """The country named inside a phrase, or of the known person it names ("Erdogan said ...")."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        iso = self.first_country_in(lo, hi)
        if iso is not None:
            return iso
        names = [t for t in self.doc[lo : hi + 1] if t.pos_ == "PROPN"]
        if not names:
            return None
        full = self.lex.people.get(" ".join(t.lower_ for t in names))
        people = (full,) if full is not None else self.lex.surnames.get(names[-1].lower_, ())
        return people[0].role_at(self.published).country if people else None

    def its_country(self, i: int) -> str | None:
        """The country a possessive ("its", "their", "his", "her") before token ``i`` stands for: the actor of
        its clause ("Iraq asked the U.S. to withdraw its troops"), or when the phrase is that actor ("Britain
        is sending troops to Mali, its defense ministry said"; "Bosnian Serbs said their forces ...";
        "Minister X said his government ...") the country that is a subject in the sentence, else the first
        one named in it."""
        if i == 0 or self.doc[i - 1].lower_ not in POSSESSIVES:
            return None
        _, actor = _clause_actor(self.doc[i])  # "Iraq asked the U.S. to withdraw its troops": the U.S.
        if actor is not None and not actor.left_edge.i <= i <= actor.right_edge.i:
            found = self._span_country(actor)
            if found is not None:
                return found
        lo = self.sent_bounds(i)[0]
        marks = self.marks_in(lo, i)
        subj = [iso for j, iso in marks if _is_subject(self.doc[j])]
        return subj[0] if subj else marks[0][1] if marks else None

    def possessor_country(self, start: int, head: int) -> str | None:
        """The country of a person or state named as the possessor just before a phrase ("President X's
        special adviser", "the Kremlin chief's spokesman"): one of their own. A possessive pronoun is
        ``its_country``'s."""
        owner = next((c for c in self.doc[head].children if c.dep_ == "poss" and c.i < start), None)
        if owner is None or owner.lower_ in POSSESSIVES:
            return None
        return self._span_country(owner)

    def scene_country(self, i: int) -> str | None:
        """ "Six people were killed in the strikes in X-held Y": the country of the place where what a
        passive verb tells befell its subject (token ``i``), named in a place phrase of that verb (or of a
        verb it is coordinated with); a nationality word there ("in the Indian strikes") is no place."""
        tok = self.doc[i]
        if tok.dep_ != "nsubjpass":
            return None
        verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        return self._place_of(verbs, SCENE_PREPS)

    def _place_of(self, verbs: list[Token], preps: frozenset[str]) -> str | None:
        """The country of the first place named in a place phrase of one of ``verbs``; a country word
        modifying a building or body ("at the U.S. Embassy in X") names its owner, not the place."""
        for verb in verbs:
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
                for j, iso in self.marks_in(prep.i + 1, prep.right_edge.i + 1):
                    unit = self.units.get(j)
                    if unit is None or unit.kind not in PLACE_UNITS:
                        continue
                    if self.doc[unit.end - 1].dep_ in OWNER_MODIFIERS:
                        continue  # "at the U.S. Embassy in X": the country word modifies a building it owns
                    return iso
        return None

    def crowd_country(self, i: int) -> str | None:
        """ "Protesters rallied in X", "thousands of people, some waving flags, marched at the embassy in X":
        the country of the place where an unnamed crowd (token ``i``) acts, named in a place phrase of its
        own verb or of a clause hung on the crowd (or of a verb coordinated with those, or of a subjectless
        clause hung on them)."""
        tok = self.doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i < tok.i:
            owner = tok.head.head  # "thousands of people": the quantity is what the parser makes the subject
            if owner.pos_ == "NUM" or owner.like_num or owner.ent_type_ == "CARDINAL":
                tok = owner
        quantifier = partitive_after(self.doc[i])
        # clauses hung on the crowd tell what it does ("people who rallied in X"); the parser also hangs the
        # crowd's own verb on it so ("dozens of students, many in masks, protested in X")
        own = [c for c in tok.children if c.dep_ in NOUN_CLAUSES and c.pos_ == "VERB"]
        if tok.dep_ == "nsubj":
            own.insert(0, tok.head)
        elif quantifier is not None and quantifier.dep_ == "nsubj":
            own.insert(0, quantifier.head)
        verbs = list(own)
        for verb in own:
            for c in verb.children:
                if c.pos_ == "VERB" and (
                    c.dep_ == "conj" or (c.dep_ == "advcl" and not any(g.dep_ in SUBJECTS for g in c.children))
                ):
                    verbs.append(c)
        return self._place_of(verbs, CROWD_PLACE_PREPS)

    def subject_country(self, i: int) -> str | None:
        """ "The U.S. moved troops into Iraq": the country of the subject whose verb has token ``i`` as its
        object (a conjoined verb shares its subject; "the country" as subject is resolved in turn)."""
        tok = self.doc[i]
        if tok.dep_ != "dobj":
            return None
        subj = _subject_of(tok.head)
        if subj is None:
            return None
        lo, hi = subj.left_edge.i, subj.right_edge.i
        iso = self.first_country_in(lo, hi)
        country_nouns = vocabulary().words("actors.country_nouns")
        if iso is None and subj.lower_ in country_nouns and subj.i > 0 and subj.nbor(-1).lower_ == "the":
            iso = self.recent_country(subj.i - 1)
        return iso

    def counterparts(self, i: int) -> frozenset[str]:
        """Countries the subject at token ``i`` deals with in its own clause, which it is therefore not ("The
        government thanked China for its aid"; "the army accused Rwanda"): those inside the verb's object or a
        non-place prepositional complement of it."""
        tok = self.doc[i]
        if tok.dep_ not in SUBJECTS:
            return frozenset()
        spans = [
            (c.left_edge.i, c.right_edge.i)
            for c in tok.head.children
            if c.dep_ in OBJECTS or (c.dep_ == "prep" and c.lower_ not in LOCATIVE)
        ]
        return frozenset(iso for lo, hi in spans for _, iso in self.marks_in(lo, hi + 1))

    def actor_counterparts(self, i: int) -> frozenset[str]:
        """Countries of the subject of the verb whose object is token ``i``, which the object is therefore
        not ("U.S. agents arrested the territory's premier X": X is no American)."""
        tok = self.doc[i]
        if tok.dep_ != "dobj":
            return frozenset()
        subj = _subject_of(tok.head)
        if subj is None:
            return frozenset()
        return frozenset(iso for _, iso in self.marks_in(subj.left_edge.i, subj.right_edge.i + 1))

    def home(self, at: int) -> str | None:
        """The article's own country, when one clearly dominates it (at least ``HOME_MARKS`` mentions and
        ``HOME_SHARE`` of all country mentions): the default of a name tied to nothing else."""
        counts = self._with_outlet(Counter(iso for _, iso in self.country_marks))
        if not counts:
            return None
        iso, n = counts.most_common(1)[0]
        if n < HOME_MARKS or n < HOME_SHARE * sum(counts.values()):
            return None
        return iso

    def _with_outlet(self, counts: Counter[str]) -> Counter[str]:
        """The counts with the outlet's country counted ``outlet_marks`` more times, when it is named."""
        if self.outlet is not None and counts.get(self.outlet):
            counts[self.outlet] += self.outlet_marks
        return counts

    def dominant(self, at: int, exclude: frozenset[str] = frozenset(), major: bool = False) -> str | None:
        """The article's dominant country, favouring the sentence around ``at``. ``major``: once the excluded
        countries are set aside, none rather than a minor one (``_minor``)."""
        lo, hi = self.sent_bounds(at) if at < len(self.doc) else (-1, -1)
        positions = self._index()
        assert self._totals is not None
        counts: Counter[str] = self._with_outlet(
            Counter({iso: n for iso, n in self._totals.items() if iso not in exclude})
        )
        for _, iso in self.marks_in(lo, hi):  # a mark in the sentence counts twice
            if iso not in exclude:
                counts[iso] += 1
        if not counts:
            return None
        top = max(counts.values())
        if major and exclude and _minor(top, self._with_outlet(Counter(self._totals)), exclude):
            return None  # the article's main countries are the phrase's counterparts: a minor one is no guess
        tied = {iso for iso, n in counts.items() if n == top}
        if len(tied) == 1:
            return tied.pop()
        # a tie: the country named nearest to the phrase
        if positions is None:
            return min((abs(i - at), iso) for i, iso in self.country_marks if iso in tied)[1]
        return _nearest(self.country_marks, positions, at, tied)


def _minor(top: int, totals: Counter[str], exclude: frozenset[str]) -> bool:
    """Whether the best country left once the counterparts are excluded is a minor one of the article
    (fewer than ``HOME_MARKS`` marks or under ``COUNTERPART_SHARE`` of them) while an excluded one outweighs it:
    "Environmentalists cautioned against a plan from A to B" in an article about A and B that names C thrice."""
    if not any(totals.get(iso, 0) > top for iso in exclude):
        return False
    return top < HOME_MARKS or top < COUNTERPART_SHARE * sum(totals.values())


def _nearest(marks: list[tuple[int, str]], positions: list[int], at: int, tied: set[str]) -> str:
    """``min((abs(i - at), iso) for i, iso in marks if iso in tied)[1]``, walking out from ``at``."""
    best: tuple[int, str] | None = None
    left = bisect_left(positions, at) - 1
    right = left + 1
    while left >= 0 or right < len(marks):
        gap_left = at - positions[left] if left >= 0 else None
        gap_right = positions[right] - at if right < len(marks) else None
        if gap_right is None or (gap_left is not None and gap_left <= gap_right):
            gap, iso = gap_left, marks[left][1]
            left -= 1
        else:
            gap, iso = gap_right, marks[right][1]
            right += 1
        assert gap is not None
        if best is not None and gap > best[0]:
            break
        if iso in tied and (best is None or (gap, iso) < best):
            best = (gap, iso)
    assert best is not None, "a tied country has a mark"
    return best[1]


def relational(doc: Doc, end: int) -> bool:
    """Whether a country word ending before token ``end`` only relates a phrase to it ("UK-based",
    "Iranian-backed", "Israeli-occupied") rather than saying whose the phrase is."""
    rest = [t.lower_ for t in doc[end : end + 2]]
    relations = vocabulary().words("actors.relations")
    return (len(rest) == 2 and rest[0] == "-" and rest[1] in relations) or (
        bool(rest) and rest[0].startswith("-") and rest[0][1:] in relations
    )


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to ("X met Y and said ...")."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is not None or verb.dep_ != "conj":
            return subj
        verb = verb.head
    return None


def _names_actor(tok: Token, actor: Token | None) -> bool:
    """Whether a country word is the clause's actor itself ("the U.S." moved ...) or a direct modifier of it
    ("Iraqi forces"), not a country inside a complement of it ("the general of ... troops in Iraq")."""
    if actor is None:
        return False
    return tok.i == actor.i or (tok.head.i == actor.i and tok.dep_ in OWNER_MODIFIERS)


def _is_subject(tok: Token) -> bool:
    """A subject, or a word of one ("Iraqi" in "Iraqi forces said")."""
    return tok.dep_ in SUBJECTS or (tok.dep_ in SUBJECT_MODIFIERS and tok.head.dep_ in SUBJECTS)


CLAUSE_DEPS = ACTOR_CONTEXT_CLAUSE_DEPS


def _clause_actor(tok: Token) -> tuple[Token | None, Token | None]:
    """The verb of the clause holding ``tok`` and who acts in it: its subject, or for "asked the U.S. to
    withdraw" (an object-controlled infinitive) the main verb's object."""
    verb = tok
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ in CLAUSE_DEPS:
            break
        if verb.head is verb:
            return None, None
        verb = verb.head
    else:
        return None, None
    subj = _subject_of(verb)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ == "dobj"), None) or _subject_of(verb.head)
    return verb, subj
