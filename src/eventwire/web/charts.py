"""The workbench's charts: Vega-Lite specifications rendered to SVG on the server by vl-convert.

No script runs in the page (the pages' Content-Security-Policy allows none) and nothing is fetched: the
specs carry their data inline, the map's country outlines are world-atlas's Natural Earth TopoJSON shipped
in ``static/``. Vega-Lite draws the axes, date ticks, legends and scales. Layouts Vega-Lite does not do are
computed here: the network's circular layout with arrowheads, the map's labels (placed greedily around
their points, dropped where they would overlap another label or point).
"""

from __future__ import annotations

import json
import math
import threading
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

__all__ = ["QUAD_COLOURS", "map_chart", "network_chart", "render", "timeline_chart"]

QUAD_NAMES = {1: "1 verbal cooperation", 2: "2 material cooperation", 3: "3 verbal conflict", 4: "4 material conflict"}
QUAD_COLOURS = {1: "#4c9f70", 2: "#1f6f8b", 3: "#e0a100", 4: "#c0392b"}
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_LOCK = threading.Lock()
#: the period of a timeline bar -> (Vega-Lite time unit, tick label format)
TIME_UNITS = {
    "day": ("yearmonthdate", "%d %b %Y"),
    "week": ("yearmonthdate", "%d %b %Y"),
    "month": ("yearmonth", "%b %Y"),
    "quarter": ("yearquarter", "Q%q %Y"),
    "year": ("year", "%Y"),
}


def _quad_colour_scale() -> dict[str, Any]:
    return {"domain": list(QUAD_NAMES.values()), "range": list(QUAD_COLOURS.values())}


def render(spec: dict[str, Any]) -> Markup:
    """The SVG of a Vega-Lite spec (vl-convert, one render at a time)."""
    import vl_convert

    with _LOCK:
        svg = vl_convert.vegalite_to_svg(spec)
    return Markup(svg)


def _empty(message: str) -> Markup:
    return Markup(f'<p class="empty">{message}</p>')


def timeline_chart(rows: list[dict[str, Any]]) -> Markup:
    """Events per period stacked by QuadClass, with the period's average Goldstein score as a line."""
    if not rows:
        return _empty("No dated events match these filters.")
    unit, fmt = TIME_UNITS[rows[0].get("period", "day")]
    bars = [{"day": str(r["day"]), "quad": QUAD_NAMES[r["quad"]], "events": r["events"]} for r in rows]
    tone: dict[str, list[float]] = {}
    for r in rows:
        acc = tone.setdefault(str(r["day"]), [0.0, 0.0])
        acc[0] += r["events"] * (r["goldstein"] or 0.0)
        acc[1] += r["events"]
    line = [{"day": d, "goldstein": round(s / n, 2)} for d, (s, n) in sorted(tone.items()) if n]
    period = rows[0].get("period", "day")
    x = {
        "field": "day",
        "type": "temporal",
        "timeUnit": unit,
        "title": f"date (one bar per {period})",
        "axis": {"format": fmt, "labelAngle": -30, "labelOverlap": True},
    }
    spec = {
        "$schema": SCHEMA,
        "width": 820,
        "height": 260,
        "layer": [
            {
                "data": {"values": bars},
                "mark": {"type": "bar"},
                "encoding": {
                    "x": x,
                    "y": {"field": "events", "type": "quantitative", "aggregate": "sum", "title": "events"},
                    "color": {
                        "field": "quad",
                        "type": "nominal",
                        "scale": _quad_colour_scale(),
                        "legend": {"title": "QuadClass", "orient": "top"},
                    },
                },
            },
            {
                "data": {"values": line},
                "mark": {"type": "line", "color": "#222", "strokeDash": [4, 2], "point": {"color": "#222"}},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": "goldstein",
                        "type": "quantitative",
                        "title": "average Goldstein (dashed)",
                        "scale": {"domain": [-10, 10]},
                    },
                },
            },
        ],
        "resolve": {"scale": {"y": "independent"}},
    }
    return render(spec)


def _circle(ids: list[str]) -> dict[str, tuple[float, float]]:
    n = len(ids)
    return {
        i: (math.cos(2 * math.pi * k / n - math.pi / 2), math.sin(2 * math.pi * k / n - math.pi / 2))
        for k, i in enumerate(ids)
    }


