"""Where reported content ends when a second clause follows it: text -> the content of the
quote of one cue.

Every text is invented. Each case names the construction whose boundary it pins down.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import quotes_of


def content_of(extractor: QuoteExtractor, text: str, cue: str) -> str:
    """The content of the one quote whose cue lemma is ``cue``."""
    found = [q for q in quotes_of(extractor, text) if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.text) for q in quotes_of(extractor, text)]
    return found[0].text


CASES = [
    pytest.param(
        'Mr. Lane said that his brother "could be stubborn," and that the family had'
        " struggled with the debts.",
        "say",
        'that his brother "could be stubborn," and that the family had struggled with the debts',
        id="second-that-clause-after-a-quotation-is-said-too",
    ),
    pytest.param(
        "Speaking at the harbor on Friday, the minister noted the coast guard returned the"
        " boat to its owner last week and it still carries the old registration number"
        " painted on its side.",
        "note",
        "the coast guard returned the boat to its owner last week and it still carries the"
        " old registration number painted on its side",
        id="clause-with-subject-after-bare-and-goes-on",
    ),
    pytest.param(
        'The envoy said her government was following the election with "quiet curiosity,"'
        " and there was a lively debate on television about the candidates.",
        "say",
        'her government was following the election with "quiet curiosity," and there was a'
        " lively debate on television about the candidates",
        id="there-clause-after-a-quotation-and-and-goes-on",
    ),
    pytest.param(
        "The governor said the state budget is tight this year and she thinks the"
        " legislature will approve the cuts.",
        "say",
        "the state budget is tight this year and she thinks the legislature will approve the cuts",
        id="a-belief-joined-by-and-goes-on-with-what-was-said",
    ),
    pytest.param(
        'Trump said on Monday that the caucus rules are "complex" and he feels he can win'
        " the primary next week.",
        "say",
        'that the caucus rules are "complex" and he feels he can win the primary next week',
        id="a-feeling-inside-the-content-does-not-split-it",
    ),
    pytest.param(
        "Ms. Reyes said the river had flooded twice this spring and residents fear another"
        " flood in June.",
        "say",
        "the river had flooded twice this spring and residents fear another flood in June",
        id="a-fear-inside-the-content-does-not-split-it",
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_content_boundary(speech: QuoteExtractor, text: str, cue: str, expected: str) -> None:
    assert content_of(speech, text, cue) == expected


def test_a_second_report_after_and_is_not_content(speech: QuoteExtractor) -> None:
    text = "The mayor said the budget was balanced and added that taxes would not rise."
    assert "added" not in content_of(speech, text, "say")


def test_a_second_speech_report_still_splits_the_content(speech: QuoteExtractor) -> None:
    text = "One in three voters said taxes were too high and one in four said roads were worse."
    contents = sorted(q.text for q in quotes_of(speech, text))
    assert contents == ["roads were worse", "taxes were too high"]
