"""Limits and decoding shared by the readers."""

from __future__ import annotations

import codecs

from onrecord.errors import SourceError

MAX_BYTES = 20 * 1024 * 1024  # one article file; a JSONL or WARC archive may be larger
MAX_ARCHIVE_BYTES = 20 * 1024 * 1024 * 1024


def check_size(source: str, size: int, limit: int = MAX_BYTES) -> None:
    """Raise `SourceError` when ``size`` is zero or above ``limit``."""
    if size == 0:
        raise SourceError(source, "empty file")
    if size > limit:
        raise SourceError(
            source, f"file is {size / 2**20:.0f} MB, above the {limit / 2**20:.0f} MB limit"
        )


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode_text(source: str, data: bytes) -> str:
    """Decode bytes of a text file: UTF-8 (with or without BOM), UTF-16, else detected.

    Raises `SourceError` for binary data or text whose encoding cannot be found.
    Line endings are kept as given so offsets index the text as supplied.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"invalid UTF-16 text ({exc.reason})") from None
    if looks_binary(data):
        raise SourceError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding in ("utf_8", "utf-8"):
            raise SourceError(
                source,
                f"invalid UTF-8 at byte {utf8_error.start} and no other encoding fits",
            ) from None
        text = str(best)
        if sum(not (ch.isprintable() or ch.isspace()) for ch in text[:4096]) > 40:
            raise SourceError(source, "not text in any known encoding") from None
        return text
