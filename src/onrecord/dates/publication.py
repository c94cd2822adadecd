"""An article's publication date read from its own text: byline, timestamp line or dateline.

Only the head of the article is read (its first lines), and only lines that look like
a byline, a "Published"/"Posted" stamp, a bare date line or a wire dateline
("MOSCOW, Sept 5, 2024 (Reuters) -"): a date in a headline or in the prose names an
event, not the publication. A date with no year ("MOSCOW, Jan 20 (Reuters) –") is
completed only from a copyright year in the text; otherwise it gives nothing.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Literal

from onrecord.dates.lexicon import load_lexicon

#: The earliest publication date accepted from text.
EARLIEST = date(1990, 1, 1)
#: How many non-empty lines from the top count as the article's head.
HEAD_LINES = 10
#: How many characters from the top count as the article's head.
HEAD_CHARS = 3000

_LABEL_PUBLISHED = re.compile(
    r"\b(?:published|posted|first\s+published|dated|date|released|issued|filed)\b", re.IGNORECASE
)
_LABEL_UPDATED = re.compile(r"\b(?:updated|modified|edited|last\s+updated)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|from|written\s+by|reporting\s+by)\s+\S", re.IGNORECASE)
_SEPARATORS = re.compile(r"//|\||·|•")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|MSK|"
    r"[ECMP][SD]T|ET|PT))?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*((?:19|20)\d{2})", re.IGNORECASE)
_PROSE_BEFORE_DATE = frozenset(
    [
        "on",
        "in",
        "since",
        "until",
        "before",
        "after",
        "from",
        "to",
        "of",
        "by",
        "at",
        "during",
        "ahead",
    ]
)


@functools.cache
def _date_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The full-date patterns (a year included) and the wire-dateline patterns."""
    lex = load_lexicon()
    months = "|".join(sorted(lex.months, key=len, reverse=True))
    weekdays = "|".join(sorted(lex.weekdays, key=len, reverse=True))
    weekday = rf"(?:(?:{weekdays})\.?,?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    month = rf"(?P<mon>(?:{months}))\.?"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    full = [
        # 2024-09-05, 2024/09/05, 2024.09.05, 2024-09-05T10:00:00Z
        r"(?P<iy>(?:19|20)\d{2})[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?!\d)",
        # 05.09.2024 (day first, as European outlets write it)
        r"(?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>(?:19|20)\d{2})(?!\d)",
        # 9/5/2024 (month first, US): only read when unambiguous, see _to_date
        r"(?P<ua>[01]?\d)/(?P<ub>[0-3]?\d)/(?P<uy>(?:19|20)\d{2})(?!\d)",
        rf"\b{weekday}{month}\s+{day},?\s+{year}",
        rf"\b{weekday}(?:the\s+)?{day}\s+(?:of\s+)?{month},?\s+{year}",
    ]
    # A wire dateline at the start of a line: "MOSCOW, Sept 5 (Reuters) -", "BEIJING, Sept. 5 /TASS/."
    place = r"^\s*(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?),?\s+"
    tail = r"(?:,?\s+" + year + r")?\s*(?:\([^)]{1,40}\)|/[^/]{1,30}/|\.|,)?\s*(?:[-–—]|/|\.|$)"
    datelines = [
        place + rf"(?i:(?:(?:{weekdays})\.?,?\s+)?{month}\s+{day})" + tail,
        place + rf"(?i:{day}\s+{month})" + tail,
    ]
    return (
        tuple(re.compile(rx, re.IGNORECASE) for rx in full),
        tuple(re.compile(rx) for rx in datelines),
    )


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups.get("iy"):
            return date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
        if groups.get("ey"):
            return date(int(groups["ey"]), int(groups["em"]), int(groups["ed"]))
        if groups.get("uy"):
            first, second = int(groups["ua"]), int(groups["ub"])
            if first != second and second <= 12:
                return None  # 04/05/2024: month-first or day-first, no way to tell
            return date(int(groups["uy"]), first, second)
        if groups.get("year"):
            month = load_lexicon().months.get(groups["mon"].rstrip(".").lower())
            if month is None:
                return None
            return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    return None


def _head_lines(text: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text[:HEAD_CHARS].splitlines(keepends=True):
        if line.strip():
            lines.append((offset, line.rstrip("\r\n")))
        offset += len(line)
        if len(lines) >= HEAD_LINES:
            break
    return lines


def _rest_word_count(line: str, match: re.Match[str]) -> int:
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = _TIME.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{2,}", rest))


def _line_priority(line: str, match: re.Match[str]) -> int | None:
    """0 for a publication stamp, 1 for a byline or a bare date line, 2 for an update
    stamp, None for a line that is prose or a headline (its date names an event)."""
    before = line[: match.start()]
    if _LABEL_PUBLISHED.search(before):
        return 0
    if _LABEL_UPDATED.search(before):
        return 2
    if _BYLINE.search(line) or _SEPARATORS.search(line):
        return 1
    previous = re.findall(r"[A-Za-z]+", before)
    if previous and previous[-1] in _PROSE_BEFORE_DATE:
        return None
    if _rest_word_count(line, match) <= 6:
        return 1
    return None


def publication_date_from_text(
    text: str, today: date | None = None
) -> tuple[date | None, Literal["text", "unknown"]]:
    """Return ``(published, basis)`` read from the article's head, or ``(None, "unknown")``.

    ``basis`` is ``"text"`` when a date was found. Looks at the first lines only: a
    "Published ..." stamp wins over a byline or bare date line ("By Jane Doe //
    2024-09-05"), which wins over an "Updated ..." stamp; a full wire dateline counts as
    a byline. Dates before 1990 or after ``today`` (default: the clock's today) are not
    accepted. A dateline without a year gives a date only with a copyright year.
    """
    today = today or date.today()
    full, dateline = _date_patterns()
    candidates: list[tuple[int, int, date]] = []
    yearless: list[tuple[int, int, int]] = []  # (offset, month, day)
    for offset, line in _head_lines(text):
        wire = next((m for p in dateline if (m := p.match(line))), None)
        if wire:
            groups = wire.groupdict()
            month = load_lexicon().months.get(groups["mon"].rstrip(".").lower())
            if month is not None and groups.get("year"):
                try:
                    day = date(int(groups["year"]), month, int(groups["day"]))
                except ValueError:
                    day = None
                if day is not None:
                    candidates.append((1, offset, day))
                    continue
            elif month is not None:
                yearless.append((offset, month, int(groups["day"])))
                continue
        for match in (m for p in full for m in p.finditer(line)):
            day = _to_date(match)
            if day is None:
                continue
            priority = _line_priority(line, match)
            if priority is not None:
                candidates.append((priority, offset + match.start(), day))
    if yearless:
        years = {int(y) for y in _COPYRIGHT_YEAR.findall(text)}
        if len(years) == 1:
            year = years.pop()
            for offset, month, day_number in yearless:
                try:
                    candidates.append((3, offset, date(year, month, day_number)))
                except ValueError:
                    continue
    accepted = [c for c in candidates if EARLIEST <= c[2] <= today]
    if not accepted:
        return None, "unknown"
    return min(accepted)[2], "text"
