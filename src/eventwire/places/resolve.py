"""Toponym disambiguation: one sense per name and document, chosen from population, feature, the
document's countries, admin-1 regions, dateline and the other places nearby."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..vocabulary import vocabulary
from .gazetteer import Entry, haversine, name_key
from .recognise import Mention

__all__ = ["Context", "resolve_mentions", "score"]

FEATURE_BONUS = {
    "country": 2.5,
    "admin1": 1.0,
    "continent": 2.0,
    "region": 2.0,
    "sea": 2.0,
    "capital": 1.0,
    "building": 1.0,
    "city": 0.0,
}
ANCHOR_FEATURES = frozenset({"city", "capital", "admin1", "building"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says about where it is."""

    countries: frozenset[str]
    #: (country, admin1 code) pairs of the document's admin-1 places.
    admin1: frozenset[tuple[str | None, str | None]]
    #: points (lat, lon) of places chosen for the document's other names.
    anchors: tuple[tuple[str, float, float], ...] = ()
    dateline: Entry | None = None


@functools.lru_cache(maxsize=64)
def _anchor_arrays(anchors: tuple[tuple[str, float, float], ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keys = np.array([a[0] for a in anchors], dtype=object)
    lat = np.radians(np.array([a[1] for a in anchors], dtype=float))
    lon = np.radians(np.array([a[2] for a in anchors], dtype=float))
    return keys, lat, lon


def _nearest_anchor_km(entry: Entry, key: str, anchors: tuple[tuple[str, float, float], ...]) -> float:
    """Great-circle distance to the nearest anchor of another name (vectorised haversine)."""
    if not anchors:
        return math.inf
    keys, lat, lon = _anchor_arrays(anchors)
    lat0, lon0 = math.radians(entry.lat), math.radians(entry.lon)
    h = np.sin((lat - lat0) / 2) ** 2 + math.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    dist = dist[keys != key]
    return float(dist.min()) if dist.size else math.inf


#: The most ``_proximity`` adds to a score.
MAX_PROXIMITY = 3.0


def _proximity(entry: Entry, key: str, anchors: tuple[tuple[str, float, float], ...]) -> float:
    best = _nearest_anchor_km(entry, key, anchors)
    if best < 50:
        return 3.0
    if best < 200:
        return 2.0
    if best < 500:
        return 1.0
    return 0.0


def score(entry: Entry, key: str, ctx: Context, state: tuple[str | None, str | None] | None = None) -> float:
    """How likely ``entry`` is meant by the name ``key`` in a document with context ``ctx``."""
    return _prior(entry, key, ctx, state) + _proximity(entry, key, ctx.anchors)


def _prior(entry: Entry, key: str, ctx: Context, state: tuple[str | None, str | None] | None) -> float:
    """``score`` without the proximity to the document's other places (the costly part)."""
    s = math.log10(max(entry.population, 1000)) + FEATURE_BONUS.get(entry.feature, 0.0)
    if name_key(entry.name) != key and entry.feature in ("city", "capital"):
        s -= 1.0  # matched through an alternate name only
    if entry.feature != "country" and entry.country in ctx.countries:
        s += 2.0
    if entry.feature in ("city", "capital") and (entry.country, entry.admin1) in ctx.admin1:
        s += 2.5
    if state is not None and (entry.country, entry.admin1) == state:
        s += 10.0
    if ctx.dateline is not None and entry.feature not in ("country", "continent"):
        d = haversine(entry.lat, entry.lon, ctx.dateline.lat, ctx.dateline.lon)
        s += 2.0 if d < 300 else (1.0 if entry.country == ctx.dateline.country else 0.0)
    return s


def _best(entries: tuple[Entry, ...], key: str, ctx: Context, state: tuple[str | None, str | None] | None) -> Entry:
    """The first entry of highest ``score`` (as ``max`` picks it); the proximity is computed only for
    entries whose prior comes within ``MAX_PROXIMITY`` of the best prior, the others cannot win."""
    if len(entries) == 1:
        return entries[0]
    priors = [_prior(e, key, ctx, state) for e in entries]
    floor = max(priors)
    best, best_score = entries[0], -math.inf
    for e, prior in zip(entries, priors, strict=True):
        if prior + MAX_PROXIMITY < floor:
            continue
        s = prior + _proximity(e, key, ctx.anchors)
        if s > best_score:
            best, best_score = e, s
    return best


def _state_after(mentions: Sequence[Mention], i: int, text: str) -> tuple[str | None, str | None] | None:
    """The admin-1 region written right after a place: "Paris, Texas" / "Alexandria, La."."""
    if i + 1 >= len(mentions):
        return None
    nxt = mentions[i + 1]
    between = text[mentions[i].end : nxt.start]
    if between.strip() != ",":
        return None
    for e in nxt.entries:
        if e.feature == "admin1":
            return (e.country, e.admin1)
    return None


def _supported(e: Entry, key: str, ctx: Context) -> bool:
    """A weak mention (a gazetteer hit spaCy did not tag) needs the document's other places nearby."""
    return (e.country, e.admin1) in ctx.admin1 or _proximity(e, key, ctx.anchors) >= 1.0


def _pick(m: Mention, ctx: Context, state: tuple[str | None, str | None] | None) -> Entry | None:
    entries = m.entries
    if m.generic in vocabulary().words("places.county_words"):
        # no county polygons here: only a same-named town of a state the document names will do
        entries = tuple(e for e in entries if (e.country, e.admin1) in ctx.admin1 or state == (e.country, e.admin1))
    if not entries:
        return None
    best = _best(entries, m.key, ctx, state)
    if m.source == "weak" and state is None and not _supported(best, m.key, ctx):
        return None
    return best


def resolve_mentions(
    mentions: Sequence[Mention], text: str, countries: Iterable[str], dateline: Entry | None = None
) -> list[Entry | None]:
    """One entry (or None) per mention. Two rounds: priors and countries, then nearby places."""
    base_countries = set(countries)
    for m in mentions:
        if m.source == "demonym" or (len(m.entries) == 1 and m.entries[0].feature == "country"):
            base_countries.update(e.country for e in m.entries if e.country)
    states = [_state_after(mentions, i, text) for i in range(len(mentions))]
    ctx = Context(frozenset(base_countries), frozenset(), (), dateline)
    chosen = _pick_all(mentions, ctx, states)
    seen: tuple[Context, list[Entry | None]] | None = None
    for _ in range(2):
        ctx = _context(mentions, chosen, base_countries, dateline)
        if seen is None or seen[0] != ctx:  # the same context picks the same (most second rounds)
            seen = (ctx, _pick_all(mentions, ctx, states))
        chosen = _consistent(mentions, seen[1], states)
    return chosen


def _pick_all(
    mentions: Sequence[Mention], ctx: Context, states: Sequence[tuple[str | None, str | None] | None]
) -> list[Entry | None]:
    """``_pick`` for every mention; a name repeated alike (same entries, source, state) is picked once."""
    picked: dict[tuple[object, ...], Entry | None] = {}
    out: list[Entry | None] = []
    for m, st in zip(mentions, states, strict=True):
        memo = (m.key, m.generic, m.source, st, m.entries)
        if memo not in picked:
            picked[memo] = _pick(m, ctx, st)
        out.append(picked[memo])
    return out


def _context(
    mentions: Sequence[Mention], chosen: Sequence[Entry | None], base: set[str], dateline: Entry | None
) -> Context:
    countries = set(base)
    admin1: set[tuple[str | None, str | None]] = set()
    anchors: list[tuple[str, float, float]] = []
    for m, e in zip(mentions, chosen, strict=True):
        if e is None or m.source == "demonym":
            continue
        if e.country and e.feature != "continent":
            countries.add(e.country)
        if e.feature == "admin1":
            admin1.add((e.country, e.admin1))
        if e.feature in ANCHOR_FEATURES:
            anchors.append((m.key, e.lat, e.lon))
    return Context(frozenset(countries), frozenset(admin1), tuple(anchors), dateline)


def _consistent(
    mentions: Sequence[Mention], chosen: list[Entry | None], states: Sequence[tuple[str | None, str | None] | None]
) -> list[Entry | None]:
    """One sense per name and document: a name's unqualified mentions take its most frequent choice
    (a mention qualified by its state, "Paris, Texas", keeps its own)."""
    votes: dict[str, Counter[Entry]] = {}
    for m, e, st in zip(mentions, chosen, states, strict=True):
        if e is not None and st is None:
            votes.setdefault(m.key, Counter())[e] += 1
    qualified = {m.key: e for m, e, st in zip(mentions, chosen, states, strict=True) if st is not None and e}
    out: list[Entry | None] = []
    for m, e, st in zip(mentions, chosen, states, strict=True):
        if e is None or st is not None:
            out.append(e)
        elif m.key in qualified:
            out.append(qualified[m.key])
        else:
            out.append(votes[m.key].most_common(1)[0][0])
    return out
