"""Every source type becomes Articles; every bad input becomes one Rejected with a reason."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest

from onrecord.model import Article, Rejected
from onrecord.sources import read_sources

BODY = "The minister said on Friday that the quota talks would resume in the spring.\n"
HTML = """<!doctype html><html><head><title>Quota talks to resume | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Quota talks to resume">
<meta property="article:published_time" content="2023-03-03T09:00:00Z">
<meta name="author" content="Anna Berg"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie">We use cookies. Accept all?</div>
<article><h1>Quota talks to resume</h1>
<p>OSLO - Norway's fisheries minister said on Friday that the long-stalled quota talks with
Iceland would resume in the spring, after two years without a single formal round.</p>
<p>“We are ready to sit down again,” the minister told reporters in Oslo, adding that both
sides had exchanged new proposals through their embassies over the winter months.</p>
<p>Icelandic officials did not comment on the announcement on Friday evening.</p>
</article><footer>© Harbour Gazette. All rights reserved. Contact us.</footer></body></html>"""


def read(*paths: Path | str) -> list[Article | Rejected]:
    return list(read_sources([str(p) for p in paths]))


def only(items: list[Article | Rejected]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def rejected_reason(items: list[Article | Rejected]) -> str:
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    return items[0].reason


def test_plain_text_offsets_index_the_file_as_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    article = only(read(path))
    assert article.text == BODY
    assert article.published is None and article.published_basis == "unknown"
    assert article.source == str(path)


def test_front_matter_gives_metadata_and_stays_out_of_the_nlp(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(
        "---\nurl: https://example.org/b\noutlet: Northern Wire\npublished: 2023-01-20\n"
        "title: Quota talks\n---\n" + BODY,
        encoding="utf-8",
    )
    article = only(read(path))
    assert (article.outlet, article.published, article.published_basis) == (
        "Northern Wire",
        date(2023, 1, 20),
        "front-matter",
    )
    assert article.url == "https://example.org/b" and article.title == "Quota talks"
    assert article.text.endswith(BODY)
    assert "Northern Wire" not in article.nlp_text
    assert article.nlp_text.endswith(BODY)


@pytest.mark.parametrize("manifest_name", ["manifest.csv", "manifest.jsonl"])
def test_a_folder_manifest_gives_metadata_and_is_not_an_article(
    tmp_path: Path, manifest_name: str
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(BODY, encoding="utf-8")
    row = {
        "file": "c.txt",
        "url": "https://example.org/c",
        "outlet": "Fjord Times",
        "published": "2024-09-05",
    }
    manifest = tmp_path / "sub" / manifest_name
    if manifest_name.endswith(".csv"):
        manifest.write_text(
            "file,url,outlet,published,title\nc.txt,https://example.org/c,Fjord Times,2024-09-05,\n"
        )
    else:
        manifest.write_text(json.dumps(row) + "\n")
    article = only(read(tmp_path))
    assert (article.outlet, article.published, article.published_basis) == (
        "Fjord Times",
        date(2024, 9, 5),
        "metadata",
    )


def test_a_legacy_encoding_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "The café owner said: “We will reopen.” Naïve hopes, others said.\n".encode("cp1252")
    )
    assert "café" in only(read(path)).text and "“We will reopen.”" in only(read(path)).text


def test_html_gives_article_text_title_date_and_site(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = only(read(path))
    assert article.outlet == "Harbour Gazette"
    assert article.published == date(2023, 3, 3) and article.published_basis == "html"
    assert article.title == "Quota talks to resume"
    assert "“We are ready to sit down again,”" in article.text
    assert "cookies" not in article.text and "All rights reserved" not in article.text


def test_jsonl_gives_one_article_a_line_and_names_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"doc_id": "d1", "text": BODY, "outlet": "Atlantic Daily", "published": "2022-05-01"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n")
    items = read(path)
    assert isinstance(items[0], Article) and items[0].doc_id == "d1"
    assert items[0].published_basis == "metadata"
    assert [(r.source, r.reason.split(" (")[0]) for r in items[1:]] == [
        (f"{path}:2", "malformed JSON"),
        (f"{path}:3", "no 'text' field with article text"),
    ]


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Nordic Ledger</title>
<item><title>Talks resume</title><link>https://example.org/feed/1</link>
<pubDate>Fri, 03 Mar 2023 10:00:00 GMT</pubDate><description>{BODY.strip()}</description></item>
</channel></rss>""")
    article = only(read(path))
    assert (article.outlet, article.published, article.url) == (
        "Nordic Ledger",
        date(2023, 3, 3),
        "https://example.org/feed/1",
    )
    assert BODY.strip() in article.text


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            "https://example.org/quota",
            "response",
            payload=io.BytesIO(HTML.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file
    article = only(read(path))
    assert article.url == "https://example.org/quota" and article.outlet == "Harbour Gazette"


def test_folders_recurse_in_name_order(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "a/deeper/0.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}: {BODY}")
    sources = [Path(a.source).relative_to(tmp_path).as_posix() for a in read(tmp_path)]
    assert sources == ["a/1.txt", "a/deeper/0.txt", "b/2.txt"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 200), "binary file, not text"),
        (
            lambda p: p.write_bytes("Quote “fine” then ".encode() + b"\xff\xfe broken"),
            "invalid UTF-8 at byte 22",
        ),
        (lambda p: p.write_text("  \n\n "), "no text (only white space)"),
    ],
    ids=["empty", "binary", "invalid-utf8", "blank"],
)
def test_bad_text_files_are_rejected_with_a_reason(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    assert rejected_reason(read(path)) == reason


def test_a_huge_file_is_rejected_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written
    assert rejected_reason(read(path)) == "file is 200 MB, above the 20 MB limit"


def test_html_without_an_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav>Home | World</nav></body></html>"
    )
    assert rejected_reason(read(path)) == "no article text found in the HTML"


