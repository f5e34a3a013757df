"""Evaluation of the event coder against sentence-level event gold (``../shared/eval/events``).

Each gold line is one "article" (``id``, ``text``, ``date`` -> published). Per dataset this computes
what ``score_events`` of the shared scorer computes (same semantics, our code): PentaClass macro-F1 of
the top event, source/target span F1 (exact and token overlap), PETR-2 dyad P/R/F1 at root and full
code, PLOVER type / source country / source sector / target country accuracy, events per sentence,
and a reliability table (confidence bins vs dyad precision) on exhaustive sets: ``reliability`` is
5-fold cross-validated (the confidence weights were fitted on such a set), ``reliability_in_sample``
scores the shipped weights on the set they were fitted on.

    python -m eventwire.eval.events GOLD.jsonl... [--workers N] [--out CODED.jsonl] [--calibrate]

``--calibrate`` refits the confidence weights (``events/data/confidence.yaml``) on the exhaustive
rows and prints them with a 5-fold cross-validated reliability table (each fold scored by weights
fitted on the other four).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..events.confidence.calibration import calibrate, held_out_reliability
from ..events.confidence.confidence import fitted_l2
from ..export.records import coded_record
from ..model import Article
from ..pipeline import Pipeline

__all__ = ["evaluate", "main", "score"]

JSON = dict[str, Any]
PLOVER_V05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
PENTA = (0, 1, 2, 3, 4)
#: the shared gold sets scored by their own measures; any other dataset is scored by its dyads
KNOWN_DATASETS = frozenset({"conflibert-cameo", "plover-gsr", "petr2-gsr"})
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def _tokens(text: str | None) -> list[str]:
    low = re.sub(r"\s+", " ", (text or "").lower())
    return re.sub(r"[^a-z0-9 ]", "", low).split()


def _prf(tp: int, n_pred: int, n_gold: int) -> JSON:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _asserted(rec: JSON | None) -> list[JSON]:
    return [e for e in (rec or {}).get("events") or [] if e.get("modality", "asserted") != "negated"]


def _top(rec: JSON | None) -> JSON | None:
    evs = _asserted(rec)
    return max(evs, key=lambda e: e.get("confidence") or 0) if evs else None


def _macro_f1(pairs: list[tuple[int, int | None]]) -> float:
    f1s = []
    for lab in PENTA:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return round(sum(f1s) / len(f1s), 4)


def _span_match(pred: str | None, gold: str | None) -> tuple[bool, bool]:
    if not pred or not gold:
        return False, False
    tp, tg = _tokens(pred), _tokens(gold)
    union = set(tp) | set(tg)
    return tp == tg, bool(tp and tg) and len(set(tp) & set(tg)) / len(union) >= 0.5


def _penta(rows: list[JSON], out: dict[str, JSON]) -> JSON:
    pairs: list[tuple[int, int | None]] = []
    for g in rows:
        t = _top(out.get(g["id"]))
        pairs.append((g["events"][0]["penta"], t.get("penta") if t else None))
    return {
        "penta_macro_f1": _macro_f1(pairs),
        "penta_acc": round(sum(a == b for a, b in pairs) / len(pairs), 4),
        "no_event": sum(1 for _, p in pairs if p is None),
    }


def _spans(rows: list[JSON], out: dict[str, JSON]) -> JSON:
    m: JSON = {}
    for role in ("source", "target"):
        gs = [(g, g["events"][0][role]) for g in rows if (g["events"][0].get(role) or {}).get("text")]
        if not gs:
            continue
        ex = ov = npred = 0
        for g, gp in gs:
            pt = ((_top(out.get(g["id"])) or {}).get(role) or {}).get("text")
            npred += bool(pt)
            e, o = _span_match(pt, gp["text"])
            ex += e
            ov += o
        m[f"{role}_span_exact"] = _prf(ex, npred, len(gs))
        m[f"{role}_span_overlap"] = _prf(ov, npred, len(gs))
    return m


def _plover(rows: list[JSON], out: dict[str, JSON]) -> JSON:
    hits: dict[str, list[bool]] = defaultdict(list)
    for g in rows:
        ge, evs = g["events"][0], (out.get(g["id"]) or {}).get("events") or []
        want = PLOVER_V05.get(ge["plover"], ge["plover"])
        hits["plover_type_acc"].append(any((e.get("plover") or "").upper() == want for e in evs))
        for key, role, field in (
            ("source_country_acc", "source", "country"),
            ("source_sector_acc", "source", "sector"),
            ("target_country_acc", "target", "country"),
        ):
            gold = (ge.get(role) or {}).get(field)
            if gold:
                hits[key].append(any(((e.get(role) or {}).get(field)) == gold for e in evs))
    return {k: round(sum(v) / max(len(v), 1), 4) for k, v in hits.items()}


def _dyad(e: JSON, level: str) -> tuple[Any, Any, Any]:
    code = e.get(level) or (str(e["cameo"])[:2] if level == "root" and e.get("cameo") else None)
    return ((e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"), code)


def _dyads(rows: list[JSON], out: dict[str, JSON]) -> JSON:
    m: JSON = {}
    for level in ("root", "cameo"):
        tp = npred = ngold = 0
        for g in rows:
            gset = {_dyad(e, level) for e in g["events"]}
            pset = {_dyad(e, level) for e in _asserted(out.get(g["id"]))}
            tp += len(gset & pset)
            npred += len(pset)
            ngold += len(gset)
        m[f"dyad_{level}"] = _prf(tp, npred, ngold)
    return m


def reliability(rows: list[JSON], out: dict[str, JSON]) -> list[JSON]:
    """Confidence bins vs precision of (source country, target country, root) on an exhaustive set."""
    bins: dict[int, list[bool]] = defaultdict(list)
    for g in rows:
        gset = {_dyad(e, "root") for e in g["events"]}
        for e in _asserted(out.get(g["id"])):
            conf = float(e.get("confidence") or 0)
            idx = next(i for i in range(len(BINS) - 1) if BINS[i] <= conf < BINS[i + 1])
            bins[idx].append(_dyad(e, "root") in gset)
    return [
        {"bin": f"[{BINS[i]:.1f},{min(BINS[i + 1], 1.0):.1f})", "n": len(v), "precision": round(sum(v) / len(v), 4)}
        for i, v in sorted(bins.items())
    ]


def score(gold: list[JSON], out: dict[str, JSON]) -> JSON:
    """Metrics per dataset of ``gold`` rows against coded records ``out`` (id -> contract record)."""
    by_ds: dict[str, list[JSON]] = defaultdict(list)
    for g in gold:
        by_ds[g["dataset"]].append(g)
    res: JSON = {"missing_records": sum(1 for g in gold if g["id"] not in out)}
    for ds, rows in by_ds.items():
        m: JSON = {"n": len(rows)}
        if all(g["events"] and g["events"][0].get("penta") is not None for g in rows) and ds != "petr2-gsr":
            m.update(_penta(rows, out))
        if ds == "conflibert-cameo":
            m.update(_spans(rows, out))
        if ds == "plover-gsr":
            m.update(_plover(rows, out))
        if ds == "petr2-gsr" or ds not in KNOWN_DATASETS:  # a user's own gold: (source, target, code) as PETR-2's
            m.update(_dyads(rows, out))
        if all(g.get("exhaustive") for g in rows):
            m["reliability_in_sample"] = reliability(rows, out)
        n_events = sum(len((out.get(g["id"]) or {}).get("events") or []) for g in rows)
        m["events_per_sentence"] = round(n_events / len(rows), 3)
        res[ds] = m
    return res


def calibration_items(gold: list[JSON], out: dict[str, JSON]) -> list[tuple[str, JSON, bool]]:
    """(sentence, event record, right) for every asserted event of the exhaustive gold rows."""
    items: list[tuple[str, JSON, bool]] = []
    for g in gold:
        if g.get("exhaustive"):
            gset = {_dyad(e, "root") for e in g["events"]}
            items.extend((g["text"], e, _dyad(e, "root") in gset) for e in _asserted(out.get(g["id"])))
    return items


def _article(g: JSON) -> Article:
    try:
        date = dt.date.fromisoformat(g["date"]) if g.get("date") else None
    except ValueError:  # a few gold dates are malformed ("1211-08-")
        date = None
    return Article(id=str(g["id"]), text=g["text"], published=date)


def load_gold(paths: Sequence[Path]) -> list[JSON]:
    """The gold lines of ``paths``; a line without ``id`` is named ``<file stem>:<line>`` and one without
    ``dataset`` belongs to its file's stem, so a user's own gold needs only ``text`` and ``events``."""
    rows: list[JSON] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    where = f"eval events: {path}:{n}"
                    raise ConfigError(f"{where} is not a JSON line ({exc.msg}); fix or remove it") from exc
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise ConfigError(f'eval events: {path}:{n} has no "text"; a gold line needs "text" and "events"')
                row.setdefault("id", f"{Path(path).stem}:{n}")
                row.setdefault("dataset", Path(path).stem)
                row.setdefault("events", [])
                rows.append(row)
    return rows


def code_gold(gold: list[JSON], pipeline: Pipeline, workers: int = 1) -> dict[str, JSON]:
    """Code every gold sentence as one article; id -> contract record."""
    articles = [_article(g) for g in gold]
    return {a.article.id: coded_record(a) for a in pipeline.code_parallel(articles, workers=workers)}


def with_held_out_reliability(metrics: JSON, gold: list[JSON], out: dict[str, JSON], pipeline: Pipeline) -> JSON:
    """Add the 5-fold cross-validated reliability table (``reliability``) to each exhaustive dataset:
    the confidence weights were fitted on such a set, so its in-sample table is not a fair figure."""
    for ds, m in metrics.items():
        if isinstance(m, dict) and "reliability_in_sample" in m:
            rows = [g for g in gold if g["dataset"] == ds]
            items = calibration_items(rows, out)
            m["reliability"] = held_out_reliability(items, pipeline.nlp.nlp, BINS, fitted_l2())
    return metrics


def evaluate(paths: Sequence[Path], pipeline: Pipeline, workers: int = 1) -> dict[str, object]:
    gold = load_gold(paths)
    out = code_gold(gold, pipeline, workers)
    return with_held_out_reliability(score(gold, out), gold, out, pipeline)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", type=Path, help="also write the coded records (contract JSONL) here")
    ap.add_argument("--calibrate", action="store_true", help="refit the confidence weights (5-fold CV)")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    pipeline = Pipeline()
    out = code_gold(gold, pipeline, args.workers)
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in out.values()), encoding="utf-8")
    if args.calibrate:
        print(json.dumps(calibrate(calibration_items(gold, out), pipeline.nlp.nlp, BINS), indent=1))
        return
    print(json.dumps(with_held_out_reliability(score(gold, out), gold, out, pipeline), indent=1))


if __name__ == "__main__":
    main()
