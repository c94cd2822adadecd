"""A quotation carried over paragraphs stays one quotation, whatever cue words it quotes.

Texts are invented. A speech quoted paragraph by paragraph (each paragraph opens with a
mark, only the last one closes) is one attribution in several pieces; a verb of saying or
thinking inside it is the speaker's own words and must not end it.
"""

from __future__ import annotations

from tests.quote_helpers import by_cue

from onrecord.quotes import QuoteExtractor

OPENING = "Farrow spoke on Thursday.\n\n"


def pieces(extractor: QuoteExtractor, text: str) -> list[str]:
    (quote,) = by_cue(extractor, text, "say")
    return [text[a:b] for a, b in quote.spans]


def test_a_quotation_over_two_paragraphs_is_one_quote(speech: QuoteExtractor) -> None:
    text = OPENING + "Farrow said: “The looms are old.\n\n“They break every week.”"
    assert pieces(speech, text) == ["“The looms are old.", "“They break every week.”"]


def test_a_thinking_verb_inside_the_quotation_does_not_end_it(speech: QuoteExtractor) -> None:
    text = (
        OPENING + "Farrow said: “The owners have never once asked us what we think.\n\n"
        "“Last spring we asked them to fix the looms. They did nothing.”"
    )
    assert pieces(speech, text) == [
        "“The owners have never once asked us what we think.",
        "“Last spring we asked them to fix the looms. They did nothing.”",
    ]


def test_a_speech_verb_inside_a_later_paragraph_does_not_end_it(
    everything: QuoteExtractor,
) -> None:
    text = (
        OPENING + "“We have worked these floors for forty years,” Farrow said. "
        "“The owners never asked us what we think.\n\n"
        "“Last spring I told them the looms needed repair. They did nothing.\n\n"
        "“Now they want us to take their money and walk away.”"
    )
    assert len(pieces(everything, text)) == 4
    assert by_cue(everything, text, "tell") == []
    assert by_cue(everything, text, "think") == []


def test_an_open_quotation_with_its_own_cue_inside_still_ends_there(
    speech: QuoteExtractor,
) -> None:
    text = OPENING + "“The looms are old, Farrow said. Nobody listens."
    (quote,) = by_cue(speech, text, "say")
    assert quote.text == "“The looms are old"
