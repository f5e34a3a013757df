"""What a phrase refers to: its country, sector, code, kind and display name."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..labels import AGENT_DEPS, NOUN_MODIFIERS, SUBJECTS
from ..nlp import parse_table
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .context import Context
from .knowledge import Person, key_of
from .matcher import Unit
from .phrases import COUNTRYISH, Phrase

_WORDS = word_lists("eventwire.actors")

__all__ = ["Context", "Reading", "modifier_country", "pp_country", "read_phrase"]  # Context re-exported

PLACE_PREPS = _WORDS.words("place_preps")
#: prepositions that tie a person or title to a body, not to a place ("a lawyer for the State Department")
BODY_PREPS = _WORDS.words("body_preps")
NATIONAL = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY"})
AGENT_PREPS = _WORDS.words("agent_preps")
LOCATIVE_PREPS = _WORDS.words("locative_preps")


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
    #: the country is the article's dominant one, guessed for want of any in the phrase itself
    guessed: bool = False


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
        body_only = child.lower_ in BODY_PREPS  # "a researcher at the University of X", not "at the border"
        if child.dep_ != "prep" or not (child.lower_ in PLACE_PREPS or body_only) or child.i > phrase.end + 1:
            continue
        if child.lower_ in TROOP_DIRECTION_PREPS and phrase.head.entry.sector == "MIL":
            continue  # "withdraw troops from Iraq", "troops for Mali": where they go, not whose they are
        for obj in child.children:
            if obj.dep_ == "pobj":
                marks = ctx.marks_in(obj.left_edge.i, obj.i + 1)
                if body_only:  # "for" also ties to a country ("representatives for the US")
                    kinds = ("org", "country") if child.lower_ == "for" else ("org",)
                    marks = [(i, iso) for i, iso in marks if (u := ctx.units.get(i)) is not None and u.kind in kinds]
                if marks:
                    return marks[0][1], obj.i + 1
    return None


def _surface(doc: Doc, start: int, end: int) -> str:
    toks = [t for t in doc[start:end] if t.lower_ not in SURFACE_ARTICLES or t.i != start]
    return "".join(t.text_with_ws for t in toks).strip()


def _adjective(ctx: Context, iso: str | None) -> str:
    c = ctx.lex.countries.get(iso or "")
    return c.adjective if c else ""


def _group_name(phrase: Phrase, ctx: Context, iso: str | None) -> str:
    doc = ctx.doc
    countryish = [u for u in phrase.units if u.kind in COUNTRYISH]
    rest_start = max((u.end for u in countryish), default=phrase.units[0].start)
    while rest_start < phrase.end and doc[rest_start].text in COUNTRY_JOINERS:
        rest_start += 1
    rest = _surface(doc, rest_start, phrase.end)
    adj = _adjective(ctx, iso)
    country = ctx.lex.countries.get(iso or "")
    regional = [u for u in countryish if u.kind == "demonym" and country and u.entry.text not in country.demonyms]
    if regional and regional[0].entry.country == iso:  # "Chechen rebels" stay Chechen (coded RUS)
        adj = regional[0].entry.text
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
    generic = vocabulary().words("actors.generic_heads")
    if head.entry.text.lower() in generic or head.entry.name in generic or head.kind == "person":
        for u in reversed(phrase.modifiers):
            if u.kind in ("sector", "org") and u.entry.sector and u.entry.sector != "GOV":
                return u.entry.sector
        titles = phrase.titles
        if head.kind == "person" and titles:
            return titles[-1].entry.sector
    return sector


def _qualified_sector(phrase: Phrase, ctx: Context, sector: str | None) -> str | None:
    """ "An official Syrian newspaper" (state media) speaks for the government; "leaders of the
    opposition" take the sector of their "of" complement."""
    doc, head = ctx.doc, phrase.head
    state_media = vocabulary().words("actors.state_media")
    if sector == "MED" and any(t.lower_ in state_media for t in doc[max(phrase.start - 2, 0) : head.start]):
        return "GOV"
    of_unit = _of_unit(phrase, ctx)
    if of_unit is not None and of_unit.kind in ("sector", "org") and of_unit.entry.sector not in (None, "GOV"):
        return of_unit.entry.sector  # "the director of Al-Noor Hospital" (HLH)
    delegates = vocabulary().words("actors.delegate_titles")
    if head.entry.name in delegates and head.entry.agent == "group" and _state_complement(phrase, ctx):
        return "GOV"
    return sector


