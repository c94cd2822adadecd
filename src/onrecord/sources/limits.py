"""Limits and decoding shared by the readers."""

from __future__ import annotations

import codecs
import re

from onrecord.errors import SourceError

MAX_ARCHIVE_BYTES = 20 * 1024 * 1024 * 1024
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def check_size(source: str, size: int, limit: int | None = None) -> None:
    """Raise `SourceError` when ``size`` is zero or above ``limit`` (default: the max_file_mb setting)."""
    if limit is None:
        from onrecord.settings import setting

        limit = int(setting("max_file_mb")) * 1024 * 1024
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
        if _UTF8_MULTIBYTE.search(data):
            # The file holds real UTF-8 sequences, so it was written as UTF-8 and
            # the bad bytes are damage, not a legacy encoding: refuse to guess.
            raise SourceError(source, f"invalid UTF-8 at byte {utf8_error.start}") from None
        western = _western_text(data)
        if western is not None:
            return western
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


_WESTERN_EXTRA = set("‘’‚“”„–—…•€™£¥§©®°±²³´µ¶·¸¹º»¼½¾¿×÷«")


def _western_text(data: bytes) -> str | None:
    """Decode Windows-1252 when every non-ASCII character is a Western letter or mark.

    Short texts are ambiguous for statistical detectors (cp1252 smart quotes read
    as Cyrillic in cp1251); English news in a legacy encoding is nearly always
    Windows-1252, so it is tried first and kept only when it reads as Latin text.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in text:
        if ord(ch) < 128 or ch in _WESTERN_EXTRA:
            continue
        if not ("\u00c0" <= ch <= "\u00ff" or "\u0152" <= ch <= "\u0178"):
            return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) >= 128)
    if letters and accented / len(letters) > 0.3:
        return None  # mostly accented letters: another script in a single-byte code page
    return text
