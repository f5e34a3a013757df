"""Evaluation on whole pages against document-level gold (the seed gold's format, ``../shared/eval/docs``).

A gold folder holds ``<id>.gold.json`` files, each naming its page (``file``: raw HTML or text beside it)
and the page's ``input`` (``published``, ``source``: given to ingest as the command line would give
``--published``/``--source``). Every page is read and coded as ``eventwire code PAGE`` would, then scored
with the semantics of the shared scorer's ``seed`` mode (our code, same rules):

- an event matches a gold event when its CAMEO code is one of the gold codes or its root one of the
  gold roots, and each gold side's country (and sector, when the gold lists sectors) is the produced
  side's; a ``symmetric`` gold event also matches with the sides swapped;
- its date is right when it equals the gold ``date``, lies in ``date_between`` (its end too), or is
  null or not after ``date_on_or_before``; a gold event with none of these is right on any date;
- negated events are set aside; *required found* counts required gold events some event matches,
  *strict* those matched with the right date, *precision* the produced events that match any gold
  event (required or optional) with its date;
- a gold quote is found by the quote whose text holds its first words (or overlaps its text by half);
  it is right when the gold speaker's last name is in the found speaker's name;
- ``reliability`` bins the produced events by confidence against the share right, and
  ``by_threshold`` gives precision and required found when events below a confidence are hidden.

    eventwire eval docs ../shared/eval/docs [--details] [--out DIR] [--json]
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..export.records import coded_record
from ..model import Article
from .quotes import normal_text as _normal
from .quotes import overlap as _overlap

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["GoldPage", "evaluate", "event_matches", "load_pages", "print_report", "score_page"]

JSON = dict[str, Any]
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One page of document gold: the gold itself and the path of the page it annotates."""

    id: str
    gold: JSON
    page: Path


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _side_ok(pred: JSON | None, gold: JSON | None) -> bool:
    if gold is None:
        return True
    pred = pred or {}
    if "country" in gold and pred.get("country") not in _as_list(gold["country"]):
        return False
    return not (gold.get("sector") and pred.get("sector") not in _as_list(gold["sector"]))


def event_matches(event: JSON, gold_event: JSON) -> bool:
    """Whether a produced event (contract record) is the gold event: code or root, and both sides."""
    if event.get("cameo") not in gold_event["cameo"] and event.get("root") not in gold_event["root"]:
        return False
    src, tgt = event.get("source"), event.get("target")
    if _side_ok(src, gold_event.get("source")) and _side_ok(tgt, gold_event.get("target")):
        return True
    return bool(gold_event.get("symmetric")) and (
        _side_ok(tgt, gold_event.get("source")) and _side_ok(src, gold_event.get("target"))
    )


def date_ok(event: JSON, gold_event: JSON) -> bool:
    """Whether the produced event's date is the gold event's (a gold event without a date takes any)."""
    day, end = event.get("date"), event.get("date_end")
    if gold_event.get("date"):
        return bool(day == gold_event["date"])
    if "date_between" in gold_event:
        lo, hi = gold_event["date_between"]
        return bool(day) and lo <= day <= hi and (end or day) <= hi
    if "date_on_or_before" in gold_event:
        return day is None or day <= gold_event["date_on_or_before"]
    return True


def _is_dated(gold_event: JSON) -> bool:
    return any(k in gold_event for k in ("date", "date_between", "date_on_or_before"))


def _quote_found(quote: JSON, gold_quote: JSON) -> float:
    if "text" in gold_quote:
        return _overlap(quote.get("text"), gold_quote["text"])
    starts = _normal(gold_quote.get("starts"))
    return 1.0 if starts and starts in _normal(quote.get("text")) else 0.0


def _side_text(side: JSON | None) -> str:
    side = side or {}
    return f"{side.get('text')!r}[{side.get('country')}/{side.get('sector')}]"


def _event_line(e: JSON) -> str:
    trigger = ((e.get("evidence") or {}).get("trigger") or {}).get("text")
    return (
        f"{e.get('id')} {_side_text(e.get('source'))} {e.get('cameo')} {_side_text(e.get('target'))} "
        f"date={e.get('date')} {e.get('modality')} conf={e.get('confidence')} trigger={trigger!r} "
        f"pattern={e.get('pattern')}"
    )


