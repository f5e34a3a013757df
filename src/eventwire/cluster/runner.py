"""The same pipeline on Dask workers.

The client cuts the inputs into shards (``shards.plan_shards``), skips those an earlier run committed, and
submits one task per shard (``pure=False``: two shards with equal arguments are still two tasks) with
retries. Each worker loads spaCy and the knowledge files once, in a worker plugin, then reads and codes its
shards. The client takes results as they come and hands them on in input order (``sink``): ``ingest``
commits each shard as one segment (the manifest records the shard), ``code`` writes each as Parquet
partitions. A worker that dies loses only its running tasks, which the scheduler gives to another worker;
a shard that still fails after its retries is reported with its error, and the next run tries it again.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from distributed import WorkerPlugin

from ..errors import ConfigError
from ..model import Analysis
from .shards import Shard, plan_shards, read_shard

__all__ = ["EventwirePlugin", "RunReport", "ShardResult", "code_shard", "connect", "run_shards"]

#: times a shard's task is tried again after an error (a lost worker is retried by the scheduler itself)
RETRIES = 2
PLUGIN = "eventwire"


@dataclass
class ShardOptions:
    published: Any = None
    source: str | None = None
    max_bytes: int = 20 * 1024 * 1024
    article_timeout: float | None = None


@dataclass
class ShardResult:
    index: int
    analyses: list[Analysis]
    worker: str
    seconds: float


@dataclass
class RunReport:
    shards: int = 0
    skipped: int = 0
    done: int = 0
    failed: list[tuple[Shard, str]] = field(default_factory=list)
    workers: int = 0


class EventwirePlugin(WorkerPlugin):
    """Loads the pipeline (spaCy, the stages' knowledge) once on each worker, before its first task."""

    name = PLUGIN

    def __init__(
        self,
        article_timeout: float | None = None,
        knowledge: Any = None,
        model: str | None = None,
        stages: tuple[str, ...] | None = None,
    ) -> None:
        self.article_timeout = article_timeout
        self.knowledge = knowledge  # the user's knowledge (--dict, eventwire.toml); None: the package's
        self.model = model
        self.stages = stages  # stage names (eventwire.toml); None: the default stages
        self.pipeline: Any = None

    def setup(self, worker: Any) -> None:
        from ..knowledge import Knowledge
        from ..nlp import NlpRunner
        from ..pipeline import Pipeline, default_stages
        from ..stages import stages_named

        self.pipeline = Pipeline(
            stages=stages_named(self.stages) if self.stages else default_stages(),
            article_timeout=self.article_timeout,
            knowledge=self.knowledge or Knowledge.default(),
            nlp=NlpRunner(self.model) if self.model else NlpRunner(),
        )
        self.pipeline.warm_up()


def _pipeline() -> Any:
    from distributed import get_worker

    plugin: Any = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.pipeline is None:  # registered after this worker started: load it now
        plugin = EventwirePlugin()
        plugin.setup(get_worker())
        get_worker().plugins[PLUGIN] = plugin
    return plugin.pipeline


def code_shard(shard: Shard, options: ShardOptions) -> ShardResult:
    """Read and code one shard on a worker (texts repeated inside the shard are coded once)."""
    from ..ingest.dedup import Deduplicator

    start = time.perf_counter()
    pipeline = _pipeline()
    dedup = Deduplicator()
    articles = []
    for article in read_shard(shard, options.max_bytes):
        if (options.published and article.published is None) or (options.source and article.source is None):
            article = replace(
                article, published=article.published or options.published, source=article.source or options.source
            )
        articles.append(dedup.mark(article))
    analyses = list(pipeline.code_articles(articles))
    return ShardResult(shard.index, analyses, f"{os.getpid()}", time.perf_counter() - start)


def connect(
    address: str,
    workers: int | None,
    article_timeout: float | None,
    knowledge: Any = None,
    model: str | None = None,
    stages: tuple[str, ...] | None = None,
) -> tuple[Any, Any]:
    """(client, local cluster or None) for ``--dask local`` or a scheduler's address; the workers load the
    pipeline with ``knowledge``, ``model`` and ``stages`` (None: the package's)."""
    from distributed import Client, LocalCluster

    cluster = None
    if address == "local":
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
        client = Client(cluster)
    else:
        if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
            raise ConfigError(f"--dask {address!r}: give `local` or a scheduler address such as tcp://HOST:8786")
        try:
            client = Client(address, timeout=30)
        except OSError as exc:
            raise ConfigError(f"--dask {address}: cannot reach the scheduler ({exc})") from exc
    client.register_plugin(EventwirePlugin(article_timeout, knowledge, model, stages), name=PLUGIN)
    return client, cluster


def run_shards(
    client: Any, shards: list[Shard], options: ShardOptions, window: int | None = None
) -> Iterator[tuple[Shard, list[Analysis] | None, str | None]]:
    """Code ``shards`` on the cluster; yield (shard, analyses or None, error or None) in shard order, as
    soon as every earlier shard is done. At most ``window`` tasks are in flight (memory stays bounded on any
    input); a finished result waits here only for the shards before it."""
    from distributed import as_completed

    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    window = window or max(4, 4 * nworkers)
    pending = iter(shards)
    owner: dict[str, Shard] = {}
    running = as_completed()

    def submit(shard: Shard) -> None:
        future = client.submit(code_shard, shard, options, pure=False, retries=RETRIES)
        owner[future.key] = shard
        running.add(future)

    for shard in itertools.islice(pending, window):
        submit(shard)
    ready: dict[int, tuple[list[Analysis] | None, str | None]] = {}
    order = [s.index for s in shards]
    by_index = {s.index: s for s in shards}
    cursor = 0
    for future in running:
        shard = owner.pop(future.key)
        try:
            result: ShardResult = future.result()
            ready[shard.index] = (result.analyses, None)
        except Exception as exc:  # tried RETRIES more times already, or lost on too many workers
            ready[shard.index] = (None, f"{type(exc).__name__}: {exc}")
        future.release()
        more = next(pending, None)
        if more is not None:
            submit(more)
        while cursor < len(order) and order[cursor] in ready:
            analyses, error = ready.pop(order[cursor])
            yield by_index[order[cursor]], analyses, error
            cursor += 1


def plan(inputs: list[str], partitions: int | None, done: set[str]) -> tuple[list[Shard], int]:
    """(shards to code, number skipped because an earlier run committed them)."""
    shards = plan_shards(inputs, partitions, stdin=sys.stdin.buffer if "-" in inputs else None)
    todo = [s for s in shards if s.key not in done]
    return todo, len(shards) - len(todo)


def unique_ids(analyses: list[Analysis], taken: Any) -> list[Analysis]:
    """Ids made unique across the run, in input order, as the one-process reader does (``id#2``)."""
    out = []
    for analysis in analyses:
        unique = taken.rename(analysis.article.id)
        if unique != analysis.article.id:
            analysis = analysis.with_(article=replace(analysis.article, id=unique))
        out.append(analysis)
    return out


def mark_duplicates(analyses: list[Analysis], seen: dict[str, str]) -> list[Analysis]:
    """An article whose text an earlier shard of the run had becomes ``duplicate_of`` that one (not coded),
    as in one process."""
    from ..ingest.dedup import text_key

    out = []
    for analysis in analyses:
        art = analysis.article
        if art.error is None and art.text.strip() and art.duplicate_of is None:
            first = seen.setdefault(text_key(art.text), art.id)
            if first != art.id:
                analysis = Analysis(article=replace(art, duplicate_of=first))
        out.append(analysis)
    return out
