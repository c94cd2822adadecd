"""Throughput: onrecord against parsing everything with spaCy.

Usage: python bench/throughput.py [--corpus JSONL] [--n N] [--rss-base N] [--skip STAGES]

The corpus is the texts of ``../shared/eval/polnear_train.jsonl`` when present
(real news), else the example corpus (examples/corpus) repeated; ``--n`` keeps
the first N texts (repeating the corpus when it is shorter). Each stage runs as a
child process of this one, timed by the wall clock from start to exit (model
loading included) with its peak RSS from ``wait4``:

a. reference: spaCy ``nlp.pipe`` with the full English pipeline, one process;
b. peer: textacy's ``direct_quotations`` over (a)'s documents (timed alone, in
   (a)'s process, so its RSS is (a)'s);
c. ``onrecord extract``, one worker;
d. ``onrecord ingest`` into a fresh SQLite file, one worker;
e. ``onrecord ingest`` with 2 workers;

and two diagnostic rows: c' is (c) with the ``prefilter`` setting off (every
sentence parsed; the default is on), d' is (d)
without the semantic extra (claims grouped by shared words, no sentence embeddings);

then the ratios c/a, d/c, e/d (of documents per second), whether (d) and (e)
stored the same quotes, statements, claims and stories, and the peak RSS of (d)
over ``--rss-base`` articles and over ten times as many (distinct copies: each
copy has its own URL, so nothing is skipped as already stored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
EXAMPLES = ROOT / "examples" / "corpus"


@dataclass
class Run:
    """One stage's figures."""

    label: str
    docs: int
    words: int
    seconds: float
    peak_rss_mb: float
    cpu: float = 0.0  # user + system seconds of the child's whole process tree

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.label:<38} {self.docs_per_s:8.2f} docs/s {self.words / self.seconds:9.0f}"
            f" words/s {self.seconds:7.1f} s (cpu {self.cpu:6.1f} s)"
            f"  peak RSS {self.peak_rss_mb:6.0f} MB"
        )


def load_texts(corpus: Path | None, n: int) -> tuple[list[dict[str, str]], str]:
    """The benchmark records (text, title, published), and a description of where from."""
    records: list[dict[str, str]] = []
    if corpus is None and DEFAULT_CORPUS.exists():
        corpus = DEFAULT_CORPUS
    if corpus is not None:
        with open(corpus, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    r = json.loads(line)
                    records.append(
                        {
                            "text": r["text"],
                            "title": r.get("title") or "",
                            "published": r.get("publication_date") or r.get("published") or "",
                        }
                    )
        where = str(corpus)
    else:
        from onrecord.model import Article
        from onrecord.sources import read_sources

        for item in read_sources([str(EXAMPLES)]):
            if isinstance(item, Article):
                records.append({"text": item.text, "title": item.title or "", "published": ""})
        where = f"{EXAMPLES} (repeated)"
    if not records:
        raise SystemExit("no texts to benchmark")
    n = n or len(records)
    out = [records[i % len(records)] for i in range(n)]
    return out, where


def write_jsonl(records: list[dict[str, str]], path: Path, copies: int = 1) -> None:
    """The records as onrecord JSONL; each copy gets its own URL (so its own article id)."""
    with open(path, "w", encoding="utf-8") as handle:
        for copy in range(copies):
            for i, r in enumerate(records):
                line = {
                    "doc_id": f"bench-{copy}-{i}",
                    "url": f"https://bench.invalid/{copy}/{i}",
                    "text": r["text"],
                }
                if r["title"]:
                    line["title"] = r["title"]
                if r["published"]:
                    line["published"] = r["published"]
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def run_child(
    argv: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, str, float]:
    """Run a child to completion: wall seconds, peak RSS (MB), stdout, CPU seconds.

    The peak RSS is the largest process of the child's tree; the CPU seconds (user and
    system) add up the whole tree, so they are less at the mercy of other jobs' load
    than the wall clock.
    """
    began = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in (0, 1):
        sys.stderr.write(stderr)
        raise SystemExit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    # ru_maxrss is in KB on Linux: the largest process of the child's tree
    return seconds, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime


def stored_groups(db: Path) -> list[list[tuple[object, ...]]]:
    """Every stored statement, claim and story, and each quote's statement, in a stable order."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        return [
            connection.execute(sql).fetchall()
            for sql in (
                "SELECT id, person_key, person, said_on, text, quote_count, claim_id, tone "
                "FROM statements ORDER BY id",
                "SELECT id, person_key, person, text, first_said, last_said, method "
                "FROM claims ORDER BY id",
                "SELECT id, title, first_article_id, first_published, size FROM stories ORDER BY id",
                "SELECT a.url, q.start, q.statement_id, q.person_id, a.story_id "
                "FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.url, q.start, q.id",
            )
        ]


def stored_quotes(db: Path) -> list[tuple[object, ...]]:
    """Every stored quote with its article, speaker and date, in a stable order."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        return connection.execute(
            'SELECT a.url, q.start, q."end", q.kind, q.cue, q.speaker, q.said_on '
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            'ORDER BY a.url, q.start, q."end", q.kind'
        ).fetchall()


