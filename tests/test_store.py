"""The SQLite store: versioned migrations, idempotent batches, atomic writes, search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from onrecord.model import Article, ArticleResult, Mention, Quote, Rejected
from onrecord.store import QuoteFilter, open_store
from onrecord.store.base import load_migrations

TEXT = "“Relations are frozen,” said spokeswoman Ingrid Halvorsen. The talks go on."


def result(
    text: str = TEXT, url: str | None = "https://example.org/1", outlet: str = "Northern Wire"
) -> ArticleResult:
    article = Article(
        text=text,
        source="a.txt",
        url=url,
        outlet=outlet,
        published=date(2023, 1, 20),
        published_basis="metadata",
    )
    quote = Quote(
        start=0,
        end=23,
        text=text[0:23],
        kind="direct",
        cue="say",
        cue_start=24,
        cue_end=28,
        speaker_start=29,
        speaker_end=58,
        speaker_text=text[29:58],
        speaker="Ingrid Halvorsen",
        speaker_kind="person",
        said_on=date(2023, 1, 20),
        said_on_precision="day",
        said_on_basis="published",
    )
    mention = Mention(
        start=41, end=58, text="Ingrid Halvorsen", name="Ingrid Halvorsen", role="spokeswoman"
    )
    return ArticleResult(article=article, quotes=(quote,), mentions=(mention,))


def test_a_new_store_has_every_migration_applied(store) -> None:
    assert store.schema_version() == load_migrations("sqlite")[-1].number
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"


def test_reopening_a_store_applies_nothing_twice(store_path: Path) -> None:
    with open_store(str(store_path)) as first:
        first.save_batch([result()], [], None)
        version = first.schema_version()
    with open_store(str(store_path)) as again:
        assert again.schema_version() == version
        assert again.counts() == {"articles": 1, "quotes": 1, "rejected": 0}


def test_saving_the_same_batch_twice_adds_nothing(store) -> None:
    assert store.save_batch([result()], [Rejected("bad.txt", "read", "empty file")], None) == (
        1,
        1,
        1,
    )
    assert store.save_batch([result()], [Rejected("bad.txt", "read", "empty file")], None) == (
        0,
        0,
        0,
    )
    assert store.counts() == {"articles": 1, "quotes": 1, "rejected": 1}


def test_a_failing_batch_leaves_the_store_as_it_was(store) -> None:
    store.save_batch([result()], [], None)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_batch([result(url="https://example.org/2")], [], None)
        raise RuntimeError("crash mid-batch")
    assert store.counts()["articles"] == 1


def test_quotes_come_back_with_their_article_and_dates(store) -> None:
    store.save_batch([result()], [], None)
    (row,) = store.quotes(QuoteFilter())
    assert row["outlet"] == "Northern Wire" and row["published"] == "2023-01-20"
    assert row["said_on"] == "2023-01-20" and row["speaker"] == "Ingrid Halvorsen"
    assert TEXT[row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize(
    ("where", "found"),
    [
        (QuoteFilter(speaker="halvorsen"), 1),
        (QuoteFilter(speaker="Dahl"), 0),
        (QuoteFilter(outlet="northern"), 1),
        (QuoteFilter(since=date(2023, 1, 20), until=date(2023, 1, 20)), 1),
        (QuoteFilter(since=date(2023, 1, 21)), 0),
        (QuoteFilter(search="frozen relations"), 1),
        (QuoteFilter(search="thaw"), 0),
        (QuoteFilter(kind="indirect"), 0),
    ],
)
def test_quote_filters_narrow_the_list(store, where: QuoteFilter, found: int) -> None:
    store.save_batch([result()], [], None)
    assert len(store.quotes(where)) == found


def test_quote_ids_and_article_ids_are_stable(store) -> None:
    one = result()
    assert one.article.id == result().article.id
    assert one.quotes[0].id_in(one.article.id) == result().quotes[0].id_in(result().article.id)
    no_url = result(url=None)
    assert no_url.article.id == result(text=TEXT.replace(" ", "  "), url=None).article.id


def test_an_unreadable_store_file_is_a_clear_error(tmp_path: Path) -> None:
    from onrecord.errors import StoreError

    path = tmp_path / "not-a-db.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(
        StoreError, match=r"not-a-db\.db: cannot open the SQLite store \(file is not a database\)"
    ):
        open_store(str(path))


def test_two_quotes_over_one_span_are_stored_and_counted_once(store) -> None:
    one = result()
    twice = ArticleResult(article=one.article, quotes=one.quotes * 2, mentions=one.mentions)
    assert store.save_batch([twice], [], None) == (1, 1, 0)
    assert store.query("SELECT COUNT(*) AS n FROM quotes_fts")[0]["n"] == 1
