"""The store contract, the same for every backend: SQLite and a real PostgreSQL server.

Each test runs once per backend (``store`` is parametrized); the PostgreSQL
server is started by the test run (see `postgres_fixture`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from onrecord.model import Article, ArticleResult, Mention, Quote, Rejected
from onrecord.store import QuoteFilter, Store, open_store
from onrecord.store.base import load_migrations
from onrecord.store.postgres import postgres_ddl, translate_placeholders

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store of each backend lives: a file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "onrecord.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty, migrated store of each backend."""
    if request.param == "sqlite":
        location = str(tmp_path / "onrecord.db")
    else:
        location = request.getfixturevalue("postgres_store_url")
    with open_store(location) as opened:
        yield opened


def article_with(
    text: str,
    quotes: list[tuple[str, str, str | None, date | None]],
    *,
    outlet: str = "Northern Wire",
    published: date | None = date(2023, 1, 20),
    url: str | None = None,
) -> ArticleResult:
    """An article whose quotes are given as (wording found in text, kind, speaker, said_on)."""
    article = Article(
        text=text,
        source=f"{outlet}.txt",
        url=url,
        outlet=outlet,
        title=text.split(".")[0],
        published=published,
        published_basis="metadata" if published else "unknown",
    )
    records = []
    mentions = []
    for wording, kind, speaker, said_on in quotes:
        start = text.index(wording)
        speaker_start = text.index(speaker) if speaker and speaker in text else None
        records.append(
            Quote(
                start=start,
                end=start + len(wording),
                text=wording,
                kind=kind,  # type: ignore[arg-type]
                cue="say",
                speaker_start=speaker_start,
                speaker_end=speaker_start + len(speaker) if speaker_start is not None else None,
                speaker_text=speaker,
                speaker=speaker,
                speaker_kind="person" if speaker else "unknown",
                said_on=said_on,
                said_on_precision="day" if said_on else None,
                said_on_basis="explicit" if said_on else "unknown",
                confidence=0.9,
            )
        )
        if speaker_start is not None:
            mentions.append(
                Mention(
                    speaker_start, speaker_start + len(speaker or ""), speaker or "", speaker or ""
                )
            )
    return ArticleResult(article=article, quotes=tuple(records), mentions=tuple(mentions))


FROZEN = article_with(
    "“Relations are frozen,” said spokeswoman Ingrid Halvorsen. The talks go on.",
    [("“Relations are frozen,”", "direct", "Ingrid Halvorsen", date(2023, 1, 19))],
)
THAW = article_with(
    "Minister Jón Magnússon said the quota talks were thawing. "
    "“We are closer than ever,” Magnússon said. Analysts agreed.",
    [
        ("the quota talks were thawing", "indirect", "Jón Magnússon", date(2024, 3, 5)),
        ("“We are closer than ever,”", "direct", "Jón Magnússon", date(2024, 3, 5)),
    ],
    outlet="Reykjavik Ledger",
    published=date(2024, 3, 6),
)
UNDATED = article_with(
    "A fisheries official called the 100% rise in landings “unsustainable”.",
    [("“unsustainable”", "partial", None, None)],
    outlet="Quota Truth",
    published=None,
)


def ids(rows: list[dict]) -> list[str]:
    return [row["text"] for row in rows]


# -- schema ------------------------------------------------------------------------------
def test_a_new_store_has_every_migration_applied(location: str) -> None:
    with open_store(location) as store:
        assert store.schema_version() == load_migrations(store.dialect)[-1].number
        assert store.counts() == {"articles": 0, "quotes": 0, "rejected": 0}


def test_reopening_a_store_applies_nothing_twice_and_keeps_its_rows(location: str) -> None:
    with open_store(location) as first:
        first.save_batch([FROZEN], [], None)
        version = first.schema_version()
    with open_store(location) as again:
        assert again.schema_version() == version
        assert again.counts() == {"articles": 1, "quotes": 1, "rejected": 0}


def test_postgres_reads_sqlite_column_types_the_sqlite_way() -> None:
    script = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, label TEXT DEFAULT 'REAL');"
    )
    assert postgres_ddl(script) == (
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT, "
        "x DOUBLE PRECISION, label TEXT DEFAULT 'REAL');"
    )


