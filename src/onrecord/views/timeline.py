"""Timelines: statements of a person, a topic or a country pair, period by period.

`select_statements` picks the statements (shared with the report), and
`timeline` buckets them by month, quarter or year with the number of
statements, their mean tone, a representative statement and the outlets.

Selectors, which narrow each other when several are given:

* **speaker**: any name or alias the people stage knows ("Peskov",
  "Mr Peskov"); when it knows none, a substring of the statement's speaker;
* **topic**: full-text match over every reported wording of the statement
  (the store's FTS index over quotes: all words must appear in one report);
* **pair** ``A:B``: the speaker's country is one side and the other is
  mentioned, or both are mentioned, in the wordings or the sentences around
  them (`onrecord.countries.in_pair`). A speaker of one side also belongs when
  the other side is only in the headline of an article reporting the statement
  ("Russia says relations with US at a low" over "Bilateral relations are at
  their lowest point, the Kremlin spokesman said"); a headline naming both
  sides does not bring in a third country's speaker.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from onrecord.errors import OnrecordError
from onrecord.grouping.text import normalise_name
from onrecord.people import person_ids_matching
from onrecord.store import QuoteFilter, Store
from onrecord.views.statements import list_statements

__all__ = [
    "Period",
    "Selection",
    "parse_pair",
    "period_of",
    "quote_contexts",
    "select_statements",
    "statement_speaker_countries",
    "timeline",
    "tone_of",
]

Row = dict[str, Any]
Period = Literal["month", "quarter", "year"]

# Characters of article text read on each side of a quote to find its sentence.
_CONTEXT_WINDOW = 400
# The start of an article read for its first line, and how long a headline may be.
_HEAD_CHARS = 600
_HEADLINE_CHARS = 200
# A representative statement has at least this many words, when the period has one.
_QUOTABLE_WORDS = 4
# A sentence ends at . ! ? (maybe closed by a quotation mark or bracket) before
# whitespace, or at a blank line.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*\n")


class UnknownCountry(OnrecordError):
    """A country-pair side that names no known country."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which statements to show; every field narrows, None means any."""

    speaker: str | None = None
    topic: str | None = None
    pair: tuple[str, str] | None = None
    since: date | None = None
    until: date | None = None

    def describe(self) -> str:
        """A short human title for the selection ("Statements by X", "US – RU", ...)."""
        from onrecord.countries import country_name

        parts = []
        if self.speaker:
            parts.append(f"by {self.speaker}")
        if self.pair:
            parts.append(f"on {country_name(self.pair[0])} – {country_name(self.pair[1])}")
        if self.topic:
            parts.append(f"about “{self.topic}”")
        return "Statements " + " ".join(parts) if parts else "All statements"


# -- selectors -----------------------------------------------------------------------------------


def parse_pair(value: str) -> tuple[str, str]:
    """Return the two ISO codes of a pair written ``A:B`` ("us:ru", "US:Russia", "NO:IS").

    Each side is a country code in any case or a country name or demonym the
    countries lexicon knows; raises `UnknownCountry` otherwise.
    """
    sides = value.split(":")
    if len(sides) != 2 or not all(s.strip() for s in sides):
        raise UnknownCountry(f"{value!r} is not a country pair: write it as A:B, e.g. US:RU")
    first, second = (_country_code(s.strip()) for s in sides)
    if first == second:
        raise UnknownCountry(f"{value!r} names the same country twice")
    return first, second


def _country_code(side: str) -> str:
    from onrecord.countries import countries_in, country_name

    if country_name(side.upper()) != side.upper():
        return side.upper()
    for spelling in (side, side.title(), side.upper()):
        found = countries_in(spelling)
        if len(found) == 1:
            return next(iter(found))
    raise UnknownCountry(
        f"{side!r} is not a known country code or name (use ISO codes such as US, RU, NO, IS)"
    )


