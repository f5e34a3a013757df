"""Near-duplicate articles (wire copy republished by many outlets) with MinHash + LSH.

Each article gets a MinHash signature over word 5-shingles; an article whose estimated Jaccard
similarity with an earlier one is >= ``THRESHOLD`` is marked ``near_duplicate_of`` that article,
and the two do not count as independent sources when events are merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NUM_PERM", "THRESHOLD", "NearDuplicateIndex", "signature"]

NUM_PERM = 64
THRESHOLD = 0.7
SHINGLE = 5
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64 array) of a text's word 5-shingles."""
    words = _WORD.findall(text.casefold())
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh.update_batch([s.encode() for s in shingles if s])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


class NearDuplicateIndex:
    """LSH over stored signatures; :meth:`add` returns the earlier near-duplicate, if any."""

    def __init__(self, known: Iterable[tuple[str, np.ndarray]] = ()) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        for key, sig in known:
            self._insert(key, sig)

    def _insert(self, key: str, sig: np.ndarray) -> MinHash:
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=sig, scheme=SCHEME)
        if key not in self.signatures:
            self.lsh.insert(key, mh)
            self.signatures[key] = mh
        return mh

    def add(self, key: str, sig: np.ndarray) -> str | None:
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=sig, scheme=SCHEME)
        candidates = [c for c in self.lsh.query(mh) if c != key]
        best = max(candidates, key=lambda c: (self.signatures[c].jaccard(mh), c), default=None)
        if best is not None and self.signatures[best].jaccard(mh) < THRESHOLD:
            best = None
        self._insert(key, sig)
        return best
