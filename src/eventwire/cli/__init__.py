"""The ``eventwire`` command: a thin layer over the library.

eventwire extract INPUT... [-o OUT]
eventwire code INPUT... [-o OUT] [--format jsonl|gdelt|csv] [--published D] [--source S] [--workers N]
eventwire eval events|quotes|geo|eventloc|extraction|docs GOLD... [--dict PATH]
eventwire ingest INPUT... --db FILE      eventwire summary --db FILE
eventwire knowledge check FILE...        eventwire knowledge import-petrarch VERBS.txt -o my.yaml
(code, ingest, explain and eval take --dict PATH, repeatable: knowledge files adding or overriding
patterns, and --config PATH: settings, by default ./eventwire.toml when present; see config.py)
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

from .. import __version__
from ..errors import ConfigError, EventwireError
from ..export.records import article_record
from ..export.writers import FORMATS, atomic_output, open_writer
from ..ingest.limits import DEFAULT_MAX_BYTES, parse_size
from ..model import Analysis, Article
from .args import add_dict_arg, iso_date, pipeline_of
from .knowledge import cmd_knowledge

__all__ = ["main"]

EVAL_KINDS = ("events", "quotes", "geo", "eventloc", "extraction", "docs")
#: seconds an article may take by default (a 1 MB article codes in well under a minute)
DEFAULT_ARTICLE_TIMEOUT = 180.0


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


#: the most worker processes accepted (each holds a spaCy model: ~0.7 GB)
MAX_WORKERS = 64


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--workers must be a whole number of processes, not {value!r}") from None
    if not 1 <= n <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(
            f"--workers must be from 1 to {MAX_WORKERS} (this machine has {os.cpu_count()} cores), not {n}"
        )
    return n


workers_type = _workers


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from exc
    if seconds < 0:
        raise argparse.ArgumentTypeError("--article-timeout must be >= 0 (0: no limit)")
    return seconds or None


def add_timeout_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--article-timeout",
        type=_seconds,
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help=f"time budget per article (parse and stages; default {DEFAULT_ARTICLE_TIMEOUT:g}, 0: none); "
        "an article over it becomes an error record and the run goes on",
    )


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
    p.add_argument(
        "--max-article-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="read no input unit (file, JSONL line, WARC record) past this many bytes, unpacked: 20M (default), "
        "500K, 1G; a longer one is an error record",
    )


def _partitions(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("--partitions must be >= 1")
    return n


def add_dask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--dask",
        metavar="local|tcp://HOST:8786",
        help="code on Dask: `local` starts --workers processes here; an address uses that scheduler's workers",
    )
    p.add_argument(
        "--partitions",
        type=_partitions,
        metavar="N",
        help="with --dask: cut the inputs into about N shards (default: about 2 MB of JSONL or 32 files each)",
    )


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--min-confidence must be a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"--min-confidence must be from 0 to 1, not {value}")
    return x


def _add_min_confidence(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="X",
        help="hide events whose confidence is below X (0..1; default: the calibrated threshold, "
        "see README; 0 shows every event)",
    )


def min_confidence(args: argparse.Namespace) -> float:
    """The threshold the user gave, else the calibrated default of the assess stage."""
    if args.min_confidence is not None:
        return float(args.min_confidence)
    from ..assess import load_weights

    return load_weights().min_confidence


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
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl (default), gdelt (GDELT 2.0 Events, 61 columns), gdelt+ (the same plus our "
        "columns), gdelt-mentions (GDELT Mentions), plover (PLOVER/POLECAT JSONL) or csv",
    )
    p.add_argument("--workers", type=_workers, default=None, help="worker processes (default: the machine's cores)")
    _add_min_confidence(p)
    add_timeout_arg(p)
    add_dask_args(p)
    add_dict_arg(p)

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
    _add_min_confidence(p)
    p.add_argument(
        "--calibrate",
        action="store_true",
        help="docs: refit the document-level confidence (leave-one-page-out) and print the weights",
    )
    add_dict_arg(p)

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
    add_dict_arg(p)

    from .store import add_store_commands

    add_store_commands(sub, _add_input_args, _Formatter)
    from .knowledge import add_knowledge_commands

    add_knowledge_commands(sub, _Formatter)
    return parser


def read_articles(args: argparse.Namespace) -> Iterator[Article]:
    """The articles of the inputs (checked first: see ``inputs.check_inputs``)."""
    from .inputs import check_inputs

    check_inputs(args.inputs)
    return _read(args)


def expected_total(args: argparse.Namespace) -> int | None:
    from .inputs import count_units

    return None if getattr(args, "quiet", False) else count_units(args.inputs)


def _read(args: argparse.Namespace) -> Iterator[Article]:
    from ..ingest import read_inputs

    quiet = getattr(args, "quiet", False)

    def notice(message: str) -> None:
        if not quiet:
            print(f"eventwire: {message}", file=sys.stderr)

    yield from read_inputs(
        args.inputs,
        published=args.published,
        source=args.source,
        stdin=sys.stdin.buffer,
        notice=notice,
        max_bytes=getattr(args, "max_article_size", DEFAULT_MAX_BYTES),
    )


def progress_columns(total: int | None) -> tuple[Any, ...]:
    """A bar with count, percentage and time left when the total is known; count and elapsed time else."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if total is None:
        return (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                TextColumn("{task.completed} done"), TimeElapsedColumn())  # fmt: skip
    return (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None), MofNCompleteColumn(),
            TaskProgressColumn(), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn())  # fmt: skip


