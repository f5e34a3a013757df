"""What a phrase refers to: its country, sector, code, kind and display name."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .knowledge import Lexicon, Person, key_of
from .matcher import Unit
from .phrases import COUNTRYISH, Phrase

__all__ = ["Context", "Reading", "modifier_country", "pp_country", "read_phrase"]

#: Heads so generic that a more specific modifier decides the sector ("Pentagon officials" -> MIL).
GENERIC_HEADS = frozenset(
    {
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chiefs",
        "leaders",
        "leader",
        "sources",
        "heads",
        "authorities",
        "aide",
        "adviser",
        "advisor",
        "delegation",
        "diplomats",
        "envoy",
        "ministers",
        "minister",
        "government",
    }
)
PLACE_PREPS = frozenset({"in", "of", "from", "throughout", "across", "inside", "within"})
NATIONAL = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY"})
AGENT_PREPS = frozenset({"by", "with", "from", "against", "between", "and"})
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "iobj", "agent", "conj", "appos"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a phrase is about."""

    key: tuple[str, ...]
    name: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    #: title terms that introduce a person ("prime minister"), for title-only coreference
    titles: tuple[str, ...] = ()
    person: Person | None = None
    #: token range of the mention when it is not the whole phrase
    span: tuple[int, int] | None = None


@dataclass
class Context:
    """Article-level facts the resolution needs: the date and which countries were named where."""

    doc: Doc
    lex: Lexicon
    published: dt.date | None
    #: (token index, iso3) of every country-ish unit, in order
    country_marks: list[tuple[int, str]]

    def recent_country(self, before: int) -> str | None:
        """The country "the country" refers to ("the country's Ministry of Defense"): the one named last,
        passing over the subject of the same sentence ("the U.S. moved troops into the country")."""
        sent = self.doc[before].sent if before < len(self.doc) else None
        names = [iso for i, iso in self.country_marks if i < before and not self._subject_here(i, sent)]
        return names[-1] if names else self.dominant(before)

    def _subject_here(self, i: int, sent: object) -> bool:
        """ "The U.S. moved troops into the country": the subject of the same sentence is not "the country"."""
        tok = self.doc[i]
        if sent is None or tok.sent != sent:
            return False
        subj = ("nsubj", "nsubjpass")
        return tok.dep_ in subj or (tok.dep_ in ("compound", "amod", "poss") and tok.head.dep_ in subj)

    def dominant(self, at: int, exclude: frozenset[str] = frozenset()) -> str | None:
        """The article's dominant country, favouring the sentence around ``at``."""
        sent = self.doc[at].sent if at < len(self.doc) else None
        counts: Counter[str] = Counter()
        for i, iso in self.country_marks:
            if iso in exclude:
                continue
            counts[iso] += 1
            if sent is not None and sent.start <= i < sent.end:
                counts[iso] += 1
        if not counts:
            return None
        top = max(counts.values())
        tied = {iso for iso, n in counts.items() if n == top}
        if len(tied) == 1:
            return tied.pop()
        # a tie: the country named nearest to the phrase
        return min((abs(i - at), iso) for i, iso in self.country_marks if iso in tied)[1]


def unit_country(unit: Unit, ctx: Context) -> str | None:
    if unit.kind == "countryref":
        return ctx.recent_country(unit.start)
    return unit.entry.country


def pp_country(phrase: Phrase, ctx: Context) -> str | None:
    found = _pp_place(phrase, ctx)
    return found[0] if found else None


def _pp_place(phrase: Phrase, ctx: Context) -> tuple[str, int] | None:
    """ "rebels in the Ivory Coast", "president of Armenia": the country of a place complement, and
    the token index where that complement ends."""
    head = ctx.doc[phrase.head.end - 1]
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS or child.i > phrase.end + 1:
            continue
        if child.lower_ == "from" and phrase.head.entry.sector == "MIL":
            continue  # "withdraw troops from Iraq": where they leave, not whose they are
        for obj in child.children:
            if obj.dep_ == "pobj":
                iso = next((iso for i, iso in ctx.country_marks if obj.left_edge.i <= i <= obj.i), None)
                if iso:
                    return iso, obj.i + 1
    return None


def _surface(doc: Doc, start: int, end: int) -> str:
    toks = [t for t in doc[start:end] if t.lower_ not in ("the", "a", "an") or t.i != start]
    return "".join(t.text_with_ws for t in toks).strip()


