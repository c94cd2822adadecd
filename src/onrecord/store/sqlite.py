"""The embedded SQLite store (WAL mode, FTS5 search, migrations in a transaction)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from onrecord.errors import StoreError
from onrecord.model import ArticleResult, Rejected
from onrecord.store.base import (
    QuoteFilter,
    Row,
    Store,
    article_row,
    load_migrations,
    mention_rows,
    now_iso,
    quote_rows,
)

QUOTE_COLUMNS = (
    "q.id, q.article_id, a.source, a.doc_id, a.url, a.outlet, a.title, a.published, "
    "a.published_basis, q.said_on, q.said_on_precision, q.said_on_basis, q.kind, q.text, "
    'q.start, q."end", q.cue, q.cue_start, q.cue_end, q.cue_class, q.speaker_start, '
    "q.speaker_end, q.speaker_text, q.speaker, q.speaker_kind, q.speaker_basis, q.confidence, "
    "q.person_id, p.name AS person, q.person_basis, q.statement_id, a.story_id"
)
QUOTE_FROM = (
    "quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id"
)


def fts_phrase_query(text: str) -> str:
    """Turn free text into an FTS5 query of quoted terms (every term must appear)."""
    terms = re.findall(r"\w+", text)
    return " ".join(f'"{term}"' for term in terms) or '""'


class SQLiteStore(Store):
    """A store in one SQLite file. Safe for one writer and many readers (WAL)."""

    dialect = "sqlite"

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        try:
            if self.location != ":memory:":
                Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.location, isolation_level=None, timeout=30)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL").fetchall()
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: cannot open the SQLite store ({exc})") from None
        self._depth = 0
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.location}: not a usable SQLite store ({exc})") from None

    # -- primitives ---------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Run a read query and return its rows as dicts."""
        return [dict(row) for row in self._db.execute(sql, params)]

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Stream the rows of a read query."""
        for row in self._db.execute(sql, params):
            yield dict(row)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run a write statement and return the number of rows it changed."""
        return self._db.execute(sql, params).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement for many parameter rows."""
        self._db.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on success, roll back on any error; nested uses are savepoints."""
        name = f"sp{self._depth}"
        self._db.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self._db.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
            if self._depth:
                self._db.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self._db.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self._db.close()

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        for migration in load_migrations(self.dialect):
            if migration.number <= current:
                continue
            try:
                with self.transaction():
                    for statement in _split_sql(migration.sql):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {migration.number}")
            except sqlite3.Error as exc:
                raise StoreError(
                    f"{self.location}: migration {migration.number:04d}_{migration.name} failed ({exc})"
                ) from None

    # -- ingest -----------------------------------------------------------------------
    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        """The subset of ``article_ids`` already stored."""
        rows = self.query_in("SELECT id FROM articles WHERE id IN ({marks})", article_ids)
        return {row["id"] for row in rows}

    def save_batch(
        self, results: Sequence[ArticleResult], rejected: Sequence[Rejected], run_id: int | None
    ) -> tuple[int, int, int]:
        """Store a batch in one transaction; return the numbers newly added."""
        added_articles = added_quotes = added_rejected = 0
        with self.transaction():
            for result in results:
                row = article_row(result, run_id)
                names = ", ".join(f'"{k}"' for k in row)
                marks = ", ".join("?" * len(row))
                cursor = self._db.execute(
                    f"INSERT INTO articles ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                    list(row.values()),
                )
                if cursor.rowcount == 0:
                    continue  # already stored: idempotent
                added_articles += 1
                quotes = quote_rows(result)
                if quotes:
                    names = ", ".join(f'"{k}"' for k in quotes[0])
                    marks = ", ".join("?" * len(quotes[0]))
                    self._db.executemany(
                        f"INSERT INTO quotes ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                        [list(q.values()) for q in quotes],
                    )
                    self._db.executemany(
                        "INSERT INTO quotes_fts (quote_id, text, speaker) VALUES (?, ?, ?)",
                        [
                            (q["id"], q["text"], q["speaker"] or q["speaker_text"] or "")
                            for q in quotes
                        ],
                    )
                    added_quotes += len(quotes)
                mentions = mention_rows(result)
                if mentions:
                    names = ", ".join(f'"{k}"' for k in mentions[0])
                    marks = ", ".join("?" * len(mentions[0]))
                    self._db.executemany(
                        f"INSERT INTO mentions ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING",
                        [list(m.values()) for m in mentions],
                    )
            for item in rejected:
                cursor = self._db.execute(
                    "INSERT INTO rejected (source, stage, reason, run_id, seen_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (source, stage, reason) DO NOTHING",
                    (item.source, item.stage, item.reason, run_id, now_iso()),
                )
                added_rejected += cursor.rowcount
        return added_articles, added_quotes, added_rejected

    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record the start of a run and return its id."""
        with self.transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (command, inputs, started_at) VALUES (?, ?, ?)",
                (command, json.dumps(list(inputs)), now_iso()),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(
        self, run_id: int, articles: int, quotes: int, rejected: int, status: str
    ) -> None:
        """Record how a run ended."""
        with self.transaction():
            self._db.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, quotes = ?, rejected = ?, status = ? "
                "WHERE id = ?",
                (now_iso(), articles, quotes, rejected, status, run_id),
            )

    # -- reading ------------------------------------------------------------------------
    def quotes(self, where: QuoteFilter) -> list[Row]:
        """Quotes joined with their article's metadata, ordered by said_on then position."""
        clauses, params = quote_clauses(where)
        sql = f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_FROM}"
        if where.search:
            sql += " JOIN quotes_fts f ON f.quote_id = q.id"
            clauses.append("quotes_fts MATCH ?")
            params.append(fts_phrase_query(where.search))
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY COALESCE(q.said_on, a.published) IS NULL, COALESCE(q.said_on, a.published), a.published, q.article_id, q.start"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        return self.query(sql, params)

    def rejected(self) -> list[Row]:
        """Every rejected input, oldest first."""
        return self.query("SELECT source, stage, reason, seen_at FROM rejected ORDER BY id")

    def articles(self, outlet: str | None = None) -> list[Row]:
        """Articles without their text, ordered by publication date."""
        sql = (
            "SELECT id, source, doc_id, url, outlet, title, byline, published, published_basis, story_id, "
            "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes FROM articles a"
        )
        params: list[Any] = []
        if outlet:
            sql += " WHERE lower(outlet) = lower(?)"
            params.append(outlet)
        return self.query(sql + " ORDER BY published IS NULL, published, id", params)

    def article(self, article_id: str) -> Row | None:
        """One article with its text, or None."""
        rows = self.query("SELECT * FROM articles WHERE id = ?", (article_id,))
        return rows[0] if rows else None


def quote_clauses(where: QuoteFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (``?`` placeholders) for a `QuoteFilter`, shared by the backends."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.cues != "all":
        clauses.append("q.cue_class = ?")
        params.append(where.cues)
    if where.speaker:
        names = "(lower(q.speaker) LIKE lower(?) OR lower(q.speaker_text) LIKE lower(?))"
        params += [f"%{where.speaker}%"] * 2
        if where.person_ids:
            marks = ", ".join("?" * len(where.person_ids))
            names = f"(q.person_id IN ({marks}) OR {names})"
            params[-2:-2] = list(where.person_ids)
        clauses.append(names)
    if where.outlet:
        clauses.append("lower(a.outlet) LIKE lower(?)")
        params.append(f"%{where.outlet}%")
    if where.since:
        clauses.append("COALESCE(q.said_on, a.published) >= ?")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append("COALESCE(q.said_on, a.published) <= ?")
        params.append(where.until.isoformat())
    if where.kind:
        clauses.append("q.kind = ?")
        params.append(where.kind)
    if where.article_id:
        clauses.append("q.article_id = ?")
        params.append(where.article_id)
    return clauses, params


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our literals)."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    return [part.strip() for part in body.split(";") if part.strip()]
