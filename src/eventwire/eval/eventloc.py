"""Event locations against gold sentences (one event verb each, with the spans of where it happened).

``evaluate`` codes each sentence with the pipeline and, for the first event whose trigger text equals the
gold verb, checks its location's name against the gold spans (the shared scorer's ``eventloc`` mode). With
``oracle_triggers`` it instead places an event on the gold verb itself, so the location attachment is
measured apart from the event coder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Analysis, Article, Event, Place, Span
from ..pipeline import Pipeline
from ..places import PlaceResolver
from .geo import norm

__all__ = ["GoldSentence", "evaluate", "load_gold", "location_ok", "oracle_event"]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    verb: Span
    locations: tuple[str, ...]


def load_gold(path: Path) -> Iterator[GoldSentence]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                v = g["verb"]
                yield GoldSentence(
                    str(g["id"]),
                    g["text"],
                    Span(v["start"], v["end"], v["text"]),
                    tuple(x["text"] for x in g["locations"]),
                )


def location_ok(place: Place | None, gold: Sequence[str]) -> bool:
    """No location for a sentence without one, or a name contained in (or containing) a gold span."""
    loc = norm(place.name if place else None)
    wanted = [norm(x) for x in gold]
    if not wanted:
        return not loc
    return bool(loc) and any(loc in x or x in loc for x in wanted)


def oracle_event(g: GoldSentence) -> Event:
    """An event on the gold verb, with the whole text as evidence."""
    return Event(
        id="gold",
        source=None,
        target=None,
        cameo="",
        root="",
        quad=0,
        penta=0,
        goldstein=0.0,
        plover=None,
        modality="asserted",
        confidence=1.0,
        evidence=Span(0, len(g.text), g.text),
        trigger=g.verb,
        pattern="gold",
    )


def _first_match(analysis: Analysis, verb: str) -> Event | None:
    return next((e for e in analysis.events if norm(e.trigger.text) == norm(verb)), None)


def _coded(path: Path, pipeline: Pipeline, workers: int) -> dict[str, object]:
    gold = list(load_gold(path))
    articles = (Article(id=g.id, text=g.text) for g in gold)
    stream = pipeline.code_parallel(articles, workers=workers) if workers > 1 else pipeline.code_articles(articles)
    n = coded = hit = 0
    for g, analysis in zip(gold, stream, strict=True):
        n += 1
        event = _first_match(analysis, g.verb.text)
        if event is None:
            continue
        coded += 1
        hit += location_ok(event.location, g.locations)
    return {
        "n": n,
        "verb_coded": round(coded / n, 4) if n else 0.0,
        "location_acc_of_coded": round(hit / coded, 4) if coded else 0.0,
    }


def _oracle(path: Path, pipeline: Pipeline) -> dict[str, object]:
    gold = list(load_gold(path))
    stage = PlaceResolver()
    n = hit = 0
    for g, doc in zip(gold, pipeline.nlp.pipe(x.text for x in gold), strict=True):
        analysis = Analysis(article=Article(id=g.id, text=g.text), events=(oracle_event(g),))
        located = stage(doc, analysis).events[0].location
        n += 1
        hit += location_ok(located, g.locations)
    return {"n": n, "location_acc_oracle_triggers": round(hit / n, 4) if n else 0.0}


def evaluate(
    paths: Sequence[Path], pipeline: Pipeline, workers: int = 1, oracle_triggers: bool = False
) -> dict[str, object]:
    """Scores per gold file (keyed by file name)."""
    return {
        Path(p).name: _oracle(Path(p), pipeline) if oracle_triggers else _coded(Path(p), pipeline, workers)
        for p in paths
    }
