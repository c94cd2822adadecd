"""A run killed at any point (even SIGKILL) leaves the store consistent; re-running completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SPEAKERS = ["Ingrid Halvorsen", "Erik Dahl", "Kristin Dahl", "Jon Sigurdsson", "Marta Olsen"]
ARTICLES = 96


def write_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(ARTICLES):
            speaker = SPEAKERS[i % len(SPEAKERS)]
            text = (
                f"Talks update number {i}\n\n"
                f"{speaker} said on Monday that round {i} of the quota talks had ended without a deal. "
                f"“We will return to the table in week {i + 2},” {speaker.split()[-1]} told reporters. "
                f"The next meeting is planned in Bergen.\n"
            )
            record = {
                "doc_id": f"d{i:03d}",
                "text": text,
                "outlet": "Northern Wire",
                "published": f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}",
            }
            handle.write(json.dumps(record) + "\n")


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ONRECORD_BATCH_ARTICLES": "4", "ONRECORD_CHUNK_ARTICLES": "2"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "onrecord",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def snapshot(db: Path) -> tuple[list[tuple], list[tuple], int]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT id, source, published FROM articles ORDER BY id").fetchall()
        quotes = conn.execute(
            'SELECT id, article_id, start, "end", text, speaker, said_on FROM quotes ORDER BY id'
        ).fetchall()
        fts = conn.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT COUNT(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE a.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    return articles, quotes, fts


def articles_stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_a_killed_ingest_resumes_to_the_same_store_as_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)

    clean_db = tmp_path / "clean.db"
    assert ingest(corpus, clean_db).wait(timeout=600) == 0
    expected = snapshot(clean_db)
    assert len(expected[0]) == ARTICLES and expected[2] == len(expected[1]) > ARTICLES

    killed_db = tmp_path / "killed.db"
    process = ingest(corpus, killed_db)
    deadline = time.monotonic() + 300
    while (
        articles_stored(killed_db) < 12 and process.poll() is None and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = snapshot(killed_db)  # consistent after the kill: whole batches only
    assert 12 <= len(partial[0]) < ARTICLES and len(partial[0]) % 4 == 0

    assert ingest(corpus, killed_db).wait(timeout=600) == 0
    assert snapshot(killed_db) == expected
