"""Print the statement dater's accuracy on the annotated set, with and without the parse.

.venv/bin/python bench/dates_quality.py [--gold tests/fixtures/dates_gold.jsonl] [--misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from onrecord.dates.quality import DatesScore, load_gold, score

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dates_gold.jsonl"


def _report(name: str, result: DatesScore, show_misses: bool) -> None:
    print(f"== {name}")
    print(f"  quotes                      {result.total}")
    print(
        f"  day-precision exact         {result.day_exact}/{result.day_total}"
        f" = {result.day_exact_rate:.1%}"
    )
    print(f"  date+precision exact (all)  {result.exact}/{result.total} = {result.exact_rate:.1%}")
    print(
        f"  basis right (all)           {result.basis_right}/{result.total}"
        f" = {result.basis_rate:.1%}"
    )
    print(f"  dated after publication     {result.after_publication}")
    if show_misses:
        for miss in result.misses:
            print(f"    {miss.id:14} expected {miss.expected}  got {miss.got}")


def main() -> None:
    """Score the gold set with the spaCy parse and with the text rules alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD), help="gold JSONL file")
    parser.add_argument("--misses", action="store_true", help="list every record got wrong")
    args = parser.parse_args()
    records = load_gold(args.gold)
    from onrecord.nlp import load_nlp

    nlp = load_nlp()
    splits = {
        "all": records,
        "dev (used while writing the rules)": [r for r in records if r.get("split") != "heldout"],
        "heldout (written after, only measured)": [
            r for r in records if r.get("split") == "heldout"
        ],
    }
    for split, rows in splits.items():
        _report(f"{split}, with spaCy parse", score(rows, parse=nlp), args.misses)
        _report(f"{split}, text rules only (no doc)", score(rows), args.misses)


if __name__ == "__main__":
    main()
