"""The batch mode: the pipeline on Spark (local mode) into Parquet, and loading it.

The corpus is invented: twenty short articles about officials of made-up
ministries, one malformed JSONL line, one line repeated (same URL), two wire
copies of one report (one with a dateline added, one with a tail), and a WARC
archive of two pages. The Spark tests are slow (Spark starts once per module).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from onrecord.batch.inputs import parse_jsonl_line, plan_inputs
from onrecord.batch.parquet import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    article_record,
    load_output,
    mention_records,
    quote_records,
    result_from_rows,
)
from onrecord.errors import UsageError
from onrecord.model import Article, ArticleResult, Mention, Quote
from onrecord.store import QuoteFilter
from onrecord.store.base import article_row, mention_rows, quote_rows

PEOPLE = [
    ("Halvard Pemberton", "spokesman for the Ministry of Tidal Works"),
    ("Oriana Velasquez-Brandt", "deputy minister of rail freight"),
    ("Tobiah Quennell", "chairman of the Northern Grain Board"),
    ("Ilse Marchetti", "spokeswoman for the Harbour Authority"),
    ("Casimir Oduya", "minister of inland fisheries"),
]
TOPICS = [
    ("the canal toll", "toll revenue would fall by a third before the winter season"),
    ("the ferry contract", "the tender for the island ferries would be reopened in March"),
    ("grain exports", "the silos at the southern terminal were already close to full"),
    ("the pension fund", "the fund had lost money on two bridge bonds last year"),
    ("the lighthouse repairs", "the keepers would return to four beacons on the cape"),
    ("the rail strike", "the drivers' union had rejected the latest wage offer"),
    ("fishing quotas", "the herring quota for the bay would be cut again"),
    ("the airport runway", "the second runway would not open before the autumn"),
    ("the water tariff", "households in the valley would pay more from July"),
    ("the tunnel survey", "engineers had found cracks near the eastern portal"),
    ("the coastal road", "the landslide had closed the road for at least a week"),
    ("the customs office", "the queue of lorries at the border had doubled"),
    ("the salt marsh", "the reserve would be closed to walkers during nesting"),
    ("the dock cranes", "three of the old cranes were unsafe and would be scrapped"),
    ("the timber levy", "sawmills had asked for the levy to be suspended"),
    ("the school ferries", "children on the outer islands had missed classes"),
    ("the fuel depot", "the depot held enough diesel for eleven days"),
]
QUOTES = [
    "We are not going to hide the numbers from anybody",
    "This is a serious problem and it will take time to fix",
    "Nobody should expect a quick answer from this office",
    "The figures speak for themselves and we stand by them",
    "We warned about this two years ago and were ignored",
    "I can promise that the work will be finished on schedule",
    "There is no money left in this budget for surprises",
    "The decision was taken after a long and careful review",
    "We have asked the auditors to look at every contract",
    "It would be wrong to blame the workers for this delay",
    "Our inspectors will visit every site before the end of the month",
    "The public deserves a full explanation and they will get one",
    "We will publish the report as soon as the board has read it",
    "This plan protects jobs and it protects the coast",
    "Anyone who says the project is finished is simply wrong",
    "The ministry has done everything the law asks of it",
    "We expect the talks to resume after the holiday",
]
OUTLETS = ["Valley Courier", "Harbour Gazette", "Northern Ledger", "Cape Evening Post"]
WIRE_BODY = (
    "Halvard Pemberton, the spokesman for the Ministry of Tidal Works, said on Tuesday that "
    "the sea wall at Lowmarsh would be raised by half a metre before the spring tides. "
    '"The sea does not wait for our budget meetings, and neither will we," Pemberton told '
    "reporters at the harbour office. He said contractors had already moved cranes and "
    "stone barges to the site and that the work would run through the night shifts. "
    "Residents of the lower streets have complained for months about flooding in their "
    "cellars after every storm, and the town council voted last week to ask the ministry "
    "for emergency money to pay for new pumps and drains along the old quay."
)


def _article(number: int) -> dict[str, object]:
    name, role = PEOPLE[number % len(PEOPLE)]
    surname = name.split()[-1]
    topic, claim = TOPICS[number]
    quote = QUOTES[number]
    day = date(2024, 5, 6 + number)
    text = (
        f"{name}, the {role}, said on {day.strftime('%A')} that {claim}. "
        f'"{quote}," {surname} told reporters when asked about {topic}. '
        f"The remarks came a day after local officials met to discuss {topic} "
        f"and the cost of delays, item {number} on their agenda."
    )
    return {
        "url": f"https://news.example.org/{number}",
        "outlet": OUTLETS[number % len(OUTLETS)],
        "title": f"Officials speak on {topic}",
        "published": day.isoformat(),
        "text": text,
    }


def write_corpus(folder: Path) -> list[Path]:
    """Write the invented JSONL and WARC inputs; return their paths."""
    lines = [json.dumps(_article(n)) for n in range(len(TOPICS))]
    wire_a = {
        "url": "https://wire.example.org/a",
        "outlet": "Valley Courier",
        "published": "2024-05-21",
        "text": "LOWMARSH (Coastal Wire) - " + WIRE_BODY,
    }
    wire_b = {
        "url": "https://mirror.example.net/b",
        "outlet": "Cape Evening Post",
        "published": "2024-05-21",
        "text": WIRE_BODY + " Reporting by Ana Soltero; editing by Rob Finch.",
    }
    lines[4:4] = [json.dumps(wire_a), '{"url": "https://news.example.org/broken", "text": ']
    lines += [json.dumps(wire_b), lines[1]]  # the wire copy, and line 2 again
    jsonl = folder / "articles.jsonl"
    jsonl.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return [jsonl, write_warc(folder / "crawl.warc.gz")]


PAGE = """<html><head><title>{title}</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-05-{day}T08:00:00Z"></head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"""


