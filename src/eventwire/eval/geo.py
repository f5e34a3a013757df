"""Toponym resolution against gold XML (TR-News, LGL): recognised share and accuracy within 161 km.

Same semantics as the shared scorer's ``geo`` mode: gold and predicted places are paired per name in
order of occurrence (the k-th gold mention of a name with the k-th predicted place of that name).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Analysis, Article, Place
from ..pipeline import Pipeline
from ..places.gazetteer import haversine

__all__ = ["GoldToponym", "evaluate", "load_articles", "norm", "parse_dltime", "score_article"]

MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
WITHIN_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    name: str
    lat: float | None
    lon: float | None


def norm(text: str | None) -> str:
    """Lower case, letters, digits and single spaces only (as the shared scorer compares names)."""
    spaced = re.sub(r"\s+", " ", (text or "").lower())
    return re.sub(r"[^a-z0-9 ]", "", spaced).strip()


def parse_dltime(value: str | None) -> dt.date | None:
    """'2016-12-19', '2009-03-20 12:24:52-05' or '7:58 AM ET, Sat January 3, 2015' -> a date."""
    if not value:
        return None
    if m := re.search(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(r"([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}),? (\d{4})", value):
        month = MONTHS.get(m[1].lower())
        if month:
            return dt.date(int(m[3]), month, int(m[2]))
    return None


def _gold(art: ET.Element) -> list[GoldToponym]:
    out = []
    for t in art.iter("toponym"):
        name = (t.findtext("extractedName") or t.findtext("phrase") or "").strip()
        lat = t.findtext("latitude") or t.findtext("gaztag/lat")
        lon = t.findtext("longitude") or t.findtext("gaztag/lon")
        out.append(
            GoldToponym(int(t.findtext("start") or 0), name, float(lat) if lat else None, float(lon) if lon else None)
        )
    return sorted(out, key=lambda g: g.start)


def load_articles(path: Path) -> Iterator[tuple[Article, list[GoldToponym]]]:
    """The gold file's articles (id = docid) with their gold toponyms."""
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        article = Article(
            id=art.get("docid") or str(i),
            text=art.findtext("text") or "",
            title=(art.findtext("title") or "").strip() or None,
            published=parse_dltime(art.findtext("dltime")),
        )
        yield article, _gold(art)


def score_article(places: Sequence[Place], gold: Sequence[GoldToponym]) -> Counter[str]:
    """Counts for one article: gold with coordinates, recognised, within 161 km, predictions, hits."""
    by_name: dict[str, list[Place]] = defaultdict(list)
    for p in sorted(places, key=lambda p: p.span.start):
        by_name[norm(p.span.text)].append(p)
    names = {norm(g.name) for g in gold}
    c: Counter[str] = Counter(n_pred=len(places), pred_hit=sum(norm(p.span.text) in names for p in places))
    seen: Counter[str] = Counter()
    for g in gold:
        key = norm(g.name)
        idx = seen[key]
        seen[key] += 1
        if g.lat is None or g.lon is None:
            continue
        c["n_gold"] += 1
        cands = by_name.get(key) or []
        if idx < len(cands) and (p := cands[idx]).lat is not None and p.lon is not None:
            c["found"] += 1
            c["within"] += haversine(g.lat, g.lon, p.lat, p.lon) <= WITHIN_KM
    return c


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _summary(c: Counter[str]) -> dict[str, object]:
    return {
        "toponyms_with_coords": c["n_gold"],
        "recognised": _ratio(c["found"], c["n_gold"]),
        "acc161_of_recognised": _ratio(c["within"], c["found"]),
        "acc161_end_to_end": _ratio(c["within"], c["n_gold"]),
        "place_precision": _ratio(c["pred_hit"], c["n_pred"]),
    }


def _code(pipeline: Pipeline, articles: Iterable[Article], workers: int) -> Iterator[Analysis]:
    return pipeline.code_parallel(articles, workers=workers) if workers > 1 else pipeline.code_articles(articles)


def evaluate(paths: Sequence[Path], pipeline: Pipeline, workers: int = 1) -> dict[str, object]:
    """Score each gold XML file (keyed by file name) and all of them together ("all")."""
    results: dict[str, object] = {}
    total: Counter[str] = Counter()
    for path in paths:
        pairs = list(load_articles(Path(path)))
        gold = {a.id: g for a, g in pairs}
        counts: Counter[str] = Counter()
        for analysis in _code(pipeline, (a for a, _ in pairs), workers):
            counts += score_article(analysis.places, gold[analysis.article.id])
        results[Path(path).name] = _summary(counts)
        total += counts
    results["all"] = _summary(total)
    return results
