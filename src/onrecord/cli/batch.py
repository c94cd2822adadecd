"""Batch commands: run the pipeline on Apache Spark into Parquet, and load that into the store."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli.common import (
    CueSet,
    CuesOption,
    DbOption,
    app,
    fail,
    open_store_for,
    progress_bar,
    report_summary,
)
from onrecord.errors import OnrecordError

batch_app = typer.Typer(
    help="Millions of articles: the pipeline on Apache Spark, Parquet output, loading it.",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")


def _conf(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, setting = value.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{value!r} is not KEY=VALUE", param_hint="--conf")
        out[key.strip()] = setting
    return out


@batch_app.command("run")
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="JSONL files, WARC archives, folders (other files read on the driver)."
        ),
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="Folder to write the Parquet datasets in.")
    ],
    partitions: Annotated[
        int | None,
        typer.Option(min=1, help="Partitions of the pipeline stage (default: twice the cores)."),
    ] = None,
    master: Annotated[
        str, typer.Option(help="Spark master URL, e.g. local[*], local[2], spark://host:7077.")
    ] = "local[*]",
    cues: CuesOption = CueSet.speech,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an earlier batch output in --out.")
    ] = False,
    conf: Annotated[
        list[str] | None,
        typer.Option("--conf", help="A Spark setting KEY=VALUE (repeatable)."),
    ] = None,
) -> None:
    """Run the per-article pipeline on Spark and write Parquet (articles, quotes, ...)."""
    from onrecord.batch.spark import run_batch, spark_session

    settings = _conf(conf or [])
    try:
        from pyspark.sql import SparkSession

        embedded = SparkSession.getActiveSession() is not None  # a caller's session stays up
    except ImportError:
        embedded = False
    try:
        spark = spark_session(master, settings)
        try:
            summary = run_batch(
                spark, paths, out, partitions=partitions, cues=cues.value, overwrite=overwrite
            )
        finally:
            if not embedded:
                spark.stop()
    except OnrecordError as error:
        fail(error)
    typer.echo(
        f"{summary.articles} articles, {summary.quotes} quotes, {summary.mentions} mentions, "
        f"{summary.rejected} rejected, {summary.stories} stories, "
        f"{summary.statement_pairs} statement pairs in {summary.out} "
        f"({summary.seconds:.1f} s, Spark {summary.spark_version})"
    )
    raise typer.Exit(summary.exit_code)


@batch_app.command("load")
def load(
    out: Annotated[str, typer.Argument(help="A folder written by `onrecord batch run`.")],
    db: DbOption = None,
) -> None:
    """Load a batch output into the store, then update people and grouping per batch."""
    from onrecord.batch.parquet import load_output
    from onrecord.stages import cross_article_stages

    try:
        store = open_store_for(db, create=True)
        with store, progress_bar() as bar:
            task = bar.add_task("loading", total=None, rejected=0)
            summary = load_output(
                out,
                store,
                after_batch=cross_article_stages(),
                progress=lambda done, rejected: bar.update(task, completed=done, rejected=rejected),
            )
            bar.update(task, total=summary.articles, completed=summary.articles)
    except OnrecordError as error:
        fail(error)
    report_summary(summary, store.location)
