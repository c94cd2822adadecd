"""Scoring: onrecord.evaluate.score computes what the shared score.py prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onrecord.evaluate import load_gold, match, predict, score
from onrecord.quotes import QuoteExtractor

SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

TEXT = (
    "Minister Ana Brik said the bridge would open in May. “It is ready,” she added. "
    "Critics think the cost was too high. Brik told reporters that the tolls would stay low."
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _quote(content: str, speaker: str | None, kind: str, speech: bool = True) -> dict[str, Any]:
    start, end = _span(TEXT, content)
    quote: dict[str, Any] = {
        "quote_start": start,
        "quote_end": end,
        "quote_text": content,
        "type": kind,
        "is_speech_cue": speech,
        "speaker_start": None,
        "speaker_end": None,
        "speaker_text": speaker,
    }
    if speaker:
        quote["speaker_start"], quote["speaker_end"] = _span(TEXT, speaker)
    return quote


GOLD = [
    {
        "doc_id": "d1",
        "text": TEXT,
        "quotes": [
            _quote("the bridge would open in May", "Minister Ana Brik", "indirect"),
            _quote("“It is ready,”", "she", "direct"),
            _quote("the cost was too high", "Critics", "indirect", speech=False),
            _quote("that the tolls would stay low", "Brik told", "indirect"),
        ],
    }
]
GOLD[0]["quotes"][3]["speaker_end"] = GOLD[0]["quotes"][3]["speaker_start"] + 4
GOLD[0]["quotes"][3]["speaker_text"] = "Brik"

PRED = [
    {
        "doc_id": "d1",
        "quotes": [
            # matched, speaker span overlaps
            {
                **dict(
                    zip(
                        ("quote_start", "quote_end"),
                        _span(TEXT, "the bridge would open"),
                        strict=True,
                    )
                ),
                "speaker_start": 9,
                "speaker_end": 17,
                "speaker_text": "Ana Brik",
            },
            # matched, wrong speaker
            {
                **dict(
                    zip(("quote_start", "quote_end"), _span(TEXT, "“It is ready,”"), strict=True)
                ),
                "speaker_start": None,
                "speaker_end": None,
                "speaker_text": "Critics",
            },
            # matched by normalised speaker string only
            {
                **dict(
                    zip(
                        ("quote_start", "quote_end"),
                        _span(TEXT, "the tolls would stay low"),
                        strict=True,
                    )
                ),
                "speaker_start": None,
                "speaker_end": None,
                "speaker_text": "brik",
            },
            # a false positive
            {
                **dict(
                    zip(("quote_start", "quote_end"), _span(TEXT, "Critics think"), strict=True)
                ),
                "speaker_start": None,
                "speaker_end": None,
                "speaker_text": None,
            },
        ],
    }
]


def test_hand_computed_figures() -> None:
    result = score(GOLD, PRED, subset="all")
    assert result["n_gold"] == 4 and result["n_pred"] == 4
    assert result["quote"] == {"P": 0.75, "R": 0.75, "F1": 0.75}
    assert result["speaker_acc_given_match"] == round(2 / 3, 4)
    assert result["e2e"] == {"P": 0.5, "R": 0.5, "F1": 0.5}
    speech = score(GOLD, PRED, subset="speech")
    assert speech["n_gold"] == 3
    assert speech["quote"]["R"] == 1.0
    assert speech["recall_by_gold_type"]["direct"] == {"n": 1, "quote_R": 1.0, "e2e_R": 0.0}


def test_overlap_threshold_decides_a_match() -> None:
    gold = [{"quote_start": 0, "quote_end": 19}]  # 16 token characters
    text = "aaaa bbbb cccc dddd eeee"
    assert match(text, gold, [{"quote_start": 0, "quote_end": 4}], 0.5) == []  # 4/16
    assert match(text, gold, [{"quote_start": 0, "quote_end": 9}], 0.5) == [(0, 0)]  # 8/16
    assert match(text, gold, [{"quote_start": 5, "quote_end": 24}], 0.5) == [(0, 0)]  # 12/20


@pytest.mark.skipif(not SCORE_PY.exists(), reason="the shared score.py is not beside the repo")
@pytest.mark.parametrize("min_overlap", [0.5, 0.3])
def test_agrees_with_the_shared_score_py(tmp_path: Path, min_overlap: float) -> None:
    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in PRED), encoding="utf-8")
    printed = subprocess.run(
        [
            sys.executable,
            str(SCORE_PY),
            str(gold_path),
            str(pred_path),
            "--min-overlap",
            str(min_overlap),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(printed) == score(load_gold(gold_path), PRED, min_overlap=min_overlap)


def test_predict_writes_the_extract_jsonl_shape(nlp) -> None:
    lines = predict([{"doc_id": "d1", "text": TEXT}], QuoteExtractor(nlp))
    assert [line["doc_id"] for line in lines] == ["d1"]
    assert lines[0]["quotes"], lines
    for quote in lines[0]["quotes"]:
        assert {
            "quote_start",
            "quote_end",
            "text",
            "kind",
            "cue",
            "cue_class",
            "speaker_start",
            "speaker_end",
            "speaker_text",
            "speaker",
        } <= set(quote)
        assert quote["text"] == TEXT[quote["quote_start"] : quote["quote_end"]]


def test_unknown_subset_is_refused() -> None:
    with pytest.raises(ValueError, match="subset"):
        score(GOLD, PRED, subset="thoughts")


def test_evaluate_file_runs_the_pipeline_and_writes_predictions(tmp_path: Path) -> None:
    from onrecord.evaluate import evaluate_file

    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    result = evaluate_file(gold_path, subset="speech", pred_out=pred_path)
    assert result["subset"] == "speech" and result["articles"] == 1
    assert result["n_gold"] == 3 and result["quote"]["R"] >= 2 / 3
    lines = [json.loads(line) for line in pred_path.read_text(encoding="utf-8").splitlines()]
    assert [line["doc_id"] for line in lines] == ["d1"]
    assert score(GOLD, lines, subset="speech")["quote"] == result["quote"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json\n", "not JSON"), ('{"doc_id": "x"}\n', "not a gold record")],
)
def test_a_broken_gold_file_is_reported(tmp_path: Path, content: str, message: str) -> None:
    from onrecord.errors import SourceError

    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        load_gold(path)
    with pytest.raises(SourceError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")
