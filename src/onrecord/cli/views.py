"""View commands: timeline, report, export."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from onrecord.cli.common import DbOption, Fmt, FormatOption, app, fail, open_store_for, parse_date
from onrecord.errors import OnrecordError
from onrecord.output import print_rows


class By(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


class What(str, Enum):
    quotes = "quotes"
    statements = "statements"
    people = "people"
    articles = "articles"


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


SpeakerOption = Annotated[
    str | None,
    typer.Option(
        "--speaker", help="A person's name or any alias (else a substring of the speaker)."
    ),
]
TopicOption = Annotated[
    str | None,
    typer.Option("--topic", help="Words that must all appear in one reported wording (full text)."),
]
PairOption = Annotated[
    str | None,
    typer.Option(
        "--pair",
        help="Two countries A:B (codes or names: US:RU, no:is). A statement belongs when its "
        "speaker's country is one side and the other is mentioned (in its sentence or the "
        "article's headline), or both are mentioned in its sentence.",
    ),
]
SinceOption = Annotated[str | None, typer.Option(help="Said on or after (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Said on or before (YYYY-MM-DD).")]


def usage_error(message: str) -> NoReturn:
    """Print a one-line usage error and exit with status 2."""
    typer.echo(f"onrecord: usage error: {message}", err=True)
    raise typer.Exit(2)


def _selection(
    speaker: str | None, topic: str | None, pair: str | None, since: str | None, until: str | None
):
    from onrecord.views.timeline import Selection, UnknownCountry, parse_pair

    try:
        pair_codes = parse_pair(pair) if pair else None
    except UnknownCountry as error:
        usage_error(f"--pair: {error}")
    return Selection(
        speaker=speaker,
        topic=topic,
        pair=pair_codes,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
    )


def _table_period(row: dict[str, Any]) -> dict[str, Any]:
    rep = row["representative"]
    text = rep["text"] if len(rep["text"]) <= 140 else rep["text"][:139].rstrip() + "…"
    return {
        **row,
        "tone": "" if row["tone"] is None else f"{row['tone']:+.2f}",
        "representative": f"{rep['said_on']} {rep['person'] or '?'}: “{text}” "
        f"({', '.join(rep['carriers'])})",
        "outlets": ", ".join(row["outlets"]),
    }


@app.command()
def timeline(
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    pair: PairOption = None,
    by: Annotated[By, typer.Option("--by", help="Length of a period.")] = By.month,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """Statements per period: how many, mean tone, a representative one, the outlets.

    Give --speaker, --topic or --pair (several narrow each other). The
    representative statement of a period is the one carried by the most
    outlets (wordings under four words only when there is nothing longer);
    ties go to the one whose tone is closest to the period's mean tone, then
    to the earliest. Undated statements belong to no period.
    """
    from onrecord.tone import ToneScorer
    from onrecord.views.timeline import select_statements
    from onrecord.views.timeline import timeline as build_timeline

    if not (speaker or topic or pair):
        usage_error("timeline needs --speaker, --topic or --pair")
    selection = _selection(speaker, topic, pair, since, until)
    try:
        with open_store_for(db) as store:
            statements = select_statements(store, selection)
        rows = build_timeline(statements, by.value, scorer=ToneScorer())
    except OnrecordError as error:
        fail(error)
    if fmt is Fmt.table:
        rows = [_table_period(r) for r in rows]
    print_rows(
        rows,
        fmt.value,
        ("period", "statements", "tone", "representative", "outlets"),
        title=selection.describe(),
        widths={"representative": 70, "outlets": 30},
    )


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    pair: PairOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report of statements over time and print its path.

    Each statement shows when it was said, its wording, tone, the outlets that
    carried it and its first report, linked to the article's web address or,
    for a local file, to the passage quoted in an appendix. With no --speaker,
    --topic or --pair, every statement in the store.
    """
    from onrecord.report import render_report
    from onrecord.tone import ToneScorer
    from onrecord.views.report_data import report_data

    selection = _selection(speaker, topic, pair, since, until)
    try:
        with open_store_for(db) as store:
            data = report_data(store, selection, scorer=ToneScorer())
        page = render_report(data.title, data.subtitle, data.statements, data.appendix)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OnrecordError as error:
        fail(error)
    except OSError as error:
        fail(OnrecordError(f"{out}: cannot write the report ({error.strerror or error})"))
    typer.echo(str(out))


@app.command()
def export(
    what: Annotated[What, typer.Option("--what", help="Which records to export.")],
    out: Annotated[
        str,
        typer.Option("--out", "-o", help="The file to write ('-': standard output, jsonl/csv)."),
    ],
    fmt: Annotated[
        ExportFmt | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, csv (lists as JSON) or parquet (needs pyarrow) "
            "[default: from the --out suffix, else jsonl].",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export quotes, statements, people or articles (with text and story) to a file."""
    from onrecord.views.export import export_rows, require_pyarrow, write_export

    suffix = Path(out).suffix.lower().lstrip(".") if out != "-" else ""
    by_suffix = next((f for f in ExportFmt if f.value == suffix), None)
    if fmt is None:
        fmt = by_suffix or ExportFmt.jsonl
    elif by_suffix is not None and by_suffix is not fmt:
        raise typer.BadParameter(
            f"{out} ends in .{suffix} but --format is {fmt.value}", param_hint="--format"
        )
    try:
        if fmt is ExportFmt.parquet:
            require_pyarrow()
        with open_store_for(db) as store:
            count = write_export(export_rows(store, what.value), fmt.value, out, what.value)
    except OnrecordError as error:
        fail(error)
    except OSError as error:
        fail(OnrecordError(f"{out}: cannot write the export ({error.strerror or error})"))
    if out != "-":
        typer.echo(f"{count} {what.value} written to {out}")
