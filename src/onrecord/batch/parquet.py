"""The Parquet datasets a batch run writes, and loading them into the store.

A batch output folder holds one Parquet dataset per store table
(``articles/``, ``quotes/``, ``mentions/``, ``rejected/``), with the store's
columns (dates as ISO strings, span lists as JSON, like the store keeps them)
plus ``ordinal``: the input position of the article (file number and line or
record number), so loading follows the order a plain ``onrecord ingest`` of the
same inputs would, and ``seq``: a quote's or mention's position in its article.
Every dataset is written sorted by ``ordinal`` (then ``seq``), so `load_output`
streams the datasets side by side and holds one batch in memory at a time.

The cross-article outputs, ``stories/`` and ``statement_pairs/``, are Spark's
own view of the corpus; the store builds its own stories and statements when
the loader runs the cross-article stages.

This module needs pyarrow, not Spark: a run's output loads on any machine.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from onrecord.errors import UsageError
from onrecord.ingest import BatchWriter, IngestSummary, Progress
from onrecord.model import Article, ArticleResult, Mention, Quote, Rejected
from onrecord.store import Store
from onrecord.store.base import article_row, mention_rows, quote_rows

__all__ = [
    "ARTICLE_COLUMNS",
    "DATASETS",
    "MANIFEST",
    "MENTION_COLUMNS",
    "PAIR_COLUMNS",
    "QUOTE_COLUMNS",
    "REJECTED_COLUMNS",
    "STORY_COLUMNS",
    "LoadSummary",
    "article_record",
    "load_output",
    "mention_records",
    "ordinal",
    "quote_records",
    "read_manifest",
    "rejected_record",
    "result_from_rows",
]

#: Columns of each dataset as ``(name, type)``; types are "string", "int",
#: "long" and "double" (`onrecord.batch.spark` maps them to Spark types).
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("source", "string"),
    ("doc_id", "string"),
    ("url", "string"),
    ("outlet", "string"),
    ("title", "string"),
    ("byline", "string"),
    ("published", "string"),
    ("published_basis", "string"),
    ("text", "string"),
    ("boilerplate", "string"),
    ("ordinal", "long"),
)
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("article_id", "string"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
    ("kind", "string"),
    ("cue", "string"),
    ("cue_start", "int"),
    ("cue_end", "int"),
    ("cue_class", "string"),
    ("speaker_start", "int"),
    ("speaker_end", "int"),
    ("speaker_text", "string"),
    ("speaker", "string"),
    ("speaker_kind", "string"),
    ("speaker_basis", "string"),
    ("said_on", "string"),
    ("said_on_precision", "string"),
    ("said_on_basis", "string"),
    ("confidence", "double"),
    ("spans", "string"),
    ("ordinal", "long"),
    ("seq", "int"),
)
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
    ("name", "string"),
    ("kind", "string"),
    ("role", "string"),
    ("ordinal", "long"),
    ("seq", "int"),
)
REJECTED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", "string"),
    ("stage", "string"),
    ("reason", "string"),
    ("ordinal", "long"),
)
STORY_COLUMNS: tuple[tuple[str, str], ...] = (("article_id", "string"), ("story_id", "string"))
PAIR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("quote_a", "string"),
    ("quote_b", "string"),
    ("jaccard", "double"),
)

DATASETS = ("articles", "quotes", "mentions", "rejected", "stories", "statement_pairs")
#: Written last by a run: its presence says the output is complete.
MANIFEST = "_onrecord.json"

#: An ordinal is ``file number << 32 | position in the file``.
_POSITION_BITS = 32


def ordinal(file_number: int, position: int) -> int:
    """The input order key of the ``position``-th item of the ``file_number``-th input."""
    return (file_number << _POSITION_BITS) | position


def _names(columns: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(name for name, _ in columns)


def article_record(result: ArticleResult, order: int) -> tuple[Any, ...]:
    """The ``articles`` row of a result, as a tuple in `ARTICLE_COLUMNS` order."""
    row = article_row(result, None)
    row["ordinal"] = order
    return tuple(row[name] for name in _names(ARTICLE_COLUMNS))


def quote_records(result: ArticleResult, order: int) -> list[tuple[Any, ...]]:
    """The ``quotes`` rows of a result, as tuples in `QUOTE_COLUMNS` order."""
    names = _names(QUOTE_COLUMNS)
    out = []
    for seq, row in enumerate(quote_rows(result)):
        row["ordinal"], row["seq"] = order, seq
        out.append(tuple(row[name] for name in names))
    return out


def mention_records(result: ArticleResult, order: int) -> list[tuple[Any, ...]]:
    """The ``mentions`` rows of a result, as tuples in `MENTION_COLUMNS` order."""
    names = _names(MENTION_COLUMNS)
    out = []
    for seq, row in enumerate(mention_rows(result)):
        row["ordinal"], row["seq"] = order, seq
        out.append(tuple(row[name] for name in names))
    return out


def rejected_record(item: Rejected, order: int) -> tuple[Any, ...]:
    """The ``rejected`` row of an input that could not be used."""
    return (item.source, item.stage, item.reason, order)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _spans(value: str | None) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in json.loads(value or "[]"))


def result_from_rows(
    article: dict[str, Any], quotes: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]]
) -> ArticleResult:
    """Rebuild the `ArticleResult` that produced these rows (the inverse of the writers).

    Raises `UsageError` when the article row's id is not the id of the article
    it describes (the output was edited or damaged).
    """
    rebuilt = Article(
        text=article["text"],
        source=article["source"],
        url=article["url"],
        outlet=article["outlet"],
        title=article["title"],
        byline=article["byline"],
        published=_date(article["published"]),
        published_basis=article["published_basis"],
        doc_id=article["doc_id"],
        boilerplate=_spans(article["boilerplate"]),
    )
    if rebuilt.id != article["id"]:
        raise UsageError(
            f"article row {article['id']} ({article['source']}) does not match its text and "
            "url: the batch output was changed after the run; run `onrecord batch run` again"
        )
    return ArticleResult(
        article=rebuilt,
        quotes=tuple(
            Quote(
                start=q["start"],
                end=q["end"],
                text=q["text"],
                kind=q["kind"],
                cue=q["cue"],
                cue_start=q["cue_start"],
                cue_end=q["cue_end"],
                cue_class=q["cue_class"],
                speaker_start=q["speaker_start"],
                speaker_end=q["speaker_end"],
                speaker_text=q["speaker_text"],
                speaker=q["speaker"],
                speaker_kind=q["speaker_kind"],
                speaker_basis=q["speaker_basis"],
                said_on=_date(q["said_on"]),
                said_on_precision=q["said_on_precision"],
                said_on_basis=q["said_on_basis"],
                confidence=q["confidence"],
                spans=_spans(q["spans"]),
            )
            for q in sorted(quotes, key=lambda q: q["seq"])
        ),
        mentions=tuple(
            Mention(
                start=m["start"],
                end=m["end"],
                text=m["text"],
                name=m["name"],
                kind=m["kind"],
                role=m["role"],
            )
            for m in sorted(mentions, key=lambda m: m["seq"])
        ),
    )


# -- loading ----------------------------------------------------------------


def read_manifest(out_dir: str | Path) -> dict[str, Any]:
    """The run's manifest; raises `UsageError` when ``out_dir`` is not a finished batch output."""
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        raise UsageError(
            f"{out_dir}: not a finished batch output (no {MANIFEST}); "
            "run `onrecord batch run ... --out` first, or again if it was interrupted"
        )
    return json.loads(path.read_text("utf-8"))