def reference_child(path: str) -> None:
    """Stages a and b inside one child: prints their own timings as JSON."""
    import spacy  # noqa: F401

    from onrecord.nlp import load_nlp

    with open(path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    began = time.perf_counter()
    nlp = load_nlp()
    docs = list(nlp.pipe(texts))
    a_seconds = time.perf_counter() - began
    after_a = time.perf_counter()
    cpu_after_a = time.process_time()
    from textacy.extract.triples import direct_quotations

    began = time.perf_counter()
    found = 0
    for doc in docs:
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except (ValueError, IndexError):  # textacy fails on some unbalanced marks
            continue
    b_seconds = time.perf_counter() - began
    after_b = time.perf_counter() - after_a  # textacy's import and b: not part of a's time
    cpu_b = time.process_time() - cpu_after_a
    print(
        json.dumps(
            {"a": a_seconds, "b": b_seconds, "after_a": after_b, "cpu_b": cpu_b, "b_quotes": found}
        )
    )


def main() -> int:
    """Run the stages and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--n", type=int, default=0, help="number of texts (default: all)")
    parser.add_argument(
        "--rss-base", type=int, default=0, help="articles of the 1x RSS run (default: --n)"
    )
    parser.add_argument("--skip", default="", help="stages to skip, e.g. 'b,rss'")
    parser.add_argument("--reference-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference_child:
        reference_child(args.reference_child)
        return 0
    skip = set(filter(None, args.skip.split(",")))
    records, where = load_texts(args.corpus, args.n)
    n = len(records)
    words = sum(len(r["text"].split()) for r in records)
    python = sys.executable
    onrecord = [python, "-m", "onrecord"]
    env = None
    cores = os.cpu_count()
    print(f"corpus: {where}: {n} texts, {words} words; {cores} cores")
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    runs: dict[str, Run] = {}
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(records, corpus)
        if "a" not in skip:
            seconds, rss, out, cpu = run_child(
                [python, __file__, "--reference-child", str(corpus)], env
            )
            inner = json.loads(out.strip().splitlines()[-1])
            seconds -= inner["after_a"]  # a: from the child's start to its last parse
            cpu -= inner["cpu_b"]
            runs["a"] = Run("a. spaCy nlp.pipe, full pipeline", n, words, seconds, rss, cpu)
            print(runs["a"].line(), f"(pipe alone {inner['a']:.1f} s)", flush=True)
            if "b" not in skip:
                runs["b"] = Run(
                    "b. textacy direct_quotations", n, words, inner["b"], rss, inner["cpu_b"]
                )
                print(runs["b"].line(), f"({inner['b_quotes']} quotations; RSS is a's)", flush=True)
        if "c" not in skip:
            seconds, rss, out, cpu = run_child(
                [*onrecord, "extract", "--workers", "1", str(corpus)], env
            )
            assert len(out.splitlines()) == n, "extract printed one line per document"
            runs["c"] = Run("c. onrecord extract, 1 worker", n, words, seconds, rss, cpu)
            print(runs["c"].line(), flush=True)
        if "cp" not in skip:
            seconds, rss, out, cpu = run_child(
                [*onrecord, "extract", "--workers", "1", str(corpus)],
                dict(os.environ, ONRECORD_PREFILTER="0"),
            )
            runs["cp"] = Run("c'. the same, prefilter off", n, words, seconds, rss, cpu)
            print(runs["cp"].line(), flush=True)
        for key, workers in (("d", 1), ("e", 2)):
            if key in skip:
                continue
            db = Path(tmp) / f"{key}.db"
            seconds, rss, out, cpu = run_child(
                [*onrecord, "ingest", "--db", str(db), "--workers", str(workers), str(corpus)],
                env,
            )
            label = f"{key}. onrecord ingest, {workers} worker{'s' if workers > 1 else ''}"
            runs[key] = Run(label, n, words, seconds, rss, cpu)
            print(runs[key].line(), f"[{out.strip().splitlines()[-1][:60]}]", flush=True)
        if "d" in runs and "e" in runs:
            same = stored_quotes(Path(tmp) / "d.db") == stored_quotes(Path(tmp) / "e.db")
            print(f"d and e stored the same quotes: {'yes' if same else 'NO'}", flush=True)
            same = stored_groups(Path(tmp) / "d.db") == stored_groups(Path(tmp) / "e.db")
            print(
                f"d and e stored the same statements, claims and stories: {'yes' if same else 'NO'}",
                flush=True,
            )
        if "dl" not in skip:
            # diagnostic: ingest without the semantic extra (claims by shared words), to
            # show what the sentence embeddings cost
            shim = Path(tmp) / "no_semantic"
            (shim / "sentence_transformers").mkdir(parents=True)
            (shim / "sentence_transformers" / "__init__.py").write_text(
                "raise ImportError('hidden by bench/throughput.py')\n"
            )
            path = os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")]))
            seconds, rss, out, cpu = run_child(
                [
                    *onrecord,
                    "ingest",
                    "--db",
                    str(Path(tmp) / "dl.db"),
                    "--workers",
                    "1",
                    str(corpus),
                ],
                dict(os.environ, PYTHONPATH=path),
            )
            runs["dl"] = Run("d'. d without the semantic extra", n, words, seconds, rss, cpu)
            print(runs["dl"].line(), flush=True)
        print()
        for top, bottom, target in (
            ("c", "a", 1.5),
            ("cp", "a", 1.5),
            ("d", "c", 0.9),
            ("dl", "c", 0.9),
            ("e", "d", 1.8),
        ):
            if top in runs and bottom in runs:
                ratio = runs[top].docs_per_s / runs[bottom].docs_per_s
                verdict = "met" if ratio >= target else "NOT met"
                name = f"{top}/{bottom}".replace("cp", "c'").replace("dl", "d'")
                # for one process against one process, the ratio of CPU seconds too
                by_cpu = runs[bottom].cpu / runs[top].cpu if runs[top].cpu else 0.0
                cpu_note = f"  by CPU seconds: {by_cpu:.2f}" if top != "e" else ""
                print(f"{name} = {ratio:.2f}  (target >= {target}: {verdict}){cpu_note}")
        if "rss" not in skip:
            base = args.rss_base or n
            sizes = {}
            for copies in (1, 10):
                part = [records[i % n] for i in range(base)]
                path = Path(tmp) / f"rss{copies}.jsonl"
                write_jsonl(part, path, copies)
                db = Path(tmp) / f"rss{copies}.db"
                seconds, rss, _, cpu = run_child(
                    [*onrecord, "ingest", "--db", str(db), "--workers", "1", str(path)], env
                )
                sizes[copies] = rss
                print(
                    f"d at {copies:>2}x ({base * copies} articles): peak RSS {rss:.0f} MB"
                    f" in {seconds:.0f} s",
                    flush=True,
                )
            growth = sizes[10] / sizes[1] - 1
            verdict = "met" if growth <= 0.10 else "NOT met"
            print(f"peak RSS growth 1x -> 10x: {growth:+.1%}  (target <= +10%: {verdict})")
    print(f"load after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
