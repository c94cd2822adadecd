"""Plain-text articles, with optional YAML front matter."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from onrecord.errors import SourceError
from onrecord.model import Article
from onrecord.sources.limits import check_size, decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
METADATA_FIELDS = ("url", "outlet", "published", "title", "byline", "doc_id")


def parse_date(value: Any, source: str) -> date | None:
    """Return a `date` from a metadata value (date, datetime or ISO-like string)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser

        return parser.parse(text).date()
    except (ValueError, OverflowError):
        raise SourceError(source, f"unreadable date {text!r}", stage="metadata") from None


def article_from_fields(
    text: str, source: str, fields: dict[str, Any], basis: str, offset_blank: int = 0
) -> Article:
    """Build an `Article` from metadata ``fields`` (unknown keys are ignored)."""
    published = parse_date(fields.get("published") or fields.get("date"), source)
    boilerplate = ((0, offset_blank),) if offset_blank else ()
    return Article(
        text=text,
        source=source,
        url=_str_or_none(fields.get("url")),
        outlet=_str_or_none(fields.get("outlet") or fields.get("publisher")),
        title=_str_or_none(fields.get("title")),
        byline=_str_or_none(fields.get("byline") or fields.get("author")),
        published=published,
        published_basis=basis if published else "unknown",  # type: ignore[arg-type]
        doc_id=_str_or_none(fields.get("doc_id")),
        boilerplate=boilerplate,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_text_file(path: Path, source: str, manifest: dict[str, Any] | None = None) -> Article:
    """Read a ``.txt`` article; front matter wins over the folder's manifest entry.

    The front matter stays in ``text`` (offsets index the file as given) and is
    recorded as a boilerplate span so the NLP never sees it.
    """
    data = path.read_bytes()
    check_size(source, len(data))
    text = decode_text(source, data)
    if not text.strip():
        raise SourceError(source, "no text (only white space)")
    fields: dict[str, Any] = dict(manifest or {})
    basis = "metadata"
    blank = 0
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            front = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            raise SourceError(source, f"bad front matter: {exc.__class__.__name__}") from None
        if not isinstance(front, dict):
            raise SourceError(source, "front matter is not a mapping of keys to values")
        fields.update({k: v for k, v in front.items() if k in (*METADATA_FIELDS, "date", "author")})
        if front.get("published") or front.get("date"):
            basis = "front-matter"
        blank = match.end()
        if not text[blank:].strip():
            raise SourceError(source, "no text after the front matter")
    return article_from_fields(text, source, fields, basis, offset_blank=blank)
