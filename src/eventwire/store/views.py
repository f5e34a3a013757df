"""Read-only views of a store: the data behind every web page, the API and the CLI.

Built to stay fast on stores of millions of rows: a page is found from a histogram of its leading sort
key (a date, a count) so that only the rows of the groups it covers are sorted; rows of other tables are
fetched for the page's articles only, through the indexes on ``article``; charts are aggregated to what
they can draw.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from ..schema.views import ARTICLE_COLUMNS, EVENT_LIST
from ..wordlists import word_lists
from .db import Store
from .query import EventQuery, contains, holds

_WORDS = word_lists("eventwire.store")

__all__ = [
    "article_view",
    "articles",
    "claims",
    "claims_page",
    "events",
    "hidden_by_modality",
    "map_points",
    "mentions_of",
    "merged_events",
    "network",
    "quotes",
    "speakers",
    "timeline",
]

Rows = list[dict[str, Any]]
#: ``memo(key, compute)``: a value kept for the store's current committed version, else ``compute()``
#: (the web server's ``VersionCache``); none: compute every time
Memo = Callable[[Hashable, Callable[[], Any]], Any]

#: the events table's columns of an event row (``schema.views.EVENT_LIST``)
EVENT_COLUMNS = ", ".join(f"e.{c}" for c in EVENT_LIST.table_columns())
#: the columns of an event row, in order
EVENT_ROW = EVENT_LIST.columns()
#: at most this many bars on a timeline: days, else weeks, months, quarters or years
TIMELINE_BARS = 200


def _page(
    store: Store,
    source: str,
    where: str,
    params: list[Any],
    keys: list[tuple[str, str]],
    tie: str,
    select: str,
    limit: int,
    offset: int,
    memo: Memo | None = None,
) -> tuple[int, Rows]:
    """(total, one page) of ``SELECT select FROM source WHERE where ORDER BY keys, tie``.

    ``keys`` are (expression, direction) pairs of few distinct values: one GROUP BY over them counts
    the rows per group (which gives the total), and only the groups the page falls in are sorted. The
    histogram is the same for every page of a query: with ``memo`` it is computed once per store version."""
    group = ", ".join(expr for expr, _ in keys)
    order = ", ".join(f"{i + 1} {direction}" for i, (_, direction) in enumerate(keys))
    hist_sql = f"SELECT {group}, count(*) FROM {source} WHERE {where} GROUP BY ALL ORDER BY {order}"

    def histogram() -> list[tuple[Any, ...]]:
        return store.con.execute(hist_sql, params).fetchall()

    hist: list[tuple[Any, ...]] = memo(("page-histogram", hist_sql, repr(params)), histogram) if memo else histogram()
    total = sum(h[-1] for h in hist)
    covered: list[tuple[Any, ...]] = []
    seen = skip = 0
    for h in hist:
        if seen + h[-1] > offset and seen < offset + limit:
            if not covered:
                skip = offset - seen
            covered.append(h[:-1])
        seen += h[-1]
    if not covered:
        return total, []
    # the covered groups are contiguous in the order: each key's range over them is a plain comparison that
    # DuckDB pushes into the Parquet scans (the OR of groups below it cannot be), so far fewer rows are read
    ranges, range_params = [], []
    for i, (expr, _) in enumerate(keys):
        column = [g[i] for g in covered]
        if all(v is not None for v in column):
            ranges.append(f"{expr} BETWEEN ? AND ?")
            range_params += [min(column), max(column)]
    conds, cond_params = [], []
    for bounds in covered:
        parts = []
        for (expr, _), value in zip(keys, bounds, strict=True):
            parts.append(f"{expr} IS NULL" if value is None else f"{expr} = ?")
            cond_params += [] if value is None else [value]
        conds.append("(" + " AND ".join(parts) + ")")
    full_order = ", ".join(f"{expr} {direction}" for expr, direction in keys) + f", {tie}"
    within = "".join(f" AND {r}" for r in ranges)
    rows = store.query(
        f"SELECT {select} FROM {source} WHERE ({where}){within} AND ({' OR '.join(conds)}) "
        f"ORDER BY {full_order} LIMIT ? OFFSET ?",
        [*params, *range_params, *cond_params, limit, skip],
    )
    return total, rows


def hidden_by_modality(store: Store, query: EventQuery) -> dict[str, int]:
    """How many events of each other modality the query's modality filter hides (its other filters kept)."""
    if not query.modality:
        return {}
    where, params = query.without_modality().where()
    rows = store.con.execute(
        f"SELECT e.modality, count(*) FROM {query.source} WHERE {where} AND NOT list_contains(?, e.modality) "
        "GROUP BY 1 ORDER BY 2 DESC",
        [*params, list(query.modality)],
    ).fetchall()
    return {m: int(n) for m, n in rows}