def _speaker_statement_ids(store: Store, speaker: str) -> set[str] | None:
    """Statement ids of the people ``speaker`` names, or None when no person matches."""
    person_ids = person_ids_matching(store, speaker)
    if not person_ids:
        return None
    keys = [f"p:{pid}" for pid in person_ids]
    # Statements whose quotes the people stage left unresolved are keyed by the
    # speaker's name: take them under the person's full names (a surname alone
    # may be someone else's, which is why they were left unresolved).
    aliases = store.query_in(
        "SELECT alias FROM person_aliases WHERE person_id IN ({marks})", person_ids
    )
    names = {normalise_name(a["alias"]) for a in aliases}
    keys += sorted(f"n:{name}" for name in names if len(name.split()) >= 2)
    return {
        r["id"]
        for r in store.query_in("SELECT id FROM statements WHERE person_key IN ({marks})", keys)
    }


def _topic_statement_ids(store: Store, topic: str) -> set[str]:
    # The store's search, not a MATCH of our own: FTS5 and PostgreSQL's tsvector
    # differ, and its quote rows already carry their statement.
    found = store.quotes(QuoteFilter(search=topic, cues="all"))
    return {q["statement_id"] for q in found if q["statement_id"]}


def headline(title: str | None, head: str, boilerplate: str | None = None) -> str:
    """The article's title, else its first line when that reads as a headline, else "".

    Plain-text articles often carry no title but start with their headline; a
    first line counts when it is short and does not end a sentence. Boilerplate
    lines (spans as stored, JSON) are skipped.
    """
    if title:
        return title
    spans = json.loads(boilerplate) if boilerplate else []
    for start, end in spans:  # blank boilerplate, keeping offsets
        head = head[:start] + " " * max(0, min(end, len(head)) - start) + head[end:]
    for line in head.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= _HEADLINE_CHARS and not line.endswith((".", "!", "?", ":")):
            return line
        return ""
    return ""


def quote_contexts(store: Store, quote_ids: Sequence[str]) -> dict[str, Row]:
    """Each quote's article text around it: ``before``, ``quote``, ``after``, ``sentence``, ``title``.

    ``before`` and ``after`` are up to 400 characters of the stored article
    text on each side of the quote's span; ``sentence`` is the quote with the
    rest of the sentence(s) it stands in; ``title`` is the article's headline
    (`headline`).
    """
    window = _CONTEXT_WINDOW
    rows = store.query_in(
        'SELECT q.id, q.start, q."end", a.title, a.boilerplate, '
        f"substr(a.text, 1, {_HEAD_CHARS}) AS head, "
        # CAST: PostgreSQL's substr takes integers, and its offsets are bigint
        f"substr(a.text, CAST(CASE WHEN q.start > {window} THEN q.start - {window - 1} ELSE 1 END "
        f'AS INTEGER), CAST(q."end" - q.start + {2 * window} AS INTEGER)) AS window '
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN ({marks})",
        quote_ids,
    )
    out: dict[str, Row] = {}
    for row in rows:
        offset = max(row["start"] - window, 0)
        text = row["window"] or ""
        start, end = row["start"] - offset, row["end"] - offset
        before, quote, after = text[:start], text[start:end], text[end:]
        sentence_start = 0
        for match in _SENTENCE_END.finditer(before):
            sentence_start = match.end()
        stop = _SENTENCE_END.search(after)
        sentence = before[sentence_start:] + quote + (after[: stop.start() + 1] if stop else after)
        out[row["id"]] = {
            "before": before,
            "quote": quote,
            "after": after,
            "sentence": sentence,
            "title": headline(row["title"], row["head"] or "", row["boilerplate"]),
        }
    return out


