"""Bulk writes and the persistent near-duplicate index give the same store as article-by-article writes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from datasketch import MinHash, MinHashLSH

from eventwire.model import Analysis, Article
from eventwire.store.db import Store, content_hash
from eventwire.store.neardup import BANDS, NUM_PERM, ROWS, SCHEME, THRESHOLD, NearDuplicateIndex, signature
from eventwire.store.rows import TABLE_COLUMNS

from .factories import WIRE, merge_corpus, sample_analysis

WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "on",
    "trade",
    "and",
    "security",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "the",
    "capital",
    "after",
    "a",
    "long",
    "pause",
]


def variants(n: int, seed: int) -> list[str]:
    """Texts of which many are edited copies of earlier ones (a word swapped, a sentence added)."""
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if texts and rng.random() < 0.6:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 4)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            texts.append(" ".join(words) + (" Markets were calm." if rng.random() < 0.3 else ""))
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + f" Item {i}.")
    return texts


def lsh_reference(texts: list[str], keys: list[str] | None = None) -> list[str | None]:
    """Near-duplicates as found by datasketch's own MinHashLSH, one text after another (a repeated key is
    skipped, as the store skips a text it holds)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    seen: dict[str, MinHash] = {}
    out: list[str | None] = []
    for key, text in zip(keys or [str(i) for i in range(len(texts))], texts, strict=True):
        if key in seen:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=signature(text), scheme=SCHEME)
        best = max(lsh.query(mh), key=lambda c: (seen[c].jaccard(mh), c), default=None)
        out.append(best if best is not None and seen[best].jaccard(mh) >= THRESHOLD else None)
        lsh.insert(key, mh)
        seen[key] = mh
    return out


def test_bands_are_the_split_datasketch_chooses() -> None:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


@pytest.mark.parametrize("seed", range(3))
def test_in_memory_index_matches_datasketch(seed: int) -> None:
    texts = variants(120, seed)
    index = NearDuplicateIndex()
    assert [index.add(str(i), signature(t)) for i, t in enumerate(texts)] == lsh_reference(texts)


@pytest.mark.parametrize("batch", [1, 7, 200])
def test_store_marks_the_same_near_duplicates_whatever_the_batch(tmp_path: Path, batch: int) -> None:
    texts = variants(90, 11)
    analyses = [Analysis(article=Article(id=f"v{i}", text=text)) for i, text in enumerate(texts)]
    keys = [content_hash(a.article) for a in analyses]
    db = tmp_path / "v.duckdb"
    for start in range(0, len(analyses), batch):
        with Store(db) as store:  # reopened each time: the index is read from the table, never rebuilt
            store.add_many(analyses[start : start + batch])
    with Store(db, read_only=True) as store:
        found = dict(store.con.execute("SELECT hash, near_duplicate_of FROM articles").fetchall())
    expected = lsh_reference(texts, keys)
    assert [found[k] for k in dict.fromkeys(keys)] == expected and any(expected)


def test_one_batch_equals_one_segment_per_article(tmp_path: Path) -> None:
    corpus = [*merge_corpus(), sample_analysis("k1", WIRE + " Later, more talks.")]
    with Store(tmp_path / "bulk.duckdb") as bulk, Store(tmp_path / "rows.duckdb") as slow:
        bulk.add_many(corpus)
        for analysis in corpus:
            slow.add(analysis)
        for table in ("articles", "errors", "actors", "mentions", "quotes", "events", "claims", "places"):
            cols = ", ".join(f'"{c}"' for c in TABLE_COLUMNS[table])
            got = sorted(bulk.con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
            want = sorted(slow.con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
            assert got == want and (got or table == "errors"), table
        merged = "SELECT * EXCLUDE (id) FROM merged_events ORDER BY ALL"
        assert bulk.query(merged) == slow.query(merged)


def test_a_batch_skips_texts_already_stored_or_repeated(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        assert store.add_many([sample_analysis("a"), sample_analysis("b"), sample_analysis("c", WIRE)]) == 2
        assert store.add_many([sample_analysis("d"), sample_analysis("e", WIRE)]) == 0
        assert store.counts()["articles"] == 2
