"""Long articles (issue 12, item 6): parsed in bounded pieces, sentences bounded, a time budget per
article. Real spaCy; the speed and memory figures are measured by ``benchmarks/long_article.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from eventwire.cli import main
from eventwire.nlp import CHUNK_CHARS, MAX_SENTENCE_TOKENS, NlpRunner, doc_text, sentences, split_text

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "Kenya accused Tanzania on Monday of closing the border to Kenyan trucks. Officials in Nairobi said "
    "talks would resume next week, while traders said hundreds of lorries were stuck at the crossing.\n\n"
)


@pytest.fixture(scope="module")
def runner() -> NlpRunner:
    return NlpRunner()


def test_spacy_never_gets_more_than_a_piece(runner: NlpRunner) -> None:
    text = PARAGRAPH * (3 * CHUNK_CHARS // len(PARAGRAPH))
    assert runner.nlp.max_length <= 2 * CHUNK_CHARS < len(text)
    doc = runner.parse(text)
    assert doc_text(doc) == text and doc.text == text
    starts = [s.start_char for s in sentences(doc)]
    assert all(text[p] == "K" or text[p] == "O" for p in starts)  # pieces meet at paragraph breaks


def _rows(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.idx, t.text, t.tag_, t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_type_) for t in doc]


def test_pieces_parsed_by_several_processes_give_the_same_doc(runner: NlpRunner) -> None:
    """A long text's pieces parsed by two processes make the same doc as one process (tokens, tags, lemmas,
    parse, sentences, entities)."""
    text = "".join(
        PARAGRAPH.replace("Monday", day).replace("week", f"week {i}")
        for i, day in enumerate(["Monday", "Friday", "Sunday"] * (5 * CHUNK_CHARS // (3 * len(PARAGRAPH))))
    )
    one, two = NlpRunner(processes=1), NlpRunner(processes=2)
    one._nlp = two._nlp = runner.nlp
    assert one.parse_processes(5) == 1 and two.parse_processes(5) == 2 and two.parse_processes(3) == 1
    a, b = one.parse(text), two.parse(text)
    assert b.text == text
    assert _rows(a) == _rows(b)


def test_a_worker_process_parses_in_one_process() -> None:
    import multiprocessing as mp

    with mp.get_context("fork").Pool(1) as pool:
        assert pool.apply(NlpRunner(processes=2).parse_processes, (8,)) == 1


def test_a_thread_other_than_the_main_one_parses_in_one_process() -> None:
    import threading

    runner = NlpRunner(processes=2)
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(runner.parse_processes(8)))
    thread.start()
    thread.join()
    assert seen == [1] and runner.parse_processes(8) == 2


@pytest.mark.parametrize("opening", ['"', "", "“"])
def test_a_long_line_without_sentence_breaks_is_cut(runner: NlpRunner, opening: str) -> None:
    text = opening + "the minister said the talks would go on and the army would stay in the north " * 500
    doc = runner.parse(text)
    assert doc.text == text
    assert max(len(s) for s in sentences(doc)) <= 2 * MAX_SENTENCE_TOKENS


@pytest.mark.parametrize(
    "text", ["a" * 130_000, ("word " * 30_000), ("x" * 70_000 + " " + "y" * 70_000), "\n\n".join(["z" * 40] * 4000)]
)
def test_split_text_pieces_join_back_and_are_bounded(text: str) -> None:
    pieces = split_text(text)
    assert "".join(pieces) == text and all(0 < len(p) <= CHUNK_CHARS for p in pieces)


def _long_text(chars: int) -> str:
    """Distinct paragraphs (ingest drops a lead paragraph printed again as page furniture)."""
    count = chars // len(PARAGRAPH) + 1
    return "".join(PARAGRAPH.replace("hundreds of", f"{i + 2} hundred") for i in range(count))


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_an_article_over_its_time_budget_is_an_error_record_and_the_run_goes_on(tmp_path: Path) -> None:
    short = tmp_path / "a.txt"
    short.write_text(PARAGRAPH)
    long = tmp_path / "b.txt"
    long.write_text(_long_text(60_000))
    last = tmp_path / "c.txt"
    last.write_text(PARAGRAPH.replace("Monday", "Friday"))
    out = tmp_path / "out.jsonl"
    args = ["code", str(short), str(long), str(last), "-o", str(out), "--workers", "1", "-q"]
    assert main([*args, "--article-timeout", "0.2"]) == 0
    first, timed_out, third = _records(out)
    assert (first["id"], timed_out["id"], third["id"]) == (str(short), str(long), str(last))
    assert first["error"] is None and third["error"] is None and first["events"]
    error = timed_out["error"]
    assert isinstance(error, dict) and "time budget of 0.2 s" in error["message"]
    assert "--article-timeout" in error["message"] and error["stage"] in ("nlp", "actors", "events")


def test_a_timed_out_article_is_coded_again_by_the_next_ingest(tmp_path: Path) -> None:
    from eventwire.store.db import Store

    long = tmp_path / "b.txt"
    long.write_text(_long_text(60_000))
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(long), "--db", str(db), "--workers", "1", "-q", "--article-timeout", "0.2"]) == 0
    with Store(db, read_only=True) as store:
        assert store.counts()["errors"] == 1
    assert main(["ingest", str(long), "--db", str(db), "--workers", "1", "-q", "--article-timeout", "0"]) == 0
    with Store(db, read_only=True) as store:
        assert store.counts()["errors"] == 0 and store.counts()["articles"] == 1 and store.counts()["events"] > 0
