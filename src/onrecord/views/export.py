"""Exports: quotes, statements, people or articles as JSON lines, CSV or Parquet.

`export_rows` streams one kind of record from the store as plain dicts;
`write_export` writes them to a file (or standard output for the text
formats) and returns how many it wrote. Parquet needs pyarrow, the
``parquet`` extra; its schema is fixed per kind, so a column that is empty in
the first rows still gets its real type.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

from onrecord.errors import OnrecordError
from onrecord.store import Store

__all__ = [
    "ARTICLE_COLUMNS",
    "EXPORT_KINDS",
    "QUOTE_COLUMNS",
    "ExportFormat",
    "ExportKind",
    "MissingExtra",
    "export_rows",
    "require_pyarrow",
    "write_export",
]

Row = dict[str, Any]
ExportKind = Literal["quotes", "statements", "people", "articles"]
ExportFormat = Literal["jsonl", "csv", "parquet"]
EXPORT_KINDS: tuple[ExportKind, ...] = ("quotes", "statements", "people", "articles")

# Rows per Parquet row group (and per batch read from the store).
_BATCH = 2000


class MissingExtra(OnrecordError):
    """An optional dependency an export needs is not installed."""


def require_pyarrow() -> Any:
    """Return the ``pyarrow`` module, or raise `MissingExtra` saying how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra("Parquet export needs pyarrow: pip install onrecord[parquet]") from None
    return pyarrow


#: Every column of the quotes and articles tables, in table order (migrations 0001-0004).
QUOTE_COLUMNS = (
    "id", "article_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end",
    "cue_class", "speaker_start", "speaker_end", "speaker_text", "speaker", "speaker_kind",
    "speaker_basis", "said_on", "said_on_precision", "said_on_basis", "confidence", "spans",
    "person_id", "person_basis", "person_confidence", "statement_id",
)  # fmt: skip
ARTICLE_COLUMNS = (
    "id", "source", "doc_id", "url", "outlet", "title", "byline", "published",
    "published_basis", "text", "boilerplate", "run_id", "ingested_at", "story_id",
)  # fmt: skip


# Columns whose stored text is JSON: exported as the structure it holds.
_JSON_COLUMNS = {"spans", "boilerplate"}


def _decoded(row: Row) -> Row:
    for column in _JSON_COLUMNS & row.keys():
        if isinstance(row[column], str):
            row[column] = json.loads(row[column])
    return row


def _quote_rows(store: Store) -> Iterator[Row]:
    columns = ", ".join(f'q."{c}"' for c in QUOTE_COLUMNS)
    sql = (
        f"SELECT {columns}, a.outlet, a.url, a.published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id ORDER BY a.published IS NULL, a.published, "
        "q.article_id, q.start"
    )
    for row in store.iter_rows(sql):
        yield _decoded(row)


def _article_rows(store: Store) -> Iterator[Row]:
    columns = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS)
    sql = f"SELECT {columns} FROM articles ORDER BY published IS NULL, published, id"
    for row in store.iter_rows(sql):
        yield _decoded(row)


def _statement_rows(store: Store) -> Iterator[Row]:
    from onrecord.views.statements import list_statements

    yield from list_statements(store)


def _people_rows(store: Store) -> Iterator[Row]:
    from onrecord.views.people import list_people

    people = sorted(list_people(store), key=lambda p: (p["name"], p["id"]))
    for person in people:
        yield {
            "id": person["id"],
            "name": person["name"],
            "kind": person["kind"],
            "country": person["country"],
            "aliases": sorted([person["name"], *person["aliases"]]),
            "roles": person["roles"],
            "quotes": person["statements"],
        }


def export_rows(store: Store, what: ExportKind) -> Iterator[Row]:
    """Stream every record of one kind as a plain dict.

    * ``quotes``: every quote column, with its article's ``outlet``, ``url`` and
      ``published``; ``spans`` as a list of [start, end];
    * ``statements``: the rows of `views.statements.list_statements`;
    * ``people``: ``id``, ``name``, ``kind``, ``country``, ``aliases``, ``roles``
      ({"role", "first_seen", "last_seen"}) and ``quotes`` (how many);
    * ``articles``: every article column, the text and ``story_id`` included.
    """
    producers = {
        "quotes": _quote_rows,
        "statements": _statement_rows,
        "people": _people_rows,
        "articles": _article_rows,
    }
    if what not in producers:
        raise ValueError(f"unknown export {what!r}: one of {', '.join(EXPORT_KINDS)}")
    return producers[what](store)


