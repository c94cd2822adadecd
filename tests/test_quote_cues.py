"""The cue lexicon and cue recognition: which words report speech, a stance or a finding.

Every text is invented. Each case names the construction it pins down: noun cues with
their preposition, predicative adjectives of stance, clause-only finding cues, and the
verbs whose noun-phrase object is what was said.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor
from onrecord.quotes.cues import load_cues
from quote_helpers import found


def test_lexicon_marks_noun_and_adjective_cues() -> None:
    lexicon = load_cues()
    assert ("attack", "on") in lexicon.noun_phrases
    assert ("call", "for") in lexicon.noun_phrases
    assert "confident" in lexicon.adjectives
    assert lexicon.phrases[("unhappy", "with")] == "thought"
    # a verb phrase is no noun cue, a verb no adjective
    assert ("point", "to") not in lexicon.noun_phrases
    assert "assertion" in lexicon.noun_words  # "the assertion that …"
    assert "say" not in lexicon.adjectives


def test_lexicon_content_column_separates_clause_from_object_cues() -> None:
    lexicon = load_cues()
    assert "find" not in lexicon.object_content  # "found that …", not "found a sponsor"
    assert "think" in lexicon.object_content  # "thinks the plan a mistake", "thinks so"
    assert "explain" in lexicon.object_content  # "explained the new rules"
    assert "tell" not in lexicon.object_content  # "told the story" is no report
    assert lexicon.classify("signal") == "speech"
    assert lexicon.classify("portray") == "thought"


CASES = [
    pytest.param(
        "The senator's attacks on the governor grew sharper after the vote.",
        ("attack on", "thought", "the governor", "The senator"),
        id="noun-cue-with-preposition",
    ),
    pytest.param(
        "Farmers are confident that the harvest will recover.",
        ("confident", "thought", "that the harvest will recover", "Farmers"),
        id="adjective-with-that-clause",
    ),
    pytest.param(
        "Local officials were skeptical of the new budget.",
        ("skeptical", "thought", "the new budget", "Local officials"),
        id="adjective-with-preposition",
    ),
    pytest.param(
        "Union leaders were eager to end the dispute before winter.",
        ("eager", "thought", "to end the dispute before winter", "Union leaders"),
        id="adjective-with-infinitive",
    ),
    pytest.param(
        "The inspectors found that the archive had been moved.",
        ("find", "finding", "that the archive had been moved", "The inspectors"),
        id="finding-with-clause",
    ),
    pytest.param(
        "The mayor portrayed the strike as a betrayal of the city.",
        ("portray", "thought", "the strike as a betrayal of the city", "The mayor"),
        id="portray-object-as-predicate",
    ),
    pytest.param(
        "The minister explained the new rules to the farmers.",
        ("explain", "speech", "the new rules to the farmers", "The minister"),
        id="explain-object-content",
    ),
]


SPEECH_CASES = [
    pytest.param(
        "The merger was first reported by a regional newspaper.",
        ("report", "speech", "The merger", "a regional newspaper"),
        id="passive-with-agent",
    ),
    pytest.param(
        "The bank reported losing two million dollars in the first quarter.",
        ("report", "speech", "losing two million dollars in the first quarter", "The bank"),
        id="report-gerund",
    ),
    pytest.param(
        "The ministry did not respond to requests for comment.",
        ("respond to", "speech", "requests for comment", "The ministry"),
        id="respond-to-object",
    ),
    pytest.param(
        "Several economists agreed with the forecast.",
        ("agree with", "speech", "the forecast", "Several economists"),
        id="agree-with-object",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEECH_CASES)
def test_speech_cue_and_content(speech: QuoteExtractor, text: str, expected) -> None:
    assert found(speech, text) == [expected]


def test_parenthetical_cue_leaves_the_opening_to_the_content(speech: QuoteExtractor) -> None:
    text = (
        "At times last winter, people close to the governor said, the mere mention of "
        "the budget could make him angry."
    )
    result = speech(Article(text=text, source="test"))
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    pieces = [text[a:b] for a, b in quote.spans]
    assert pieces == [
        "At times last winter",
        "the mere mention of the budget could make him angry",
    ]
    assert quote.speaker_text == "people close to the governor"


def test_noun_cue_speaker_is_the_subject_of_its_verb(speech: QuoteExtractor) -> None:
    text = "The campaign issued a statement that the senator had recovered."
    assert found(speech, text) == [
        ("statement", "speech", "that the senator had recovered", "The campaign")
    ]


def test_a_noun_of_saying_on_a_cue_verb_leaves_the_report_to_the_verb(
    speech: QuoteExtractor,
) -> None:
    text = "The harbour authority said in a statement that the pier would reopen in May."
    assert found(speech, text) == [
        ("say", "speech", "that the pier would reopen in May", "The harbour authority")
    ]


def test_noun_of_belief_with_that_clause(everything: QuoteExtractor) -> None:
    text = "There is a widespread belief that the economy is weak."
    assert found(everything, text) == [("belief", "thought", "that the economy is weak", None)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cue_and_content(everything: QuoteExtractor, text: str, expected) -> None:
    assert found(everything, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The inspectors found a hidden archive in the basement.", id="found-a-thing"),
        pytest.param("The guests were happy.", id="adjective-without-complement"),
        pytest.param("A happy crowd waited for the results.", id="attributive-adjective"),
        pytest.param("The raids on the convoy stopped in May.", id="noun-not-in-lexicon"),
    ],
)
def test_no_report(everything: QuoteExtractor, text: str) -> None:
    assert found(everything, text) == []


def test_stances_stay_out_of_speech_output(speech: QuoteExtractor) -> None:
    text = "Farmers are confident that the harvest will recover. Local officials were skeptical of the new budget."
    assert found(speech, text) == []
