"""Specification of onrecord.tone: diplomatic tone in [-1, 1] and its three labels."""

from __future__ import annotations

import pytest

from onrecord.tone import NEUTRAL_BAND, ToneScorer, tone_label


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return ToneScorer()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the diplomatic lexicon: phrases VADER does not know
        ("Ties between the two capitals are at an all-time low.", "negative"),
        ("The minister said relations had sunk to their lowest point.", "negative"),
        ("Relations with Brussels are icy.", "negative"),
        ("A total freeze in contacts has set in, the envoy said.", "negative"),
        ("The dispute has reached a cracking-up point.", "negative"),
        ("We face a long crisis with our neighbours.", "negative"),
        ("The spokesman called the move hostile.", "negative"),
        ("There are signs of a thaw between the capitals.", "positive"),
        ("Both governments spoke of a reset.", "positive"),
        ("We now see light at the end of the tunnel.", "positive"),
        ("The talks were held in a spirit of mutual respect.", "positive"),
        ("The summit brought a revival of contacts.", "positive"),
        # negation reaches through the clause
        ("There is no hope for improvement.", "negative"),
        ("Officials showed no interest in peace.", "negative"),
        ("We cannot see any light at the end of the tunnel.", "negative"),
        ("The minister does not expect a thaw.", "negative"),
        ("We will never trust them again.", "negative"),
        # hedges
        ("A return to partnership is hardly possible.", "negative"),
        ("A reset is unlikely this year.", "negative"),
        # the register: names and institutions are not praise
        ("The United States Security Council met on Monday.", "neutral"),
        ("The intelligence services will brief the defence committee.", "neutral"),
        ("No decision has been taken yet, the spokesman said.", "neutral"),
        ("The delegation will arrive in Oslo on Tuesday.", "neutral"),
    ],
)
def test_label_of_diplomatic_statements(scorer: ToneScorer, text: str, label: str) -> None:
    assert tone_label(scorer(text)) == label


@pytest.mark.parametrize(
    "text",
    ["", "...", "Great great great great great great great great success!!!", "hostile " * 50],
)
def test_score_stays_in_range(scorer: ToneScorer, text: str) -> None:
    assert -1.0 <= scorer(text) <= 1.0


def test_empty_text_is_neutral(scorer: ToneScorer) -> None:
    assert scorer("") == 0.0


def test_stronger_wording_scores_further_from_zero(scorer: ToneScorer) -> None:
    assert scorer("Relations are at an all-time low and in deep crisis.") < scorer(
        "Relations are strained."
    )


def test_negating_a_negative_turns_it_positive(scorer: ToneScorer) -> None:
    assert scorer("The differences are not insurmountable.") > 0
    assert scorer("The differences are insurmountable.") < 0


def test_text_after_but_weighs_more(scorer: ToneScorer) -> None:
    assert scorer("There were hopes, but the talks collapsed.") < 0
    assert scorer("The talks collapsed, but there are hopes of a reset.") > 0


def test_phrases_match_on_word_boundaries(scorer: ToneScorer) -> None:
    # "icy" inside "policy" is not the adjective "icy"
    assert scorer("The policy was outlined.") == 0.0


def test_curly_apostrophes_count_as_negation(scorer: ToneScorer) -> None:
    assert scorer("We don’t expect a thaw.") == scorer("We don't expect a thaw.")


def test_hits_explain_the_score(scorer: ToneScorer) -> None:
    hits = scorer.hits("There is no hope for improvement.")
    assert [h.text for h in hits] == ["no hope", "improvement"]
    assert hits[1].negated and hits[1].valence < 0


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (-1.0, "negative"),
        (-NEUTRAL_BAND, "negative"),
        (0.0, "neutral"),
        (NEUTRAL_BAND / 2, "neutral"),
        (NEUTRAL_BAND, "positive"),
        (1.0, "positive"),
    ],
)
def test_tone_label_bands(score: float, label: str) -> None:
    assert tone_label(score) == label
