"""Speech-cue content extent and speech false positives, fourth round.

Every text is invented. A cue whose object is the one addressed ("asked him", "called
the senator", "urged them") reports nothing when that person is all the content there is:
the one asked is not what was asked.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of


@pytest.mark.parametrize(
    ("text", "cue", "person"),
    [
        pytest.param("“Why now?” she asked me.", "ask", "me", id="pronoun"),
        pytest.param("Activists urged them.", "urge", "them", id="urged-pronoun"),
        pytest.param(
            "Governor Halvorsen called Peter Lindqvist.", "call", "Peter Lindqvist", id="name"
        ),
    ],
)
def test_a_content_that_is_only_the_person_addressed_is_not_reported(
    speech: QuoteExtractor, text: str, cue: str, person: str
) -> None:
    assert person not in [q.text for q in by_cue(speech, text, cue)]


def test_the_question_before_the_one_asked_is_what_was_asked(speech: QuoteExtractor) -> None:
    text = "“Where were you last week?” the host asked him. The guest smiled."
    assert content_of(speech, text, "ask")[0] == "“Where were you last week?”"


def test_the_question_asked_of_a_named_person_is_still_the_content(
    speech: QuoteExtractor,
) -> None:
    text = "The reporter asked Maria Delgado whether she would run again."
    assert content_of(speech, text, "ask")[0] == "whether she would run again"


def test_a_person_named_with_what_they_were_called_is_still_the_content(
    speech: QuoteExtractor,
) -> None:
    text = "The mayor called Peter Lindqvist a reckless spender."
    assert content_of(speech, text, "call")[0] == "Peter Lindqvist a reckless spender"


@pytest.mark.parametrize(
    "text",
    [
        "The plan has flaws. That said, the bridge will stay open through the winter.",
        "Turnout was low. That said, the incumbent still won by a wide margin in every ward.",
    ],
)
def test_the_connective_that_said_reports_nothing(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "say") == []


def test_a_report_after_the_connective_that_said_is_still_found(
    everything: QuoteExtractor,
) -> None:
    text = "The mayor conceded the point. That said, she added that the budget is tight."
    assert content_of(everything, text, "add")[0] == "that the budget is tight"
