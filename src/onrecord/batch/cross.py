"""Cross-article work of a batch run, with Spark's own operators.

Both searches hash token sets into sparse vectors (`HashingTF`) and take their
MinHash signatures with `pyspark.ml.feature.MinHashLSH`; candidates come from
shared LSH buckets, never from all pairs, and are confirmed on the words.

* **Stories**: each article's word 3-shingles (its text minus boilerplate, as
  `onrecord.grouping.stories` cuts them). Spark's ``approxSimilarityJoin``
  buckets on one MinHash value per table, so a shingle common to much of a
  corpus ("said in a statement") that is the minimum under some permutation
  puts most articles in one bucket, and the join grows with the square of its
  size. So the signature (`STORY_BANDS` x `STORY_BAND_ROWS` values, the store's
  shape) is cut into bands of two values and the join is on the band keys,
  as the store does it. A pair is confirmed when the share of the smaller
  article's shingles found in the other reaches `STORY_THRESHOLD` (the store's
  rule); stories are the connected components of confirmed pairs
  (`connected_components`), each named as the store names a story started by
  its first article in publication order.
* **Statement pairs**: quotes by the same speaker (name normalised as the
  store's grouping does) said within `PAIR_MAX_DAYS` days of each other whose
  content stems have a Jaccard similarity of at least `PAIR_MIN_JACCARD`.
  Stems are salted with the speaker and a `PAIR_BLOCK_DAYS`-day block, each
  quote filed under its block and the next one, so ``approxSimilarityJoin``
  only ever buckets one person's quotes from two neighbouring blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from onrecord.grouping.stories import MIN_SHINGLES, STORY_THRESHOLD

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = [
    "PAIR_MAX_DAYS",
    "PAIR_MIN_JACCARD",
    "STORY_THRESHOLD",
    "connected_components",
    "find_statement_pairs",
    "find_stories",
]

#: Hashed feature space (collisions only add candidates; pairs are confirmed on the words).
NUM_FEATURES = 1 << 20
#: Story signatures: 32 bands of 2 values, as the store's (a pair at Jaccard J
#: meets with probability 1 - (1 - J**2)**32: 0.95 at 0.3, 0.73 at 0.2).
STORY_BANDS = 32
STORY_BAND_ROWS = 2
#: Statement tables: a pair at Jaccard J meets with probability 1 - (1 - J)**10.
PAIR_HASH_TABLES = 10
PAIR_MAX_DAYS = 3
PAIR_MIN_JACCARD = 0.3
#: Blocks of this many days; a quote is filed under its block and the next, so
#: any two quotes at most PAIR_BLOCK_DAYS - 1 days apart share a block.
PAIR_BLOCK_DAYS = PAIR_MAX_DAYS + 1


def _article_shingles(rows: Iterator[Any]) -> Iterator[tuple[str, list[str]]]:
    from onrecord.grouping.stories import article_shingles, prose

    for row in rows:
        yield row["id"], sorted(article_shingles(prose(row["text"], row["boilerplate"])))


def _quote_stems(rows: Iterator[Any]) -> Iterator[tuple[str, str, str, list[str], list[str]]]:
    """Per quote and block it is filed under: id, person, said_on, stems, salted stems."""
    from onrecord.grouping.text import normalise_name, wording

    for row in rows:
        person = normalise_name(row["speaker"] or "")
        stems = sorted(wording(row["text"]).content)
        if not (person and stems):
            continue
        block = date.fromisoformat(row["said_on"][:10]).toordinal() // PAIR_BLOCK_DAYS
        for filed in (block, block + 1):
            salt = f"{person}\x1f{filed}\x1f"
            yield row["id"], person, row["said_on"], stems, [salt + s for s in stems]


def _minhash(frame: DataFrame, tokens: str, tables: int, seed: int) -> tuple[DataFrame, Any]:
    """``frame`` with ``features`` (hashed ``tokens``) and the fitted MinHash model."""
    from pyspark.ml.feature import HashingTF, MinHashLSH

    featured = HashingTF(
        inputCol=tokens, outputCol="features", numFeatures=NUM_FEATURES, binary=True
    ).transform(frame)
    model = MinHashLSH(
        inputCol="features", outputCol="hashes", numHashTables=tables, seed=seed
    ).fit(featured)
    return featured, model


def _banded_candidates(frame: DataFrame, tokens: str, bands: int, rows: int) -> DataFrame:
    """Distinct ``(a, b)`` id pairs (``a < b``) that share a band of their MinHash signatures."""
    from pyspark.ml.functions import vector_to_array
    from pyspark.sql import functions as F

    featured, model = _minhash(frame, tokens, bands * rows, seed=7)
    signature = F.transform("hashes", lambda value: vector_to_array(value)[0])
    signed = model.transform(featured).select("id", signature.alias("signature"))
    keys = signed.select(
        "id",
        F.explode(
            F.array(
                *[
                    F.struct(
                        F.lit(band).alias("band"),
                        F.xxhash64(F.slice("signature", band * rows + 1, rows)).alias("bucket"),
                    )
                    for band in range(bands)
                ]
            )
        ).alias("key"),
    ).select("id", "key.band", "key.bucket")
    x, y = keys.alias("x"), keys.alias("y")
    return (
        x.join(y, ["band", "bucket"])
        .where(F.col("x.id") < F.col("y.id"))
        .select(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
        .distinct()
    )


def find_stories(articles: DataFrame) -> DataFrame:
    """``(article_id, story_id)`` for every article that has a near-duplicate in ``articles``."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    spark = articles.sparkSession
    schema = StructType(
        [
            StructField("id", StringType(), False),
            StructField("shingles", ArrayType(StringType(), False), False),
        ]
    )
    shingled = spark.createDataFrame(
        articles.select("id", "text", "boilerplate").rdd.mapPartitions(_article_shingles), schema
    ).where(F.size("shingles") >= MIN_SHINGLES)
    candidates = _banded_candidates(shingled, "shingles", STORY_BANDS, STORY_BAND_ROWS)
    a = shingled.select(F.col("id").alias("a"), F.col("shingles").alias("sa"))
    b = shingled.select(F.col("id").alias("b"), F.col("shingles").alias("sb"))
    shared = F.size(F.array_intersect("sa", "sb"))
    smaller = F.least(F.size("sa"), F.size("sb"))
    edges = (
        candidates.join(a, "a")
        .join(b, "b")
        .where(shared / smaller >= STORY_THRESHOLD)
        .select(F.col("a").alias("src"), F.col("b").alias("dst"))
    )
    components = connected_components(edges).join(articles.select("id", "published"), "id")
    # The store names a story after the article it started from: the first in
    # publication order (undated last, then by id); stable_id("story", that id)
    # is the sha1 of the parts joined by \x1f.
    first = components.groupBy("component").agg(
        F.min(F.struct(F.col("published").isNull(), F.col("published"), F.col("id")))
        .getField("id")
        .alias("first")
    )
    story_id = F.substring(F.sha1(F.concat(F.lit("story\x1f"), F.col("first"))), 1, 16)
    return components.join(first, "component").select(
        F.col("id").alias("article_id"), story_id.alias("story_id")
    )


