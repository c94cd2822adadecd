"""Ingest: sources → per-article pipeline → store, in transactional batches.

A batch is committed as one transaction, so a run killed at any point leaves
the store as it was after the last full batch; articles already stored are
skipped before any NLP, so re-running completes the work with no duplicates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from onrecord.model import Article, ArticleResult, Rejected
from onrecord.pipeline import Cues, Pipeline, process_articles
from onrecord.settings import setting
from onrecord.sources import read_sources
from onrecord.stages import takes_results
from onrecord.store import Store

Progress = Callable[[int, int], None]  # (articles done, rejected so far)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    articles: int = 0
    quotes: int = 0
    rejected: int = 0
    skipped: int = 0
    rejections: list[Rejected] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input was used, 1 when some were rejected."""
        return 1 if self.rejections else 0


Stage = Callable[[Store, list[str]], None]


class BatchWriter:
    """Writes articles and rejections to a store in transactional batches.

    Each batch is saved in one transaction together with the cross-article
    ``after_batch`` stages, given the ids of the articles it added (and, to
    those with a ``take_results`` method, the batch's results), so a crash
    leaves the store as it was after the last whole batch. The run is recorded
    in ``runs``: used as a context manager, it is marked done, or failed if an
    error escapes. Shared by `ingest` and the Spark output loader.
    """

    def __init__(
        self,
        store: Store,
        command: str,
        inputs: Sequence[str],
        after_batch: Sequence[Stage] = (),
        batch_size: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.after_batch = after_batch
        self.batch_size = batch_size or int(setting("batch_articles"))
        self.progress = progress
        self.summary = IngestSummary()
        self.results: list[ArticleResult] = []
        self.rejections: list[Rejected] = []
        self._run_id = store.start_run(command, inputs)
        self._status = "failed"

    def add(self, item: ArticleResult | Rejected) -> None:
        """Queue one result or rejection; a full batch is written at once."""
        if isinstance(item, Rejected):
            self.rejections.append(item)
        else:
            self.results.append(item)
            if len(self.results) >= self.batch_size:
                self.flush()
        if self.progress:
            done = self.summary.articles + len(self.results)
            self.progress(done, self.summary.rejected + len(self.rejections))

    def flush(self) -> None:
        """Write what is queued, with the cross-article stages, in one transaction."""
        rejections = list(self.rejections)
        with self.store.transaction():
            articles, quotes, _ = self.store.save_batch(self.results, rejections, self._run_id)
            added = [r.article.id for r in self.results]
            for stage in self.after_batch:
                if takes_results(stage):
                    stage.take_results(self.results)  # type: ignore[attr-defined]
                stage(self.store, added)
        self.summary.articles += articles
        self.summary.quotes += quotes
        self.summary.rejected += len(rejections)
        self.summary.rejections.extend(rejections)
        self.results.clear()
        self.rejections.clear()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, error_type: type[BaseException] | None, *rest: object) -> None:
        try:
            if error_type is None:
                self.flush()
                self._status = "done"
        finally:
            summary = self.summary
            self.store.finish_run(
                self._run_id, summary.articles, summary.quotes, summary.rejected, self._status
            )


def _new_articles(
    items: Iterable[Article | Rejected],
    store: Store,
    summary: IngestSummary,
    rejected_out: list[Rejected],
) -> Iterator[Article]:
    """Articles not yet in the store (nor earlier in this run); rejections go aside."""
    seen: set[str] = set()
    iterator = iter(items)
    while True:
        block = list(itertools.islice(iterator, 256))
        if not block:
            return
        articles = [a for a in block if isinstance(a, Article)]
        rejected_out.extend(r for r in block if isinstance(r, Rejected))
        known = store.known_articles([a.id for a in articles])
        for article in articles:
            if article.id in known or article.id in seen:
                summary.skipped += 1
                continue
            seen.add(article.id)
            yield article


def ingest(
    paths: Sequence[str],
    store: Store,
    workers: int = 1,
    cues: Cues = "speech",
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
    after_batch: Sequence[Stage] = (),
    manifest: str | None = None,
) -> IngestSummary:
    """Ingest every source named by ``paths`` into ``store`` and return a summary.

    ``after_batch`` callables (the cross-article stages: people, grouping) are
    given the store and the ids of the articles a batch added, inside the
    batch's transaction. ``manifest`` names a CSV/JSONL of per-file metadata
    kept outside the article folders. With ``workers > 1``, the per-article
    work a stage can take from the results (the quote sentence vectors of the
    claims stage, see `onrecord.stages`) is done in the worker processes too;
    with one worker it is left to the stage, which does only what it needs.
    """
    with BatchWriter(store, "ingest", paths, after_batch, progress=progress) as writer:
        fresh = _new_articles(
            read_sources(paths, manifest), store, writer.summary, writer.rejections
        )
        for item in process_articles(
            fresh,
            workers=workers,
            cues=cues,
            pipeline=pipeline,
            chunk_size=int(setting("chunk_articles")),
            embed=workers > 1 and any(takes_results(stage) for stage in after_batch),
        ):
            writer.add(item)
    return writer.summary
