"""The actor coding stage: units -> phrases -> actors, then surname, title and pronoun coreference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Actor, Analysis, Span
from ..nlp import dateline_end, parse_table, token_table
from ..vocabulary import vocabulary
from .affiliation import affiliate, home_country
from .bodyrefs import definite_refs, it_refs
from .context import relational
from .coref import (
    PRONOUNS,
    Draft,
    Sentences,
    full_title,
    pronoun_target,
    surname_keys,
    title_target,
)
from .knowledge import Lexicon, Person, key_of, lexicon
from .lists import name_order
from .matcher import ARTICLES, Unit, find_units, positions, word_ids
from .outlet import outlet_country, outlet_rules
from .phrases import COUNTRYISH, Phrase, build_phrases
from .resolve import Context, Reading, modifier_country, pp_country, read_phrase
from .validity import dateline_tokens, drop_non_actors

__all__ = ["ActorCoder", "code_actors"]

ARMED = frozenset({"REB", "IMG", "INS", "UAF"})
PRONOUN_IDS = word_ids(PRONOUNS)
KINDS = ("person", "organization", "country", "group", "other")


class ActorCoder:
    """Stage: every political actor of the article with all its mentions."""

    name = "actors"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        article = analysis.article
        actors = code_actors(doc, article.text, article.published, outlet_country(article.url))
        return analysis.with_(actors=actors)


class _Builder:
    def __init__(self, doc: Doc, lex: Lexicon, ctx: Context) -> None:
        self.doc = doc
        self.lex = lex
        self.ctx = ctx
        self.drafts: dict[tuple[str, ...], Draft] = {}
        self.covered: set[int] = set()

    # -- drafts -------------------------------------------------------------------------------
    def draft(self, r: Reading) -> Draft:
        d = self.drafts.get(r.key)
        if d is None:
            d = Draft(r.key, r.name, r.country, r.sector, r.code, r.kind, guessed=r.guessed)
            if r.kind == "person" and r.key[0] == "person":
                words = r.name.split()
                first = name_order().first_is_family(words)
                d.surnames = surname_keys(r.name, r.person.surname if r.person else None, first)
                d.gender = r.person.gender if r.person else None
            self.drafts[r.key] = d
        d.titles.update(r.titles)
        if d.gender is None and d.kind == "person":
            vocab = vocabulary()
            if any(t in vocab.words("actors.female_titles") for t in r.titles):
                d.gender = "f"
            elif any(t in vocab.words("actors.male_titles") for t in r.titles):
                d.gender = "m"
        if d.kind == "person" and r.country is not None and (d.country is None or (d.guessed and not r.guessed)):
            d.country, d.code, d.guessed = r.country, f"{r.country}{d.sector or ''}", r.guessed
        return d

    def persons(self) -> list[Draft]:
        return [d for d in self.drafts.values() if d.kind == "person"]

    def by_surname(self, name: str, at: int) -> Draft | None:
        key = key_of(name)
        hits = [d for d in self.persons() if key in d.surnames and d.key[1] != key and d.last_before(at) >= 0]
        return max(hits, key=lambda d: d.last_before(at)) if hits else None

    def same_body(self, phrase: Phrase, person: Draft) -> bool:
        """A title naming its body ("the Foreign Ministry spokesperson") refers back only to a person
        introduced with that body, not to any spokesperson."""
        bodies = [u for u in phrase.modifiers if u.kind == "org" or (u.kind == "sector" and u.entry.agent == "group")]
        if not bodies:
            return True
        said = " ".join(self.doc[s:e].text.lower() for s, e in person.mentions)
        return all(self.doc[u.start : u.end].text.lower() in said for u in bodies)

    def appositive(self, span: tuple[int, int]) -> Draft | None:
        """The named person a title phrase stands in apposition to ("X, the party leader,")."""
        linked = _appos_finder(self.doc, [span])  # ``_appos_linked(doc, span, m)``, worked out once
        for d in self.persons():
            if d.key[0] == "person" and any(map(linked, d.mentions)):
                return d
        return None

    def known(self, name: str) -> Person | None:
        people = self.lex.surnames.get(key_of(name))
        if not people:
            return None
        day = self.ctx.published
        if day is not None:
            held = [p for p in people if any(r.covers(day) for r in p.roles)]
            if held:
                return held[0]
        return people[0]

    def recent_armed(self, sector: str | None, at: int) -> Draft | None:
        """ "the terrorist group", "the militants": the armed group named last (two sentences at most)."""
        if sector not in ARMED:
            return None
        sent_start = self.ctx.sent_bounds(at)[0]
        floor = self.ctx.sent_bounds(sent_start - 1)[0] if sent_start > 0 else 0
        hits = [d for d in self.drafts.values() if d.sector in ARMED and d.key[0] == "org" and d.last_before(at) >= 0]
        hits = [d for d in hits if d.last_before(at) >= floor] or hits
        return max(hits, key=lambda d: d.last_before(at)) if hits else None

    # -- phrases ------------------------------------------------------------------------------
    def add_phrase(self, phrase: Phrase) -> None:
        self.covered.update(range(phrase.start, phrase.end))
        for r in read_phrase(phrase, self.ctx):
            span = (phrase.start, phrase.end)
            if r.span is not None:
                span = r.span
                if span[0] == phrase.units[0].start and phrase.start < span[0]:
                    span = (phrase.start, span[1])
            self.attach(r, phrase, span)

    def attach(self, r: Reading, phrase: Phrase, span: tuple[int, int]) -> None:
        if r.key[0] == "org" and len(phrase.units) == 1 and phrase.head.entry.code is None:
            target = self.by_surname(r.name, span[0])  # "Skaik said": a surname NER took for a body
            if target is not None:
                target.mentions.append(span)
                return
        if r.key[0] == "title" and (target := self.appositive(span)) is not None:
            target.mentions.append(span)  # "Jane Roe, the leader of the party,": one person
            target.titles.update(r.titles)
            _describe(target, r.country, r.sector, r.guessed)
            return
        if r.key[0] == "person" and r.person is None and len(r.name.split()) == 1:
            target = self.by_surname(r.name, span[0])
            if target is not None:
                target.mentions.append(span)
                return
            person = self.known(r.name)
            if person is not None:
                role = person.role_at(self.ctx.published)
                sector = r.sector or role.sector
                country = modifier_country(phrase, self.ctx) or role.country
                r = Reading(
                    ("person", key_of(person.name)),
                    person.name,
                    country,
                    sector,
                    f"{country or ''}{sector}",
                    "person",
                    (*r.titles, role.title.lower()),
                    person,
                )
        if (
            r.kind == "group"
            and r.key[0] == "group"
            and self.doc[phrase.start].lower_ == "the"
            and not any(u.kind in COUNTRYISH for u in phrase.units)
        ):
            target = self.recent_armed(r.sector, span[0])
            if target is not None:
                target.mentions.append(span)
                return
        if r.key[0] == "title" and _definite(self.doc, phrase.start):
            explicit = modifier_country(phrase, self.ctx) or pp_country(phrase, self.ctx)
            target = title_target(self.persons(), r.key[2], explicit, span[0])
            if target is not None and self.same_body(phrase, target):
                target.mentions.append(span)
                return
        if r.key[0] == "person" and r.guessed and r.titles:
            told = self.titled_before(r.titles, span[0])
            if told is not None:  # "Pakistan's defense minister said ... Defense Minister X added"
                r = replace(r, country=told, code=f"{told}{r.sector or ''}", guessed=False)
        d = self.draft(r)
        d.mentions.append(span)
        if r.key[0] == "person":
            self.absorb_titles(d, [span])

    def titled_before(self, titles: tuple[str, ...], at: int) -> str | None:
        """The country of the title phrase of no name said last before ``at`` with one of ``titles`` and a
        country of its own words ("Pakistan's defense minister"): a named person given that title next
        is that official, whatever country dominates the article."""
        want = {full_title(t) for t in titles}
        best: tuple[int, str] | None = None
        for d in self.drafts.values():
            if d.key[0] != "title" or d.guessed or d.country is None:
                continue
            pos = d.last_before(at)
            if pos >= 0 and want & {full_title(t) for t in d.titles} and (best is None or pos > best[0]):
                best = (pos, d.country)
        return best[1] if best else None

    def absorb_titles(self, person: Draft, spans: list[tuple[int, int]]) -> None:
        """A title phrase in apposition to a person's mention is that person ("the Iraqi foreign minister,
        X" / "X, the Iraqi foreign minister,"): its mentions, titles, country and sector join the person."""
        # apposition is symmetric: each title is tested against the person's spans, worked out once (again
        # when they grow: ``spans`` may be the person's own mentions, which take in each title absorbed)
        linked, built = _appos_finder(self.doc, spans), len(spans)
        for key, d in list(self.drafts.items()):
            if key[0] != "title":
                continue
            if len(spans) != built:
                linked, built = _appos_finder(self.doc, spans), len(spans)
            if any(map(linked, d.mentions)):
                person.mentions.extend(d.mentions)
                person.titles.update(d.titles)
                _describe(person, d.country, d.sector, d.guessed)
                del self.drafts[key]

    # -- coreference passes ---------------------------------------------------------------------
    def surnames(self) -> None:
        doc = self.doc
        keys = word_ids(k for d in self.persons() for k in d.surnames if " " not in k)
        for i in positions(doc, keys):
            tok = doc[i]
            if tok.i in self.covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            target = self.by_surname(tok.text, tok.i)
            if target is not None:
                start = (
                    tok.i - 2
                    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ARTICLES
                    else tok.i
                )
                target.mentions.append((start, tok.i + 1))
                self.covered.add(tok.i)

    def pronouns(self) -> None:
        persons = self.persons()
        sents = self.ctx.sents or Sentences(self.doc)
        for i in positions(self.doc, PRONOUN_IDS):
            tok = self.doc[i]
            if tok.pos_ == "PRON" and tok.i not in self.covered and not _honorific(tok):
                target = pronoun_target(self.doc, persons, tok.i, sents)
                if target is not None:
                    target.mentions.append((tok.i, tok.i + 1))

    def appositions(self) -> None:
        """ "X, the Iraqi foreign minister," / "the chairman of the Joint Chiefs, Gen. Y": one person."""
        for p in self.persons():
            if p.key[0] == "person":
                self.absorb_titles(p, p.mentions)


