"""HTML pages: article text and metadata with trafilatura (dates via htmldate)."""

from __future__ import annotations

from typing import Any

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.text import article_from_fields

MIN_ARTICLE_CHARS = 80


def article_from_html(
    html: str, source: str, url: str | None = None, fields: dict[str, Any] | None = None
) -> Article:
    """Extract the article from an HTML page; ``fields`` (manifest, feed) win over the page's own.

    Raises `SourceError` when the page holds no article text.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.strip()) < MIN_ARTICLE_CHARS:
        raise SourceError(source, "no article text found in the HTML", stage="extract-html")
    page = {
        "url": getattr(document, "url", None) or url,
        "outlet": getattr(document, "sitename", None) or getattr(document, "hostname", None),
        "title": getattr(document, "title", None),
        "byline": getattr(document, "author", None),
        "published": getattr(document, "date", None),
    }
    merged = {k: v for k, v in page.items() if v}
    basis = "html"
    if fields:
        merged.update({k: v for k, v in fields.items() if v})
        if fields.get("published"):
            basis = "metadata"
    title = merged.get("title")
    if title and not text.lstrip().startswith(str(title).strip()[:40]):
        # Keep the headline in the text: headline attributions ("…: Peskov") live there.
        text = f"{str(title).strip()}\n\n{text}"
    return article_from_fields(text, source, merged, basis)
