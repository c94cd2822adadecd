"""Where speech content ends: the writer's setting of a report is not what was said.

Every text is invented. A speech cue whose content is an object ("criticized the plan",
"called for an audit", "explained her vote") is often followed by the writer's account
of when, where or on what occasion it was voiced: a date ("in March", "on Friday"), an
event or venue ("during a debate", "in an interview", "at a rally") or a clause of when
("when the accounts were published"). What was said ends before such a phrase, but a
predicate of the cue after it ("described the rules during a briefing as …", "called
the proposal on Monday “…”") still belongs to the content. A clause content keeps its
own time clause: there the parse puts it inside the clause.
"""

from __future__ import annotations

import pytest

from quote_helpers import content_of


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The mayor criticized the harbour plan during a budget debate.",
            "criticize",
            "the harbour plan",
        ),
        ("The governor announced his candidacy in March.", "announce", "his candidacy"),
        (
            "The senator explained her vote in an interview with a local station.",
            "explain",
            "her vote",
        ),
        ("The coach praised his players at a rally in the square.", "praise", "his players"),
        (
            "Ms. Okafor denied the allegations through a spokeswoman.",
            "deny",
            "the allegations",
        ),
        (
            "The council called for an audit when the accounts were published.",
            "call for",
            "an audit",
        ),
    ],
)
def test_speech_object_ends_before_the_writers_setting(speech, text, cue, expected) -> None:
    assert content_of(speech, text, cue)[0] == expected


def test_a_predicate_after_the_setting_still_belongs_to_the_content(speech) -> None:
    text = 'The chief described the new rules during a briefing as "long overdue."'
    assert content_of(speech, text, "describe")[0].startswith("the new rules")
    assert content_of(speech, text, "describe")[0].endswith('"long overdue."')


def test_a_named_predicate_after_a_date_still_belongs_to_the_content(speech) -> None:
    text = 'Mr. Lind called the proposal on Monday "a gift to landlords."'
    assert content_of(speech, text, "call")[0] == 'the proposal on Monday "a gift to landlords."'


def test_a_topic_after_the_object_is_kept(speech) -> None:
    text = "The mayor warned residents about the flooding on the coast road."
    assert content_of(speech, text, "warn")[0].endswith("the flooding on the coast road")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator said she would keep campaigning in the north -- even as her rival"
            " closed the gap in the polls.",
            "she would keep campaigning in the north",
        ),
        (
            "The mayor said the budget would be balanced by June - though the council has yet"
            " to vote on it.",
            "the budget would be balanced by June",
        ),
    ],
)
def test_a_typed_dash_opens_the_writers_aside_as_an_em_dash_does(speech, text, expected) -> None:
    assert content_of(speech, text, "say")[0] == expected


def test_a_typed_dash_before_a_noun_phrase_is_left_to_the_content(speech) -> None:
    text = (
        "Ms. Ruiz said the levy would fund the new clinic - a promise she first made last spring."
    )
    assert content_of(speech, text, "say")[0].endswith("a promise she first made last spring")


def test_a_hyphen_inside_a_word_is_no_dash(speech) -> None:
    text = "The mayor said the budget would be balanced by June-though the council has yet to act."
    assert content_of(speech, text, "say")[0].endswith("the council has yet to act")


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The senator has said she wants a new ferry for the island and has voted for the"
            " harbour bill twice.",
            "say",
            "she wants a new ferry for the island",
        ),
        (
            "The company denies that the spill was its fault and runs a hotline for residents.",
            "deny",
            "that the spill was its fault",
        ),
    ],
)
def test_a_verb_in_the_cues_form_after_a_bare_and_is_the_reporters(
    speech, text, cue, expected
) -> None:
    assert content_of(speech, text, cue)[0] == expected


def test_a_perfect_verb_goes_on_with_a_perfect_content(speech) -> None:
    text = "The mayor has said the ferry has been late all week and has cost the town dearly."
    assert content_of(speech, text, "say")[0].endswith("and has cost the town dearly")


def test_a_stance_voiced_on_social_media_ends_before_it(everything) -> None:
    text = "The governor attacked her rival on Twitter."
    assert content_of(everything, text, "attack")[0] == "her rival"


def test_speech_on_the_campaign_trail_ends_before_it(speech) -> None:
    text = "The senator boasted about it on the campaign trail."
    assert content_of(speech, text, "boast")[0] == "it"
