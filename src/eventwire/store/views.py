"""Read-only views of a store: the data behind every web page, the API and the CLI."""

from __future__ import annotations

from typing import Any

from .db import Store
from .query import CONTAINS, EventQuery, contains

__all__ = ["article_view", "claims", "events", "map_points", "merged_events", "network", "quotes", "timeline"]

Rows = list[dict[str, Any]]


def events(store: Store, query: EventQuery) -> tuple[int, Rows]:
    """(total matching, one page of rows)."""
    sql, params = query.sql()
    count_sql, count_params = query.count_sql()
    total = store.con.execute(count_sql, count_params).fetchone()
    return (int(total[0]) if total else 0), store.query(sql, params)


def merged_events(store: Store, limit: int = 100, offset: int = 0, min_articles: int = 1) -> tuple[int, Rows]:
    total = store.con.execute("SELECT count(*) FROM merged_events WHERE num_articles >= ?", [min_articles]).fetchone()
    rows = store.query(
        "SELECT * FROM merged_events WHERE num_articles >= ? "
        "ORDER BY num_articles DESC, date NULLS LAST, id LIMIT ? OFFSET ?",
        [min_articles, limit, offset],
    )
    return (int(total[0]) if total else 0), rows


def timeline(store: Store, query: EventQuery) -> Rows:
    """Events per day and QuadClass, with the average Goldstein score."""
    where, params = query.where()
    return store.query(
        "SELECT e.date AS day, e.quad, count(*) AS events, round(avg(e.goldstein), 2) AS goldstein "
        f"FROM events e JOIN articles a ON a.hash = e.article WHERE e.date IS NOT NULL AND {where} "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )


def network(store: Store, query: EventQuery, limit: int = 60) -> dict[str, Rows]:
    """Actors (country/sector) as nodes; event counts and average Goldstein (tone) as edges."""
    where, params = query.where()
    node = "coalesce(e.{s}_country || coalesce('/' || e.{s}_sector, ''), e.{s}_name)"
    edges = store.query(
        f"SELECT {node.format(s='source')} AS source, {node.format(s='target')} AS target, count(*) AS events, "
        "round(avg(e.goldstein), 2) AS goldstein "
        f"FROM events e JOIN articles a ON a.hash = e.article WHERE (e.target_country IS NOT NULL OR "
        f"e.target_name IS NOT NULL) AND ({where}) GROUP BY 1, 2 HAVING source IS NOT NULL AND target IS NOT NULL "
        "ORDER BY events DESC, source, target LIMIT ?",
        [*params, limit],
    )
    names: dict[str, int] = {}
    for e in edges:
        for key in ("source", "target"):
            names[e[key]] = names.get(e[key], 0) + e["events"]
    nodes = [{"id": n, "events": c} for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def map_points(store: Store, query: EventQuery) -> Rows:
    where, params = query.where()
    return store.query(
        "SELECT e.location AS name, e.location_country AS country, e.lat, e.lon, count(*) AS events, "
        "round(avg(e.goldstein), 2) AS goldstein FROM events e JOIN articles a ON a.hash = e.article "
        f"WHERE e.lat IS NOT NULL AND {where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name",
        params,
    )


def quotes(store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0) -> tuple[Rows, Rows]:
    """(speakers with counts, one page of quotes, filtered by speaker name when given)."""
    speakers = store.query(
        "SELECT coalesce(ac.name, q.speaker_text, '(unattributed)') AS speaker, count(*) AS quotes "
        "FROM quotes q LEFT JOIN actors ac ON ac.article = q.article AND ac.actor = q.speaker_actor "
        "GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT 200"
    )
    cond, params = (
        ("", [])
        if not speaker
        else (f"WHERE coalesce(ac.name, q.speaker_text, '(unattributed)') {CONTAINS}", [contains(speaker)])
    )
    rows = store.query(
        "SELECT q.article, a.id AS article_id, a.title, coalesce(ac.name, q.speaker_text) AS speaker, "
        "q.speaker_kind, q.kind, q.text, q.cue FROM quotes q JOIN articles a ON a.hash = q.article "
        f"LEFT JOIN actors ac ON ac.article = q.article AND ac.actor = q.speaker_actor {cond} "
        "ORDER BY a.id, q.quote LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return speakers, rows


def claims(store: Store, disputed_only: bool = False) -> Rows:
    """Propositions with the actors for and against, across articles; disputed = both sides present."""
    rows = store.query(
        "SELECT c.claim, c.proposition, c.stance, c.holder, c.country, c.evidence, c.article, a.id AS article_id "
        "FROM claims c JOIN articles a ON a.hash = c.article ORDER BY c.claim, c.stance, a.id, c.evidence_start"
    )
    grouped: dict[str, dict[str, Any]] = {}
    for r in rows:
        g = grouped.setdefault(
            r["claim"], {"claim": r["claim"], "proposition": r["proposition"], "for": [], "against": []}
        )
        g[r["stance"]].append({k: r[k] for k in ("holder", "country", "evidence", "article", "article_id")})
    out = []
    for g in grouped.values():
        holders = {s: {x["holder"] for x in g[s]} for s in ("for", "against")}
        g["disputed"] = bool(g["for"]) and bool(g["against"]) and holders["for"] != holders["against"]
        if g["disputed"] or not disputed_only:
            out.append(g)
    return sorted(out, key=lambda g: (not g["disputed"], g["claim"]))


def article_view(store: Store, key: str) -> dict[str, Any] | None:
    found = store.query("SELECT * FROM articles WHERE hash = ? OR id = ? LIMIT 1", [key, key])
    if not found:
        return None
    art = found[0]
    h = art["hash"]
    return {
        "article": {k: v for k, v in art.items()},
        "actors": store.query("SELECT * FROM actors WHERE article = ? ORDER BY actor", [h]),
        "mentions": store.query('SELECT * FROM mentions WHERE article = ? ORDER BY "start"', [h]),
        "quotes": store.query('SELECT * FROM quotes WHERE article = ? ORDER BY "start"', [h]),
        "events": store.query("SELECT * FROM events WHERE article = ? ORDER BY evidence_start, event", [h]),
        "places": store.query('SELECT * FROM places WHERE article = ? ORDER BY "start"', [h]),
        "claims": store.query("SELECT * FROM claims WHERE article = ? ORDER BY evidence_start", [h]),
    }
