"""Attributions whose cue is outside the verbs of saying and believing: verbs that present
something as what it is said to be, and verbs of judging, dismissing or persuading.

Every text is invented. These are stances PolNeAR annotates (cues="all" only); none of
them is speech, so the default extractor returns nothing for them.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, found

PRESENTING = [
    pytest.param(
        "The governor cast her opponent as a friend of the oil companies.",
        ("cast", "thought", "her opponent as a friend of the oil companies", "The governor"),
        id="cast-someone-as-what-they-are-said-to-be",
    ),
    pytest.param(
        "Her campaign framed the runoff as a vote on the new stadium.",
        ("frame", "thought", "the runoff as a vote on the new stadium", "Her campaign"),
        id="frame-something-as",
    ),
    pytest.param(
        "The mayor pitched the riverside lot as a site for the new library.",
        ("pitch", "thought", "the riverside lot as a site for the new library", "The mayor"),
        id="pitch-something-as",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRESENTING)
def test_a_verb_of_presenting_with_its_predicate_reports_object_and_predicate(
    everything: QuoteExtractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert found(everything, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly four thousand members cast their ballots on Sunday.",
        "The carpenter framed the doorway before lunch.",
        "The scouts pitched their tents near the lake.",
    ],
    ids=["cast-a-ballot", "frame-a-doorway", "pitch-a-tent"],
)
def test_a_verb_of_presenting_without_a_predicate_reports_nothing(
    everything: QuoteExtractor, text: str
) -> None:
    assert [q for q in found(everything, text) if q[0] in ("cast", "frame", "pitch")] == []


JUDGING = [
    pytest.param(
        "The union persuaded the council to delay the vote on the depot.",
        ("persuade", "the council to delay the vote on the depot"),
        id="persuade-someone-to-act",
    ),
    pytest.param(
        "The chairman downplayed the risk of a strike at the port.",
        ("downplay", "the risk of a strike at the port"),
        id="downplay-a-risk",
    ),
    pytest.param(
        "The governor vetoed the bill on school boundaries.",
        ("veto", "the bill on school boundaries"),
        id="veto-a-bill",
    ),
    pytest.param(
        "Critics savaged the plan to close the rural clinics.",
        ("savage", "the plan to close the rural clinics"),
        id="savage-a-plan",
    ),
    pytest.param(
        "Local papers heralded the deal as a turning point for the valley.",
        ("herald", "the deal as a turning point for the valley"),
        id="herald-a-deal",
    ),
]


@pytest.mark.parametrize(("text", "expected"), JUDGING)
def test_a_verb_of_judging_or_persuading_reports_its_object(
    everything: QuoteExtractor, text: str, expected: tuple[str, str]
) -> None:
    cue, content = expected
    quotes = by_cue(everything, text, cue)
    assert [(q.cue_class, q.text) for q in quotes] == [("thought", content)]


@pytest.mark.parametrize("text", [p.values[0] for p in PRESENTING + JUDGING])
def test_these_stances_are_not_speech(speech: QuoteExtractor, text: str) -> None:
    assert found(speech, text) == []


PHRASAL_VERBS = [
    pytest.param(
        "The senator lashed out at the agency over the delayed grants.",
        ("lash out at", "thought", "the agency", "The senator"),
        id="lash-out-at",
    ),
    pytest.param(
        "Several mayors weighed in on the transit plan last week.",
        ("weigh in on", "thought", "the transit plan", "Several mayors"),
        id="weigh-in-on",
    ),
    pytest.param(
        "The teachers' union came out against the charter proposal.",
        ("come out against", "thought", "the charter proposal", "The teachers' union"),
        id="come-out-against",
    ),
    pytest.param(
        "The coach opened up about his struggles with the league.",
        ("open up about", "thought", "his struggles with the league", "The coach"),
        id="open-up-about",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PHRASAL_VERBS)
def test_a_phrasal_verb_with_its_preposition_reports_what_the_preposition_governs(
    everything: QuoteExtractor, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert found(everything, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The firefighters lashed out with their hoses at the flames.",
        "The shop owners came out in force on Sunday.",
    ],
    ids=["particle-then-another-preposition", "particle-with-no-listed-preposition"],
)
def test_a_phrasal_verb_without_its_listed_preposition_reports_nothing(
    everything: QuoteExtractor, text: str
) -> None:
    assert found(everything, text) == []
