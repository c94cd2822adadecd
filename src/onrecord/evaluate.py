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

from onrecord.errors import SourceError, UsageError
from onrecord.model import Article, ArticleResult, Quote
from onrecord.quotes import QuoteExtractor

__all__ = ["evaluate_file", "load_gold", "predict", "score"]

Record = dict[str, Any]


def load_gold(path: str | Path) -> list[Record]:
    """Return the gold records of a JSONL file, one dict per article.

    Raises ``SourceError`` when the file cannot be read or a line is not a gold record.
    """
    records: list[Record] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise SourceError(
                        str(path),
                        f"line {number} is not JSON ({error.msg}); fix or remove it",
                        stage="eval",
                    ) from error
                if not isinstance(record, dict) or not {"doc_id", "text", "quotes"} <= set(record):
                    raise SourceError(
                        str(path),
                        f"line {number} lacks doc_id, text or quotes: not a gold record",
                        stage="eval",
                    )
                records.append(record)
    except OSError as error:
        raise SourceError(
            str(path), f"cannot read the gold file ({error.strerror})", "eval"
        ) from error
    return records


def _prediction_line(doc_id: Any, quotes: Iterable[Quote]) -> Record:
    lines = []
    for q in quotes:
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
            line["quote_spans"] = [list(span) for span in q.spans]
        lines.append(line)
    return {"doc_id": doc_id, "quotes": lines}


def _article(record: Record) -> Article:
    return Article(
        text=record["text"],
        source=str(record.get("doc_id")),
        title=record.get("title"),
        doc_id=record.get("doc_id"),
    )


def evaluate_file(
    gold_path: str | Path,
    subset: str = "speech",
    min_overlap: float = 0.5,
    workers: int | None = None,
    pred_out: str | Path | None = None,
) -> dict[str, Any]:
    """Run the full per-article pipeline over a gold file and score it (``onrecord eval``).

    ``subset="speech"`` scores the default speech output against the gold speech cues;
    ``"all"`` scores ``cues="all"`` output against every attribution. The predictions
    are written to ``pred_out`` (JSONL) when given. Returns ``score``'s figures plus
    ``subset`` and ``articles``.
    """
    from onrecord.pipeline import process_articles

    if subset not in ("all", "speech"):
        raise UsageError(f"subset must be 'all' or 'speech', not {subset!r}")
    gold = load_gold(gold_path)
    results = process_articles(
        (_article(record) for record in gold),
        workers=workers or 1,
        cues=subset,  # type: ignore[arg-type]
    )
    predictions = []
    for record, result in zip(gold, results, strict=True):
        quotes = result.quotes if isinstance(result, ArticleResult) else ()
        predictions.append(_prediction_line(record.get("doc_id"), quotes))
    if pred_out is not None:
        with open(pred_out, "w", encoding="utf-8") as handle:
            for line in predictions:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    figures = score(gold, predictions, subset=subset, min_overlap=min_overlap)
    return {"subset": subset, "articles": len(gold), **figures}


def predict(records: Iterable[Record], extractor: QuoteExtractor) -> list[Record]:
    """Run the extractor over gold-shaped records; return one prediction line per record.

    Each line has the shape of ``onrecord extract --format jsonl``: ``{"doc_id",
    "quotes": [{"quote_start", "quote_end", "text", "kind", "cue", "cue_class",
    "speaker_start", "speaker_end", "speaker_text", "speaker"}]}`` (plus
    ``quote_spans`` when a quote's content comes in pieces).
    """
    return [
        _prediction_line(record.get("doc_id"), extractor(_article(record)).quotes)
        for record in records
    ]


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
