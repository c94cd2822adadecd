"""The cross-article stages run after each ingest batch, in order.

Each stage is a callable ``(store, added_article_ids) -> None`` that updates
its tables incrementally, inside the batch's transaction: people first
(statements group by person), then statements, claims and stories.

A stage may also have a ``take_results(results)`` method: the writer hands it
the batch's `ArticleResult`s first, with what the per-article stages computed
for it (the grouping stage takes the quote sentence vectors computed in the
worker processes, see `onrecord.grouping.vectors`), and ingest asks its
workers to compute them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from onrecord.model import ArticleResult
from onrecord.store import Store

Stage = Callable[[Store, list[str]], None]


class GroupingStage:
    """`grouping.update_groups`, embedding claims' sentences with the workers' vectors.

    It keeps one `SentenceVectors` for the run: the vectors the workers
    attached to each batch's results, and those encoded here when missing.
    """

    def __init__(self) -> None:
        from onrecord.grouping.vectors import SentenceVectors

        self.vectors = SentenceVectors()

    def take_results(self, results: Sequence[ArticleResult]) -> None:
        """Remember the sentence vectors computed with the batch's articles."""
        self.vectors.add_results(results)

    def __call__(self, store: Store, article_ids: list[str]) -> None:
        """Add the given (already stored) articles to stories, statements and claims."""
        from onrecord.grouping import update_groups

        update_groups(store, article_ids, embedder=self.vectors)


def takes_results(stage: Stage) -> bool:
    """True when a stage wants the batch's results (see the module docstring)."""
    return callable(getattr(stage, "take_results", None))


def cross_article_stages() -> list[Stage]:
    """The stage functions, in the order they must run."""
    from onrecord.people import update_people

    return [update_people, GroupingStage()]
