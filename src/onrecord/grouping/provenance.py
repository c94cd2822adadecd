"""Provenance of a statement from its reports: first report, carriers, wordings.

Pure functions over quote rows (each joined with its article: ``id``,
``article_id``, ``text``, ``kind``, ``outlet``, ``url``, ``published``), shared
by the grouping stage (which stores the most common wording) and the views.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from onrecord.grouping.diff import render_diff, word_diff

__all__ = ["carriers", "clean_wording", "first_reported", "variants", "wording_key"]

Row = dict[str, Any]
# Direct words first when outlets are tied: they are the speaker's own.
_KIND_RANK = {"direct": 0, "partial": 1, "headline": 2, "according_to": 3, "indirect": 4}
_EDGE = re.compile(r"^[\s\"'“”‘’«»„,;:.…—–-]+|[\s\"'“”‘’«»„,;:…—–-]+$")


def _published_order(row: Row) -> tuple[bool, str, str]:
    published = row.get("published") or ""
    return (not published, str(published), str(row.get("article_id") or ""))


def clean_wording(text: str) -> str:
    """A quote's text with whitespace collapsed and quotation marks trimmed from its ends."""
    return _EDGE.sub("", re.sub(r"\s+", " ", text)).strip()


def wording_key(text: str) -> tuple[str, ...]:
    """Words without case or punctuation: two reports with one key use one wording."""
    return tuple(re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.casefold().replace("’", "'")))


def first_reported(rows: Sequence[Row]) -> dict[str, Any] | None:
    """The earliest published report: article id, outlet, url and date."""
    if not rows:
        return None
    first = min(rows, key=_published_order)
    return {
        "article_id": first.get("article_id"),
        "outlet": first.get("outlet"),
        "url": first.get("url"),
        "date": first.get("published"),
        "quote_id": first.get("id"),
    }


def carriers(rows: Sequence[Row]) -> list[str]:
    """The outlets that reported the statement, in order of their first publication."""
    seen: list[str] = []
    for row in sorted(rows, key=_published_order):
        outlet = row.get("outlet") or "(unknown outlet)"
        if outlet not in seen:
            seen.append(outlet)
    return seen


def variants(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Each wording with its outlets and quotes, most common first, with a diff against it.

    Wordings that differ only in case or punctuation are one variant. The most
    common is the one the most outlets used (then the most reports, then direct
    words, then the earliest); every other variant carries a word-level diff
    against it (``[-removed-]`` / ``{+added+}``) so a misquote stands out.
    """
    groups: dict[tuple[str, ...], list[Row]] = {}
    for row in sorted(rows, key=_published_order):
        groups.setdefault(wording_key(clean_wording(row["text"])), []).append(row)

    def rank(members: list[Row]) -> tuple:
        outlets = {m.get("outlet") for m in members}
        best_kind = min(_KIND_RANK.get(m.get("kind") or "", 5) for m in members)
        return (-len(outlets), -len(members), best_kind, _published_order(members[0]))

    ordered = sorted(groups.values(), key=rank)
    out: list[dict[str, Any]] = []
    reference = clean_wording(ordered[0][0]["text"]) if ordered else ""
    for members in ordered:
        text = clean_wording(members[0]["text"])
        outlets: list[str] = []
        for m in members:
            outlet = m.get("outlet") or "(unknown outlet)"
            if outlet not in outlets:
                outlets.append(outlet)
        ops = word_diff(reference, text) if out else []
        out.append(
            {
                "text": text,
                "outlets": outlets,
                "quotes": [m["id"] for m in members],
                "kinds": sorted({m.get("kind") or "" for m in members}),
                "diff": render_diff(ops) if out else None,
                "ops": ops,
            }
        )
    return out
