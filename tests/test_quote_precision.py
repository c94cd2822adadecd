"""Cue words used in a sense that reports nobody's words are not attributions.

Every text is invented. Each case names the sense: a passive "call" names something,
a "threaten" with a bare noun object endangers it, "speak" with no topic says how or
when someone spoke; the same verbs used to report speech still give a quote.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor


def cues(extractor: QuoteExtractor, text: str) -> list[str | None]:
    """The cue of every quote found in the text."""
    return [q.cue for q in extractor(Article(text=text, source="test")).quotes]


NOT_REPORTS = [
    pytest.param(
        "The new orchard cooperative is called Green Valley Growers.",
        "call",
        id="passive-call-names",
    ),
    pytest.param(
        "The mayor has been called a reformer by supporters of the new transit plan.",
        "call",
        id="passive-call-labels-without-a-speaker",
    ),
    pytest.param(
        "She was called to testify before the county board on Tuesday.",
        "call",
        id="passive-call-summons",
    ),
    pytest.param(
        "She joined a neighbourhood association called Friends of the Canal last year.",
        "call",
        id="participle-call-names-a-group",
    ),
    pytest.param(
        "The new ambassador speaks fluent Portuguese and some Italian.",
        "speak",
        id="speak-a-language-reports-nothing",
    ),
    pytest.param(
        "As the minister spoke, the protesters outside began to sing.",
        "speak",
        id="while-someone-spoke-the-rest-is-the-writer's",
    ),
    pytest.param(
        "Rising water threatens the harvest in the lower valley this spring.",
        "threaten",
        id="threaten-object-endangers",
    ),
    pytest.param(
        "The dispute threatened the whole budget agreement reached in March.",
        "threaten",
        id="threaten-object-endangers-past",
    ),
]


@pytest.mark.parametrize(("text", "cue"), NOT_REPORTS)
def test_a_cue_word_in_a_sense_that_reports_nothing_gives_no_quote(
    speech: QuoteExtractor, text: str, cue: str
) -> None:
    assert cue not in cues(speech, text)


REPORTS = [
    pytest.param(
        "The senator called the proposal a disgrace to the whole state.",
        "call",
        id="active-call-with-label-reports",
    ),
    pytest.param(
        "The union threatened to strike if the wage offer was not raised.",
        "threaten",
        id="threaten-with-infinitive-reports",
    ),
    pytest.param(
        "The plan, which the governor called a betrayal of farmers, passed on Monday.",
        "call",
        id="call-with-its-own-speaker-in-a-relative-clause-reports",
    ),
    pytest.param(
        "Senior officials spoke about the cuts to the regional budget.",
        "speak",
        id="speak-about-a-topic-reports",
    ),
    pytest.param(
        "The mayor said the orchard cooperative would be called Green Valley.",
        "say",
        id="passive-call-inside-reported-content",
    ),
]


@pytest.mark.parametrize(("text", "cue"), REPORTS)
def test_the_same_cue_used_to_report_speech_still_gives_a_quote(
    speech: QuoteExtractor, text: str, cue: str
) -> None:
    assert cue in cues(speech, text)
