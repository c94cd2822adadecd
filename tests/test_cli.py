"""The command line end to end, on a real temporary SQLite file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from onrecord.cli import app

ARTICLES = {
    "wire/one.txt": (
        "---\noutlet: Northern Wire\npublished: 2023-01-20\nurl: https://example.org/one\n---\n"
        "Quota talks stall again\n\n"
        "OSLO - Foreign ministry spokeswoman Ingrid Halvorsen said on Friday that the fisheries talks "
        "with Iceland had reached a dead end.\n\n"
        "“Relations are at their lowest point in a generation,” Halvorsen told reporters. "
        "“We see no sign of movement.”\n\n"
        "She added that Oslo would not make a new offer before the summer.\n"
    ),
    "blogs/two.txt": (
        "Harbour notes\n\n"
        "Icelandic analyst Kristin Dahl said the quarrel would “outlast both governments”.\n"
        "Sign up for our newsletter\n"
    ),
}
QUOTE_KEYS = {
    "id",
    "article_id",
    "source",
    "outlet",
    "published",
    "said_on",
    "kind",
    "text",
    "start",
    "end",
    "cue",
    "speaker_text",
    "speaker",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "blogs" / "manifest.csv").write_text(
        "file,url,outlet,published,title\ntwo.txt,https://example.org/two,Brightline Blog,2023-01-21,Harbour notes\n"
    )
    return root


def test_ingest_stores_articles_and_quotes_and_prints_a_summary(cli, corpus: Path) -> None:
    result = cli("ingest", corpus, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 articles, ")
    quotes = json.loads(cli("quotes", "--format", "json").stdout)
    assert quotes and all(set(q) >= QUOTE_KEYS for q in quotes)
    lowest = [q for q in quotes if "lowest point in a generation" in q["text"]]
    assert [q["speaker"] for q in lowest] == ["Ingrid Halvorsen"]
    assert lowest[0]["kind"] == "direct" and lowest[0]["said_on"] == "2023-01-20"
    halvorsen = [q for q in quotes if q["speaker"] == "Ingrid Halvorsen"]
    assert len(halvorsen) >= 2
    assert {q["outlet"] for q in quotes} == {"Northern Wire", "Brightline Blog"}


def test_every_offset_points_into_the_article_text_as_given(cli, corpus: Path) -> None:
    from onrecord.store import open_store

    cli("ingest", corpus, "--workers", "1")
    with open_store(str(cli.db)) as store:
        for quote in json.loads(cli("quotes", "--format", "json").stdout):
            text = store.article(quote["article_id"])["text"]
            assert text[quote["start"] : quote["end"]] == quote["text"]
            if quote["speaker_start"] is not None:
                assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker_text"]


def test_ingesting_the_same_sources_twice_adds_nothing(cli, corpus: Path) -> None:
    cli("ingest", corpus, "--workers", "1")
    before = cli("quotes", "--format", "json").stdout
    again = cli("ingest", corpus, "--workers", "1")
    assert again.exit_code == 0
    assert again.stdout.startswith("0 articles, 0 quotes, 0 rejected (2 already stored)")
    assert cli("quotes", "--format", "json").stdout == before


def test_bad_inputs_are_reported_one_line_each_and_nothing_stored_is_lost(
    cli, corpus: Path, tmp_path: Path
) -> None:
    cli("ingest", corpus, "--workers", "1")
    stored = cli("quotes", "--format", "json").stdout
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    (tmp_path / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad" / "lines.jsonl").write_text(
        '{"text": "A short good line about quotas and talks."}\n{oops\n'
    )
    result = cli("ingest", tmp_path / "bad", tmp_path / "missing.txt", "--workers", "1")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    reasons = [line for line in lines if line.startswith("onrecord: rejected")]
    assert len(reasons) == 4
    assert any("binary.txt: binary file, not text" in line for line in reasons)
    assert any("empty.txt: empty file" in line for line in reasons)
    assert any("lines.jsonl:2: malformed JSON" in line for line in reasons)
    assert any("missing.txt: no such file or folder" in line for line in reasons)
    rejected = json.loads(cli("rejected", "--format", "json").stdout)
    assert len(rejected) == 4 and {"source", "stage", "reason"} <= set(rejected[0])
    after = json.loads(cli("quotes", "--format", "json").stdout)
    assert all(q in after for q in json.loads(stored))
    # the same bad inputs again: still one row each
    cli("ingest", tmp_path / "bad", tmp_path / "missing.txt", "--workers", "1")
    assert len(json.loads(cli("rejected", "--format", "json").stdout)) == 4


@pytest.mark.parametrize(
    "args",
    [
        ("quotes", "--since", "last tuesday"),
        ("quotes", "--format", "yaml"),
        ("ingest",),
        ("no-such-command",),
    ],
)
def test_usage_errors_exit_with_2(cli, args: tuple[str, ...]) -> None:
    assert cli(*args).exit_code == 2


def test_quote_filters_work_from_the_command_line(cli, corpus: Path) -> None:
    cli("ingest", corpus, "--workers", "1")

    def count(*args: str) -> int:
        return len(json.loads(cli("quotes", "--format", "json", *args).stdout))

    total = count()
    assert count("--speaker", "Halvorsen") >= 2
    assert count("--outlet", "Brightline") == total - count("--outlet", "Northern")
    assert count("--search", "lowest point") == 1
    assert count("--since", "2030-01-01") == 0


def test_csv_and_table_outputs(cli, corpus: Path) -> None:
    cli("ingest", corpus, "--workers", "1")
    csv_out = cli("quotes", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,article_id,source,")
    assert "Halvorsen" in cli("quotes").stdout


def test_the_database_location_comes_from_the_environment(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    from typer.testing import CliRunner

    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


def test_extract_prints_one_line_per_document_without_a_store(
    cli, corpus: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"doc_id": "doc-7", "text": ARTICLES["blogs/two.txt"]}) + "\n")
    result = cli("extract", corpus / "wire" / "one.txt", batch, "--workers", "1")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == [str(corpus / "wire" / "one.txt"), "doc-7"]
    quote = records[0]["quotes"][0]
    for key in (
        "quote_start",
        "quote_end",
        "text",
        "kind",
        "cue",
        "speaker_start",
        "speaker_end",
        "speaker_text",
        "speaker",
        "said_on",
    ):
        assert key in quote
    text = (corpus / "wire" / "one.txt").read_text(encoding="utf-8")
    assert all(text[q["quote_start"] : q["quote_end"]] == q["text"] for q in records[0]["quotes"])
    assert not cli.db.exists()


def test_every_command_has_help_text() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and command.help.strip(), f"`onrecord {name}` has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"`onrecord {name} --{param.name}` has no help"


def test_workers_give_the_same_results_in_the_same_order(cli, corpus: Path, tmp_path: Path) -> None:
    one = cli("extract", corpus, "--workers", "1").stdout
    two = cli("extract", corpus, "--workers", "2").stdout
    assert one == two and one


def test_no_environment_leaks_between_tests() -> None:
    assert "ONRECORD_DB" not in os.environ


def test_quotes_carry_the_canonical_person_and_speaker_matches_any_alias(cli, corpus: Path) -> None:
    cli("ingest", corpus, "--workers", "1")
    quotes = json.loads(cli("quotes", "--format", "json").stdout)
    halvorsen = {q["person_id"] for q in quotes if q["person"] == "Ingrid Halvorsen"}
    assert len(halvorsen) == 1 and None not in halvorsen
    by_alias = json.loads(cli("quotes", "--format", "json", "--speaker", "Ingrid Halvorsen").stdout)
    by_surname = json.loads(cli("quotes", "--format", "json", "--speaker", "halvorsen").stdout)
    assert (
        {q["id"] for q in by_alias}
        == {q["id"] for q in by_surname}
        == {q["id"] for q in quotes if q["person"] == "Ingrid Halvorsen"}
    )


def test_a_people_file_given_to_ingest_is_applied(cli, corpus: Path, tmp_path: Path) -> None:
    people = tmp_path / "people.toml"
    people.write_text('[[merge]]\npeople = ["Ingrid Halvorsen", "Kristin Dahl"]\n')
    result = cli("ingest", corpus, "--workers", "1", "--people", people)
    assert result.exit_code == 0, result.output
    names = {p["name"] for p in json.loads(cli("people", "--format", "json").stdout)}
    assert "Ingrid Halvorsen" in names and "Kristin Dahl" not in names
    quotes = json.loads(cli("quotes", "--format", "json").stdout)
    outlast = [q for q in quotes if "outlast both governments" in q["text"]]
    assert outlast and {q["person"] for q in outlast} == {"Ingrid Halvorsen"}


@pytest.mark.parametrize(
    "args", [("quotes",), ("rejected",), ("people",), ("statements",), ("timeline", "--topic", "x")]
)
def test_reading_a_store_that_does_not_exist_is_an_error_not_a_new_store(cli, args) -> None:
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"onrecord: error: {cli.db}: no store here; run `onrecord ingest` first, "
        "or check --db / ONRECORD_DB"
    )
    assert not cli.db.exists()


def test_export_takes_its_format_from_the_file_suffix(cli, corpus: Path, tmp_path: Path) -> None:
    cli("ingest", corpus, "--workers", "1")
    out = tmp_path / "quotes.csv"
    assert cli("export", "--what", "quotes", "--out", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,article_id,")
    clash = cli("export", "--what", "quotes", "--out", out, "--format", "jsonl")
    assert clash.exit_code == 2


def test_an_unknown_quote_kind_is_a_usage_error(cli, corpus: Path) -> None:
    cli("ingest", corpus, "--workers", "1")
    assert cli("quotes", "--kind", "bogus").exit_code == 2
    assert cli("quotes", "--kind", "direct").exit_code == 0