def write_warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        (
            "https://gazette.example.com/pumps",
            PAGE.format(
                title="Pumps ordered for the quay",
                day="22",
                body="Ilse Marchetti, the spokeswoman for the Harbour Authority, said on "
                'Wednesday that eight new pumps had been ordered. "They will be working '
                'before the first autumn storm," Marchetti said. The quay has flooded four '
                "times since January, according to the harbour master's log.",
            ),
        ),
        (
            "https://gazette.example.com/ferry",
            PAGE.format(
                title="Ferry timetable changes",
                day="23",
                body="The island ferry will leave an hour earlier from June, Casimir Oduya, "
                'the minister of inland fisheries, said on Thursday. "Fishermen asked for '
                'this change and we listened to them," Oduya told the Harbour Gazette. The '
                "new timetable will be printed in the next edition of the paper.",
            ),
        ),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()
    return path


# -- fast: the row shapes and the input plan --------------------------------


def sample_result() -> ArticleResult:
    article = Article(
        text='Front matter.\nMina Okafor said: "We will build it."',
        source="notes/okafor.txt:3",
        url=None,
        outlet="Delta Times",
        title="Okafor on the bridge",
        published=date(2024, 2, 29),
        published_basis="metadata",
        doc_id="d-7",
        boilerplate=((0, 13),),
    )
    quote = Quote(
        start=33,
        end=49,
        text="We will build it",
        kind="direct",
        cue="say",
        cue_start=25,
        cue_end=29,
        speaker_start=14,
        speaker_end=25,
        speaker_text="Mina Okafor",
        speaker="Mina Okafor",
        speaker_kind="person",
        speaker_basis="name",
        said_on=date(2024, 2, 28),
        said_on_precision="day",
        said_on_basis="relative",
        confidence=0.75,
        spans=((33, 40), (41, 49)),
    )
    mention = Mention(14, 25, "Mina Okafor", "Mina Okafor", "person", "engineer")
    return ArticleResult(article=article, quotes=(quote,), mentions=(mention,))


def as_dicts(records: list[tuple], columns: tuple[tuple[str, str], ...]) -> list[dict]:
    return [dict(zip((name for name, _ in columns), r, strict=True)) for r in records]


def test_rows_rebuild_the_result_they_came_from() -> None:
    result = sample_result()
    article = as_dicts([article_record(result, 5)], ARTICLE_COLUMNS)[0]
    quotes = as_dicts(quote_records(result, 5), QUOTE_COLUMNS)
    mentions = as_dicts(mention_records(result, 5), MENTION_COLUMNS)
    assert result_from_rows(article, quotes, mentions) == result


def test_rows_carry_every_column_of_the_store_tables() -> None:
    result = sample_result()
    names = lambda columns: {name for name, _ in columns}  # noqa: E731
    assert set(article_row(result, None)) - {"run_id", "ingested_at"} <= names(ARTICLE_COLUMNS)
    assert set(quote_rows(result)[0]) <= names(QUOTE_COLUMNS)
    assert set(mention_rows(result)[0]) <= names(MENTION_COLUMNS)


