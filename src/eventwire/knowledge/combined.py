"""The knowledge of one pipeline (``Knowledge``): the package's event patterns plus a user's files.

>>> from eventwire.knowledge import Knowledge
>>> from eventwire.pipeline import Pipeline
>>> mine = Pipeline(knowledge=Knowledge.load(["my-patterns.yaml"]))  # doctest: +SKIP

A user file (``files.read_knowledge_file``) adds patterns under new ids and overrides the package's
(or an earlier file's) pattern of the same id, in place. Added patterns come before the package's, so
where a user's pattern and the package's are equally specific the user's wins. Its people (``people:``)
are added, or replace the package's person of the same name; so do its titles (``titles:``, by term) and
organisations (``organizations:``, by name), its cue verbs (``cues:``, by lemma) and propositions
(``claims:``, by id); its places (``places:``) are added to the gazetteer; its ``words:`` add to, take
from or replace the vocabulary lists (``knowledge/words.py``), in file order. Nothing is cached by module:
each ``Knowledge`` holds its own event ``Lexicon``, its vocabulary and its people's actor lexicon, which
the pipeline makes active around its stages, and its cue lexicon, claims and gazetteer additions, which
the pipeline gives to the stages that read them (``with_knowledge``) as it is built.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..actors.knowledge import (
    LEXICON_VOCABULARY,
    Person,
    build_lexicon,
    key_of,
    load_people,
    people_entries,
    person_of,
    using_actor_lexicon,
)
from ..actors.knowledge import Lexicon as ActorLexicon
from ..actors.knowledge import default_lexicon as default_actor_lexicon
from ..claims import Claims, default_claims, proposition_of
from ..events.lexicon.lexicon import Lexicon, default_lexicon, lexicon_entries, using_lexicon
from ..places.gazetteer import Additions
from ..quotes.lexicon import Lexicon as CueLexicon
from ..quotes.lexicon import cue_verb, load_lexicon
from ..vocabulary import Vocabulary, default_vocabulary, using_vocabulary
from .files import KnowledgeFile, read_knowledge_file
from .sections import place_row
from .words import apply_words

__all__ = ["Change", "Knowledge", "KnowledgeFile", "read_knowledge_file"]


@dataclass(frozen=True)
class Change:
    """What one entry of a user file does to the knowledge before it."""

    path: str
    line: int
    id: str
    kind: Literal["adds", "overrides"]
    code: str
    #: the code of the entry it overrides (None: it adds one)
    before: str | None = None
    #: "pattern" (id, code), "person" (name, first role), "title" (term, sector), "organization" (name, code),
    #: "cue" (lemma, class), "claim" (id, text), "place" (name, feature and country), "words" (the list
    #: as package.list, the words added (+) and removed (-) or the new list (=); before: its size)
    section: Literal["pattern", "person", "title", "organization", "cue", "claim", "place", "words"] = "pattern"


@dataclass(frozen=True)
class Knowledge:
    """The knowledge of one pipeline: its event lexicon, the people its files add (their actor lexicon is
    built on first use, in each process), and the user files it was built from."""

    lexicon: Lexicon = field(default_factory=default_lexicon)
    paths: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    #: the people of the user files (before the package's: the first of two with one name or alias wins);
    #: empty: the package's actor lexicon
    people: tuple[Person, ...] = ()
    #: the user files' titles and organisations, as rows of sectors.tsv and organizations.tsv (theirs first)
    titles: tuple[tuple[str, str, str], ...] = ()
    organizations: tuple[tuple[str, str, str, str, str], ...] = ()
    #: the quotes stage's cue lexicon (the package's, with the user files' cue verbs)
    cues: CueLexicon = field(default_factory=load_lexicon)
    #: the claims stage's propositions (the package's, with the user files')
    claims: Claims = field(default_factory=default_claims)
    #: the places the user files add to the gazetteer
    places: Additions = field(default_factory=Additions)
    #: the vocabulary lists the stages read (the package's, with the user files' ``words:`` changes)
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)
    _actors: list[ActorLexicon] = field(default_factory=list, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_actors": []}  # a worker builds its own actor lexicon

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def actor_lexicon(self) -> ActorLexicon | None:
        """The actor lexicon with the user's people, titles and organisations and the vocabulary lists it is
        built from (None: none of them differ from the package's), built once per process."""
        default = default_vocabulary()
        words = any(self.vocabulary.ordered(k) != default.ordered(k) for k in LEXICON_VOCABULARY)
        if not (self.people or self.titles or self.organizations or words):
            return None
        if not self._actors:
            replaced = {key_of(p.name) for p in self.people}
            package = tuple(p for p in load_people() if key_of(p.name) not in replaced)
            with using_vocabulary(self.vocabulary):
                self._actors.append(build_lexicon(self.people + package, self.titles, self.organizations))
        return self._actors[0]

    @classmethod
    def default(cls) -> Knowledge:
        """The package's own knowledge."""
        return cls()

    @classmethod
    def load(cls, paths: Sequence[str | Path]) -> Knowledge:
        """The package's knowledge plus ``paths`` in order (each validated: ``KnowledgeError``)."""
        if not paths:
            return cls()
        return cls.merge([read_knowledge_file(p) for p in paths])

    @classmethod
    def merge(cls, files: Sequence[KnowledgeFile]) -> Knowledge:
        """The package's knowledge plus already-read files, in order."""
        base: list[dict[str, Any]] = list(lexicon_entries())
        where = {str(entry["id"]): i for i, entry in enumerate(base)}
        added: list[dict[str, Any]] = []
        added_at: dict[str, int] = {}
        changes: list[Change] = []
        for kf in files:
            for entry, line in zip(kf.patterns, kf.lines, strict=True):
                pid, code = str(entry["id"]), str(entry["code"])
                if pid in where:
                    changes.append(Change(kf.path, line, pid, "overrides", code, str(base[where[pid]]["code"])))
                    base[where[pid]] = entry
                elif pid in added_at:
                    changes.append(Change(kf.path, line, pid, "overrides", code, str(added[added_at[pid]]["code"])))
                    added[added_at[pid]] = entry
                else:
                    added_at[pid] = len(added)
                    added.append(entry)
                    changes.append(Change(kf.path, line, pid, "adds", code))
        people, people_changes = _merge_people(files)
        titles, organizations, term_changes = _merge_terms(files)
        cues, claims, places, stage_changes = _merge_stage_knowledge(files)
        vocabulary = default_vocabulary()
        for kf in files:
            vocabulary, done = apply_words(vocabulary, kf.path, kf.words, kf.word_lines)
            stage_changes += [
                Change(kf.path, line, key, kind, what, was, "words") for line, key, kind, what, was in done
            ]
        lexicon = Lexicon.from_entries(added + base) if added_at or changes else default_lexicon()
        return cls(
            lexicon,
            tuple(kf.path for kf in files),
            tuple(changes + people_changes + term_changes + stage_changes),
            people,
            titles,
            organizations,
            cues,
            claims,
            places,
            vocabulary,
        )

    @contextmanager
    def active(self) -> Iterator[Knowledge]:
        """Make this knowledge the one the stages read, inside the block."""
        actors = self.actor_lexicon()
        with (
            using_lexicon(self.lexicon),
            using_vocabulary(self.vocabulary),
            using_actor_lexicon(actors) if actors else nullcontext(),
        ):
            yield self


def _first_role(entry: dict[str, Any]) -> str:
    role = entry["roles"][0]
    return f"{role[0]}/{role[1]} {role[2]}"


def _merge_people(files: Sequence[KnowledgeFile]) -> tuple[tuple[Person, ...], list[Change]]:
    """The people of the files (a later file's person replaces an earlier one of that name), and what
    each adds or overrides (a package person of the same name is replaced)."""
    package = {key_of(str(e["name"])): e for e in people_entries()}
    chosen: dict[str, dict[str, Any]] = {}
    changes: list[Change] = []
    for kf in files:
        for entry, line in zip(kf.people, kf.people_lines, strict=True):
            key = key_of(str(entry["name"]))
            before = chosen.get(key) or package.get(key)
            kind: Literal["adds", "overrides"] = "overrides" if before else "adds"
            old = _first_role(before) if before else None
            changes.append(Change(kf.path, line, str(entry["name"]), kind, _first_role(entry), old, "person"))
            chosen[key] = entry
    return tuple(person_of(e) for e in chosen.values()), changes


def _merge_terms(
    files: Sequence[KnowledgeFile],
) -> tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str, str, str], ...], list[Change]]:
    """The files' titles and organisations as lexicon rows (a later file's entry of the same term or first
    name replaces an earlier one), and what each adds or overrides in the package's actor lexicon."""
    package = default_actor_lexicon().entries
    titles: dict[str, tuple[str, str, str]] = {}
    orgs: dict[str, tuple[str, str, str, str, str]] = {}
    changes: list[Change] = []
    for kf in files:
        for entry, line in zip(kf.titles, kf.title_lines, strict=True):
            key, sector = key_of(str(entry["term"])), str(entry["sector"])
            old = titles.get(key)
            was = old[1] if old else _package_code(package.get(key), "sector")
            changes.append(Change(kf.path, line, str(entry["term"]), _kind(old or was), sector, was, "title"))
            titles[key] = (str(entry["term"]), sector, str(entry.get("kind") or "person"))
        for entry, line in zip(kf.organizations, kf.organization_lines, strict=True):
            names = [str(n) for n in entry["names"]]
            key, code = key_of(names[0]), str(entry.get("code") or "-")
            prior = orgs.get(key)
            was = prior[0] if prior else _package_code(package.get(key), "org")
            changes.append(Change(kf.path, line, names[0], _kind(prior or was), code, was, "organization"))
            orgs[key] = (
                code,
                str(entry.get("country") or "-"),
                str(entry.get("sector") or "-"),
                str(entry.get("kind") or "organization"),
                "|".join(names),
            )
    return tuple(titles.values()), tuple(orgs.values()), changes


