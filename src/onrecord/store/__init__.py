"""The store: one interface, an SQLite file by default.

`open_store` picks the backend from the location: a ``postgresql://`` URL opens
PostgreSQL (the ``postgres`` extra), anything else is an SQLite file path.
"""

from __future__ import annotations

import os
from pathlib import Path

from onrecord.errors import StoreError
from onrecord.store.base import QuoteFilter, Store
from onrecord.store.sqlite import SQLiteStore

DEFAULT_DB = "onrecord.db"

__all__ = ["DEFAULT_DB", "QuoteFilter", "SQLiteStore", "Store", "default_location", "open_store"]


def default_location() -> str:
    """The store named by ``ONRECORD_DB``, else ``./onrecord.db``."""
    return os.environ.get("ONRECORD_DB") or DEFAULT_DB


def open_store(location: str | None = None, create: bool = True) -> Store:
    """Open (migrating as needed) the store at ``location``.

    With ``create=False`` a missing SQLite file is an error rather than a new,
    empty store: a mistyped ``--db`` must not look like a store with nothing in it.
    """
    location = location or default_location()
    if location.startswith(("postgresql://", "postgres://")):
        from onrecord.store.postgres import PostgresStore

        return PostgresStore(location)
    if not create and location != ":memory:" and not Path(location).exists():
        raise StoreError(
            f"{location}: no store here; run `onrecord ingest` first, or check --db / ONRECORD_DB"
        )
    return SQLiteStore(location)
