"""Temporal expressions in news prose, and what date they name relative to publication.

:func:`find_time_expressions` finds the spans ("on Friday", "last month", "on Aug. 30",
"two days ago", "in June 2021") and :func:`resolve` turns one into a :class:`DateGuess`
against the article's publication date.

A resolved expression is an interval of days; it is reported at the finest precision
that holds the whole interval (``day`` when it is one day, else ``month`` with the 1st
of the month, else ``year`` with 1 January), clipped so it never passes publication.
``explicit`` means the text names the year ("on Aug. 30, 2024", "in 2021"); everything
that needs the publication date to be placed ("Friday", "last month", "on Aug. 30") is
``relative``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from onrecord.dates.lexicon import DatesLexicon, load_lexicon
from onrecord.model import Precision

ExpressionKind = Literal[
    "date",  # a calendar day, year optional: "on Aug. 30", "30 August 2024", "2024-09-05"
    "weekday",  # "on Friday", "earlier on Wednesday", "last Tuesday", "Tuesday night"
    "day_offset",  # "yesterday", "today", "last night", "this morning"
    "month",  # a named month, year optional: "in November", "last November", "in June 2021"
    "year",  # "in 2021"
    "period",  # "this week", "last month", "earlier this year", "at the weekend"
    "ago",  # "two days ago", "a week ago", "three months ago"
    "future",  # "tomorrow", "next week", "later this month": never a statement date
    "span",  # "since 2022", "until Friday", "the last year": a duration, not a time point
]

#: Words before a time point that turn it into a duration or a bound, not a time point.
_SPAN_WORDS = frozenset(
    [
        "since",
        "until",
        "till",
        "before",
        "by",
        "through",
        "throughout",
        "from",
        "to",
        "between",
        "and",
        "the",
        "of",
        "ahead",
    ]
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression: its span of the text and what it names."""

    start: int
    end: int
    text: str
    kind: ExpressionKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    shift: int = 0  # -1 for "last"/"yesterday", 0 for "this"/"today"
    count: int | None = None  # for "ago": how many units (None for "a few", "several")
    unit: str | None = None  # for "period" and "ago": day | week | month | year | weekend
    strict: bool = False  # "last Friday", "last November": strictly before publication

    @property
    def explicit(self) -> bool:
        """Whether the text itself names the year (so no publication date is needed)."""
        return self.kind in ("date", "month", "year") and self.year is not None


@dataclass(frozen=True, slots=True)
class DateGuess:
    """A statement date: the day (or first day of the month/year), its precision and basis."""

    said_on: date
    precision: Precision
    basis: Literal["explicit", "relative"]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load_lexicon()
    longest: dict[int, str] = {}
    for name, number in lex.months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    full_months = list(longest.values())
    short_months = [m for m in lex.months if m not in full_months]
    # An abbreviated month must carry its full stop or be followed by a number ("Aug 30").
    month_num = rf"(?P<mon>{_alternation(full_months)}|(?:{_alternation(short_months)})\.?)"
    month_word = rf"(?P<mon>{_alternation(full_months)}|(?:{_alternation(short_months)})\.)"
    weekday = rf"(?P<wd>{_alternation([w for w in lex.weekdays if len(w) > 4])})"
    year = r"(?P<year>(?:19|20)\d{2})(?![\d-])"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    mod = r"(?:(?P<mod>earlier|later|late|early)\s+)?"
    numbers = _alternation(list(lex.number_words))
    holidays = _alternation(list(lex.holidays))
    table = [
        ("holiday", rf"(?:{mod})?on\s+(?P<holiday>{holidays})(?!\w)"),
        ("iso", r"(?:on\s+)?(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        (
            "mdy",
            rf"{mod}(?:on\s+)?(?:(?:{weekday}),?\s+)?{month_num}\s+{day}\b"
            rf"(?:,?\s+{year})?{part}",
        ),
        (
            "dmy",
            rf"{mod}(?:on\s+)?(?:(?:the\s+)?(?:{weekday}),?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?"
            rf"{month_num}(?!\w)(?:,?\s+{year})?",
        ),
        (
            "month_year",
            rf"(?:(?:in|during|earlier\s+in|late\s+in|early\s+in)\s+)?"
            rf"(?:(?:early|mid|late)[-\s]+)?{month_num}(?!\w),?\s+(?:of\s+)?{year}",
        ),
        (
            "month",
            rf"(?P<pre>in|during|last|this|this\s+past|earlier\s+in|late\s+in|early\s+in"
            rf"|at\s+the\s+(?:start|beginning|end)\s+of)\s+"
            rf"(?:(?:early|mid|late)[-\s]+)?{month_word}(?!\w)(?!\s*\d)",
        ),
        (
            "year",
            rf"(?:in|during|earlier\s+in|late\s+in|early\s+in)\s+(?:the\s+)?"
            rf"(?:(?:early|mid|late)[-\s]?)?(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?"
            rf"{year}",
        ),
        (
            "weekday",
            rf"{mod}(?:on\s+)?(?:(?P<rel>last|this\s+past|this|past)\s+)?{weekday}{part}"
            r"(?!\w)(?!['’]s)",
        ),
        (
            "day_offset",
            rf"{mod}(?P<word>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
            r"|in\s+the\s+day)(?:\s+(?:morning|afternoon|evening))?(?!\w)(?!['’]s)",
        ),
        (
            "period",
            r"(?:(?P<mod>earlier|later|late|early)\s+(?:in\s+)?)?"
            r"(?:(?:at|in)\s+the\s+(?:start|beginning|end|middle)\s+of\s+)?"
            r"(?P<rel>this|last)\s+(?P<unit>week|month|year|weekend)(?!\w)(?!['’]s)",
        ),
        (
            "period_the",
            r"(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)(?!\w)"
            r"|(?:over|at|during)\s+the\s+(?P<unit2>weekend)(?!\w)",
        ),
        (
            "ago",
            rf"(?P<n>\d+|{numbers}|a\s+few|several|a\s+couple\s+of)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago(?!\w)",
        ),
        (
            "future",
            rf"tomorrow|(?:next|coming|this\s+coming)\s+(?:{weekday}|week|month|year|weekend"
            rf"|{month_word})(?!\w)|later\s+(?:this|in\s+the)\s+(?:week|month|year)(?!\w)"
            r"|in\s+the\s+(?:coming|next)\s+(?:\w+\s+)?(?:days|weeks|months|years)(?!\w)",
        ),
    ]
    return tuple((name, re.compile(rf"\b(?:{rx})", re.IGNORECASE)) for name, rx in table)


