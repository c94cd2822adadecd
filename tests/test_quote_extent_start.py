"""Where reported content begins: text -> the content of the quote of one cue.

Every text is invented. Content that comes before its cue ("…, the mayor said") can open
with the writer's own lead-in, ended by a colon or by a dash before a quotation; what was
said starts after it.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import content_of

CASES = [
    pytest.param(
        "The town faces a simple problem: the pool has been closed since March, the mayor said.",
        "say",
        "the pool has been closed since March",
        id="writer-lead-in-ended-by-a-colon-before-an-inverted-cue",
    ),
    pytest.param(
        "Turnout fell sharply in the north: only a third of voters came out, according to "
        "the election office.",
        "according to",
        "only a third of voters came out",
        id="lead-in-ended-by-a-colon-before-according-to",
    ),
    pytest.param(
        "Two of the trustees were unmoved by the appeal - “too little, too late,” Moreau said.",
        "say",
        "“too little, too late,”",
        id="lead-in-ended-by-a-dash-before-the-closing-quotation",
    ),
    pytest.param(
        "The club sent a short note to members - “We will reopen on Monday,” the manager wrote.",
        "write",
        "“We will reopen on Monday,”",
        id="dash-before-a-quotation-of-a-written-note",
    ),
    pytest.param(
        "A sign at the door said: “No entry after dark,” according to a guard.",
        "according to",
        "A sign at the door said: “No entry after dark,”",
        id="colon-after-a-verb-of-saying-belongs-to-the-report",
    ),
    pytest.param(
        "The numbers for 2015 – the year the plant closed – show a fall in wages, the agency said.",
        "say",
        "The numbers for 2015 – the year the plant closed – show a fall in wages",
        id="dash-pair-inside-the-content-is-no-lead-in",
    ),
    pytest.param(
        "“The budget will not” -- the treasurer paused here -- “survive another cut,” she said.",
        "say",
        "“The budget will not” -- the treasurer paused here -- “survive another cut,”",
        id="second-dash-closing-an-aside-opens-no-quotation",
    ),
    pytest.param(
        "The meeting ran for nine hours, the clerk said.",
        "say",
        "The meeting ran for nine hours",
        id="content-without-lead-in-is-unchanged",
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_content_start(speech: QuoteExtractor, text: str, cue: str, expected: str) -> None:
    assert content_of(speech, text, cue)[0] == expected


def test_colon_inside_a_quotation_is_no_lead_in(speech: QuoteExtractor) -> None:
    text = "The sheriff called the order “a mistake: a plain one” and refused to sign it, a deputy said."
    content, _ = content_of(speech, text, "say")
    assert content.startswith("The sheriff called the order “a mistake: a plain one”")
