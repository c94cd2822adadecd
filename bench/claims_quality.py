"""Claim grouping quality on labelled pairs of one person's statements, months or years apart.

    python bench/claims_quality.py             # both measures, both splits, per-kind counts, errors
    python bench/claims_quality.py --sweep     # thresholds (and the tone guard) on the dev split only

Each pair of ``tests/fixtures/claim_pairs.jsonl`` is scored the way
`onrecord.grouping.claims` scores a statement against another of the same
person: the sentences of each statement (`text_sentences`), then

* semantic (the ``semantic`` extra installed): the best sentence-pair cosine of
  MiniLM embeddings with names masked (from the real `load_embedder`);
* lexical (no extra): the best sentence-pair wording score;

and the decision is `claims.claim_match`'s: the score against its threshold,
and no opposite polarity in the best pair (`claims.opposite_polarity`).

Thresholds in `onrecord.grouping.claims` were chosen with ``--sweep`` on the dev
split; the held-out split is only measured. ``tests/test_claims_gate.py`` holds
the floors.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.grouping import claims
from onrecord.grouping.similarity import wording_score
from onrecord.grouping.text import wording

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "claim_pairs.jsonl"

Pair = dict[str, Any]


def load_pairs(path: str | Path = PAIRS, split: str | None = None) -> list[Pair]:
    """The labelled pairs, all or one split's."""
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]
    return [r for r in rows if split is None or r["split"] == split]


@dataclass(frozen=True, slots=True)
class Scored:
    """One pair with what each measure says about it."""

    pair: Pair
    lexical: float  # best sentence-pair wording score
    lexical_opposed: bool  # that best pair has opposite polarity
    semantic: float | None  # best sentence-pair cosine, None without the extra
    semantic_opposed: bool
    same_semantic: bool | None  # the code's semantic decision, None without the extra
    same_lexical: bool  # the code's lexical decision


def _best(matrix: np.ndarray, mine: list[str], theirs: list[str]) -> tuple[float, bool]:
    score, i, j = claims.best_pair(matrix)
    return score, claims.opposite_polarity(mine[i], theirs[j])


def score_pairs(pairs: Sequence[Pair], embedder: Any = "auto") -> list[Scored]:
    """Score every pair with both measures (each distinct sentence embedded once)."""
    if embedder == "auto":
        embedder = claims.load_embedder()
    sentences = {
        text: claims.text_sentences([text])
        for pair in pairs
        for text in (pair["a"]["text"], pair["b"]["text"])
    }
    vectors: dict[str, np.ndarray] = {}
    if embedder is not None:
        flat = sorted({s for group in sentences.values() for s in group})
        rows = dict(zip(flat, embedder(flat), strict=True))
        vectors = {text: np.stack([rows[s] for s in group]) for text, group in sentences.items()}
    scored = []
    for pair in pairs:
        mine, theirs = sentences[pair["a"]["text"]], sentences[pair["b"]["text"]]
        words = np.array([[wording_score(wording(a), wording(b)) for b in theirs] for a in mine])
        lexical, lexical_opposed = _best(words, mine, theirs)
        semantic, semantic_opposed, same_semantic = None, False, None
        if vectors:
            mine_vectors, their_vectors = vectors[pair["a"]["text"]], vectors[pair["b"]["text"]]
            semantic, semantic_opposed = _best(mine_vectors @ their_vectors.T, mine, theirs)
            same_semantic = (
                claims.claim_match(mine, theirs, mine_vectors, their_vectors) is not None
            )
        scored.append(
            Scored(
                pair=pair,
                lexical=lexical,
                lexical_opposed=lexical_opposed,
                semantic=semantic,
                semantic_opposed=semantic_opposed,
                same_semantic=same_semantic,
                same_lexical=claims.claim_match(mine, theirs) is not None,
            )
        )
    return scored


def prf(labels: Iterable[bool], guesses: Iterable[bool]) -> dict[str, float]:
    """Precision, recall and F1 of "same claim", with the counts."""
    tp = fp = fn = tn = 0
    for label, guess in zip(labels, guesses, strict=True):
        tp += label and guess
        fp += guess and not label
        fn += label and not guess
        tn += not label and not guess
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def measure(scored: Sequence[Scored], method: str) -> dict[str, float]:
    """P/R/F1 of the code's decision for ``method`` ("semantic" or "lexical")."""
    guesses = [s.same_semantic if method == "semantic" else s.same_lexical for s in scored]
    return prf([s.pair["same_claim"] for s in scored], [bool(g) for g in guesses])


def _line(name: str, m: dict[str, float]) -> str:
    return (f"{name}: P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
            f"(tp={m['tp']} fp={m['fp']} fn={m['fn']} tn={m['tn']})")  # fmt: skip


