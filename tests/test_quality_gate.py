"""Quality gate for quotation extraction on the invented, hand-annotated gold set.

tests/fixtures/quotes_gold.jsonl holds invented articles annotated in the PolNeAR
JSONL format; they are scored exactly as the shared score.py scores PolNeAR
(onrecord.evaluate.score) and held to the floors pinned in tests/quality_floors.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.evaluate import load_gold, match, predict, score
from onrecord.quotes import QuoteExtractor

HERE = Path(__file__).parent
GOLD_PATH = HERE / "fixtures" / "quotes_gold.jsonl"
FLOORS = json.loads((HERE / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not GOLD_PATH.exists(), reason="quotes_gold.jsonl not written yet")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_gold(GOLD_PATH)


@pytest.fixture(scope="module")
def speech_predictions(nlp, gold) -> list[dict[str, Any]]:
    return predict(gold, QuoteExtractor(nlp, cues="speech"))


@pytest.fixture(scope="module")
def speech_scores(gold, speech_predictions) -> dict[str, Any]:
    return score(gold, speech_predictions, subset="speech")


def test_speech_quote_detection_floors(speech_scores: dict[str, Any]) -> None:
    floors = FLOORS["speech"]
    assert speech_scores["quote"]["F1"] >= floors["quote_f1"], speech_scores
    assert speech_scores["quote"]["P"] >= floors["quote_precision"], speech_scores
    assert speech_scores["quote"]["R"] >= floors["quote_recall"], speech_scores


def test_speech_speaker_floors(speech_scores: dict[str, Any]) -> None:
    floors = FLOORS["speech"]
    assert speech_scores["speaker_acc_given_match"] >= floors["speaker_acc_given_match"]
    assert speech_scores["e2e"]["F1"] >= floors["e2e_f1"], speech_scores


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_speech_recall_by_kind(speech_scores: dict[str, Any], kind: str) -> None:
    recall = speech_scores["recall_by_gold_type"][kind]["quote_R"]
    assert recall >= FLOORS["speech"][f"recall_{kind}"], speech_scores["recall_by_gold_type"]


def test_all_cues_floors(nlp, gold) -> None:
    scores = score(gold, predict(gold, QuoteExtractor(nlp, cues="all")), subset="all")
    assert scores["quote"]["F1"] >= FLOORS["all"]["quote_f1"], scores
    assert scores["e2e"]["F1"] >= FLOORS["all"]["e2e_f1"], scores


def test_speakers_resolve_to_the_annotated_names(gold, speech_predictions) -> None:
    right = total = 0
    for record, predicted in zip(gold, speech_predictions, strict=True):
        quotes = [q for q in record["quotes"] if q.get("is_speech_cue")]
        for i, j in match(record["text"], quotes, predicted["quotes"], 0.5):
            name = quotes[i].get("speaker_name")
            if name:
                total += 1
                right += (predicted["quotes"][j]["speaker"] or "").lower() == name.lower()
    assert total and right / total >= FLOORS["speaker_name_accuracy"], (right, total)