def score_page(record: JSON, gold: JSON) -> JSON:
    """The seed-mode figures of one coded page (contract record) against its gold."""
    text = _normal(record.get("text"))
    boilerplate = gold.get("boilerplate_lines") or []
    golds = gold.get("events") or []
    required = [g for g in golds if g.get("required")]
    events = [e for e in record.get("events") or [] if e.get("modality", "asserted") != "negated"]

    found = [g["id"] for g in required if any(event_matches(e, g) for e in events)]
    strict = [g["id"] for g in required if any(event_matches(e, g) and date_ok(e, g) for e in events)]
    dated = [g for g in required if g["id"] in found and _is_dated(g)]
    dated_ok = [g for g in dated if any(event_matches(e, g) and date_ok(e, g) for e in events)]
    right = [e for e in events if any(event_matches(e, g) and date_ok(e, g) for g in golds)]
    unmatched = [e for e in events if not any(event_matches(e, g) for g in golds)]

    actors = {a["id"]: a for a in record.get("actors") or []}
    quotes_out: dict[str, str] = {}
    for gq in gold.get("quotes") or []:
        best = max(record.get("quotes") or [], key=lambda q, gq=gq: _quote_found(q, gq), default=None)
        if best is None or _quote_found(best, gq) < 0.5:
            quotes_out[gq["id"]] = "missing"
            continue
        speaker = best.get("speaker") or {}
        name = (actors.get(speaker.get("actor")) or {}).get("name") or speaker.get("text") or ""
        last = gq["speaker"].split()[-1].lower()
        quotes_out[gq["id"]] = "ok" if last in name.lower() else f"speaker={name!r}"
    required_quotes = [q for q in gold.get("quotes") or [] if q.get("required")]

    def _bp(e: JSON) -> bool:
        ev = _normal((e.get("evidence") or {}).get("text"))
        return len(ev) >= 15 and any(ev[:40] in _normal(b) or _normal(b)[:40] in ev for b in boilerplate)

    return {
        "required_found": len(found),
        "required_strict": len(strict),
        "required_total": len(required),
        "required_missing": [g["id"] for g in required if g["id"] not in found],
        "dates_ok": len(dated_ok),
        "dates_total": len(dated),
        "events_total": len(events),
        "events_right": len(right),
        "events_not_in_gold": len(unmatched),
        "events_from_boilerplate": sum(1 for e in events if _bp(e)),
        "quotes_ok": sum(1 for q in required_quotes if quotes_out[q["id"]] == "ok"),
        "quotes_total": len(required_quotes),
        "quotes": quotes_out,
        "boilerplate_removed": sum(1 for b in boilerplate if _normal(b)[:60] not in text),
        "boilerplate_total": len(boilerplate),
        "must_not": list(gold.get("must_not") or []),
        "not_in_gold_examples": [_event_line(e) for e in unmatched[:8]],
    }


def event_verdicts(record: JSON, gold: JSON) -> list[tuple[float, bool]]:
    """(confidence, right) for every produced event that is not negated."""
    golds = gold.get("events") or []
    return [
        (float(e.get("confidence") or 0.0), any(event_matches(e, g) and date_ok(e, g) for g in golds))
        for e in record.get("events") or []
        if e.get("modality", "asserted") != "negated"
    ]


