"""Extent of non-speech content: the occasion of a belief or stance is the writer's.

Every text is invented. When a stance or belief cue is followed by a clause that says
when it was held ("defended the plan when it reached the council", "backed him until he
quit", "endorsed it after the floods") or by a "given …" phrase weighing it, that clause
sets the scene; what was held ends before it. A finding's time clause belongs to what
was found, "when it comes to" names a topic rather than a time, and a speech clause keeps
its time clause (a speech object: tests/test_quote_extent_end.py).
"""

from __future__ import annotations

import pytest

from quote_helpers import by_cue


def content(extractor, text: str, cue: str) -> str:
    (quote,) = by_cue(extractor, text, cue)
    return text[quote.start : quote.end]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "Councillor Hart defended the parking levy when it reached the council in June.",
            "defend",
            "the parking levy",
        ),
        (
            "The union backed Ms. Ferro until she left the race in the spring.",
            "back",
            "Ms. Ferro",
        ),
        (
            "The senator endorsed the flood barrier after the river burst its banks twice.",
            "endorse",
            "the flood barrier",
        ),
        (
            "Residents supported the new library before the costs began to climb.",
            "support",
            "the new library",
        ),
    ],
)
def test_stance_ends_before_a_clause_of_when_it_was_held(everything, text, cue, expected):
    assert content(everything, text, cue) == expected


def test_belief_ends_before_a_given_phrase(everything) -> None:
    text = (
        "Economists expect Ms. Lund to be reappointed, given the custom of choosing a local banker."
    )
    assert content(everything, text, "expect") == "Ms. Lund to be reappointed"


def test_a_clause_of_reason_still_goes_on_with_the_stance(everything) -> None:
    text = "The mayor praised the volunteers because they cleared the park in a day."
    assert content(everything, text, "praise") == (
        "the volunteers because they cleared the park in a day"
    )


def test_a_finding_keeps_its_time_clause(everything) -> None:
    text = "The footage shows the driver waving at the crowd before the bus pulled away."
    assert content(everything, text, "show").endswith("before the bus pulled away")


def test_when_it_comes_to_is_a_topic_not_a_time(everything) -> None:
    text = "Most farmers favor the governor when it comes to water rights."
    assert content(everything, text, "favor").endswith("when it comes to water rights")


def test_speech_clause_keeps_its_time_clause(speech) -> None:
    text = "The minister said a new toll would start when the bridge reopened last week."
    assert (
        content(speech, text, "say") == "a new toll would start when the bridge reopened last week"
    )