def report(scored_by_split: dict[str, list[Scored]], show_errors: bool) -> None:
    """Print both measures on each split, per-kind counts and, optionally, the errors."""
    print(
        f"SEMANTIC_THRESHOLD={claims.SEMANTIC_THRESHOLD} LEXICAL_THRESHOLD={claims.LEXICAL_THRESHOLD}"
    )
    for split, scored in scored_by_split.items():
        print(f"\n{split}: {len(scored)} pairs")
        methods = ["lexical"] + (["semantic"] if scored and scored[0].semantic is not None else [])
        for method in methods:
            print("  " + _line(method, measure(scored, method)))
            kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            errors = []
            for s in scored:
                guess = s.same_semantic if method == "semantic" else s.same_lexical
                right = bool(guess) == s.pair["same_claim"]
                kinds[s.pair["kind"]][0 if right else 1] += 1
                if not right:
                    errors.append(s)
            for kind, (right, wrong) in sorted(kinds.items()):
                print(f"    {right:>3} right {wrong:>2} wrong  {kind}")
            if show_errors:
                for s in errors:
                    label = "missed" if s.pair["same_claim"] else "false match"
                    cos = "" if s.semantic is None else f" cos={s.semantic:.2f}"
                    print(f"    {label} ({s.pair['kind']}{cos} lex={s.lexical:.2f}): "
                          f"{s.pair['a']['text']!r} / {s.pair['b']['text']!r}")  # fmt: skip


#: Negatives that are other remarks (not the opposite of the claim): a person
#: says many of these, so every new statement meets many of them.
OTHER_REMARKS = frozenset({"other aspect of the dispute", "boilerplate"})


def _cells(scored: Sequence[Scored], guesses: list[bool]) -> str:
    m = prf([s.pair["same_claim"] for s in scored], guesses)
    others = [g for s, g in zip(scored, guesses, strict=True) if s.pair["kind"] in OTHER_REMARKS]
    return (f"P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
            f"other={sum(others)}/{len(others)}")  # fmt: skip


def sweep(scored: Sequence[Scored], old_mask: Sequence[Scored] = ()) -> None:
    """Dev-split scores by threshold, with and without the polarity guard.

    ``other`` counts false matches with other remarks of the same person
    (`OTHER_REMARKS`): since a new statement is compared with all of them,
    their rate must stay near zero whatever F1 says.
    """
    if scored and scored[0].semantic is not None:
        print("semantic: best sentence-pair cosine >= t   (with guard | without guard"
              + (" | with guard, old name masking)" if old_mask else ")"))  # fmt: skip
        for t in np.arange(0.40, 0.801, 0.025):
            line = (
                f"  {t:.3f}  {_cells(scored, [s.semantic >= t and not s.semantic_opposed for s in scored])}"
                f" | {_cells(scored, [s.semantic >= t for s in scored])}"
            )
            if old_mask:
                line += f" | {_cells(old_mask, [s.semantic >= t and not s.semantic_opposed for s in old_mask])}"
            print(line)
    print("lexical: best sentence-pair wording score >= t   (with guard | without guard)")
    for t in np.arange(0.15, 0.801, 0.05):
        print(f"  {t:.2f}  {_cells(scored, [s.lexical >= t and not s.lexical_opposed for s in scored])}"
              f" | {_cells(scored, [s.lexical >= t for s in scored])}")  # fmt: skip


#: The name masking used before this bench (capitalised words inside a sentence).
_OLD_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+")


def _old_mask(text: str) -> str:
    return _OLD_NAME.sub("the other country", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default=str(PAIRS))
    parser.add_argument("--sweep", action="store_true", help="Scores by threshold on dev.")
    parser.add_argument("--lexical", action="store_true", help="Measure without the embedder.")
    parser.add_argument("--errors", action="store_true", help="List every wrong pair.")
    parser.add_argument("--split", choices=("dev", "heldout"), help="Only this split.")
    args = parser.parse_args()
    embedder = None if args.lexical else "auto"
    if args.sweep:
        dev = load_pairs(args.pairs, "dev")
        scored = score_pairs(dev, embedder)
        old_mask: list[Scored] = []
        if scored[0].semantic is not None:
            current, claims.mask_names = claims.mask_names, _old_mask
            try:
                old_mask = score_pairs(dev, embedder)
            finally:
                claims.mask_names = current
        sweep(scored, old_mask)
        return
    report(
        {
            split: score_pairs(load_pairs(args.pairs, split), embedder)
            for split in ([args.split] if args.split else ["dev", "heldout"])
        },
        args.errors,
    )


if __name__ == "__main__":
    main()
