"""Extent of non-speech content: where a finding's clause ends.

Every text is invented. A poll or study that "found" or "showed" something often reports
a comparison after a comma ("…, while 30 percent …", "…, compared with …"): that half is
part of what was found, not the writer's own addition, so the content goes on past it.
Other additions after a comma still end the content, and speech is unchanged.
"""

from __future__ import annotations

from onrecord.model import Quote
from quote_helpers import by_cue, quotes_of


def content(quote: Quote, text: str) -> str:
    return text[quote.start : quote.end]


def test_finding_goes_on_past_a_comparison_with_while(everything) -> None:
    text = (
        "The county survey found that 41 percent of renters backed the levy, "
        "while 35 percent of homeowners opposed it."
    )
    (quote,) = by_cue(everything, text, "find")
    assert content(quote, text) == (
        "that 41 percent of renters backed the levy, while 35 percent of homeowners opposed it"
    )


def test_finding_goes_on_past_a_comparison_with_compared(everything) -> None:
    text = (
        "The study showed 62 percent of nurses felt overworked, "
        "compared with 40 percent of doctors who said the same."
    )
    (quote,) = by_cue(everything, text, "show")
    assert content(quote, text).endswith("compared with 40 percent of doctors who said the same")


def test_finding_still_ends_before_a_relative_addition(everything) -> None:
    text = (
        "The audit found that the agency lost 300 laptops last year, "
        "which the minister later blamed on a contractor."
    )
    (quote,) = by_cue(everything, text, "find")
    assert content(quote, text) == "that the agency lost 300 laptops last year"


def test_speech_ends_before_while_as_before(speech) -> None:
    text = (
        "Mayor Dalby said that the bridge would reopen in May, "
        "while crews worked on the tunnel through the summer."
    )
    (quote,) = quotes_of(speech, text)
    assert text[quote.start : quote.end] == "that the bridge would reopen in May"
