"""When was it said: publication dates from text and statement dates from the cue's clause."""

from __future__ import annotations

from datetime import date

import pytest

from onrecord.dates import (
    StatementDater,
    find_time_expressions,
    publication_date_from_text,
    resolve,
)
from onrecord.model import Article, Quote

TODAY = date(2025, 6, 1)
FRIDAY = date(2024, 9, 6)  # a Friday


# ---------------------------------------------------------------- publication date from text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\nBy Jane Roe // 2024-09-05\n\nBody text.", date(2024, 9, 5)),
        (
            "Headline\nPublished: Sept. 5, 2024 at 10:14 a.m. ET\nUpdated: Sept. 6, 2024\nBody.",
            date(2024, 9, 5),
        ),
        ("Headline\nUpdated 12:01 PM EST, Fri January 20, 2023\nBody.", date(2023, 1, 20)),
        ("Headline\nJane Roe | 5 September 2024\nText.", date(2024, 9, 5)),
        ("Headline\n05.09.2024 10:32\nText.", date(2024, 9, 5)),
        ("Headline\n9/25/2024\nText.", date(2024, 9, 25)),
        (
            "MOSCOW, Jan 20, 2023 (Northern Wire) - Russia said on Friday that ties were poor.",
            date(2023, 1, 20),
        ),
        (
            "MOSCOW, Jan 20 (Northern Wire) - Russia said so.\n\n© 2023 Northern Wire",
            date(2023, 1, 20),
        ),
        ("Posted on 3 February 2025 by admin\n\nText.", date(2025, 2, 3)),
    ],
)
def test_publication_date_is_read_from_the_head(text: str, expected: date) -> None:
    assert publication_date_from_text(text, today=TODAY) == (expected, "text")


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Jan 20 (Northern Wire) - Russia said on Friday that ties were poor.",  # no year
        "BEIJING, Sept. 5 (Xinlu) -- China said it opposed the move.",
        "MOSCOW, September 5. /RNA/. The spokesman said.",
        "War since Feb. 24, 2022: what changed one year on\nBody text here.",  # a headline's event
        "Russia invaded Ukraine on Feb. 24, 2022, and the war goes on.",  # prose
        "Headline\nBy Jane Roe\nSeptember 5, 2030\nText",  # in the future
        "Headline\nPosted on 12 March 1985 by admin\nText",  # before 1990
        "Headline\n9/5/2024\nText",  # month-first or day-first: cannot tell
        "",
    ],
)
def test_publication_date_is_unknown_without_a_trustworthy_full_date(text: str) -> None:
    assert publication_date_from_text(text, today=TODAY) == (None, "unknown")


def test_a_date_in_the_body_is_not_a_publication_date() -> None:
    body = "Title\n\n" + "The talks went on. " * 400 + "\nBy Jane Roe // 2024-09-05"
    assert publication_date_from_text(body, today=TODAY) == (None, "unknown")


# ---------------------------------------------------------------- temporal expressions


@pytest.mark.parametrize(
    ("phrase", "said_on", "precision", "basis"),
    [
        ("on Friday", date(2024, 9, 6), "day", "relative"),  # the publication day itself
        ("Friday", date(2024, 9, 6), "day", "relative"),
        ("earlier on Wednesday", date(2024, 9, 4), "day", "relative"),
        ("on Tuesday night", date(2024, 9, 3), "day", "relative"),
        ("last Friday", date(2024, 8, 30), "day", "relative"),
        ("yesterday", date(2024, 9, 5), "day", "relative"),
        ("two days ago", date(2024, 9, 4), "day", "relative"),
        ("on Aug. 30", date(2024, 8, 30), "day", "relative"),
        ("on Sept. 30", date(2023, 9, 30), "day", "relative"),  # latest Sept 30 on or before
        ("on 30 August 2024", date(2024, 8, 30), "day", "explicit"),
        ("on Friday, Sept. 5", date(2024, 9, 5), "day", "relative"),
        ("on Christmas Eve", date(2023, 12, 24), "day", "relative"),
        ("in November", date(2023, 11, 1), "month", "relative"),
        ("in September", date(2024, 9, 1), "month", "relative"),
        ("last month", date(2024, 8, 1), "month", "relative"),
        ("earlier this month", date(2024, 9, 1), "month", "relative"),
        ("this week", date(2024, 9, 1), "month", "relative"),  # Mon 2 - Fri 6 Sept
        ("in June 2021", date(2021, 6, 1), "month", "explicit"),
        ("last year", date(2023, 1, 1), "year", "relative"),
        ("in 2021", date(2021, 1, 1), "year", "explicit"),
    ],
)
def test_expression_resolves_against_publication(
    phrase: str, said_on: date, precision: str, basis: str
) -> None:
    (expression,) = find_time_expressions(phrase)
    guess = resolve(expression, FRIDAY)
    assert guess is not None
    assert (guess.said_on, guess.precision, guess.basis) == (said_on, precision, basis)


