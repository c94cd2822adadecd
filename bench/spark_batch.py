"""Time the Spark batch job with one and with two executor cores.

    python bench/spark_batch.py --limit 200 [--load] [--baseline]

The corpus is the texts of ``../shared/eval/polnear_train.jsonl`` when that file
is there (copied, with their doc_id and date only, into a temporary JSONL that
is deleted afterwards), else the files of ``examples/corpus`` read with the
normal readers and repeated with a counter line so each copy is a new article.

For each number of cores the job (`onrecord.batch.spark.run_batch`, master
``local[N]``) runs in a fresh Spark session, so each timing includes the
Python workers loading the spaCy model; Spark's own start-up is timed apart.
Prints, per run: articles, quotes, job seconds, articles per second, and at
the end the speed-up of two cores over one.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from onrecord.batch.spark import run_batch, spark_session
from onrecord.model import Article

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
EXAMPLES = ROOT / "examples" / "corpus"


def write_corpus(path: Path, limit: int) -> str:
    """Write ``limit`` articles as JSONL to ``path``; return what they are."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        if POLNEAR.is_file():
            with POLNEAR.open(encoding="utf-8") as source:
                for line in source:
                    record = json.loads(line)
                    row = {
                        "doc_id": record.get("doc_id"),
                        "published": record.get("publication_date"),
                        "text": record["text"],
                    }
                    out.write(json.dumps(row) + "\n")
                    written += 1
                    if written >= limit:
                        break
            return f"{written} PolNeAR train texts"
        from onrecord.sources import read_sources

        articles = [a for a in read_sources([EXAMPLES]) if isinstance(a, Article)]
        copy = 0
        while written < limit:
            copy += 1
            for article in articles:
                row = {
                    "outlet": article.outlet,
                    "published": article.published.isoformat() if article.published else None,
                    "text": f"{article.text}\n\nCopy {copy}.",
                }
                out.write(json.dumps(row) + "\n")
                written += 1
                if written >= limit:
                    break
    return f"{written} articles of examples/corpus, repeated"


def load(out: Path, db: Path) -> None:
    """Time `onrecord.batch.load_output` (with the cross-article stages) into a new store."""
    from onrecord.batch import load_output
    from onrecord.stages import cross_article_stages
    from onrecord.store import open_store

    began = time.monotonic()
    with open_store(str(db)) as store:
        summary = load_output(out, store, after_batch=cross_article_stages())
    seconds = time.monotonic() - began
    print(
        f"batch load into SQLite: {summary.articles} articles, {summary.quotes} quotes in "
        f"{seconds:.1f} s ({summary.articles / seconds:.2f} articles/s)"
    )


def baseline(corpus: Path, cues: str) -> None:
    """Time `onrecord.pipeline.Pipeline` over the corpus in this process, for comparison."""
    from onrecord.pipeline import Pipeline
    from onrecord.sources import read_sources

    began = time.monotonic()
    pipeline = Pipeline(cues)  # type: ignore[arg-type]
    articles = [a for a in read_sources([corpus]) if isinstance(a, Article)]
    for article in articles:
        pipeline.safe(article)
    seconds = time.monotonic() - began
    print(
        f"in-process, no Spark: {len(articles)} articles in {seconds:.1f} s "
        f"({len(articles) / seconds:.2f} articles/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles in the corpus")
    parser.add_argument("--cores", default="1,2", help="executor cores to compare, e.g. 1,2")
    parser.add_argument("--partitions", type=int, default=8, help="pipeline partitions")
    parser.add_argument("--cues", default="speech", choices=("speech", "all"))
    parser.add_argument(
        "--load",
        action="store_true",
        help="also time loading the last output into a new SQLite store (`onrecord batch load`)",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also time the plain in-process pipeline (one process, model load included)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="onrecord-spark-bench-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        print(f"corpus: {write_corpus(corpus, args.limit)}")
        rates: dict[int, float] = {}
        for cores in (int(c) for c in args.cores.split(",")):
            started = time.monotonic()
            spark = spark_session(
                f"local[{cores}]",
                {"spark.sql.shuffle.partitions": str(args.partitions), "spark.driver.memory": "1g"},
            )
            startup = time.monotonic() - started
            master = spark.sparkContext.master
            try:
                began = time.monotonic()
                summary = run_batch(
                    spark,
                    [str(corpus)],
                    folder / f"out-{cores}",
                    partitions=args.partitions,
                    cues=args.cues,
                )
                seconds = time.monotonic() - began
            finally:
                spark.stop()
            rates[cores] = summary.articles / seconds
            print(
                f"{master}: {summary.articles} articles, {summary.quotes} quotes, "
                f"{summary.rejected} rejected, {summary.stories} stories, "
                f"{summary.statement_pairs} statement pairs; job {seconds:.1f} s "
                f"({rates[cores]:.2f} articles/s), of which reading and pipeline "
                f"{summary.pipeline_seconds:.1f} s "
                f"({summary.articles / summary.pipeline_seconds:.2f} articles/s); "
                f"Spark start-up {startup:.1f} s"
            )
        if args.load:
            load(folder / f"out-{cores}", folder / "store.db")
        if args.baseline:
            baseline(corpus, args.cues)
        if len(rates) > 1:
            first, *_, last = sorted(rates)
            print(f"speed-up local[{last}] over local[{first}]: {rates[last] / rates[first]:.2f}x")


if __name__ == "__main__":
    main()
