"""The batch mode: the per-article pipeline on Apache Spark, for millions of articles.

``onrecord batch run`` (`run_batch`) reads JSONL and WARC inputs on Spark's
executors, runs `onrecord.pipeline.Pipeline` in ``mapPartitions`` and writes
Parquet datasets shaped like the store's tables, plus stories and candidate
statement pairs found with Spark's MinHash LSH. ``onrecord batch load``
(`load_output`) puts such an output into the store in input order, running the
cross-article stages per batch, so the store ends as an ``onrecord ingest`` of
the same inputs would leave it.

`run_batch` needs the ``spark`` extra (pyspark and Java 17+); `load_output`
needs only pyarrow.
"""

from __future__ import annotations

from onrecord.batch.parquet import LoadSummary, load_output

__all__ = ["BatchSummary", "LoadSummary", "load_output", "run_batch", "spark_session"]


def __getattr__(name: str) -> object:
    # The Spark side is imported on demand: loading an output needs no pyspark.
    if name in ("BatchSummary", "run_batch", "spark_session"):
        from onrecord.batch import spark

        return getattr(spark, name)
    raise AttributeError(name)