def statement_speaker_countries(
    store: Store, statement_ids: Sequence[str]
) -> dict[str, str | None]:
    """The country each statement's speaker speaks for (`countries.speaker_country`), or None.

    A person known to the people stage is read from their kind, roles and
    stored country; otherwise the quotes' speaker name, kind and the roles
    written beside it in the article.
    """
    from onrecord.countries import speaker_country

    statements = store.query_in(
        "SELECT id, person_key, person FROM statements WHERE id IN ({marks})", statement_ids
    )
    person_ids = sorted(
        {s["person_key"][2:] for s in statements if s["person_key"].startswith("p:")}
    )
    people: dict[str, Row] = {}
    if person_ids:
        for p in store.query_in(
            "SELECT id, name, kind, country FROM people WHERE id IN ({marks})", person_ids
        ):
            people[p["id"]] = {**p, "roles": []}
        for r in store.query_in(
            "SELECT person_id, role FROM person_roles WHERE person_id IN ({marks}) "
            "ORDER BY person_id, first_seen",
            person_ids,
        ):
            if r["person_id"] in people:
                people[r["person_id"]]["roles"].append(r["role"])
    unnamed = [s["id"] for s in statements if s["person_key"][2:] not in people]
    speakers: dict[str, tuple[str, str, list[str]]] = {}
    for q in store.query_in(
        "SELECT q.statement_id, q.speaker, q.speaker_kind, m.role FROM quotes q "
        "LEFT JOIN mentions m ON m.article_id = q.article_id AND m.start = q.speaker_start "
        'AND m."end" = q.speaker_end WHERE q.statement_id IN ({marks}) '
        "ORDER BY q.article_id, q.start",
        unnamed,
    ):
        name, kind, roles = speakers.get(
            q["statement_id"], (q["speaker"] or "", q["speaker_kind"], [])
        )
        if q["role"] and q["role"] not in roles:
            roles.append(q["role"])
        speakers[q["statement_id"]] = (name, kind or "unknown", roles)
    out: dict[str, str | None] = {}
    for s in statements:
        person = people.get(s["person_key"][2:]) if s["person_key"].startswith("p:") else None
        if person is not None:
            out[s["id"]] = (
                speaker_country(person["name"], person["kind"], person["roles"])
                or person["country"]
            )
        else:
            name, kind, roles = speakers.get(s["id"], (s["person"] or "", "unknown", []))
            out[s["id"]] = speaker_country(name, kind, roles)
    return out


def _pair_statement_ids(store: Store, pair: tuple[str, str], statements: Sequence[Row]) -> set[str]:
    from onrecord.countries import in_pair

    ids = [s["id"] for s in statements]
    countries = statement_speaker_countries(store, ids)
    contexts = quote_contexts(store, [q for s in statements for q in s["quotes"]])
    chosen = set()
    for s in statements:
        texts = [s["text"], *(v["text"] for v in s.get("variants") or ())]
        texts += [contexts[q]["sentence"] for q in s["quotes"] if q in contexts]
        titles = "\n".join(contexts[q]["title"] for q in s["quotes"] if q in contexts)
        country = countries.get(s["id"])
        if in_pair(pair, country, "\n".join(texts)) or (
            country in pair and in_pair(pair, country, titles)
        ):
            chosen.add(s["id"])
    return chosen


def select_statements(store: Store, selection: Selection) -> list[Row]:
    """The statements of a selection, by date (rows of `views.statements.list_statements`)."""
    by_substring = None
    allowed: set[str] | None = None
    if selection.speaker:
        allowed = _speaker_statement_ids(store, selection.speaker)
        if allowed is None:
            by_substring = selection.speaker
    rows = list_statements(
        store, speaker=by_substring, since=selection.since, until=selection.until
    )
    if allowed is not None:
        rows = [r for r in rows if r["id"] in allowed]
    if selection.topic:
        topical = _topic_statement_ids(store, selection.topic)
        rows = [r for r in rows if r["id"] in topical]
    if selection.pair:
        paired = _pair_statement_ids(store, selection.pair, rows)
        rows = [r for r in rows if r["id"] in paired]
    return rows


# -- periods -----------------------------------------------------------------------------------