@pytest.mark.parametrize(
    ("sqlite", "psycopg"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
        ("SELECT * FROM t WHERE a = :name", "SELECT * FROM t WHERE a = %(name)s"),
        ("SELECT 'what?' || ? FROM t", "SELECT 'what?' || %s FROM t"),
        ("SELECT x::text FROM t WHERE y LIKE '50%'", "SELECT x::text FROM t WHERE y LIKE '50%%'"),
        ('SELECT "odd?name" FROM t', 'SELECT "odd?name" FROM t'),
    ],
)
def test_sqlite_placeholders_become_psycopg_placeholders(sqlite: str, psycopg: str) -> None:
    assert translate_placeholders(sqlite) == psycopg


# -- primitives --------------------------------------------------------------------------
def test_queries_take_sqlite_placeholders_and_return_dicts(store: Store) -> None:
    store.save_batch([FROZEN, THAW], [], None)
    rows = store.query(
        "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet LIKE ? GROUP BY outlet",
        ("%Wire",),
    )
    assert rows == [{"outlet": "Northern Wire", "n": 1}]
    named = store.query(
        "SELECT outlet FROM articles WHERE outlet = :outlet", {"outlet": "Reykjavik Ledger"}
    )
    assert named == [{"outlet": "Reykjavik Ledger"}]
    assert store.query("SELECT '100%' AS literal, 'why?' AS question") == [
        {"literal": "100%", "question": "why?"}
    ]
    assert list(
        store.iter_rows("SELECT id FROM articles WHERE outlet = ?", ("Northern Wire",))
    ) == [{"id": FROZEN.article.id}]


def test_execute_reports_changed_rows_and_executemany_writes_each_row(store: Store) -> None:
    store.save_batch([FROZEN, THAW], [], None)
    assert (
        store.execute("UPDATE articles SET byline = ? WHERE published < ?", ("Staff", "2024-01-01"))
        == 1
    )
    store.executemany(
        "UPDATE articles SET title = ? WHERE id = ?",
        [("one", FROZEN.article.id), ("two", THAW.article.id)],
    )
    titles = {row["id"]: row["title"] for row in store.query("SELECT id, title FROM articles")}
    assert titles == {FROZEN.article.id: "one", THAW.article.id: "two"}


def test_dates_and_booleans_are_parameters_as_sqlite_takes_them(store: Store) -> None:
    store.save_batch([FROZEN, THAW], [], None)
    rows = store.query("SELECT id FROM articles WHERE published >= ?", (date(2024, 1, 1),))
    assert rows == [{"id": THAW.article.id}]
    store.execute("UPDATE runs SET articles = ?", (True,))  # no run yet: only the types matter
    run = store.start_run("ingest", [])
    store.execute("UPDATE runs SET articles = ? WHERE id = ?", (True, run))
    assert store.query("SELECT articles FROM runs") == [{"articles": 1}]


def test_a_nul_character_is_stored_without_moving_any_offset(store: Store) -> None:
    text = "“Nets\x00 are torn,” said harbourmaster Siv Dalen. Repairs begin."
    damaged = article_with(text, [("“Nets\x00 are torn,”", "direct", "Siv Dalen", None)])
    assert store.save_batch([damaged], [], None) == (1, 1, 0)
    stored = store.article(damaged.article.id)
    assert stored is not None and len(stored["text"]) == len(text)
    quote = store.quotes(QuoteFilter())[0]
    assert stored["text"][quote["start"] : quote["end"]] == quote["text"]
    assert [q["speaker"] for q in store.quotes(QuoteFilter(search="torn"))] == ["Siv Dalen"]


def test_floats_come_back_as_they_were_written(store: Store) -> None:
    store.save_batch([FROZEN], [], None)
    assert store.query("SELECT confidence FROM quotes")[0]["confidence"] == 0.9


# -- ingest ------------------------------------------------------------------------------
def test_saving_the_same_batch_twice_adds_nothing(store: Store) -> None:
    bad = Rejected("bad.txt", "read", "empty file")
    assert store.save_batch([FROZEN, THAW], [bad], None) == (2, 3, 1)
    assert store.save_batch([FROZEN, THAW], [bad], None) == (0, 0, 0)
    assert store.counts() == {"articles": 2, "quotes": 3, "rejected": 1}
    assert store.known_articles([FROZEN.article.id, "not-there"]) == {FROZEN.article.id}
    assert store.known_articles([]) == set()


def test_a_failing_transaction_leaves_the_store_as_it_was(store: Store) -> None:
    store.save_batch([FROZEN], [], None)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_batch([THAW], [Rejected("x.txt", "read", "binary")], None)
        assert store.counts()["articles"] == 2
        raise RuntimeError("crash mid-batch")
    assert store.counts() == {"articles": 1, "quotes": 1, "rejected": 0}
    assert ids(store.quotes(QuoteFilter(search="closer"))) == []


