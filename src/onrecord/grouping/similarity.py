"""Whether two reports are of the same utterance: the confirming measure.

MinHash LSH only proposes candidates; this module decides. Two reports are of
the same statement when they have the same speaker, were said within
``WINDOW_DAYS`` of each other, and their wordings are close:

``score = max(content overlap, phrase containment)`` where

* content overlap is the share of the shorter wording's content stems found in
  the longer one (``|A ∩ B| / min(|A|, |B|)``), which keeps a trimmed or partial
  quote with its full version and survives re-punctuation and the
  direct/indirect shift; with fewer than ``MIN_CONTENT`` stems in the shorter
  side it falls back to the Jaccard index, so two-word fragments do not match
  everything;
* phrase containment is the same ratio over adjacent stem pairs, which rewards
  a long run of identical words even when a translator changed others.

The threshold was chosen on the development split of
``tests/fixtures/statement_pairs.jsonl`` (``bench/grouping_quality.py --sweep``):
precision and recall are flat from 0.35 to 0.5 there, and 0.45 sits inside
that plateau; below it same-day remarks sharing a few words start to merge,
above it alternative translations start to split.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from onrecord.grouping.text import Wording

__all__ = [
    "MIN_CONTENT",
    "STATEMENT_THRESHOLD",
    "WINDOW_DAYS",
    "Report",
    "close_in_time",
    "match_score",
    "same_statement",
    "wording_score",
]

#: Reports of one utterance are dated at most this many days apart.
WINDOW_DAYS = 3
#: Below this many content stems on the shorter side, overlap falls back to Jaccard.
MIN_CONTENT = 3
#: A pair of reports with a wording score at or above this is one statement.
STATEMENT_THRESHOLD = 0.45


@dataclass(frozen=True, slots=True)
class Report:
    """One quote as grouping sees it: who, when, and the normalised wording."""

    person_key: str
    said_on: date | None
    wording: Wording


def _ratio(a: frozenset, b: frozenset, min_size: int) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if min(len(a), len(b)) < min_size:
        return shared / len(a | b)
    return shared / min(len(a), len(b))


def wording_score(a: Wording, b: Wording) -> float:
    """How close two wordings are, in [0, 1] (see the module docstring)."""
    return max(_ratio(a.content, b.content, MIN_CONTENT), _ratio(a.pairs, b.pairs, MIN_CONTENT))


def close_in_time(a: date | None, b: date | None, window: int = WINDOW_DAYS) -> bool:
    """True when both dates are known and at most ``window`` days apart, or both unknown."""
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= window


def match_score(a: Report, b: Report, threshold: float = STATEMENT_THRESHOLD) -> float | None:
    """The wording score when ``a`` and ``b`` report the same utterance, else None."""
    if a.person_key != b.person_key or not close_in_time(a.said_on, b.said_on):
        return None
    score = wording_score(a.wording, b.wording)
    return score if score >= threshold else None


def same_statement(a: Report, b: Report, threshold: float = STATEMENT_THRESHOLD) -> bool:
    """True when ``a`` and ``b`` report the same utterance."""
    return match_score(a, b, threshold) is not None
