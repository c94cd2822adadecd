"""Reports of speech whose content the parse hides: text -> the quote of one cue.

Every text is invented. Each case names the construction the extractor must still read as
a report of what someone said.
"""

from __future__ import annotations

from onrecord.quotes import QuoteExtractor
from quote_helpers import quotes_of


def test_a_gerund_subject_opens_the_content_of_said(speech: QuoteExtractor) -> None:
    text = "The mayor said widening the road would cut the commute by half."
    found = [(q.cue, q.speaker_text, q.text) for q in quotes_of(speech, text)]
    assert ("say", "The mayor", "widening the road would cut the commute by half") in found


def test_according_to_reports_the_clause_before_it_not_trailing_adjuncts(
    speech: QuoteExtractor,
) -> None:
    text = (
        "Most residents oppose the new stadium, according to a city survey last month - "
        "nearly the same share as in the spring."
    )
    found = [(q.cue, q.text) for q in quotes_of(speech, text)]
    assert ("according to", "Most residents oppose the new stadium") in found


def test_a_cue_set_off_by_commas_reports_the_clause_around_it(speech: QuoteExtractor) -> None:
    text = "The new budget, the treasurer said, “leaves nothing for the parks” this year."
    found = [q for q in quotes_of(speech, text) if q.cue == "say"]
    assert len(found) == 1
    quote = found[0]
    assert quote.speaker_text == "the treasurer"
    assert [text[a:b] for a, b in quote.spans] == [
        "The new budget",
        "“leaves nothing for the parks” this year",
    ]


def test_called_for_someone_to_act_reports_the_infinitive_clause(speech: QuoteExtractor) -> None:
    text = "The mayor also called for all donors to disclose their gifts."
    found = [(q.speaker_text, q.text) for q in quotes_of(speech, text) if q.cue == "call"]
    assert found == [("The mayor", "all donors to disclose their gifts")]


def test_a_trailing_participle_cue_reports_its_own_object(speech: QuoteExtractor) -> None:
    text = (
        "The company has firmly rejected the safety complaints, pointing to a clean record "
        "of inspections since 2010."
    )
    found = [q.text for q in quotes_of(speech, text) if q.cue == "point to"]
    assert found == ["a clean record of inspections since 2010"]


def test_a_pronoun_object_is_content_with_its_as_predicate(speech: QuoteExtractor) -> None:
    text = "Even the coach's supporters have described it as a costly blunder."
    found = [q.text for q in quotes_of(speech, text) if q.cue == "describe"]
    assert found == ["it as a costly blunder"]


def test_a_relative_object_and_its_as_predicate_are_two_pieces(speech: QuoteExtractor) -> None:
    text = "She thanked the voters of Maine, which she describes as her true home."
    found = [q for q in quotes_of(speech, text) if q.cue == "describe"]
    assert len(found) == 1
    assert [text[a:b] for a, b in found[0].spans] == ["which", "as her true home"]


def test_a_dateline_dash_is_never_a_cue(speech: QuoteExtractor) -> None:
    text = "DENVER ― The governor’s office said it is searching for a new budget director."
    found = [(q.cue, q.text) for q in quotes_of(speech, text)]
    assert found == [("say", "it is searching for a new budget director")]


def test_a_passive_report_is_spoken_by_its_agent(speech: QuoteExtractor) -> None:
    text = "The club's plan to sell the stadium was first reported by a local radio station."
    found = [(q.speaker_text, q.text) for q in quotes_of(speech, text) if q.cue == "report"]
    assert found == [("a local radio station", "The club's plan to sell the stadium")]
