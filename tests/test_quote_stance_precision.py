"""Precision and extent of belief, stance and finding attributions (cues="all").

Every text is invented. A stance verb's object is what the stance is about; the writer's
setting of it (when, against what background, where it was voiced: "in an interview", "at a
rally") is not part of it. Some words that name a
stance elsewhere report none in the uses pinned down here; each is paired with the same word
used to report someone's stance, which still counts.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of

CIRCUMSTANCES = [
    pytest.param(
        "Lena Ortiz defended the budget despite the protests outside the town hall.",
        "defend",
        "the budget",
        id="despite",
    ),
    pytest.param(
        "The union backed the harbour plan amid growing anger over fares.",
        "back",
        "the harbour plan",
        id="amid",
    ),
    pytest.param(
        "Lena Ortiz endorsed the tram plan during a town hall meeting in the east ward.",
        "endorse",
        "the tram plan",
        id="during",
    ),
    pytest.param(
        "Senator Ruth Alvarez touted the harbour deal in an interview with a local paper.",
        "tout",
        "the harbour deal",
        id="in-an-interview",
    ),
    pytest.param(
        "The union attacked the mayor on social media after the vote.",
        "attack",
        "the mayor",
        id="on-social-media",
    ),
    pytest.param(
        "Lena Ortiz thanked her volunteers at a rally in the east ward.",
        "thank",
        "her volunteers",
        id="at-a-rally",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), CIRCUMSTANCES)
def test_a_stance_object_ends_before_the_writers_setting_of_it(
    everything: QuoteExtractor, text: str, cue: str, content: str
) -> None:
    assert content_of(everything, text, cue)[0] == content


def test_a_setting_inside_a_believed_clause_is_part_of_the_belief(
    everything: QuoteExtractor,
) -> None:
    text = "The committee hopes that the ferry returns during the summer."
    assert content_of(everything, text, "hope")[0] == "that the ferry returns during the summer"


def test_a_place_that_is_not_where_the_stance_was_voiced_stays_with_the_object(
    everything: QuoteExtractor,
) -> None:
    text = "Lena Ortiz backed the tram plan in the north of the county."
    assert content_of(everything, text, "back")[0] == "the tram plan in the north of the county"


NOT_STANCES = [
    pytest.param(
        "Ruth Alvarez, who is seeking reelection, opposed the harbour levy.",
        "seek",
        id="seeking-reelection",
    ),
    pytest.param(
        "Two of the candidates seeking the nomination have released their tax returns.",
        "seek",
        id="seeking-the-nomination",
    ),
    pytest.param(
        "The mayor did not return emails seeking comment.",
        "seek",
        id="emails-seeking-comment",
    ),
]


@pytest.mark.parametrize(("text", "cue"), NOT_STANCES)
def test_a_cue_word_that_reports_no_stance_gives_no_attribution(
    everything: QuoteExtractor, text: str, cue: str
) -> None:
    assert by_cue(everything, text, cue) == []


def test_seeking_something_other_than_an_office_is_a_wish_reported(
    everything: QuoteExtractor,
) -> None:
    text = "The council is seeking a delay of the vote until spring."
    assert content_of(everything, text, "seek")[0] == "a delay of the vote"
