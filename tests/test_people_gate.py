"""Quality gate for who-is-who: B-cubed over the gold mentions of people_gold.jsonl.

The invented articles are ingested through the real pipeline (`onrecord.ingest.ingest`
with `update_people` after each batch) into a temporary SQLite store; floors are
pinned in tests/people_floors.json.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from onrecord.people.quality import PeopleScores, bcubed, load_gold, score_gold

HERE = Path(__file__).parent
GOLD = load_gold(HERE / "fixtures" / "people_gold.jsonl")
FLOORS = json.loads((HERE / "people_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> PeopleScores:
    return score_gold(GOLD, tmp_path_factory.mktemp("people_gate"))


def test_gold_set_covers_the_hard_cases() -> None:
    keys = Counter(m["person"] for record in GOLD for m in record["mentions"])
    texts = {m["text"] for record in GOLD for m in record["mentions"]}
    assert len(GOLD) >= 60
    assert {k.split(":")[0] for k in keys} == {"person", "org", "group"}
    surnames = Counter(k.rsplit("-", 1)[-1] for k in keys if k.startswith("person:"))
    assert sum(1 for n in surnames.values() if n > 1) >= 3, "same-surname pairs"
    assert {"Dmitry Volkonsky", "Dmitri Volkonsky", "Dmitriy Volkonsky"} <= texts
    assert any(t.lower().startswith("the kremlin spokesman") for t in texts), "role-only mentions"
    for record in GOLD:
        for mention in record["mentions"]:
            assert record["text"].count(mention["text"]) > mention["nth"], (record["id"], mention)


def test_bcubed_is_one_for_identical_clusterings_and_drops_for_a_merge() -> None:
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0)
    precision, recall = bcubed(["a", "a", "b"], ["x", "x", "x"])
    assert recall == 1.0 and precision < 1.0
    precision, recall = bcubed(["a", "a"], [None, None])
    assert precision == 1.0 and recall == 0.5


def test_bcubed_floors(scores: PeopleScores) -> None:
    assert scores.precision >= FLOORS["bcubed_precision"], scores.as_dict()
    assert scores.recall >= FLOORS["bcubed_recall"], scores.as_dict()
    assert scores.f1 >= FLOORS["bcubed_f1"], scores.as_dict()


def test_no_two_different_full_names_are_merged(scores: PeopleScores) -> None:
    assert scores.full_name_merges <= FLOORS["max_full_name_merges"], scores.merged_pairs


def test_the_extractor_finds_the_gold_mentions(scores: PeopleScores) -> None:
    assert scores.found / scores.mentions >= FLOORS["min_mentions_found"], scores.as_dict()
