"""Nested attributions: a report whose cue lies inside another report's content.

Every text is invented. "The mayor said she believes the levy will pass" holds two cues, but
the belief is part of what the mayor said: one attribution, the outer one, whose content takes
in the inner report whole. This holds whatever the classes of the two cues (speech around a
belief, a belief around speech, a finding around a belief, speech around a finding) and however
deep the inner cue sits (a clause, a gerund, an infinitive after an adjective, a chain of
reports). Measured on the PolNeAR training split, an inner report set beside its outer one
matches a gold attribution of its own about one time in eight, and handing the content to the
inner report instead loses the outer match far more often than it gains one, in every
configuration; so the outer report stands alone. A report whose cue lies outside the other's
content (a sentence or a clause of its own) is not nested and stands.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import found

NESTED = [
    pytest.param(
        "The mayor said she believes the harbour levy will pass in the spring.",
        ("say", "speech", "she believes the harbour levy will pass in the spring", "The mayor"),
        id="belief-inside-speech",
    ),
    pytest.param(
        "Tom Ames said the council had told him the bridge would close for a month.",
        (
            "say",
            "speech",
            "the council had told him the bridge would close for a month",
            "Tom Ames",
        ),
        id="speech-inside-speech",
    ),
    pytest.param(
        "Rita Lee thinks most voters want a new stadium by the river.",
        ("think", "thought", "most voters want a new stadium by the river", "Rita Lee"),
        id="wish-inside-belief",
    ),
    pytest.param(
        "Rita Lee believes the mayor said the levy would be dropped.",
        ("believe", "thought", "the mayor said the levy would be dropped", "Rita Lee"),
        id="speech-inside-belief",
    ),
    pytest.param(
        "The survey shows that most residents believe the parking levy is unfair.",
        (
            "show",
            "finding",
            "that most residents believe the parking levy is unfair",
            "The survey",
        ),
        id="belief-inside-finding",
    ),
    pytest.param(
        "The minister said the audit found no sign of fraud at the port authority.",
        ("say", "speech", "the audit found no sign of fraud at the port authority", "The minister"),
        id="finding-inside-speech",
    ),
    pytest.param(
        "Tom Ames said the union is considering endorsing Rita Lee for the council seat.",
        (
            "say",
            "speech",
            "the union is considering endorsing Rita Lee for the council seat",
            "Tom Ames",
        ),
        id="stance-gerund-inside-speech",
    ),
    pytest.param(
        "The governor said she was willing to meet the striking nurses next week.",
        ("say", "speech", "she was willing to meet the striking nurses next week", "The governor"),
        id="stance-adjective-inside-speech",
    ),
]


@pytest.mark.parametrize(("text", "outer"), NESTED)
def test_a_nested_report_is_part_of_the_outer_one(
    everything: QuoteExtractor, text: str, outer: tuple[str, str, str, str]
) -> None:
    assert found(everything, text) == [outer]


def test_a_chain_of_reports_keeps_only_the_outermost(everything: QuoteExtractor) -> None:
    text = "Tom Ames said Rita Lee thinks the mayor believes the levy will pass."
    assert found(everything, text) == [
        ("say", "speech", "Rita Lee thinks the mayor believes the levy will pass", "Tom Ames")
    ]


def test_speech_inside_a_belief_is_not_a_speech_quote_of_its_own(
    speech: QuoteExtractor,
) -> None:
    """With speech cues only, the belief is left out and the speech inside it goes with it:
    what the mayor said is reported here only as the content of someone's belief."""
    assert found(speech, "Rita Lee believes the mayor said the levy would be dropped.") == []


def test_speech_around_a_belief_is_kept_with_speech_cues_only(speech: QuoteExtractor) -> None:
    text = "The mayor said she believes the harbour levy will pass in the spring."
    assert found(speech, text) == [
        ("say", "speech", "she believes the harbour levy will pass in the spring", "The mayor")
    ]


def test_a_report_outside_the_other_content_stands(everything: QuoteExtractor) -> None:
    """A stance in a sentence of its own is not inside what was said: both stand."""
    text = "Tom Ames said the plan would fail. Rita Lee, who opposes the plan, was not asked."
    assert found(everything, text) == [
        ("say", "speech", "the plan would fail", "Tom Ames"),
        ("oppose", "thought", "the plan", "who"),
    ]