def test_a_row_whose_text_was_changed_is_refused() -> None:
    result = sample_result()
    article = as_dicts([article_record(result, 5)], ARTICLE_COLUMNS)[0]
    article["text"] = article["text"].replace("build", "sell")
    with pytest.raises(UsageError, match="does not match"):
        result_from_rows(article, [], [])


def test_jsonl_lines_are_read_as_the_jsonl_reader_reads_them(tmp_path: Path) -> None:
    from onrecord.sources import read_sources

    lines = [
        json.dumps({"text": "Ada Brook said it was fine.", "url": "https://x.example/1"}),
        "",
        '{"text": "unfinished',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Dated.", "published": "not a date at all"}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ours = [
        parse_jsonl_line(line, f"{path}:{number}") for number, line in enumerate(lines, start=1)
    ]
    assert [item for item in ours if item is not None] == list(read_sources([path]))


def test_inputs_are_numbered_in_the_order_ingest_reads_them(tmp_path: Path) -> None:
    for name in ("b/2.jsonl", "a/1.txt", "a/deeper/0.warc.gz", "a/skip.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "empty.jsonl").write_text("")
    plan = plan_inputs(
        [tmp_path / "a", tmp_path / "b", tmp_path / "missing", tmp_path / "empty.jsonl"]
    )
    numbered = sorted(
        [(n, Path(p).name) for n, p in plan.jsonl + plan.warc + plan.local]
        + [(n >> 32, r.reason) for n, r in plan.rejected]
    )
    assert [what for _, what in numbered] == [
        "1.txt",
        "0.warc.gz",
        "2.jsonl",
        "no such file or folder",
        "empty file",
    ]


def write_output(folder: Path, results: list[ArticleResult], rejected: list[tuple]) -> Path:
    """A batch output written by hand with pyarrow, in the run's shapes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from onrecord.batch.parquet import MANIFEST, REJECTED_COLUMNS

    types = {"string": pa.string(), "int": pa.int32(), "long": pa.int64(), "double": pa.float64()}

    def write(name: str, columns, records) -> None:
        schema = pa.schema([(n, types[t]) for n, t in columns])
        (folder / name).mkdir(parents=True)
        rows = [dict(zip([n for n, _ in columns], r, strict=True)) for r in records]
        pq.write_table(pa.Table.from_pylist(rows, schema), folder / name / "part-0.parquet")

    write("articles", ARTICLE_COLUMNS, [article_record(r, n) for n, r in enumerate(results)])
    write("quotes", QUOTE_COLUMNS, [q for n, r in enumerate(results) for q in quote_records(r, n)])
    write(
        "mentions",
        MENTION_COLUMNS,
        [m for n, r in enumerate(results) for m in mention_records(r, n)],
    )
    write("rejected", REJECTED_COLUMNS, rejected)
    (folder / MANIFEST).write_text("{}")
    return folder


def test_load_resumes_where_the_store_stopped(tmp_path: Path, store) -> None:
    from dataclasses import replace

    first = sample_result()
    second = replace(first, article=replace(first.article, url="https://delta.example/2"))
    out = write_output(tmp_path / "out", [first, second], [("bad.jsonl:4", "read", "no text", 1)])
    store.save_batch([first], [], None)
    batches: list[list[str]] = []
    summary = load_output(
        out, store, after_batch=[lambda _, ids: batches.append(ids)], batch_size=1
    )
    assert (summary.articles, summary.quotes, summary.skipped, summary.rejected) == (1, 1, 1, 1)
    assert [i for ids in batches for i in ids] == [second.article.id]
    assert [r["text"] for r in store.quotes(QuoteFilter())] == ["We will build it"] * 2


def test_load_refuses_rows_out_of_input_order(tmp_path: Path, store) -> None:
    first = sample_result()
    out = write_output(tmp_path / "out", [first], [("b", "read", "x", 9), ("a", "read", "x", 2)])
    with pytest.raises(UsageError, match="not in input order"):
        load_output(out, store)


def test_load_refuses_a_folder_that_is_not_a_finished_run(tmp_path: Path, store) -> None:
    (tmp_path / "articles").mkdir()
    with pytest.raises(UsageError, match="not a finished batch output"):
        load_output(tmp_path, store)


def test_run_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    from onrecord.batch.spark import prepare_output

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="already exists"):
        prepare_output(tmp_path, overwrite=False)
    with pytest.raises(UsageError, match="not a batch output"):
        prepare_output(tmp_path, overwrite=True)
    assert (tmp_path / "notes.txt").exists()


# -- slow: Spark in local mode -------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    """One local Spark session for the module (start-up takes tens of seconds)."""
    pytest.importorskip("pyspark")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs Java 17+ (apt-get install default-jre-headless)")
    from onrecord.batch.spark import spark_session

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = spark_session(
        "local[2]",
        {
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "2",
            "spark.driver.memory": "1g",
        },
    )
    yield session
    session.stop()


@dataclass
class Run:
    inputs: list[Path]
    out: Path
    summary: object


@pytest.fixture(scope="module")
def run(spark, tmp_path_factory: pytest.TempPathFactory) -> Run:
    from onrecord.batch.spark import run_batch

    folder = tmp_path_factory.mktemp("batch")
    inputs = write_corpus(folder)
    out = folder / "out"
    summary = run_batch(spark, [str(p) for p in inputs], out, partitions=3)
    return Run(inputs, out, summary)


def table(out: Path, name: str) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(out / name).to_pylist()


@pytest.mark.slow
def test_run_writes_one_dataset_per_table(run: Run) -> None:
    articles = table(run.out, "articles")
    quotes = table(run.out, "quotes")
    # 17 invented articles + 2 wire copies + 2 pages; line 2 repeated counts once
    assert len(articles) == 21 == run.summary.articles
    assert len({a["id"] for a in articles}) == 21
    assert len(quotes) == run.summary.quotes >= 21
    assert {q["article_id"] for q in quotes} <= {a["id"] for a in articles}
    assert {a["ordinal"] for a in articles} and sorted(a["ordinal"] for a in articles) == [
        a["ordinal"] for a in articles
    ]
    assert table(run.out, "mentions")
    by_url = {a["url"]: a for a in articles}
    assert by_url["https://gazette.example.com/ferry"]["outlet"] == "Harbour Gazette"


@pytest.mark.slow
def test_a_malformed_line_is_a_rejected_row_not_a_failed_job(run: Run) -> None:
    rejected = table(run.out, "rejected")
    assert [(r["source"], r["stage"]) for r in rejected] == [(f"{run.inputs[0]}:6", "read")]
    assert rejected[0]["reason"].startswith("malformed JSON")
    assert run.summary.exit_code == 1


@pytest.mark.slow
def test_wire_copies_share_a_story_and_nothing_else_does(run: Run) -> None:
    articles = {a["id"]: a["url"] for a in table(run.out, "articles")}
    stories: dict[str, set[str]] = {}
    for row in table(run.out, "stories"):
        stories.setdefault(row["story_id"], set()).add(articles[row["article_id"]])
    assert list(stories.values()) == [
        {"https://wire.example.org/a", "https://mirror.example.net/b"}
    ]


@pytest.mark.slow
def test_the_wire_copies_quote_one_statement(run: Run) -> None:
    articles = {a["id"]: a["url"] for a in table(run.out, "articles")}
    quotes = {q["id"]: q for q in table(run.out, "quotes")}
    pairs = table(run.out, "statement_pairs")
    wire = {"https://wire.example.org/a", "https://mirror.example.net/b"}
    sea_wall = [
        p
        for p in pairs
        if {
            articles[quotes[p["quote_a"]]["article_id"]],
            articles[quotes[p["quote_b"]]["article_id"]],
        }
        == wire
        and "sea does not wait" in quotes[p["quote_a"]]["text"]
    ]
    assert len(sea_wall) == 1 and sea_wall[0]["jaccard"] == 1.0
    for pair in pairs:  # every pair is one speaker's, within three days
        a, b = quotes[pair["quote_a"]], quotes[pair["quote_b"]]
        assert a["speaker"].split()[-1] == b["speaker"].split()[-1]
        gap = date.fromisoformat(a["said_on"]) - date.fromisoformat(b["said_on"])
        assert abs(gap.days) <= 3


@pytest.mark.slow
def test_running_again_needs_overwrite(spark, run: Run) -> None:
    from onrecord.batch.spark import run_batch

    with pytest.raises(UsageError, match="--overwrite"):
        run_batch(spark, [str(p) for p in run.inputs], run.out)


def stored(path: Path) -> dict[str, list]:
    from onrecord.store import open_store

    with open_store(str(path)) as store:
        return {
            "quotes": store.query(
                "SELECT id, article_id, text, speaker, said_on, person_id, statement_id "
                "FROM quotes ORDER BY id"
            ),
            "articles": store.query(
                "SELECT id, source, published, story_id FROM articles ORDER BY id"
            ),
            "people": store.query("SELECT id, name FROM people ORDER BY id"),
            "rejected": store.query("SELECT source, stage, reason FROM rejected ORDER BY source"),
        }


@pytest.mark.slow
def test_loading_the_output_gives_the_store_an_ingest_gives(
    run: Run, cli, pipeline, tmp_path
) -> None:
    from onrecord.ingest import ingest
    from onrecord.stages import cross_article_stages
    from onrecord.store import open_store

    loaded = cli("batch", "load", run.out)
    assert loaded.exit_code == 1, loaded.stderr  # the malformed line is reported
    assert "21 articles" in loaded.stdout and "rejected" in loaded.stderr

    ingested = tmp_path / "ingested.db"
    with open_store(str(ingested)) as store:
        ingest(
            [str(p) for p in run.inputs],
            store,
            pipeline=pipeline,
            after_batch=cross_article_stages(),
        )
    batch, plain = stored(cli.db), stored(ingested)
    assert batch["quotes"] and batch["people"]
    assert batch == plain
    stories = {a["id"]: a["story_id"] for a in batch["articles"] if a["story_id"]}
    assert stories == {r["article_id"]: r["story_id"] for r in table(run.out, "stories")}

    again = cli("batch", "load", run.out)  # idempotent
    assert "0 articles" in again.stdout and "21 already stored" in again.stdout
    assert stored(cli.db) == plain


@pytest.mark.slow
def test_the_command_line_runs_a_job_on_archives_and_folders(
    spark, run: Run, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from onrecord.cli import app

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pier.txt").write_text(
        "---\noutlet: Pier Bulletin\npublished: 2024-05-24\n---\n"
        'Rosa Lindqvist, the harbour master, said on Friday: "The pier reopens on Monday."\n',
        encoding="utf-8",
    )
    out = tmp_path / "cli-out"
    argv = ["batch", "run", str(run.inputs[1]), str(notes), "--out", str(out)]
    result = CliRunner().invoke(app, [*argv, "--master", "local[2]"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "3 articles" in result.stdout
    articles = table(out, "articles")
    assert [a["outlet"] for a in articles] == [
        "Harbour Gazette",
        "Harbour Gazette",
        "Pier Bulletin",
    ]
    assert not table(out, "rejected")
    again = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert again.exit_code == 1 and "--overwrite" in again.stderr


@pytest.mark.slow
def test_a_run_with_no_usable_article_writes_empty_datasets(spark, tmp_path: Path, cli) -> None:
    from onrecord.batch.spark import run_batch

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "never closed\n[]\n', encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(spark, [str(tmp_path / "missing.jsonl"), str(bad)], out)
    assert (summary.articles, summary.quotes, summary.stories, summary.rejected) == (0, 0, 0, 3)
    assert [r["source"] for r in table(out, "rejected")] == [
        str(tmp_path / "missing.jsonl"),
        f"{bad}:1",
        f"{bad}:2",
    ]
    loaded = cli("batch", "load", out)
    assert loaded.exit_code == 1 and "0 articles, 0 quotes, 3 rejected" in loaded.stdout


@pytest.mark.slow
def test_connected_components_are_named_by_their_smallest_member(spark) -> None:
    from onrecord.batch.cross import connected_components

    edges = spark.createDataFrame(
        [("b", "c"), ("c", "d"), ("a", "d"), ("x", "y")], "src string, dst string"
    )
    labels = {r["id"]: r["component"] for r in connected_components(edges).collect()}
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "x": "x", "y": "x"}


@pytest.mark.slow
def test_statement_pairs_are_one_speakers_within_three_days(spark) -> None:
    from onrecord.batch.cross import find_statement_pairs

    # 2024-05-05 and 2024-05-08 fall in neighbouring four-day blocks: that pair crosses one.
    assert date(2024, 5, 5).toordinal() // 4 != date(2024, 5, 8).toordinal() // 4
    wall = "The sea wall will be raised before the tides"
    reported = "the sea wall would be raised before the spring tides"
    quotes = spark.createDataFrame(
        [
            ("q1", "Halvard Pemberton", "2024-05-05", wall),
            ("q2", "Mr. Halvard Pemberton", "2024-05-08", reported),  # 3 days on, title dropped
            ("q3", "Halvard Pemberton", "2024-05-09", reported),  # 4 days after q1
            ("q4", "Ilse Marchetti", "2024-05-05", wall),  # someone else
            ("q5", "Halvard Pemberton", "2024-05-06", "Ferry tickets will cost less next year"),
        ],
        "id string, speaker string, said_on string, text string",
    )
    pairs = {(r["quote_a"], r["quote_b"]) for r in find_statement_pairs(quotes).collect()}
    assert pairs == {("q1", "q2"), ("q2", "q3")}
