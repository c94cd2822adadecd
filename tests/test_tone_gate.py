"""Quality gate for onrecord.tone on the labelled diplomatic statements.

Floors are pinned in tests/tone_floors.json; the comparison is with plain VADER
(compound score, ±0.05 thresholds) on the same statements.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from onrecord.tone import ToneScorer, tone_label

HERE = Path(__file__).parent
GOLD = [
    json.loads(line)
    for line in (HERE / "fixtures" / "tone_gold.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
FLOORS = json.loads((HERE / "tone_floors.json").read_text(encoding="utf-8"))
# Odd lines were used while building the lexicon; even lines are held out.
HALVES = {"dev": GOLD[0::2], "heldout": GOLD[1::2], "all": GOLD}


def _vader_label(compound: float) -> str:
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


@pytest.fixture(scope="module")
def accuracies() -> dict[str, dict[str, float]]:
    scorer = ToneScorer()
    vader = SentimentIntensityAnalyzer()
    result: dict[str, dict[str, float]] = {}
    for half, rows in HALVES.items():
        ours = sum(tone_label(scorer(r["text"])) == r["label"] for r in rows) / len(rows)
        base = sum(
            _vader_label(vader.polarity_scores(r["text"])["compound"]) == r["label"] for r in rows
        ) / len(rows)
        result[half] = {"onrecord": ours, "vader": base}
    return result


def test_gold_set_is_large_and_balanced() -> None:
    counts = Counter(row["label"] for row in GOLD)
    assert set(counts) == {"negative", "neutral", "positive"}
    assert len(GOLD) >= 180
    assert max(counts.values()) - min(counts.values()) <= 3
    assert len({row["text"] for row in GOLD}) == len(GOLD), "duplicate statements"


@pytest.mark.parametrize("half", sorted(FLOORS["accuracy"]))
def test_accuracy_floor(accuracies: dict[str, dict[str, float]], half: str) -> None:
    assert accuracies[half]["onrecord"] >= FLOORS["accuracy"][half]


@pytest.mark.parametrize("half", sorted(FLOORS["min_margin_over_vader"]))
def test_beats_plain_vader(accuracies: dict[str, dict[str, float]], half: str) -> None:
    margin = accuracies[half]["onrecord"] - accuracies[half]["vader"]
    assert margin >= FLOORS["min_margin_over_vader"][half], accuracies[half]
