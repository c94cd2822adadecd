"""Quote and article listings."""

from __future__ import annotations

from typing import Any

from onrecord.store import QuoteFilter, Store


def list_quotes(store: Store, where: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes matching ``where``, each with its article's metadata and dates."""
    return store.quotes(where)


def list_articles(store: Store, outlet: str | None = None) -> list[dict[str, Any]]:
    """Stored articles (no text), by publication date."""
    return store.articles(outlet)