def test_a_failing_inner_transaction_undoes_only_its_own_writes(store: Store) -> None:
    with store.transaction():
        store.save_batch([FROZEN], [], None)
        with pytest.raises(ValueError), store.transaction():
            store.save_batch([THAW], [], None)
            raise ValueError("inner failure")
        store.save_batch([], [Rejected("y.txt", "read", "empty file")], None)
    assert store.counts() == {"articles": 1, "quotes": 1, "rejected": 1}


def test_runs_are_recorded_from_start_to_finish(store: Store) -> None:
    first = store.start_run("ingest", ["corpus/"])
    second = store.start_run("ingest", ["more/"])
    assert second > first
    store.finish_run(first, 2, 3, 1, "done")
    row = store.query(
        "SELECT inputs, articles, quotes, rejected, status FROM runs WHERE id = ?", (first,)
    )[0]
    assert row == {
        "inputs": '["corpus/"]',
        "articles": 2,
        "quotes": 3,
        "rejected": 1,
        "status": "done",
    }


def test_rejected_inputs_are_listed_once_in_the_order_seen(store: Store) -> None:
    store.save_batch(
        [],
        [Rejected("b.bin", "read", "binary file"), Rejected("a.txt", "read", "empty file")],
        None,
    )
    store.save_batch([], [Rejected("b.bin", "read", "binary file")], None)
    assert [(r["source"], r["stage"], r["reason"]) for r in store.rejected()] == [
        ("b.bin", "read", "binary file"),
        ("a.txt", "read", "empty file"),
    ]
    assert set(store.rejected()[0]) == {"source", "stage", "reason", "seen_at"}


# -- reading -----------------------------------------------------------------------------
def test_articles_are_listed_by_date_without_text_and_read_with_it(store: Store) -> None:
    store.save_batch([UNDATED, THAW, FROZEN], [], None)
    listed = store.articles()
    assert [a["outlet"] for a in listed] == ["Northern Wire", "Reykjavik Ledger", "Quota Truth"]
    assert [a["quotes"] for a in listed] == [1, 2, 1]
    assert "text" not in listed[0]
    assert [a["id"] for a in store.articles(outlet="reykjavik ledger")] == [THAW.article.id]
    one = store.article(THAW.article.id)
    assert one is not None and one["text"] == THAW.article.text and one["published"] == "2024-03-06"
    assert store.article("no-such-article") is None


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (
            QuoteFilter(),
            [
                "“Relations are frozen,”",
                "the quota talks were thawing",
                "“We are closer than ever,”",
                "“unsustainable”",
            ],
        ),
        (
            QuoteFilter(speaker="magnússon"),
            ["the quota talks were thawing", "“We are closer than ever,”"],
        ),
        (QuoteFilter(outlet="wire"), ["“Relations are frozen,”"]),
        (
            QuoteFilter(since=date(2024, 1, 1)),
            ["the quota talks were thawing", "“We are closer than ever,”"],
        ),
        (QuoteFilter(until=date(2023, 1, 19)), ["“Relations are frozen,”"]),
        (QuoteFilter(until=date(2023, 1, 18)), []),
        (QuoteFilter(kind="direct"), ["“Relations are frozen,”", "“We are closer than ever,”"]),
        (
            QuoteFilter(kind="direct", since=date(2024, 1, 1), limit=5),
            ["“We are closer than ever,”"],
        ),
        (QuoteFilter(limit=1), ["“Relations are frozen,”"]),
        (QuoteFilter(article_id=FROZEN.article.id), ["“Relations are frozen,”"]),
    ],
    ids=[
        "all",
        "speaker",
        "outlet",
        "since",
        "until",
        "until-before-all",
        "kind",
        "kind-since",
        "limit",
        "article",
    ],
)
def test_quote_filters_narrow_the_list(
    store: Store, where: QuoteFilter, expected: list[str]
) -> None:
    store.save_batch([UNDATED, THAW, FROZEN], [], None)
    assert ids(store.quotes(where)) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("frozen", ["“Relations are frozen,”"]),
        ("FROZEN relations", ["“Relations are frozen,”"]),
        ("relations thawing", []),  # every word must appear in one quote
        ("closer, than!", ["“We are closer than ever,”"]),
        ("Halvorsen", ["“Relations are frozen,”"]),  # the speaker is searched too
        (
            "magnusson",
            ["the quota talks were thawing", "“We are closer than ever,”"],
        ),  # diacritics folded
        ("froz", []),  # whole words, no prefixes
        ("…", []),  # no words: nothing
    ],
)
def test_search_finds_quotes_holding_every_word(
    store: Store, search: str, expected: list[str]
) -> None:
    store.save_batch([UNDATED, THAW, FROZEN], [], None)
    assert ids(store.quotes(QuoteFilter(search=search))) == expected


