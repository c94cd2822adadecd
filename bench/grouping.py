"""Time statement grouping at growing sizes of synthetic quotes.

    python bench/grouping.py --sizes 10000,100000,1000000

Quotes are generated as persons x days x sentence templates with paraphrase
noise (dropped, swapped and substituted words, direct/indirect framing), each
utterance reported by 1-4 outlets. Grouping is the in-memory path
(`onrecord.grouping.statements.group_reports`: MinHash over content stems
with datasketch-identical signatures, salted one-value LSH bands, confirmation
by the same rule the store uses); the store path adds SQL round trips per
quote and is timed separately with ``--store N``.

Prints, per size: seconds, quotes per second, peak memory (max RSS), and the
growth exponent (least-squares slope of log time on log size).
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta

from onrecord.grouping.statements import group_reports, report_of

SUBJECTS = ["relations", "trade", "the border", "energy supplies", "the talks", "the sanctions",
            "the ceasefire", "our economy", "the treaty", "the summit", "security", "the budget"]  # fmt: skip
PREDICATES = ["are at their lowest point", "will improve only slowly", "depend on the other side",
              "remain our first priority", "cannot be discussed under pressure", "will take time",
              "have been damaged for years", "need a new approach", "are not on the agenda",
              "will be decided next month", "show no sign of progress", "must respect our interests"]  # fmt: skip
TAILS = ["unfortunately", "in the foreseeable future", "as everyone can see", "whatever others say",
         "and we regret that", "despite our efforts", "for the time being", "in our view"]  # fmt: skip
SWAPS = {"lowest": "worst", "point": "level", "slowly": "gradually", "time": "a while",
         "priority": "concern", "pressure": "duress", "damaged": "harmed", "approach": "method"}  # fmt: skip


def utterance(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(PREDICATES)}, {rng.choice(TAILS)}, {rng.randint(1, 999)} {rng.choice(SUBJECTS)}."


def report(text: str, rng: random.Random) -> str:
    words = text.rstrip(".").split()
    roll = rng.random()
    if roll < 0.25:  # trimmed
        cut = rng.randint(max(3, len(words) // 2), len(words))
        words = words[:cut]
    elif roll < 0.45:  # a translator's word
        words = [SWAPS.get(w, w) for w in words]
    elif roll < 0.6:  # indirect
        words = ["he", "said", "that", *[w.lower() for w in words]]
    return " ".join(words)


def _letters(number: int) -> str:
    """A name part from a number ("b", "ba", ...): speaker names carry no digits."""
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[rest] + out
        if not number:
            return out.capitalize()


def synthetic(n: int, seed: int = 1) -> list[dict]:
    """About ``n`` quote rows: persons grow with n so each person-day stays realistic."""
    rng = random.Random(seed)
    persons = max(1, n // 200)  # constant density: each person has ~200 reports over 4 years
    start = date(2020, 1, 1)
    rows: list[dict] = []
    while len(rows) < n:
        person = f"Speaker {_letters(rng.randrange(persons))}"
        said_on = start + timedelta(days=rng.randrange(1500))
        text = utterance(rng)
        for _ in range(rng.randint(1, 4)):
            rows.append({"text": report(text, rng), "speaker": person,
                         "said_on": (said_on + timedelta(days=rng.randint(0, 1))).isoformat()})  # fmt: skip
    return rows[:n]


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_memory(n: int) -> tuple[float, int]:
    rows = synthetic(n)
    # Python's cyclic collector rescans every live object as the heap grows (time
    # grows faster than n); grouping creates no cycles, so it is paused here.
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        reports = [report_of(r) for r in rows]
        groups = group_reports(reports)
        return time.perf_counter() - started, len(set(groups))
    finally:
        gc.enable()


def time_store(n: int) -> float:
    """Ingest-style grouping through an SQLite store, 200 quotes per article."""
    from onrecord.grouping.statements import update_statements
    from onrecord.model import Article, ArticleResult, Quote
    from onrecord.store import SQLiteStore

    rows = synthetic(n)
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(f"{folder}/b.db") as store:
        results = []
        for i in range(0, len(rows), 200):
            chunk = rows[i : i + 200]
            text = "\n".join(r["text"] for r in chunk)
            quotes, pos = [], 0
            for r in chunk:
                quotes.append(Quote(start=pos, end=pos + len(r["text"]), text=r["text"], kind="direct",
                                    speaker=r["speaker"], said_on=date.fromisoformat(r["said_on"])))  # fmt: skip
                pos += len(r["text"]) + 1
            article = Article(
                text=text, source=f"s{i}", url=f"https://bench.example/{i}", outlet="Bench"
            )
            results.append(ArticleResult(article, tuple(quotes)))
        store.save_batch(results, [], None)
        started = time.perf_counter()
        for result in results:
            with store.transaction():
                update_statements(store, [result.article.id])
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="Comma-separated quote counts."
    )
    parser.add_argument(
        "--store", type=int, default=0, help="Also time the store path on N quotes."
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"in-memory statement grouping (python {sys.version.split()[0]})")
    print(f"{'quotes':>10} {'seconds':>9} {'quotes/s':>10} {'statements':>11} {'max RSS MB':>11}")
    points = []
    for n in sizes:
        seconds, statements = time_memory(n)
        points.append((n, seconds))
        print(
            f"{n:>10} {seconds:>9.2f} {n / seconds:>10.0f} {statements:>11} {max_rss_mb():>11.0f}",
            flush=True,
        )
    if len(points) >= 2:
        xs = [math.log(n) for n, _ in points]
        ys = [math.log(t) for _, t in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"growth exponent (log-log slope): {slope:.2f} (target <= 1.15)")
    if args.store:
        seconds = time_store(args.store)
        print(f"store path (SQLite, incremental per article): {args.store} quotes in {seconds:.1f} s "
              f"({args.store / seconds:.0f} quotes/s), max RSS {max_rss_mb():.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
