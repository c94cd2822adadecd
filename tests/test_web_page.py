"""The search page in a real headless Chromium, against the in-process server.

The page applies the filters in its address on load (``?search=...``) and
opens a quote's article when given ``quote=<id>``; Chromium dumps the DOM once
its scripts have run, and we read the results list and the highlighted span.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from api_fixture import Served

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page(served_store: Served) -> Served:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    return served_store


def chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # only the local server
            "--virtual-time-budget=5000",
            "--enable-logging=stderr",
            "--v=0",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


class PageReader(HTMLParser):
    """The results list, the article panel and the page state, from a dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.state: str | None = None
        self.quotes: list[dict[str, str]] = []
        self.marked: list[str] = []
        self.status = ""
        self.scripts = 0
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.state = values.get("data-state")
        if tag == "script":
            self.scripts += 1
        if tag == "li" and "quote" in values.get("class", "").split():
            self.quotes.append({"id": values.get("data-quote-id", ""), "wording": "", "meta": ""})
        if tag == "mark":
            self.marked.append("")
        self._in.append(
            "wording"
            if "wording" in values.get("class", "")
            else "meta"
            if values.get("class") == "meta" and self.quotes
            else "status"
            if values.get("id") == "status"
            else tag
        )

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "wording" in self._in and self.quotes:
            self.quotes[-1]["wording"] += data
        elif "meta" in self._in and self.quotes:
            self.quotes[-1]["meta"] += data + " "
        if "status" in self._in:
            self.status += data
        if "mark" in self._in and self.marked:
            self.marked[-1] += data


def read_page(tmp_path: Path, url: str) -> tuple[PageReader, str]:
    done = chromium(tmp_path, url, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    problems = ("CONSOLE", "Uncaught", "Page load failed")
    console = [line for line in done.stderr.splitlines() if any(p in line for p in problems)]
    assert console == []
    reader = PageReader()
    reader.feed(done.stdout)
    return reader, done.stdout


def test_the_page_applies_the_search_in_its_address(page: Served, tmp_path: Path) -> None:
    _, expected = page.get("/api/quotes?search=lecture&limit=200")
    reader, _ = read_page(tmp_path, f"{page.url}?search=lecture")
    assert reader.state == "ready"
    assert [q["id"] for q in reader.quotes] == [q["id"] for q in expected]
    assert len(reader.quotes) == 2
    for shown, row in zip(reader.quotes, expected, strict=True):
        assert shown["wording"] == row["text"]
        for part in (row["person"] or row["speaker"], row["said_on"], row["outlet"], row["kind"]):
            assert part in shown["meta"]
    assert reader.status == "2 quotes"


def test_filters_in_the_address_narrow_the_list(page: Served, tmp_path: Path) -> None:
    query = urlencode({"speaker": "Magnússon", "since": "2024-01-01", "kind": "direct"})
    _, expected = page.get(f"/api/quotes?{query}")
    reader, _ = read_page(tmp_path, f"{page.url}?{query}")
    assert expected and [q["id"] for q in reader.quotes] == [q["id"] for q in expected]
    reader, _ = read_page(tmp_path, f"{page.url}?search=nothing+like+this")
    assert reader.quotes == [] and reader.status == "No quotes match."


def test_quoted_markup_is_shown_as_text_never_run(page: Served, tmp_path: Path) -> None:
    _, expected = page.get("/api/quotes?search=fishermen")
    assert expected and "<script>" in expected[0]["text"]
    reader, dom = read_page(tmp_path, f"{page.url}?search=fishermen")
    assert [q["wording"] for q in reader.quotes] == [q["text"] for q in expected]
    assert reader.scripts == 1  # the page's own script only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_a_quote_opens_its_article_with_the_span_highlighted(page: Served, tmp_path: Path) -> None:
    _, found = page.get("/api/quotes?search=fair+deal")
    wanted = found[0]
    reader, dom = read_page(tmp_path, f"{page.url}?search=fair+deal&quote={wanted['id']}")
    assert reader.marked == [wanted["text"]]
    assert re.search(rf'<aside id="article"[^>]*data-quote-id="{wanted["id"]}"', dom)
    assert "A deal at last" in dom  # the article's title in the panel

    shot = tmp_path / "page.png"
    done = chromium(
        tmp_path,
        f"{page.url}?search=fair+deal&quote={wanted['id']}",
        f"--screenshot={shot}",
        "--window-size=1280,900",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