@pytest.mark.parametrize(
    "phrase",
    [
        "tomorrow",
        "next week",
        "next Friday",
        "later this month",
        "in the coming weeks",
        "since June 2021",
        "over the last year",
        "on Aug. 30, 2025",
        "in 2030",
    ],
)
def test_futures_durations_and_later_dates_name_no_statement_date(phrase: str) -> None:
    assert all(resolve(e, FRIDAY) is None for e in find_time_expressions(phrase))


@pytest.mark.parametrize(
    "phrase", ["the Sunday Ledger", "Friday's talks", "May I ask", "the past week"]
)
def test_names_and_possessives_are_not_dates(phrase: str) -> None:
    assert all(resolve(e, FRIDAY) is None for e in find_time_expressions(phrase))


# ---------------------------------------------------------------- statement dates


def _quote(text: str, cue: str, content: str, speaker: str | None = None) -> Quote:
    start = text.index(content)
    cue_start = text.index(cue) if cue else None
    return Quote(
        start=start,
        end=start + len(content),
        text=content,
        kind="indirect",
        cue={"said": "say", "told": "tell", "added": "add"}.get(cue, cue) if cue else None,
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue_start is not None else None,
        speaker=speaker,
    )


STATEMENTS = [
    # (text, cue, content, published, said_on, precision, basis)
    (
        "Russia said on Friday that ties were at a low.",
        "said",
        "ties were at a low",
        FRIDAY,
        FRIDAY,
        "day",
        "relative",
    ),
    (
        "The Kremlin said Thursday that ties were at a low.",
        "said",
        "ties were at a low",
        FRIDAY,
        date(2024, 9, 5),
        "day",
        "relative",
    ),
    (
        "Palnikov told TASS on Wednesday that the damage was done.",
        "told",
        "the damage was done",
        FRIDAY,
        date(2024, 9, 4),
        "day",
        "relative",
    ),
    (
        "Last month, the president said that a light had appeared.",
        "said",
        "a light had appeared",
        FRIDAY,
        date(2024, 8, 1),
        "month",
        "relative",
    ),
    (
        "Palnikov said in November that talks were possible.",
        "said",
        "talks were possible",
        FRIDAY,
        date(2023, 11, 1),
        "month",
        "relative",
    ),
    (
        "Belov said on Aug. 30, 2024, that the West had chosen.",
        "said",
        "the West had chosen",
        date(2024, 10, 1),
        date(2024, 8, 30),
        "day",
        "explicit",
    ),
    (
        "Belov said in 2021 that Russia had no such plans.",
        "said",
        "Russia had no such plans",
        FRIDAY,
        date(2021, 1, 1),
        "year",
        "explicit",
    ),
    (
        "The ministry said two days ago that it was not informed.",
        "said",
        "it was not informed",
        FRIDAY,
        date(2024, 9, 4),
        "day",
        "relative",
    ),
    (
        "Palnikov said yesterday that the letter had arrived.",
        "said",
        "the letter had arrived",
        FRIDAY,
        date(2024, 9, 5),
        "day",
        "relative",
    ),
    (
        "Earlier on Wednesday, the spokesman had noted that contacts go on.",
        "noted",
        "contacts go on",
        FRIDAY,
        date(2024, 9, 4),
        "day",
        "relative",
    ),
    (
        "Palnikov, who met Burns in Ankara in November, said on Tuesday that talks could go on.",
        "said",
        "talks could go on",
        FRIDAY,
        date(2024, 9, 3),
        "day",
        "relative",
    ),
    # hard negatives: the date belongs to something else
    (
        "Palnikov said that the two leaders would meet on Friday in Budapest.",
        "said",
        "the two leaders would meet on Friday in Budapest",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    (
        "\u201cThe two last met in Geneva in June 2021,\u201d Palnikov said.",
        "said",
        "The two last met in Geneva in June 2021,",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    (
        "The star, who split from her husband last year, said she was happy.",
        "said",
        "she was happy",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    (
        "The minister, who will visit Washington next month, said he expected progress.",
        "said",
        "he expected progress",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    (
        "Ahead of the summit on Thursday, Marsh said that allies were united.",
        "said",
        "allies were united",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    # no expression at all
    (
        "Palnikov said the proposals were being studied.",
        "said",
        "the proposals were being studied",
        FRIDAY,
        FRIDAY,
        "day",
        "published",
    ),
    (
        "Palnikov said on Friday the proposals were being studied.",
        "said",
        "the proposals were being studied",
        None,
        None,
        None,
        "unknown",
    ),
    (
        "Belov said on Aug. 30, 2024, that the West had chosen.",
        "said",
        "the West had chosen",
        None,
        date(2024, 8, 30),
        "day",
        "explicit",
    ),
]


@pytest.mark.parametrize("with_parse", [True, False], ids=["parse", "text-rules"])
@pytest.mark.parametrize(
    ("text", "cue", "content", "published", "said_on", "precision", "basis"), STATEMENTS
)
def test_statement_date(
    nlp,
    with_parse: bool,
    text: str,
    cue: str,
    content: str,
    published: date | None,
    said_on: date | None,
    precision: str | None,
    basis: str,
) -> None:
    article = Article(text=text, source="test", published=published)
    doc = nlp(text) if with_parse else None
    (dated,) = StatementDater()(article, [_quote(text, cue, content)], doc)
    assert (dated.said_on, dated.said_on_precision, dated.said_on_basis) == (
        said_on,
        precision,
        basis,
    )


def test_a_follow_up_he_added_takes_the_date_of_the_statement_it_continues(nlp) -> None:
    text = (
        "Palnikov told reporters on Wednesday that the letter had not come. "
        "\u201cWe will study it,\u201d he added. \u201cNobody wants war,\u201d he said."
    )
    article = Article(text=text, source="test", published=FRIDAY)
    quotes = [
        _quote(text, "told", "the letter had not come", "Yuri Palnikov"),
        _quote(text, "added", "We will study it,", "Yuri Palnikov"),
        _quote(text, "he said", "Nobody wants war,", "Yuri Palnikov"),
    ]
    dated = StatementDater()(article, quotes, nlp(text))
    assert [(q.said_on, q.said_on_basis) for q in dated] == [
        (date(2024, 9, 4), "relative"),
        (date(2024, 9, 4), "relative"),
        (FRIDAY, "published"),  # "he said" may be another occasion: not inherited
    ]


def test_a_follow_up_of_another_speaker_does_not_inherit() -> None:
    text = "Mendes said on Tuesday that Europe was united. Belov, in turn, added that it was not."
    article = Article(text=text, source="test", published=FRIDAY)
    quotes = [
        _quote(text, "said", "Europe was united", "Carla Mendes"),
        _quote(text, "added", "it was not", "Arkady Belov"),
    ]
    dated = StatementDater()(article, quotes)
    assert [q.said_on_basis for q in dated] == ["relative", "published"]


def test_a_quote_without_cue_is_dated_by_publication() -> None:
    text = "Ties at rock bottom: Palnikov"
    article = Article(text=text, source="test", published=FRIDAY)
    quote = Quote(start=0, end=20, text=text[:20], kind="headline")
    (dated,) = StatementDater()(article, [quote])
    assert (dated.said_on, dated.said_on_precision, dated.said_on_basis) == (
        FRIDAY,
        "day",
        "published",
    )


def test_dater_keeps_order_and_leaves_its_input_alone(nlp) -> None:
    text = "\u201cNo,\u201d Belov said on Monday. Palnikov said on Tuesday that talks were off."
    article = Article(text=text, source="test", published=FRIDAY)
    quotes = [_quote(text, "Palnikov said", "talks were off"), _quote(text, "Belov said", "No,")]
    dater = StatementDater()
    first = dater(article, quotes, nlp(text))
    assert [q.said_on for q in first] == [date(2024, 9, 3), date(2024, 9, 2)]
    assert dater(article, quotes, nlp(text)) == first
    assert all(q.said_on is None for q in quotes)


@pytest.mark.parametrize("published", [date(2024, 8, 29), date(2024, 9, 2), date(2025, 1, 3)])
def test_no_statement_is_dated_after_its_article(published: date) -> None:
    text = (
        "Belov said on Aug. 30, 2024, that the West had chosen. Palnikov said on Friday that "
        "talks were off. Marsh said in 2024 that she was ready. Kern said last week that it was over."
    )
    article = Article(text=text, source="test", published=published)
    quotes = [
        _quote(text, "Belov said", "the West had chosen"),
        _quote(text, "Palnikov said", "talks were off"),
        _quote(text, "Marsh said", "she was ready"),
        _quote(text, "Kern said", "it was over"),
    ]
    for dated in StatementDater()(article, quotes):
        assert dated.said_on is not None and dated.said_on <= published


def test_a_participle_cue_shares_the_date_of_the_verb_it_hangs_on(nlp) -> None:
    text = "On Wednesday, Palnikov confirmed the contacts, adding that they had not produced a revival."
    article = Article(text=text, source="test", published=FRIDAY)
    (dated,) = StatementDater()(
        article, [_quote(text, "adding", "they had not produced a revival")], nlp(text)
    )
    assert (dated.said_on, dated.said_on_basis) == (date(2024, 9, 4), "relative")
