"""Specification of onrecord.report: one self-contained, offline HTML report."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from onrecord.report import render_report, tone_colour

CHROMIUM = Path("/usr/bin/chromium")


def _statement(
    sid: str,
    said_on: str | None,
    tone: float,
    text: str = "Relations are difficult.",
    url: str | None = "https://news.example.org/a",
    anchor: str | None = None,
    person: str = "Anna Petrova",
) -> dict[str, Any]:
    return {
        "id": sid,
        "person": person,
        "said_on": said_on,
        "text": text,
        "tone": tone,
        "carriers": ["Harbour Times", "Daily Courier"],
        "first_reported": {
            "outlet": "Harbour Times",
            "url": url,
            "published": said_on,
            "article_id": f"article-{sid}",
        },
        "source_anchor": anchor,
    }


def _sample(count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Statements over several years; every third one is sourced from a local file."""
    statements, appendix = [], []
    for i in range(count):
        year, month = 2020 + i // 6, 1 + (i * 2) % 12
        local = i % 3 == 0
        statements.append(
            _statement(
                f"st{i}",
                f"{year}-{month:02d}-15",
                tone=((i * 37) % 200 - 100) / 100,
                text=f"Statement number {i} about the talks.",
                url=None if local else f"https://news.example.org/story/{i}",
                anchor=f"src-{i}" if local else None,
            )
        )
        if local:
            appendix.append(
                {
                    "anchor": f"src-{i}",
                    "outlet": "Northern Ledger",
                    "title": f"Local story {i}",
                    "published": f"{year}-{month:02d}-16",
                    "text_before": "The minister spoke after the meeting. ",
                    "quote": f"Statement number {i} about the talks.",
                    "text_after": " Officials declined to elaborate.",
                }
            )
    return statements, appendix


def _marks(html: str) -> list[str]:
    return re.findall(r'<circle class="mark" data-statement-id="([^"]*)"', html)


def test_one_mark_per_statement() -> None:
    statements, appendix = _sample(12)
    html = render_report("Title", "Subtitle", statements, appendix)
    assert sorted(_marks(html)) == sorted(s["id"] for s in statements)


def test_all_text_is_escaped() -> None:
    hostile = _statement(
        'x"><script>alert(1)</script>',
        "2023-01-02",
        -0.4,
        text="<script>alert('quote')</script> & \"more\"",
        person="<b>Bold</b> & Co",
    )
    hostile["carriers"] = ["<i>Outlet</i>"]
    html = render_report("<Title> & co", "<em>sub</em>", [hostile], [])
    assert "<script>alert" not in html
    assert "<b>Bold</b>" not in html and "<i>Outlet</i>" not in html
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt; &amp; &quot;more&quot;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html
    assert "<title>&lt;Title&gt; &amp; co</title>" in html
    assert html.count("<script>") == 1  # only the report's own script