def _state_complement(phrase: Phrase, ctx: Context) -> bool:
    """Whether the phrase's head is followed by "of" or "for" (the) and a state ("representatives for
    the US", "representatives of Iran and Iraq")."""
    doc, j = ctx.doc, phrase.head.end
    if j + 1 >= len(doc) or doc[j].lower_ not in STATE_COMPLEMENT_PREPS:
        return False
    j += 2 if doc[j + 1].lower_ == "the" else 1
    unit = ctx.units.get(j)
    return unit is not None and unit.kind in COUNTRYISH and unit.kind != "countryref"


def _of_unit(phrase: Phrase, ctx: Context) -> Unit | None:
    """The unit right after a generic head and "of (the)": "leaders of the opposition", "officials of Hamas"."""
    head, doc = phrase.head, ctx.doc
    generic = vocabulary().words("actors.generic_heads")
    if head.entry.text.lower() not in generic and head.entry.name not in generic:
        return None
    j = head.end
    if j + 1 >= len(doc) or doc[j].lower_ != "of":
        return None
    j += 2 if doc[j + 1].lower_ == "the" else 1
    return ctx.units.get(j)


def _former(phrase: Phrase, ctx: Context, sector: str | None) -> str | None:
    """A former office holder is an elite (ELI), no longer the government."""
    former = vocabulary().words("actors.former_words")
    if sector in ("GOV", "LEG", "MIL") and any(
        w in former for w in parse_table(ctx.doc).lower[phrase.start : phrase.head.start]
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
    guessed = False
    if e.code is None and country is None:  # an organisation only NER knows: "Kenya Anti-Corruption ..."
        country = modifier_country(phrase, ctx) or pp_country(phrase, ctx)
        if country is None and (e.sector in NATIONAL or _party(phrase, ctx)):
            country = ctx.dominant(phrase.start)  # "the Court of Session", "the Umma party": a national body
            guessed = country is not None
    code = e.code or _code(country, e.sector)
    kind = "group" if e.agent == "group" else "organization"
    return Reading(("org", e.name), e.name, country, e.sector, code, kind, guessed=guessed)


def _supranational(phrase: Phrase, ctx: Context) -> bool:
    """ "Western diplomats", "Arab leaders", "world leaders", "envoys from several Gulf states": a group of
    many countries."""
    i = phrase.units[0].start - 1
    vocab = vocabulary()
    supranational = vocab.words("actors.supranational")
    if i >= 0 and ctx.doc[i].lower_ in supranational:
        return True
    head = ctx.doc[phrase.head.end - 1]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in SUPRANATIONAL_PREPS:
            for obj in prep.children:
                many = obj.dep_ == "pobj" and obj.lemma_.lower() in vocab.words("actors.many_states")
                if many and any(t.lower_ in supranational for t in obj.lefts):
                    return True
    return False


def _party(phrase: Phrase, ctx: Context) -> bool:
    """A political party or movement ("the Umma party", "the Justice Movement") belongs to one country."""
    doc, j = ctx.doc, phrase.end
    if j < len(doc) and doc[j].text == "(":  # "the Umma (Nation) party"
        j = next((t.i + 1 for t in doc[j : j + 6] if t.text == ")"), j)
    nxt = doc[j].lower_ if j < len(doc) else ""
    party = vocabulary().words("actors.party_words")
    return phrase.head.entry.name.split()[-1].lower() in party or nxt in party


def _read_country(unit: Unit, ctx: Context, phrase: Phrase) -> Reading | None:
    iso = unit_country(unit, ctx)
    if iso is None:
        return None
    country = ctx.lex.countries.get(iso)
    name = country.name if country else iso
    if unit.kind in ("capital", "region") and len(phrase.units) == 1:
        sector = _place_sector(unit, ctx.doc[unit.end - 1])
        if sector is not None:
            text = ctx.doc[unit.start : unit.end].text
            key = ("group", iso, sector, "" if sector == "GOV" and unit.kind == "capital" else key_of(text))
            return Reading(key, text, iso, sector, f"{iso}{sector}", "group")
    if unit.kind == "demonym" and len(phrase.units) == 1 and _people_noun(ctx.doc[unit.end - 1]):
        text = ctx.doc[unit.start : unit.end].text
        return Reading(("group", iso, "CVL", ""), text, iso, "CVL", f"{iso}CVL", "group")
    return Reading(("country", iso), name, iso, None, iso, "country")


def _place_head(tok: Token) -> Token:
    """ "West Darfur State", "the town of Cizre": the place noun stands where the name would."""
    place_nouns = vocabulary().words("actors.place_nouns")
    if tok.dep_ == "compound" and tok.head.lower_ in place_nouns:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in place_nouns:
        return tok.head.head
    return tok


def _place_sector(unit: Unit, tok: Token) -> str | None:
    """A capital acting stands for the government ("Washington warned Tehran"); a place where something
    happens stands for the people there ("a curfew in Algiers", "rebels shelled Aleppo": CVL); a
    province or city as subject for its own authorities ("Texas sued")."""
    tok = _place_head(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return "CVL"
    if unit.kind == "region":
        return "GOV" if tok.dep_ in SUBJECTS else "CVL" if tok.dep_ == "dobj" else None
    if tok.dep_ in AGENT_DEPS or (tok.dep_ == "pobj" and tok.head.lower_ in AGENT_PREPS):
        return "GOV"
    return None


def _people_noun(tok: Token) -> bool:
    """ "Algerians", "the Iraqis": a plural nationality noun names people, not the state."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in NOUN_MODIFIERS and tok.text.endswith("s")


TROOP_DIRECTION_PREPS = _WORDS.words("troop_direction_preps")
STATE_COMPLEMENT_PREPS = _WORDS.words("state_complement_preps")
SUPRANATIONAL_PREPS = _WORDS.words("supranational_preps")
SURFACE_ARTICLES = _WORDS.words("surface_articles")
COUNTRY_JOINERS = _WORDS.words("country_joiners")


def _institution(term: str) -> str:
    """Bodies keep their own actor ("Ministry of Defense"); people of one sector share one per country."""
    return term if any(w in term for w in vocabulary().ordered("actors.institutions")) else ""


def _read_sector(phrase: Phrase, ctx: Context) -> Reading:
    head = phrase.head
    sector = _former(phrase, ctx, _qualified_sector(phrase, ctx, _sector_of(phrase)))
    igo = _igo_modifier(phrase)
    if igo is not None and igo.entry.sector in ("IGO", "NGO", "IMG"):
        return _igo_reading(igo, sector, phrase, ctx)
    body = next((u for u in reversed(phrase.modifiers) if u.kind == "org"), None)
    of_unit = _of_unit(phrase, ctx)
    if body is None and of_unit is not None and of_unit.kind == "org" and of_unit.entry.code:
        body = of_unit  # "officials of Hamas": Hamas itself speaks
    generic = vocabulary().words("actors.generic_heads")
    if body is not None and (head.entry.name in generic or head.entry.text.lower() in generic):
        e = body.entry
        if head.entry.agent == "person":  # "a Kremlin spokesman", "the Hamas leader": one person of the body
            name = f"{e.name} {ctx.doc[head.start : head.end].text}"
            key = ("title", e.country or "", head.entry.name, key_of(name))
            return Reading(key, name, e.country, e.sector, e.code, "person", titles=(head.entry.name,))
        # "Pentagon chiefs", "Kremlin officials": the body itself speaks
        return Reading(("org", e.name), e.name, e.country, e.sector, e.code, "organization")
    iso = modifier_country(phrase, ctx)
    adjective = iso is not None or any(u.kind == "countryref" for u in phrase.units)
    span = None
    wide = iso is None and _supranational(phrase, ctx)  # "Western diplomats": many countries, none guessed
    before = ctx.doc[phrase.units[0].start - 1] if phrase.units[0].start > 0 else None
    if wide and before is not None and before.lower_ in vocabulary().words("actors.supranational"):
        span = (phrase.units[0].start - 1, phrase.end)
    elif iso is None and (place := _pp_place(phrase, ctx)) is not None:
        iso, span = place[0], (phrase.start, max(phrase.end, place[1]))
    if iso is None and not wide:
        iso = ctx.its_country(phrase.start) or ctx.possessor_country(phrase.start, phrase.head.end - 1)
        if iso is None and sector == "CVL":  # people killed in a place are of it, whoever struck them
            iso = ctx.scene_country(phrase.head.end - 1)
        if iso is None and sector in vocabulary().words("actors.crowd_sectors") and head.entry.agent == "group":
            iso = ctx.crowd_country(phrase.head.end - 1)  # "farmers protested in X": a crowd of the place
        if iso is None and sector in ("MIL", "COP"):
            iso = ctx.subject_country(phrase.head.end - 1)
        adjective = iso is not None
    guessed = False
    if iso is None and not wide:
        adjective = True
        iso = ctx.dominant(phrase.start, ctx.counterparts(phrase.head.end - 1), major=True)
        guessed = iso is not None
    name = _group_name(phrase, ctx, iso if adjective else None)
    if span is not None and wide:
        name = f"{ctx.doc[phrase.units[0].start - 1].text} {name}"
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
            guessed=guessed,
        )
    key = ("group", iso or "", sector or "", key_of(name) if wide else _institution(head.entry.name))
    return Reading(key, name, iso, sector, _code(iso, sector), "group", span=span, guessed=guessed)


def _igo_reading(igo: Unit, sector: str | None, phrase: Phrase, ctx: Context) -> Reading:
    """ "UN officials" speak for the UN; "NATO troops", "UN peacekeepers" are its forces (sector MIL); "the
    UN undersecretary general" is one person of it (a title, for apposition and title coreference)."""
    e = igo.entry
    if phrase.head.entry.agent == "person" and phrase.head.kind == "sector":
        name = f"{e.name} {_surface(ctx.doc, igo.end, phrase.end)}".strip()
        titles = tuple(t.entry.name for t in phrase.titles)
        key = ("title", "", phrase.head.entry.name, key_of(name))
        return Reading(key, name, None, e.sector, e.code, "person", titles=titles)
    if sector != "MIL" or e.sector != "IGO":
        return Reading(("org", e.name), e.name, None, e.sector, e.code, "organization")
    name = f"{e.name} {_surface(ctx.doc, igo.end, phrase.end)}".strip()
    return Reading(("group", e.code or e.name, "MIL", ""), name, None, "MIL", f"{e.code or ''}MIL", "group")


def _drop_initials(name: str) -> str:
    """ "Antony J. Blinken" -> "Antony Blinken" (middle initials are not in the people file)."""
    words = name.split()
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) <= 3 and w.endswith("."))]
    return " ".join(kept)


