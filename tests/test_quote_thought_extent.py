"""The extent of what a belief, a stance or a finding is about (cues="all" only).

Every text is invented. A light verb of expressing ("express", "offer", "voice",
"share", "show", "indicate") with a noun of a view, a feeling or a remark as its object
reports what that view is about: "expressed concern about the tunnel" is a concern
whose content is "the tunnel". PolNeAR reads these as one phrasal cue ("expressed
concern about") with the preposition's object as the content.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from onrecord.quotes.phrasal import load_expressed
from quote_helpers import content_of, quotes_of

EXPRESSED = [
    pytest.param(
        "The harbour master expressed deep concern about the new ferry timetable.",
        "express",
        "the new ferry timetable",
        id="express-concern-about",
    ),
    pytest.param(
        "At the dinner the old rival offered a few kind words about the retiring judge.",
        "offer",
        "the retiring judge",
        id="offer-kind-words-about",
    ),
    pytest.param(
        "Several growers voiced strong support for the irrigation levy.",
        "voice",
        "the irrigation levy",
        id="voice-support-for",
    ),
    pytest.param(
        "The coach offered an emotional defense of the youth league.",
        "offer",
        "the youth league",
        id="offer-a-defense-of",
    ),
    pytest.param(
        "The survey showed little enthusiasm for the proposed tram line.",
        "show",
        "the proposed tram line",
        id="finding-shows-enthusiasm-for",
    ),
    pytest.param(
        "Farmers expressed frustration with the slow pace of the repairs.",
        "express",
        "the slow pace of the repairs",
        id="express-frustration-with",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), EXPRESSED)
def test_a_light_verb_of_expressing_reports_what_the_view_is_about(
    everything: QuoteExtractor, text: str, cue: str, content: str
) -> None:
    assert content_of(everything, text, cue) == (content, ())


def test_the_speaker_of_an_expressed_view_is_the_verbs_subject(
    everything: QuoteExtractor,
) -> None:
    text = "The harbour master expressed deep concern about the new ferry timetable."
    (quote,) = [q for q in quotes_of(everything, text) if q.cue == "express"]
    assert quote.speaker_text == "The harbour master"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The mayor voiced her support for the library bond.",
            "voice",
            "her support for the library bond",
            id="a-possessed-noun-is-reported-whole",
        ),
        pytest.param(
            "The chef offered a glimpse of the new menu.",
            "offer",
            "a glimpse of the new menu",
            id="a-noun-that-is-no-view-is-reported-whole",
        ),
        pytest.param(
            "The trustees defended the decision of the board.",
            "defend",
            "the decision of the board",
            id="a-verb-that-is-no-light-verb-keeps-its-object",
        ),
    ],
)
def test_other_objects_keep_the_whole_noun_phrase(
    everything: QuoteExtractor, text: str, cue: str, content: str
) -> None:
    assert content_of(everything, text, cue) == (content, ())


def test_the_lexicon_of_expressing_has_verbs_and_nouns() -> None:
    verbs, nouns = load_expressed()
    assert {"express", "offer", "voice"} <= verbs
    assert {"concern", "support", "praise"} <= nouns
    assert not verbs & nouns


QUESTIONS = [
    pytest.param(
        "The mayor will come on the show to talk about the harbour and how it is changing the town.",
        "talk about",
        "the harbour and how it is changing the town",
        id="talk-about-a-topic-and-how",
    ),
    pytest.param(
        "They talked about trade and how he would improve it as mayor.",
        "talk about",
        "trade and how he would improve it as mayor",
        id="talked-about-a-topic-and-how",
    ),
    pytest.param(
        "The profile identified his views on the tax and whether he will defend them in the autumn.",
        "identify",
        "his views on the tax and whether he will defend them in the autumn",
        id="a-finding-and-whether",
    ),
    pytest.param(
        "The council discussed the budget and whether the pool could stay open.",
        "discuss",
        "the budget and whether the pool could stay open",
        id="discuss-a-topic-and-whether",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), QUESTIONS)
def test_a_topic_goes_on_with_an_indirect_question_joined_by_and(
    everything: QuoteExtractor, text: str, cue: str, content: str
) -> None:
    assert content_of(everything, text, cue) == (content, ())


def test_a_question_after_a_comma_and_but_is_the_writers(everything: QuoteExtractor) -> None:
    text = "They talked about trade, but what the host wanted was a word on the strike."
    assert content_of(everything, text, "talk about") == ("trade", ())
