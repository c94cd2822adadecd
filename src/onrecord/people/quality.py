"""Scoring people resolution on an annotated set, through the real ingest pipeline.

The gold file is JSON Lines, one invented article a line: ``id``, ``outlet``,
``published``, ``text`` and ``mentions``, each ``{"text", "nth", "person"}``:
the ``nth`` (0-based) occurrence of ``text`` in the article is a mention of the
gold person key ``person`` ("person:...", "org:...", "group:..."). Articles are
ingested into a fresh store with `update_people` after each batch; each gold
mention takes the person of the stored span that overlaps it most. B-cubed
precision and recall are computed over the gold mentions (a mention with no
person, or that the extractor missed, is a cluster of its own).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.model import stable_id

__all__ = ["PeopleScores", "bcubed", "load_gold", "score_gold"]


@dataclass(slots=True)
class PeopleScores:
    """B-cubed figures, merges of distinct full names, and how many mentions were found."""

    precision: float
    recall: float
    f1: float
    full_name_merges: int
    mentions: int
    found: int
    merged_pairs: list[tuple[str, str]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The figures as a plain dict (for printing)."""
        return {
            "bcubed_precision": round(self.precision, 4),
            "bcubed_recall": round(self.recall, 4),
            "bcubed_f1": round(self.f1, 4),
            "full_name_merges": self.full_name_merges,
            "gold_mentions": self.mentions,
            "mentions_found": self.found,
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold articles of a people gold file."""
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def _url(record: dict[str, Any]) -> str:
    return f"https://gold.example/people/{record['id']}"


def bcubed(gold: Sequence[str], system: Sequence[str | None]) -> tuple[float, float]:
    """B-cubed precision and recall of ``system`` labels against ``gold`` labels (None: alone)."""
    labels = [s if s is not None else f"\0alone{i}" for i, s in enumerate(system)]
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_system: dict[str, set[int]] = defaultdict(set)
    for i, (g, s) in enumerate(zip(gold, labels, strict=True)):
        by_gold[g].add(i)
        by_system[s].add(i)
    precision = recall = 0.0
    for g, s in zip(gold, labels, strict=True):
        both = len(by_gold[g] & by_system[s])
        precision += both / len(by_system[s])
        recall += both / len(by_gold[g])
    n = len(gold) or 1
    return precision / n, recall / n


def score_gold(
    records: Sequence[dict[str, Any]], workdir: str | Path | None = None
) -> PeopleScores:
    """Ingest the gold articles into a new SQLite store and score who-is-who on them."""
    from onrecord.ingest import ingest
    from onrecord.people import update_people
    from onrecord.store import SQLiteStore

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        source = Path(tmp) / "people_gold.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for record in records:
                row = {
                    "text": record["text"],
                    "url": _url(record),
                    "outlet": record["outlet"],
                    "published": record["published"],
                    "title": record["id"],
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        store = SQLiteStore(Path(tmp) / "people.db")
        try:
            ingest([str(source)], store, workers=1, after_batch=[update_people])
            return _score(store, records)
        finally:
            store.close()


def _score(store: Any, records: Sequence[dict[str, Any]]) -> PeopleScores:
    gold: list[str] = []
    system: list[str | None] = []
    errors: list[dict[str, Any]] = []
    found = 0
    for record in records:
        article_id = stable_id("url", _url(record).lower())
        spans = store.query(
            'SELECT s.start, s."end", e.person_id FROM person_spans s JOIN person_entities e '
            "ON e.article_id = s.article_id AND e.entity = s.entity WHERE s.article_id = ?",
            (article_id,),
        )
        for mention in record["mentions"]:
            start = -1
            for _ in range(mention["nth"] + 1):
                start = record["text"].index(mention["text"], start + 1)
            end = start + len(mention["text"])
            overlapping = [
                (min(end, s["end"]) - max(start, s["start"]), s["person_id"])
                for s in spans
                if s["start"] < end and start < s["end"]
            ]
            person = (
                max(overlapping, key=lambda o: (o[0], o[1] is not None))[1] if overlapping else None
            )
            found += bool(overlapping)
            gold.append(mention["person"])
            system.append(person)
            errors.append(
                {"article": record["id"], **mention, "system": person, "found": bool(overlapping)}
            )
    precision, recall = bcubed(gold, system)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    people_of: dict[str, set[str]] = defaultdict(set)
    for g, s in zip(gold, system, strict=True):
        if s is not None and g.startswith("person:"):
            people_of[s].add(g)
    merged = sorted({(a, b) for keys in people_of.values() for a in keys for b in keys if a < b})
    wrong = [e for e in errors if not e["found"] or e["system"] is None or _odd(e, gold, system)]
    split = defaultdict(set)
    for g, s in zip(gold, system, strict=True):
        split[g].add(s)
    wrong += [
        {"gold": g, "split_into": sorted(map(str, ids))}
        for g, ids in sorted(split.items())
        if len(ids) > 1
    ]
    return PeopleScores(precision, recall, f1, len(merged), len(gold), found, merged, wrong)


def _odd(error: dict[str, Any], gold: Sequence[str], system: Sequence[str | None]) -> bool:
    """Whether this mention's system person also holds mentions of another gold person."""
    others = {g for g, s in zip(gold, system, strict=True) if s == error["system"]}
    return len(others) > 1
