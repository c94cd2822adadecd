"""Quotation-mark scanning: the spans of text between quotation marks.

Works on raw text, before and without the parser, so it doubles as the cheap
pre-filter that says which sentences need parsing. Every mark style is handled:
“ ” " " ‘ ’ ' ' « » ‹ › and „ “. A quote left open at the end of a paragraph is
closed there (``open_end``); a paragraph that starts with an opening mark after
such a paragraph is a continuation of the same quotation (``continues``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks that end it
_PAIRS: dict[str, str] = {
    "“": "”“",  # “ ” English; “ also closes a quote that a stray “ reopened
    "„": "“”",  # „ “ German style
    "«": "»",
    "‹": "›",
    '"': '"”',  # a straight quotation closed by a curly one: keyboards mix the styles
    "‘": "’",
    "'": "'",
    "''": "",  # two apostrophes: closed only by two apostrophes (see scan_paragraph)
}
_SINGLE = "‘'’"
_ALL_MARKS = "“”„«»‹›\"‘’'"
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n|\n(?=[ \t]*[“\"„«‘])")


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """Text between quotation marks: ``start``..``end`` includes the marks."""

    start: int
    end: int
    open_end: bool = False  # the closing mark was missing: closed at paragraph end
    continues: bool = False  # continues the quote left open in the previous paragraph

    @property
    def inner(self) -> tuple[int, int]:
        """The span without the marks themselves."""
        end = self.end if self.open_end else self.end - 1
        return self.start + 1, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph (blank-line or line-break separated)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _can_open_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not _is_letter(before)) and not after.isspace() and after not in ".,;"


def _can_close_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # an apostrophe sits between two letters (don't, Russia's)
    return not before.isspace() and not _is_letter(after)


def _can_open_double(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() or text[i] in "“„«‹"


def scan_paragraph(text: str, start: int, end: int) -> list[MarkSpan]:
    """Return the top-level quoted spans of one paragraph ``text[start:end]``."""
    spans: list[MarkSpan] = []
    open_at: int | None = None
    opener = ""
    nested_straight = False  # a straight quotation opened inside a curly one
    i = start
    while i < end:
        ch = text[i]
        if ch not in _ALL_MARKS:
            i += 1
            continue
        if text.startswith("''", i) and opener in ("", "''"):
            # two apostrophes stand for one double mark (''Yes,'' she said); a third one
            # closes a single quotation nested at the edge (''I said 'no.''')
            width = 3 if text.startswith("'''", i) else 2
            if open_at is None:
                if i + width < end and not text[i + width].isspace():
                    open_at, opener = i, "''"
            elif not text[i - 1].isspace():
                spans.append(MarkSpan(open_at, i + width))
                open_at, opener = None, ""
            i += width
            continue
        if open_at is None:
            if ch in "”»›":
                # a closing mark with no opening one: the quote began at paragraph start
                if not spans and text[start:i].strip() and text[i - 1] != " ":
                    spans.append(MarkSpan(start, i + 1, continues=True))
            elif ch in _SINGLE:
                if ch != "’" and _can_open_single(text, i):
                    open_at, opener = i, ch
            elif ch in _PAIRS and _can_open_double(text, i):
                open_at, opener = i, ch
            i += 1
            continue
        closers = _PAIRS[opener]
        if opener == "“" and ch == '"':
            # “A," she said. "B.”: a straight mark can close a curly quotation, unless it
            # closes a straight quotation nested inside it (“They called it "fake," she said.”)
            if nested_straight:
                nested_straight = False
            elif _closes_after_punctuation(text, i, end):
                spans.append(MarkSpan(open_at, i + 1))
                open_at, opener = None, ""
            elif _can_open_double(text, i) and (i == start or text[i - 1].isspace()):
                nested_straight = True
            i += 1
            continue
        if ch in closers:
            if opener in _SINGLE and not _can_close_single(text, i):
                i += 1
                continue
            if opener == '"' and i + 1 < end and _is_letter(text[i + 1]) and text[i - 1] == " ":
                # `" word` inside an open straight quote: a new opening, the old one never closed
                spans.append(MarkSpan(open_at, _trim_end(text, open_at, i), open_end=True))
                open_at = i
                i += 1
                continue
            spans.append(MarkSpan(open_at, i + 1))
            open_at, opener = None, ""
            nested_straight = False
        elif opener not in _SINGLE and ch == opener and ch in "“«":
            # the same opening mark again before a close: the first quote was left open
            spans.append(MarkSpan(open_at, _trim_end(text, open_at, i), open_end=True))
            open_at = i
        i += 1
    if open_at is not None:
        # an unclosed single mark is usually an apostrophe, unless it opens a sentence
        opens_sentence = text[open_at + 1 : open_at + 2].isupper() and (
            open_at == start or not text[start:open_at].strip() or text[open_at - 1] == " "
        )
        if opener in _SINGLE and not opens_sentence:
            return spans
        spans.append(MarkSpan(open_at, _trim_end(text, open_at, end), open_end=True))
    return spans


def _closes_after_punctuation(text: str, i: int, end: int) -> bool:
    """Whether the mark at ``i`` follows closing punctuation and ends the words: ``,"`` ``."``."""
    after = text[i + 1] if i + 1 < end else " "
    return i > 0 and text[i - 1] in ",.?!…" and (after.isspace() or after in ")]")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,400}>")


def scan(text: str) -> list[MarkSpan]:
    """Return the quoted spans of the whole text, paragraph by paragraph, sorted by start.

    Quotation marks inside markup left in the text (``<tweet author="…">``) are ignored.
    """
    if "<" in text:
        text = _TAG.sub(lambda m: " " * len(m.group(0)), text)
    out: list[MarkSpan] = []
    previous_open = False
    for start, end in paragraphs(text):
        lead = start
        while lead < end and text[lead].isspace():
            lead += 1
        found = scan_paragraph(text, start, end)
        if found and previous_open and found[0].start == lead:
            found[0] = MarkSpan(found[0].start, found[0].end, found[0].open_end, True)
        out.extend(found)
        previous_open = bool(found) and found[-1].open_end
    return out