def test_a_missing_path_and_an_empty_folder_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.bin").write_bytes(b"\x00")
    items = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert [(Path(r.source).name, r.reason) for r in items] == [
        ("nope.txt", "no such file or folder"),
        ("empty", "folder holds no readable article files"),
    ]


def test_a_gzipped_jsonl_is_not_silently_misread(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n'))
    items = read(path)
    assert all(isinstance(i, Rejected) for i in items)


def test_a_manifest_given_apart_from_the_articles_supplies_their_metadata(tmp_path: Path) -> None:
    articles = tmp_path / "read-only"
    articles.mkdir()
    (articles / "a.txt").write_text(BODY, encoding="utf-8")
    (articles / "b.txt").write_text(BODY.replace("Friday", "Monday"), encoding="utf-8")
    meta = tmp_path / "meta"
    meta.mkdir()
    (meta / "dates.csv").write_text(
        "file,outlet,published\n../read-only/a.txt,Northern Wire,2023-01-20\n"
    )
    first, second = read_sources([str(articles)], manifest=meta / "dates.csv")
    assert (first.outlet, first.published, first.published_basis) == (
        "Northern Wire",
        date(2023, 1, 20),
        "metadata",
    )
    assert second.published is None


def test_a_missing_manifest_is_rejected_and_the_articles_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    items = list(read_sources([str(tmp_path / "a.txt")], manifest=tmp_path / "nope.csv"))
    assert isinstance(items[0], Rejected) and items[0].reason == "no such manifest file"
    assert isinstance(items[1], Article)


@pytest.fixture
def local_site(tmp_path: Path):
    """A static site served on 127.0.0.1 for the length of a test (no outside network)."""
    import functools
    import http.server
    import threading

    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nordic Ledger</title>'
        "<item><title>Talks resume</title><link>https://example.org/feed/9</link>"
        f"<pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate><description>{BODY.strip()}"
        "</description></item></channel></rss>"
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map: ClassVar[dict[str, str]] = {
            ".html": "text/html",
            ".rss": "application/rss+xml",
        }

        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()
        thread.join()


def test_a_url_is_fetched_as_a_page_or_a_feed(local_site: str) -> None:
    page = only(read(f"{local_site}/page.html"))
    assert page.outlet == "Harbour Gazette" and page.source == f"{local_site}/page.html"
    assert "“We are ready to sit down again,”" in page.text
    entry = only(read(f"{local_site}/feed.rss"))
    assert (entry.outlet, entry.published) == ("Nordic Ledger", date(2023, 3, 6))


def test_a_url_that_cannot_be_fetched_is_rejected(local_site: str) -> None:
    reason = rejected_reason(read(f"{local_site}/missing.html"))
    assert reason.startswith("could not fetch (HTTP Error 404")
