"""Quote and article listings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from onrecord.store import QuoteFilter, Store


def list_quotes(store: Store, where: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes matching ``where``, each with its article's metadata, dates and person.

    ``where.speaker`` matches any alias of a canonical person, as well as the
    speaker as written or resolved in the article.
    """
    if where.speaker and not where.person_ids:
        from onrecord.people import person_ids_matching

        where = replace(where, person_ids=tuple(person_ids_matching(store, where.speaker)))
    return store.quotes(where)


def list_articles(store: Store, outlet: str | None = None) -> list[dict[str, Any]]:
    """Stored articles (no text), by publication date."""
    return store.articles(outlet)