def test_no_external_resources_only_the_statements_own_links() -> None:
    statements, appendix = _sample(9)
    html = render_report("Title", "Subtitle", statements, appendix)
    own_links = {s["first_reported"]["url"] for s in statements} - {None}
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert addresses == own_links
    for address in addresses:
        assert f'href="{address}"' in html
    assert not re.search(r"\bsrc\s*=", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_javascript_urls_are_not_linked() -> None:
    html = render_report(
        "T", "S", [_statement("a", "2023-01-01", 0.0, url="javascript:alert(1)")], []
    )
    assert "javascript:" not in html


def test_local_sources_link_to_the_highlighted_passage() -> None:
    statements, appendix = _sample(3)
    html = render_report("Title", "Subtitle", statements, appendix)
    assert 'href="#src-0"' in html
    assert 'id="src-0"' in html
    assert "<mark>Statement number 0 about the talks.</mark>" in html
    assert "The minister spoke after the meeting. <mark>" in html


def test_long_context_is_trimmed_around_the_quote() -> None:
    statements, _ = _sample(1)
    entry = {
        "anchor": "src-0",
        "outlet": "Ledger",
        "title": "Long",
        "published": "2020-01-16",
        "text_before": "early words " * 200 + "just before. ",
        "quote": "The quote.",
        "text_after": " Just after." + " late words" * 200,
    }
    html = render_report("T", "S", statements, [entry])
    assert "just before. <mark>The quote.</mark> Just after." in html
    assert html.count("early words") < 100 and html.count("late words") < 100


def test_empty_selection_shows_a_clear_message() -> None:
    html = render_report("Nothing yet", "No data", [], [])
    assert "No statements to show" in html
    assert _marks(html) == []
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_a_single_statement_has_one_mark_and_no_trend() -> None:
    html = render_report("One", "S", [_statement("only", "2022-06-01", 0.6)], [])
    assert _marks(html) == ["only"]
    assert 'class="trend"' not in html
    assert "2022" in re.sub(r"<[^>]+>", " ", html.split("</svg>")[0])


def test_trend_line_and_year_axis_labels() -> None:
    statements, appendix = _sample(24)  # 2020 .. 2023
    html = render_report("T", "S", statements, appendix)
    assert 'class="trend"' in html
    labels = re.findall(r'<text class="x-label"[^>]*>([^<]+)</text>', html)
    assert {"2021", "2022", "2023"} <= {label[-4:] for label in labels}


def test_undated_statements_are_listed_but_not_plotted() -> None:
    html = render_report(
        "T", "S", [_statement("dated", "2021-01-01", 0.1), _statement("undated", None, 0.1)], []
    )
    assert _marks(html) == ["dated"]
    assert 'id="s-undated"' in html


def test_table_is_chronological() -> None:
    later = _statement("later", "2023-05-01", 0.2)
    earlier = _statement("earlier", "2021-05-01", 0.2)
    html = render_report("T", "S", [later, earlier], [])
    assert html.index('id="s-earlier"') < html.index('id="s-later"')


def test_marks_are_coloured_by_tone() -> None:
    html = render_report(
        "T",
        "S",
        [_statement("neg", "2021-01-01", -0.9), _statement("pos", "2021-06-01", 0.9)],
        [],
    )
    assert f'fill="{tone_colour(-0.9)}"' in html and f'fill="{tone_colour(0.9)}"' in html


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("tone", [-1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0])
def test_tone_colours_contrast_with_white(tone: float) -> None:
    contrast = 1.05 / (_luminance(tone_colour(tone)) + 0.05)
    assert contrast >= 3.0  # WCAG 2.1 non-text contrast


def test_tone_colours_run_from_red_through_grey_to_green() -> None:
    red, grey, green = (tone_colour(t) for t in (-1.0, 0.0, 1.0))
    assert int(red[1:3], 16) > int(red[3:5], 16)  # more red than green
    assert int(green[3:5], 16) > int(green[1:3], 16)  # more green than red
    r, g, b = (int(grey[i : i + 2], 16) for i in (1, 3, 5))
    assert max(r, g, b) - min(r, g, b) < 30  # grey


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
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
            # Any name lookup fails: a page that fetched from the web would log errors.
            "--host-resolver-rules=MAP * ~NOTFOUND",
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


def _console_lines(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if "CONSOLE" in line or "Uncaught" in line or "ERR_NAME_NOT_RESOLVED" in line
    ]


@pytest.mark.slow
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(
            "Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        )
    statements, appendix = _sample(30)
    page = tmp_path / "report.html"
    page.write_text(
        render_report("Relations on record", "A test report", statements, appendix),
        encoding="utf-8",
    )

    dom = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console_lines(dom.stderr) == []
    html_tag = re.search(r"<html[^>]*>", dom.stdout)
    assert html_tag is not None
    assert 'data-ready="true"' in html_tag.group(), "the report's script did not run"
    assert "data-errors" not in html_tag.group()
    assert f'data-marks="{len(statements)}"' in html_tag.group()
    assert sorted(_marks(dom.stdout)) == sorted(s["id"] for s in statements)

    shot = tmp_path / "report.png"
    picture = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,1600")
    assert picture.returncode == 0, picture.stderr[-2000:]
    assert _console_lines(picture.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one


@pytest.mark.slow
def test_chromium_check_catches_a_script_error(tmp_path: Path) -> None:
    """The console check above can fail: a page with a broken script is caught."""
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        )
    html = render_report("T", "S", [_statement("a", "2021-01-01", 0.0)], [])
    page = tmp_path / "broken.html"
    page.write_text(html.replace("</body>", "<script>undefinedFunction();</script></body>"))
    dom = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert any("undefinedFunction" in line for line in _console_lines(dom.stderr))
    assert "data-errors" in re.search(r"<html[^>]*>", dom.stdout).group()


def test_an_unknown_tone_is_a_hollow_grey_mark_left_out_of_the_mean_and_trend() -> None:
    statements = [
        _statement("warm", "2021-01-01", 0.8),
        _statement("warmer", "2021-03-01", 0.6),
        _statement("unknown", "2021-02-01", 0.0),
    ]
    statements[2]["tone"] = None
    html = render_report("T", "S", statements, [])
    assert sorted(_marks(html)) == ["unknown", "warm", "warmer"]
    unknown = re.search(r'<circle class="mark" data-statement-id="unknown"[^>]*>', html)
    assert unknown is not None and 'fill="none"' in unknown.group(0)
    assert 'data-label="tone unknown"' in unknown.group(0)
    assert "mean tone" in html and "+0.70</strong>" in html  # (0.8 + 0.6) / 2, not over three
    assert 'class="trend"' in html
    assert "tone unknown</span>" in html.split('id="s-unknown"')[1].split("</tr>")[0]


def test_a_page_with_no_known_tone_says_so_and_draws_no_trend() -> None:
    statements = [_statement("a", "2021-01-01", 0.0), _statement("b", "2021-06-01", 0.0)]
    for s in statements:
        s["tone"] = None
    html = render_report("T", "S", statements, [])
    assert "mean tone" not in html and "tone unknown" in html
    assert 'class="trend"' not in html
    assert len(_marks(html)) == 2
