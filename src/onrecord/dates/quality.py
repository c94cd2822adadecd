"""Scoring the statement dater against an annotated set (used by the gate test and the bench).

A gold record is one quote in its article: ``text``, ``published``, the cue and quote
spans, and the expected ``said_on`` / ``precision`` / ``basis`` (see
``tests/fixtures/dates_gold.jsonl``). Records sharing a text are one article: they are
dated together, as the pipeline does, so "he added" follow-ups see their antecedent.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from onrecord.dates.statement import StatementDater
from onrecord.model import Article, Quote

GoldRecord = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Miss:
    """One record the dater got wrong: what was expected and what came out."""

    id: str
    expected: tuple[str | None, str | None, str]
    got: tuple[str | None, str | None, str]


@dataclass(frozen=True, slots=True)
class DatesScore:
    """Accuracy figures over a gold set."""

    total: int
    exact: int  # said_on and precision both right
    basis_right: int
    day_total: int  # records whose gold precision is "day"
    day_exact: int
    after_publication: int  # statements dated after their article: must be 0
    misses: tuple[Miss, ...] = field(default=())

    @property
    def exact_rate(self) -> float:
        """Share of records with the right date at the right precision."""
        return self.exact / self.total if self.total else 0.0

    @property
    def day_exact_rate(self) -> float:
        """Share of day-precision gold records dated exactly (same day, precision day)."""
        return self.day_exact / self.day_total if self.day_total else 0.0

    @property
    def basis_rate(self) -> float:
        """Share of records with the right basis (explicit, relative, published, unknown)."""
        return self.basis_right / self.total if self.total else 0.0


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Return the records of a gold JSONL file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _quote(record: GoldRecord) -> Quote:
    start, end = record["quote_start"], record["quote_end"]
    return Quote(
        start=start,
        end=end,
        text=record["text"][start:end],
        kind="direct",
        cue=record.get("cue_lemma") or record.get("cue"),
        cue_start=record.get("cue_start"),
        cue_end=record.get("cue_end"),
        speaker=record.get("speaker"),
        speaker_start=record.get("speaker_start"),
        speaker_end=record.get("speaker_end"),
    )


def score(
    records: Iterable[GoldRecord],
    parse: Callable[[str], Any] | None = None,
    dater: StatementDater | None = None,
) -> DatesScore:
    """Date every gold quote (with ``parse(text) -> Doc`` if given) and compare to gold."""
    dater = dater or StatementDater()
    articles: dict[str, list[GoldRecord]] = defaultdict(list)
    for record in records:
        articles[record.get("article") or record["text"]].append(record)
    total = exact = basis_right = day_total = day_exact = after = 0
    misses: list[Miss] = []
    for group in articles.values():
        text = group[0]["text"]
        published = date.fromisoformat(group[0]["published"]) if group[0]["published"] else None
        article = Article(text=text, source="gold", published=published)
        doc = parse(text) if parse is not None else None
        dated = dater(article, [_quote(r) for r in group], doc)
        for record, quote in zip(group, dated, strict=True):
            got = (
                quote.said_on.isoformat() if quote.said_on else None,
                quote.said_on_precision,
                quote.said_on_basis,
            )
            expected = (record["said_on"], record["precision"], record["basis"])
            total += 1
            right_date = got[:2] == expected[:2]
            exact += right_date
            basis_right += got[2] == expected[2]
            if expected[1] == "day":
                day_total += 1
                day_exact += right_date
            if published is not None and quote.said_on is not None and quote.said_on > published:
                after += 1
            if got != expected:
                misses.append(Miss(record["id"], expected, got))
    return DatesScore(total, exact, basis_right, day_total, day_exact, after, tuple(misses))
