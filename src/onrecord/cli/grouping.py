"""Grouping commands: statements, statement, claims, stories, regroup."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from onrecord.cli.common import DbOption, Fmt, FormatOption, app, fail, open_store_for, parse_date
from onrecord.errors import OnrecordError
from onrecord.output import print_rows

SpeakerOption = Annotated[
    str | None, typer.Option("--speaker", help="Speaker name (substring, any case).")
]


def _table_statement(row: dict[str, Any]) -> dict[str, Any]:
    first = row["first_reported"] or {}
    return {
        **row,
        "first": f"{first.get('outlet') or '?'} {first.get('date') or ''}".strip(),
        "reports": len(row["quotes"]),
        "wordings": len(row["variants"]),
    }


@app.command()
def statements(
    speaker: SpeakerOption = None,
    since: Annotated[str | None, typer.Option(help="Said on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """List statements: one utterance with every outlet that reported it."""
    from onrecord.views.statements import list_statements

    try:
        with open_store_for(db) as store:
            rows = list_statements(
                store,
                speaker=speaker,
                since=parse_date(since, "--since"),
                until=parse_date(until, "--until"),
            )
    except OnrecordError as error:
        fail(error)
    if fmt is Fmt.table:
        rows = [_table_statement(r) for r in rows]
    print_rows(
        rows,
        fmt.value,
        ("id", "said_on", "person", "text", "carriers", "reports"),
        title="Statements",
        widths={"text": 50, "id": 16, "person": 16, "carriers": 24},
    )


@app.command("statement")
def statement_view(
    statement_id: Annotated[str, typer.Argument(help="A statement id (from `statements`).")],
    fmt: Annotated[
        Fmt, typer.Option("--format", "-f", help="table: the provenance view; json: the record.")
    ] = Fmt.table,
    db: DbOption = None,
) -> None:
    """Show where a statement came from: first report, carriers and wording differences."""
    from onrecord.views.statements import statement

    try:
        with open_store_for(db) as store:
            row = statement(store, statement_id)
    except OnrecordError as error:
        fail(error)
    if row is None:
        typer.echo(f"onrecord: error: no statement {statement_id!r} in the store", err=True)
        raise typer.Exit(1)
    if fmt is not Fmt.table:
        print_rows([row], fmt.value, ())
        return
    _print_provenance(row)


def _print_provenance(row: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    first = row["first_reported"] or {}
    console.print(Text(f"{row['person'] or '?'}, {row['said_on'] or 'date unknown'}", style="bold"))
    console.print(Text(f"“{row['text']}”"))
    console.print(
        f"First reported by [bold]{first.get('outlet') or '?'}[/bold] on {first.get('date') or '?'}"
        + (f" — {first['url']}" if first.get("url") else "")
    )
    console.print("Carried by: " + " → ".join(row["carriers"]))
    if row["tone"] is not None:
        console.print(f"Tone: {row['tone']:+.2f}")
    if row["claim_id"]:
        console.print(f"Claim: {row['claim_id']}")
    table = Table(title="Wordings (diff against the most common)", header_style="bold")
    table.add_column("outlets")
    table.add_column("wording", overflow="fold")
    for number, variant in enumerate(row["variants"]):
        if number == 0:
            wording = Text(variant["text"], style="bold")
        else:
            wording = Text()
            for op, words in variant["ops"]:
                if op == "=":
                    wording.append(words + " ")
                elif op == "-":
                    wording.append(f"[-{words}-] ", style="red")
                else:
                    wording.append(f"{{+{words}+}} ", style="green")
        table.add_row(", ".join(variant["outlets"]), wording)
    console.print(table)
    reports = Table(title="Reports", header_style="bold")
    for column in ("published", "outlet", "kind", "text"):
        reports.add_column(column, overflow="fold", max_width=70 if column == "text" else None)
    for r in row["reports"]:
        reports.add_row(r["published"] or "", r["outlet"] or "", r["kind"], r["text"])
    console.print(reports)


@app.command()
def claims(
    speaker: SpeakerOption = None, fmt: FormatOption = Fmt.table, db: DbOption = None
) -> None:
    """List claims: what a person keeps saying, with the statements across time."""
    from onrecord.views.statements import list_claims

    try:
        with open_store_for(db) as store:
            rows = list_claims(store, speaker=speaker)
    except OnrecordError as error:
        fail(error)
    if fmt is Fmt.table:
        rows = [
            {**r, "said": ", ".join(s["said_on"] or "?" for s in r["statements"])} for r in rows
        ]
    print_rows(
        rows,
        fmt.value,
        ("id", "person", "first_said", "last_said", "said", "text"),
        title="Claims",
        widths={"text": 60},
    )


@app.command()
def stories(fmt: FormatOption = Fmt.table, db: DbOption = None) -> None:
    """List stories: articles that are copies or light rewrites of one report."""
    from onrecord.views.statements import list_stories

    try:
        with open_store_for(db) as store:
            rows = list_stories(store)
    except OnrecordError as error:
        fail(error)
    print_rows(
        rows, fmt.value, ("id", "first_published", "size", "outlets", "title"), title="Stories"
    )


@app.command()
def regroup(db: DbOption = None) -> None:
    """Regroup the whole store into statements, claims and stories (after rule changes)."""
    from onrecord.grouping import rebuild_groups

    try:
        with open_store_for(db) as store:
            rebuild_groups(store)
            counts = {
                table: store.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
                for table in ("statements", "claims", "stories")
            }
    except OnrecordError as error:
        fail(error)
    typer.echo(
        f"{counts['statements']} statements, {counts['claims']} claims, {counts['stories']} stories"
    )