def test_quote_rows_carry_their_article_metadata(store: Store) -> None:
    store.save_batch([THAW], [], None)
    row = store.quotes(QuoteFilter(kind="direct"))[0]
    assert row["outlet"] == "Reykjavik Ledger"
    assert row["published"] == "2024-03-06"
    assert row["said_on"] == "2024-03-05"
    assert row["speaker"] == "Jón Magnússon"
    assert THAW.article.text[row["start"] : row["end"]] == row["text"]


# -- end to end --------------------------------------------------------------------------
CORPUS = {
    "wire/talks.txt": """---
url: https://northernwire.example/talks-resume
outlet: Northern Wire
published: 2023-02-14
title: Fishing talks resume in Bergen
---
Fishing talks resume in Bergen

Norway and Iceland resumed talks on the herring quota on Tuesday.

"We came here to listen, not to lecture," said Norwegian fisheries minister Ingrid Halvorsen.

Halvorsen added that the talks would continue into March. "Nobody wins a quota war," she said.
""",
    "ledger/reply.txt": """---
url: https://ledger.example/magnusson-reply
outlet: Reykjavik Ledger
published: 2023-02-15
title: Magnússon answers Oslo
---
Magnússon answers Oslo

Icelandic minister Jón Magnússon said on Wednesday that Iceland would not accept a smaller share.

"Our boats follow the fish, and the fish have moved north," Magnússon told reporters.
""",
    "wire/copy.txt": """---
url: https://northernwire.example/talks-resume-update
outlet: Harbour Times
published: 2023-02-15
title: Herring talks resume
---
Herring talks resume

"We came here to listen, not to lecture," Norwegian fisheries minister Ingrid Halvorsen said in Bergen on Tuesday.
""",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in CORPUS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_the_pipeline_stores_the_same_quotes_in_postgres_as_in_sqlite(
    corpus: Path, tmp_path: Path, request: pytest.FixtureRequest, pipeline
) -> None:
    from onrecord.ingest import ingest
    from onrecord.stages import cross_article_stages

    stored = {}
    for name, location in (
        ("sqlite", str(tmp_path / "onrecord.db")),
        ("postgres", request.getfixturevalue("postgres_store_url")),
    ):
        with open_store(location) as store:
            summary = ingest(
                [str(corpus)], store, pipeline=pipeline, after_batch=cross_article_stages()
            )
            again = ingest(
                [str(corpus)], store, pipeline=pipeline, after_batch=cross_article_stages()
            )
            stored[name] = {
                "summary": (summary.articles, summary.quotes, summary.rejected),
                "again": (again.articles, again.quotes, again.skipped),
                "counts": store.counts(),
                "quotes": [
                    (q["id"], q["text"], q["speaker"], q["said_on"], q["kind"], q["outlet"])
                    for q in store.quotes(QuoteFilter(cues="all"))
                ],
                "search": [q["id"] for q in store.quotes(QuoteFilter(search="lecture"))],
                "articles": [(a["id"], a["published"], a["quotes"]) for a in store.articles()],
                "rejected": [(r["source"], r["stage"], r["reason"]) for r in store.rejected()],
                # the cross-article stages' own SQL runs on both backends alike
                "people": store.query("SELECT id, name, kind FROM people ORDER BY id"),
                "statements": store.query(
                    "SELECT id, person, said_on, quote_count FROM statements ORDER BY id"
                ),
            }
    sqlite, postgres = stored["sqlite"], stored["postgres"]
    assert sqlite["summary"] == (3, len(sqlite["quotes"]), 1)
    assert sqlite["again"] == (0, 0, 3)
    speakers = {q[2] for q in sqlite["quotes"]}
    assert {"Ingrid Halvorsen", "Jón Magnússon"} <= speakers
    assert len(sqlite["search"]) == 2  # the same words in two outlets
    assert "Ingrid Halvorsen" in {p["name"] for p in sqlite["people"]}
    assert any(s["quote_count"] == 2 for s in sqlite["statements"])  # one statement, two reports
    assert postgres == sqlite
