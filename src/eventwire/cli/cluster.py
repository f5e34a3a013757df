"""``eventwire ingest ... --dask`` and ``eventwire code ... --dask``: the commands' cluster side."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..cluster.shards import Shard
from ..errors import ConfigError
from ..model import Analysis

__all__ = ["code_on_dask", "ingest_on_dask"]


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(f"eventwire: {message}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Any:
    from ..cluster.runner import ShardOptions
    from ..ingest.limits import DEFAULT_MAX_BYTES

    return ShardOptions(
        published=args.published,
        source=args.source,
        max_bytes=getattr(args, "max_article_size", DEFAULT_MAX_BYTES),
        article_timeout=args.article_timeout,
    )


@contextmanager
def _cluster(args: argparse.Namespace) -> Iterator[Any]:
    from ..cluster.runner import connect
    from ..config import load_settings
    from .args import knowledge_of

    knowledge = knowledge_of(args)  # a bad file fails before the cluster starts
    settings = load_settings(getattr(args, "config", None))
    if settings.stages:
        from ..stages import stages_named

        stages_named(settings.stages)  # an unknown stage or a bad order fails before the cluster starts
    client, cluster = connect(args.dask, args.workers, args.article_timeout, knowledge, settings.model, settings.stages)
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        _say(args, f"dask: {workers} worker(s) at {client.scheduler.address}")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _progress(items: Iterator[Any], total: int, quiet: bool) -> Iterator[Any]:
    """Shards handed on, with a bar (the Dask client's view: shards done of all)."""
    if quiet:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("coding on dask"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("shards"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("shards", total=total)
        for item in items:
            yield item
            bar.advance(task)


def _report_failures(args: argparse.Namespace, failures: list[tuple[Shard, str]]) -> int:
    for shard, error in failures:
        print(
            f"eventwire: shard {shard.index} ({shard.describe()}) failed after its retries: {error}; "
            "run the same command again to code it",
            file=sys.stderr,
        )
    return 1 if failures else 0


def ingest_on_dask(args: argparse.Namespace) -> int:
    """Code the inputs on Dask and commit each shard, in input order, as a segment of the store."""
    from ..cluster.runner import plan, run_shards, unique_ids
    from ..ingest.dedup import UniqueIds
    from ..store.db import Store

    failures: list[tuple[Shard, str]] = []
    added = failed_articles = 0
    with Store(args.db) as store:
        assert store.writer is not None
        todo, skipped = plan(args.inputs, args.partitions, set(store.writer.manifest.shards))
        if skipped:
            _say(args, f"{skipped} shard(s) committed by an earlier run: skipped")
        if todo:
            with _cluster(args) as client:
                ids = UniqueIds()
                for shard, analyses, error in _progress(
                    run_shards(client, todo, _options(args)), len(todo), args.quiet
                ):
                    if analyses is None:
                        failures.append((shard, error or "unknown error"))
                        continue
                    batch = unique_ids(analyses, ids)
                    added += store.add_many(batch, shard=shard.key)
                    failed_articles += sum(a.error is not None for a in batch)
        counts, merged, renamed = store.counts(), store.merged_count(), list(store.renamed)
    for given, stored in renamed:
        _say(args, f"id {given!r} was taken by another text in {args.db}; stored as {stored!r}")
    _say(
        args,
        f"stored {added} new article(s) ({failed_articles} with errors) from {len(todo)} shard(s); {args.db} now "
        f"holds {counts['articles']} articles, {counts['events']} event mentions merged into {merged} events",
    )
    return _report_failures(args, failures)


def code_on_dask(args: argparse.Namespace) -> int:
    """Code the inputs on Dask into partitioned Parquet under ``-o DIR``."""
    from ..cluster.output import PartitionWriter
    from ..cluster.runner import mark_duplicates, plan, run_shards, unique_ids
    from ..ingest.dedup import UniqueIds

    if not args.output or args.output == "-":
        raise ConfigError("code --dask writes partitioned Parquet: give the output folder with -o DIR")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"-o {out}: with --dask the output is a folder of Parquet partitions, not a file")
    writer = PartitionWriter(out)
    todo, skipped = plan(args.inputs, args.partitions, set(writer.done))
    if skipped:
        _say(args, f"{skipped} shard(s) written by an earlier run: skipped")
    failures: list[tuple[Shard, str]] = []
    coded = 0
    if todo:
        with _cluster(args) as client:
            ids, seen = UniqueIds(), dict[str, str]()
            for shard, analyses, error in _progress(run_shards(client, todo, _options(args)), len(todo), args.quiet):
                if analyses is None:
                    failures.append((shard, error or "unknown error"))
                    continue
                batch: list[Analysis] = mark_duplicates(unique_ids(analyses, ids), seen)
                writer.write(shard.index, shard.key, batch)
                coded += len(batch)
    _say(args, f"coded {coded} article(s) from {len(todo)} shard(s) into {out}/<table>/part-*.parquet")
    return _report_failures(args, failures)
