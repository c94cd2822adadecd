"""The batch job on Apache Spark: inputs → per-article pipeline → Parquet.

1. The driver numbers the input files (`onrecord.batch.inputs.plan_inputs`).
   JSONL files are read with ``spark.read.text`` and parsed line by line on the
   executors (a malformed line is a rejected row, never a failed job); WARC
   archives are handed out one per task and read with the normal WARC reader;
   other inputs are read on the driver.
2. Articles are keyed by `Article.id` and the first one in input order kept
   (one shuffle, which also spreads them over ``partitions``), as ingest skips
   articles it has already seen.
3. ``mapPartitions`` runs `onrecord.pipeline.Pipeline` (built once per Python
   worker process, which Spark reuses across tasks, so the spaCy model loads
   once per worker) and emits the store's rows for each article.
4. The rows are written as Parquet datasets sorted by input order
   (`onrecord.batch.parquet`), then the cross-article outputs are computed
   with Spark's own operators (`onrecord.batch.cross`).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.batch.inputs import Item, local_items, parse_jsonl_line, plan_inputs, warc_items
from onrecord.batch.parquet import (
    ARTICLE_COLUMNS,
    DATASETS,
    MANIFEST,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    REJECTED_COLUMNS,
    article_record,
    mention_records,
    ordinal,
    quote_records,
    rejected_record,
)
from onrecord.errors import ModelNotFound, OnrecordError, UsageError
from onrecord.model import Article, Rejected

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

__all__ = ["DEFAULT_CONFIG", "BatchSummary", "run_batch", "spark_session"]

#: Spark settings for a job on one machine; ``--conf``-style overrides win.
DEFAULT_CONFIG: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.python.worker.reuse": "true",
}


def spark_session(
    master: str = "local[*]",
    config: Mapping[str, str] | None = None,
    app_name: str = "onrecord-batch",
) -> SparkSession:
    """A Spark session whose Python workers run this interpreter (and so this onrecord)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ModelNotFound(
            "the batch mode needs Apache Spark: pip install 'onrecord[spark]' "
            "(pyspark, with Java 17 or later on the PATH)"
        ) from None
    # Executors must import the same onrecord and spaCy model as the driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in {**DEFAULT_CONFIG, **(config or {})}.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # py4j / PySparkRuntimeError: no Java, bad master...
        raise OnrecordError(
            f"could not start Spark ({master}): {str(error).splitlines()[0]}; "
            "is Java 17+ installed and JAVA_HOME set?"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_schema(columns: Sequence[tuple[str, str]]) -> StructType:
    """The Spark schema of a dataset's `(name, type)` columns (every column nullable)."""
    from pyspark.sql.types import (
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    types = {"string": StringType, "int": IntegerType, "long": LongType, "double": DoubleType}
    return StructType([StructField(name, types[kind](), True) for name, kind in columns])


def result_schema() -> StructType:
    """One row per input item: the article row, its quotes and mentions, or a rejection."""
    from pyspark.sql.types import ArrayType, StructField, StructType

    return StructType(
        [
            StructField("article", spark_schema(ARTICLE_COLUMNS), True),
            StructField("quotes", ArrayType(spark_schema(QUOTE_COLUMNS), False), False),
            StructField("mentions", ArrayType(spark_schema(MENTION_COLUMNS), False), False),
            StructField("rejected", spark_schema(REJECTED_COLUMNS), True),
        ]
    )


# -- executor side ------------------------------------------------------------

_PIPELINES: dict[str, Any] = {}


def _pipeline(cues: str) -> Any:
    """This worker process's pipeline, built on first use (the model loads once)."""
    if cues not in _PIPELINES:
        from onrecord.pipeline import Pipeline

        _PIPELINES[cues] = Pipeline(cues)  # type: ignore[arg-type]
    return _PIPELINES[cues]


def _jsonl_item(file_number: int, path: str, numbered: tuple[Any, int]) -> Item | None:
    row, index = numbered
    line = row[0] if row[0] is not None else ""
    item = parse_jsonl_line(line, f"{path}:{index + 1}")
    return None if item is None else (ordinal(file_number, index), item)


def _dedup_key(item: Item) -> tuple[object, Item]:
    order, what = item
    if isinstance(what, Article):
        return what.id, item
    return ("rejected", order, what.source, what.stage, what.reason), item


def _first_in_input_order(a: Item, b: Item) -> Item:
    return a if a[0] <= b[0] else b


def _run_partition(cues: str, items: Iterator[Item]) -> Iterator[tuple[Any, ...]]:
    """Run the pipeline over a partition's articles; yield one result row per item."""
    pipeline = None
    for order, item in items:
        if isinstance(item, Rejected):
            yield (None, [], [], rejected_record(item, order))
            continue
        pipeline = pipeline or _pipeline(cues)
        result = pipeline.safe(item)
        if isinstance(result, Rejected):
            yield (None, [], [], rejected_record(result, order))
        else:
            yield (
                article_record(result, order),
                quote_records(result, order),
                mention_records(result, order),
                None,
            )


# -- driver side --------------------------------------------------------------


@dataclass(slots=True)
class BatchSummary:
    """What a batch run wrote: row counts per dataset, and how long it took."""

    out: str
    inputs: list[str]
    files: int
    partitions: int
    cues: str
    articles: int
    quotes: int
    mentions: int
    rejected: int
    stories: int
    statement_pairs: int
    seconds: float
    pipeline_seconds: float  # of ``seconds``: reading the inputs and the per-article pipeline
    spark_version: str

    @property
    def exit_code(self) -> int:
        """0 when every input was used, 1 when some were rejected."""
        return 1 if self.rejected else 0


def prepare_output(out: Path, overwrite: bool) -> None:
    """Make ``out`` ready for a run: refuse a non-empty folder unless it is ours and ``overwrite``."""
    if not out.exists():
        return
    if not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder; choose another --out")
    entries = {entry.name for entry in out.iterdir()}
    if not entries:
        return
    if not overwrite:
        raise UsageError(f"{out}: already exists; pass --overwrite to replace it")
    ours = set(DATASETS) | {MANIFEST}
    if not entries <= ours:
        strangers = ", ".join(sorted(entries - ours)[:3])
        raise UsageError(
            f"{out}: holds files that are not a batch output ({strangers}); "
            "refusing to overwrite it, choose another --out"
        )
    shutil.rmtree(out)


def _read_items(spark: SparkSession, paths: Sequence[str]) -> tuple[Any, int]:
    """An RDD of every input item (article or rejection) with its ordinal, and the file count."""
    sc = spark.sparkContext
    plan = plan_inputs(paths)
    parts = []
    for number, path in plan.jsonl:
        lines = spark.read.option("lineSep", "\n").text(path).rdd
        parts.append(lines.zipWithIndex().map(partial(_jsonl_item, number, path)).filter(bool))
    if plan.warc:
        files = sc.parallelize(plan.warc, len(plan.warc))
        parts.append(files.flatMap(lambda numbered: warc_items(*numbered)))
    driver_items: list[Item] = list(plan.rejected)
    for number, name in plan.local:
        driver_items += local_items(number, name)
    if driver_items:
        parts.append(sc.parallelize(driver_items, max(1, min(len(driver_items), 64))))
    if not parts:
        return sc.emptyRDD(), plan.files
    return sc.union(parts), plan.files


def _parquet_rows(folder: Path) -> int:
    """Rows of a written dataset, from the Parquet footers (no Spark job)."""
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(part).num_rows for part in folder.glob("*.parquet"))


def _distinct(folder: Path, column: str) -> int:
    import pyarrow.parquet as pq

    parts = sorted(folder.glob("*.parquet"))
    return len(
        {v for part in parts for v in pq.read_table(part, columns=[column])[column].to_pylist()}
    )


def _write_sorted(frame: DataFrame, path: Path, order: Sequence[str]) -> None:
    frame.orderBy(*order).write.mode("overwrite").parquet(str(path))


def run_batch(
    spark: SparkSession,
    paths: Sequence[str],
    out: str | os.PathLike[str],
    partitions: int | None = None,
    cues: str = "speech",
    overwrite: bool = False,
) -> BatchSummary:
    """Run the per-article pipeline over ``paths`` on Spark and write Parquet under ``out``.

    Returns the row counts written. ``out`` must not exist, be empty, or (with
    ``overwrite``) be an earlier batch output, which is replaced.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from onrecord.batch.cross import find_statement_pairs, find_stories

    if cues not in ("speech", "all"):
        raise UsageError(f"--cues must be speech or all, not {cues!r}")
    started = time.monotonic()
    folder = Path(out)
    prepare_output(folder, overwrite)
    partitions = partitions or 2 * spark.sparkContext.defaultParallelism
    items, files = _read_items(spark, paths)
    # One shuffle keeps the first copy of each article (by id, in input order)
    # and spreads the work over the partitions; rejections ride along under
    # keys of their own, so the inputs are read once.
    rows = (
        items.map(_dedup_key)
        .reduceByKey(_first_in_input_order, numPartitions=partitions)
        .values()
        .mapPartitions(partial(_run_partition, cues))
    )
    results = spark.createDataFrame(rows, result_schema()).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        began = time.monotonic()
        results.count()  # the pipeline runs here, once; the writes read the cached rows
        pipeline_seconds = time.monotonic() - began
        _write_sorted(
            results.where(F.col("article").isNotNull()).select("article.*"),
            folder / "articles",
            ["ordinal"],
        )
        _write_sorted(
            results.select(F.explode("quotes").alias("row")).select("row.*"),
            folder / "quotes",
            ["ordinal", "seq"],
        )
        _write_sorted(
            results.select(F.explode("mentions").alias("row")).select("row.*"),
            folder / "mentions",
            ["ordinal", "seq"],
        )
        _write_sorted(
            results.where(F.col("rejected").isNotNull()).select("rejected.*"),
            folder / "rejected",
            ["ordinal", "source"],
        )
    finally:
        results.unpersist()
    written = spark.read.parquet(str(folder / "articles"))
    find_stories(written).write.mode("overwrite").parquet(str(folder / "stories"))
    quotes = spark.read.parquet(str(folder / "quotes"))
    find_statement_pairs(quotes).write.mode("overwrite").parquet(str(folder / "statement_pairs"))

    counts = {name: _parquet_rows(folder / name) for name in DATASETS}
    summary = BatchSummary(
        out=str(folder),
        inputs=[os.fspath(p) for p in paths],
        files=files,
        partitions=partitions,
        cues=cues,
        articles=counts["articles"],
        quotes=counts["quotes"],
        mentions=counts["mentions"],
        rejected=counts["rejected"],
        stories=_distinct(folder / "stories", "story_id"),
        statement_pairs=counts["statement_pairs"],
        seconds=round(time.monotonic() - started, 2),
        pipeline_seconds=round(pipeline_seconds, 2),
        spark_version=spark.version,
    )
    (folder / MANIFEST).write_text(json.dumps(asdict(summary), indent=2) + "\n", "utf-8")
    return summary
