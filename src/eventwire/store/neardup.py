"""Near-duplicate articles (wire copy republished by many outlets) with MinHash + LSH banding.

Each article gets a MinHash signature over word 5-shingles; an article whose estimated Jaccard
similarity with an earlier one is >= ``THRESHOLD`` is marked ``near_duplicate_of`` that article,
and the two do not count as independent sources when events are merged.

The LSH index is ``BANDS`` bands of ``ROWS`` hash values: two articles are candidates when one band
is equal. The store keeps each article's band keys in a table and adds to it, so an ingest never
rebuilds the index; :class:`NearDuplicateIndex` is the same index in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

import numpy as np

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "THRESHOLD",
    "NearDuplicateIndex",
    "band_keys",
    "best_match",
    "signature",
    "similarity",
]

NUM_PERM = 64
THRESHOLD = 0.7
#: the split datasketch's MinHashLSH chooses for this threshold and NUM_PERM (tests check it)
BANDS, ROWS = 8, 8
SHINGLE = 5
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64 array) of a text's word 5-shingles."""
    from datasketch import MinHash  # imported on first use: it pulls in scipy (about 0.9 s)

    words = _WORD.findall(text.casefold())
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh.update_batch([s.encode() for s in shingles if s])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 63-bit key per band: equal bands give equal keys."""
    raw = np.ascontiguousarray(sig, dtype="<u8").tobytes()
    step = ROWS * 8
    return [
        int.from_bytes(hashlib.blake2b(raw[b * step : (b + 1) * step], digest_size=8).digest(), "little") >> 1
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures (the share of equal hash values)."""
    return float(np.count_nonzero(a == b)) / len(a)


def best_match(sig: np.ndarray, candidates: Mapping[str, np.ndarray]) -> str | None:
    """The most similar candidate (ties: the greater key) when it reaches ``THRESHOLD``."""
    scored = [(similarity(other, sig), key) for key, other in candidates.items()]
    best = max(scored, default=None)
    return best[1] if best is not None and best[0] >= THRESHOLD else None


class NearDuplicateIndex:
    """LSH over signatures in memory; :meth:`add` returns the earlier near-duplicate, if any."""

    def __init__(self, known: Iterable[tuple[str, np.ndarray]] = ()) -> None:
        self.buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
        self.signatures: dict[str, np.ndarray] = {}
        for key, sig in known:
            self._insert(key, sig)

    def _insert(self, key: str, sig: np.ndarray) -> None:
        if key not in self.signatures:
            self.signatures[key] = sig
            for band, bucket in enumerate(band_keys(sig)):
                self.buckets[band, bucket].append(key)

    def candidates(self, sig: np.ndarray) -> set[str]:
        """Keys sharing at least one band with ``sig``."""
        return {k for band, bucket in enumerate(band_keys(sig)) for k in self.buckets.get((band, bucket), ())}

    def add(self, key: str, sig: np.ndarray) -> str | None:
        found = {c: self.signatures[c] for c in self.candidates(sig) if c != key}
        self._insert(key, sig)
        return best_match(sig, found)
