"""Cross-article work of a batch run, with Spark's own operators.

* **Stories**: each article's word 3-shingles (its text minus boilerplate, as
  `onrecord.grouping.stories` cuts them) are hashed into a sparse vector
  (`HashingTF`); `MinHashLSH.approxSimilarityJoin` finds candidate pairs (never
  all pairs), a pair is confirmed when the share of the smaller article's
  shingles found in the other reaches `STORY_THRESHOLD` (the store's rule), and
  stories are the connected components of confirmed pairs
  (`connected_components`: iterative minimum-label propagation in DataFrames).
  A story's id is the one the store gives a story started by its first article
  in publication order.
* **Statement pairs**: quotes by the same speaker (name normalised as the
  store's grouping does) said within `PAIR_MAX_DAYS` days of each other, whose
  content stems have a Jaccard similarity of at least `PAIR_MIN_JACCARD`,
  candidates again from MinHash LSH.
"""

from __future__ import annotations

from collections.abc import Iterator
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
#: MinHash tables: a pair at Jaccard J becomes a candidate with probability 1 - (1 - J)**N.
NUM_HASH_TABLES = 10
#: Candidate story pairs: Jaccard of at least 0.2 (a copy with half its text cut
#: or rewritten is still near 0.3); confirmed by containment afterwards.
STORY_MAX_DISTANCE = 0.8
PAIR_MAX_DAYS = 3
PAIR_MIN_JACCARD = 0.3


def _article_shingles(rows: Iterator[Any]) -> Iterator[tuple[str, list[str]]]:
    from onrecord.grouping.stories import article_shingles, prose

    for row in rows:
        yield row["id"], sorted(article_shingles(prose(row["text"], row["boilerplate"])))


def _quote_stems(rows: Iterator[Any]) -> Iterator[tuple[str, str, str, list[str]]]:
    from onrecord.grouping.text import normalise_name, wording

    for row in rows:
        person = normalise_name(row["speaker"] or "")
        stems = sorted(wording(row["text"]).content)
        if person and stems:
            yield row["id"], person, row["said_on"], stems


def _similar_pairs(frame: DataFrame, tokens: str, max_distance: float, seed: int) -> DataFrame:
    """Pairs ``(a, b)`` of rows (``a.id < b.id``) whose token sets MinHash LSH finds close."""
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import functions as F

    featured = HashingTF(
        inputCol=tokens, outputCol="features", numFeatures=NUM_FEATURES, binary=True
    ).transform(frame)
    model = MinHashLSH(
        inputCol="features", outputCol="hashes", numHashTables=NUM_HASH_TABLES, seed=seed
    ).fit(featured)
    joined = model.approxSimilarityJoin(featured, featured, max_distance, distCol="distance")
    return joined.where(F.col("datasetA.id") < F.col("datasetB.id")).select(
        F.col("datasetA").alias("a"), F.col("datasetB").alias("b")
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
    pairs = _similar_pairs(shingled, "shingles", STORY_MAX_DISTANCE, seed=7)
    shared = F.size(F.array_intersect("a.shingles", "b.shingles"))
    smaller = F.least(F.size("a.shingles"), F.size("b.shingles"))
    edges = pairs.where(shared / smaller >= STORY_THRESHOLD).select(
        F.col("a.id").alias("src"), F.col("b.id").alias("dst")
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
            StructField("said_on", StringType(), True),
            StructField("stems", ArrayType(StringType(), False), False),
        ]
    )
    dated = quotes.where(F.col("speaker").isNotNull() & F.col("said_on").isNotNull())
    stems = spark.createDataFrame(
        dated.select("id", "speaker", "said_on", "text").rdd.mapPartitions(_quote_stems), schema
    ).withColumn("said_on", F.to_date("said_on"))
    pairs = _similar_pairs(stems, "stems", 1.0 - PAIR_MIN_JACCARD, seed=1)
    jaccard = F.size(F.array_intersect("a.stems", "b.stems")) / F.size(
        F.array_union("a.stems", "b.stems")
    )
    return (
        pairs.where(
            (F.col("a.person") == F.col("b.person"))
            & (F.abs(F.datediff("a.said_on", "b.said_on")) <= PAIR_MAX_DAYS)
        )
        .select(
            F.col("a.id").alias("quote_a"),
            F.col("b.id").alias("quote_b"),
            F.round(jaccard, 4).alias("jaccard"),
        )
        .where(F.col("jaccard") >= PAIR_MIN_JACCARD)
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
