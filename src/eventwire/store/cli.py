"""Store commands: ``eventwire ingest`` (code into a DuckDB file) and ``eventwire summary``."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from typing import Any

from rich.console import Console
from rich.table import Table

from ..model import Article
from .db import Store, content_hash
from .summary import summarise

__all__ = ["STORE_COMMANDS", "add_store_commands"]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def add_store_commands(sub: Any, add_input_args: Callable[[argparse.ArgumentParser], None],
                       formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("ingest", help="code inputs into a DuckDB store (incremental, idempotent)",
                       formatter_class=formatter,
                       epilog="example:\n  eventwire ingest news/ --db events.duckdb --published 2020-01-10")
    add_input_args(p)
    p.add_argument("--db", required=True, metavar="FILE", help="DuckDB file (created if missing)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: cores)")

    p = sub.add_parser("summary", help="print a readable summary of a store",
                       formatter_class=formatter, epilog="example:\n  eventwire summary --db events.duckdb")
    p.add_argument("--db", required=True, metavar="FILE", help="DuckDB file")
    p.add_argument("--top", type=int, default=10, help="rows per table (default 10)")


def _new_articles(articles: Iterator[Article], known: set[str], skipped: list[str]) -> Iterator[Article]:
    for article in articles:
        key = content_hash(article)
        if key in known:
            skipped.append(article.id)
            continue
        known.add(key)
        yield article


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..cli import progress_over, read_articles
    from ..pipeline import Pipeline

    workers = args.workers or os.cpu_count() or 1
    skipped: list[str] = []
    added = failed = 0
    with Store(args.db) as store:
        fresh = _new_articles(read_articles(args), store.known_hashes(), skipped)
        for analysis in progress_over(Pipeline().code_parallel(fresh, workers=workers), "ingesting", args.quiet):
            added += store.add(analysis)
            failed += analysis.error is not None
        counts = store.counts()
    if not args.quiet:
        print(f"eventwire: stored {added} new article(s) ({failed} with errors), skipped {len(skipped)} "
              f"already stored; {args.db} now holds {counts['articles']} articles, {counts['events']} events")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        summary = summarise(store, top=args.top)
    console = Console()
    counts = summary["counts"]
    console.print(f"[bold]{args.db}[/]: {counts['articles']} articles, {counts['events']} events, "
                  f"{counts['quotes']} quotes, {counts['actors']} actors, {counts['errors']} errors")
    _table(console, "Events by QuadClass", ["quad", "class", "events", "avg Goldstein"],
           [[r["quad"], QUAD_NAMES.get(r["quad"], "?"), r["n"], f"{r['goldstein']:.2f}"] for r in summary["quads"]])
    _table(console, "Top dyads", ["source", "target", "events", "top code"],
           [[r["source"], r["target"], r["n"], r["top_code"]] for r in summary["dyads"]])
    _table(console, "Quotes by speaker", ["speaker", "quotes", "direct"],
           [[r["speaker"], r["n"], r["direct"]] for r in summary["speakers"]])
    return 0


def _table(console: Console, title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(str(v) for v in row))
    console.print(table)


STORE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest,
    "summary": cmd_summary,
}
