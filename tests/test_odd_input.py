"""Correctness under odd input (issue 12, items 1-4): shared ids, truncated archives, symlink loops,
retries of failed articles and stdin ids. Real files, real spaCy, real DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Pipeline

KENYA = "Kenya accused Tanzania of closing the border on Monday."
JAPAN = "Japan promised emergency aid to the Philippines after the typhoon."
POLICE = "Police in Serbia arrested twelve protesters outside the parliament in Belgrade."


@pytest.mark.slow
def test_articles_sharing_an_id_keep_their_own_text_and_events(pipeline: Pipeline) -> None:
    arts = [Article("same", KENYA), Article("same", JAPAN), Article("same", POLICE)]
    out = list(pipeline.code_articles(arts))
    for analysis, text in zip(out, (KENYA, JAPAN, POLICE), strict=True):
        assert analysis.article.text == text
        for event in analysis.events:
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert {a.country for a in out[0].actors} >= {"KEN", "TZA"}
    assert {a.country for a in out[1].actors} >= {"JPN", "PHL"}


def test_repeated_ids_in_the_input_are_made_unique_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "same.jsonl"
    lines = [{"id": "x", "text": KENYA}, {"id": "x", "text": JAPAN}, {"id": "x", "text": POLICE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    notices: list[str] = []
    arts = list(read_inputs([str(path)], notice=notices.append))
    assert [a.id for a in arts] == ["x", "x#2", "x#3"]
    assert [a.text for a in arts] == [KENYA, JAPAN, POLICE]
    assert len(notices) == 2 and "x" in notices[0] and "x#2" in notices[0] and str(path) in notices[0]


def _warc(gz: bool, n: int = 3) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = (
            f"<html><head><title>Border row {i}</title></head><body><article><p>Kenya accused Tanzania of "
            f"closing the border on day {i}. " + "Traders said the lorries were stuck for days. " * 20
        ) + "</p></article></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        payload = io.BytesIO(body.encode())
        writer.write_record(
            writer.create_warc_record(f"http://example.org/{i}", "response", payload=payload, http_headers=http)
        )
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "gz", "cut"),
    [("cut.warc.gz", True, 150), ("cut.warc.gz", True, 20), ("cut.warc", False, 150), ("cut.warc", False, 10)],
)
def test_a_truncated_warc_ends_with_an_error_naming_file_and_offset(
    tmp_path: Path, name: str, gz: bool, cut: int
) -> None:
    whole = _warc(gz)
    path = tmp_path / name
    path.write_bytes(whole[:-cut])
    arts = list(read_inputs([str(path)]))
    good = [a for a in arts if a.error is None]
    bad = [a for a in arts if a.error is not None]
    assert [a.id for a in good] == ["http://example.org/0", "http://example.org/1"]
    assert len(bad) == 1
    message = bad[0].error.message  # type: ignore[union-attr]
    assert str(path) in message and "byte" in message and "cut short" in message


def test_a_whole_warc_has_no_error(tmp_path: Path) -> None:
    for name, gz in (("ok.warc.gz", True), ("ok.warc", False)):
        (tmp_path / name).write_bytes(_warc(gz))
        arts = list(read_inputs([str(tmp_path / name)]))
        assert [a.error for a in arts] == [None, None, None]


def test_a_symlink_loop_is_an_error_record_and_the_run_goes_on(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text(KENYA)
    (tree / "sub" / "b.txt").write_text(JAPAN)
    (tree / "sub" / "up").symlink_to(tree, target_is_directory=True)  # a directory loop
    (tree / "self.txt").symlink_to(tree / "self.txt")  # a link to itself
    (tree / "z.txt").write_text(POLICE)
    arts = list(read_inputs([str(tree)]))
    texts = [a.text for a in arts if a.error is None]
    assert texts == [KENYA, JAPAN, POLICE]
    errors = [a for a in arts if a.error is not None]
    assert {Path(a.id).name for a in errors} == {"up", "self.txt"}
    assert all("loop" in a.error.message for a in errors)  # type: ignore[union-attr]


def test_an_unreadable_folder_is_an_error_record(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    tree = tmp_path / "tree"
    (tree / "locked").mkdir(parents=True)
    (tree / "a.txt").write_text(KENYA)
    (tree / "locked").chmod(0)
    try:
        arts = list(read_inputs([str(tree)]))
    finally:
        (tree / "locked").chmod(0o755)
    assert [a.error is None for a in arts] == [True, False]


def _ingest(*args: str, stdin: bytes | None = None) -> None:
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", *args, "--workers", "1", "-q"]
    done = subprocess.run(cmd, input=stdin, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()


def _articles(db: Path) -> list[tuple[str, str | None, str]]:
    from eventwire.store.db import Store

    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT id, error_stage, text FROM articles ORDER BY id").fetchall()
    return [(str(i), s, str(t)) for i, s, t in rows]


def test_a_failed_article_is_retried_on_a_rerun(tmp_path: Path) -> None:
    from eventwire.cli import main as run

    db, story = tmp_path / "s.duckdb", tmp_path / "story.txt"
    story.write_text("")  # not written yet: an error record (a missing path is a usage error, exit 2)
    assert run(["ingest", str(story), "--db", str(db), "--workers", "1", "-q"]) == 0
    [(_, stage, _)] = _articles(db)
    assert stage in ("ingest", "nlp")
    story.write_text(KENYA)
    assert run(["ingest", str(story), "--db", str(db), "--workers", "1", "-q"]) == 0
    assert _articles(db) == [(str(story), None, KENYA)]


def test_a_failed_stage_is_retried_on_a_rerun(tmp_path: Path) -> None:
    from eventwire.model import Analysis, StageFailure
    from eventwire.store.db import Store, content_hash

    article = Article("t", KENYA)
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(Analysis(article, error=StageFailure("events", "took too long")))
        assert content_hash(article) not in store.known_hashes()  # so the next ingest codes it again
        assert store.add(Analysis(article))
        assert store.counts()["articles"] == 1 and store.counts()["errors"] == 0
        assert store.add(Analysis(article)) is False  # a stored success is not stored again


@pytest.mark.slow
def test_stdin_articles_get_ids_of_their_own(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _ingest("-", "--db", str(db), stdin=KENYA.encode())
    _ingest("-", "--db", str(db), stdin=JAPAN.encode())
    rows = _articles(db)
    assert len(rows) == 2 and len({i for i, _, _ in rows}) == 2
    assert all(i.startswith("stdin-") for i, _, _ in rows)


def test_one_id_with_two_texts_across_runs_is_made_unique_in_the_store(tmp_path: Path) -> None:
    from eventwire.model import Analysis
    from eventwire.store.db import Store

    with Store(tmp_path / "s.duckdb") as store:
        store.add(Analysis(Article("x", KENYA)))
        store.add(Analysis(Article("x", JAPAN)))
        ids = sorted(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
        assert ids == ["x", "x#2"]
        assert store.renamed == [("x", "x#2")]
