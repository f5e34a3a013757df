"""Quotation evaluation against PolNeAR-style BRAT standoff (Source / Cue / Content spans, ``E`` links).

Same semantics as ``score_quotes`` of the shared scorer:

- gold direct quotes are attribution contents that open with a quotation mark;
- a predicted quote of kind direct / mixed / partial is right when its text overlaps (>= 0.5) some gold
  content or one quoted piece of it; recall counts the gold direct quotes so found;
- a right prediction has the right speaker when a word of its speaker text (or of its actor's name)
  is a word of the gold source;
- all attributions: every predicted quote against every gold content, same overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Analysis, Article, Quote

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["GoldAttribution", "evaluate", "normal_text", "overlap", "quote_overlap", "read_gold", "score"]

MARKS = "\"“”‘’'"
THRESHOLD = 0.5
_PIECE = re.compile(r"[\"“]([^\"“”]{3,})[\"”]?")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: str
    source: str

    @property
    def direct(self) -> bool:
        return bool(self.content) and self.content[0] in MARKS


def _normal(s: str | None) -> str:
    collapsed = re.sub(r"\s+", " ", (s or "").lower())
    return re.sub(r"[^a-z0-9 ]", "", collapsed).strip()


def normal_text(s: str | None) -> str:
    """Lower case, one space for any run of white space, nothing but letters, digits and spaces."""
    return _normal(s)


def _words(s: str | None) -> set[str]:
    return set(_normal(s).split())


def overlap(a: str | None, b: str | None) -> float:
    """Length ratio when one normalised text contains the other, else word-set Jaccard."""
    x, y = _normal(a), _normal(b)
    if not x or not y:
        return 0.0
    if x in y or y in x:
        return min(len(x), len(y)) / max(len(x), len(y))
    wx, wy = set(x.split()), set(y.split())
    return len(wx & wy) / len(wx | wy)


def quote_overlap(pred: str | None, content: str) -> float:
    """Best overlap of a prediction with a gold content or one of its quoted pieces."""
    pieces = [m.group(1) for m in _PIECE.finditer(content)]
    return max(overlap(pred, p) for p in [content, *pieces])


def _ranges(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def _read_ann(path: Path) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, str]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(errors="replace").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].startswith("T"):
            _, _, offs = cols[1].partition(" ")
            spans[cols[0]] = _ranges(offs) if offs else []
        elif len(cols) >= 2 and cols[0].startswith("E"):
            links.append(dict(x.split(":", 1) for x in cols[1].split() if ":" in x))
    return spans, links


def read_gold(split_dir: Path) -> dict[Path, list[GoldAttribution]]:
    """Text file -> its gold attributions (texts without an annotation file are left out)."""
    gold: dict[Path, list[GoldAttribution]] = {}
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(txt.stem + "*.ann"))
        if not anns:
            continue
        text = txt.read_text(errors="replace")
        spans, links = _read_ann(anns[0])
        items = []
        for link in links:
            content = spans.get(link.get("Content", ""))
            if not content:
                continue
            source = spans.get(link.get("Source", ""), [])
            items.append(
                GoldAttribution(
                    content=" ".join(text[a:b] for a, b in content).strip(),
                    source=" ".join(text[a:b] for a, b in source),
                )
            )
        gold[txt] = items
    return gold


@dataclass
class _Counts:
    gold_direct: int = 0
    found_direct: int = 0
    pred_direct: int = 0
    right_direct: int = 0
    speaker_ok: int = 0
    gold_all: int = 0
    found_all: int = 0
    pred_all: int = 0
    right_all: int = 0


def _speaker_ok(analysis: Analysis, quote: Quote, source: str) -> bool:
    actor = analysis.actor(quote.speaker.actor)
    names = [quote.speaker.text, actor.name if actor else None]
    gold = _words(source)
    return any(n and _words(n) & gold for n in names)


def _count(c: _Counts, analysis: Analysis, gold: list[GoldAttribution]) -> None:
    preds = list(analysis.quotes)
    direct_preds = [q for q in preds if q.kind in ("direct", "mixed", "partial")]
    c.gold_direct += sum(1 for g in gold if g.direct)
    c.pred_direct += len(direct_preds)
    for q in direct_preds:
        best = max(gold, key=lambda g: quote_overlap(q.span.text, g.content), default=None)
        if best is not None and quote_overlap(q.span.text, best.content) >= THRESHOLD:
            c.right_direct += 1
            c.speaker_ok += _speaker_ok(analysis, q, best.source)
    hit = {
        i
        for i, g in enumerate(gold)
        for q in direct_preds
        if g.direct and quote_overlap(q.span.text, g.content) >= THRESHOLD
    }
    c.found_direct += len(hit)
    c.gold_all += len(gold)
    c.pred_all += len(preds)
    c.found_all += sum(1 for g in gold if any(quote_overlap(q.span.text, g.content) >= THRESHOLD for q in preds))
    c.right_all += sum(1 for q in preds if any(quote_overlap(q.span.text, g.content) >= THRESHOLD for g in gold))


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _report(c: _Counts, articles: int) -> dict[str, object]:
    p, r = _ratio(c.right_direct, c.pred_direct), _ratio(c.found_direct, c.gold_direct)
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {
        "direct": {"p": p, "r": r, "f1": f1},
        "speaker_acc": _ratio(c.speaker_ok, c.right_direct),
        "all_attributions": {"p": _ratio(c.right_all, c.pred_all), "r": _ratio(c.found_all, c.gold_all)},
        "n_gold_direct": c.gold_direct,
        "n_gold_all": c.gold_all,
        "articles": articles,
    }


def score(analyses: Iterable[Analysis], gold: dict[str, list[GoldAttribution]]) -> dict[str, object]:
    """Scores coded articles against gold keyed by article id."""
    counts = _Counts()
    n = 0
    for analysis in analyses:
        items = gold.get(analysis.article.id)
        if items is None:
            continue
        n += 1
        _count(counts, analysis, items)
    return _report(counts, n)


def evaluate(paths: Sequence[Path], pipeline: Pipeline, workers: int = 1) -> dict[str, object]:
    """Codes every text of the split dirs ``paths`` (id = the text path) and scores its quotes."""
    gold: dict[str, list[GoldAttribution]] = {}
    articles: list[Article] = []
    for split in paths:
        for txt, items in read_gold(Path(split)).items():
            gold[str(txt)] = items
            articles.append(Article(id=str(txt), text=txt.read_text(errors="replace")))
    return score(pipeline.code_parallel(articles, workers=workers), gold)
