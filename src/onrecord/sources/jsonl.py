"""JSON Lines: one article an object (``text`` required)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.text import article_from_fields

MAX_LINE_BYTES = 20 * 1024 * 1024


def parse_line(raw: bytes, where: str) -> Article | SourceError | None:
    """One JSONL line as an `Article`, a `SourceError` naming ``where``, or None when blank.

    Shared by `read_jsonl` and the Spark batch reader, so both accept and reject
    the same lines for the same reasons.
    """
    if not raw.strip():
        return None
    if len(raw) > MAX_LINE_BYTES:
        return SourceError(where, "line is above the 20 MB limit")
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return SourceError(where, "invalid UTF-8")
    except json.JSONDecodeError as exc:
        return SourceError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return SourceError(where, "line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceError(where, "no 'text' field with article text")
    try:
        return article_from_fields(text, where, record, "metadata")
    except SourceError as exc:
        return exc


def read_jsonl(path: Path, source: str) -> Iterator[Article | SourceError]:
    """Yield an `Article` per good line and a `SourceError` (named ``file:line``) per bad one."""
    seen_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            item = parse_line(raw, f"{source}:{number}")
            if item is not None:
                seen_any = True
                yield item
    if not seen_any:
        yield SourceError(source, "empty file")
