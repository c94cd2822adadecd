"""Stories: articles that are copies or light rewrites of one report.

An article's text minus its boilerplate spans is cut into word 3-shingles;
MinHash (64 permutations, 32 bands of 2) finds candidates through the
``story_lsh`` table, and a candidate is confirmed when the share of the
shorter article's shingles found in the longer one reaches
``STORY_THRESHOLD`` (a wire copy with a new intro or a cut tail still counts).
An article that matches nothing has no story; one that matches articles of
two stories merges them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from onrecord.grouping.lsh import StoreLSH, TokenMinHasher, band_keys
from onrecord.model import stable_id
from onrecord.store import Store
from onrecord.store.base import now_iso

__all__ = ["STORY_THRESHOLD", "article_shingles", "shingle_containment", "update_stories"]

STORY_THRESHOLD = 0.5
NUM_PERM = 64
BAND_ROWS = 2
#: Articles with fewer shingles than this are too short to call copies.
MIN_SHINGLES = 20

Row = dict[str, Any]
_HASHER: TokenMinHasher | None = None


def _hasher() -> TokenMinHasher:
    global _HASHER
    if _HASHER is None:
        _HASHER = TokenMinHasher(NUM_PERM, seed=7)
    return _HASHER


def prose(text: str, boilerplate: str | Sequence[Sequence[int]] | None) -> str:
    """The article text with its boilerplate spans removed."""
    spans = json.loads(boilerplate) if isinstance(boilerplate, str) else (boilerplate or [])
    if not spans:
        return text
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        pieces.append(text[cursor:start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return " ".join(pieces)


def article_shingles(text: str) -> frozenset[str]:
    """Word 3-shingles of a text (lower-cased words, punctuation dropped)."""
    words = re.findall(r"[^\W_]+", text.casefold())
    return frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))


def shingle_containment(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the smaller shingle set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def update_stories(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Cluster the given articles with stored near-duplicates; return the stories touched."""
    lsh = StoreLSH(store, "story_lsh")
    touched: set[str] = set()
    shingle_cache: dict[str, frozenset[str]] = {}

    def shingles_of(row: Row) -> frozenset[str]:
        if row["id"] not in shingle_cache:
            shingle_cache[row["id"]] = article_shingles(prose(row["text"], row["boilerplate"]))
        return shingle_cache[row["id"]]

    rows = store.query_in(
        "SELECT id, text, boilerplate, published, story_id FROM articles WHERE id IN ({marks})",
        article_ids,
    )
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    for row in rows:
        shingles = shingles_of(row)
        if len(shingles) < MIN_SHINGLES:
            continue
        signature = _hasher().signature(shingles)
        assert signature is not None
        keys = band_keys(signature, BAND_ROWS, "story")
        candidates = sorted(lsh.query(keys) - {row["id"]})
        for other in store.query_in(
            "SELECT id, text, boilerplate FROM articles WHERE id IN ({marks})",
            [c for c in candidates if c not in shingle_cache],
        ):
            shingles_of(other)
        # story ids are read afresh: earlier articles of this batch may have moved
        matched = [
            other
            for other in store.query_in(
                "SELECT id, story_id FROM articles WHERE id IN ({marks})", candidates
            )
            if shingle_containment(shingles, shingle_cache[other["id"]]) >= STORY_THRESHOLD
        ]
        lsh.insert(row["id"], keys)
        if not matched:
            continue
        stories = {m["story_id"] for m in matched if m["story_id"]}
        if stories:
            sizes = {
                r["story_id"]: r["n"]
                for r in store.query_in(
                    "SELECT story_id, COUNT(*) AS n FROM articles WHERE story_id IN ({marks}) "
                    "GROUP BY story_id",
                    sorted(stories),
                )
            }
            target = min(stories, key=lambda s: (-sizes.get(s, 0), s))
            for story in stories - {target}:
                store.execute(
                    "UPDATE articles SET story_id = ? WHERE story_id = ?", (target, story)
                )
                store.execute("DELETE FROM stories WHERE id = ?", (story,))
                touched.discard(story)
        else:
            target = stable_id("story", min(m["id"] for m in matched))
            store.execute(
                "INSERT INTO stories (id, updated_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                (target, now_iso()),
            )
        members = [row["id"]] + [m["id"] for m in matched if not m["story_id"]]
        store.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ?", [(target, m) for m in members]
        )
        touched.add(target)
    refresh_stories(store, touched)
    return touched


def refresh_stories(store: Store, story_ids: set[str]) -> None:
    """Recompute each story's first article, title and size."""
    members: dict[str, list[Row]] = {}
    for r in store.query_in(
        "SELECT id, story_id, title, published FROM articles WHERE story_id IN ({marks}) "
        "ORDER BY published IS NULL, published, id",
        sorted(story_ids),
    ):
        members.setdefault(r["story_id"], []).append(r)
    empty = [(story,) for story in sorted(story_ids) if story not in members]
    store.executemany("DELETE FROM stories WHERE id = ?", empty)
    store.executemany(
        "UPDATE stories SET title = ?, first_article_id = ?, first_published = ?, size = ?, "
        "updated_at = ? WHERE id = ?",
        [
            (rows[0]["title"], rows[0]["id"], rows[0]["published"], len(rows), now_iso(), story)
            for story, rows in sorted(members.items())
        ],
    )
