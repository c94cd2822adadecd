"""Cue words used where they attribute nothing: a fifth round of precision rules.

Every text is invented. Each rule drops a use of a cue word that reports nobody's words or
stance, and each is paired with a use that still counts:

- a report in a later sentence of a quotation left open to the end of its paragraph (a speech
  quoted paragraph by paragraph) is part of the quoted speaker's words;
- content that is only the medium or occasion after "on" ("wrote on a blog") says where
  something was said, not what;
- "figure to" (be likely to) is no one's reckoning;
- "won the endorsement of X" names X as the one endorsing, not what is endorsed.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of, quotes_of

# a speech quoted paragraph by paragraph: each paragraph opens a quotation never closed
SPEECH_IN_PARAGRAPHS = (
    "Ines Marlow spoke to the crowd in the square on Friday night.\n\n"
    "\u201cI grew up on this street, in a house my father built with his own hands. "
    "Some people say this town is finished, and I know how hard the winters have been.\n\n"
    "\u201cEvery morning I think about the people who told me the mill would never reopen. "
    "They were wrong.\n\n"
    "\u201cSo thank you all for coming tonight.\u201d"
)


def test_a_report_inside_an_open_quotation_is_the_speakers_own_words(
    everything: QuoteExtractor,
) -> None:
    reports = [q.cue for q in quotes_of(everything, SPEECH_IN_PARAGRAPHS) if q.kind == "indirect"]
    # "say" and "know" in the opening paragraph's second sentence, "tell" in a paragraph
    # that continues the quotation
    assert reports == []


def test_a_report_after_a_closed_quotation_still_counts(everything: QuoteExtractor) -> None:
    text = (
        "\u201cI grew up on this street,\u201d Ines Marlow said. "
        "She believes the mill will reopen next spring."
    )
    content, _ = content_of(everything, text, "believe")
    assert content == "the mill will reopen next spring"


def test_a_missing_closing_mark_still_ends_at_its_own_cue(speech: QuoteExtractor) -> None:
    text = "\u201cThe harbour talks are over for this year, Tomas Reyes said on Monday.\n\nThe port closed."
    found = by_cue(speech, text, "say")
    assert len(found) == 1
    assert found[0].text.startswith("\u201cThe harbour talks are over")


ON_A_MEDIUM = [
    pytest.param(
        "Tomas Reyes, writing on his blog, agreed with the council.",
        "write",
        id="writing-on-his-blog",
    ),
    pytest.param(
        "The full list of names has now been posted on another website.",
        "post",
        id="posted-on-a-website",
    ),
    pytest.param(
        "His assumption, confidently stated on live television, was wrong.",
        "state",
        id="stated-on-television",
    ),
    pytest.param(
        "The council's apology was widely criticized on social media.",
        "criticize",
        id="criticized-on-social-media",
    ),
]


@pytest.mark.parametrize(("text", "cue"), ON_A_MEDIUM)
def test_the_medium_a_thing_was_said_on_is_not_what_was_said(
    everything: QuoteExtractor, text: str, cue: str
) -> None:
    assert by_cue(everything, text, cue) == []


def test_what_was_written_on_a_medium_still_counts(everything: QuoteExtractor) -> None:
    text = "One volunteer wrote on a community blog: \u201cWe will win the ward.\u201d"
    content, _ = content_of(everything, text, "write")
    assert content == "\u201cWe will win the ward.\u201d"


def test_a_topic_after_on_is_still_what_was_said(everything: QuoteExtractor) -> None:
    text = "The mayor commented on the harbour levy during the meeting."
    content, _ = content_of(everything, text, "comment")
    assert content.startswith("the harbour levy")


NOT_A_RECKONING = [
    pytest.param(
        "The senator figures to do well in the northern suburbs next month.",
        id="figures-to-do-well",
    ),
    pytest.param(
        "It is a lead that figures to help her in the autumn.",
        id="lead-that-figures-to-help",
    ),
]


@pytest.mark.parametrize("text", NOT_A_RECKONING)
def test_figure_meaning_likely_reports_nothing(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "figure") == []


def test_figuring_that_is_still_a_reckoning(everything: QuoteExtractor) -> None:
    text = "Ines Marlow figured that the harbour vote would pass easily."
    content, _ = content_of(everything, text, "figure")
    assert content == "that the harbour vote would pass easily"


RECEIVED = [
    pytest.param(
        "Last week Ines Marlow won the endorsement of the dockworkers' union.",
        id="won-the-endorsement-of",
    ),
    pytest.param(
        "Tomas Reyes received the endorsement of the former governor on Friday.",
        id="received-the-endorsement-of",
    ),
]


@pytest.mark.parametrize("text", RECEIVED)
def test_an_endorsement_received_does_not_make_the_endorser_the_content(
    everything: QuoteExtractor, text: str
) -> None:
    assert by_cue(everything, text, "endorsement of") == []


def test_someones_endorsement_of_a_candidate_still_counts(everything: QuoteExtractor) -> None:
    text = "The union's endorsement of Ines Marlow surprised the council."
    content, _ = content_of(everything, text, "endorsement of")
    assert content == "Ines Marlow"