def period_of(said_on: date, by: Period) -> tuple[str, date, date]:
    """The label, first day and last day of the period holding ``said_on``.

    Labels: "2023-01" (month), "2023-Q1" (quarter), "2023" (year).
    """
    year = said_on.year
    if by == "year":
        return str(year), date(year, 1, 1), date(year, 12, 31)
    if by == "quarter":
        quarter = (said_on.month - 1) // 3 + 1
        first_month = 3 * quarter - 2
        return f"{year}-Q{quarter}", date(year, first_month, 1), _month_end(year, first_month + 2)
    if by == "month":
        month = said_on.month
        return f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month)
    raise ValueError(f"unknown period {by!r}: month, quarter or year")


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def tone_of(row: Row, scorer: Any = None) -> float | None:
    """A statement's stored tone, else ``scorer``'s score of its text, else None (unknown)."""
    if row.get("tone") is not None:
        return float(row["tone"])
    if scorer is None:
        return None
    return float(scorer(row["text"]))


def _representative(members: Sequence[tuple[Row, float | None]], mean: float | None) -> Row:
    """Most carriers; ties go to the tone closest to the period's mean, then the earliest.

    A wording of fewer than `_QUOTABLE_WORDS` words ("Related", "Hardly") is
    chosen only when every statement of the period is that short.
    """

    def rank(item: tuple[Row, float | None]) -> tuple:
        row, tone = item
        distance = abs(tone - mean) if tone is not None and mean is not None else 2.0
        too_short = len(row["text"].split()) < _QUOTABLE_WORDS
        return (too_short, -len(row["carriers"]), distance, row["said_on"] or "", row["id"])

    return min(members, key=rank)[0]


def _outlets(rows: Iterable[Row]) -> list[str]:
    """Outlets by the number of the period's statements they carried, then by name."""
    counts = Counter(outlet for row in rows for outlet in dict.fromkeys(row["carriers"]))
    return sorted(counts, key=lambda o: (-counts[o], o))


def timeline(statements: Sequence[Row], by: Period = "month", scorer: Any = None) -> list[Row]:
    """One row per period that has statements, oldest first.

    Each row: ``period`` (label), ``start`` and ``end`` (ISO dates),
    ``statements`` (count), ``tone`` (mean statement tone, None if no tone is
    known), ``representative`` ({"statement_id", "person", "text", "said_on",
    "carriers", "tone"}: the statement of at least four words carried by the
    most outlets, ties to the one whose tone is closest to the period's mean,
    then the earliest) and
    ``outlets`` (by how many of the period's statements they carried).
    Undated statements belong to no period and are left out. ``scorer`` (a
    `ToneScorer`) scores statements stored without a tone.
    """
    buckets: dict[str, tuple[date, date, list[tuple[Row, float | None]]]] = {}
    for row in statements:
        if not row.get("said_on"):
            continue
        label, first, last = period_of(date.fromisoformat(str(row["said_on"])[:10]), by)
        buckets.setdefault(label, (first, last, []))[2].append((row, tone_of(row, scorer)))
    out = []
    for label in sorted(buckets, key=lambda k: buckets[k][0]):
        first, last, members = buckets[label]
        tones = [t for _, t in members if t is not None]
        mean = sum(tones) / len(tones) if tones else None
        chosen = _representative(members, mean)
        chosen_tone = next(t for r, t in members if r is chosen)
        out.append(
            {
                "period": label,
                "start": first.isoformat(),
                "end": last.isoformat(),
                "statements": len(members),
                "tone": round(mean, 4) if mean is not None else None,
                "representative": {
                    "statement_id": chosen["id"],
                    "person": chosen["person"],
                    "text": chosen["text"],
                    "said_on": chosen["said_on"],
                    "carriers": list(chosen["carriers"]),
                    "tone": round(chosen_tone, 4) if chosen_tone is not None else None,
                },
                "outlets": _outlets(r for r, _ in members),
            }
        )
    return out
