"""Store commands: ``eventwire ingest`` (code into a DuckDB file) and ``eventwire summary``."""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..model import Analysis, Article
from ..store.export import EXPORT_FORMATS
from .args import iso_date

if TYPE_CHECKING:
    from rich.console import Console

# Modules a command needs are imported inside it, so that `--help`, `query` and `summary` pay only for theirs.

__all__ = ["STORE_COMMANDS", "add_store_commands"]

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def add_store_commands(
    sub: Any,
    add_input_args: Callable[[argparse.ArgumentParser], None],
    formatter: type[argparse.HelpFormatter],
) -> None:
    p = sub.add_parser(
        "ingest",
        help="code inputs into a store (Parquet segments; incremental, idempotent, readable while it grows)",
        formatter_class=formatter,
        epilog="example:\n  eventwire ingest news/ --db events.store --published 2020-01-10",
    )
    add_input_args(p)
    p.add_argument("--db", required=True, metavar="STORE", help="store folder (created if missing)")
    from . import add_dask_args, add_timeout_arg, workers_type
    from .args import add_dict_arg

    p.add_argument("--workers", type=workers_type, default=None, help="worker processes (default: cores)")

    add_timeout_arg(p)
    add_dask_args(p)
    add_dict_arg(p)

    p = sub.add_parser(
        "query",
        help="filter a store's events (or run read-only SQL)",
        formatter_class=formatter,
        epilog="examples:\n  eventwire query --db events.store --dyad IRQ:USA --since 2020-01-01\n"
        "  eventwire query --db events.store --cameo '14*' --quad 4 --format csv\n"
        "  eventwire query --db events.store --sql 'SELECT root, count(*) FROM events GROUP BY 1'",
    )
    p.add_argument("--db", required=True, metavar="STORE", help="store folder (written by ingest)")
    p.add_argument("--actor", help="actor name (substring) or code")
    p.add_argument("--country", help="source or target country (ISO3)")
    p.add_argument("--dyad", metavar="A:B", help="source:target countries, e.g. IRQ:USA")
    p.add_argument("--cameo", help="CAMEO code or prefix: 0256, 14, 14*")
    p.add_argument("--quad", type=int, choices=[1, 2, 3, 4], help="QuadClass")
    p.add_argument("--since", type=iso_date, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=iso_date, help="up to this date (YYYY-MM-DD)")
    p.add_argument("--place", help="event location name (substring)")
    p.add_argument("--text", help="words that must all occur in the evidence sentence")
    add_filter_args(p)
    p.add_argument("--merged", action="store_true", help="merged events (NumMentions/Sources/Articles)")
    p.add_argument("--claims", action="store_true", help="claims with their sides (disputed first)")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    p.add_argument("--sql", help="a read-only SQL query over the store's tables")

    p = sub.add_parser(
        "export",
        help="export a store: parquet, csv, jsonl, plover, gdelt, gdelt+ or gdelt-mentions",
        formatter_class=formatter,
        epilog="example:\n  eventwire export --db events.store --format parquet -o events.parquet "
        "--where \"root = '14'\"",
    )
    p.add_argument("--db", required=True, metavar="STORE", help="store folder (written by ingest)")
    p.add_argument(
        "--format",
        choices=list(EXPORT_FORMATS),
        default="jsonl",
        help="jsonl (default), csv, parquet, plover (PLOVER/POLECAT JSONL): event mentions; gdelt: GDELT 2.0 "
        "Events (61 columns) of merged events, gdelt+: the same plus our columns, gdelt-mentions: GDELT Mentions",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--where", help="SQL condition over the events columns, e.g. \"root = '14'\"")
    _add_threshold_args(p, modality_default="any")

    p = sub.add_parser(
        "serve",
        help="the web workbench over a store (read-only, 127.0.0.1 by default)",
        formatter_class=formatter,
        epilog="example:\n  eventwire serve --db events.store --port 8000",
    )
    p.add_argument("--db", required=True, metavar="STORE", help="store folder (written by ingest)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="TCP port from 1 to 65535 (default 8000)")
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host header is NAME (repeatable; '*' for any). By default only "
        "the bound address and localhost are answered, against DNS rebinding",
    )

    p = sub.add_parser(
        "compact",
        help="merge a store's segments into one and fold its merged events (readers go on meanwhile)",
        formatter_class=formatter,
        epilog="example:\n  eventwire compact --db events.store",
    )
    p.add_argument("--db", required=True, metavar="STORE", help="store folder")

    p = sub.add_parser(
        "migrate",
        help="convert a single-file store of an earlier eventwire (schema 1-3) into a segmented store",
        formatter_class=formatter,
        epilog="examples:\n  eventwire migrate --db events.duckdb   (in place; keeps events.duckdb.schema3.bak)\n"
        "  eventwire migrate --db events.duckdb --to events.store",
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the old DuckDB file")
    p.add_argument("--to", metavar="STORE", help="write the new store here instead of in place")

    p = sub.add_parser(
        "summary",
        help="print a readable summary of a store",
        formatter_class=formatter,
        epilog="example:\n  eventwire summary --db events.store",
    )
    p.add_argument("--db", required=True, metavar="STORE", help="store folder (written by ingest)")
    p.add_argument("--top", type=int, default=10, help="rows per table (default 10)")


def _add_threshold_args(p: argparse.ArgumentParser, modality_default: str | None = None) -> None:
    from ..store.query import MODALITIES
    from . import _add_min_confidence

    _add_min_confidence(p)
    shown = modality_default or "asserted"
    p.add_argument(
        "--modality",
        default=modality_default,
        metavar="LIST",
        help=f"modalities shown, comma-separated from {', '.join(MODALITIES)}, or any (default: {shown})",
    )


def add_filter_args(p: argparse.ArgumentParser) -> None:
    """The filters `query` shares with the web pages and the Python API."""
    from ..store.query import SORTS

    _add_threshold_args(p)
    p.add_argument("--outlet", help="the article's outlet (source) holds these words, e.g. Wikinews")
    p.add_argument("--sector", help="source or target sector (CAMEO: GOV, MIL, REB, IGO ...)")
    p.add_argument("--plover", help="PLOVER event type (ASSAULT, CONSULT ...)")
    p.add_argument(
        "--dates",
        choices=["event", "article"],
        default="event",
        help="--since/--until filter the event's date (default) or the article's publication date",
    )
    p.add_argument(
        "--sort",
        default="-date",
        help=f"sort by one of {', '.join(SORTS)}; - first for descending (default -date: newest first)",
    )


def query_filters(args: argparse.Namespace) -> dict[str, Any]:
    """The EventQuery fields of parsed filter arguments (the calibrated threshold when none is given)."""
    from ..store.query import parse_modalities
    from . import min_confidence

    return {
        "outlet": args.outlet,
        "sector": args.sector.upper() if args.sector else None,
        "plover": args.plover.upper() if args.plover else None,
        "modality": parse_modalities(args.modality),
        "min_confidence": min_confidence(args),
        "dates": args.dates,
        "sort": args.sort,
    }


def _new_articles(articles: Iterator[Article], known: set[str], skipped: list[str]) -> Iterator[Article]:
    from ..store.db import content_hash

    for article in articles:
        key = content_hash(article)
        if key in known:
            skipped.append(article.id)
            continue
        known.add(key)
        yield article


#: ingest writes its buffered articles when this many are waiting, or when the oldest waited this long
FLUSH_SECONDS = 5.0


def _batches(analyses: Iterable[Analysis], size: int) -> Iterator[list[Analysis]]:
    """Coded articles in batches of at most ``size``, a batch closing early once it is FLUSH_SECONDS old."""
    batch: list[Analysis] = []
    started = time.monotonic()
    for analysis in analyses:
        if not batch:
            started = time.monotonic()
        batch.append(analysis)
        if len(batch) >= size or time.monotonic() - started >= FLUSH_SECONDS:
            yield batch
            batch = []
    if batch:
        yield batch


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.dask:
        from .cluster import ingest_on_dask

        return ingest_on_dask(args)
    from ..store.db import BATCH_ARTICLES, Store
    from . import expected_total, progress_over, read_articles
    from .args import knowledge_of, pipeline_of

    knowledge = knowledge_of(args)  # a bad file fails before any article is read
    workers = args.workers or os.cpu_count() or 1
    skipped: list[str] = []
    added = failed = 0
    articles = read_articles(args)
    with Store(args.db, notice=None if args.quiet else _notice) as store:
        fresh = _new_articles(articles, store.known_hashes(), skipped)
        first = next(fresh, None)  # nothing new: neither spaCy nor the coding stages are loaded
        if first is not None:
            pipeline = pipeline_of(args, knowledge, article_timeout=args.article_timeout)
            coded = pipeline.code_parallel(itertools.chain([first], fresh), workers=workers)
            total = expected_total(args)
            for batch in _batches(progress_over(coded, "ingesting", args.quiet, total), BATCH_ARTICLES):
                added += store.add_many(batch)
                failed += sum(a.error is not None for a in batch)
        merged = store.rebuild_merged() if store.merged_stale() else store.merged_count()
        counts = store.counts()
        renamed = list(store.renamed)
    if not args.quiet:
        for given, stored in renamed:
            print(f"eventwire: id {given!r} was taken by another text in {args.db}; stored as {stored!r}")
        print(
            f"eventwire: stored {added} new article(s) ({failed} with errors), skipped {len(skipped)} "
            f"already stored; {args.db} now holds {counts['articles']} articles, {counts['events']} event "
            f"mentions merged into {merged} events"
        )
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from rich.console import Console

    from ..store.db import Store
    from ..store.summary import summarise

    with Store(args.db, read_only=True) as store:
        summary = summarise(store, top=args.top)
    console = Console()
    counts = summary["counts"]
    console.print(
        f"[bold]{args.db}[/]: {counts['articles']} articles, {counts['events']} events, "
        f"{counts['quotes']} quotes, {counts['actors']} actors, {counts['errors']} errors"
    )
    _table(
        console,
        "Events by QuadClass",
        ["quad", "class", "events", "avg Goldstein"],
        [[r["quad"], QUAD_NAMES.get(r["quad"], "?"), r["n"], f"{r['goldstein']:.2f}"] for r in summary["quads"]],
    )
    _table(
        console,
        "Top dyads",
        ["source", "target", "events", "top code"],
        [[r["source"], r["target"], r["n"], r["top_code"]] for r in summary["dyads"]],
    )
    _table(
        console,
        "Quotes by speaker",
        ["speaker", "quotes", "direct"],
        [[r["speaker"], r["n"], r["direct"]] for r in summary["speakers"]],
    )
    console.print(SUMMARY_KEY)
    return 0


SUMMARY_KEY = """[bold]What the columns mean[/]
  events         event mentions: one per happening an article tells (the same happening in two articles counts twice)
  quad           CAMEO QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  avg Goldstein  the Goldstein scale, from -10 (most conflictual: war) to +10 (most cooperative); 0 is neutral
  source/target  ISO 3166-1 alpha-3 country codes of who acted and on whom (IRQ Iraq, USA United States)
  top code       the dyad's most frequent CAMEO event code (e.g. 042 make a visit, 190 use conventional force)
  direct         quotes in quotation marks; the others are reported speech ("X said that ...")
  errors         articles that could not be coded (the record says the stage and why, e.g. not English)"""


def _table(console: Console, title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(str(v) for v in row))
    console.print(table)


def cmd_query(args: argparse.Namespace) -> int:
    if args.sql:  # parsed as one SELECT and run sandboxed: no file but the store, no network
        from ..store.sql import run_select

        _print_rows(run_select(args.db, args.sql), args.format, every_column=True)
        return 0
    from ..store import views
    from ..store.db import Store
    from ..store.query import EventQuery

    with Store(args.db, read_only=True) as store:
        if args.claims:
            rows = [
                {
                    "claim": c["claim"],
                    "proposition": c["proposition"],
                    "disputed": c["disputed"],
                    "for": "; ".join(x["holder"] for x in c["for"]),
                    "against": "; ".join(x["holder"] for x in c["against"]),
                }
                for c in views.claims(store)
            ]
        elif args.merged:
            rows = views.merged_events(store, limit=args.limit, offset=args.offset)[1]
        else:
            query = EventQuery(
                actor=args.actor,
                country=args.country,
                dyad=args.dyad,
                cameo=args.cameo,
                quad=args.quad,
                since=args.since,
                until=args.until,
                place=args.place,
                text=args.text,
                limit=args.limit,
                offset=args.offset,
                **query_filters(args),
            )
            rows = views.events(store, query)[1]
    _print_rows(rows, args.format)
    return 0


def _print_rows(rows: list[dict[str, Any]], fmt: str, every_column: bool = False) -> None:
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        if rows:
            writer.writerow(rows[0].keys())
        writer.writerows([list(r.values()) for r in rows])
    else:
        from rich.console import Console

        from ..schema.views import EVENT_TABLE

        everything = list(rows[0].keys()) if rows else []
        shown = [c for c in EVENT_TABLE.columns() if rows and c in rows[0]]
        columns = everything if every_column else shown or everything
        _table(Console(), f"{len(rows)} row(s)", columns, [[_short(r.get(c)) for c in columns] for r in rows])


def _short(value: Any, width: int = 90) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_export(args: argparse.Namespace) -> int:
    from ..store.export import export_store
    from ..store.query import parse_modalities
    from . import min_confidence

    count = export_store(
        args.db,
        args.format,
        args.output,
        args.where,
        min_confidence=min_confidence(args),
        modalities=parse_modalities(args.modality),
    )
    print(f"eventwire: wrote {count} row(s) to {args.output}", file=sys.stderr)
    return 0


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--port must be a number from 1 to 65535, not {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"--port must be from 1 to 65535, not {port}")
    return port


def _check_port(host: str, port: int) -> None:
    """A clear error when the address cannot be bound (taken, or not an address of this machine)."""
    import socket

    from ..errors import ConfigError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(f"serve --host {host!r}: not an address of this machine ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == 98:  # EADDRINUSE
                raise ConfigError(
                    f"serve: port {port} on {host} is taken by another program; pick another with --port"
                ) from exc
            raise ConfigError(f"serve: cannot listen on {host}:{port}: {exc.strerror}") from exc


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..store.db import Store
    from ..web.app import create_app

    Store(args.db, read_only=True).close()  # fail early with a clear message
    _check_port(args.host, args.port)
    print(f"eventwire: serving {args.db} at http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    app = create_app(args.db, host=args.host, allow_hosts=args.allow_host)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from ..store.db import Store

    with Store(args.db, notice=_notice) as store:
        result = store.compact()
    print(
        f"eventwire: {args.db}: {result['segments_before']} segment(s) merged into {result['segments_after']}",
        file=sys.stderr,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..store.migrate import migrate

    result = migrate(Path(args.db), Path(args.to) if args.to else None)
    print(
        f"eventwire: {args.db} (schema {result['from_schema']}): {result['articles']} articles, {result['events']} "
        f"events now in the segmented store {args.to or args.db}; the old file is {result['kept']}",
        file=sys.stderr,
    )
    return 0


def _notice(message: str) -> None:
    print(f"eventwire: {message}", file=sys.stderr)


STORE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest,
    "summary": cmd_summary,
    "query": cmd_query,
    "export": cmd_export,
    "serve": cmd_serve,
    "compact": cmd_compact,
    "migrate": cmd_migrate,
}
