"""Server-side drawing for the web pages: highlighted text and inline SVG charts (no external assets)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

__all__ = ["highlight", "map_svg", "network_svg", "timeline_svg"]

QUAD_COLOURS = {1: "#4c9f70", 2: "#1f6f8b", 3: "#e0a100", 4: "#c0392b"}


def highlight(text: str, marks: Iterable[tuple[int, int, str]], offset: int = 0) -> Markup:
    """``text`` with spans marked: each (start, end, css class) in article offsets; ``offset`` is text's start.

    One pass over the marks' boundaries (not over the characters): memory grows with the marks and the
    output, never with a set per character. Touching runs with the same classes are one span.
    """
    n = len(text)
    changes: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for start, end, cls in marks:
        lo, hi = max(start - offset, 0), min(end - offset, n)
        if lo < hi:
            changes[lo].append((cls, 1))
            changes[hi].append((cls, -1))
    active: dict[str, int] = defaultdict(int)
    out: list[str] = []
    run_start, run_names, prev = 0, "", 0
    for pos in sorted({*changes, n}):
        if pos > prev:
            names = " ".join(sorted(c for c, k in active.items() if k > 0))
            if names != run_names:
                _emit(out, text[run_start:prev], run_names)
                run_start, run_names = prev, names
            prev = pos
        for cls, step in changes.get(pos, ()):
            active[cls] += step
    _emit(out, text[run_start:n], run_names)
    return Markup("".join(out))


def _emit(out: list[str], piece: str, names: str) -> None:
    if piece:
        out.append(f'<span class="{names}">{escape(piece)}</span>' if names else str(escape(piece)))


def timeline_svg(rows: list[dict[str, Any]], width: int = 900, height: int = 260) -> Markup:
    """Stacked bars of events per day by QuadClass, and the day's average Goldstein as a line."""
    if not rows:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted({r["day"] for r in rows})
    per_day: dict[Any, dict[int, int]] = defaultdict(dict)
    tone: dict[Any, list[tuple[int, float]]] = defaultdict(list)
    for r in rows:
        per_day[r["day"]][r["quad"]] = r["events"]
        tone[r["day"]].append((r["events"], r["goldstein"] or 0.0))
    top = float(max(sum(v.values()) for v in per_day.values()))
    pad, bar_w = 40, max(2.0, (width - 2 * 40) / len(days) - 2)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" class="chart" role="img" aria-label="timeline">',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#888"/>',
    ]
    points = []
    for i, day in enumerate(days):
        x = pad + i * (bar_w + 2)
        y = float(height - pad)
        for quad in (1, 2, 3, 4):
            n = per_day[day].get(quad, 0)
            h = (height - 2 * pad) * n / top
            if n:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                    f'fill="{QUAD_COLOURS[quad]}"><title>{day}: {n} quad {quad}</title></rect>'
                )
            y -= h
        weight = sum(n for n, _ in tone[day])
        avg = sum(n * g for n, g in tone[day]) / weight if weight else 0.0
        points.append(f"{x + bar_w / 2:.1f},{height / 2 - avg * (height / 2 - pad) / 10:.1f}")
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#333" stroke-dasharray="4 2"/>')
    parts.append(f'<text x="{pad}" y="{height - 10}" class="axis">{escape(str(days[0]))}</text>')
    parts.append(
        f'<text x="{width - pad}" y="{height - 10}" text-anchor="end" class="axis">{escape(str(days[-1]))}</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def _tone_colour(goldstein: float | None) -> str:
    g = goldstein or 0.0
    if g >= 1:
        return "#2e8b57"
    if g <= -1:
        return "#c0392b"
    return "#777"


def network_svg(data: dict[str, list[dict[str, Any]]], size: int = 640) -> Markup:
    """Actors on a circle; an edge per dyad, width = events, colour = average Goldstein."""
    nodes = data["nodes"]
    if not nodes:
        return Markup('<p class="empty">No dyads.</p>')
    c, r = size / 2, size / 2 - 90
    pos = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes)
        pos[node["id"]] = (c + r * math.cos(angle), c + r * math.sin(angle))
    parts = [f'<svg viewBox="0 0 {size} {size}" class="chart" role="img" aria-label="dyad network">']
    for e in data["edges"]:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        width = 1 + 2 * math.log1p(e["events"])
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}" '
            f'stroke="{_tone_colour(e["goldstein"])}" opacity="0.7"><title>{escape(e["source"])} → '
            f"{escape(e['target'])}: {e['events']} events, Goldstein {e['goldstein']}</title></line>"
        )
    for node in nodes:
        x, y = pos[node["id"]]
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{4 + math.log1p(node["events"]) * 2:.1f}" '
            f'fill="#1f6f8b"/><text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle" class="node">'
            f"{escape(node['id'])}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def map_svg(points: list[dict[str, Any]], width: int = 900, height: int = 450) -> Markup:
    """Event locations on an equirectangular graticule (offline: no tiles), sized by event count."""
    parts = [
        f'<svg viewBox="0 0 {width} {height}" class="chart map" role="img" aria-label="event map">',
        f'<rect width="{width}" height="{height}" fill="#eef4f8"/>',
    ]
    for lon in range(-180, 181, 30):
        x = (lon + 180) / 360 * width
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#cbd8e2"/>')
    for lat in range(-90, 91, 30):
        y = (90 - lat) / 180 * height
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#cbd8e2"/>')
    for p in points:
        x = (p["lon"] + 180) / 360 * width
        y = (90 - p["lat"]) / 180 * height
        radius = 3 + 2 * math.log1p(p["events"])
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{_tone_colour(p["goldstein"])}" '
            f'opacity="0.75" class="place"><title>{escape(p["name"] or "")} ({p["country"] or "?"}): '
            f"{p['events']} events</title></circle>"
        )
        parts.append(f'<text x="{x + radius + 2:.1f}" y="{y + 4:.1f}" class="node">{escape(p["name"] or "")}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
