"""The ordered list of stages: Article in, coded Analysis out; a worker pool around it.

    ingest -> nlp -> actors -> quotes -> events -> dates -> mentions -> places -> claims -> assess -> record

Each stage is a small picklable object with a ``name`` and ``__call__(doc, analysis) -> analysis``, which
declares what it ``requires`` and ``assigns`` (``stages.py``: the order is checked as the pipeline is built); the
stages read the pipeline's ``knowledge`` (its event patterns and people made active around them; its cue
words, claims and gazetteer places given to the stages that read them as the pipeline is built), so
pipelines with different knowledge can run in one process.
A stage that raises fails only its article: the article's record carries ``error`` (stage and
reason) and the batch goes on. With ``article_timeout`` set, an article whose parse and stages take
longer than that many seconds stops there and becomes an error record (the stage it was in); the
run goes on and the output keeps input order. Texts up to ``nlp.CHUNK_CHARS`` are parsed in batches;
a longer one is parsed on its own, in pieces, inside its budget.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from .budget import ArticleTimeout, budget
from .knowledge import Knowledge
from .model import Analysis, Article, StageFailure
from .nlp import CHUNK_CHARS, NlpRunner
from .stages import Stage, builtin_stages, check_order, with_knowledge

__all__ = ["Pipeline", "Stage", "default_stages"]


def default_stages() -> list[Stage]:
    """The stages in the order they run."""
    return [factory() for factory in builtin_stages().values()]


@dataclass
class Pipeline:
    """Codes articles. Picklable: each worker process loads spaCy and the stage data once."""

    stages: list[Stage] = field(default_factory=default_stages)
    nlp: NlpRunner = field(default_factory=NlpRunner)
    #: seconds each article may take (parse and stages); None: no limit
    article_timeout: float | None = None
    #: the knowledge the stages read (the package's, plus user files: ``Knowledge.load(paths)``)
    knowledge: Knowledge = field(default_factory=Knowledge.default)
    #: whether this process has loaded the model and the stages' data (not counted in any budget)
    _warm: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_order(self.stages)
        self.stages = [with_knowledge(stage, self.knowledge) for stage in self.stages]

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_warm": False}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def warm_up(self) -> None:
        """Load the model, the language identifier and every stage's data once, so that no article's budget
        pays for it (and workers forked after it share them).

        What is loaded then lives as long as the process: it is frozen out of the cyclic garbage collector
        (``gc.freeze``), which otherwise walks those millions of objects at every full collection (about 4% of
        the coding time) and, in forked workers, writes to every page it walks (copy on write)."""
        if not self._warm:
            from .ingest.language import detect

            text = "Kenya accused Tanzania on Monday of closing the border, officials in Nairobi said."
            detect(text)
            self.run_stages(self.nlp.parse(text), Analysis(article=Article("warm-up", text)))
            self._warm = True
            gc.collect()
            gc.freeze()

    def run_stages(self, doc: Doc, analysis: Analysis) -> Analysis:
        with self.knowledge.active():
            return self._run_stages(doc, analysis)

    def _run_stages(self, doc: Doc, analysis: Analysis) -> Analysis:
        for stage in self.stages:
            try:
                analysis = stage(doc, analysis)
            except ArticleTimeout:
                return replace(analysis, error=self._timed_out(stage.name))
            except Exception as exc:  # one bad article never kills a batch
                failure = StageFailure(stage=stage.name, message=f"{type(exc).__name__}: {exc}")
                return replace(analysis, error=failure)
        return analysis

    def _timed_out(self, stage: str) -> StageFailure:
        return StageFailure(
            stage,
            f"the article took longer than its time budget of {self.article_timeout:g} s and was stopped in "
            "this stage (raise --article-timeout, or split the article)",
        )

    def _code_one(self, analysis: Analysis, doc: Doc | None) -> Analysis:
        """Parse (when ``doc`` is None) and run the stages inside the article's time budget."""
        result: Analysis | None = None
        if self.article_timeout is not None:
            self.warm_up()
        try:
            with budget(self.article_timeout):
                result = self._parse_and_run(analysis, doc)
        except ArticleTimeout:  # the budget ran out just as the article was done
            pass
        return result if result is not None else replace(analysis, error=self._timed_out("nlp"))

    def _parse_and_run(self, analysis: Analysis, doc: Doc | None) -> Analysis:
        if doc is None:
            try:
                doc = self.nlp.parse(analysis.article.text)
            except ArticleTimeout:
                return replace(analysis, error=self._timed_out("nlp"))
            except Exception as exc:
                return replace(analysis, error=StageFailure("nlp", f"{type(exc).__name__}: {exc}"))
        return self.run_stages(doc, analysis)

    def code_text(self, text: str, **meta: object) -> Analysis:
        """Code one text (``meta``: id, url, title, published, source)."""
        article = Article(id=str(meta.pop("id", "text")), text=text, **meta)  # type: ignore[arg-type]
        return next(self.code_articles([article]))

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Code articles in this process, in order (an article not in English is skipped with its reason)."""
        from .ingest.language import check_language

        pending: list[Article] = []
        for article in articles:
            pending.append(check_language(article))
            if len(pending) >= self.nlp.batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[Analysis]:
        # parsed docs are keyed by position in the batch, never by id: ids may repeat
        failures: dict[int, StageFailure] = {}
        ok = [i for i, a in enumerate(batch) if a.error is None and a.duplicate_of is None and a.text.strip()]
        short = [i for i in ok if len(batch[i].text) <= CHUNK_CHARS]  # long ones: parsed in their budget
        try:
            docs = dict(zip(short, self.nlp.pipe(batch[i].text for i in short), strict=True))
        except Exception:  # one text broke the batch: parse one by one to isolate it
            docs = {}
            for i in short:
                try:
                    docs[i] = self.nlp.parse(batch[i].text)
                except Exception as exc:
                    failures[i] = StageFailure("nlp", f"{type(exc).__name__}: {exc}")
        for i, article in enumerate(batch):
            analysis = Analysis(article=article, error=article.error)
            if article.error is not None or article.duplicate_of is not None:
                yield analysis
            elif i in failures:
                yield replace(analysis, error=failures[i])
            elif i not in ok:
                yield replace(analysis, error=StageFailure("nlp", "empty text after cleaning"))
            else:
                yield self._code_one(analysis, docs.pop(i, None))

    def pool(self, workers: int) -> ProcessPoolExecutor:
        """A pool of ``workers`` processes that code with this pipeline, loaded once here and forked: no
        worker loads spaCy or the knowledge files again, and their pages stay shared until written. Keep it
        (``with pipeline.pool(n) as pool``, then ``code_parallel(..., pool=pool)``) to code many inputs with
        warm workers."""
        self.warm_up()
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=_fork_context(), initializer=_init_worker, initargs=(self,)
        )

    def code_parallel(
        self,
        articles: Iterable[Article],
        workers: int | None = None,
        chunk: int = 16,
        pool: ProcessPoolExecutor | None = None,
    ) -> Iterator[Analysis]:
        """Code articles with ``workers`` processes (those of ``pool`` when given: it stays open); results
        come back in input order."""
        workers = workers or os.cpu_count() or 1
        stream = iter(articles)
        head = list(itertools.islice(stream, chunk + 1))
        if pool is None and (workers <= 1 or len(head) <= chunk):  # one chunk: a pool only adds start-up
            yield from self.code_articles(itertools.chain(head, stream))
            return
        articles = itertools.chain(head, stream)
        if pool is not None:
            yield from _feed(pool, articles, workers, chunk)
            return
        with self.pool(workers) as own:
            yield from _feed(own, articles, workers, chunk)


def _feed(pool: ProcessPoolExecutor, articles: Iterable[Article], workers: int, chunk: int) -> Iterator[Analysis]:
    """Chunks to the pool, results back in order; a bounded number of chunks in flight keeps memory flat."""
    in_flight: list[Any] = []
    for part in _chunked(articles, chunk):
        in_flight.append(pool.submit(_code_chunk, part))
        if len(in_flight) >= workers * 2:
            yield from in_flight.pop(0).result()
    for fut in in_flight:
        yield from fut.result()


def _fork_context() -> Any:
    """``fork`` where the platform has it (workers then share the parent's loaded model, copy on write)."""
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)


def _chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class _Worker:
    """The pipeline of one worker process, set once by the pool's initializer."""

    pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    _Worker.pipeline = pipeline


def _code_chunk(part: list[Article]) -> list[Analysis]:
    assert _Worker.pipeline is not None, "worker not initialised"
    return list(_Worker.pipeline.code_articles(part))