#: Adjectives between "the" and a title that still make it a reference back ("the future president").
MAX_TITLE_ADJECTIVES = 2


def _definite(doc: Doc, start: int) -> bool:
    """ "the president", "the future president", "the newly elected president": a definite title."""
    j = start
    if doc[j].lower_ == "the":
        return True
    for _ in range(MAX_TITLE_ADJECTIVES):
        j -= 1
        if j < 0 or not (doc[j].pos_ in ("ADJ", "ADV") and doc[j].is_lower and doc[j].is_alpha):
            return False
        if j > 0 and doc[j - 1].lower_ == "the":
            return True
    return False


def _describe(person: Draft, country: str | None, sector: str | None, guessed: bool) -> None:
    """A title in apposition tells an unknown person's country and sector ("X, the Iraqi foreign minister");
    a country its own words give replaces one guessed from the article."""
    if country is not None and (person.country is None or (person.guessed and not guessed)):
        person.country, person.guessed = country, guessed
    if person.sector is None:
        person.sector = sector
    person.code = f"{person.country or ''}{person.sector or ''}" or None


def _honorific(tok: Token) -> bool:
    """ "Her Majesty", "His Excellency": not a reference to a person in the text."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in vocabulary().words("actors.honorific_addresses")


def _appos_finder(doc: Doc, mentions: list[tuple[int, int]]) -> Callable[[tuple[int, int]], bool]:
    """``lambda m: any(_appos_linked(doc, t, m) for t in mentions)``, with what the mentions link to worked
    out once (a test of every pair of mentions made long articles quadratic)."""
    n = len(doc)
    texts = token_table(doc).text
    appos = _appositions(doc)
    # "T, M": a mention starting right after a title mention's comma; "M, T": one ending right before it
    starts = {e + 1 for s, e in mentions if e < n and e + 1 < n and texts[e] == "," and not doc[e + 1].is_sent_start}
    ends = {s - 1 for s, e in mentions if 0 < s < n and texts[s - 1] == "," and not doc[s].is_sent_start}
    # the parse: a title token whose appos head is in M, or a token of M whose appos head is in the title
    heads = {appos[i] for s, e in mentions for i in range(s, min(e, n)) if i in appos}
    dependents = _appos_dependents(doc)
    from_title = {i for s, e in mentions for h in range(s, min(e, n)) for i in dependents.get(h, ())}

    def linked(m: tuple[int, int]) -> bool:
        ms, me = m
        if ms in starts or (me < n and me in ends):
            return True
        if heads and any(ms <= h < me for h in heads):  # most titles have no apposition at all
            return True
        return bool(from_title) and any(i in from_title for i in range(ms, min(me, n)))

    return linked


def _appos_linked(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two mentions are in apposition: by the parse, or "X, Y" with only a comma between."""
    texts = token_table(doc).text
    appos = _appositions(doc)
    for x, y in ((a, b), (b, a)):
        if x[1] < len(doc) and y[0] == x[1] + 1 and texts[x[1]] == "," and not doc[y[0]].is_sent_start:
            return True
        if any(y[0] <= appos.get(i, -1) < y[1] for i in range(x[0], min(x[1], len(doc)))):
            return True
    return False


