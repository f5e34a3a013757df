"""Event evaluation: our scorer on hand-made records, and agreement with the shared scorer."""

from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.eval.events import calibration_items, code_gold, load_gold, score
from eventwire.pipeline import Pipeline


def _ev(
    penta: int | None,
    src: str | None = None,
    tgt: str | None = None,
    root: str = "19",
    conf: float = 0.5,
    modality: str = "asserted",
    stext: str | None = None,
) -> dict[str, Any]:
    return {
        "penta": penta,
        "root": root,
        "cameo": root + "0",
        "confidence": conf,
        "modality": modality,
        "plover": "ASSAULT",
        "source": {"country": src, "text": stext, "sector": "MIL"},
        "target": {"country": tgt, "text": None},
    }


def _gold(gid: str, ds: str, events: list[dict[str, Any]], exhaustive: bool = False) -> dict[str, Any]:
    return {"id": gid, "dataset": ds, "text": "x", "date": None, "exhaustive": exhaustive, "events": events}


def test_penta_uses_the_top_non_negated_event() -> None:
    gold = [
        _gold("a", "conflibert-cameo", [{"penta": 4, "source": None, "target": None}]),
        _gold("b", "conflibert-cameo", [{"penta": 0, "source": None, "target": None}]),
    ]
    out = {"a": {"events": [_ev(4, conf=0.6), _ev(0, conf=0.9, modality="negated")]}, "b": {"events": []}}
    m = score(gold, out)["conflibert-cameo"]
    assert m["penta_acc"] == 0.5
    assert m["no_event"] == 1


def test_span_overlap_and_exact() -> None:
    gold = [_gold("a", "conflibert-cameo", [{"penta": 4, "source": {"text": "Iraqi troops"}, "target": None}])]
    out = {"a": {"events": [_ev(4, stext="the Iraqi troops")]}}
    m = score(gold, out)["conflibert-cameo"]
    assert m["source_span_exact"]["f1"] == 0.0
    assert m["source_span_overlap"]["f1"] == 1.0


@pytest.mark.parametrize(("pred", "p", "r"), [([("USA", "IRQ", "19")], 1.0, 0.5), ([], 0.0, 0.0)])
def test_dyads(pred: list[tuple[str, str, str]], p: float, r: float) -> None:
    gold = [
        _gold(
            "a",
            "petr2-gsr",
            [
                {"source": {"country": "USA"}, "target": {"country": "IRQ"}, "root": "19", "cameo": "190", "penta": 4},
                {"source": {"country": "IRQ"}, "target": {"country": "USA"}, "root": "11", "cameo": "112", "penta": 3},
            ],
            exhaustive=True,
        )
    ]
    out = {"a": {"events": [_ev(4, s, t, root) for s, t, root in pred]}}
    m = score(gold, out)["petr2-gsr"]
    assert (m["dyad_root"]["p"], m["dyad_root"]["r"]) == (p, r)
    assert sum(b["n"] for b in m["reliability_in_sample"]) == len(pred)


def test_plover_accuracies() -> None:
    gold = [
        _gold(
            "a",
            "plover-gsr",
            [{"plover": "FIGHT", "source": {"country": "USA", "sector": "MIL"}, "target": {"country": "IRQ"}}],
        )
    ]
    out = {"a": {"events": [_ev(None, "USA", "SYR")]}}
    m = score(gold, out)["plover-gsr"]
    assert m["plover_type_acc"] == 1.0  # FIGHT is PLOVER v0.5 for ASSAULT
    assert (m["source_country_acc"], m["source_sector_acc"], m["target_country_acc"]) == (1.0, 1.0, 0.0)


def _shared_scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("name", ["petr2_gsr.jsonl", "plover_gsr_dev.jsonl", "conflibert_cameo_train.jsonl"])
def test_agrees_with_the_shared_scorer(shared: Path, pipeline: Pipeline, tmp_path: Path, name: str) -> None:
    path = shared / "eval" / "events" / name
    gold_part = tmp_path / name
    with path.open(encoding="utf-8") as fh:
        gold_part.write_text("".join(itertools.islice(fh, 25)), encoding="utf-8")
    gold = load_gold([gold_part])
    out = code_gold(gold, pipeline)
    ours = score(gold, out)
    theirs = _shared_scorer(shared).score_events(json.loads(json.dumps(out)), gold_part)
    for ds, metrics in theirs.items():
        if isinstance(metrics, dict):
            assert {k: v for k, v in ours[ds].items() if k != "reliability_in_sample"} == metrics


def test_calibration_items_mark_each_asserted_event() -> None:
    gold = [
        _gold(
            "a",
            "petr2-gsr",
            [{"source": {"country": "USA"}, "target": {"country": "IRQ"}, "root": "19", "cameo": "190", "penta": 4}],
            exhaustive=True,
        ),
        _gold("b", "conflibert-cameo", [{"penta": 4, "source": None, "target": None}]),
    ]
    out = {
        "a": {"events": [_ev(4, "USA", "IRQ"), _ev(4, "IRQ", "USA"), _ev(4, "USA", "IRQ", modality="negated")]},
        "b": {"events": [_ev(4, "USA", "IRQ")]},
    }
    assert [ok for _, _, ok in calibration_items(gold, out)] == [True, False]


def test_a_users_own_gold_needs_only_text_and_events(tmp_path: Path) -> None:
    gold_file = tmp_path / "mine.jsonl"
    gold_file.write_text(
        json.dumps(
            {"text": "a", "events": [{"source": {"country": "IRQ"}, "target": {"country": "USA"}, "cameo": "0256"}]}
        )
        + "\n\n"
        + json.dumps({"text": "b", "events": []})
        + "\n",
        encoding="utf-8",
    )
    gold = load_gold([gold_file])
    assert [(g["id"], g["dataset"]) for g in gold] == [("mine:1", "mine"), ("mine:3", "mine")]
    ev = {"source": {"country": "IRQ"}, "target": {"country": "USA"}, "cameo": "0256", "root": "02"}
    out = {"mine:1": {"events": [{**ev, "modality": "asserted"}]}, "mine:3": {"events": []}}
    metrics = score(gold, out)
    assert metrics["mine"]["dyad_root"]["f1"] == 1.0 and metrics["mine"]["dyad_cameo"]["f1"] == 1.0
    assert score(gold, {"mine:1": {"events": []}, "mine:3": {"events": []}})["mine"]["dyad_root"]["f1"] == 0.0


@pytest.mark.parametrize(
    ("line", "message"), [("{bad", "mine.jsonl:2 is not a JSON line"), ('{"events": []}', 'mine.jsonl:2 has no "text"')]
)
def test_a_broken_gold_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    from eventwire.errors import ConfigError

    gold_file = tmp_path / "mine.jsonl"
    gold_file.write_text('{"text": "a", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_gold([gold_file])
