"""Speech cues that report, and the same words that do not: text -> the quotes found.

Every text is invented. "charge" with a noun object is an accusation ("prosecutors charged
the driver with arson"), a report of what the accuser said; the same verb with a price or a
sum of money ("the club charges a $900 fee") is not.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, quotes_of

CHARGED_WITH = [
    pytest.param(
        "Harbor police charged the ferry pilot with reckless navigation on Friday.",
        "the ferry pilot with reckless navigation",
        id="charged-someone-with-an-offence",
    ),
    pytest.param(
        "Last month the county attorney charged Dana Whitlow.",
        "Dana Whitlow",
        id="charged-someone-alone",
    ),
]


@pytest.mark.parametrize(("text", "content"), CHARGED_WITH)
def test_an_accusation_by_charge_reports_whom_it_accuses(
    speech: QuoteExtractor, text: str, content: str
) -> None:
    assert [q.text for q in by_cue(speech, text, "charge")] == [content]


NOT_AN_ACCUSATION = [
    pytest.param(
        "The marina charges a $900 mooring fee for the summer.",
        id="a-sum-of-money",
    ),
    pytest.param(
        "Whatever the landlord charged the bakery for rent went unpaid.",
        id="for-a-price",
    ),
]


@pytest.mark.parametrize("text", NOT_AN_ACCUSATION)
def test_a_price_charged_reports_nothing(speech: QuoteExtractor, text: str) -> None:
    assert by_cue(speech, text, "charge") == []


WON_NOT_SAID = [
    pytest.param("The mayor claimed the nomination on the second ballot.", id="a-nomination"),
    pytest.param("The rebels claimed more territory along the river.", id="territory"),
    pytest.param("The freighter company is claiming residency in Malta.", id="residency"),
    pytest.param("Ostrander won the race, claiming 58 percent of the vote.", id="a-share"),
]


@pytest.mark.parametrize("text", WON_NOT_SAID)
def test_a_prize_or_a_share_claimed_is_won_not_said(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "claim") == []


def test_a_claim_of_a_fact_or_of_victory_is_still_reported(speech: QuoteExtractor) -> None:
    text = "The mayor claimed victory before midnight. Her rival claimed that the count was rigged."
    assert [q.text for q in by_cue(speech, text, "claim")] == [
        "victory",
        "that the count was rigged",
    ]


def test_calling_off_a_deal_reports_nothing(speech: QuoteExtractor) -> None:
    text = "The two dairies called off their merger after the audit."
    assert by_cue(speech, text, "call") == []


def test_calling_for_a_deal_is_still_reported(speech: QuoteExtractor) -> None:
    text = "The two dairies called for a merger."
    assert [q.text for q in by_cue(speech, text, "call for")] == ["a merger"]


GOING_ON = [
    pytest.param(
        "Her permit was still valid, so she continued to renew it each spring.",
        id="continued-to-do",
    ),
    pytest.param("The strike at the cannery could continue for some time.", id="lasting-for"),
]


@pytest.mark.parametrize("text", GOING_ON)
def test_continue_as_going_on_reports_nothing(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "continue") == []


def test_continue_carrying_a_statement_on_is_still_reported(speech: QuoteExtractor) -> None:
    text = "The ferry will run late on Sunday, the harbor master continued."
    assert [q.text for q in by_cue(speech, text, "continue")] == [
        "The ferry will run late on Sunday"
    ]


def test_a_charge_stated_in_a_clause_is_reported_even_with_money_in_it(
    speech: QuoteExtractor,
) -> None:
    text = "The auditor charges that the mill owners paid $40,000 to the inspectors."
    assert [q.text for q in by_cue(speech, text, "charge")] == [
        "that the mill owners paid $40,000 to the inspectors"
    ]


def test_continue_with_a_that_clause_is_still_reported(speech: QuoteExtractor) -> None:
    text = "The harbor master continued that the ferry would run late on Sunday."
    assert [q.text for q in by_cue(speech, text, "continue")] == [
        "that the ferry would run late on Sunday"
    ]


WRITERS_HEDGE = [
    pytest.param("It is too soon to say whether the new pier will hold.", id="too-soon-to-say"),
    pytest.param("It's fair to say that the ferry was never popular.", id="fair-to-say"),
    pytest.param("It is hard to tell if the levy will pass.", id="hard-to-tell"),
]


@pytest.mark.parametrize("text", WRITERS_HEDGE)
def test_an_impersonal_it_is_adjective_to_say_reports_nobody(
    speech: QuoteExtractor, text: str
) -> None:
    assert [q.cue for q in quotes_of(speech, text) if q.cue in ("say", "tell")] == []


SAID_BY_SOMEONE = [
    pytest.param(
        "The harbor master was quick to say that the pier will hold.", id="a-subject-quick-to-say"
    ),
    pytest.param(
        "It is important for the mayor to say that the pier will hold.", id="an-agent-for-whom"
    ),
]


@pytest.mark.parametrize("text", SAID_BY_SOMEONE)
def test_saying_with_a_subject_or_an_agent_is_still_reported(
    speech: QuoteExtractor, text: str
) -> None:
    assert [q.text for q in by_cue(speech, text, "say")] == ["that the pier will hold"]