def events(store: Store, query: EventQuery) -> tuple[int, Rows]:
    """(total matching, one page of rows), in the query's order (newest first by default), then as stored."""
    where, params = query.where()
    total, rows = _page(
        store,
        query.source,
        where,
        params,
        [query.order()],
        "e._row",
        EVENT_COLUMNS,
        query.limit or 10_000,
        query.offset,
    )
    about = _articles_by_hash(store, [r["article"] for r in rows])
    out = []
    for r in rows:
        a = about.get(r["article"], {})
        r.update({name: a.get(ARTICLE_COLUMNS[name]) for name in EVENT_LIST.article_columns()})
        out.append({k: r[k] for k in EVENT_ROW})
    return total, out


def _articles_by_hash(store: Store, hashes: list[str]) -> dict[str, dict[str, Any]]:
    if not hashes:
        return {}
    columns = ", ".join(ARTICLE_COLUMNS[name] for name in EVENT_LIST.article_columns())
    found = store.query(f"SELECT hash, {columns} FROM articles WHERE hash = ANY(?)", [sorted(set(hashes))])
    return {r["hash"]: r for r in found}


def mentions_of(store: Store, hashes: list[str]) -> Rows:
    """The actor mentions of these articles (through the index on ``mentions.article``)."""
    if not hashes:
        return []
    return store.query('SELECT article, "start", "end" FROM mentions WHERE article = ANY(?)', [sorted(set(hashes))])


def merged_events(
    store: Store, limit: int = 100, offset: int = 0, min_articles: int = 1, memo: Memo | None = None
) -> tuple[int, Rows]:
    """(total, one page) of merged events, most widely reported first, then by date."""
    return _page(
        store,
        "merged_events",
        "num_articles >= ?",
        [min_articles],
        [("num_articles", "DESC"), ("date", "NULLS LAST")],
        "id",
        "*",
        limit,
        offset,
        memo,
    )


def _bucket(store: Store, source: str, where: str, params: list[Any]) -> str:
    """The finest calendar unit that draws the matching events' date span in at most TIMELINE_BARS bars."""
    span = store.con.execute(
        f"SELECT min(e.date), max(e.date) FROM {source} WHERE e.date IS NOT NULL AND {where}", params
    ).fetchone()
    if not span or span[0] is None:
        return "day"
    days = (span[1] - span[0]).days + 1
    for unit, length in (("day", 1), ("week", 7), ("month", 31), ("quarter", 92)):
        if days / length <= TIMELINE_BARS:
            return unit
    return "year"