def _name_country(unit: Unit, ctx: Context) -> str | None:
    """A nationality word opening an unknown name ("Bosnian Serbs"); not a country ("Chad Smith")."""
    entry = ctx.lex.entries.get(ctx.doc[unit.start].lower_)
    return entry.country if entry is not None and entry.kind == "demonym" else None


def _read_person(phrase: Phrase, ctx: Context) -> Reading:
    head = phrase.head
    name = head.entry.text
    person = ctx.lex.people.get(key_of(name)) or ctx.lex.people.get(key_of(_drop_initials(name)))
    titles = tuple(t.entry.name for t in phrase.titles)
    iso = modifier_country(phrase, ctx)
    described = bool(titles) or any(u.kind in ("org", "sector") for u in phrase.modifiers)
    sector = _sector_of(phrase) if described else None
    if person is not None:
        role = person.role_at(ctx.published)
        name = person.name
        iso = iso or role.country
        sector = sector or role.sector
        titles = (*titles, role.title.lower())
    sector = _former(phrase, ctx, sector)
    igo = _igo_modifier(phrase)
    igo_body = igo is not None and igo.entry.sector in ("IGO", "NGO", "IMG")
    if igo is not None and igo_body:
        iso, sector = None, igo.entry.sector if sector in (None, "GOV") else sector
    guessed = False
    if not igo_body and iso is None and person is None:
        # an unknown name takes the article's country only with evidence: a country word inside the
        # name ("Bosnian Serbs"), a place complement, or a title or body noun before it
        iso = _name_country(head, ctx) or pp_country(phrase, ctx) or ctx.possessor_country(phrase.start, head.end - 1)
        if iso is None and described:
            i = head.end - 1
            iso = ctx.dominant(phrase.start, ctx.actor_counterparts(i))
            guessed = iso is not None
    key = ("person", key_of(name))
    return Reading(key, name, iso, sector, _code(iso, sector), "person", titles, person, guessed=guessed)