def load_pages(paths: Sequence[Path]) -> list[GoldPage]:
    """Every ``*.gold.json`` of the given folders (or the gold files themselves), sorted by id."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    if not files:
        raise ConfigError(f"eval docs: no *.gold.json in {', '.join(map(str, paths))} (give a folder of document gold)")
    pages: list[GoldPage] = []
    for file in files:
        try:
            gold = json.loads(file.read_text(encoding="utf-8"))
            page_id = str(gold["id"])
            events = gold["events"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"eval docs: {file} is not document gold ({exc}); see `eventwire eval --help`") from exc
        if not isinstance(events, list):
            raise ConfigError(f"eval docs: {file}: 'events' must be a list")
        name = gold.get("file") or next(
            (p.name for p in file.parent.glob(f"{page_id}.*") if not p.name.endswith(".gold.json")), None
        )
        page = file.parent / name if name else None
        if page is None or not page.exists():
            raise ConfigError(f"eval docs: the page of {file} is missing (expected {name or page_id + '.html'})")
        pages.append(GoldPage(id=page_id, gold=gold, page=page))
    return sorted(pages, key=lambda p: p.id)


def _read_page(page: GoldPage) -> Article:
    from ..ingest import read_inputs

    meta = page.gold.get("input") or {}
    published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    articles = list(read_inputs([str(page.page)], published=published, source=meta.get("source")))
    if len(articles) != 1:
        raise ConfigError(f"eval docs: {page.page} gave {len(articles)} articles, expected one page")
    return replace(articles[0], id=page.id)


def _table(verdicts: list[tuple[float, bool]]) -> list[JSON]:
    rows: list[JSON] = []
    for lo, hi in itertools.pairwise(BINS):
        inside = [ok for c, ok in verdicts if lo <= c < hi]
        if inside:
            label = f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}"
            rows.append({"bin": label, "n": len(inside), "precision": round(sum(inside) / len(inside), 3)})
    return rows


def _by_threshold(records: dict[str, JSON], pages: list[GoldPage]) -> list[JSON]:
    rows: list[JSON] = []
    for t in THRESHOLDS:
        right = total = found = required = 0
        for page in pages:
            rec = records[page.id]
            kept = {**rec, "events": [e for e in rec.get("events") or [] if (e.get("confidence") or 0) >= t]}
            s = score_page(kept, page.gold)
            right, total = right + s["events_right"], total + s["events_total"]
            found, required = found + s["required_found"], required + s["required_total"]
        rows.append(
            {
                "min_confidence": t,
                "events": total,
                "precision": round(right / total, 3) if total else None,
                "required_found": round(found / required, 3) if required else None,
            }
        )
    return rows


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def evaluate(
    paths: Sequence[Path],
    pipeline: Pipeline,
    workers: int = 1,
    out_dir: Path | None = None,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """Code every page of the gold folders and score it as ``eventwire code`` shows it (events under
    ``min_confidence`` hidden; default: the calibrated threshold); per page and in total. The
    reliability and threshold tables read every event, hidden ones too."""
    from ..assess import load_weights

    threshold = load_weights().min_confidence if min_confidence is None else min_confidence
    pages = load_pages(paths)
    articles = [_read_page(p) for p in pages]
    analyses = list(pipeline.code_parallel(articles, workers=workers))
    records = {a.article.id: coded_record(a) for a in analyses}
    shown = {a.article.id: coded_record(a.at_least(threshold)) for a in analyses}
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (out_dir / f"{page.id}.jsonl").write_text(
                json.dumps(shown[page.id], ensure_ascii=False) + "\n", encoding="utf-8"
            )
    per_page = {p.id: score_page(shown[p.id], p.gold) for p in pages}
    keys = ("required_found", "required_strict", "required_total", "events_right", "events_total")
    tot = {k: sum(s[k] for s in per_page.values()) for k in (*keys, "quotes_ok", "quotes_total")}
    verdicts = [v for p in pages for v in event_verdicts(records[p.id], p.gold)]
    return {
        "pages": len(pages),
        "min_confidence": threshold,
        "required_found": _ratio(tot["required_found"], tot["required_total"]),
        "required_strict": _ratio(tot["required_strict"], tot["required_total"]),
        "precision": _ratio(tot["events_right"], tot["events_total"]),
        "quotes_ok": _ratio(tot["quotes_ok"], tot["quotes_total"]),
        "counts": tot,
        "events_hidden": sum(r["events_hidden"] for r in shown.values()),
        "reliability": _table(verdicts),
        "by_threshold": _by_threshold(records, pages),
        "per_page": per_page,
        "records": records,
    }


L2_GRID = (0.25, 1.0, 4.0, 16.0, 64.0)


def _page_rows(record: JSON, gold: JSON) -> list[tuple[dict[str, float], bool]]:
    """(features, right) of every produced event of a page that is not negated (``basis`` of its record)."""
    from ..assess import FEATURES

    golds = gold.get("events") or []
    rows: list[tuple[dict[str, float], bool]] = []
    for e in record.get("events") or []:
        if e.get("modality", "asserted") == "negated":
            continue
        basis = e.get("basis") or {}
        feats = {k: float(v) for k, v in basis.items() if k in FEATURES}
        rows.append((feats, any(event_matches(e, g) and date_ok(e, g) for g in golds)))
    return rows


def _log_loss(scored: Sequence[tuple[float, bool]]) -> float:
    import math

    eps = 1e-6
    return sum(-math.log(max(c if ok else 1 - c, eps)) for c, ok in scored) / max(len(scored), 1)


def _held_out(groups: list[list[tuple[dict[str, float], bool]]], l2: float) -> list[list[float]]:
    """Leave-one-page-out confidences: page i scored by weights fitted on the other pages."""
    from ..assess.weights import fit_weights

    out: list[list[float]] = []
    for i, group in enumerate(groups):
        train = [row for j, g in enumerate(groups) if j != i for row in g]
        weights = fit_weights(train, l2=l2)
        out.append([weights.score(f) for f, _ in group])
    return out


def calibrate(records: dict[str, JSON], pages: list[GoldPage]) -> JSON:
    """Fit the document-level confidence on the pages: the L2 penalty by leave-one-page-out log-loss,
    then the weights on all pages; report the held-out reliability and precision by threshold."""
    from ..assess.weights import fit_weights

    groups = [_page_rows(records[p.id], p.gold) for p in pages]
    losses = {}
    for l2 in L2_GRID:
        held = _held_out(groups, l2)
        losses[l2] = _log_loss(
            [(c, ok) for g, cs in zip(groups, held, strict=True) for (_, ok), c in zip(g, cs, strict=True)]
        )
    l2 = min(L2_GRID, key=lambda k: round(losses[k], 6))
    held = _held_out(groups, l2)
    held_records = {}
    for page, cs in zip(pages, held, strict=True):
        rec = records[page.id]
        shown = iter(cs)
        events = [
            e if e.get("modality", "asserted") == "negated" else {**e, "confidence": next(shown)}
            for e in rec.get("events") or []
        ]
        held_records[page.id] = {**rec, "events": events}
    scored = [(c, ok) for g, cs in zip(groups, held, strict=True) for (_, ok), c in zip(g, cs, strict=True)]
    weights = fit_weights([row for g in groups for row in g], l2=l2)
    return {
        "events": len(scored),
        "l2": l2,
        "log_loss_held_out": {str(k): round(v, 4) for k, v in losses.items()},
        "weights": weights.as_yaml_dict(),
        "reliability_held_out": _table(scored),
        "by_threshold_held_out": _by_threshold(held_records, pages),
    }


def details(metrics: dict[str, Any], paths: Sequence[Path]) -> list[str]:
    """Per page: every gold event with the produced events it matches, then every produced event."""
    lines: list[str] = []
    for page in load_pages(paths):
        rec = metrics["records"][page.id]
        events = [e for e in rec.get("events") or [] if e.get("modality", "asserted") != "negated"]
        lines.append(f"== {page.id} (published {(page.gold.get('input') or {}).get('published')})")
        for g in page.gold.get("events") or []:
            hits = [e["id"] for e in events if event_matches(e, g)]
            good = [e["id"] for e in events if event_matches(e, g) and date_ok(e, g)]
            when = g.get("date") or g.get("date_between") or g.get("date_on_or_before")
            src, tgt = g.get("source") or {}, g.get("target") or {}
            lines.append(
                f"  {'R' if g.get('required') else 'o'} {g['id']:4} {src.get('country')}/{src.get('sector')} "
                f"{g['cameo'][:4]} {tgt.get('country')}/{tgt.get('sector')} date={when} "
                f"matched={hits} dated={good} :: {(g.get('evidence') or '')[:70]}"
            )
        for e in rec.get("events") or []:
            ok = [g["id"] for g in page.gold.get("events") or [] if event_matches(e, g) and date_ok(e, g)]
            near = [g["id"] for g in page.gold.get("events") or [] if event_matches(e, g)]
            mark = f"RIGHT{ok}" if ok else (f"DATE{near}" if near else "WRONG")
            if e.get("modality") == "negated":
                mark = "negated"
            lines.append(f"    {mark:12} {_event_line(e)}")
            lines.append(f"                 :: {((e.get('evidence') or {}).get('text') or '')[:160]!r}")
    return lines


def print_report(metrics: dict[str, Any]) -> None:
    """Per page and total figures as tables (``eventwire eval docs``)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"eventwire eval docs (events under confidence {metrics['min_confidence']} hidden: "
        f"{metrics['events_hidden']})",
        title_justify="left",
    )
    for col in ("page", "required", "strict", "precision", "quotes", "boilerplate"):
        table.add_column(col, justify="left" if col == "page" else "right")
    for page_id, s in metrics["per_page"].items():
        table.add_row(
            page_id,
            f"{s['required_found']}/{s['required_total']}",
            f"{s['required_strict']}/{s['required_total']}",
            f"{s['events_right']}/{s['events_total']}",
            f"{s['quotes_ok']}/{s['quotes_total']}",
            f"{s['boilerplate_removed']}/{s['boilerplate_total']}",
        )
    c = metrics["counts"]
    table.add_row(
        "TOTAL",
        f"{c['required_found']}/{c['required_total']} = {metrics['required_found']}",
        f"{c['required_strict']}/{c['required_total']} = {metrics['required_strict']}",
        f"{c['events_right']}/{c['events_total']} = {metrics['precision']}",
        f"{c['quotes_ok']}/{c['quotes_total']} = {metrics['quotes_ok']}",
        "",
        style="bold",
    )
    console = Console(width=max(Console().width, 130))
    console.print(table)
    rel = Table(title="reliability (confidence vs share right)", title_justify="left")
    for col in ("confidence", "events", "right"):
        rel.add_column(col, justify="right")
    for row in metrics["reliability"]:
        rel.add_row(row["bin"], str(row["n"]), f"{row['precision']:.2f}")
    console.print(rel)
    thr = Table(title="events hidden below a confidence (--min-confidence)", title_justify="left")
    for col in ("min confidence", "events shown", "precision", "required found"):
        thr.add_column(col, justify="right")
    for row in metrics["by_threshold"]:
        thr.add_row(
            f"{row['min_confidence']:.1f}", str(row["events"]), str(row["precision"]), str(row["required_found"])
        )
    console.print(thr)
    console.print("[bold]must_not (for a person to check against the events above)[/]")
    for page_id, s in metrics["per_page"].items():
        for item in s["must_not"]:
            console.print(f"  {page_id}: {item}", markup=False, highlight=False)