def _capitalised(match: re.Match[str], group: str) -> bool:
    if group not in match.re.groupindex or match.group(group) is None:
        return True
    return match.group(group)[0].isupper()


def _number(word: str, lex: DatesLexicon) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return lex.number_words.get(word)


def _build(name: str, match: re.Match[str], lex: DatesLexicon) -> TimeExpression | None:
    start, end = match.span()
    text = match.group(0)
    groups = match.groupdict()
    month = lex.months.get(groups["mon"].rstrip(".").lower()) if groups.get("mon") else None
    weekday = lex.weekdays.get(groups["wd"].lower()) if groups.get("wd") else None
    year = int(groups["year"]) if groups.get("year") else None
    common = {"start": start, "end": end, "text": text}
    if name == "iso":
        return TimeExpression(
            **common, kind="date", year=year, month=int(groups["month"]), day=int(groups["day"])
        )
    if name in ("mdy", "dmy"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return TimeExpression(
            **common, kind="date", year=year, month=month, day=day, weekday=weekday
        )
    if name == "holiday":
        month, day = lex.holidays[re.sub(r"\s+", " ", groups["holiday"].lower())]
        return TimeExpression(**common, kind="date", month=month, day=day)
    if name == "month_year":
        return TimeExpression(**common, kind="month", year=year, month=month)
    if name == "month":
        pre = groups["pre"].lower()
        return TimeExpression(**common, kind="month", month=month, strict=pre.startswith("last"))
    if name == "year":
        return TimeExpression(**common, kind="year", year=year)
    if name == "weekday":
        rel = (groups.get("rel") or "").lower()
        bare = not (rel or groups.get("mod") or text.lower().startswith("on"))
        if bare and re.match(r"\s+[A-Z]", match.string[end : end + 3]):
            return None  # "the Sunday Ledger", "Friday Prayers": a name, not a date
        return TimeExpression(
            **common, kind="weekday", weekday=weekday, strict=rel in ("last", "past")
        )
    if name == "day_offset":
        word = re.sub(r"\s+", " ", groups["word"].lower())
        if word == "in the day" and (groups.get("mod") or "").lower() != "earlier":
            return None
        shift = -1 if word in ("yesterday", "last night") else 0
        return TimeExpression(**common, kind="day_offset", shift=shift)
    if name == "period":
        mod = (groups.get("mod") or "").lower()
        rel = groups["rel"].lower()
        if mod == "later" and rel == "this":
            return TimeExpression(**common, kind="future")
        return TimeExpression(
            **common, kind="period", unit=groups["unit"].lower(), shift=-1 if rel == "last" else 0
        )
    if name == "period_the":
        if (groups.get("mod") or "").lower() == "later":
            return TimeExpression(**common, kind="future")
        unit = (groups.get("unit") or groups.get("unit2") or "").lower()
        return TimeExpression(**common, kind="period", unit=unit, shift=0)
    if name == "ago":
        return TimeExpression(
            **common, kind="ago", count=_number(groups["n"], lex), unit=groups["unit"].lower()
        )
    return TimeExpression(**common, kind="future")


def _preceding_word(text: str, start: int) -> str:
    found = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 30) : start])
    return found.group(1).lower() if found else ""


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Return the temporal expressions in ``text``, in text order, never overlapping.

    Where candidates overlap the longest wins ("on Friday, Sept. 5" over "on Friday").
    A time point after "since", "until", "the" ("the last year") and similar words is
    returned with kind ``span``; "tomorrow", "next week" and the like with kind
    ``future``: both are found so that a shorter reading inside them is not.
    """
    lex = load_lexicon()
    found: list[TimeExpression] = []
    for name, pattern in _patterns():
        for match in pattern.finditer(text):
            if not (_capitalised(match, "mon") and _capitalised(match, "wd")):
                continue
            expression = _build(name, match, lex)
            if expression is not None:
                found.append(expression)
    chosen: list[TimeExpression] = []
    for expression in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expression.end <= c.start or expression.start >= c.end for c in chosen):
            chosen.append(expression)
    result = []
    for expression in sorted(chosen, key=lambda e: e.start):
        first = expression.text.split()[0].lower()
        if expression.kind != "future" and (
            _preceding_word(text, expression.start) in _SPAN_WORDS
            and first not in ("on", "in", "during", "earlier", "late", "early", "at")
        ):
            expression = TimeExpression(
                start=expression.start, end=expression.end, text=expression.text, kind="span"
            )
        result.append(expression)
    return result


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _interval(expression: TimeExpression, published: date | None) -> tuple[date, date] | None:
    kind = expression.kind
    if kind in ("future", "span"):
        return None
    if expression.explicit:
        year = expression.year
        assert year is not None
        if kind == "year":
            return date(year, 1, 1), date(year, 12, 31)
        assert expression.month is not None
        if kind == "month":
            return date(year, expression.month, 1), _month_end(year, expression.month)
        assert expression.day is not None
        try:
            day = date(year, expression.month, expression.day)
        except ValueError:
            return None
        return day, day
    if published is None:
        return None
    if kind == "date":
        assert expression.month is not None and expression.day is not None
        on_or_before = (expression.month, expression.day) <= (published.month, published.day)
        year = published.year if on_or_before else published.year - 1
        try:
            day = date(year, expression.month, expression.day)
        except ValueError:
            return None
        return day, day
    if kind == "weekday":
        assert expression.weekday is not None
        back = (published.weekday() - expression.weekday) % 7
        if expression.strict and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return day, day
    if kind == "day_offset":
        day = published + timedelta(days=expression.shift)
        return day, day
    if kind == "month":
        assert expression.month is not None
        if expression.strict:
            year = published.year if expression.month < published.month else published.year - 1
        else:
            year = published.year if expression.month <= published.month else published.year - 1
        return date(year, expression.month, 1), _month_end(year, expression.month)
    if kind == "period":
        return _period(expression.unit or "", expression.shift, published)
    if kind == "ago":
        return _ago(expression.unit or "", expression.count, published)
    return None


def _period(unit: str, shift: int, published: date) -> tuple[date, date] | None:
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        if shift < 0:
            return monday - timedelta(days=7), monday - timedelta(days=1)
        return monday, published
    if unit == "month":
        year, month = _shift_month(published.year, published.month, shift)
        return date(year, month, 1), _month_end(year, month)
    if unit == "year":
        year = published.year + shift
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "weekend":
        if published.weekday() >= 5 and shift == 0:
            saturday = published - timedelta(days=published.weekday() - 5)
        else:
            saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        return saturday, saturday + timedelta(days=1)
    return None


def _ago(unit: str, count: int | None, published: date) -> tuple[date, date] | None:
    if count is None:  # "a few", "several": a rough window
        if unit == "day":
            return published - timedelta(days=6), published - timedelta(days=2)
        if unit == "week":
            return published - timedelta(days=35), published - timedelta(days=14)
        return None
    if unit == "day":
        day = published - timedelta(days=count)
        return day, day
    if unit == "week":  # "a week ago" is read as that day, as newsrooms use it
        day = published - timedelta(days=7 * count)
        return day, day
    if unit == "month":
        year, month = _shift_month(published.year, published.month, -count)
        return date(year, month, 1), _month_end(year, month)
    if unit == "year":
        year = published.year - count
        return date(year, 1, 1), date(year, 12, 31)
    return None


def resolve(expression: TimeExpression, published: date | None) -> DateGuess | None:
    """Return the date ``expression`` names, or None when it names none up to publication.

    None for futures and durations, for relative expressions without a publication date,
    for a date that starts after publication, and for an interval that crosses a year.
    """
    interval = _interval(expression, published)
    if interval is None:
        return None
    low, high = interval
    if published is not None:
        if low > published:
            return None
        high = min(high, published)
    basis: Literal["explicit", "relative"] = "explicit" if expression.explicit else "relative"
    if low == high:
        return DateGuess(low, "day", basis)
    if (low.year, low.month) == (high.year, high.month):
        return DateGuess(date(low.year, low.month, 1), "month", basis)
    if low.year == high.year:
        return DateGuess(date(low.year, 1, 1), "year", basis)
    return None