def progress_over(items: Iterable[Any], label: str, quiet: bool, total: int | None = None) -> Iterator[Any]:
    """Wrap an iterable with a rich progress display on stderr: articles done out of ``total``, percentage
    and estimated time left when the total is known (count and rate else)."""
    if quiet:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    with Progress(*progress_columns(total), console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def cmd_extract(args: argparse.Namespace) -> int:
    articles = read_articles(args)
    with atomic_output(args.output) as stream:
        for article in progress_over(articles, "extracting", args.quiet, expected_total(args)):
            stream.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    if args.dask:
        from .cluster import code_on_dask

        return code_on_dask(args)
    workers = args.workers or os.cpu_count() or 1
    pipeline = pipeline_of(args, article_timeout=args.article_timeout)
    failed = 0
    articles = read_articles(args)
    with atomic_output(args.output) as stream:
        writer = open_writer(args.format, stream, min_confidence=min_confidence(args))
        analyses = pipeline.code_parallel(articles, workers=workers)
        for analysis in progress_over(analyses, "coding", args.quiet, expected_total(args)):
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
    module = importlib.import_module(f"eventwire.eval.{args.kind}")
    paths = [Path(g) for g in args.gold]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"eval {args.kind}: gold not found: {', '.join(missing)} (check the path)")
    from ..eval.gold import check_gold

    check_gold(args.kind, paths)
    workers = args.workers or os.cpu_count() or 1
    pipeline = pipeline_of(args)  # --dict: score a dictionary against the gold
    if args.kind == "extraction":
        metrics = module.evaluate(paths, workers=workers)
    elif args.kind == "docs":
        metrics = module.evaluate(
            paths, pipeline, workers=workers, out_dir=args.out, min_confidence=args.min_confidence
        )
        if args.calibrate:
            fitted = module.calibrate(metrics["records"], module.load_pages(paths))
            print(json.dumps(fitted, indent=1))
            return 0
        lines = module.details(metrics, paths) if args.details else []
        metrics.pop("records")
        if args.json:
            print(json.dumps(metrics, indent=1, default=str))
        else:
            module.print_report(metrics)
            print("\n".join(lines))
        return 0
    else:
        metrics = module.evaluate(paths, pipeline, workers=workers)
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

    from ..explain import explain
    from ..export.records import coded_record

    ex = explain(args.sentence, args.published, pipeline_of(args))
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


COMMANDS = {
    "extract": cmd_extract,
    "code": cmd_code,
    "eval": cmd_eval,
    "explain": cmd_explain,
    "knowledge": cmd_knowledge,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .store import STORE_COMMANDS

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