def network_chart(data: dict[str, list[dict[str, Any]]]) -> Markup:
    """Actors on a circle (busiest first, clockwise from the top); one arrow per directed dyad, its width the
    number of events and its colour the average Goldstein score; labels outside the circle."""
    nodes, edges = data["nodes"], data["edges"]
    if not nodes:
        return _empty("No dyads match these filters.")
    pos = _circle([n["id"] for n in nodes])
    node_rows = []
    for n in nodes:
        x, y = pos[n["id"]]
        node_rows.append(
            {
                "id": n["id"],
                "x": x,
                "y": y,
                "lx": x * 1.13,
                "ly": y * 1.13,
                "align": "left" if x > 0.2 else "right" if x < -0.2 else "center",
                "events": n["events"],
            }
        )
    edge_rows = []
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / length * 0.025, dx / length * 0.025  # A->B and B->A drawn side by side
        tip = 0.07 / length  # the arrowhead stops short of the target's circle
        ax, ay = x2 - dx * tip + ox, y2 - dy * tip + oy
        edge_rows.append(
            {
                "source": e["source"],
                "target": e["target"],
                "x": x1 + ox,
                "y": y1 + oy,
                "x2": ax,
                "y2": ay,
                "events": e["events"],
                "goldstein": e["goldstein"] if e["goldstein"] is not None else 0.0,
                "angle": (90 - math.degrees(math.atan2(-dy, dx))) % 360,
            }
        )
    scale = {"domain": [-1.45, 1.45]}
    xy = {
        "x": {"field": "x", "type": "quantitative", "scale": scale, "axis": None},
        "y": {"field": "y", "type": "quantitative", "scale": {"domain": [1.45, -1.45]}, "axis": None},
    }
    tone = {
        "field": "goldstein",
        "type": "quantitative",
        "scale": {"scheme": "redyellowgreen", "domain": [-10, 10]},
        "legend": {"title": "avg Goldstein"},
    }
    spec = {
        "$schema": SCHEMA,
        "width": 640,
        "height": 640,
        "layer": [
            {
                "data": {"values": edge_rows},
                "mark": {"type": "rule", "opacity": 0.75},
                "encoding": {
                    **xy,
                    "x2": {"field": "x2"},
                    "y2": {"field": "y2"},
                    "strokeWidth": {
                        "field": "events",
                        "type": "quantitative",
                        "scale": {"range": [1, 9]},
                        "legend": {"title": "events (edge width)"},
                    },
                    "color": tone,
                },
            },
            {
                "data": {"values": [{**e, "x": e["x2"], "y": e["y2"]} for e in edge_rows]},
                "mark": {"type": "point", "shape": "triangle", "filled": True, "size": 90},
                "encoding": {**xy, "angle": {"field": "angle", "type": "quantitative", "scale": None}, "color": tone},
            },
            {
                "data": {"values": node_rows},
                "mark": {"type": "circle", "color": "#17324d", "opacity": 0.9},
                "encoding": {**xy, "size": {"field": "events", "type": "quantitative", "legend": None}},
            },
            {
                "data": {"values": node_rows},
                "mark": {"type": "text", "fontSize": 12, "fontWeight": "bold", "baseline": "middle"},
                "encoding": {
                    "x": {**xy["x"], "field": "lx"},
                    "y": {**xy["y"], "field": "ly"},
                    "text": {"field": "id"},
                    "align": {"field": "align", "type": "nominal", "scale": None},
                },
            },
        ],
        "config": {"view": {"stroke": None}},
    }
    return render(spec)


