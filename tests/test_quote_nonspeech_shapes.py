"""Shapes of non-speech attributions: impressions, expectations, stances and findings.

Every text is invented. With ``cues="all"`` the extractor reports beliefs, wishes,
impressions and findings as well as speech; each test pins down the parse shape whose
content is the part the attribution is about.
"""

from __future__ import annotations

from onrecord.model import Quote
from quote_helpers import by_cue, quotes_of


def pieces(quote: Quote, text: str) -> list[str]:
    """The content of a quote as the list of its pieces' texts."""
    return [text[a:b] for a, b in quote.spans or ((quote.start, quote.end),)]


# --- "seem" and "appear": an impression nobody is named for ---------------------------------


def test_pronoun_subject_with_infinitive_is_what_seems_so(everything) -> None:
    text = "She appeared to be losing patience with the committee."
    (quote,) = by_cue(everything, text, "appear")
    assert pieces(quote, text) == ["She", "to be losing patience with the committee"]
    assert quote.speaker is None


def test_subject_with_adjective_predicate_is_what_seems_so(everything) -> None:
    text = "By Friday the new budget seemed oddly thin."
    (quote,) = by_cue(everything, text, "seem")
    assert pieces(quote, text) == ["the new budget", "oddly thin"]


def test_expletive_it_reports_the_clause(everything) -> None:
    text = "It seems the council will delay the vote until spring."
    (quote,) = by_cue(everything, text, "seem")
    assert quote.text == "the council will delay the vote until spring"


def test_expletive_it_with_adjective_keeps_the_adjective(everything) -> None:
    text = "It now seems likely that the mayor will veto the bill."
    (quote,) = by_cue(everything, text, "seem")
    assert quote.text == "likely that the mayor will veto the bill"


def test_a_speech_report_inside_the_impression_stays_its_own(everything) -> None:
    text = "He appeared to say that the tariffs would stay."
    found = quotes_of(everything, text)
    assert [q.cue for q in found] == ["say"]
    assert found[0].text == "that the tariffs would stay"


# --- a passive belief or finding with an infinitive: "is expected to", "was shown to" ------------


def test_passive_expectation_is_about_its_subject_and_infinitive(everything) -> None:
    text = "The harbor bridge is expected to reopen next month."
    (quote,) = by_cue(everything, text, "expect")
    assert pieces(quote, text) == ["The harbor bridge", "to reopen next month"]
    assert quote.speaker is None


def test_passive_finding_names_its_source_by_agent(everything) -> None:
    text = "The old figures were shown by an audit to be wrong."
    (quote,) = by_cue(everything, text, "show")
    assert pieces(quote, text) == ["The old figures", "to be wrong"]
    assert quote.speaker_text == "an audit"


def test_expletive_it_of_a_passive_expectation_is_left_out(everything) -> None:
    text = "It is expected to rain through the weekend."
    (quote,) = by_cue(everything, text, "expect")
    assert quote.text == "to rain through the weekend"


# --- a stance held about a noun phrase that goes on past a comma ----------------------------------


def test_stance_object_goes_on_with_including(everything) -> None:
    text = "The mayor backs a ban on plastic bags, including the thin ones at markets."
    (quote,) = by_cue(everything, text, "back")
    assert quote.text == "a ban on plastic bags, including the thin ones at markets"


def test_stance_object_still_ends_before_a_relative_clause(everything) -> None:
    text = "The union endorsed the new contract, which runs for three years."
    (quote,) = by_cue(everything, text, "endorse")
    assert quote.text == "the new contract"


def test_passive_belief_with_a_predicate_noun(everything) -> None:
    text = "The old harbor is considered a safe anchorage."
    (quote,) = by_cue(everything, text, "consider")
    assert pieces(quote, text) == ["The old harbor", "a safe anchorage"]


def test_passive_belief_inside_a_report_of_speech_is_left_to_the_speech(everything) -> None:
    text = "The old harbor would be considered a safe anchorage, the captain said."
    found = quotes_of(everything, text)
    assert [q.cue for q in found] == ["say"]


# --- a noun of thinking equated by "be" with a clause -------------------------------------------


def test_noun_cue_equated_with_a_clause_reports_the_clause(everything) -> None:
    text = "Their fear is that the new road will split the village."
    (quote,) = by_cue(everything, text, "fear")
    assert quote.text == "that the new road will split the village"
    assert quote.speaker_text == "Their"


def test_noun_cue_with_whether_clause(everything) -> None:
    text = "The main worry is whether the council can pay for it."
    (quote,) = by_cue(everything, text, "worry")
    assert quote.text == "whether the council can pay for it"


def test_noun_cue_inside_a_quotation_is_the_speakers_own_words(everything) -> None:
    text = '"My hope," she said, "is that the river stays clean."'
    found = quotes_of(everything, text)
    assert [q.cue for q in found] == ["say"]


def test_when_a_stance_was_taken_is_not_part_of_it(everything) -> None:
    text = "The teachers' union endorsed Maria Lopez in February."
    (quote,) = by_cue(everything, text, "endorse")
    assert quote.text == "Maria Lopez"
