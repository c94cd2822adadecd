"""Belief and finding cues used where they report nobody's stance are not attributions.

Every text is invented. With ``cues="all"`` a stance verb or noun gives an attribution; these
cases pin down the uses that do not: a question put to the reader ("Do you support …?"), an
order or suggestion with no subject ("Now, compare …"), "you know" as a filler, and a stance
inside the stretch another report runs over. Each is paired with the same cue used to report
someone's stance, which still counts.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor


def found(extractor: QuoteExtractor, text: str) -> list[tuple[str | None, str, str]]:
    """(cue, cue class, content) of each quote found in the text."""
    result = extractor(Article(text=text, source="test"))
    return [(q.cue, q.cue_class, q.text) for q in result.quotes]


NOT_STANCES = [
    pytest.param(
        "Do you support the new parking levy? Sign up for our weekly newsletter.",
        "support",
        id="yes-no-question-to-the-reader",
    ),
    pytest.param(
        "What do you think of the mayor's plan for the harbour?",
        "think",
        id="wh-question-to-the-reader",
    ),
    pytest.param(
        "Do you think the mayor will run again?",
        "think",
        id="question-to-the-reader-with-a-clause",
    ),
    pytest.param(
        "Now, compare that with the figures from last spring.",
        "compare",
        id="imperative-suggestion",
    ),
    pytest.param("Don't believe them.", "believe", id="negative-imperative"),
    pytest.param(
        "And you know, friends, you know, we can win this.",
        "know",
        id="you-know-as-a-filler",
    ),
    pytest.param(
        '"We will win this district," said Ann Ames, who has long backed the mayor. '
        '"The town is with us."',
        "back",
        id="stance-inside-the-stretch-of-a-quotation",
    ),
]


@pytest.mark.parametrize(("text", "cue"), NOT_STANCES)
def test_cue_in_a_sense_that_reports_no_stance(
    everything: QuoteExtractor, text: str, cue: str
) -> None:
    assert cue not in [c for c, _, _ in found(everything, text)]


STANCES = [
    pytest.param(
        "Most shop owners support the new parking levy.",
        ("support", "thought", "the new parking levy"),
        id="stance-of-a-subject-in-a-statement",
    ),
    pytest.param(
        "Voters think the mayor will run again.",
        ("think", "thought", "the mayor will run again"),
        id="belief-in-a-statement",
    ),
    pytest.param(
        "The council compared the plan with the one from last spring.",
        ("compare", "thought", "the plan with the one from last spring"),
        id="compare-with-a-subject",
    ),
    pytest.param(
        "Ann Ames, who has long backed the mayor, spoke to reporters on Monday.",
        ("back", "thought", "the mayor"),
        id="stance-outside-any-report",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STANCES)
def test_same_cue_reporting_a_stance_still_counts(
    everything: QuoteExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(everything, text)


def test_the_quotation_around_a_stance_is_kept(everything: QuoteExtractor) -> None:
    text = (
        '"We will win this district," said Ann Ames, who has long backed the mayor. '
        '"The town is with us."'
    )
    assert [c for c, _, _ in found(everything, text)] == ["say"]
