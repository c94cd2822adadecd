"""What the HTML report shows, read from the store: statements and local-source passages.

`report_data` turns a `Selection` into the arguments of
`onrecord.report.render_report`: a title, a subtitle, one dict per statement
and an appendix entry for each statement first reported by an article that has
no web address (a local file), holding the quoted passage in its context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.report import safe_url
from onrecord.store import Store
from onrecord.views.timeline import Selection, quote_contexts, select_statements, tone_of

__all__ = ["CONTEXT_CHARS", "ReportData", "appendix_entry", "report_data", "report_statements"]

Row = dict[str, Any]

#: Characters of article text shown on each side of a quoted passage.
CONTEXT_CHARS = 300


@dataclass(frozen=True, slots=True)
class ReportData:
    """The arguments of `render_report`."""

    title: str
    subtitle: str
    statements: list[Row]
    appendix: list[Row]


def _anchor(quote_id: str) -> str:
    return "source-" + re.sub(r"[^A-Za-z0-9_-]", "-", quote_id)


def _trim_before(text: str, limit: int) -> str:
    """The last ``limit`` characters of ``text``, starting at a word."""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < 40 else cut


def _trim_after(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, ending at a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit - 40 else cut


def appendix_entry(anchor: str, article: Row, context: Row, limit: int = CONTEXT_CHARS) -> Row:
    """An appendix entry: the article's outlet, title and date, and the passage around the quote."""
    return {
        "anchor": anchor,
        "outlet": article.get("outlet"),
        "title": article.get("title"),
        "published": article.get("published"),
        "source": article.get("source"),
        "text_before": _trim_before(context["before"], limit),
        "quote": context["quote"],
        "text_after": _trim_after(context["after"], limit),
    }


def report_statements(
    store: Store, statements: Sequence[Row], scorer: Any = None
) -> tuple[list[Row], list[Row]]:
    """The report's statement dicts and appendix for rows of `list_statements`.

    A statement links to its first report's web address when it has one;
    otherwise to an appendix entry (``source_anchor``) with the quoted passage
    and up to `CONTEXT_CHARS` characters of the stored text on each side.
    ``scorer`` (a `ToneScorer`) scores statements stored without a tone; with
    neither, ``tone`` is None (unknown), which the report draws apart.
    """
    local_quotes: dict[str, str] = {}
    for row in statements:
        first = row.get("first_reported") or {}
        if not safe_url(first.get("url")) and first.get("quote_id"):
            local_quotes[first["quote_id"]] = first["article_id"]
    contexts = quote_contexts(store, list(local_quotes))
    articles = {
        a["id"]: a
        for a in store.query_in(
            "SELECT id, outlet, title, published, source FROM articles WHERE id IN ({marks})",
            sorted(set(local_quotes.values())),
        )
    }
    appendix: dict[str, Row] = {}
    out: list[Row] = []
    for row in statements:
        first = row.get("first_reported") or {}
        quote_id = first.get("quote_id")
        anchor = None
        if (
            quote_id in local_quotes
            and quote_id in contexts
            and first.get("article_id") in articles
        ):
            anchor = _anchor(quote_id)
            if anchor not in appendix:
                appendix[anchor] = appendix_entry(
                    anchor, articles[first["article_id"]], contexts[quote_id]
                )
        out.append(
            {
                "id": row["id"],
                "person": row.get("person"),
                "said_on": row.get("said_on"),
                "text": row["text"],
                "tone": tone_of(row, scorer),
                "carriers": list(row.get("carriers") or ()),
                "first_reported": {
                    "outlet": first.get("outlet"),
                    "url": safe_url(first.get("url")),
                    "published": first.get("date"),
                    "article_id": first.get("article_id"),
                },
                "source_anchor": anchor,
            }
        )
    return out, list(appendix.values())


def _subtitle(selection: Selection, statements: Sequence[Row]) -> str:
    """Who and where: the outlets and the most quoted speakers (the page's summary line
    already gives the count, the dates and the mean tone)."""
    # carriers() names a report without an outlet "(unknown outlet)": not an outlet to count
    outlets = {c for s in statements for c in s.get("carriers") or () if not c.startswith("(")}
    speakers = Counter(s["person"] for s in statements if s.get("person"))
    parts = []
    if outlets:
        parts.append(f"reported by {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}")
    if speakers:
        parts.append("most quoted: " + ", ".join(name for name, _ in speakers.most_common(3)))
    if selection.since or selection.until:
        window = f"{selection.since or '…'} – {selection.until or '…'}"
        parts.append(f"selected {window}")
    return " · ".join(parts)


def report_data(store: Store, selection: Selection, scorer: Any = None) -> ReportData:
    """Everything `render_report` needs for the statements of ``selection``."""
    rows = select_statements(store, selection)
    statements, appendix = report_statements(store, rows, scorer)
    return ReportData(
        title=selection.describe(),
        subtitle=_subtitle(selection, rows),
        statements=statements,
        appendix=appendix,
    )
