"""RSS and Atom feeds: one article per entry that carries text."""

from __future__ import annotations

from collections.abc import Iterator

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.html import article_from_html
from onrecord.sources.text import article_from_fields


def read_feed(data: bytes, source: str) -> Iterator[Article | SourceError]:
    """Yield the entries of an RSS/Atom feed as articles (metadata from the entry)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        yield SourceError(source, "feed has no entries", stage="feed")
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{entry.get('id') or entry.get('link') or index}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = "{:04d}-{:02d}-{:02d}".format(*entry[key][:3])
                break
        fields = {
            "url": entry.get("link"),
            "outlet": outlet,
            "title": entry.get("title"),
            "byline": entry.get("author"),
            "published": published,
        }
        try:
            if "<" in body:
                yield article_from_html(
                    f"<html><body><article>{body}</article></body></html>",
                    where,
                    fields.get("url"),
                    fields,
                )
            elif body.strip():
                text = f"{fields['title']}\n\n{body}" if fields["title"] else body
                yield article_from_fields(text, where, fields, "metadata")
            else:
                yield SourceError(where, "feed entry has no text", stage="feed")
        except SourceError as exc:
            yield exc
