"""Uses of "see" that report a perception or a check still to be made, not a view (cues="all").

Every text is invented. "see" reports a belief when someone holds a view ("the council sees
the levy as unfair", "she saw that the plan would fail"); when it names watching an event
("they saw the crowd turn on him") or looking for an answer ("we waited to see if the vote
held") nobody's stance is reported. Each use dropped is paired with one that still counts.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue

NOT_A_VIEW = [
    pytest.param(
        "The delegates waited to see if the harbour vote would hold.",
        id="waited-to-see-if",
    ),
    pytest.param(
        "It is hard to see how the tram plan survives another winter.",
        id="hard-to-see-how",
    ),
    pytest.param(
        "Hundreds of residents came to see Lena Ortiz open the new library.",
        id="came-to-see-her-open",
    ),
    pytest.param(
        "Ruth Alvarez saw her lead shrink after the second debate.",
        id="saw-her-lead-shrink",
    ),
    pytest.param(
        "The mayor was seen leaving the town hall by a side door.",
        id="was-seen-leaving",
    ),
]

A_VIEW = [
    pytest.param(
        "The council sees the harbour levy as a tax on the poor.",
        id="sees-x-as-y",
    ),
    pytest.param(
        "Lena Ortiz saw that the tram plan would not pass.",
        id="saw-that",
    ),
    pytest.param(
        "The harbour levy is widely seen as a tax on the poor.",
        id="seen-as",
    ),
]


@pytest.mark.parametrize("text", NOT_A_VIEW)
def test_watching_or_looking_with_see_gives_no_attribution(
    everything: QuoteExtractor, text: str
) -> None:
    assert by_cue(everything, text, "see") == []


@pytest.mark.parametrize("text", A_VIEW)
def test_see_that_reports_a_view_still_gives_one(everything: QuoteExtractor, text: str) -> None:
    assert len(by_cue(everything, text, "see")) == 1


OTHER_NON_VIEWS = [
    pytest.param(
        "The mayor toured the east ward on Monday, focusing on the flooded streets.",
        "focus on",
        id="focusing-on-in-an-adverbial-clause",
    ),
    pytest.param(
        "Ruth Alvarez knows the harbour district better than anyone on the council.",
        "know",
        id="knows-a-place",
    ),
    pytest.param(
        "The new clerk already knows all the voters on her street.",
        "know",
        id="knows-people",
    ),
]

OTHER_VIEWS = [
    pytest.param(
        "The mayor focused on the flooded streets in her speech on Monday.",
        "focus on",
        id="focused-on-as-main-verb",
    ),
    pytest.param(
        "Ruth Alvarez knows that the harbour levy will not pass.",
        "know",
        id="knows-that",
    ),
]


@pytest.mark.parametrize(("text", "cue"), OTHER_NON_VIEWS)
def test_focus_in_passing_and_knowing_a_thing_give_no_attribution(
    everything: QuoteExtractor, text: str, cue: str
) -> None:
    assert by_cue(everything, text, cue) == []


@pytest.mark.parametrize(("text", "cue"), OTHER_VIEWS)
def test_focusing_or_knowing_as_a_view_still_gives_one(
    everything: QuoteExtractor, text: str, cue: str
) -> None:
    assert len(by_cue(everything, text, cue)) == 1


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Three guards were hurt in the attack on the harbour depot last spring.",
            id="the-attack-on-a-place",
        ),
        pytest.param(
            "The council met a week after the deadly attacks on the ferry terminal.",
            id="the-deadly-attacks-on",
        ),
    ],
)
def test_the_attack_on_as_a_known_event_gives_no_attribution(
    everything: QuoteExtractor, text: str
) -> None:
    assert by_cue(everything, text, "attack on") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ruth Alvarez's attack on the harbour levy drew cheers from the traders.",
            id="her-attack-on",
        ),
        pytest.param(
            "Lena Ortiz launched a sharp attack on the mayor's budget.",
            id="a-sharp-attack-on",
        ),
    ],
)
def test_an_attack_on_with_an_author_still_gives_one(everything: QuoteExtractor, text: str) -> None:
    assert len(by_cue(everything, text, "attack on")) == 1
