"""Uses of the finding verbs "find" and "determine" that report no finding (cues="all").

Every text is invented. "find" reports a finding when someone found something out ("the audit
found that the fund was short"); "found himself embroiled in a quarrel" only says where
someone ended up.
"determine" reports a finding when someone settled a question ("the inspectors determined
that the wiring was faulty") or set out to ("are trying to determine whether ..."); "turnout
will determine who wins" is about what decides an outcome, and nobody found anything. Each
use dropped is paired with one that still counts.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue

NOT_A_FINDING = [
    pytest.param(
        "find",
        "The senator once again found himself embroiled in a quarrel over the budget.",
        id="found-himself-embroiled",
    ),
    pytest.param(
        "find",
        "The candidates found themselves targeted by late attack ads.",
        id="found-themselves-targeted",
    ),
    pytest.param(
        "find",
        "After the vote the party found itself playing defence on the harbour tax.",
        id="found-itself-playing",
    ),
    pytest.param(
        "determine",
        "Turnout in the northern valleys will determine who wins the county seat.",
        id="will-determine-who",
    ),
    pytest.param(
        "determine",
        "The ruling could help determine whether the tram levy survives.",
        id="help-determine-whether",
    ),
    pytest.param(
        "determine",
        "The board picks a new chair, who would determine which schools close first.",
        id="would-determine-which",
    ),
]

A_FINDING = [
    pytest.param(
        "find",
        "The audit found that the harbour fund was short by two million dollars.",
        "that the harbour fund was short by two million dollars",
        id="found-that",
    ),
    pytest.param(
        "determine",
        "The inspectors determined that the wiring in the depot was faulty.",
        "that the wiring in the depot was faulty",
        id="determined-that",
    ),
    pytest.param(
        "determine",
        "The council is trying to determine whether the bridge can stay open.",
        "whether the bridge can stay open",
        id="trying-to-determine-whether",
    ),
]


@pytest.mark.parametrize(("cue", "text"), NOT_A_FINDING)
def test_a_finding_verb_in_another_sense_reports_nothing(
    everything: QuoteExtractor, cue: str, text: str
) -> None:
    assert by_cue(everything, text, cue) == []


@pytest.mark.parametrize(("cue", "text", "content"), A_FINDING)
def test_a_finding_is_still_reported(
    everything: QuoteExtractor, cue: str, text: str, content: str
) -> None:
    assert [q.text for q in by_cue(everything, text, cue)] == [content]
