"""The ``eventwire`` command: a thin layer over the library.

eventwire extract INPUT... [-o OUT]
eventwire code INPUT... [-o OUT] [--format jsonl|gdelt|csv] [--published D] [--source S] [--workers N]
eventwire eval events|quotes|geo|eventloc|extraction|docs GOLD...
eventwire ingest INPUT... --db FILE      eventwire summary --db FILE
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .cli_args import iso_date
from .errors import ConfigError, EventwireError
from .export.records import article_record
from .export.writers import FORMATS, atomic_output, open_writer
from .model import Analysis, Article

__all__ = ["main"]

EVAL_KINDS = ("events", "quotes", "geo", "eventloc", "extraction", "docs")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _workers(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("--workers must be >= 1")
    return n


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="file (.txt .html .htm .gz .jsonl .warc .warc.gz RSS/Atom .xml), folder, or - for stdin",
    )
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date for inputs that carry none (relative dates resolve against it)",
    )
    p.add_argument("--source", metavar="NAME", help="source name for inputs that carry none")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        formatter_class=_Formatter,
        description="News in, political event data out: who did what to whom, when, where, and who said so.",
        epilog="example:\n  eventwire code article.txt --published 2020-01-10 --source 'NBC News' -o events.jsonl",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="ingest only: cleaned text and metadata, one JSON object per article",
        formatter_class=_Formatter,
        epilog="example:\n  eventwire extract pages/ -o articles.jsonl",
    )
    _add_input_args(p)
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")

    p = sub.add_parser(
        "code",
        help="the full pipeline: actors, quotes, events, dates, places",
        formatter_class=_Formatter,
        epilog="examples:\n  eventwire code article.txt --published 2020-01-10 -o out.jsonl\n"
        "  eventwire code news.jsonl --format gdelt -o events.tsv --workers 2\n"
        "  cat story.txt | eventwire code - --published 2021-06-01",
    )
    _add_input_args(p)
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="jsonl (default), gdelt or csv")
    p.add_argument("--workers", type=_workers, default=None, help="worker processes (default: the machine's cores)")

    p = sub.add_parser(
        "eval",
        help="score the pipeline against gold data",
        formatter_class=_Formatter,
        epilog="examples:\n  eventwire eval events ../shared/eval/events/*.jsonl\n"
        "  eventwire eval quotes ../shared/eval/quotes/polnear/dev\n"
        "  eventwire eval geo ../shared/eval/geo/TR-News.xml\n"
        "  eventwire eval extraction ../shared/eval/extraction/scrapinghub/ground-truth.json\n"
        "  eventwire eval docs ../shared/eval/docs --details --out coded/",
    )
    p.add_argument("kind", choices=EVAL_KINDS)
    p.add_argument("gold", nargs="+", metavar="GOLD", help="gold file(s) or folder in the formats documented")
    p.add_argument("--workers", type=_workers, default=None, help="worker processes (default: cores)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--out", metavar="DIR", type=Path, help="docs: also write each coded page as DIR/<id>.jsonl")
    p.add_argument(
        "--details", action="store_true", help="docs: list every gold event and every produced event, marked"
    )

    p = sub.add_parser(
        "explain",
        help="show the parse, actors, patterns tried and why each event was coded",
        formatter_class=_Formatter,
        epilog='example:\n  eventwire explain "Iraq asked the United States to withdraw its troops." '
        "--published 2020-01-10",
    )
    p.add_argument("sentence", help="the sentence (or short text) to explain")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD", help="publication date for relative dates")
    p.add_argument("--json", action="store_true", help="print the explanation as JSON")

    from .store.cli import add_store_commands

    add_store_commands(sub, _add_input_args, _Formatter)
    return parser


def read_articles(args: argparse.Namespace) -> Iterator[Article]:
    from .ingest import read_inputs

    yield from read_inputs(args.inputs, published=args.published, source=args.source, stdin=sys.stdin.buffer)


def progress_over(items: Iterable[Any], label: str, quiet: bool) -> Iterator[Any]:
    """Wrap an iterable with a rich progress display on stderr (count and rate; total unknown)."""
    if quiet:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} done"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)
        for item in items:
            yield item
            bar.advance(task)


def cmd_extract(args: argparse.Namespace) -> int:
    with atomic_output(args.output) as stream:
        for article in progress_over(read_articles(args), "extracting", args.quiet):
            stream.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline

    workers = args.workers or os.cpu_count() or 1
    pipeline = Pipeline()
    failed = 0
    with atomic_output(args.output) as stream:
        writer = open_writer(args.format, stream)
        analyses = pipeline.code_parallel(read_articles(args), workers=workers)
        for analysis in progress_over(analyses, "coding", args.quiet):
            writer.write(analysis)
            failed += _report_failure(analysis, args.quiet)
    if failed and not args.quiet:
        print(f"eventwire: {failed} article(s) failed; their records carry `error`", file=sys.stderr)
    return 0


def _report_failure(analysis: Analysis, quiet: bool) -> int:
    if analysis.error is None:
        return 0
    if not quiet:
        err = analysis.error
        print(f"eventwire: {analysis.article.id}: {err.stage}: {err.message}", file=sys.stderr)
    return 1


def cmd_eval(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline

    module = importlib.import_module(f"eventwire.eval.{args.kind}")
    paths = [Path(g) for g in args.gold]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"eval {args.kind}: gold not found: {', '.join(missing)} (check the path)")
    workers = args.workers or os.cpu_count() or 1
    if args.kind == "extraction":
        metrics = module.evaluate(paths, workers=workers)
    elif args.kind == "docs":
        metrics = module.evaluate(paths, Pipeline(), workers=workers, out_dir=args.out)
        lines = module.details(metrics, paths) if args.details else []
        metrics.pop("records")
        if args.json:
            print(json.dumps(metrics, indent=1, default=str))
        else:
            module.print_report(metrics)
            print("\n".join(lines))
        return 0
    else:
        metrics = module.evaluate(paths, Pipeline(), workers=workers)
    if args.json:
        print(json.dumps(metrics, indent=1, default=str))
    else:
        print_metrics(metrics, title=f"eventwire eval {args.kind}")
    return 0


def _flatten(prefix: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _flatten(f"{prefix}.{key}" if prefix else str(key), sub)
    elif isinstance(value, float):
        yield prefix, f"{value:.4f}"
    elif isinstance(value, list) and value and all(isinstance(v, dict) and "bin" in v for v in value):
        for row in value:  # a reliability table: one line per confidence bin
            yield f"{prefix} {row['bin']}", f"{row['n']} events, {row['precision']:.2f} right"
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, sub in enumerate(value):
            yield from _flatten(f"{prefix}[{i}]", sub)
    else:
        yield prefix, str(value)


def print_metrics(metrics: dict[str, Any], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in _flatten("", metrics):
        table.add_row(key, value)
    Console().print(table)


def cmd_explain(args: argparse.Namespace) -> int:
    import dataclasses

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .explain import explain
    from .export.records import coded_record

    ex = explain(args.sentence, args.published)
    record = coded_record(ex.analysis)
    if args.json:
        print(
            json.dumps(
                {
                    "parse": ex.parse,
                    "triggers": [dataclasses.asdict(t) for t in ex.triggers],
                    "actors": record["actors"],
                    "events": record["events"],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
        return 0
    console = Console()
    parse = Table(title="Parse", title_justify="left")
    for col in ("i", "text", "lemma", "pos", "dep", "head", "ent"):
        parse.add_column(col)
    for row in ex.parse:
        parse.add_row(*(str(row[c]) for c in ("i", "text", "lemma", "pos", "dep", "head", "ent")))
    console.print(parse)
    console.print("[bold]Actors[/]")
    for a in record["actors"]:
        mentions = ", ".join(repr(m["text"]) for m in a["mentions"])
        console.print(
            escape(f"  {a['id']} {a['name']} — {a['country'] or '?'}/{a['sector'] or '-'} ({a['kind']}): {mentions}")
        )
    console.print("[bold]Triggers and patterns[/]")
    for t in ex.triggers:
        tried = ", ".join(t.tried) or "(none)"
        console.print(escape(f"  {t.token!r} [{t.lemma}/{t.pos}] tried: {tried}"))
        console.print(f"      matched: {t.matched or '-'} → {t.outcome}")
    console.print("[bold]Events[/]")
    for e in record["events"]:
        src, tgt = e["source"] or {}, e["target"] or {}
        console.print(
            f"  {e['id']} {e['cameo']} ({e['plover']}) {src.get('text')} [{src.get('country')}/"
            f"{src.get('sector')}] → {tgt.get('text')} [{tgt.get('country')}/{tgt.get('sector')}] "
            f"{e['modality']} conf {e['confidence']} pattern {e['pattern']} date {e['date']}"
        )
    if not record["events"]:
        console.print("  (none)")
    return 0


COMMANDS = {"extract": cmd_extract, "code": cmd_code, "eval": cmd_eval, "explain": cmd_explain}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .store.cli import STORE_COMMANDS

    handler = COMMANDS.get(args.command) or STORE_COMMANDS[args.command]
    try:
        return handler(args)
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
