"""Print who-is-who quality on tests/fixtures/people_gold.jsonl (B-cubed over mentions).

Usage: python bench/people_quality.py [--errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from onrecord.people.quality import load_gold, score_gold

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "people_gold.jsonl"


def main() -> None:
    scores = score_gold(load_gold(GOLD))
    print(json.dumps(scores.as_dict(), indent=1))
    if scores.merged_pairs:
        print("merged distinct full names:", scores.merged_pairs)
    if "--errors" in sys.argv:
        for error in scores.errors:
            print(json.dumps(error, ensure_ascii=False))


if __name__ == "__main__":
    main()