@cache
def world_topojson() -> dict[str, Any]:
    """world-atlas's 110m country outlines (Natural Earth, public domain), shipped in ``static/``."""
    text = resources.files(__package__).joinpath("static/countries-110m.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


MAP_W, MAP_H = 900, 460
_SCALE = MAP_W / (2 * math.pi)  # equirectangular: pixels per radian


def _project(lon: float, lat: float) -> tuple[float, float]:
    return MAP_W / 2 + _SCALE * math.radians(lon), MAP_H / 2 - _SCALE * math.radians(lat)


def _unproject(x: float, y: float) -> tuple[float, float]:
    return math.degrees((x - MAP_W / 2) / _SCALE), math.degrees((MAP_H / 2 - y) / _SCALE)


def _radius(events: int, most: int) -> float:
    return 3.0 + 11.0 * math.sqrt(events / most)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Labels for the busiest points first, each right, left, above or below its point, wherever it
    overlaps no label and no point; a label that fits nowhere is left out (the table lists every place)."""
    most = max(p["events"] for p in points)
    circles = []
    for p in points:
        x, y = _project(p["lon"], p["lat"])
        r = _radius(p["events"], most)
        circles.append((x - r, y - r, x + r, y + r))
    boxes: list[tuple[float, float, float, float]] = []
    labels = []
    for p, c in sorted(zip(points, circles, strict=True), key=lambda pc: -pc[0]["events"]):
        name = str(p["name"] or "")
        w, h = 6.4 * len(name) + 2, 13.0
        x, y = (c[0] + c[2]) / 2, (c[1] + c[3]) / 2
        r = (c[2] - c[0]) / 2
        for ax, ay, align, box in (
            (x + r + 3, y, "left", (x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2)),
            (x - r - 3, y, "right", (x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2)),
            (x, y - r - 8, "center", (x - w / 2, y - r - 8 - h / 2, x + w / 2, y - r - 8 + h / 2)),
            (x, y + r + 8, "center", (x - w / 2, y + r + 8 - h / 2, x + w / 2, y + r + 8 + h / 2)),
        ):
            inside = box[0] >= 0 and box[2] <= MAP_W and box[1] >= 0 and box[3] <= MAP_H
            clear = not any(_overlaps(box, b) for b in boxes) and not any(
                _overlaps(box, o) for o in circles if o is not c
            )
            if inside and clear:
                lon, lat = _unproject(ax, ay)
                labels.append({"name": name, "lon": lon, "lat": lat, "align": align})
                boxes.append(box)
                break
    return labels


def map_chart(points: list[dict[str, Any]]) -> Markup:
    """Country outlines, a circle per place sized by its events and coloured by its most frequent
    QuadClass, and the labels that fit without overlapping."""
    points = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    most = max((p["events"] for p in points), default=1)
    rows = [
        {
            "name": p["name"],
            "lon": p["lon"],
            "lat": p["lat"],
            "events": p["events"],
            "quad": QUAD_NAMES.get(p.get("quad") or 0, "unknown"),
            "area": math.pi * _radius(p["events"], most) ** 2,
        }
        for p in points
    ]
    geo = {"longitude": {"field": "lon", "type": "quantitative"}, "latitude": {"field": "lat", "type": "quantitative"}}
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": world_topojson(), "format": {"type": "topojson", "feature": "countries"}},
            "mark": {"type": "geoshape", "fill": "#e6ecf1", "stroke": "#9fb3c8", "strokeWidth": 0.5},
        }
    ]
    if rows:
        layers.append(
            {
                "data": {"values": rows},
                "mark": {"type": "circle", "opacity": 0.8, "stroke": "#fff", "strokeWidth": 0.8},
                "encoding": {
                    **geo,
                    "size": {"field": "area", "type": "quantitative", "scale": None},
                    "color": {
                        "field": "quad",
                        "type": "nominal",
                        "scale": _quad_colour_scale(),
                        "legend": {"title": "most frequent QuadClass", "orient": "bottom-left"},
                    },
                },
            }
        )
        layers.append(
            {
                "data": {"values": place_labels(points)},
                "mark": {"type": "text", "fontSize": 11, "baseline": "middle", "color": "#1d2733"},
                "encoding": {
                    **geo,
                    "text": {"field": "name"},
                    "align": {"field": "align", "type": "nominal", "scale": None},
                },
            }
        )
    spec = {
        "$schema": SCHEMA,
        "width": MAP_W,
        "height": MAP_H,
        "projection": {"type": "equirectangular", "scale": _SCALE, "translate": [MAP_W / 2, MAP_H / 2]},
        "layer": layers,
        "config": {"view": {"stroke": None}},
    }
    return render(spec)
