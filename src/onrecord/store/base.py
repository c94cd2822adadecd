"""The `Store` interface every backend implements, and the shared row mapping."""

from __future__ import annotations

import functools
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

from onrecord.model import ArticleResult, Rejected

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes to list; every field narrows the result, None means any."""

    speaker: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    kind: str | None = None
    cues: str = "speech"  # "speech" keeps speech cues only; "all" keeps every class
    article_id: str | None = None
    limit: int | None = None
    person_ids: tuple[str, ...] = ()  # canonical people whose any alias matched ``speaker``


@dataclass(frozen=True, slots=True)
class Migration:
    """A named schema change: its number, name and SQL script."""

    number: int
    name: str
    sql: str


@functools.cache
def load_migrations(dialect: str) -> tuple[Migration, ...]:
    """Return the package's migrations in order, preferring ``NNNN_name.<dialect>.sql`` files."""
    folder = resources.files("onrecord.store").joinpath("migrations")
    chosen: dict[int, Migration] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        parts = entry.name.split(".")
        if parts[-1] != "sql":
            continue
        if len(parts) == 3 and parts[1] != dialect:
            continue
        number_text, _, name = parts[0].partition("_")
        migration = Migration(int(number_text), name, entry.read_text("utf-8"))
        if len(parts) == 3 or int(number_text) not in chosen:
            chosen[int(number_text)] = migration
    return tuple(chosen[n] for n in sorted(chosen))


def now_iso() -> str:
    """The current UTC time as an ISO string, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def article_row(result: ArticleResult, run_id: int | None) -> Row:
    """The ``articles`` row for an article."""
    article = result.article
    return {
        "id": article.id,
        "source": article.source,
        "doc_id": article.doc_id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "published_basis": article.published_basis,
        "text": article.text,
        "boilerplate": json.dumps([list(span) for span in article.boilerplate]),
        "run_id": run_id,
        "ingested_at": now_iso(),
    }


def quote_rows(result: ArticleResult) -> list[Row]:
    """The ``quotes`` rows for an article's quotes."""
    article_id = result.article.id
    rows: dict[str, Row] = {}  # by id: two quotes over one span are one quote, stored once
    for quote in result.quotes:
        rows.setdefault(
            quote.id_in(article_id),
            {
                "id": quote.id_in(article_id),
                "article_id": article_id,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "kind": quote.kind,
                "cue": quote.cue,
                "cue_start": quote.cue_start,
                "cue_end": quote.cue_end,
                "cue_class": quote.cue_class,
                "speaker_start": quote.speaker_start,
                "speaker_end": quote.speaker_end,
                "speaker_text": quote.speaker_text,
                "speaker": quote.speaker,
                "speaker_kind": quote.speaker_kind,
                "speaker_basis": quote.speaker_basis,
                "said_on": quote.said_on.isoformat() if quote.said_on else None,
                "said_on_precision": quote.said_on_precision,
                "said_on_basis": quote.said_on_basis,
                "confidence": quote.confidence,
                "spans": json.dumps([list(span) for span in quote.spans]),
            },
        )
    return list(rows.values())


def mention_rows(result: ArticleResult) -> list[Row]:
    """The ``mentions`` rows for an article's named mentions (one per span)."""
    article_id = result.article.id
    unique = {(m.start, m.end): m for m in result.mentions}
    return [
        {
            "article_id": article_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "name": m.name,
            "kind": m.kind,
            "role": m.role,
        }
        for m in unique.values()
    ]


class Store(ABC):
    """What onrecord asks of a store. Backends: `SQLiteStore`, `PostgresStore`.

    Writes go through `save_batch`, one transaction per batch: a crash leaves
    the store as it was before the batch, and re-running completes it.
    """

    location: str
    dialect: str

    # -- primitives shared by the cross-article stages -----------------------
    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Run a read query (``?`` placeholders) and return its rows as dicts."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run a write statement (``?`` placeholders) and return the affected row count."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement for many parameter rows."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A context in which writes commit together or not at all (nestable)."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @abstractmethod
    def schema_version(self) -> int:
        """The number of the last migration applied."""

    # -- ingest -----------------------------------------------------------------
    @abstractmethod
    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        """The subset of ``article_ids`` already stored."""

    @abstractmethod
    def save_batch(
        self, results: Sequence[ArticleResult], rejected: Sequence[Rejected], run_id: int | None
    ) -> tuple[int, int, int]:
        """Store a batch in one transaction; return (articles, quotes, rejected) newly added."""

    @abstractmethod
    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record the start of a run and return its id."""

    @abstractmethod
    def finish_run(
        self, run_id: int, articles: int, quotes: int, rejected: int, status: str
    ) -> None:
        """Record how a run ended."""

    # -- reading ----------------------------------------------------------------
    @abstractmethod
    def quotes(self, where: QuoteFilter) -> list[Row]:
        """Quotes joined with their article's metadata, ordered by said_on then position."""

    @abstractmethod
    def rejected(self) -> list[Row]:
        """Every rejected input: source, stage, reason, seen_at."""

    @abstractmethod
    def articles(self, outlet: str | None = None) -> list[Row]:
        """Articles without their text, ordered by publication date."""

    @abstractmethod
    def article(self, article_id: str) -> Row | None:
        """One article with its text, or None."""

    def counts(self) -> dict[str, int]:
        """How many articles, quotes and rejected inputs the store holds."""
        out = {}
        for table in ("articles", "quotes", "rejected"):
            out[table] = self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        return out

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Rows of a read query, one at a time (backends may stream)."""
        yield from self.query(sql, params)

    def query_in(
        self, sql: str, values: Sequence[Any], params: Sequence[Any] = (), chunk: int = 400
    ) -> list[Row]:
        """Rows of ``sql`` whose ``{marks}`` placeholder is filled with ``values``, in chunks.

        ``sql`` holds ``IN ({marks})`` once; ``params`` are bound before the values.
        Long lists are split so no statement passes the backends' parameter limits;
        duplicates in ``values`` are asked once.
        """
        unique = list(dict.fromkeys(values))
        rows: list[Row] = []
        for start in range(0, len(unique), chunk):
            part = unique[start : start + chunk]
            rows += self.query(sql.format(marks=", ".join("?" * len(part))), [*params, *part])
        return rows
