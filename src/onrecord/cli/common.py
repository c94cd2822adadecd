"""Shared pieces of the command line: the Typer app, common options, error exits."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, get_args

import typer

from onrecord.model import QuoteKind

if TYPE_CHECKING:
    from onrecord.ingest import IngestSummary
    from onrecord.store import Store

app = typer.Typer(
    name="onrecord",
    help="Who said what, when, reported by whom, and how it changed over time.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


QuoteKindChoice = Enum(  # the kinds of model.QuoteKind, as a command-line choice
    "QuoteKindChoice", {kind: kind for kind in get_args(QuoteKind)}, type=str
)


class CueSet(str, Enum):
    speech = "speech"
    all = "all"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store location: an SQLite file or a postgresql:// URL "
        "[default: $ONRECORD_DB or ./onrecord.db].",
    ),
]
FormatOption = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]
CuesOption = Annotated[
    CueSet,
    typer.Option("--cues", help="speech: verbs of saying only; all: also thought and finding."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-w", min=1, help="Worker processes [default: CPU count]."),
]


def fail(error: Exception) -> None:
    typer.echo(f"onrecord: error: {error}", err=True)
    raise typer.Exit(1)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


def open_store_for(db: str | None, create: bool = False) -> Store:
    """The store named by ``--db`` (else ``ONRECORD_DB``, else ./onrecord.db).

    Only commands that write (ingest, batch load, people decisions) create one.
    """
    from onrecord.store import open_store

    return open_store(db, create=create)


def progress_bar():
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rejected]} rejected"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )


ManifestOption = Annotated[
    str | None,
    typer.Option(
        "--manifest",
        help="A manifest.csv/.jsonl (file, url, outlet, published, title) kept apart from the "
        "articles; its file paths are relative to the manifest's folder.",
    ),
]


def report_summary(summary: IngestSummary, location: str) -> None:
    """Print one line per rejected input, then the counts; exit 0 or 1 (some rejected)."""
    for item in summary.rejections:
        typer.echo(f"onrecord: rejected {item.source}: {item.reason} [{item.stage}]", err=True)
    typer.echo(
        f"{summary.articles} articles, {summary.quotes} quotes, {summary.rejected} rejected"
        f" ({summary.skipped} already stored) in {location}"
    )
    raise typer.Exit(summary.exit_code)
