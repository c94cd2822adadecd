"""Where reported content begins and ends: text -> the content of the quote of one cue.

Every text is invented. Each case names the construction whose boundary it pins down.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import content_of, quotes_of

CASES = [
    pytest.param(
        "Officials said the bridge, which opened in 1990, will close next month.",
        "say",
        ("the bridge, which opened in 1990, will close next month", ()),
        id="relative-clause-inside-the-content-clause-is-kept",
    ),
    pytest.param(
        "Rather, the senator said, the cuts will fall on rural hospitals.",
        "say",
        ("the cuts will fall on rural hospitals", ()),
        id="connective-before-a-parenthetical-cue-is-not-said",
    ),
    pytest.param(
        "And, Ortiz argued, the council has no money left for the parks.",
        "argue",
        ("the council has no money left for the parks", ()),
        id="conjunction-before-a-parenthetical-cue-is-not-said",
    ),
    pytest.param(
        "Last year, as the mayor noted, the city hired two hundred teachers.",
        "note",
        (
            "Last year, as the mayor noted, the city hired two hundred teachers",
            ("Last year", "the city hired two hundred teachers"),
        ),
        id="scene-setting-phrase-before-a-parenthetical-cue-is-kept",
    ),
    pytest.param(
        "In the spring, while most governors called for a freeze on tuition, Harlan pushed "
        "for a cut.",
        "call for",
        ("a freeze on tuition", ()),
        id="cue-in-a-while-clause-reports-its-object-not-the-main-clause",
    ),
    pytest.param(
        "The mayor announced a new budget following the storm in the valley.",
        "announce",
        ("a new budget", ()),
        id="following-phrase-after-the-object-is-the-writers",
    ),
    pytest.param(
        "The senator praised the plan after meeting the families of the miners.",
        "praise",
        ("the plan", ()),
        id="after-gerund-after-the-object-is-the-writers",
    ),
    pytest.param(
        "Ortiz says he will “work hard for the district” and wait for the count.",
        "say",
        ("he will “work hard for the district” and wait for the count", ()),
        id="verb-after-a-quotation-agreeing-with-the-content-goes-on",
    ),
    pytest.param(
        "Ortiz said the vote was “a disgrace,” and shared a link to the results.",
        "say",
        ("the vote was “a disgrace,”", ()),
        id="verb-after-a-quotation-in-the-cues-tense-is-the-writers",
    ),
    pytest.param(
        "The governor praised the nurses, a new clinic, and the volunteers at the shelter.",
        "praise",
        ("the nurses, a new clinic, and the volunteers at the shelter", ()),
        id="object-that-is-a-list-goes-on-past-its-commas",
    ),
    pytest.param(
        "Aides said the nominee would be Harlan, who leads in delegates.",
        "say",
        ("the nominee would be Harlan", ()),
        id="relative-clause-glossing-a-name-at-the-end-is-the-writers",
    ),
    pytest.param(
        "The council announced its support for Dana Ortiz, the founder of the food bank.",
        "announce",
        ("its support for Dana Ortiz", ()),
        id="apposition-glossing-a-name-at-the-end-is-the-writers",
    ),
    pytest.param(
        "Aides said the nominee would be the senator, who leads in delegates.",
        "say",
        ("the nominee would be the senator, who leads in delegates", ()),
        id="relative-clause-on-a-common-noun-is-kept",
    ),
    pytest.param(
        "The mayor called on the council to attack the housing shortage.",
        "call on",
        ("the council to attack the housing shortage", ()),
        id="infinitive-after-the-addressee-is-what-was-called-for",
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_content_boundary(speech: QuoteExtractor, text: str, cue: str, expected) -> None:
    assert content_of(speech, text, cue) == expected


def test_according_to_after_an_object_is_the_writers_source(speech: QuoteExtractor) -> None:
    text = "The company announced record profits according to a filing on Monday."
    reported = [q for q in quotes_of(speech, text) if q.kind != "according_to"]
    assert all("according to" not in q.text for q in reported)
