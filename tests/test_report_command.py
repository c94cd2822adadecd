"""The `report` command and the data it gives the HTML report, on a real temporary store.

No browser here: what the page looks like is the report module's own test.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from onrecord.views.report_data import CONTEXT_CHARS, report_data
from onrecord.views.timeline import Selection
from statement_rows import add_statement, outlets

LONG_BEFORE = "Fishing boats waited in the harbour all week. " * 12
LONG_AFTER = " The minister left without taking questions. " * 12


@pytest.fixture
def filled(store):
    """Two statements with web sources, one from a local file, one undated."""
    add_statement(
        store,
        "web",
        text="Iceland broke its word.",
        said_on="2022-03-17",
        tone=-0.7,
        role="Norwegian foreign ministry spokeswoman",
        reports=outlets("Northern Wire", "Harbour Daily"),
    )
    add_statement(
        store,
        "local",
        text="We welcome the new approach from Iceland.",
        said_on="2025-02-10",
        tone=0.6,
        role="Norwegian foreign ministry spokeswoman",
        reports=(("Arctic Notes", None, None),),
        before=LONG_BEFORE,
        after=LONG_AFTER,
    )
    add_statement(
        store,
        "other",
        text="Cod prices are stable.",
        said_on="2024-01-09",
        tone=0.0,
        person="Kristin Dahl",
        reports=outlets("Atlantic Fisheries Review"),
    )
    add_statement(
        store,
        "undated",
        text="No comment on Iceland.",
        said_on=None,
        tone=0.0,
        role="Norwegian foreign ministry spokeswoman",
    )
    return store


def test_report_writes_one_self_contained_page_and_prints_its_path(
    cli, filled, tmp_path: Path
) -> None:
    out = tmp_path / "nested" / "report.html"
    result = cli("report", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="mark"') == 3  # one per dated statement; the undated one in the table
    for sid in ("web", "local", "other", "undated"):
        assert f'data-statement-id="{sid}"' in page
    assert "<script src" not in page and "<link" not in page


def test_a_statement_with_a_web_source_links_to_its_first_report(filled) -> None:
    data = report_data(filled, Selection())
    web = next(s for s in data.statements if s["id"] == "web")
    assert web["first_reported"]["url"] == "https://northern-wire.example/x"
    assert web["first_reported"]["outlet"] == "Northern Wire"
    assert web["carriers"] == ["Northern Wire", "Harbour Daily"]
    assert web["source_anchor"] is None
    assert web["said_on"] == "2022-03-17" and web["tone"] == pytest.approx(-0.7)


def test_a_statement_without_a_stored_tone_or_a_scorer_has_an_unknown_tone(filled) -> None:
    add_statement(filled, "untoned", text="Talks resume in May.", said_on="2023-04-02", tone=None)
    by_id = {s["id"]: s for s in report_data(filled, Selection()).statements}
    assert by_id["untoned"]["tone"] is None  # unknown, not neutral
    assert by_id["other"]["tone"] == pytest.approx(0.0)
    scored = report_data(filled, Selection(), scorer=lambda text: -0.25).statements
    assert next(s for s in scored if s["id"] == "untoned")["tone"] == pytest.approx(-0.25)


def test_a_local_file_source_gets_an_appendix_entry_with_the_quote_in_context(filled) -> None:
    data = report_data(filled, Selection())
    local = next(s for s in data.statements if s["id"] == "local")
    assert local["first_reported"]["url"] is None
    [entry] = [e for e in data.appendix if e["anchor"] == local["source_anchor"]]
    assert entry["quote"] == "We welcome the new approach from Iceland."
    assert entry["outlet"] == "Arctic Notes"
    assert 0 < len(entry["text_before"]) <= CONTEXT_CHARS
    assert 0 < len(entry["text_after"]) <= CONTEXT_CHARS
    assert (LONG_BEFORE + "“").endswith(entry["text_before"])
    assert entry["text_after"].startswith("”, said Ingrid Halvorsen.")
    assert not entry["text_before"].startswith(" ")  # cut at a word, not inside one


def test_the_page_links_local_sources_to_the_highlighted_passage(
    cli, filled, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    assert cli("report", "--out", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    anchor = re.search(r'<a href="#([^"]+)">Arctic Notes</a>', page)
    assert anchor is not None
    section = page[page.index(f'id="{anchor.group(1)}"') :]
    assert unescape(re.search(r"<mark>(.*?)</mark>", section).group(1)) == (
        "We welcome the new approach from Iceland."
    )
    assert 'href="https://northern-wire.example/x"' in page


def test_selectors_narrow_the_report(cli, filled, tmp_path: Path) -> None:
    pair = report_data(filled, Selection(pair=("NO", "IS")))
    assert sorted(s["id"] for s in pair.statements) == ["local", "undated", "web"]
    assert pair.title == "Statements on Norway – Iceland"
    since = report_data(filled, Selection(since=date(2024, 1, 1)))
    assert sorted(s["id"] for s in since.statements) == ["local", "other"]
    out = tmp_path / "dahl.html"
    assert cli("report", "--speaker", "Dahl", "--out", out).exit_code == 0
    assert out.read_text(encoding="utf-8").count('class="mark"') == 1


def test_an_empty_selection_still_writes_a_page(cli, store, tmp_path: Path) -> None:
    out = tmp_path / "empty.html"
    result = cli("report", "--topic", "herring", "--out", out)
    assert result.exit_code == 0
    assert "No statements to show" in out.read_text(encoding="utf-8")


def test_an_unwritable_output_is_one_line_and_exit_1(cli, filled, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli("report", "--out", blocker / "report.html")
    assert result.exit_code == 1
    assert result.stderr.startswith("onrecord: error:")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_report_on_the_example_corpus(cli, tmp_path: Path) -> None:
    from conftest import EXAMPLE_CORPUS

    assert cli("ingest", EXAMPLE_CORPUS).exit_code in (0, 1)
    out = tmp_path / "report.html"
    result = cli("report", "--out", out)
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    from onrecord.store import open_store

    with open_store(str(cli.db)) as store:
        dated = store.query("SELECT COUNT(*) AS n FROM statements WHERE said_on IS NOT NULL")[0][
            "n"
        ]
    assert dated > 0
    assert page.count('class="mark"') == dated
