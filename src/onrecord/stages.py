"""The cross-article stages run after each ingest batch, in order.

Each stage is a callable ``(store, added_article_ids) -> None`` that updates
its tables incrementally, inside the batch's transaction: people first
(statements group by person), then statements, claims and stories.
"""

from __future__ import annotations

from collections.abc import Callable

from onrecord.store import Store

Stage = Callable[[Store, list[str]], None]


def cross_article_stages() -> list[Stage]:
    """The stage functions, in the order they must run."""
    from onrecord.grouping import update_groups
    from onrecord.people import update_people

    return [update_people, update_groups]