def timeline(store: Store, query: EventQuery) -> Rows:
    """Events per period and QuadClass, with the average Goldstein score: one period per day when the dates
    fit in TIMELINE_BARS days, else per week, month, quarter or year (``day`` is the period's first day)."""
    where, params = query.where()
    source = query.source
    unit = _bucket(store, source, where, params)
    period = "e.date" if unit == "day" else f"CAST(date_trunc('{unit}', e.date) AS DATE)"
    rows = store.query(
        f"SELECT {period} AS day, e.quad, count(*) AS events, round(avg(e.goldstein), 2) AS goldstein "
        f"FROM {source} WHERE e.date IS NOT NULL AND {where} GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    for r in rows:
        r["period"] = unit
    return rows


def _node(country: str | None, sector: str | None, name: str | None) -> str | None:
    return country + (f"/{sector}" if sector is not None else "") if country is not None else name


def _mean(groups: list[tuple[Any, ...]]) -> float | None:
    """The rounded average Goldstein score of groups of (events, sum, non-null count, rounded average)."""
    if len(groups) == 1:
        return groups[0][3]  # type: ignore[no-any-return]
    known = sum(g[2] for g in groups)
    return round(sum(g[1] or 0.0 for g in groups) / known, 2) if known else None


def network(store: Store, query: EventQuery, limit: int = 60) -> dict[str, Rows]:
    """Actors (country/sector) as nodes; event counts and average Goldstein (tone) as edges.

    Grouped on the raw columns (cheaper than building a label per event); labels are joined here."""
    where, params = query.where()
    source = query.source
    side = "e.{s}_country, e.{s}_sector, CASE WHEN e.{s}_country IS NULL THEN e.{s}_name END"
    groups = store.con.execute(
        f"SELECT {side.format(s='source')}, {side.format(s='target')}, count(*), sum(e.goldstein), "
        f"count(e.goldstein), round(avg(e.goldstein), 2) FROM {source} "
        f"WHERE (e.target_country IS NOT NULL OR e.target_name IS NOT NULL) AND ({where}) GROUP BY ALL",
        params,
    ).fetchall()
    by_label: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for g in groups:
        src, tgt = _node(*g[0:3]), _node(*g[3:6])
        if src is not None and tgt is not None:
            by_label.setdefault((src, tgt), []).append(g[6:])
    edges = [
        {"source": s, "target": t, "events": sum(g[0] for g in gs), "goldstein": _mean(gs)}
        for (s, t), gs in by_label.items()
    ]
    edges = sorted(edges, key=lambda e: (-e["events"], e["source"], e["target"]))[:limit]
    names: dict[str, int] = {}
    for e in edges:
        for key in ("source", "target"):
            names[e[key]] = names.get(e[key], 0) + e["events"]
    nodes = [{"id": n, "events": c} for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def map_points(store: Store, query: EventQuery, limit: int = 500) -> Rows:
    """Event locations with their counts, the ``limit`` busiest places."""
    where, params = query.where()
    source = query.source
    return store.query(
        "SELECT e.location AS name, e.location_country AS country, e.lat, e.lon, count(*) AS events, "
        f"round(avg(e.goldstein), 2) AS goldstein, mode(e.quad) AS quad FROM {source} "
        f"WHERE e.lat IS NOT NULL AND {where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT ?",
        [*params, limit],
    )


SPEAKER = "coalesce(ac.name, q.speaker_text, '(unattributed)')"


UNATTRIBUTED = "(unattributed)"
#: words that are no speaker's name: a quote "we said" is unattributed
PRONOUNS = _WORDS.words("pronouns")


def _fold(name: str) -> tuple[str, ...]:
    """The words of a name without accents or case: "Erdoğan" and "Erdogan" are one word."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return tuple(w for w in "".join(c if c.isalnum() else " " for c in plain.casefold()).split() if w)


def speakers(store: Store, limit: int = 200) -> Rows:
    """Speakers grouped by actor, most quoted first: spellings of one name ("Erdoğan", "Erdogan") and a name
    whose words all occur in a fuller one ("Erdogan" in "Recep Tayyip Erdogan") are one speaker, shown by
    its fullest name (``names`` lists the spellings); pronouns count as unattributed."""
    found = store.con.execute(
        f"SELECT {SPEAKER} AS speaker, count(*) AS quotes "
        "FROM quotes q LEFT JOIN actors ac ON ac.article = q.article AND ac.actor = q.speaker_actor GROUP BY 1"
    ).fetchall()
    groups: list[dict[str, Any]] = []
    unattributed = 0
    for name, n in sorted(found, key=lambda r: (-len(_fold(r[0])), -r[1], r[0])):
        words = _fold(name)
        if not words or name == UNATTRIBUTED or (len(words) == 1 and words[0] in PRONOUNS):
            unattributed += n
            continue
        home = next((g for g in groups if set(words) <= g["words"]), None)
        if home is None:
            groups.append({"speaker": name, "quotes": n, "names": [name], "words": set(words)})
        else:
            home["quotes"] += n
            home["names"].append(name)
    out = [{k: g[k] for k in ("speaker", "quotes", "names")} for g in groups]
    if unattributed:
        out.append({"speaker": UNATTRIBUTED, "quotes": unattributed, "names": [UNATTRIBUTED]})
    out.sort(key=lambda g: (-g["quotes"], g["speaker"]))
    return out[:limit]


def quotes(store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0) -> tuple[Rows, Rows]:
    """(speakers with counts, one page of quotes in stored order, filtered by speaker name when given)."""
    return speakers(store), quote_page(store, speaker, limit, offset)


#: the quote's speaker text (or "(unattributed)") holds the parameter's words
SPEAKER_TEXT_HOLDS = holds("coalesce(speaker_text, '(unattributed)')")


def quote_page(store: Store, speaker: str | None, limit: int, offset: int, names: list[str] | None = None) -> Rows:
    """One page of quotes in stored order: of the speakers ``names`` exactly (a group of ``speakers``), else
    of speakers whose name holds ``speaker``, else all."""
    if names:
        picked = (
            "SELECT r FROM (SELECT q._row AS r FROM _quotes q JOIN actors ac ON ac.article = q.article "
            "AND ac.actor = q.speaker_actor WHERE ac.name = ANY(?) UNION ALL SELECT _row AS r FROM _quotes "
            "WHERE speaker_actor IS NULL AND coalesce(speaker_text, '(unattributed)') = ANY(?)) "
            "ORDER BY r LIMIT ? OFFSET ?"
        )
        params: list[Any] = [names, names, limit, offset]
    elif not speaker:
        picked = "SELECT _row AS r FROM _quotes ORDER BY _row LIMIT ? OFFSET ?"
        params = [limit, offset]
    else:  # the speaker's name is the actor's when the quote has one (an actor of its own article, stored
        # in the same segment: never dangling), else the text naming the speaker
        picked = (
            f"SELECT r FROM (SELECT q._row AS r FROM _quotes q JOIN actors ac ON ac.article = q.article "
            f"AND ac.actor = q.speaker_actor WHERE {holds('ac.name')} UNION ALL SELECT _row AS r FROM _quotes "
            f"WHERE speaker_actor IS NULL AND {SPEAKER_TEXT_HOLDS}) "
            "ORDER BY r LIMIT ? OFFSET ?"
        )
        params = [contains(speaker), contains(speaker), limit, offset]
    rowids = [r[0] for r in store.con.execute(picked, params).fetchall()]
    if not rowids:
        return []
    rows = store.query(
        "SELECT q._row AS r, q.article, q.speaker_actor, q.speaker_text, q.speaker_kind, q.kind, q.text, q.cue "
        "FROM _quotes q WHERE q._row = ANY(?)",
        [rowids],
    )
    about = _articles_by_hash(store, [r["article"] for r in rows])
    actor_names = {
        (a["article"], a["actor"]): a["name"]
        for a in store.query(
            "SELECT article, actor, name FROM actors WHERE article = ANY(?)", [sorted({r["article"] for r in rows})]
        )
    }
    out = []
    for r in sorted(rows, key=lambda r: r["r"]):
        name = actor_names.get((r["article"], r["speaker_actor"]))
        out.append(
            {
                "article": r["article"],
                "article_id": about.get(r["article"], {}).get("id"),
                "title": about.get(r["article"], {}).get("title"),
                "speaker": name if name is not None else r["speaker_text"],
                "speaker_kind": r["speaker_kind"],
                "kind": r["kind"],
                "text": r["text"],
                "cue": r["cue"],
            }
        )
    return out


CLAIM_SIDES = """
SELECT claim, any_value(proposition) AS proposition,
       list(DISTINCT holder) FILTER (WHERE stance = 'for') AS holders_for,
       list(DISTINCT holder) FILTER (WHERE stance = 'against') AS holders_against
FROM claims GROUP BY claim
"""


def _disputed(row: dict[str, Any]) -> bool:
    pro, con = row["holders_for"] or [], row["holders_against"] or []
    return bool(pro) and bool(con) and set(pro) != set(con)


def claims_page(
    store: Store, disputed_only: bool = False, limit: int = 50, offset: int = 0, holders: int = 50
) -> tuple[int, Rows]:
    """(number of claims, one page of them: disputed first, each with at most ``holders`` statements a side)."""
    found = [{**r, "disputed": _disputed(r)} for r in store.query(CLAIM_SIDES) if _disputed(r) or not disputed_only]
    found.sort(key=lambda g: (not g["disputed"], g["claim"]))
    page = found[offset : offset + limit]
    out = []
    for g in page:
        side_rows = store.query(
            "SELECT c.stance, c.holder, c.country, c.evidence, c.article, c.evidence_start FROM claims c "
            "WHERE c.claim = ? ORDER BY c.stance, c.article, c.evidence_start",
            [g["claim"]],
        )
        claim: dict[str, Any] = {"claim": g["claim"], "proposition": g["proposition"], "for": [], "against": []}
        for side in ("for", "against"):
            mine = [r for r in side_rows if r["stance"] == side]
            claim[side] = mine[:holders]
            claim[f"{side}_total"] = len(mine)
        about = _articles_by_hash(store, [x["article"] for s in ("for", "against") for x in claim[s]])
        for side in ("for", "against"):
            claim[side] = [
                {
                    "holder": x["holder"],
                    "country": x["country"],
                    "evidence": x["evidence"],
                    "article": x["article"],
                    "article_id": about.get(x["article"], {}).get("id"),
                }
                for x in sorted(
                    claim[side], key=lambda x: (about.get(x["article"], {}).get("id") or "", x["evidence_start"])
                )
            ]
        claim["disputed"] = g["disputed"]
        out.append(claim)
    return len(found), out


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


def articles(store: Store, limit: int = 50, offset: int = 0) -> tuple[int, Rows]:
    """(number of articles, one page by publication date, each with its number of events)."""
    total, rows = _page(
        store,
        "articles",
        "TRUE",
        [],
        [("published", "NULLS LAST")],
        "id",
        "hash, id, title, source, published, near_duplicate_of, error_stage",
        limit,
        offset,
    )
    counts = dict(
        store.con.execute(
            "SELECT article, count(*) FROM events WHERE article = ANY(?) GROUP BY 1", [[r["hash"] for r in rows]]
        ).fetchall()
    )
    for r in rows:
        r["events"] = counts.get(r["hash"], 0)
    return total, rows


def article_view(store: Store, key: str) -> dict[str, Any] | None:
    found = store.query("SELECT * FROM articles WHERE hash = ? LIMIT 1", [key]) or store.query(
        "SELECT * FROM articles WHERE id = ? LIMIT 1", [key]
    )
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
