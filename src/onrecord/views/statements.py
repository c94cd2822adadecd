"""Statements, claims and stories as plain rows: provenance of what was said.

`list_statements` is what the timeline and report views call; `statement`
adds each report and the wording diffs for the provenance view.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from onrecord.grouping.provenance import carriers, first_reported, variants
from onrecord.store import Store

__all__ = ["list_claims", "list_statements", "list_stories", "statement"]

Row = dict[str, Any]

_QUOTE_COLS = (
    "q.id, q.statement_id, q.article_id, q.text, q.kind, q.said_on, q.start, "
    "a.outlet, a.url, a.published, a.title"
)


def _reports(store: Store, statement_ids: Sequence[str]) -> dict[str, list[Row]]:
    rows = store.query_in(
        f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.statement_id IN ({marks}) ORDER BY a.published IS NULL, a.published, q.article_id, q.start",
        statement_ids,
    )
    out: dict[str, list[Row]] = {}
    for row in rows:
        out.setdefault(row["statement_id"], []).append(row)
    return out


def _statement_row(row: Row, reports: list[Row], with_diffs: bool) -> Row:
    wordings = variants(reports)
    if not with_diffs:
        wordings = [{"text": v["text"], "outlets": v["outlets"]} for v in wordings]
    return {
        "id": row["id"],
        "person": row["person"],
        "said_on": row["said_on"],
        "text": row["text"],
        "first_reported": first_reported(reports),
        "carriers": carriers(reports),
        "quotes": [r["id"] for r in reports],
        "variants": wordings,
        "claim_id": row["claim_id"],
        "tone": row["tone"],
    }


def _speaker_clause(speaker: str | None, column: str) -> tuple[list[str], list[Any]]:
    if not speaker:
        return [], []
    return [f"(lower({column}) LIKE lower(?) OR person_key LIKE lower(?))"], [f"%{speaker}%"] * 2


def list_statements(
    store: Store,
    speaker: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Statements by date: who, when, the most common wording, first report, carriers.

    Each row: ``id``, ``person``, ``said_on``, ``text``, ``first_reported``
    (article_id, outlet, url, date), ``carriers`` (outlets in order of
    publication), ``quotes`` (ids), ``variants`` ({"text", "outlets"}),
    ``claim_id`` and ``tone``.
    """
    clauses, params = _speaker_clause(speaker, "person")
    if since:
        clauses.append("said_on >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append("said_on <= ?")
        params.append(until.isoformat())
    sql = "SELECT id, person, said_on, text, claim_id, tone FROM statements"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY said_on IS NULL, said_on, person, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    reports = _reports(store, [r["id"] for r in rows])
    return [_statement_row(r, reports.get(r["id"], []), with_diffs=False) for r in rows]


def statement(store: Store, statement_id: str) -> Row | None:
    """One statement's provenance: as `list_statements`, with each report and wording diffs.

    ``variants`` items carry ``quotes``, ``kinds``, ``diff`` (text, ``[-removed-]``
    / ``{+added+}`` against the most common wording) and ``ops``; ``reports``
    lists each quote with its outlet, date, url and kind, earliest first.
    """
    rows = store.query(
        "SELECT id, person, said_on, text, claim_id, tone FROM statements WHERE id = ?",
        (statement_id,),
    )
    if not rows:
        return None
    reports = _reports(store, [statement_id]).get(statement_id, [])
    out = _statement_row(rows[0], reports, with_diffs=True)
    out["reports"] = [
        {
            "quote_id": r["id"],
            "article_id": r["article_id"],
            "outlet": r["outlet"],
            "published": r["published"],
            "said_on": r["said_on"],
            "url": r["url"],
            "kind": r["kind"],
            "text": r["text"],
        }
        for r in reports
    ]
    return out


def list_claims(store: Store, speaker: str | None = None) -> list[Row]:
    """Claims: ``id``, ``person``, ``text``, ``statements`` ({id, said_on, text}), ``first_said``, ``last_said``."""
    clauses, params = _speaker_clause(speaker, "person")
    sql = "SELECT id, person, text, first_said, last_said, method FROM claims"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    claims = store.query(sql + " ORDER BY first_said IS NULL, first_said, id", params)
    members = store.query_in(
        "SELECT id, claim_id, said_on, text FROM statements WHERE claim_id IN ({marks}) "
        "ORDER BY said_on IS NULL, said_on, id",
        [c["id"] for c in claims],
    )
    by_claim: dict[str, list[Row]] = {}
    for m in members:
        by_claim.setdefault(m["claim_id"], []).append(
            {"id": m["id"], "said_on": m["said_on"], "text": m["text"]}
        )
    return [
        {
            "id": c["id"],
            "person": c["person"],
            "text": c["text"],
            "statements": by_claim.get(c["id"], []),
            "first_said": c["first_said"],
            "last_said": c["last_said"],
            "method": c["method"],
        }
        for c in claims
    ]


def list_stories(store: Store) -> list[Row]:
    """Stories of two or more near-duplicate articles: ``id``, ``title``, ``size``, ``articles``."""
    stories = store.query(
        "SELECT id, title, first_article_id, first_published, size FROM stories "
        "ORDER BY first_published IS NULL, first_published, id"
    )
    articles = store.query_in(
        "SELECT id, story_id, outlet, published, title, url FROM articles WHERE story_id IN ({marks}) "
        "ORDER BY published IS NULL, published, id",
        [s["id"] for s in stories],
    )
    by_story: dict[str, list[Row]] = {}
    for a in articles:
        story = a.pop("story_id")
        by_story.setdefault(story, []).append(a)
    return [
        {
            "id": s["id"],
            "title": s["title"],
            "first_article_id": s["first_article_id"],
            "first_published": s["first_published"],
            "size": s["size"],
            "outlets": [a["outlet"] for a in by_story.get(s["id"], [])],
            "articles": by_story.get(s["id"], []),
        }
        for s in stories
    ]
