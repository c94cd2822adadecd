"""JSON Lines: one article an object (``text`` required)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.text import article_from_fields

MAX_LINE_BYTES = 20 * 1024 * 1024


def read_jsonl(path: Path, source: str) -> Iterator[Article | SourceError]:
    """Yield an `Article` per good line and a `SourceError` (named ``file:line``) per bad one."""
    seen_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{source}:{number}"
            if not raw.strip():
                continue
            seen_any = True
            if len(raw) > MAX_LINE_BYTES:
                yield SourceError(where, "line is above the 20 MB limit")
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield SourceError(where, "invalid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield SourceError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield SourceError(where, "line is not a JSON object")
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                yield SourceError(where, "no 'text' field with article text")
                continue
            try:
                yield article_from_fields(text, where, record, "metadata")
            except SourceError as exc:
                yield exc
    if not seen_any:
        yield SourceError(source, "empty file")
