"""Quote-extraction quality on PolNeAR, and extraction speed.

Usage: python bench/quality.py [--split dev|train] [--limit N] [--eval-dir /work/shared/eval]

Prints, for the speech-cue subset (gold filtered to ``is_speech_cue``, default
speech predictions) and for all attributions (predictions with ``cues="all"``),
the figures of the shared score.py, then the extraction speed in documents/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from onrecord.evaluate import load_gold, predict, score
from onrecord.nlp import load_nlp
from onrecord.quotes import QuoteExtractor


def main() -> int:
    """Print the quality figures; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--eval-dir", default="/work/shared/eval")
    parser.add_argument("--min-overlap", type=float, default=0.5)
    args = parser.parse_args()
    path = Path(args.eval_dir) / f"polnear_{args.split}.jsonl"
    if not path.exists():
        print(f"{path} not found: nothing to measure", file=sys.stderr)
        return 0
    gold = load_gold(path)
    if args.limit:
        gold = gold[: args.limit]
    nlp = load_nlp()
    speech = QuoteExtractor(nlp, cues="speech")
    everything = QuoteExtractor(nlp, cues="all")
    began = time.perf_counter()
    speech_pred = predict(gold, speech)
    elapsed = time.perf_counter() - began
    all_pred = predict(gold, everything)
    fast = QuoteExtractor(nlp, cues="speech", prefilter=True)
    began = time.perf_counter()
    fast_pred = predict(gold, fast)
    fast_elapsed = time.perf_counter() - began
    report = {
        "split": args.split,
        "articles": len(gold),
        "speech": score(gold, speech_pred, subset="speech", min_overlap=args.min_overlap),
        "all": score(gold, all_pred, subset="all", min_overlap=args.min_overlap),
        "docs_per_s": round(len(gold) / elapsed, 2),
        "speech_prefilter": score(gold, fast_pred, subset="speech", min_overlap=args.min_overlap),
        "prefilter_docs_per_s": round(len(gold) / fast_elapsed, 2),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
