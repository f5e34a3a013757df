"""Actor country/sector quality on a sentence-level event gold set (default: PLOVER GSR dev).

For every gold source/target with a text, the actor whose mention overlaps that text most is compared
with the gold country and sector. Usage:

    .venv/bin/python scripts/actor_check.py [GOLD.jsonl] [--show]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.model import Actor, Analysis, Article
from eventwire.pipeline import Pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "plover_gsr_dev.jsonl"


def gold_span(text: str, gold: str) -> tuple[int, int] | None:
    """Where the gold side text is; a gold text that skips words ("French warships" for "French and
    Egyptian warships") spans from its first word to its last."""
    piece = " ".join(gold.split("...")[0].split())
    low = text.lower()
    at = low.find(piece.lower())
    if at >= 0:
        return at, at + len(piece)
    words = piece.lower().split()
    first = low.find(words[0]) if words else -1
    if first < 0:
        return None
    last = low.find(words[-1], first)
    return (first, last + len(words[-1])) if 0 <= last - first <= 80 else (first, first + len(words[0]))


def best_actor(analysis: Analysis, span: tuple[int, int]) -> Actor | None:
    best: tuple[int, int, Actor] | None = None
    for actor in analysis.actors:
        for m in actor.mentions:
            ov = min(m.end, span[1]) - max(m.start, span[0])
            if ov > 0:
                cand = (ov, -(m.end - m.start), actor)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    return best[2] if best else None


def main(argv: list[str]) -> None:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--show" in argv
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    analyses = {a.article.id: a for a in Pipeline().code_articles(articles)}
    stats = {f"{role}_{what}": [0, 0] for role in ("source", "target") for what in ("country", "sector", "found")}
    for r in rows:
        analysis = analyses[r["id"]]
        ev = r["events"][0]
        for role in ("source", "target"):
            gold = ev.get(role) or {}
            if not gold.get("text"):
                continue
            span = gold_span(r["text"], gold["text"])
            actor = best_actor(analysis, span) if span else None
            stats[f"{role}_found"][1] += 1
            stats[f"{role}_found"][0] += actor is not None
            if gold.get("country"):
                stats[f"{role}_country"][1] += 1
                ok = actor is not None and actor.country == gold["country"]
                stats[f"{role}_country"][0] += ok
                if show and not ok:
                    got = f"{actor.country}/{actor.sector} {actor.name!r}" if actor else "-"
                    print(f"{role} country {gold['country']}: {gold['text']!r} got {got} :: {r['text'][:110]}")
            if gold.get("sector") and gold["sector"] != "***":
                stats[f"{role}_sector"][1] += 1
                ok = actor is not None and actor.sector == gold["sector"]
                stats[f"{role}_sector"][0] += ok
                if show and not ok:
                    got = f"{actor.country}/{actor.sector} {actor.name!r}" if actor else "-"
                    print(f"{role} sector {gold['sector']}: {gold['text']!r} got {got} :: {r['text'][:110]}")
    stats["any_gold_country_coded"] = _country_recall(rows, analyses, show)
    print(json.dumps({k: {"acc": round(v[0] / v[1], 4) if v[1] else None, "n": v[1]} for k, v in stats.items()}))


def _country_recall(rows: list[dict[str, object]], analyses: dict[str, Analysis], show: bool) -> list[int]:
    """Sets without side texts (PETR2): share of gold side countries some actor of the sentence has."""
    hit = total = 0
    for r in rows:
        countries = {a.country for a in analyses[str(r["id"])].actors}
        for ev in r["events"]:  # type: ignore[attr-defined]
            for role in ("source", "target"):
                gold = (ev.get(role) or {}).get("country")
                if gold:
                    total += 1
                    hit += gold in countries
                    if show and gold not in countries:
                        print(f"{role} {gold} not coded :: {str(r['text'])[:120]}")
    return [hit, total]


if __name__ == "__main__":
    main(sys.argv[1:])
