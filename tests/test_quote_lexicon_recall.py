"""Cues the lexicon knows, in shapes where they used to find no content.

Every text is invented. With ``cues="all"`` a stance or belief in a relative clause whose
object is the relative pronoun, and a passive belief whose predicate is an "as" phrase,
report what they are about like their plainer forms do.
"""

from __future__ import annotations

from quote_helpers import by_cue, content_of

# --- a relative pronoun object: "the levy, which the mayor opposed" ---------------------------


def test_relative_pronoun_object_is_the_content(everything) -> None:
    text = "The council passed the levy, which the mayor had opposed for years."
    (quote,) = by_cue(everything, text, "oppose")
    assert quote.text == "which"
    assert quote.speaker_text == "the mayor"
    assert quote.cue_class == "thought"


def test_whom_as_object_is_the_content(everything) -> None:
    text = "The senator, whom most unions backed, lost the runoff."
    assert content_of(everything, text, "back") == ("whom", ())


def test_relative_that_with_no_pronoun_of_its_own_is_not_taken(everything) -> None:
    text = "The council passed the levy that the mayor had opposed."
    assert by_cue(everything, text, "oppose") == []


def test_relative_pronoun_subject_keeps_the_object_after_the_verb(everything) -> None:
    text = "Voters who opposed the levy stayed home."
    (quote,) = by_cue(everything, text, "oppose")
    assert quote.text == "the levy"


def test_relative_clause_of_a_speech_verb_is_not_taken(everything) -> None:
    text = "The plan, which he described to reporters, was delayed."
    assert by_cue(everything, text, "describe") == []


# --- a passive belief with "as": "the mayor is seen as the favourite" -------------------------


def test_passive_with_as_is_the_subject_and_what_it_is_taken_for(everything) -> None:
    text = "The mayor is widely seen as the favourite in the race."
    assert content_of(everything, text, "see") == (
        "The mayor is widely seen as the favourite in the race",
        ("The mayor", "the favourite in the race"),
    )


def test_passive_with_as_names_its_holder_by_the_agent(everything) -> None:
    text = "The new bridge was condemned by the council as a waste of money."
    (quote,) = by_cue(everything, text, "condemn")
    pieces = [text[a:b] for a, b in quote.spans]
    assert pieces == ["The new bridge", "a waste of money"]
    assert quote.speaker_text == "the council"


def test_passive_of_a_verb_outside_the_lexicon_with_as_reports_nothing(everything) -> None:
    text = "The tunnel was built as a shortcut."
    assert by_cue(everything, text, "build") == []


# --- a stance phrase after a report: "…, she said, referring to the school" -------------------


def test_participle_phrase_after_saying_reports_its_own_object(everything) -> None:
    text = "“We cannot wait another winter,” Lee said, referring to the flooded school."
    (quote,) = by_cue(everything, text, "refer to")
    assert quote.text == "the flooded school"
    assert quote.speaker_text == "Lee"


# --- "seem like" and "believe in" --------------------------------------------------------------


def test_seem_like_is_the_subject_and_what_it_is_likened_to(everything) -> None:
    text = "The new stadium seems like a costly mistake."
    (quote,) = by_cue(everything, text, "seem")
    assert [text[a:b] for a, b in quote.spans] == ["The new stadium", "like a costly mistake"]
    assert quote.speaker is None


def test_expletive_like_clause_stays_the_clause(everything) -> None:
    text = "It seems like the vote was lost."
    (quote,) = by_cue(everything, text, "seem")
    assert quote.text == "like the vote was lost"
    assert quote.spans == ()


def test_believe_in_reports_what_is_believed_in(everything) -> None:
    text = "Many farmers still believe in crop rotation."
    (quote,) = by_cue(everything, text, "believe in")
    assert quote.text == "crop rotation"
    assert quote.speaker_text == "Many farmers"


# --- "think so"; what research finds ----------------------------------------------------------


def test_think_so_is_a_belief_in_one_word(everything) -> None:
    text = "Will the mayor win in May? Her aides think so."
    (quote,) = by_cue(everything, text, "think")
    assert quote.text == "so"
    assert quote.speaker_text == "Her aides"


def test_what_an_audit_found_is_a_finding(everything) -> None:
    text = "The audit found no errors in the harbour ledger."
    (quote,) = by_cue(everything, text, "find")
    assert quote.text == "no errors in the harbour ledger"
    assert quote.cue_class == "finding"
    assert quote.speaker_text == "The audit"


def test_what_a_person_found_with_an_object_is_no_finding(everything) -> None:
    text = "The new coach found a spare key under the mat."
    assert by_cue(everything, text, "find") == []
