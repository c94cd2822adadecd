"""Timelines of a speaker, a topic or a country pair, on a real temporary SQLite store.

Most statements here are saved as hand-made rows (articles, quotes, statements,
people) so tones and carriers are exactly what each case needs; one test runs a
small invented corpus through the real ingest.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from onrecord.views.timeline import (
    Selection,
    UnknownCountry,
    headline,
    parse_pair,
    period_of,
    select_statements,
    timeline,
)
from statement_rows import add_person, add_statement, outlets

# -- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said_on", "by", "label", "start", "end"),
    [
        (date(2023, 1, 31), "month", "2023-01", "2023-01-01", "2023-01-31"),
        (date(2023, 2, 1), "month", "2023-02", "2023-02-01", "2023-02-28"),
        (date(2024, 2, 29), "month", "2024-02", "2024-02-01", "2024-02-29"),
        (date(2023, 12, 31), "month", "2023-12", "2023-12-01", "2023-12-31"),
        (date(2023, 3, 31), "quarter", "2023-Q1", "2023-01-01", "2023-03-31"),
        (date(2023, 4, 1), "quarter", "2023-Q2", "2023-04-01", "2023-06-30"),
        (date(2023, 9, 30), "quarter", "2023-Q3", "2023-07-01", "2023-09-30"),
        (date(2023, 10, 1), "quarter", "2023-Q4", "2023-10-01", "2023-12-31"),
        (date(2022, 12, 31), "year", "2022", "2022-01-01", "2022-12-31"),
        (date(2023, 1, 1), "year", "2023", "2023-01-01", "2023-12-31"),
    ],
)
def test_a_date_falls_in_one_period_with_its_first_and_last_day(
    said_on: date, by: str, label: str, start: str, end: str
) -> None:
    found_label, first, last = period_of(said_on, by)  # type: ignore[arg-type]
    assert (found_label, first.isoformat(), last.isoformat()) == (label, start, end)


def test_statements_on_either_side_of_a_boundary_split_by_quarter_but_not_by_year(store) -> None:
    add_statement(store, "s1", text="The talks are over.", said_on="2023-03-31")
    add_statement(store, "s2", text="The talks resume.", said_on="2023-04-01")
    rows = select_statements(store, Selection(speaker="Halvorsen"))
    by_quarter = timeline(rows, "quarter")
    by_year = timeline(rows, "year")
    assert [(p["period"], p["statements"]) for p in by_quarter] == [("2023-Q1", 1), ("2023-Q2", 1)]
    assert [(p["period"], p["statements"]) for p in by_year] == [("2023", 2)]
    assert (by_year[0]["start"], by_year[0]["end"]) == ("2023-01-01", "2023-12-31")


def test_periods_come_oldest_first_and_undated_statements_are_left_out(store) -> None:
    add_statement(store, "late", text="A deal is signed.", said_on="2025-06-02")
    add_statement(store, "early", text="Relations are frozen.", said_on="2022-03-17")
    add_statement(store, "undated", text="We never comment.", said_on=None)
    periods = timeline(select_statements(store, Selection(speaker="Halvorsen")), "month")
    assert [p["period"] for p in periods] == ["2022-03", "2025-06"]
    assert sum(p["statements"] for p in periods) == 2


# -- tone and the representative statement -------------------------------------------------------


def test_a_periods_tone_is_the_mean_of_its_statements_tones(store) -> None:
    add_statement(store, "a", text="We see progress.", said_on="2024-05-02", tone=0.5)
    add_statement(store, "b", text="Nothing has changed.", said_on="2024-05-10", tone=-0.1)
    add_statement(store, "c", text="This is a betrayal.", said_on="2024-05-30", tone=-0.7)
    add_statement(store, "d", text="Next month is warmer.", said_on="2024-06-01", tone=0.9)
    periods = timeline(select_statements(store, Selection(speaker="Halvorsen")), "month")
    assert periods[0]["period"] == "2024-05"
    assert periods[0]["tone"] == pytest.approx(-0.1, abs=1e-4)
    assert periods[1]["tone"] == pytest.approx(0.9, abs=1e-4)


def test_statements_stored_without_a_tone_are_scored_from_their_wording(store) -> None:
    from onrecord.tone import ToneScorer

    scorer = ToneScorer()
    add_statement(store, "a", text="Relations are at an all-time low.", tone=None)
    periods = timeline(select_statements(store, Selection(speaker="Halvorsen")), "year", scorer)
    assert periods[0]["tone"] == pytest.approx(
        scorer("Relations are at an all-time low."), abs=1e-4
    )
    assert periods[0]["tone"] < 0


def test_the_representative_is_the_statement_carried_by_the_most_outlets(store) -> None:
    add_statement(store, "quiet", text="We are hopeful.", said_on="2023-01-05", tone=0.6)
    add_statement(
        store,
        "loud",
        text="The ports stay closed.",
        said_on="2023-01-20",
        tone=-0.6,
        reports=outlets("Northern Wire", "Harbour Daily", "The Fjord Post"),
    )
    add_statement(store, "other", text="We are calm.", said_on="2023-01-25", tone=0.3)
    [period] = timeline(select_statements(store, Selection(speaker="Halvorsen")), "month")
    assert period["representative"]["statement_id"] == "loud"
    assert period["representative"]["carriers"] == [
        "Northern Wire",
        "Harbour Daily",
        "The Fjord Post",
    ]
    assert period["representative"]["said_on"] == "2023-01-20"
    assert period["representative"]["text"] == "The ports stay closed."


def test_among_equally_carried_statements_the_one_closest_to_the_mean_tone_represents(
    store,
) -> None:
    # mean of 0.8, 0.1 and -0.6 is 0.1: the middle statement is closest
    add_statement(store, "warm", text="A new chapter opens today.", said_on="2023-02-01", tone=0.8)
    add_statement(
        store, "middle", text="The talks continue as planned.", said_on="2023-02-15", tone=0.1
    )
    add_statement(store, "cold", text="The talks have collapsed.", said_on="2023-02-20", tone=-0.6)
    [period] = timeline(select_statements(store, Selection(speaker="Halvorsen")), "month")
    assert period["representative"]["statement_id"] == "middle"


def test_a_wording_of_a_few_words_represents_only_when_nothing_longer_was_said(store) -> None:
    add_statement(
        store,
        "fragment",
        text="Hardly.",
        tone=0.0,
        reports=outlets("Northern Wire", "Harbour Daily"),
    )
    add_statement(store, "sentence", text="The ports stay closed for now.", tone=-0.4)
    [period] = timeline(select_statements(store, Selection(speaker="Halvorsen")), "month")
    assert period["representative"]["statement_id"] == "sentence"
    [alone] = timeline(
        [
            s
            for s in select_statements(store, Selection(speaker="Halvorsen"))
            if s["id"] == "fragment"
        ]
    )
    assert alone["representative"]["statement_id"] == "fragment"


def test_a_periods_outlets_are_ordered_by_how_many_statements_they_carried(store) -> None:
    add_statement(store, "a", text="One.", reports=outlets("Harbour Daily", "Northern Wire"))
    add_statement(store, "b", text="Two.", reports=outlets("Northern Wire"))
    add_statement(store, "c", text="Three.", reports=outlets("Capitol Desk", "Northern Wire"))
    [period] = timeline(select_statements(store, Selection(speaker="Halvorsen")), "year")
    assert period["outlets"] == ["Northern Wire", "Capitol Desk", "Harbour Daily"]


# -- selectors ---------------------------------------------------------------------------------------


def test_a_speaker_is_found_by_any_alias_the_people_stage_knows(store) -> None:
    add_person(store, "p-ingrid", "Ingrid Halvorsen", aliases=("Ms Halvorsen", "Halvorsen"))
    add_person(store, "p-erik", "Erik Dahl", aliases=("Dahl",))
    add_statement(store, "hers", text="No new offer.", person_id="p-ingrid")
    add_statement(store, "his", text="No new offer either.", person="Erik Dahl", person_id="p-erik")
    found = select_statements(store, Selection(speaker="ms halvorsen"))
    assert [s["id"] for s in found] == ["hers"]


def test_a_known_persons_unresolved_statements_count_under_their_full_name_only(store) -> None:
    add_person(store, "p-ingrid", "Ingrid Halvorsen", aliases=("Ms Halvorsen", "Halvorsen"))
    add_statement(store, "resolved", text="No new offer.", person_id="p-ingrid")
    add_statement(store, "full-name", text="Still no offer.", person="Ingrid Halvorsen")
    add_statement(store, "surname", text="Maybe an offer.", person="Halvorsen")
    found = select_statements(store, Selection(speaker="Ms Halvorsen"))
    assert sorted(s["id"] for s in found) == ["full-name", "resolved"]


def test_without_a_known_person_the_speaker_is_a_substring_of_the_statements_speaker(store) -> None:
    add_statement(store, "hers", text="No new offer.")
    add_statement(store, "his", text="No new offer either.", person="Erik Dahl")
    assert [s["id"] for s in select_statements(store, Selection(speaker="halvor"))] == ["hers"]


def test_a_topic_matches_any_reported_wording_of_a_statement(store) -> None:
    add_statement(
        store,
        "quota",
        text="Our quota is final.",
        reports=outlets("Northern Wire", "Harbour Daily"),
        wordings=("Our quota is final.", "The mackerel quota is final."),
    )
    add_statement(store, "ports", text="The ports stay closed.")
    assert [s["id"] for s in select_statements(store, Selection(topic="mackerel"))] == ["quota"]
    assert [s["id"] for s in select_statements(store, Selection(topic="quota final"))] == ["quota"]
    assert select_statements(store, Selection(topic="herring")) == []


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # the speaker's country (from their role) is one side, the other is mentioned
        (dict(role="Norwegian foreign ministry spokeswoman", text="Iceland broke the deal."), True),
        # the same, from the people stage's roles
        (dict(person_roles=("Norwegian foreign minister",), text="Reykjavik must reply."), True),
        # an organisation speaks for its country
        (dict(person="the Kremlin", kind="organization", text="Washington is to blame."), False),
        # both sides mentioned, whoever speaks
        (dict(text="Norway and Iceland should talk."), True),
        # the other side is only in the sentence around the quote
        (
            dict(
                role="Norwegian foreign ministry spokeswoman",
                text="They broke the deal.",
                before="Asked about Iceland's new quota, ",
            ),
            True,
        ),
        # ... or in the headline over it, for a speaker of one side
        (
            dict(
                role="Norwegian foreign ministry spokeswoman",
                text="Relations are at their lowest point.",
                title="Oslo says ties with Iceland at a low",
            ),
            True,
        ),
        # a headline naming both sides does not bring in a third country's speaker
        (
            dict(
                role="Danish fisheries minister",
                text="Relations are at their lowest point.",
                title="Norway and Iceland at odds",
            ),
            False,
        ),
        # ... but not when it is only in another sentence of the article
        (
            dict(
                role="Norwegian foreign ministry spokeswoman",
                text="They broke the deal.",
                after=" Iceland set a new quota last week.",
            ),
            False,
        ),
        # the speaker's side only
        (dict(role="Norwegian foreign ministry spokeswoman", text="Norway will wait."), False),
        # neither side
        (dict(text="The weather is bad."), False),
        # a third country speaking about one side
        (dict(role="Danish fisheries minister", text="Iceland is right."), False),
    ],
)
def test_pair_membership(store, case: dict, expected: bool) -> None:
    person = case.get("person", "Ingrid Halvorsen")
    person_id = None
    if "person_roles" in case:
        person_id = "p-1"
        add_person(store, person_id, person, roles=case["person_roles"])
    add_statement(
        store,
        "s",
        text=case["text"],
        person=person,
        person_id=person_id,
        speaker_kind=case.get("kind", "person"),
        role=case.get("role"),
        before=case.get("before", ""),
        title=case.get("title"),
        after=case.get("after", " Nothing more was said."),
    )
    found = select_statements(store, Selection(pair=("NO", "IS")))
    assert bool(found) is expected


def test_the_kremlin_on_washington_belongs_to_the_us_russia_pair(store) -> None:
    add_statement(
        store,
        "s",
        text="Washington is to blame.",
        person="the Kremlin",
        speaker_kind="organization",
    )
    assert [s["id"] for s in select_statements(store, Selection(pair=("US", "RU")))] == ["s"]
    assert [s["id"] for s in select_statements(store, Selection(pair=("RU", "US")))] == ["s"]


@pytest.mark.parametrize(
    ("title", "head", "boilerplate", "expected"),
    [
        ("Ports closed", "Anything", None, "Ports closed"),
        (None, "Oslo shuts its ports\n\nThe minister said...", None, "Oslo shuts its ports"),
        (None, "\nSIGN UP NOW\nOslo shuts its ports\nText.", "[[1, 12]]", "Oslo shuts its ports"),
        (None, "The minister said on Friday that the ports would close.\nMore.", None, ""),
        (None, "x" * 300 + "\nShort line", None, ""),
    ],
)
def test_an_articles_headline_is_its_title_else_a_short_first_line(
    title, head, boilerplate, expected
) -> None:
    assert headline(title, head, boilerplate) == expected


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("US:RU", ("US", "RU")),
        ("us:ru", ("US", "RU")),
        ("NO:IS", ("NO", "IS")),
        ("Norway:iceland", ("NO", "IS")),
    ],
)
def test_pair_sides_accept_codes_in_any_case_and_country_names(written: str, codes) -> None:
    assert parse_pair(written) == codes


@pytest.mark.parametrize("written", ["US:XX", "US", "US:RU:NO", ":RU", "US:us"])
def test_a_pair_that_is_not_two_known_countries_is_refused(written: str) -> None:
    with pytest.raises(UnknownCountry):
        parse_pair(written)


# -- the command ---------------------------------------------------------------------------------


def test_timeline_command_prints_one_json_object_per_period(cli, store) -> None:
    add_statement(
        store,
        "a",
        text="Iceland broke the deal.",
        said_on="2022-03-17",
        tone=-0.5,
        role="Norwegian foreign ministry spokeswoman",
    )
    add_statement(
        store,
        "b",
        text="Iceland is a friend.",
        said_on="2025-02-10",
        tone=0.6,
        role="Norwegian foreign ministry spokeswoman",
    )
    result = cli("timeline", "--pair", "no:is", "--by", "year", "--format", "json")
    assert result.exit_code == 0, result.output
    periods = json.loads(result.stdout)
    assert [p["period"] for p in periods] == ["2022", "2025"]
    assert {"period", "statements", "tone", "representative", "outlets"} <= periods[0].keys()
    assert set(periods[0]["representative"]) >= {"statement_id", "text", "said_on", "carriers"}
    assert [p["tone"] for p in periods] == [pytest.approx(-0.5), pytest.approx(0.6)]


def test_timeline_command_csv_and_table(cli, store) -> None:
    add_statement(store, "a", text="Iceland broke the deal.", role="Norwegian foreign minister")
    csv_out = cli("timeline", "--speaker", "Halvorsen", "--format", "csv")
    assert csv_out.exit_code == 0
    assert csv_out.stdout.splitlines()[0].startswith(
        "period,start,end,statements,tone,representative"
    )
    table = cli("timeline", "--speaker", "Halvorsen")
    assert table.exit_code == 0 and "2023-01" in table.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("timeline",),
        ("timeline", "--pair", "US:XX"),
        ("timeline", "--pair", "USRU"),
        ("report", "--out", "x.html", "--pair", "ZZ:RU"),
    ],
)
def test_usage_errors_exit_2_with_one_line(cli, args) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("onrecord: usage error:")


# -- end to end -----------------------------------------------------------------------------------

CORPUS = {
    "2022-ports.txt": (
        "---\noutlet: Nordic Ledger\npublished: 2022-05-04\n---\n"
        "Oslo shuts its ports\n\n"
        "Norwegian foreign minister Torvald Brekke said on Wednesday that Iceland had "
        "“betrayed every promise” over the herring catch.\n\n"
        "“Relations with Iceland are at their worst point in decades,” Brekke told reporters.\n"
    ),
    "2024-thaw.txt": (
        "---\noutlet: Nordic Ledger\npublished: 2024-11-12\n---\n"
        "A thaw at sea\n\n"
        "Norwegian foreign minister Torvald Brekke said on Tuesday that talks with Iceland "
        "were going well.\n\n"
        "“We have found real goodwill in Reykjavik and I am hopeful about a fair deal,” "
        "Brekke told reporters.\n"
    ),
}


def test_a_pair_timeline_from_an_ingested_corpus(cli, tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in CORPUS.items():
        (root / name).write_text(text, encoding="utf-8")
    assert cli("ingest", root, "--workers", "1").exit_code == 0
    result = cli("timeline", "--pair", "NO:IS", "--by", "year", "--format", "json")
    assert result.exit_code == 0, result.output
    periods = {p["period"]: p for p in json.loads(result.stdout)}
    assert set(periods) == {"2022", "2024"}
    assert periods["2022"]["tone"] < 0 < periods["2024"]["tone"]
    assert periods["2022"]["outlets"] == ["Nordic Ledger"]


# -- every backend ---------------------------------------------------------------------------------

BACKEND_ARTICLES = [
    # (outlet, published, url, text, quote, role)
    (
        "Northern Wire",
        date(2022, 3, 17),
        None,
        "Oslo shuts its ports. “Iceland has betrayed us and these talks are a disaster,” said "
        "Ingrid Halvorsen, the Norwegian foreign ministry spokeswoman. No date was set.",
        "Iceland has betrayed us and these talks are a disaster",
        "the Norwegian foreign ministry spokeswoman",
    ),
    (
        "Harbour Daily",
        date(2025, 2, 10),
        "https://harbour-daily.example/thaw",
        "Talks resume. “We welcome a fair deal with Iceland and we trust Reykjavik again,” said "
        "Ingrid Halvorsen, the Norwegian foreign ministry spokeswoman.",
        "We welcome a fair deal with Iceland and we trust Reykjavik again",
        "the Norwegian foreign ministry spokeswoman",
    ),
]


def _backend_result(outlet, published, url, text, wording, role):
    from onrecord.model import Article, ArticleResult, Mention, Quote

    start = text.index(wording)
    speaker_start = text.index("Ingrid Halvorsen")
    article = Article(
        text=text,
        source=f"/corpus/{outlet}.txt",
        url=url,
        outlet=outlet,
        title=text.split(".")[0],
        published=published,
        published_basis="metadata",
    )
    quote = Quote(
        start=start,
        end=start + len(wording),
        text=wording,
        kind="direct",
        cue="say",
        speaker_start=speaker_start,
        speaker_end=speaker_start + len("Ingrid Halvorsen"),
        speaker_text="Ingrid Halvorsen",
        speaker="Ingrid Halvorsen",
        speaker_kind="person",
        said_on=published,
        said_on_precision="day",
        said_on_basis="published",
    )
    mention = Mention(
        speaker_start,
        speaker_start + len("Ingrid Halvorsen"),
        "Ingrid Halvorsen",
        "Ingrid Halvorsen",
        "person",
        role,
    )
    return ArticleResult(article=article, quotes=(quote,), mentions=(mention,))


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path):
    """A store of each backend, filled through save_batch and the real cross-article stages."""
    from onrecord.grouping import update_groups
    from onrecord.people import update_people
    from onrecord.store import open_store

    if request.param == "sqlite":
        location = str(tmp_path / "onrecord.db")
    else:
        location = request.getfixturevalue("postgres_store_url")
    with open_store(location) as opened:
        results = [_backend_result(*row) for row in BACKEND_ARTICLES]
        opened.save_batch(results, [], None)
        ids = [r.article.id for r in results]
        with opened.transaction():
            update_people(opened, ids)
            update_groups(opened, ids, embedder=None)
        yield opened


def test_timeline_report_and_exports_work_on_every_backend(any_store, tmp_path: Path) -> None:
    from onrecord.views.export import export_rows
    from onrecord.views.report_data import report_data

    pair = select_statements(any_store, Selection(pair=("NO", "IS")))
    periods = timeline(pair, "year")
    assert [p["period"] for p in periods] == ["2022", "2025"]
    assert periods[0]["tone"] < 0 < periods[1]["tone"]
    assert [s["text"] for s in select_statements(any_store, Selection(topic="fair deal"))] == [
        BACKEND_ARTICLES[1][4]
    ]
    assert len(select_statements(any_store, Selection(speaker="Halvorsen"))) == 2
    data = report_data(any_store, Selection(pair=("NO", "IS")))
    [entry] = data.appendix
    assert entry["quote"] == BACKEND_ARTICLES[0][4]
    assert entry["text_before"].endswith("ports. “")
    counts = {
        what: len(list(export_rows(any_store, what)))
        for what in ("quotes", "statements", "articles")
    }
    assert counts == {"quotes": 2, "statements": 2, "articles": 2}
    people = list(export_rows(any_store, "people"))
    assert any(p["name"] == "Ingrid Halvorsen" and p["quotes"] == 2 for p in people)