def _merge_stage_knowledge(files: Sequence[KnowledgeFile]) -> tuple[CueLexicon, Claims, Additions, list[Change]]:
    """The package's cue lexicon and claims with the files' cue verbs and propositions (a later entry of
    the same lemma or id replaces an earlier one), the gazetteer additions, and what each entry does."""
    cues, claims = load_lexicon(), default_claims()
    rows: list[tuple[str, ...]] = []
    changes: list[Change] = []
    for kf in files:
        for entry, line in zip(kf.cues, kf.cue_lines, strict=True):
            verb = cue_verb(str(entry["lemma"]), entry)
            old = cues.verb(verb.lemma)
            changes.append(Change(kf.path, line, verb.lemma, _kind(old), verb.cls, old.cls if old else None, "cue"))
            cues = cues.with_verbs([verb])
        for entry, line in zip(kf.claims, kf.claim_lines, strict=True):
            prop = proposition_of(entry)
            was = next((p for p in claims.propositions if p.id == prop.id), None)
            before = was.text if was else None
            changes.append(Change(kf.path, line, prop.id, _kind(was), prop.text, before, "claim"))
            claims = claims.with_propositions([prop])
        for entry, line in zip(kf.places, kf.place_lines, strict=True):
            row = place_row(entry)
            changes.append(Change(kf.path, line, row[0], "adds", f"{row[2]} {row[3] or '-'}", None, "place"))
            rows.append(row)
    return cues, claims, Additions(tuple(rows)), changes


def _kind(before: object) -> Literal["adds", "overrides"]:
    return "overrides" if before else "adds"


def _package_code(entry: Any, kind: str) -> str | None:
    """The package entry's sector (a title) or code (an organisation) that a user's entry replaces."""
    if entry is None or entry.kind != kind:
        return None
    return str((entry.sector or "-") if kind == "sector" else entry.code)