def find_statement_pairs(quotes: DataFrame) -> DataFrame:
    """``(quote_a, quote_b, jaccard)``: candidate reports of one statement among ``quotes``."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    spark = quotes.sparkSession
    schema = StructType(
        [
            StructField("id", StringType(), False),
            StructField("person", StringType(), False),
            StructField("said_on", StringType(), False),
            StructField("stems", ArrayType(StringType(), False), False),
            StructField("salted", ArrayType(StringType(), False), False),
        ]
    )
    dated = quotes.where(F.col("speaker").isNotNull() & F.col("said_on").isNotNull())
    filed = spark.createDataFrame(
        dated.select("id", "speaker", "said_on", "text").rdd.mapPartitions(_quote_stems), schema
    ).withColumn("said_on", F.to_date("said_on"))
    featured, model = _minhash(filed, "salted", PAIR_HASH_TABLES, seed=1)
    joined = model.approxSimilarityJoin(
        featured, featured, 1.0 - PAIR_MIN_JACCARD, distCol="distance"
    )
    jaccard = F.size(F.array_intersect("a.stems", "b.stems")) / F.size(
        F.array_union("a.stems", "b.stems")
    )
    return (
        joined.select(F.col("datasetA").alias("a"), F.col("datasetB").alias("b"))
        .where(
            (F.col("a.id") < F.col("b.id"))
            & (F.col("a.person") == F.col("b.person"))
            & (F.abs(F.datediff("a.said_on", "b.said_on")) <= PAIR_MAX_DAYS)
        )
        .select(
            F.col("a.id").alias("quote_a"),
            F.col("b.id").alias("quote_b"),
            F.round(jaccard, 4).alias("jaccard"),
        )
        .where(F.col("jaccard") >= PAIR_MIN_JACCARD)
        .distinct()  # a pair filed in two shared blocks is found twice
    )


def connected_components(edges: DataFrame, max_rounds: int = 100) -> DataFrame:
    """``(id, component)`` for every vertex of ``edges`` (``src``, ``dst``).

    A component is named by its smallest vertex id: each round every vertex
    takes the smallest label among itself and its neighbours, until no label
    changes (as many rounds as the widest component's diameter).
    """
    from pyspark.sql import functions as F

    links = (
        edges.select(F.col("src").alias("v"), F.col("dst").alias("n"))
        .union(edges.select(F.col("dst").alias("v"), F.col("src").alias("n")))
        .distinct()
        .localCheckpoint()
    )
    labels = links.select(F.col("v").alias("id")).distinct().withColumn("component", F.col("id"))
    labels = labels.localCheckpoint()
    for _ in range(max_rounds):
        offered = links.join(labels, links["n"] == labels["id"]).select(
            links["v"].alias("id"), labels["component"]
        )
        updated = (
            labels.union(offered)
            .groupBy("id")
            .agg(F.min("component").alias("component"))
            .localCheckpoint()
        )
        changed = (
            updated.alias("new")
            .join(labels.alias("old"), "id")
            .where(F.col("new.component") != F.col("old.component"))
            .count()
        )
        labels = updated
        if changed == 0:
            break
    return labels
