"""Reports of speech that were missed entirely: text -> the report of one cue, or none.

Every text is invented. Each case names the construction that hid the report: a verb of
saying the parse took for something else, or a clause of another sentence taken for its
content.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of, found

JUDGED = [
    pytest.param(
        "The vote split the board; one trustee called the plan “a gift to developers.”",
        "the plan “a gift to developers.”",
        "one trustee",
        id="called-after-a-semicolon-with-object-and-quoted-predicate",
    ),
    pytest.param(
        "The levy failed in May. Dale Ruiz, a Lee ally, called the vote “a disgrace.”",
        "the vote “a disgrace.”",
        "Dale Ruiz",
        id="called-after-an-appositive-with-object-and-quoted-predicate",
    ),
    pytest.param(
        "Even those who backed the levy sounded unsure: Councilman Ray Otto called it "
        "“the least bad choice on the table.”",
        "“the least bad choice on the table.”",
        "Councilman Ray Otto",
        id="clause-before-a-colon-is-not-what-called-reports",
    ),
    pytest.param(
        "For that she drew the governor’s anger - he called her “soft” and walked out.",
        "her “soft”",
        "he",
        id="clause-before-a-dash-is-not-what-called-reports",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), JUDGED)
def test_calling_something_a_quoted_name_reports_it(
    speech: QuoteExtractor, text: str, content: str, speaker: str
) -> None:
    assert [(q.text, q.speaker_text) for q in by_cue(speech, text, "call")] == [(content, speaker)]


NAMES = [
    pytest.param(
        "The grant went to a charity called the “Friends of Elm Street.”",
        id="quoted-name-after-called-and-an-article",
    ),
    pytest.param(
        "A folk trio called Elm Lane got the crowd to sing along to “Home Again.”",
        id="quotation-after-the-name-in-another-verbs-clause",
    ),
    pytest.param(
        "The mayor has been called a bully by rivals for pushing “reckless” zoning rules.",
        id="passive-called-names-nobody-who-said-it",
    ),
]


@pytest.mark.parametrize("text", NAMES)
def test_a_name_given_by_called_is_no_report(speech: QuoteExtractor, text: str) -> None:
    assert not by_cue(speech, text, "call"), found(speech, text)


def test_judged_object_keeps_its_quoted_predicate_in_all_mode(
    everything: QuoteExtractor,
) -> None:
    text = "The vote split the board; one trustee called the plan “a gift to developers.”"
    assert content_of(everything, text, "call") == ("the plan “a gift to developers.”", ())


ASKED_ABOUT = [
    pytest.param(
        "Asked at a briefing on Monday in Denver about the mayor’s future role, "
        "the spokesman declined to answer.",
        "the mayor’s future role",
        id="about-hung-on-a-noun-of-the-adjuncts",
    ),
    pytest.param(
        "When asked at the trade fair about the merger, she defended her choice.",
        "the merger",
        id="when-asked-with-a-place-before-the-topic",
    ),
]


@pytest.mark.parametrize(("text", "topic"), ASKED_ABOUT)
def test_the_topic_of_an_answerers_question_is_reported(
    speech: QuoteExtractor, text: str, topic: str
) -> None:
    assert [q.text for q in by_cue(speech, text, "ask")] == [topic]


def test_about_after_the_comma_is_not_the_question(speech: QuoteExtractor) -> None:
    text = "Asked at a briefing on Monday, the aide talked about the budget for an hour."
    assert [q.text for q in by_cue(speech, text, "ask")] == []
