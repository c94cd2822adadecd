"""Non-speech attributions whose cue is not a verb of saying: judging, naming, deciding.

Every text is invented. With ``cues="all"`` the extractor reports stances and findings as
well as speech; these cases pin down the cue classes added for them: verbs of judging
someone in words, verbs of naming, nouns of deciding or intending with their infinitive,
and nouns of a mental state with the preposition that opens what it is about.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes.cues import load_cues
from onrecord.quotes.prefilter import blank_unneeded
from quote_helpers import found


def test_new_cue_classes_are_stances_not_speech() -> None:
    lexicon = load_cues()
    assert lexicon.classify("congratulate") == "thought"
    assert lexicon.classify("dub") == "thought"
    assert ("decision", "to") in lexicon.noun_phrases
    assert ("doubt", "about") in lexicon.noun_phrases
    # a verb of saying keeps its class: "confirmed the report" is still speech
    assert lexicon.classify("confirm") == "speech"


CASES = [
    pytest.param(
        "The governor congratulated the rowing team on its third title.",
        ("congratulate", "thought", "the rowing team on its third title", "The governor"),
        id="judgment-verb-object",
    ),
    pytest.param(
        "Council members derided the budget as a fantasy.",
        ("deride", "thought", "the budget as a fantasy", "Council members"),
        id="judgment-verb-object-and-predicate",
    ),
    pytest.param(
        "Critics dubbed the new bridge a monument to waste.",
        ("dub", "thought", "the new bridge a monument to waste", "Critics"),
        id="naming-verb-object-and-name",
    ),
    pytest.param(
        "The mayor's decision to close the harbor angered the fishing fleet.",
        ("decision to", "thought", "to close the harbor", "The mayor"),
        id="noun-with-infinitive",
    ),
    pytest.param(
        "Mr. Varga's refusal not to sign the pact surprised no one.",
        ("refusal to", "thought", "not to sign the pact", "Mr. Varga"),
        id="noun-with-negated-infinitive",
    ),
    pytest.param(
        "The union's doubts about the merger have only grown.",
        ("doubt about", "thought", "the merger", "The union"),
        id="mental-state-noun-with-preposition",
    ),
    pytest.param(
        "Many growers are worried about the new tariff.",
        ("worried", "thought", "the new tariff", "Many growers"),
        id="adjective-of-feeling-with-preposition",
    ),
    pytest.param(
        "Mr. Lund's answer was that the law is clear.",
        ("answer", "speech", "that the law is clear", "Mr. Lund"),
        id="noun-of-saying-as-subject-of-be",
    ),
    pytest.param(
        "The hope is that prices will fall next year.",
        ("hope", "thought", "that prices will fall next year", None),
        id="noun-of-thinking-as-subject-of-be",
    ),
    pytest.param(
        "The fishermen's union took issue with the new quotas.",
        ("take issue with", "thought", "the new quotas", "The fishermen's union"),
        id="light-verb-noun-and-preposition",
    ),
    pytest.param(
        "In a poll released Monday, most voters backed a new ferry line.",
        ("in poll", "finding", "most voters backed a new ferry line", "a poll released Monday"),
        id="prepositional-source-before-the-clause",
    ),
    pytest.param(
        "In her view, the tax will hurt small farms.",
        ("in view", "thought", "the tax will hurt small farms", "her"),
        id="prepositional-source-of-opinion",
    ),
    pytest.param(
        "The council voted to repeal the parking fee.",
        ("vote", "thought", "to repeal the parking fee", "The council"),
        id="verb-of-choosing-with-infinitive",
    ),
    pytest.param(
        "Her rivals painted the mayor as a spendthrift.",
        ("paint", "thought", "the mayor as a spendthrift", "Her rivals"),
        id="verb-of-putting-a-view-into-words",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_non_speech_cue_reports_its_content(everything, text, expected) -> None:
    assert expected in found(everything, text)


@pytest.mark.parametrize(
    "text",
    [
        # an effort or an attempt is something done, not a stance reported
        "Her efforts to rebuild the pier took years.",
        # the infinitive says what the plan is for, not what was planned
        "The port has a plan for the winter, and it is easy to follow.",
        # readiness is no stance: "ready to leave" reports nothing
        "She was ready to leave the room.",
        # a standing in the polls is no finding of one poll
        "Mr. Lund has soared in the polls since March.",
    ],
)
def test_nouns_of_doing_are_no_cue(everything, text) -> None:
    assert found(everything, text) == []


def test_speech_only_extractor_leaves_stances_out(speech) -> None:
    result = speech(Article(text="The governor congratulated the rowing team.", source="test"))
    assert result.quotes == ()


def test_a_copular_cue_inside_a_quotation_is_the_speakers_words(everything) -> None:
    text = '"My hope," he said, "is that the council will listen."'
    assert [cue for cue, *_ in found(everything, text)] == ["say"]


def test_hearsay_adverb_reports_its_clause_without_a_source(everything) -> None:
    text = "The Harbor Trust is reportedly weighing a sale of its fleet."
    (quote,) = everything(Article(text=text, source="test")).quotes
    assert (quote.cue, quote.cue_class, quote.speaker_text) == ("reportedly", "finding", None)
    # the adverb is the cue, not part of what is reported: two pieces either side of it
    assert [text[a:b] for a, b in quote.spans] == [
        "The Harbor Trust is",
        "weighing a sale of its fleet",
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # an aside on someone inside the sentence is no report of its own
        ("Mr. Lund, who reportedly owns three boats, declined the offer.", "decline"),
        # with a verb of saying, the verb reports what was said
        ("The mayor reportedly said that the bridge would reopen.", "say"),
    ],
)
def test_hearsay_adverb_gives_way(everything, text, cue) -> None:
    assert [c for c, *_ in found(everything, text)] == [cue]


@pytest.mark.parametrize(
    "sentence",
    [
        "In a new statewide poll, most voters backed the ferry line.",
        "Her decision to close the harbor came late.",
        "The rival camp took a parting shot at the mayor.",
    ],
)
def test_prefilter_keeps_sentences_whose_only_cue_is_a_phrase(sentence) -> None:
    # the first line is always kept; the sentence under test is the second
    text = f"Harbor news.\n\nThe weather was mild. {sentence}"
    kept, _ = blank_unneeded(text, speech_only=False)
    assert sentence in kept
    assert "The weather was mild." not in kept
    # in speech-only mode none of these is a report of speech
    kept_speech, _ = blank_unneeded(text, speech_only=True)
    assert sentence not in kept_speech


def test_idiom_with_a_pronoun_object_frames_what_follows(everything) -> None:
    text = "As one fisherman put it, the quotas are a death sentence."
    assert found(everything, text) == [
        ("put it", "thought", "the quotas are a death sentence", "one fisherman")
    ]
    # without "as" or a colon to frame anything, "put it" reports nothing
    assert found(everything, "He put it on the shelf and left.") == []


def test_participle_after_a_verb_of_saying_is_the_same_act(everything) -> None:
    text = '"The pier is safe," she said, outlining the repairs.'
    assert [cue for cue, *_ in found(everything, text)] == ["say"]
    # on its own, the same verb reports its object
    assert found(everything, "The mayor outlined the repairs.") == [
        ("outline", "thought", "the repairs", "The mayor")
    ]