# -- writers -----------------------------------------------------------------------------------


@contextmanager
def _text_output(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _write_jsonl(rows: Iterable[Row], out: str | Path) -> int:
    count = 0
    with _text_output(out) as handle:
        for row in rows:
            handle.write(json.dumps(_plain(row), ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(rows: Iterable[Row], out: str | Path) -> int:
    count = 0
    with _text_output(out) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        columns: list[str] | None = None
        for row in rows:
            if columns is None:
                columns = list(row)
                writer.writerow(columns)
            cells = []
            for column in columns:
                value = _plain(row.get(column))
                cells.append(
                    json.dumps(value, ensure_ascii=False)
                    if isinstance(value, (list, dict))
                    else value
                )
            writer.writerow(cells)
            count += 1
    return count


def _arrow_schema(pa: Any, what: ExportKind, columns: list[str]) -> Any:
    """A fixed Arrow schema: known columns typed, anything else a string."""
    ints = {"start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "quotes"}
    floats = {"confidence", "person_confidence", "tone"}
    spans = pa.list_(pa.list_(pa.int64()))
    strings = pa.list_(pa.string())
    nested = {
        "spans": spans,
        "boilerplate": spans,
        "aliases": strings,
        "carriers": strings,
        "roles": pa.list_(
            pa.struct(
                [("role", pa.string()), ("first_seen", pa.string()), ("last_seen", pa.string())]
            )
        ),
        "first_reported": pa.struct(
            [
                ("article_id", pa.string()),
                ("outlet", pa.string()),
                ("url", pa.string()),
                ("date", pa.string()),
                ("quote_id", pa.string()),
            ]
        ),
        "variants": pa.list_(pa.struct([("text", pa.string()), ("outlets", strings)])),
    }
    if what == "statements":
        nested["quotes"] = strings
    fields = []
    for column in columns:
        if column in nested:
            fields.append(pa.field(column, nested[column]))
        elif column in ints:
            fields.append(pa.field(column, pa.int64()))
        elif column in floats:
            fields.append(pa.field(column, pa.float64()))
        else:
            fields.append(pa.field(column, pa.string()))
    return pa.schema(fields)


def _arrow_value(value: Any, arrow_type: Any, pa: Any) -> Any:
    if value is None:
        return None
    if pa.types.is_string(arrow_type) and not isinstance(value, str):
        value = _plain(value)
        return (
            json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)
        )
    if pa.types.is_struct(arrow_type) and isinstance(value, dict):
        return {f.name: value.get(f.name) for f in arrow_type}
    if pa.types.is_list(arrow_type) and pa.types.is_struct(arrow_type.value_type):
        inner = arrow_type.value_type
        return [{f.name: item.get(f.name) for f in inner} for item in value]
    return value


def _write_parquet(rows: Iterable[Row], out: str | Path, what: ExportKind) -> int:
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = None
    schema = None
    batch: list[Row] = []
    count = 0

    def flush() -> None:
        nonlocal writer
        columns = {f.name: [_arrow_value(r.get(f.name), f.type, pa) for r in batch] for f in schema}
        table = pa.Table.from_pydict(columns, schema=schema)
        if writer is None:
            writer = pq.ParquetWriter(str(path), schema)
        writer.write_table(table)
        batch.clear()

    try:
        for row in rows:
            if schema is None:
                schema = _arrow_schema(pa, what, list(row))
            batch.append(row)
            count += 1
            if len(batch) >= _BATCH:
                flush()
        if schema is None:  # nothing to write: an empty file with no columns
            schema = pa.schema([])
        if batch or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return count


def write_export(rows: Iterable[Row], fmt: ExportFormat, out: str | Path, what: ExportKind) -> int:
    """Write ``rows`` to ``out`` (``-``: standard output, text formats only); return the count.

    jsonl: one JSON object a line; csv: a header from the first row's keys, lists
    and objects as JSON; parquet: one file with a fixed schema per kind.
    """
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    if fmt == "csv":
        return _write_csv(rows, out)
    if fmt == "parquet":
        if str(out) == "-":
            raise OnrecordError("Parquet cannot go to standard output: give a file with --out")
        return _write_parquet(rows, out, what)
    raise ValueError(f"unknown export format {fmt!r}: jsonl, csv or parquet")
