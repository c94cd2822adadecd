"""Core commands: ingest, quotes, rejected, articles, extract, eval.

Exit codes: 0 when every input was used, 1 when some were rejected (or a
library error was reported), 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from onrecord.cli.common import (
    CueSet,
    CuesOption,
    DbOption,
    Fmt,
    FormatOption,
    ManifestOption,
    QuoteKindChoice,
    WorkersOption,
    app,
    fail,
    open_store_for,
    parse_date,
    progress_bar,
    report_summary,
)
from onrecord.errors import OnrecordError
from onrecord.output import print_rows


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) or URLs to ingest.")
    ],
    db: DbOption = None,
    workers: WorkersOption = None,
    cues: CuesOption = CueSet.speech,
    people: Annotated[
        str | None,
        typer.Option(
            "--people", help="A people.toml of merge/split/alias decisions to apply first."
        ),
    ] = None,
    manifest: ManifestOption = None,
) -> None:
    """Read articles, find who said what, and store it (idempotent, resumable)."""
    from onrecord.ingest import ingest as run_ingest
    from onrecord.pipeline import default_workers
    from onrecord.stages import cross_article_stages

    try:
        store = open_store_for(db, create=True)
        with store, progress_bar() as bar:
            if people:
                from onrecord.people import apply_people_file

                with store.transaction():
                    apply_people_file(store, people)
            task = bar.add_task("ingesting", total=None, rejected=0)
            summary = run_ingest(
                paths,
                store,
                workers=workers or default_workers(),
                cues=cues.value,
                progress=lambda done, rejected: bar.update(task, completed=done, rejected=rejected),
                after_batch=cross_article_stages(),
                manifest=manifest,
            )
            bar.update(task, total=summary.articles, completed=summary.articles)
    except OnrecordError as error:
        fail(error)
    report_summary(summary, store.location)


QUOTE_TABLE = ("said_on", "published", "outlet", "speaker", "kind", "text")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias (substring).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name (substring).")] = None,
    since: Annotated[
        str | None, typer.Option(help="Said on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Said on or before this date (YYYY-MM-DD).")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Words that must appear in the quote.")] = None,
    kind: Annotated[QuoteKindChoice | None, typer.Option(help="Only quotes of this kind.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many quotes.")] = None,
    cues: CuesOption = CueSet.speech,
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """List stored quotes: who said what, when, in which outlet."""
    from onrecord.store import QuoteFilter
    from onrecord.views.quotes import list_quotes

    where = QuoteFilter(
        speaker=speaker,
        outlet=outlet,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        search=search,
        kind=kind.value if kind else None,
        cues=cues.value,
        limit=limit,
    )
    try:
        with open_store_for(db) as store:
            rows = list_quotes(store, where)
    except OnrecordError as error:
        fail(error)
    print_rows(rows, fmt.value, QUOTE_TABLE, title="Quotes", widths={"text": 80})


@app.command()
def rejected(fmt: FormatOption = Fmt.table, db: DbOption = None) -> None:
    """List inputs that could not be used: source, stage, reason."""
    try:
        with open_store_for(db) as store:
            rows = store.rejected()
    except OnrecordError as error:
        fail(error)
    print_rows(rows, fmt.value, ("source", "stage", "reason"), title="Rejected inputs")


@app.command()
def articles(
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """List stored articles with their outlet, date and quote count."""
    from onrecord.views.quotes import list_articles

    try:
        with open_store_for(db) as store:
            rows = list_articles(store, outlet)
    except OnrecordError as error:
        fail(error)
    print_rows(
        rows, fmt.value, ("published", "outlet", "title", "quotes", "source"), title="Articles"
    )


class ExtractFmt(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or URLs.")],
    fmt: Annotated[
        ExtractFmt, typer.Option("--format", "-f", help="jsonl: one line per document.")
    ] = ExtractFmt.jsonl,
    workers: WorkersOption = None,
    cues: CuesOption = CueSet.speech,
    manifest: ManifestOption = None,
) -> None:
    """Find quotes without storing anything; one JSON line per input document."""
    from onrecord.model import Article, Rejected
    from onrecord.pipeline import default_workers, extraction_record, process_articles
    from onrecord.sources import read_sources

    rejections: list[Rejected] = []

    def articles_only():
        for item in read_sources(paths, manifest):
            if isinstance(item, Article):
                yield item
            else:
                rejections.append(item)
                typer.echo(
                    f"onrecord: rejected {item.source}: {item.reason} [{item.stage}]", err=True
                )

    try:
        for result in process_articles(
            articles_only(), workers=workers or default_workers(), cues=cues.value
        ):
            if isinstance(result, Rejected):
                rejections.append(result)
                typer.echo(
                    f"onrecord: rejected {result.source}: {result.reason} [{result.stage}]",
                    err=True,
                )
                continue
            record = extraction_record(result)
            if fmt is ExtractFmt.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows = [{"doc_id": record["doc_id"], **q} for q in record["quotes"]]  # type: ignore[dict-item]
                print_rows(
                    rows,
                    "table",
                    ("said_on", "speaker", "kind", "text"),
                    title=str(record["doc_id"]),
                    widths={"text": 80},
                )
            sys.stdout.flush()
    except OnrecordError as error:
        fail(error)
    raise typer.Exit(1 if rejections else 0)


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold JSONL (PolNeAR format).")],
    subset: Annotated[
        CueSet,
        typer.Option(
            help="speech: gold speech cues only, default output; all: every attribution, --cues all."
        ),
    ] = CueSet.speech,
    min_overlap: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Token-character Jaccard needed for a match.")
    ] = 0.5,
    workers: WorkersOption = None,
    pred_out: Annotated[
        str | None, typer.Option(help="Also write the predictions (JSONL) here.")
    ] = None,
) -> None:
    """Score quote extraction against a gold file (the same figures as score.py)."""
    from onrecord.evaluate import evaluate_file

    try:
        result = evaluate_file(
            gold, subset=subset.value, min_overlap=min_overlap, workers=workers, pred_out=pred_out
        )
    except OnrecordError as error:
        fail(error)
    typer.echo(json.dumps(result, indent=1))
