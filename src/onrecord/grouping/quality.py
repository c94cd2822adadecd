"""Scoring statement grouping on labelled pairs of reports.

A pair is ``{"a": {text, person, said_on, outlet}, "b": {...}, "same": bool,
"note": str, "split": "dev" | "heldout"}``. A pair is predicted *same* when
the decision the store makes would join them: they share an LSH bucket (the
candidate step) and `similarity.same_statement` confirms it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from onrecord.grouping.similarity import STATEMENT_THRESHOLD, Report, same_statement
from onrecord.grouping.statements import report_of, statement_keys

__all__ = ["Scores", "load_pairs", "predict", "score_pairs"]

Pair = dict[str, Any]
Scores = dict[str, float]


def load_pairs(path: str | Path, split: str | None = None) -> list[Pair]:
    """The labelled pairs in a JSONL file, optionally only one split."""
    with open(path, encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle if line.strip()]
    return [p for p in pairs if split is None or p.get("split") == split]


def _report(side: dict[str, Any]) -> Report | None:
    return report_of({"text": side["text"], "speaker": side["person"], "said_on": side["said_on"]})


def predict(pair: Pair, threshold: float = STATEMENT_THRESHOLD) -> bool:
    """Whether grouping would put the two reports of ``pair`` in one statement."""
    a, b = _report(pair["a"]), _report(pair["b"])
    if a is None or b is None:
        return False
    own_a, lookup_a = statement_keys(a)
    own_b, lookup_b = statement_keys(b)
    candidate = bool(set(own_b) & set(lookup_a)) or bool(set(own_a) & set(lookup_b))
    return candidate and same_statement(a, b, threshold)


def _ratios(tp: int, fp: int, fn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score_pairs(
    pairs: Iterable[Pair], threshold: float = STATEMENT_THRESHOLD
) -> tuple[Scores, dict[str, dict[str, int]], list[Pair]]:
    """Precision/recall of "same statement", counts per note, and the pairs got wrong."""
    tp = fp = fn = 0
    per_note: dict[str, dict[str, int]] = defaultdict(lambda: {"right": 0, "wrong": 0})
    errors: list[Pair] = []
    for pair in pairs:
        guess = predict(pair, threshold)
        truth = bool(pair["same"])
        tp += guess and truth
        fp += guess and not truth
        fn += truth and not guess
        per_note[pair["note"]]["right" if guess == truth else "wrong"] += 1
        if guess != truth:
            errors.append(pair)
    return _ratios(tp, fp, fn), dict(per_note), errors


def sweep(pairs: Sequence[Pair], thresholds: Iterable[float]) -> list[tuple[float, Scores]]:
    """Scores at each threshold (to choose one on the development split)."""
    return [(t, score_pairs(pairs, t)[0]) for t in thresholds]
