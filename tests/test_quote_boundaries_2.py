"""Where reported content ends after a comma, and which cue words report nothing.

Every text is invented. Each case names the construction whose boundary it pins down:
what follows the comma is either more of what was said or the writer's own addition.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import content_of, quotes_of

CASES = [
    pytest.param(
        "The coach said the club was building a new stadium, as well as a training ground.",
        "say",
        ("the club was building a new stadium, as well as a training ground", ()),
        id="as-well-as-adds-an-item-to-the-content",
    ),
    pytest.param(
        "Ramos described a quiet weekend at home with her family, as the perfect holiday.",
        "describe",
        ("a quiet weekend at home with her family, as the perfect holiday", ()),
        id="as-with-a-noun-phrase-is-the-predicate-of-the-content",
    ),
    pytest.param(
        "The manager said the team would keep its coach, as it did last season.",
        "say",
        ("the team would keep its coach", ()),
        id="as-with-a-clause-is-the-writers-comparison",
    ),
    pytest.param(
        "The governor said the state would finish the road by June, even if the rain continues.",
        "say",
        ("the state would finish the road by June, even if the rain continues", ()),
        id="even-if-qualifies-the-claim",
    ),
    pytest.param(
        "The governor said the state would finish the road by June, "
        "even though the rain has slowed the work.",
        "say",
        ("the state would finish the road by June", ()),
        id="even-though-is-the-writers-concession",
    ),
    pytest.param(
        "The mayor said landlords should be fined, but not tenants who pay late.",
        "say",
        ("landlords should be fined, but not tenants who pay late", ()),
        id="but-not-with-a-relative-clause-is-no-clause-of-the-writer",
    ),
    pytest.param(
        "The letters covered many dull subjects, the paper said, including budgets and travel.",
        "say",
        (
            "The letters covered many dull subjects, the paper said, including budgets and travel",
            ("The letters covered many dull subjects", "including budgets and travel"),
        ),
        id="phrase-after-a-parenthetical-cue-goes-on-with-the-content",
    ),
    pytest.param(
        "The senator argued the pipeline, which few voters oppose, would never be built.",
        "argue",
        ("the pipeline, which few voters oppose, would never be built", ()),
        id="relative-clause-closed-by-a-comma-inside-the-content-is-kept",
    ),
    pytest.param(
        "The aide said the plan failed, which surprised nobody in the office.",
        "say",
        ("the plan failed", ()),
        id="relative-clause-on-the-whole-content-is-the-writers",
    ),
    pytest.param(
        "The governor said voters are “tired of waiting” but also hopeful about the plan.",
        "say",
        ("voters are “tired of waiting” but also hopeful about the plan", ()),
        id="but-also-after-a-quotation-goes-on-with-the-predicate",
    ),
    pytest.param(
        "The aide said he needed to connect Ruiz, a wealthy local donor, with the mayor's office.",
        "say",
        ("he needed to connect Ruiz, a wealthy local donor, with the mayor's office", ()),
        id="apposition-closed-by-a-comma-inside-the-content-is-kept",
    ),
    pytest.param(
        "The aide said the council met Ruiz, a wealthy local donor.",
        "say",
        ("the council met Ruiz", ()),
        id="apposition-at-the-end-of-the-content-is-the-writers-gloss",
    ),
    pytest.param(
        "The organizer said she expected a large crowd, "
        "which “will show the council how many people care about the park.”",
        "say",
        (
            "she expected a large crowd, "
            "which “will show the council how many people care about the park.”",
            (),
        ),
        id="quoted-words-after-the-comma-with-no-cue-of-their-own-are-the-speakers",
    ),
    pytest.param(
        "The organizer said she expected a large crowd, which would show the council how "
        "many people care about the park.",
        "say",
        ("she expected a large crowd", ()),
        id="unquoted-relative-clause-after-the-comma-is-the-writers",
    ),
    pytest.param(
        "The farmer said he had received offers for the land, "
        "but “the offers were far too low for anyone to accept.”",
        "say",
        (
            "he had received offers for the land, "
            "but “the offers were far too low for anyone to accept.”",
            (),
        ),
        id="quoted-clause-after-comma-and-but-goes-on-with-the-content",
    ),
    pytest.param(
        "The mayor said she admires the plan and praised its author at length.",
        "say",
        ("she admires the plan", ()),
        id="verb-in-the-cues-tense-after-bare-and-is-the-reporters-next-act",
    ),
    pytest.param(
        "The mayor says she admires the plan and hopes it passes.",
        "say",
        ("she admires the plan and hopes it passes", ()),
        id="verb-in-the-contents-tense-after-bare-and-goes-on-with-the-content",
    ),
    pytest.param(
        "The plan is a good one, the mayor said, because it costs the city nothing at all.",
        "say",
        (
            "The plan is a good one, the mayor said, because it costs the city nothing at all",
            ("The plan is a good one", "because it costs the city nothing at all"),
        ),
        id="reason-after-a-cue-placed-inside-the-content-is-its-second-piece",
    ),
    pytest.param(
        "The governor pledged to cut the tax, fix the broken bridge and hire more teachers.",
        "pledge",
        ("to cut the tax, fix the broken bridge and hire more teachers", ()),
        id="bare-infinitives-after-the-first-are-items-of-the-same-pledge",
    ),
    pytest.param(
        "The senator noted the floods, her support for the rescue crews and her work on new jobs.",
        "note",
        ("the floods, her support for the rescue crews and her work on new jobs", ()),
        id="noun-phrase-list-taken-for-an-apposition-is-one-content",
    ),
    pytest.param(
        "The senator said she is staying in the race, despite trailing badly in the polls.",
        "say",
        ("she is staying in the race, despite trailing badly in the polls", ()),
        id="despite-with-a-gerund-is-the-speakers-own-concession",
    ),
    pytest.param(
        "The senator said she is staying in the race, despite a poor showing in the polls.",
        "say",
        ("she is staying in the race", ()),
        id="despite-with-a-noun-phrase-is-the-writers",
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_content_extent(speech: QuoteExtractor, text: str, cue: str, expected) -> None:
    assert content_of(speech, text, cue) == expected


NOT_REPORTS = [
    pytest.param(
        "The city clerk reported on Tuesday.",
        "report",
        id="a-date-alone-is-when-the-report-was-made-not-what-was-said",
    ),
]


@pytest.mark.parametrize(("text", "cue"), NOT_REPORTS)
def test_no_report(speech: QuoteExtractor, text: str, cue: str) -> None:
    assert [q.text for q in quotes_of(speech, text) if q.cue == cue] == []
