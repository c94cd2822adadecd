"""Quality gate for onrecord.dates on the annotated quotes of tests/fixtures/dates_gold.jsonl.

Every quote is dated with the real spaCy parse and with the text rules alone; floors are
pinned in tests/dates_floors.json (see ``bench/dates_quality.py`` for the figures).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from onrecord.dates.quality import DatesScore, load_gold, score

HERE = Path(__file__).parent
GOLD = load_gold(HERE / "fixtures" / "dates_gold.jsonl")
FLOORS = json.loads((HERE / "dates_floors.json").read_text(encoding="utf-8"))
SPLITS = {
    "all": GOLD,
    "dev": [r for r in GOLD if r["split"] == "dev"],
    "heldout": [r for r in GOLD if r["split"] == "heldout"],
}


@pytest.fixture(scope="module")
def scores(nlp) -> dict[tuple[str, str], DatesScore]:
    result = {}
    for split, rows in SPLITS.items():
        result[("parse", split)] = score(rows, parse=nlp)
        result[("text_rules", split)] = score(rows)
    return result


def test_gold_set_is_large_varied_and_consistent() -> None:
    assert len(GOLD) >= 100
    assert len(SPLITS["heldout"]) >= 30
    assert len({r["id"] for r in GOLD}) == len(GOLD)
    styles = Counter(r["style"] for r in GOLD)
    assert set(styles) >= {"wire", "broadsheet", "tabloid", "state", "blog"}
    bases = Counter(r["basis"] for r in GOLD)
    assert set(bases) == {"explicit", "relative", "published", "unknown"}
    assert bases["published"] >= 40, "too few hard negatives and undated quotes"
    for r in GOLD:
        text = r["text"]
        assert 0 <= r["quote_start"] < r["quote_end"] <= len(text), r["id"]
        if r["cue_start"] is not None:
            assert text[r["cue_start"] : r["cue_end"]] == r["cue"], r["id"]
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"] : r["speaker_end"]].strip(), r["id"]
        if r["said_on"] and r["published"]:
            assert r["said_on"] <= r["published"], r["id"]
        if r["published"] is None and r["basis"] != "explicit":
            assert r["said_on"] is None, r["id"]
        if r["said_on"]:
            said_on = date.fromisoformat(r["said_on"])
            assert r["precision"] == "day" or said_on.day == 1, r["id"]


@pytest.mark.parametrize("mode", ["parse", "text_rules"])
@pytest.mark.parametrize("split", ["all", "dev", "heldout"])
def test_accuracy_floors(scores: dict[tuple[str, str], DatesScore], mode: str, split: str) -> None:
    result = scores[(mode, split)]
    floors = FLOORS[mode][split]
    misses = "\n".join(f"{m.id}: expected {m.expected}, got {m.got}" for m in result.misses)
    assert result.day_exact_rate >= floors["day_exact"], misses
    assert result.exact_rate >= floors["exact"], misses
    assert result.basis_rate >= floors["basis"], misses


@pytest.mark.parametrize("mode", ["parse", "text_rules"])
def test_no_statement_is_dated_after_its_article(
    scores: dict[tuple[str, str], DatesScore], mode: str
) -> None:
    assert scores[(mode, "all")].after_publication <= FLOORS["max_after_publication"] == 0
