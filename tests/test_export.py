"""Exports of quotes, statements, people and articles: JSON lines, CSV and Parquet round trips."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from onrecord.views.export import export_rows, write_export
from statement_rows import add_person, add_statement, outlets


@pytest.fixture
def filled(store):
    """A store with two people, three statements (one carried twice) and a story."""
    add_person(store, "p-ingrid", "Ingrid Halvorsen", roles=("foreign ministry spokeswoman",))
    add_person(store, "p-erik", "Erik Dahl", aliases=("Dahl", "Mr Dahl"))
    add_statement(
        store,
        "s1",
        text="Relations are at their lowest point.",
        said_on="2022-03-17",
        tone=-0.6,
        person_id="p-ingrid",
        reports=outlets("Northern Wire", "Harbour Daily"),
    )
    add_statement(
        store,
        "s2",
        text="A reset is possible.",
        said_on="2025-02-10",
        tone=0.4,
        person_id="p-ingrid",
    )
    add_statement(
        store,
        "s3",
        text="We will not move, “ever”.",
        person="Erik Dahl",
        person_id="p-erik",
        reports=(("The Fjord Post", "2023-05-01", None),),
    )
    store.execute("UPDATE articles SET story_id = 'story-1' WHERE id LIKE 's1-%'")
    return store


def _export(store, what: str, fmt: str, path: Path) -> int:
    return write_export(export_rows(store, what), fmt, path, what)  # type: ignore[arg-type]


@pytest.mark.parametrize("what", ["quotes", "statements", "people", "articles"])
def test_jsonl_has_one_line_per_record_equal_to_the_rows(filled, tmp_path: Path, what: str) -> None:
    path = tmp_path / f"{what}.jsonl"
    count = _export(filled, what, "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = json.loads(json.dumps(list(export_rows(filled, what))))
    assert lines == expected
    assert count == len(lines) == {"quotes": 4, "statements": 3, "people": 2, "articles": 4}[what]


def test_quote_export_has_every_quote_column_and_its_article(filled, tmp_path: Path) -> None:
    rows = list(export_rows(filled, "quotes"))
    stored = filled.query(
        'SELECT id, start, "end", statement_id, person_id FROM quotes ORDER BY id'
    )
    assert sorted(r["id"] for r in rows) == [r["id"] for r in stored]
    first = next(r for r in rows if r["id"] == "s3-q0")
    assert first["outlet"] == "The Fjord Post" and first["published"] == "2023-05-01"
    assert first["statement_id"] == "s3" and first["person_id"] == "p-erik"
    assert isinstance(first["spans"], list)


def test_quote_and_article_exports_carry_every_stored_column_in_table_order(filled) -> None:
    stored_quote = filled.query("SELECT * FROM quotes LIMIT 1")[0]
    stored_article = filled.query("SELECT * FROM articles LIMIT 1")[0]
    quote = next(export_rows(filled, "quotes"))
    article = next(export_rows(filled, "articles"))
    assert list(quote) == [*stored_quote, "outlet", "url", "published"]
    assert list(article) == list(stored_article)


def test_article_export_includes_text_and_story(filled) -> None:
    rows = {r["id"]: r for r in export_rows(filled, "articles")}
    assert rows["s1-a0"]["story_id"] == "story-1"
    assert rows["s2-a0"]["story_id"] is None
    assert "“A reset is possible." in rows["s2-a0"]["text"]


def test_people_export_lists_aliases_roles_and_quote_counts(filled) -> None:
    people = {p["name"]: p for p in export_rows(filled, "people")}
    assert set(people["Erik Dahl"]["aliases"]) == {"Erik Dahl", "Dahl", "Mr Dahl"}
    assert [r["role"] for r in people["Ingrid Halvorsen"]["roles"]] == [
        "foreign ministry spokeswoman"
    ]
    assert people["Ingrid Halvorsen"]["quotes"] == 3


def test_csv_has_a_header_and_lists_written_as_json(filled, tmp_path: Path) -> None:
    path = tmp_path / "statements.csv"
    assert _export(filled, "statements", "csv", path) == 3
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:4] == ["id", "person", "said_on", "text"]
    first = next(r for r in rows if r["id"] == "s1")
    assert json.loads(first["carriers"]) == ["Northern Wire", "Harbour Daily"]
    assert float(first["tone"]) == pytest.approx(-0.6)
    third = next(r for r in rows if r["id"] == "s3")
    assert third["text"] == "We will not move, “ever”."


def test_parquet_reads_back_with_pyarrow(filled, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for what in ("statements", "articles", "people", "quotes"):
        path = tmp_path / f"{what}.parquet"
        count = _export(filled, what, "parquet", path)
        table = pq.read_table(path)
        assert table.num_rows == count
        assert table.to_pylist() == json.loads(json.dumps(list(export_rows(filled, what))))
    statements = {r["id"]: r for r in pq.read_table(tmp_path / "statements.parquet").to_pylist()}
    assert statements["s1"]["carriers"] == ["Northern Wire", "Harbour Daily"]
    assert statements["s1"]["first_reported"]["outlet"] == "Northern Wire"
    assert statements["s2"]["tone"] == pytest.approx(0.4)
    articles = {r["id"]: r for r in pq.read_table(tmp_path / "articles.parquet").to_pylist()}
    assert articles["s1-a1"]["story_id"] == "story-1"
    assert "lowest point" in articles["s1-a1"]["text"]
    quotes = pq.read_table(tmp_path / "quotes.parquet")
    assert str(quotes.schema.field("start").type) == "int64"
    assert str(quotes.schema.field("said_on").type) == "string"


def test_parquet_keeps_column_types_when_the_first_rows_are_empty(store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from onrecord.views import export

    rows = [{"id": f"q{i}", "start": None, "confidence": None} for i in range(3)]
    rows.append({"id": "q9", "start": 7, "confidence": 0.5})
    monkey_batch = export._BATCH
    export._BATCH = 2  # several row groups: the schema must hold for later ones
    try:
        write_export(rows, "parquet", tmp_path / "q.parquet", "quotes")
    finally:
        export._BATCH = monkey_batch
    table = pq.read_table(tmp_path / "q.parquet")
    assert table.column("start").to_pylist() == [None, None, None, 7]
    assert table.column("confidence").to_pylist() == [None, None, None, 0.5]


def test_export_command_writes_the_file_and_says_how_many(cli, filled, tmp_path: Path) -> None:
    out = tmp_path / "out" / "people.jsonl"
    result = cli("export", "--what", "people", "--format", "jsonl", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"2 people written to {out}"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_command_to_standard_output(cli, filled) -> None:
    result = cli("export", "--what", "statements", "--format", "csv", "--out", "-")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("id,person,said_on,text")
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 4


def test_parquet_without_pyarrow_is_one_line_saying_what_to_install(
    cli, filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    result = cli(
        "export", "--what", "quotes", "--format", "parquet", "--out", tmp_path / "q.parquet"
    )
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "pip install onrecord[parquet]" in result.stderr
    assert not (tmp_path / "q.parquet").exists()


def test_an_unknown_export_kind_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("export", "--what", "claims", "--out", tmp_path / "x.jsonl")
    assert result.exit_code == 2