def _name_demonym(doc: Doc, lex: Lexicon, unit: Unit) -> str | None:
    """The country of a nationality word opening a name the lexicon does not know ("Bosnian Serbs")."""
    entry = lex.entries.get(doc[unit.start].lower_)
    return entry.country if entry is not None and entry.kind == "demonym" and unit.end - unit.start > 1 else None


def _mark(doc: Doc, lex: Lexicon, u: Unit) -> str | None:
    """The country a unit names for the article's context, if any."""
    if u.kind == "person":
        return _name_demonym(doc, lex, u)
    if (u.kind in COUNTRYISH and u.kind != "countryref") or u.kind == "org":
        return u.entry.country
    return None


def _homonyms_placed(lex: Lexicon, units: list[Unit]) -> list[Unit]:
    """A place name shared by two countries ("Tripoli") goes to the other one when only that one is named."""
    named = {u.entry.country for u in units if u.kind in COUNTRYISH and u.entry.country}
    out = []
    for u in units:
        others = lex.homonyms.get(key_of(u.entry.text), ()) if u.kind in ("capital", "region") else ()
        alt = next((iso for iso in others if iso in named), None)
        if (
            alt is not None
            and alt in lex.countries
            and not any(v.entry.country == u.entry.country for v in units if v is not u)
        ):
            c = lex.countries[alt]
            u = replace(u, entry=replace(u.entry, name=c.name, country=alt, code=alt))
        out.append(u)
    return out