def _adjective(ctx: Context, iso: str | None) -> str:
    c = ctx.lex.countries.get(iso or "")
    return c.adjective if c else ""


def _group_name(phrase: Phrase, ctx: Context, iso: str | None) -> str:
    doc = ctx.doc
    countryish = [u for u in phrase.units if u.kind in COUNTRYISH]
    rest_start = max((u.end for u in countryish), default=phrase.units[0].start)
    while rest_start < phrase.end and doc[rest_start].text in ("'s", "’s", "'", "-", "and"):
        rest_start += 1
    rest = _surface(doc, rest_start, phrase.end)
    adj = _adjective(ctx, iso)
    return f"{adj} {rest}".strip() if adj else _surface(doc, phrase.start, phrase.end)


def _code(country: str | None, sector: str | None) -> str | None:
    if country is None and sector is None:
        return None
    return f"{country or ''}{sector or ''}"


def modifier_country(phrase: Phrase, ctx: Context) -> str | None:
    for u in phrase.modifiers:
        if u.kind in COUNTRYISH or (u.kind == "org" and u.entry.country):
            iso = unit_country(u, ctx)
            if iso:
                return iso
    return None


def _igo_modifier(phrase: Phrase) -> Unit | None:
    return next((u for u in phrase.modifiers if u.kind == "org" and u.entry.country is None), None)


def _sector_of(phrase: Phrase) -> str | None:
    head = phrase.head
    sector = head.entry.sector
    if head.entry.text.lower() in GENERIC_HEADS or head.entry.name in GENERIC_HEADS or head.kind == "person":
        for u in reversed(phrase.modifiers):
            if u.kind in ("sector", "org") and u.entry.sector and u.entry.sector != "GOV":
                return u.entry.sector
        titles = phrase.titles
        if head.kind == "person" and titles:
            return titles[-1].entry.sector
    return sector


def _former(phrase: Phrase, ctx: Context, sector: str | None) -> str | None:
    """A former office holder is an elite (ELI), no longer the government."""
    if sector in ("GOV", "LEG", "MIL") and any(
        t.lower_ in ("former", "ex") for t in ctx.doc[phrase.start : phrase.head.start]
    ):
        return "ELI"
    return sector


def read_phrase(phrase: Phrase, ctx: Context) -> list[Reading]:
    """The readings of a phrase: one, or one per country for a run of countries ("Iran and Iraq")."""
    head = phrase.head
    if head.kind == "person":
        return [_read_person(phrase, ctx)]
    if head.kind == "org":
        return [_read_org(phrase, ctx)]
    if head.kind == "sector":
        first = _read_sector(phrase, ctx)
        return [first, *_other_countries(phrase, ctx, first)]
    multi = len(phrase.units) > 1
    out = []
    for u in phrase.units:
        r = _read_country(u, ctx, phrase)
        if r is not None:
            out.append(replace(r, span=(u.start, u.end)) if multi else r)
    return out


def _other_countries(phrase: Phrase, ctx: Context, first: Reading) -> list[Reading]:
    """ "U.S. and British forces": one more actor (same sector) for each further country."""
    out = []
    seen = {first.country}
    for u in phrase.modifiers:
        if u.kind not in COUNTRYISH:
            continue
        iso = unit_country(u, ctx)
        if iso is None or iso in seen:
            continue
        seen.add(iso)
        key = (*first.key[:1], iso, *first.key[2:])
        name = f"{_adjective(ctx, iso)} {first.name.split(' ', 1)[-1]}"
        out.append(
            replace(first, key=key, name=name, country=iso, code=_code(iso, first.sector), span=(u.start, u.end))
        )
    return out


def _read_org(phrase: Phrase, ctx: Context) -> Reading:
    e = phrase.head.entry
    country = e.country
    if e.code is None and country is None:  # an organisation only NER knows: "Kenya Anti-Corruption ..."
        country = modifier_country(phrase, ctx) or pp_country(phrase, ctx)
        if country is None and e.sector in NATIONAL:  # "the Court of Session": a body of the country in focus
            country = ctx.dominant(phrase.start)
    code = e.code or _code(country, e.sector)
    return Reading(("org", e.name), e.name, country, e.sector, code, "group" if e.agent == "group" else "organization")


