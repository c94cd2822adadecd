"""WARC archives: each HTML response record is a page to extract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.html import article_from_html
from onrecord.sources.limits import decode_text


def read_warc(path: Path, source: str) -> Iterator[Article | SourceError]:
    """Yield an article per HTML ``response`` record of a (possibly gzipped) WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = False
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{source}#{url}"
                found = True
                try:
                    html = decode_text(where, record.content_stream().read())
                    yield article_from_html(html, where, url)
                except SourceError as exc:
                    yield exc
    except ArchiveLoadFailed as exc:
        yield SourceError(source, f"not a readable WARC archive ({exc})")
        return
    if not found:
        yield SourceError(source, "WARC archive holds no HTML responses")
