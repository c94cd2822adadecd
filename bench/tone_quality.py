"""Tone quality on the labelled set: onrecord's scorer against plain VADER.

Usage::

    python bench/tone_quality.py            # both halves and the whole set
    python bench/tone_quality.py --errors dev   # also list the dev half's mistakes

The set (tests/fixtures/tone_gold.jsonl) is split by line: odd lines (1, 3, 5, ...)
are the development half used while building the lexicon; even lines are the
held-out half, only measured.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from onrecord.tone import ToneScorer, tone_label

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tone_gold.jsonl"
LABELS = ("negative", "neutral", "positive")


def load_gold(path: Path = GOLD) -> list[dict[str, str]]:
    """Return the labelled statements, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def halves(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Split rows into the development half (odd lines) and the held-out half (even lines)."""
    return {"dev": rows[0::2], "heldout": rows[1::2], "all": rows}


def vader_label(compound: float) -> str:
    """VADER's usual reading of its compound score: ±0.05 thresholds."""
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def accuracy(rows: Iterable[dict[str, str]], predict: Callable[[str], str]) -> float:
    """Return the share of rows whose predicted label equals the gold label."""
    rows = list(rows)
    return sum(predict(r["text"]) == r["label"] for r in rows) / len(rows)


def macro_f1(rows: Iterable[dict[str, str]], predict: Callable[[str], str]) -> float:
    """Return the macro-averaged F1 over the three labels."""
    rows = list(rows)
    predicted = [predict(r["text"]) for r in rows]
    scores = []
    for label in LABELS:
        tp = sum(p == label == r["label"] for p, r in zip(predicted, rows, strict=True))
        fp = sum(p == label != r["label"] for p, r in zip(predicted, rows, strict=True))
        fn = sum(r["label"] == label != p for p, r in zip(predicted, rows, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def predictors() -> dict[str, Callable[[str], str]]:
    """Return the two systems compared: onrecord's scorer and plain VADER."""
    scorer = ToneScorer()
    vader = SentimentIntensityAnalyzer()
    return {
        "onrecord": lambda text: tone_label(scorer(text)),
        "vader": lambda text: vader_label(vader.polarity_scores(text)["compound"]),
    }


def measure(path: Path = GOLD) -> dict[str, dict[str, dict[str, float]]]:
    """Return {half: {system: {"accuracy", "macro_f1", "n"}}}."""
    systems = predictors()
    result: dict[str, dict[str, dict[str, float]]] = {}
    for half, rows in halves(load_gold(path)).items():
        result[half] = {
            name: {
                "accuracy": accuracy(rows, predict),
                "macro_f1": macro_f1(rows, predict),
                "n": len(rows),
            }
            for name, predict in systems.items()
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("dev", "heldout", "all"), help="list mistakes")
    args = parser.parse_args()
    for half, systems in measure().items():
        for name, figures in systems.items():
            print(
                f"{half:8s} {name:9s} n={figures['n']:3.0f} "
                f"accuracy={figures['accuracy']:.3f} macro_f1={figures['macro_f1']:.3f}"
            )
    if args.errors:
        scorer = ToneScorer()
        for row in halves(load_gold())[args.errors]:
            score = scorer(row["text"])
            if tone_label(score) != row["label"]:
                hits = ", ".join(f"{h.text}={h.valence:+.2f}" for h in scorer.hits(row["text"]))
                print(f"{row['label'][:3]} got {score:+.2f} | {row['text']} | {hits}")


if __name__ == "__main__":
    main()
