"""Walk the user's paths and dispatch each file to its reader."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from onrecord.errors import SourceError
from onrecord.model import Article, Rejected
from onrecord.sources.feeds import read_feed
from onrecord.sources.html import article_from_html
from onrecord.sources.jsonl import read_jsonl
from onrecord.sources.limits import MAX_ARCHIVE_BYTES, check_size, decode_text
from onrecord.sources.manifest import MANIFEST_NAMES, external_manifest, read_manifest
from onrecord.sources.text import read_text_file
from onrecord.sources.warc import read_warc

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
SOURCE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".jsonl", *FEED_SUFFIXES, *WARC_SUFFIXES)


def suffix_of(path: Path) -> str:
    """The file's type suffix, lower case (``.warc.gz`` counts as one)."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _rejected(error: SourceError) -> Rejected:
    return Rejected(source=error.source, stage=error.stage, reason=error.reason)


def read_sources(
    paths: Iterable[str | os.PathLike[str]], manifest: str | os.PathLike[str] | None = None
) -> Iterator[Article | Rejected]:
    """Yield an `Article` or a `Rejected` for every input named by ``paths``.

    Folders are walked recursively in name order; a folder's ``manifest.csv`` or
    ``manifest.jsonl`` supplies metadata for the files it names and is not an
    article itself. A ``manifest`` given here (its ``file`` entries relative to
    its own folder) supplies metadata too, and wins over a folder's manifest.
    ``http(s)://`` arguments are fetched as pages or feeds.
    """
    extra: dict[str, dict] = {}
    if manifest is not None:
        try:
            extra = external_manifest(Path(manifest))
        except SourceError as error:
            yield _rejected(error)
    for raw in paths:
        name = os.fspath(raw)
        if name.startswith(("http://", "https://")):
            yield from _read_url(name)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, extra)
        elif path.is_file():
            fields = _manifest_for(path).get(path.name)
            yield from _read_file(path, _with_extra(fields, extra, path))
        else:
            yield Rejected(source=name, stage="read", reason="no such file or folder")


def _manifest_for(path: Path) -> dict[str, dict]:
    try:
        return read_manifest(path.parent)
    except SourceError:
        return {}


def _with_extra(fields: dict | None, extra: dict[str, dict], path: Path) -> dict | None:
    """Folder-manifest ``fields`` updated by the user's manifest entry for ``path``."""
    given = extra.get(str(path.resolve())) if extra else None
    if not given:
        return fields
    return {**(fields or {}), **given}


def walk_folder(folder: Path) -> Iterator[tuple[Path, dict[str, Any] | None] | SourceError]:
    """The article files under ``folder`` with their manifest fields, in reading order.

    Folders recurse in name order (hidden ones skipped); a manifest is not an
    article. An unreadable manifest, and a folder with no article file at all,
    come as a `SourceError` in their place in the order.
    """
    used = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        try:
            manifest = read_manifest(here)
        except SourceError as error:
            yield error
            manifest = {}
        for filename in sorted(filenames):
            path = here / filename
            if filename in MANIFEST_NAMES or filename.startswith("."):
                continue
            if suffix_of(path) not in SOURCE_SUFFIXES:
                continue
            used += 1
            yield path, manifest.get(str(path.relative_to(here)))
    if used == 0:
        yield SourceError(str(folder), "folder holds no readable article files")


def _read_folder(folder: Path, extra: dict[str, dict]) -> Iterator[Article | Rejected]:
    for entry in walk_folder(folder):
        if isinstance(entry, SourceError):
            yield _rejected(entry)
        else:
            path, fields = entry
            yield from _read_file(path, _with_extra(fields, extra, path))


def _read_file(path: Path, metadata: dict | None) -> Iterator[Article | Rejected]:
    source = str(path)
    suffix = suffix_of(path)
    try:
        size = path.stat().st_size
        if suffix == ".jsonl":
            check_size(source, size, MAX_ARCHIVE_BYTES)
            for item in read_jsonl(path, source):
                yield _rejected(item) if isinstance(item, SourceError) else item
        elif suffix in WARC_SUFFIXES:
            check_size(source, size, MAX_ARCHIVE_BYTES)
            for item in read_warc(path, source):
                yield _rejected(item) if isinstance(item, SourceError) else item
        elif suffix in HTML_SUFFIXES:
            check_size(source, size)
            html = decode_text(source, path.read_bytes())
            yield article_from_html(html, source, (metadata or {}).get("url"), metadata)
        elif suffix in FEED_SUFFIXES:
            check_size(source, size)
            for item in read_feed(path.read_bytes(), source):
                yield _rejected(item) if isinstance(item, SourceError) else item
        else:
            yield read_text_file(path, source, metadata)
    except SourceError as error:
        yield _rejected(error)
    except OSError as error:
        yield Rejected(source=source, stage="read", reason=error.strerror or str(error))


def _read_url(url: str) -> Iterator[Article | Rejected]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "onrecord/0.1 (+news research)"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            content_type = response.headers.get("Content-Type", "")
            data = response.read(MAX_ARCHIVE_BYTES)
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        yield Rejected(source=url, stage="fetch", reason=f"could not fetch ({error})")
        return
    try:
        if (
            any(kind in content_type for kind in ("rss", "atom"))
            or data.lstrip()[:200].find(b"<rss") >= 0
        ):
            for item in read_feed(data, url):
                yield _rejected(item) if isinstance(item, SourceError) else item
            return
        yield article_from_html(decode_text(url, data), url, url)
    except SourceError as error:
        yield _rejected(error)
