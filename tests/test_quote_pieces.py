"""Quotes in several pieces, mixed quotation-mark styles and speaker-label transcripts.

Every text is invented. Each case names the construction it pins down: when a
quotation that follows an attributed one is a further piece of the same quote
(``Quote.spans``), and when it is not.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor
from onrecord.quotes.marks import scan


def pieces(extractor: QuoteExtractor, text: str) -> list[tuple[str, list[str], str | None]]:
    """Each quote as (kind, its pieces as written, speaker as written)."""
    result = extractor(Article(text=text, source="test"))
    return [
        (q.kind, [text[a:b] for a, b in q.spans or ((q.start, q.end),)], q.speaker_text)
        for q in result.quotes
    ]


MARKS = [
    pytest.param(
        '“The bridges are crumbling," she said. "Trains run late every day.”',
        ['“The bridges are crumbling,"', '"Trains run late every day.”'],
        id="curly-opened-straight-closed",
    ),
    pytest.param(
        '"The levy is only the floor,” she said. “We will build on it.”',
        ['"The levy is only the floor,”', "“We will build on it.”"],
        id="straight-opened-curly-closed",
    ),
    pytest.param(
        '“He called the plan "a fraud" and walked out,” Mira Tosk said.',
        ['“He called the plan "a fraud" and walked out,”'],
        id="straight-quotation-nested-in-curly",
    ),
    pytest.param(
        '“He only said "no." Then he left,” she said.',
        ['“He only said "no." Then he left,”'],
        id="nested-straight-quotation-ending-in-a-period",
    ),
    pytest.param(
        "''The fee is not a tax,'' Mr. Dorn said. ''It pays for the roads.''",
        ["''The fee is not a tax,''", "''It pays for the roads.''"],
        id="two-apostrophes-as-one-double-mark",
    ),
    pytest.param(
        "''I would call it 'old-school,''' she said of the 'new' plan.",
        ["''I would call it 'old-school,'''", "'new'"],
        id="single-quotation-nested-at-the-end-of-two-apostrophes",
    ),
]


def test_two_apostrophe_marks_around_a_cue_make_one_quote_in_two_pieces(speech) -> None:
    text = "''The faster we fix the roads,'' he said, ''the better off the town will be.''"
    assert pieces(speech, text) == [
        (
            "direct",
            ["''The faster we fix the roads,''", "''the better off the town will be.''"],
            "he",
        )
    ]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_mixed_mark_styles_pair_up(text: str, expected: list[str]) -> None:
    assert [text[m.start : m.end] for m in scan(text)] == expected


def test_mixed_marks_around_a_cue_make_one_quote_in_two_pieces(speech) -> None:
    text = '“The bridges are crumbling," she said. "Trains run late every day.”'
    assert pieces(speech, text) == [
        (
            "direct",
            ['“The bridges are crumbling,"', '"Trains run late every day.”'],
            "she",
        )
    ]


CONTINUATIONS = [
    pytest.param(
        "“The levy is not a tax,” one council aide said, speaking on condition of anonymity. "
        "“It is a fee for a service.”",
        [
            (
                "direct",
                ["“The levy is not a tax,”", "“It is a fee for a service.”"],
                "one council aide",
            )
        ],
        id="participle-hanging-on-the-cue-does-not-break-the-quotation",
    ),
    pytest.param(
        'Many farmers saw the levy as "a tax by another name," Orla Benn said. '
        '"Our task was to show them what it pays for."',
        [
            (
                "partial",
                [
                    'Many farmers saw the levy as "a tax by another name,"',
                    '"Our task was to show them what it pays for."',
                ],
                "Orla Benn",
            ),
        ],
        id="the-outer-report-not-the-one-inside-it-goes-on-in-the-next-quotation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTINUATIONS)
def test_a_quotation_after_an_attributed_one(speech, text: str, expected) -> None:
    assert pieces(speech, text) == expected


def test_a_transcript_speaker_named_again_is_a_speaker_label(speech) -> None:
    text = (
        "The network aired the exchange on Sunday.\n\n"
        "NORA VALE: Why not meet the mayor at all?\n\n"
        "TED ORRIN: Because the mayor never answers a single letter we send.\n\n"
        "VALE: But the voters want to see you both.\n\n"
        "ORRIN: Then they should ask him."
    )
    assert [(kind, words, speaker) for kind, words, speaker in pieces(speech, text)] == [
        ("direct", ["Why not meet the mayor at all?"], "NORA VALE"),
        ("direct", ["Because the mayor never answers a single letter we send"], "TED ORRIN"),
        ("direct", ["But the voters want to see you both"], "VALE"),
        ("direct", ["Then they should ask him"], "ORRIN"),
    ]


def test_a_capitalised_kicker_said_once_is_not_a_speaker(speech) -> None:
    text = "The cabinet met on Monday.\n\nHOME AT LAST: The soldiers returned after a year away."
    assert pieces(speech, text) == []


NAMED = [
    pytest.param(
        "Turnout models were shaky this year - Ada Pell: "
        "“The young stayed home, and the polls assumed they would not.”",
        [
            (
                "direct",
                ["“The young stayed home, and the polls assumed they would not.”"],
                "Ada Pell",
            )
        ],
        id="name-and-colon-after-a-dash",
    ),
    pytest.param(
        'The hearing grew tense.\n\nSen. Rob Gale (D-Ore.):"Who told you the servers were safe?"',
        [("direct", ['"Who told you the servers were safe?"'], "Sen. Rob Gale")],
        id="name-with-a-party-tag-and-no-space-after-the-colon",
    ),
    pytest.param(
        'Read the latest news below: "The senator took the stage late and spoke for an hour."',
        [],
        id="a-colon-after-words-that-are-not-a-name-names-nobody",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_quotation_introduced_by_a_name_and_a_colon(speech, text: str, expected) -> None:
    assert pieces(speech, text) == expected


def test_a_quotation_with_its_own_cue_is_not_a_piece_of_the_one_before(speech) -> None:
    text = (
        '"Too much noise," she said, blaming some of it on the mayor. '
        '"I know people are angry, but I think he is causing a lot of this," she said.'
    )
    assert pieces(speech, text) == [
        ("direct", ['"Too much noise,"'], "she"),
        ("direct", ['"I know people are angry, but I think he is causing a lot of this,"'], "she"),
    ]


def test_a_quotation_goes_on_from_the_quote_a_relative_clause_report_hangs_on(speech) -> None:
    text = (
        "''Visits are up a little, and so are sales,'' said Tom Ekko, who noted that the "
        "price fell during the slump. ''Things are moving in the right direction.''"
    )
    found = pieces(speech, text)
    assert found[0] == (
        "direct",
        [
            "''Visits are up a little, and so are sales,''",
            "''Things are moving in the right direction.''",
        ],
        "Tom Ekko",
    )
    assert all("''Things" not in words[0] for _, words, _ in found[1:])


def test_a_label_before_a_list_of_names_is_not_a_turn(speech) -> None:
    text = (
        "The panel of insiders, by state:\n\n"
        "Ohio: Ann Lee, Bo Ray, Cal Dunn, Dee Fox.\n\n"
        "Iowa: Eli Moss, Fay Kerr, Gus Hale.\n\n"
        "Ohio voters go to the polls next week."
    )
    assert pieces(speech, text) == []


LEAD_INS = [
    pytest.param(
        "“I don’t think it’s do or die,” he said outside the hall. "
        "But “the campaign is stronger with the mayor on board. It helps.”",
        [
            (
                "direct",
                [
                    "“I don’t think it’s do or die,”",
                    "But “the campaign is stronger with the mayor on board. It helps.”",
                ],
                "he",
            )
        ],
        id="a-few-words-leading-into-the-rest-of-the-quotation",
    ),
    pytest.param(
        '"I stood up to the banks," she said. Ray Lund shot back, "You called them names."',
        [("direct", ['"I stood up to the banks,"'], "she")],
        id="a-verb-and-a-comma-before-the-quotation-is-a-report-of-its-own",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_INS)
def test_a_sentence_led_into_a_quotation_goes_on_from_the_quote_before(
    speech, text: str, expected
) -> None:
    found = pieces(speech, text)
    assert found[: len(expected)] == expected


def test_a_question_reported_by_its_topic_is_the_interviewer_s(speech) -> None:
    text = "When asked about the new levy, the mayor smiled and left the hall."
    assert [
        (q.kind, q.text, q.speaker_text) for q in speech(Article(text=text, source="t")).quotes
    ] == [("indirect", "the new levy", None)]


def test_a_transcript_quoted_whole_still_has_speaker_turns(speech) -> None:
    text = (
        "The campaign sent out the exchange.\n\n"
        '"VALE: Well, look, my rival has been saying some tough things about my running mate. '
        'He knows as much about farming as I do about ballet."'
    )
    assert pieces(speech, text) == [
        (
            "direct",
            [
                "Well, look, my rival has been saying some tough things about my running mate. "
                'He knows as much about farming as I do about ballet."'
            ],
            "VALE",
        )
    ]