def _rows(folder: Path, order_by: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """Rows of a dataset in file-name order, checked to be sorted by ``order_by``."""
    from onrecord.views.export import require_pyarrow

    pyarrow = require_pyarrow()
    last: tuple[Any, ...] | None = None
    for part in sorted(folder.glob("*.parquet")):
        for batch in pyarrow.parquet.ParquetFile(part).iter_batches(batch_size=2048):
            for row in batch.to_pylist():
                key = tuple(row[name] for name in order_by)
                if last is not None and key < last:
                    raise UsageError(
                        f"{folder}: rows are not in input order; run `onrecord batch run` again"
                    )
                last = key
                yield row


class _Peek:
    """An iterator whose next row can be looked at without taking it."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self._next: dict[str, Any] | None = next(rows, None)

    def take_while(self, below: int | None, equal: bool = False) -> list[dict[str, Any]]:
        """Take the rows whose ordinal is below ``below`` (or equal, or all when None)."""
        out = []
        while self._next is not None and (
            below is None
            or self._next["ordinal"] < below
            or (equal and self._next["ordinal"] == below)
        ):
            out.append(self._next)
            self._next = next(self._rows, None)
        return out


LoadSummary = IngestSummary  # what loading a batch output into the store did


def load_output(
    out_dir: str | Path,
    store: Store,
    after_batch: Sequence[Callable[[Store, list[str]], None]] = (),
    batch_size: int | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Load a batch run's Parquet output into ``store`` and return a summary.

    Articles go in input order, ``batch_size`` (default: the ``batch_articles``
    setting) per transaction, each batch followed by the ``after_batch`` stages
    with the ids it added, as `onrecord.ingest.ingest` does; articles already
    stored are skipped, so loading twice changes nothing.
    """
    folder = Path(out_dir)
    manifest = read_manifest(folder)
    articles = _rows(folder / "articles", ("ordinal",))
    quotes = _Peek(_rows(folder / "quotes", ("ordinal", "seq")))
    mentions = _Peek(_rows(folder / "mentions", ("ordinal", "seq")))
    rejected = _Peek(_rows(folder / "rejected", ("ordinal",)))
    inputs = [str(folder), *manifest.get("inputs", [])]
    with BatchWriter(store, "batch load", inputs, after_batch, batch_size, progress) as writer:
        # Articles already stored are skipped before batching, as ingest skips
        # them, so a resumed load cuts the same batches an uninterrupted one would.
        while block := list(itertools.islice(articles, 256)):
            known = store.known_articles([row["id"] for row in block])
            for row in block:
                order = row["ordinal"]
                for r in rejected.take_while(order, equal=True):
                    writer.add(Rejected(r["source"], r["stage"], r["reason"]))
                quotes.take_while(order)  # rows of no article (cannot happen in a run's output)
                mentions.take_while(order)
                own_quotes = quotes.take_while(order, equal=True)
                own_mentions = mentions.take_while(order, equal=True)
                if row["id"] in known:
                    writer.summary.skipped += 1
                    continue
                writer.add(result_from_rows(row, own_quotes, own_mentions))
        for r in rejected.take_while(None):
            writer.add(Rejected(r["source"], r["stage"], r["reason"]))
    return writer.summary
