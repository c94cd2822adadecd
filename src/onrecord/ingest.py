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
    after_batch: Sequence[Callable[[Store, list[str]], None]] = (),
    manifest: str | None = None,
) -> IngestSummary:
    """Ingest every source named by ``paths`` into ``store`` and return a summary.

    ``after_batch`` callables (the cross-article stages: people, grouping) are
    given the store and the ids of the articles a batch added, inside the
    batch's transaction. ``manifest`` names a CSV/JSONL of per-file metadata
    kept outside the article folders.
    """
    summary = IngestSummary()
    batch_size = int(setting("batch_articles"))
    run_id = store.start_run("ingest", paths)
    pending_rejected: list[Rejected] = []
    batch: list[ArticleResult] = []

    def flush() -> None:
        rejections = list(pending_rejected)
        with store.transaction():
            articles, quotes, _ = store.save_batch(batch, rejections, run_id)
            added = [r.article.id for r in batch]
            for stage in after_batch:
                stage(store, added)
        summary.articles += articles
        summary.quotes += quotes
        summary.rejected += len(rejections)
        summary.rejections.extend(rejections)
        pending_rejected.clear()
        batch.clear()

    status = "failed"
    try:
        fresh = _new_articles(read_sources(paths, manifest), store, summary, pending_rejected)
        for item in process_articles(
            fresh,
            workers=workers,
            cues=cues,
            pipeline=pipeline,
            chunk_size=int(setting("chunk_articles")),
        ):
            if isinstance(item, Rejected):
                pending_rejected.append(item)
            else:
                batch.append(item)
            if len(batch) >= batch_size:
                flush()
            if progress:
                progress(summary.articles + len(batch), summary.rejected + len(pending_rejected))
        flush()
        status = "done"
    finally:
        store.finish_run(run_id, summary.articles, summary.quotes, summary.rejected, status)
    return summary
