"""Rendering rows for people: a Rich table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

Format = Literal["table", "json", "csv", "jsonl"]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    """A JSON array of the rows (dates as ISO strings)."""
    return json.dumps([_plain(r) for r in rows], ensure_ascii=False, indent=1)


def to_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object a line."""
    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in rows)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV with a header; lists and objects are written as JSON."""
    columns = list(columns or (rows[0].keys() if rows else []))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for column in columns:
            value = _plain(row.get(column))
            cells.append(
                json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
            )
        writer.writerow(cells)
    return buffer.getvalue()


def print_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    table_columns: Sequence[str],
    title: str | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    """Print ``rows`` to standard output in the chosen format."""
    import sys

    if fmt == "json":
        sys.stdout.write(to_json(rows) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(to_jsonl(rows))
    elif fmt == "csv":
        sys.stdout.write(to_csv(rows))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False, header_style="bold")
        for column in table_columns:
            width = (widths or {}).get(column)
            table.add_column(column, max_width=width, overflow="fold")
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in table_columns])
        Console().print(table)
        if not rows:
            Console(stderr=True).print("(nothing found)")


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) if not isinstance(v, dict) else json.dumps(v) for v in value)
    return str(value)
