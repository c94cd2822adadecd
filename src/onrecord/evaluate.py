"""Scoring quote extraction against annotated gold (PolNeAR-style JSONL).

Gold records: ``{"doc_id", "text", "title"?, "quotes": [{"quote_start", "quote_end",
"quote_spans"?, "speaker_start", "speaker_end", "speaker_text", "type", "is_speech_cue"}]}``.

The matching is the one of the shared ``score.py``: per document, gold and predicted
quotes are paired one to one, greedily from the highest Jaccard overlap of their
token-character sets (whitespace-separated tokens; ``quote_spans`` when given), keeping
pairs at or above ``min_overlap``. A matched pair has the right speaker when the
predicted speaker span overlaps the gold one or the normalised speaker strings are equal;
a gold quote without a speaker needs a prediction without one.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor

__all__ = ["load_gold", "predict", "score"]

Record = dict[str, Any]


def load_gold(path: str | Path) -> list[Record]:
    """Return the gold records of a JSONL file, one dict per article."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(records: Iterable[Record], extractor: QuoteExtractor) -> list[Record]:
    """Run the extractor over gold-shaped records; return one prediction line per record.

    Each line has the shape of ``onrecord extract --format jsonl``: ``{"doc_id",
    "quotes": [{"quote_start", "quote_end", "text", "kind", "cue", "cue_class",
    "speaker_start", "speaker_end", "speaker_text", "speaker"}]}`` (plus
    ``quote_spans`` when a quote's content comes in pieces).
    """
    out: list[Record] = []
    for record in records:
        article = Article(
            text=record["text"],
            source=str(record.get("doc_id")),
            title=record.get("title"),
            doc_id=record.get("doc_id"),
        )
        result = extractor(article)
        quotes = []
        for q in result.quotes:
            line: Record = {
                "quote_start": q.start,
                "quote_end": q.end,
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "cue_class": q.cue_class,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_text": q.speaker_text,
                "speaker": q.speaker,
            }
            if q.spans:
                line["quote_spans"] = [list(s) for s in q.spans]
            quotes.append(line)
        out.append({"doc_id": record.get("doc_id"), "quotes": quotes})
    return out


def _token_chars(text: str, start: int, end: int) -> set[int]:
    chars: set[int] = set()
    for m in re.finditer(r"\S+", text[start:end]):
        chars.update(range(start + m.start(), start + m.end()))
    return chars


def _quote_chars(text: str, quote: Record) -> set[int]:
    spans = quote.get("quote_spans") or [(quote["quote_start"], quote["quote_end"])]
    chars: set[int] = set()
    for start, end in spans:
        chars |= _token_chars(text, start, end)
    return chars


def _normalise(name: str | None) -> str:
    return re.sub(r"\W+", " ", (name or "").lower()).strip()


def _speaker_right(gold: Record, pred: Record) -> bool:
    if gold.get("speaker_start") is None:
        return pred.get("speaker_start") is None and not pred.get("speaker_text")
    if (
        pred.get("speaker_start") is not None
        and pred.get("speaker_end") is not None
        and max(gold["speaker_start"], pred["speaker_start"])
        < min(gold["speaker_end"], pred["speaker_end"])
    ):
        return True
    said = _normalise(pred.get("speaker_text"))
    return bool(said) and said == _normalise(gold.get("speaker_text"))


def match(
    text: str, gold: Sequence[Record], pred: Sequence[Record], min_overlap: float
) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes one to one by overlap; return (gold, pred) indexes."""
    gold_sets = [_quote_chars(text, q) for q in gold]
    pred_sets = [_quote_chars(text, q) for q in pred]
    pairs = []
    for i, g in enumerate(gold_sets):
        for j, p in enumerate(pred_sets):
            shared = len(g & p)
            if shared:
                pairs.append((shared / len(g | p), i, j))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: list[tuple[int, int]] = []
    for overlap, i, j in pairs:
        if overlap < min_overlap:
            break
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        matches.append((i, j))
    return matches


def _prf(hits: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": f1}


def score(
    gold_records: Iterable[Record],
    pred_records: Iterable[Record],
    subset: str = "all",
    min_overlap: float = 0.5,
) -> dict[str, Any]:
    """Return what ``score.py`` prints: quote P/R/F1, speaker accuracy, end-to-end, recall by type.

    ``subset="speech"`` keeps only gold quotes whose ``is_speech_cue`` is true.
    """
    if subset not in ("all", "speech"):
        raise ValueError(f"subset must be 'all' or 'speech', not {subset!r}")
    predictions = {r["doc_id"]: r for r in pred_records}
    counts: Counter[str] = Counter()
    by_type: dict[Any, Counter[str]] = defaultdict(Counter)
    for record in gold_records:
        text = record["text"]
        gold = record["quotes"]
        if subset == "speech":
            gold = [q for q in gold if q.get("is_speech_cue")]
        pred = predictions.get(record["doc_id"], {}).get("quotes", [])
        matches = match(text, gold, pred, min_overlap)
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["match"] += len(matches)
        for q in gold:
            by_type[q.get("type")]["gold"] += 1
        for i, j in matches:
            right = _speaker_right(gold[i], pred[j])
            by_type[gold[i].get("type")]["match"] += 1
            if gold[i].get("speaker_start") is not None:
                counts["with_speaker"] += 1
                counts["speaker_right"] += right
            counts["e2e"] += right
            by_type[gold[i].get("type")]["e2e"] += right
    return {
        "min_overlap": min_overlap,
        "n_gold": counts["gold"],
        "n_pred": counts["pred"],
        "quote": _prf(counts["match"], counts["pred"], counts["gold"]),
        "speaker_acc_given_match": round(counts["speaker_right"] / counts["with_speaker"], 4)
        if counts["with_speaker"]
        else None,
        "e2e": _prf(counts["e2e"], counts["pred"], counts["gold"]),
        "recall_by_gold_type": {
            kind: {
                "n": c["gold"],
                "quote_R": round(c["match"] / c["gold"], 4),
                "e2e_R": round(c["e2e"] / c["gold"], 4),
            }
            for kind, c in sorted(by_type.items(), key=lambda item: str(item[0]))
        },
    }
