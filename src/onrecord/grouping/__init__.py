"""Grouping across articles: statements, claims and stories, kept up to date incrementally.

* a **statement** is one utterance behind several outlets' quotes
  (`statements`: MinHash LSH candidates, confirmed by `similarity`);
* a **claim** is what a person keeps saying: statements across any dates with
  the same meaning (`claims`: sentence embeddings, or words without the extra);
* a **story** is a set of near-duplicate articles (`stories`).

`update_groups` is the cross-article stage run after each ingest batch, inside
its transaction: only the new articles' quotes are looked up, in buckets kept
in the store, so adding an article never regroups the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.store import Store

__all__ = ["rebuild_groups", "update_groups"]


def update_groups(store: Store, article_ids: Sequence[str], embedder: object = "auto") -> None:
    """Add the given (already stored) articles to stories, statements and claims."""
    from onrecord.grouping.claims import update_claims
    from onrecord.grouping.statements import update_statements
    from onrecord.grouping.stories import update_stories

    if not article_ids:
        return
    with store.transaction():
        update_stories(store, article_ids)
        touched = update_statements(store, article_ids)
        update_claims(store, touched, embedder=embedder)


def rebuild_groups(store: Store, batch: int = 256, embedder: object = "auto") -> None:
    """Forget every statement, claim and story and group the whole store again.

    Needed after the grouping rules change or when people first sets
    ``quotes.person_id``; articles are taken in publication order.
    """
    with store.transaction():
        for table in (
            "statement_lsh",
            "story_lsh",
            "statement_vectors",
            "statements",
            "claims",
            "stories",
        ):
            store.execute(f"DELETE FROM {table}")
        store.execute("UPDATE quotes SET statement_id = NULL")
        store.execute("UPDATE articles SET story_id = NULL")
        ids = [
            r["id"]
            for r in store.query(
                "SELECT id FROM articles ORDER BY published IS NULL, published, id"
            )
        ]
        for i in range(0, len(ids), batch):
            update_groups(store, ids[i : i + batch], embedder=embedder)
