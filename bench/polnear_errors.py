"""Error analysis of quote extraction on a PolNeAR split: misses and false positives by category.

Usage: python bench/polnear_errors.py [--split train] [--limit N] [--show 20] [--subset speech|all]
       [--category miss:direct] [--seed 0]

Parsed documents are cached under /tmp/onrecord-bench (DocBin) so rule changes
re-run in seconds. Prints the score, counts of errors by category, then samples.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from onrecord.evaluate import load_gold, match, score
from onrecord.model import Article
from onrecord.nlp import load_nlp
from onrecord.quotes import QuoteExtractor

CACHE = Path("/tmp/onrecord-bench")


def parsed_docs(records, split: str, nlp):
    """Return the parsed Docs of the records, from the cache when it is there."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{split}-{len(records)}-lines.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    extractor = QuoteExtractor(nlp)
    docs = [extractor.parse(r["text"]) for r in records]
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--subset", default="speech")
    parser.add_argument("--category", default="")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    gold = load_gold(f"/work/shared/eval/polnear_{args.split}.jsonl")
    gold = gold[args.offset : args.offset + args.limit]
    nlp = load_nlp()
    docs = parsed_docs(gold, f"{args.split}{args.offset or ''}", nlp)
    extractor = QuoteExtractor(nlp, cues="speech" if args.subset == "speech" else "all")
    preds = []
    errors: list[tuple[str, str]] = []
    for record, doc in zip(gold, docs, strict=True):
        text = record["text"]
        article = Article(text=text, source=record["doc_id"], title=record.get("title"))
        result = extractor.extract(article, doc)
        pq = []
        for q in result.quotes:
            line = {
                "quote_start": q.start,
                "quote_end": q.end,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_text": q.speaker_text,
                "kind": q.kind,
                "cue": q.cue,
                "speaker": q.speaker,
            }
            if q.spans:
                line["quote_spans"] = [list(s) for s in q.spans]
            pq.append(line)
        preds.append({"doc_id": record["doc_id"], "quotes": pq})
        gq = [q for q in record["quotes"] if args.subset == "all" or q["is_speech_cue"]]
        pairs = match(text, gq, pq, 0.5)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for i, q in enumerate(gq):
            if i not in mg:
                ctx = text[max(0, q["quote_start"] - 120) : q["quote_end"] + 60].replace(
                    "\n", " ¶ "
                )
                near = [
                    p
                    for p in pq
                    if p["quote_start"] < q["quote_end"] and p["quote_end"] > q["quote_start"]
                ]
                note = (
                    f" | NEAR PRED {text[near[0]['quote_start'] : near[0]['quote_end']][:120]!r}"
                    if near
                    else ""
                )
                errors.append(
                    (
                        f"miss:{q['type']}",
                        f"[{q['cue_text']}] [{q['speaker_text']}] {q['quote_text'][:200]!r}{note}\n      ctx: {ctx[:400]}",
                    )
                )
        for j, p in enumerate(pq):
            if j not in mp:
                ctx = text[max(0, p["quote_start"] - 120) : p["quote_end"] + 60].replace(
                    "\n", " ¶ "
                )
                near = [
                    g
                    for g in gq
                    if g["quote_start"] < p["quote_end"] and g["quote_end"] > p["quote_start"]
                ]
                note = f" | NEAR GOLD {near[0]['quote_text'][:120]!r}" if near else ""
                errors.append(
                    (
                        f"fp:{p['kind']}",
                        f"[{p['cue']}] [{p['speaker_text']}] {text[p['quote_start'] : p['quote_end']][:200]!r}{note}\n      ctx: {ctx[:400]}",
                    )
                )
        for i, j in pairs:
            g, p = gq[i], pq[j]
            from onrecord.evaluate import _speaker_right

            if g["speaker_start"] is not None and not _speaker_right(g, p):
                errors.append(
                    (
                        f"speaker:{p['kind']}",
                        f"gold [{g['speaker_text']}] pred [{p['speaker_text']}] cue [{g['cue_text']}] {g['quote_text'][:120]!r}",
                    )
                )
    print(json.dumps(score(gold, preds, subset=args.subset), indent=1))
    counts = Counter(c for c, _ in errors)
    print(counts.most_common())
    random.seed(args.seed)
    cats = [args.category] if args.category else sorted(counts)
    for cat in cats:
        items = [e for c, e in errors if c == cat]
        print(f"\n=== {cat} ({len(items)})")
        for e in random.sample(items, min(args.show, len(items))):
            print(" -", e)


if __name__ == "__main__":
    main()
