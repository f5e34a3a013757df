"""Find actor *units* in a parsed text: lexicon entries (dict look-ups over token runs) and names.

A unit is a run of tokens ``[start, end)`` with what it refers to. Units never overlap; the longest
lexicon match wins, then spaCy's PERSON entities and the proper names that follow a title fill gaps.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..labels import ARGUMENT_DEPS, NAME_SUBJECT_MODIFIERS, NOUN_MODIFIERS
from ..nlp import doc_ents, lower_positions, token_table
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .knowledge import Entry, Lexicon
from .lists import body_words

_WORDS = word_lists("eventwire.actors")

__all__ = ["Unit", "find_units", "positions", "scan", "word_ids"]

MONTHS = _WORDS.words("months")
#: words before a weak title that make it a common noun ("the general", "its deputy", "Iran's speaker")
TITLE_DETERMINERS = _WORDS.ordered("title_determiners")
#: Acronyms that are also English words.
WORD_ACRONYMS = _WORDS.words("word_acronyms")
PLACE_KINDS = frozenset({"country", "capital", "demonym", "region"})
#: Arabic articles written as a word of their own before a name ("al Assad", "el Sisi").
ARTICLES = _WORDS.words("articles")
#: Dependencies of a noun that is an argument of its clause ("a doctor said", "told an official").
#: The longest lower-case syllable after the hyphen of a given name ("Jae-myung", "Do-yun").
MAX_SYLLABLE = 5
#: Lower-case particles and the hyphen that join the words of one name ("Zia ur Rehman", "bin Salman", "van der").
NAME_GLUE = _WORDS.words("name_glue")
NAME_ARTICLES = _WORDS.words("name_articles")
INDEFINITE_ARTICLES = _WORDS.words("indefinite_articles")
TITLE_PREPS = _WORDS.words("title_preps")
#: The longest abbreviation a parenthesis gives a name; how far past the name (its own complement: "Initiative
#: X in Y") the parenthesis may open; how long a parenthesised gloss before it may run.
MAX_ACRONYM = 8
#: the noun a nationality word makes a country's capital city ("the German capital")
CAPITAL_WORD = "capital"
ACRONYM_REACH = 4
GLOSS_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    entry: Entry

    @property
    def kind(self) -> str:
        return self.entry.kind


def _case_ok(entry: Entry, tokens: list[Token]) -> bool:
    if entry.case == "any":
        return True
    if entry.case == "exact":
        same = "".join(t.text for t in tokens) == "".join(entry.text.split())
        return same and not (len(tokens) == 1 and tokens[0].lower_ in WORD_ACRONYMS and _in_capitals(tokens[0]))
    if entry.kind == "demonym" and tokens[0].text.isupper() and len(tokens[0].text) > 3:
        return False
    first = tokens[0].text
    if first.lower() in NAME_ARTICLES and len(tokens) > 1:
        first = tokens[1].text
    return first[:1].isupper() or first[:1].isdigit()


def _in_capitals(tok: Token) -> bool:
    """ "THE TALK IS OVER": an acronym spelled like a word ("IS", "US") inside a run of capitals is that word."""
    doc = tok.doc
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
    return any(t.is_alpha and len(t.text) > 1 and t.text.isupper() for t in near)


def scan(doc: Doc, entries: dict[str, Entry], prefixes: frozenset[str] | set[str], max_tokens: int = 10) -> list[Unit]:
    """Longest-first, left-to-right, non-overlapping matches of ``entries`` over the tokens."""
    units: list[Unit] = []
    n = len(doc)
    texts, spaces = token_table(doc)[:2]  # plain lists: no Token built per word tried
    # each token's part of a key, worked out once (most tokens start no entry: one look-up each)
    parts = [text.replace("’", "'").lower() for text in texts]

    def longest(i: int) -> tuple[int, Entry] | None:
        best: tuple[int, Entry] | None = None
        key = ""
        for j in range(i, min(n, i + max_tokens)):
            text = texts[j]
            if text.isspace() or (j > i and spaces[j - 1] and "\n" in spaces[j - 1]):  # isspace: Token.is_space
                break
            key += parts[j]
            if key not in prefixes:
                break
            entry = entries.get(key)
            key += " " if spaces[j] else ""
            if entry is not None and _case_ok(entry, [doc[k] for k in range(i, j + 1)]):
                best = (j + 1, entry)
        return best

    i = 0
    while i < n:
        if parts[i] not in prefixes:  # what ``longest`` finds first, without the call
            i += 1
            continue
        best = longest(i)
        if best is None:
            i += 1
            continue
        if texts[i].lower() == "the" and i + 1 < n:
            inner = longest(i + 1)  # "the UN" must not hide "UN Relief and Works Agency"
            if inner is not None and inner[0] > best[0]:
                i, best = i + 1, inner
        units.append(Unit(i, best[0], best[1]))
        i = best[0]
    return units


def _sector_ok(doc: Doc, unit: Unit, taken: set[int]) -> bool:
    """A sector term counts when it heads its noun phrase (not "police sources", "major offensive")."""
    last = doc[unit.end - 1]
    term = unit.entry.name
    nxt = doc[unit.end] if unit.end < len(doc) else None
    before_name = nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
    if unit.entry.agent == "person" and before_name:
        return True
    if last.pos_ not in ("NOUN", "PROPN") and not term.endswith(".") and not _hyphen_title(doc, unit):
        return False
    if nxt is not None and nxt.pos_ == "NOUN" and unit.end not in taken and last.dep_ in NOUN_MODIFIERS:
        return False
    if term in vocabulary().words("actors.weak_titles") and unit.entry.agent == "person":
        prev = doc[unit.start - 1] if unit.start > 0 else None
        return prev is not None and (
            prev.lower_ in TITLE_DETERMINERS
            or prev.i in taken
            or (doc[unit.start].text[:1].isupper() and prev.text[:1].isupper() and prev.is_alpha)
            or (prev.lower_ in INDEFINITE_ARTICLES and last.dep_ in ARGUMENT_DEPS)  # "says a doctor from Hebron"
        )
    return True


def _hyphen_title(doc: Doc, unit: Unit) -> bool:
    """ "director-general", "secretary-general": a hyphenated title whose last part the tagger reads as an
    adjective ("general") still heads its phrase when its first part is a noun."""
    first = doc[unit.start]
    return unit.end - unit.start > 2 and doc[unit.start + 1].text == "-" and first.pos_ in ("NOUN", "PROPN")


def _in_person_ent(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON"


def _name_token(tok: Token) -> bool:
    return (tok.text[:1].isupper() and (tok.is_alpha or "." in tok.text or "'" in tok.text[1:])) or (
        tok.lower_ in NAME_GLUE
    )


def _common_word(tok: Token) -> bool:
    """A capitalised common word NER took for a name ("Schools closed", "Humanitarian groups")."""
    return tok.pos_ in ("ADJ", "VERB", "ADV") or tok.tag_ == "NNS"


def _hyphen_tail(doc: Doc, i: int, start: int) -> bool:
    """ "Han Dong-hoon", "Lee Jae-myung": the short lower-case syllable of a given name joined by a hyphen."""
    return (
        i - 2 >= start
        and doc[i - 1].text == "-"
        and doc[i].is_alpha
        and doc[i].is_lower
        and len(doc[i].text) <= MAX_SYLLABLE
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 2].text[:1].isupper()
    )


def _prefix_at(doc: Doc, i: int) -> bool:
    """ "al-Eryani": a lower-case Arabic article joined to a capitalised name."""
    return doc[i].lower_ in ARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper()


def _name_unit(doc: Doc, start: int, end: int) -> Unit | None:
    # trim leading non-capitalised tokens (but keep an "al-" prefix); stop where a name cannot go on
    while start < end and not doc[start].text[:1].isupper() and not _prefix_at(doc, start):
        start += 1
    stop = start
    while stop < end and (_name_token(doc[stop]) or _hyphen_tail(doc, stop, start)):
        stop += 1
    if stop == end:  # NER often stops inside a hyphenated given name: "Yeom Ha" + "-neul", "Kwak" + "Do-yun"
        for extra in (0, 1, 2):
            if stop + extra < len(doc) and _hyphen_tail(doc, stop + extra, start):
                stop += extra + 1
                break
    end = stop
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", ",", ".") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    text = doc[start:end].text
    if text.lower() in MONTHS or (end - start == 1 and _common_word(doc[start])):
        return None
    return Unit(start, end, Entry("person", text, text, agent="person", case="cap"))


def _names_after_titles(doc: Doc, units: list[Unit], taken: set[int]) -> list[Unit]:
    """Proper names right after a person title ("Prime Minister Adel Abdul-Mahdi") that NER missed."""
    out = []
    place_at: dict[int, Unit] = {}  # start -> the first place unit there (one look-up per title)
    for p in units:
        if p.kind in PLACE_KINDS:
            place_at.setdefault(p.start, p)
    for u in units:
        if u.kind != "sector" or u.entry.agent != "person":
            continue
        j = u.end
        place = place_at.get(j + 1)
        if place is not None and doc[j].lower_ == "of":
            j = place.end  # "Mayor of Oslo Kari Nilsen"
        first = j
        while (
            j < len(doc)
            and j not in taken
            and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                or (doc[j].lower_ in NAME_GLUE and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")
            )
        ):
            j += 1
        if j > first:
            name = _name_unit(doc, first, j)
            if name is not None:
                out.append(name)
    return out


def _extend_left(doc: Doc, name: Unit, taken: set[int]) -> Unit:
    """NER often drops a first name ("London Sadiq Khan" -> "Khan"): take capitalised words before it
    (``taken``: the tokens of the lexicon's matches)."""
    start = name.start
    while (
        start > 0
        and start - 1 not in taken
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_alpha
        and doc[start - 1].text[:1].isupper()
        and not doc[start - 1].is_sent_start
        and doc[start - 1].ent_type_ in ("", "PERSON")
        and name.start - start < 1
        and not (start >= 2 and doc[start - 2].lower_ in TITLE_PREPS)
    ):
        start -= 1
    if start == name.start:
        return name
    text = doc[start : name.end].text
    return Unit(start, name.end, Entry("person", text, text, agent="person", case="cap"))


def _merge_adjacent(doc: Doc, names: list[Unit]) -> list[Unit]:
    """NER sometimes cuts one name in two ("Antony" + "J. Blinken"): join touching name units."""
    out: list[Unit] = []
    for u in sorted(names, key=lambda x: x.start):
        if out and out[-1].end == u.start and out[-1].kind == "person" and u.kind == "person":
            prev = out.pop()
            text = doc[prev.start : u.end].text
            u = Unit(prev.start, u.end, Entry("person", text, text, agent="person", case="cap"))
        out.append(u)
    return out


def _org_ents(doc: Doc, raw: list[Unit], lex: Lexicon) -> list[Unit]:
    """Organisations only NER knows ("Kenya Anti-Corruption Commission"): one unit each, with the
    country and sector of the known words inside."""
    out = []
    not_bodies = vocabulary().words("actors.not_bodies")
    where = _Positions(raw)
    for ent in doc_ents(doc):
        if ent.label_ != "ORG":
            continue
        inside = where.inside(ent.start, ent.end)
        if ent.end - ent.start == 1 and ent[0].lower_ in lex.surnames:
            continue
        if where.after_title(ent.start) and all(t.pos_ == "PROPN" for t in ent):
            continue  # "opposition leader Morgan Tsvangirai": a name NER took for an organisation
        if any(u.kind in ("person", "org") for u in inside) or where.straddles(ent.start) or where.straddles(ent.end):
            continue
        covered = {i for u in inside for i in range(u.start, u.end)}
        start = ent.start + (doc[ent.start].lower_ == "the")
        end = ent.end
        while end > start and doc[end - 1].is_space:
            end -= 1  # "Kashmir\n\n": a heading line the entity ran past
        if "(" in ent.text and ")" not in ent.text:
            end = next(t.i for t in ent if t.text == "(")
        if start >= end or not doc[start].text[:1].isupper() or doc[end - 1].lower_ in not_bodies:
            continue
        if not any(doc[i].is_alpha and i not in covered for i in range(start, end)):
            continue
        words = [t.text for t in doc[start:end]]
        if body_words().is_place(words):
            continue  # "Ben Gurion Airport", "Lüderitzstrasse": a place, not a body
        country = next((u.entry.country for u in inside if u.entry.country), None)
        # a weak title ending the name is a common noun there ("Natural Justice" is no judge)
        inner = next((u.entry.sector for u in reversed(inside) if u.kind == "sector" and not _weak_end(u, end)), None)
        # the last word decides what kind of body it is ("Mercy General Hospital" is no army)
        sector = body_words().sector(words[-1:]) or inner or body_words().sector(words)
        if body_words().unsectored_name(words):
            sector = None  # "People Power Party": a party, not the people
        text = doc[start:end].text
        out.append(Unit(start, end, Entry("org", text, text, country, sector, None, "organization", "cap")))
    return out


def _weak_end(unit: Unit, end: int) -> bool:
    """A one-person title that is also a common word ("justice", "general") ending an organisation's name."""
    return (
        unit.end == end and unit.entry.agent == "person" and unit.entry.name in vocabulary().words("actors.weak_titles")
    )


class _Positions:
    """Units by token position, for the questions asked once per entity (a scan of every unit for each
    made long articles quadratic). Answers keep the units' own order."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.order = sorted(range(len(units)), key=lambda k: (units[k].start, k))
        self.starts = [units[k].start for k in self.order]
        self.longest = max((u.end - u.start for u in units), default=0)
        self.titles_ending = {u.end for u in units if u.kind == "sector" and u.entry.agent == "person"}

    def _starting(self, lo: int, hi: int) -> list[int]:
        """Indices of the units with ``lo <= start <= hi``, in their own order."""
        return sorted(self.order[bisect_left(self.starts, lo) : bisect_right(self.starts, hi)])

    def inside(self, lo: int, hi: int) -> list[Unit]:
        """``[u for u in units if lo <= u.start and u.end <= hi]``."""
        return [self.units[k] for k in self._starting(lo, hi) if self.units[k].end <= hi]

    def covers(self, lo: int, hi: int) -> bool:
        """Whether a unit starts at or before token ``lo`` and ends at or after ``hi``."""
        return any(self.units[k].end >= hi for k in self._starting(hi - self.longest, lo))

    def straddles(self, i: int) -> bool:
        """Whether a unit starts before token ``i`` and ends after it."""
        return any(self.units[k].end > i for k in self._starting(i - self.longest, i - 1))

    def after_title(self, i: int) -> bool:
        """Whether a person's title ("opposition leader") ends right before token ``i``."""
        return i in self.titles_ending


def _of_titles(doc: Doc, units: list[Unit], names: set[int]) -> list[Unit]:
    """ "Minister of Information Moammar al-Eryani": the "of ..." words belong to the title."""
    starts = {u.start for u in units} | {i for i in names}
    out = []
    for u in units:
        if (
            u.kind == "sector"
            and u.entry.agent == "person"
            and u.end + 1 < len(doc)
            and doc[u.end].lower_ in TITLE_PREPS
        ):
            j = u.end + 1
            while j < len(doc) and j - u.end < 6 and j not in starts and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            if j > u.end + 1 and j < len(doc) and (j in names or doc[j].ent_type_ == "PERSON"):
                text = doc[u.start : j].text
                u = Unit(u.start, j, Entry("sector", text, u.entry.name, None, u.entry.sector, None, "person"))
        out.append(u)
    return out


def _lone_propn(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if not tok.text[:1].isupper() or tok.lower_ in MONTHS:
        return False
    if tok.pos_ != "PROPN" and not _name_as_subject(tok):
        return False
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in near)


def _name_as_subject(tok: Token) -> bool:
    """ "Trump urges UN ...": a surname the tagger took for a common noun, acting as a bare subject."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.dep_ == "nsubj"
        and tok.head.tag_ in ("VBZ", "VBD", "VBN")
        and tok.head.lemma_ in vocabulary().words("actors.speech_lemmas")
        and not any(c.dep_ in NAME_SUBJECT_MODIFIERS for c in tok.children)
    )


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The string ids of lower-case words (straight and curly apostrophes), for :func:`positions`."""
    return frozenset(get_string_id(v) for w in words for v in {w, w.replace("'", "’")})


def positions(doc: Doc, ids: frozenset[int]) -> list[int]:
    """Indexes of the tokens whose lower-cased text is one of ``ids``: no Token objects, and the doc's
    word ids are read from its arrays once for all callers."""
    index = lower_positions(doc)
    found = [i for lower in index.keys() & ids for i in index[lower]]
    found.sort()
    return found


def _known_surnames(doc: Doc, lex: Lexicon, taken: set[int]) -> list[Unit]:
    """A bare surname from the people file ("Pompeo said ...") that NER missed or called an ORG."""
    out = []
    for i in positions(doc, lex.surname_ids):
        if i in taken or not _lone_propn(doc, i):
            continue
        tok = doc[i]
        out.append(Unit(i, i + 1, Entry("person", tok.text, tok.text, agent="person", case="cap")))
    return out


def find_units(doc: Doc, lex: Lexicon) -> list[Unit]:
    """All units of a document, in text order."""
    raw = scan(doc, lex.entries, lex.prefixes, lex.max_tokens)
    # PERSON entities beat single-token country/capital/sector matches they cover ("Chad Smith")
    persons = []
    where = _Positions(raw)
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        inside = where.inside(ent.start, ent.end)
        if any(u.kind in ("person", "org") for u in inside):
            continue
        titles = [u for u in inside if u.kind == "sector"]
        start = max((u.end for u in titles if u.start == ent.start), default=ent.start)
        if any(u.kind in PLACE_KINDS for u in inside) and ent.end - start < 2:
            continue
        if where.covers(start, ent.end):
            continue  # the whole "name" is a known country, capital or title ("Sri Lanka")
        name = _name_unit(doc, start, ent.end)
        if name is None or body_words().is_place(name.entry.text.split()):
            continue
        if name.end - name.start == 1 and name.start > 0 and doc[name.start - 1].lower_ == "the":
            continue  # "the Reich", "the Azores", "the Bill": no person takes an article
        persons.append(name)
    in_raw = {i for u in raw for i in range(u.start, u.end)}
    persons = [_extend_left(doc, p, in_raw) for p in persons]
    orgs = _org_ents(doc, raw, lex)
    persons += orgs
    covered = {i for p in persons for i in range(p.start, p.end)}
    kept = [u for u in raw if not any(i in covered for i in range(u.start, u.end))]
    taken = {i for u in kept for i in range(u.start, u.end)} | covered
    kept = [u for u in kept if u.kind != "sector" or _sector_ok(doc, u, taken)]
    taken = {i for u in kept for i in range(u.start, u.end)} | covered
    kept = _of_titles(doc, kept, covered)
    taken = {i for u in kept for i in range(u.start, u.end)} | covered
    extra = _names_after_titles(doc, kept, taken)
    taken |= {i for u in extra for i in range(u.start, u.end)}
    known = _known_surnames(doc, lex, taken)
    return _capitals(doc, lex, _acronyms(doc, _merge_adjacent(doc, kept + persons + extra + known)))


def _capitals(doc: Doc, lex: Lexicon, units: list[Unit]) -> list[Unit]:
    """ "The German capital": a nationality word before the word "capital" names that country's capital city,
    as its name would ("Berlin")."""
    out: list[Unit] = []
    for u in units:
        nxt = doc[u.end] if u.end < len(doc) else None
        country = lex.countries.get(u.entry.country or "")
        if u.kind == "demonym" and nxt is not None and nxt.lower_ == CAPITAL_WORD and country is not None:
            text = doc[u.start : u.end + 1].text
            entry = Entry("capital", text, country.name, country.iso3, "GOV", country.iso3, "country")
            u = Unit(u.start, u.end + 1, entry)
        out.append(u)
    return out


def _acronym_at(doc: Doc, j: int, initial: str) -> bool:
    """ "(NLG)" at token ``j``: a parenthesised single word, capitalised, that starts with the name's initial and
    is not a word written in capitals ("(IS)")."""
    if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
        return False
    tok = doc[j + 1]
    text = tok.text
    return (
        tok.is_alpha
        and 2 <= len(text) <= MAX_ACRONYM
        and text[0] == initial
        and sum(c.isupper() for c in text) >= 1
        and tok.lower_ not in WORD_ACRONYMS
    )


def _acronym_of(doc: Doc, unit: Unit) -> str | None:
    """The abbreviation a parenthesis gives an organisation's name right after it: "the National Lawyers Guild
    (NLG)"; past the rest of the name's own phrase and one parenthesised gloss ("Initiative X in Y (Initiative
    of Z) (IXY)")."""
    first = doc[unit.start]
    if not first.text[:1].isupper():
        return None
    root = doc[unit.start : unit.end].root
    j = unit.end
    while j < len(doc) and j - unit.end < ACRONYM_REACH and doc[j].text != "(" and root.is_ancestor(doc[j]):
        j += 1
    if j < len(doc) and doc[j].text == "(" and not _acronym_at(doc, j, first.text[0]):
        close = next((k for k in range(j + 1, min(len(doc), j + GLOSS_TOKENS)) if doc[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    return doc[j + 1].text if _acronym_at(doc, j, first.text[0]) else None


def _parenthesised(doc: Doc, i: int) -> bool:
    """The abbreviation where a parenthesis defines it (it glosses the name before it, not a mention)."""
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"


def _acronyms(doc: Doc, units: list[Unit]) -> list[Unit]:
    """An organisation named in full and then by the abbreviation a parenthesis gave it is one body: each
    mention of the abbreviation that only NER knew (or that nothing matched) takes the full name's entry."""
    alias: dict[str, Entry] = {}
    for u in units:
        if u.kind == "org" and u.end - u.start > 1:
            acr = _acronym_of(doc, u)
            if acr is not None:
                alias.setdefault(acr, u.entry)
    if not alias:
        return units
    out: list[Unit] = []
    taken: set[int] = set()
    for u in units:
        entry = alias.get(doc[u.start : u.end].text)
        if entry is not None and u.kind == "org" and u.entry.code is None and u.entry is not entry:
            u = Unit(u.start, u.end, entry)
        out.append(u)
        taken.update(range(u.start, u.end))
    for tok in doc:
        entry = alias.get(tok.text)
        if entry is not None and tok.i not in taken and not _parenthesised(doc, tok.i):
            out.append(Unit(tok.i, tok.i + 1, entry))
    return sorted(out, key=lambda x: x.start)