_APPOS_KEY = "eventwire.actors.appos"
_APPOS_DEPENDENTS_KEY = "eventwire.actors.appos_dependents"


def _appositions(doc: Doc) -> dict[int, int]:
    """Token -> head of the doc's ``appos`` links, once per doc."""
    cached: dict[int, int] | None = doc.user_data.get(_APPOS_KEY)
    if cached is None:
        table = parse_table(doc)
        cached = {i: table.head[i] for i, dep in enumerate(table.dep) if dep == "appos"}
        doc.user_data[_APPOS_KEY] = cached
    return cached


def _appos_dependents(doc: Doc) -> dict[int, list[int]]:
    """Head -> the tokens in ``appos`` to it (the inverse of ``_appositions``), once per doc."""
    cached: dict[int, list[int]] | None = doc.user_data.get(_APPOS_DEPENDENTS_KEY)
    if cached is None:
        cached = {}
        for i, h in _appositions(doc).items():
            cached.setdefault(h, []).append(i)
        doc.user_data[_APPOS_DEPENDENTS_KEY] = cached
    return cached


def _context(
    doc: Doc, lex: Lexicon, units: list[Unit], published: dt.date | None, outlet: str | None = None
) -> Context:
    marks = [(u.start, _mark(doc, lex, u)) for u in units]
    return Context(
        doc,
        lex,
        published,
        [(i, c) for i, c in marks if c],
        {u.start: u for u in units},
        Sentences(doc),
        outlet=outlet,
        outlet_marks=outlet_rules().marks if outlet else 0,
    )


def _span(doc: Doc, text: str, start: int, end: int) -> Span:
    table = token_table(doc)  # no Token built
    s = table.idx[start]
    e = table.idx[end - 1] + len(table.text[end - 1])
    return Span(s, e, text[s:e])


def code_actors(doc: Doc, text: str, published: dt.date | None = None, outlet: str | None = None) -> tuple[Actor, ...]:
    """All actors of a parsed text, ids in order of first mention (``outlet``: the ISO3 country of the
    outlet that published it, when its web address tells one)."""
    lex = lexicon()
    # "a UK-based group", "Iranian-backed militias": the country only relates the phrase to it
    units = [u for u in find_units(doc, lex) if not (u.kind in COUNTRYISH and relational(doc, u.end))]
    units = _homonyms_placed(lex, units)
    ctx = _context(doc, lex, units, published, outlet)
    b = _Builder(doc, lex, ctx)
    # "NAIROBI —", "JAKARTA (Reuters) -": where the story was filed tells the country, it does not act
    filed = dateline_tokens(doc) | set(range(dateline_end(doc)))
    for phrase in build_phrases(doc, [u for u in units if u.start not in filed]):
        b.add_phrase(phrase)
    b.appositions()
    b.surnames()
    sents = ctx.sents or Sentences(doc)
    definite_refs(doc, list(b.drafts.values()), sents)
    b.pronouns()
    it_refs(doc, list(b.drafts.values()), sents, b.covered)
    drop_non_actors(doc, list(b.drafts.values()))
    affiliate(doc, list(b.drafts.values()))
    home_country(list(b.drafts.values()), ctx.home)
    drafts = [d for d in b.drafts.values() if d.mentions]
    drafts.sort(key=lambda d: min(d.mentions))
    actors = []
    for n, d in enumerate(drafts, 1):
        spans = sorted(set(d.mentions))
        kind = d.kind if d.kind in KINDS else "other"
        actors.append(
            Actor(
                f"A{n}",
                d.name,
                d.country,
                d.sector,
                d.code,
                kind,  # type: ignore[arg-type]
                tuple(_span(doc, text, s, e) for s, e in spans),
            )
        )
    return tuple(actors)