def _read_country(unit: Unit, ctx: Context, phrase: Phrase) -> Reading | None:
    iso = unit_country(unit, ctx)
    if iso is None:
        return None
    country = ctx.lex.countries.get(iso)
    name = country.name if country else iso
    if unit.kind == "capital" and len(phrase.units) == 1:
        tok = ctx.doc[unit.end - 1]
        if tok.dep_ in AGENT_DEPS or (tok.dep_ == "pobj" and tok.head.lower_ in AGENT_PREPS):
            return Reading(("group", iso, "GOV", ""), unit.entry.text, iso, "GOV", f"{iso}GOV", "group")
    if unit.kind == "demonym" and len(phrase.units) == 1 and _people_noun(ctx.doc[unit.end - 1]):
        text = ctx.doc[unit.start : unit.end].text
        return Reading(("group", iso, "CVL", ""), text, iso, "CVL", f"{iso}CVL", "group")
    return Reading(("country", iso), name, iso, None, iso, "country")


def _people_noun(tok: Token) -> bool:
    """ "Algerians", "the Iraqis": a plural nationality noun names people, not the state."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("amod", "compound") and tok.text.endswith("s")


INSTITUTIONS = (
    "ministry",
    "department",
    "parliament",
    "court",
    "embassy",
    "assembly",
    "senate",
    "congress",
    "cabinet",
    "office",
    "council",
    "agency",
    "commission",
    "consulate",
    "tribunal",
    "legislature",
    "judiciary",
    "navy",
    "air force",
    "junta",
)


def _institution(term: str) -> str:
    """Bodies keep their own actor ("Ministry of Defense"); people of one sector share one per country."""
    return term if any(w in term for w in INSTITUTIONS) else ""


def _read_sector(phrase: Phrase, ctx: Context) -> Reading:
    head = phrase.head
    sector = _former(phrase, ctx, _sector_of(phrase))
    igo = _igo_modifier(phrase)
    if igo is not None and igo.entry.sector in ("IGO", "NGO", "IMG"):
        return Reading(("org", igo.entry.name), igo.entry.name, None, igo.entry.sector, igo.entry.code, "organization")
    body = next((u for u in reversed(phrase.modifiers) if u.kind == "org"), None)
    if body is not None and (head.entry.name in GENERIC_HEADS or head.entry.text.lower() in GENERIC_HEADS):
        e = body.entry  # "Pentagon chiefs", "Kremlin officials": the body itself speaks
        return Reading(("org", e.name), e.name, e.country, e.sector, e.code, "organization")
    iso = modifier_country(phrase, ctx)
    adjective = iso is not None or any(u.kind == "countryref" for u in phrase.units)
    span = None
    if iso is None and (place := _pp_place(phrase, ctx)) is not None:
        iso, span = place[0], (phrase.start, max(phrase.end, place[1]))
    if iso is None:
        adjective = True
        iso = ctx.dominant(phrase.start)
    name = _group_name(phrase, ctx, iso if adjective else None)
    if head.entry.agent == "person":
        return Reading(
            ("title", iso or "", head.entry.name, key_of(name)),
            name,
            iso,
            sector,
            _code(iso, sector),
            "person",
            titles=tuple(t.entry.name for t in phrase.titles),
            span=span,
        )
    key = ("group", iso or "", sector or "", _institution(head.entry.name))
    return Reading(key, name, iso, sector, _code(iso, sector), "group", span=span)


def _drop_initials(name: str) -> str:
    """ "Antony J. Blinken" -> "Antony Blinken" (middle initials are not in the people file)."""
    words = name.split()
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) <= 3 and w.endswith("."))]
    return " ".join(kept)


def _read_person(phrase: Phrase, ctx: Context) -> Reading:
    head = phrase.head
    name = head.entry.text
    person = ctx.lex.people.get(key_of(name)) or ctx.lex.people.get(key_of(_drop_initials(name)))
    titles = tuple(t.entry.name for t in phrase.titles)
    iso = modifier_country(phrase, ctx)
    sector = _sector_of(phrase) if titles or any(u.kind == "org" for u in phrase.modifiers) else None
    if person is not None:
        role = person.role_at(ctx.published)
        name = person.name
        iso = iso or role.country
        sector = sector or role.sector
        titles = (*titles, role.title.lower())
    sector = _former(phrase, ctx, sector)
    igo = _igo_modifier(phrase)
    if igo is not None and igo.entry.sector in ("IGO", "NGO", "IMG"):
        iso, sector = None, igo.entry.sector if sector in (None, "GOV") else sector
    elif iso is None and person is None:
        iso = pp_country(phrase, ctx) or ctx.dominant(phrase.start)
    return Reading(("person", key_of(name)), name, iso, sector, _code(iso, sector), "person", titles, person)
