"""Statement grouping quality on the labelled pairs: precision, recall, errors.

    python bench/grouping_quality.py             # both splits, per-kind counts, errors
    python bench/grouping_quality.py --sweep     # thresholds on the dev split only

The threshold in `onrecord.grouping.similarity` was chosen with ``--sweep`` on
the dev split; the held-out split is only measured.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from onrecord.grouping.quality import load_pairs, score_pairs, sweep
from onrecord.grouping.similarity import STATEMENT_THRESHOLD

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "statement_pairs.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default=str(PAIRS))
    parser.add_argument("--sweep", action="store_true", help="Scores by threshold on dev.")
    args = parser.parse_args()
    if args.sweep:
        dev = load_pairs(args.pairs, "dev")
        for threshold, scores in sweep(dev, [t / 20 for t in range(4, 18)]):
            print(f"{threshold:.2f}  P={scores['precision']:.3f} R={scores['recall']:.3f} "
                  f"F1={scores['f1']:.3f}  fp={scores['fp']} fn={scores['fn']}")  # fmt: skip
        return
    print(f"threshold {STATEMENT_THRESHOLD}")
    for split in ("dev", "heldout"):
        pairs = load_pairs(args.pairs, split)
        scores, notes, errors = score_pairs(pairs)
        print(f"\n{split}: {len(pairs)} pairs  P={scores['precision']:.3f} "
              f"R={scores['recall']:.3f} F1={scores['f1']:.3f}")  # fmt: skip
        for note, counts in sorted(notes.items()):
            print(f"  {counts['right']:>3} right {counts['wrong']:>2} wrong  {note}")
        for pair in errors:
            label = "missed" if pair["same"] else "false match"
            print(f"  {label} ({pair['note']}): {pair['a']['text']!r} / {pair['b']['text']!r}")


if __name__ == "__main__":
    main()
