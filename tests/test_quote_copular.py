"""Copular attributions: adjectives of knowing and "make clear".

Every text is invented. An adjective of knowing ("clear", "unclear", "obvious", "apparent",
"evident", "unknown") after "be", "remain" or "become" reports its "that" clause; "make
(it) clear" reports the clause or the object after "clear", said by the subject of "make".
"""

from __future__ import annotations

from quote_helpers import by_cue, quotes_of

# --- an adjective of knowing with its "that" clause ------------------------------------------


def test_expletive_it_is_clear_reports_the_clause_nobody_named(everything) -> None:
    text = "It is clear that the ferry service will not resume before June."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the ferry service will not resume before June"
    assert quote.cue_class == "thought"
    assert quote.speaker is None


def test_negated_knowing_adjective_reports_the_clause_too(everything) -> None:
    text = "It was not clear that the inspectors had read the earlier report."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the inspectors had read the earlier report"


def test_clause_without_that_is_reported(everything) -> None:
    text = "It's obvious the harbour board wants a new chairman."
    (quote,) = by_cue(everything, text, "obvious")
    assert quote.text == "the harbour board wants a new chairman"


def test_remain_links_the_adjective_like_be(everything) -> None:
    text = "It remains unclear that the loan was ever repaid."
    (quote,) = by_cue(everything, text, "unclear")
    assert quote.text == "that the loan was ever repaid"


def test_a_person_subject_is_the_source(everything) -> None:
    text = "The treasurer was clear that the pension fund would not be touched."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the pension fund would not be touched"
    assert quote.speaker_text == "The treasurer"


def test_an_indirect_question_is_not_reported(everything) -> None:
    for text in (
        "It is unclear whether the council will vote on the plan.",
        "It was not clear why the figures changed overnight.",
    ):
        assert by_cue(everything, text, "unclear") == []
        assert by_cue(everything, text, "clear") == []


def test_without_a_clause_the_adjective_reports_nothing(everything) -> None:
    for text in (
        "The road to the summit is clear for the cyclists.",
        "The cause of the outage remains unknown.",
    ):
        assert [q.cue for q in quotes_of(everything, text)] == []


def test_only_with_all_cues(speech) -> None:
    text = "It is evident that the new timetable suits nobody."
    assert quotes_of(speech, text) == []


# --- "make (it) clear" ------------------------------------------------------------------------


def test_made_it_clear_reports_the_clause_of_the_subject(everything) -> None:
    text = "The governor made it clear that she would veto the fishing bill."
    (quote,) = by_cue(everything, text, "make clear")
    assert quote.text == "that she would veto the fishing bill"
    assert quote.speaker_text == "The governor"
    assert text[quote.cue_start : quote.cue_end] == "made it clear"


def test_made_clear_with_a_time_adjunct_between(everything) -> None:
    text = "The mayor made clear on Monday that the library budget would not pass."
    (quote,) = by_cue(everything, text, "make clear")
    assert quote.text == "that the library budget would not pass"
    assert quote.speaker_text == "The mayor"


def test_a_stance_inside_what_was_made_clear_is_part_of_it(everything) -> None:
    text = "The coach made it clear that he wanted a younger squad."
    assert [q.cue for q in quotes_of(everything, text)] == ["make clear"]


def test_make_clear_without_clause_or_object_is_no_report(everything) -> None:
    text = "The new signs make the exit clear to visitors."
    assert by_cue(everything, text, "make clear") == []
