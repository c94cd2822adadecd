"""The pre-filter keeps what quote finding and speaker resolution need, and no more.

A sentence is parsed when it can hold a quote (a quotation mark, a cue verb, a speaker
label) or when a speaker found elsewhere may be resolved through it: the first full name
behind a surname, the person a bare role noun refers to, the people named before a
"he" or "she". Everything else is blanked, offsets unchanged.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article, ArticleResult
from onrecord.quotes.prefilter import blank_unneeded


def kept_sentences(text: str, speakers: bool = True) -> list[str]:
    """The sentences of ``text`` the pre-filter leaves for the parser."""
    blanked, _ = blank_unneeded(text, speech_only=True, speakers=speakers)
    assert len(blanked) == len(text)
    return [s.strip() for s in blanked.splitlines() if s.strip()]


def lines(*sentences: str) -> str:
    """An article of one-sentence paragraphs (a headline first)."""
    return "\n\n".join(["Harbour news", *sentences]) + "\n"


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The harbour master’s boat was repainted in May.", False),  # apostrophe in a word
        ("Fishermen don’t expect the catch to grow this year.", False),
        ("The crews called it ‘a lost season’ by the end of June.", True),  # quotation marks
        ("Trawlers from the United States waited outside the port.", False),  # a name
        ("Prices reported by the auction house rose again.", True),  # a cue verb
        ("The state of the quay worried the inspectors.", False),  # after "the": a noun
        ("His remarks drew applause from the crews.", False),
        ("Inspectors state that the quay is unsafe.", True),
        ("The quota stays at last year's level as of 2025, says the ministry.", True),
        ("Says Port Chief To Crews: Sail At Dawn", True),  # a heading in title case
    ],
)
def test_a_sentence_is_parsed_when_it_can_hold_a_quote(sentence: str, kept: bool) -> None:
    assert (sentence in kept_sentences(lines(sentence), speakers=False)) is kept


def test_a_line_of_a_few_words_is_kept_so_the_parse_around_it_is_unchanged() -> None:
    text = lines("The auction opened late.", "___", "4:45 p.m.", "Nets dried on the quay.")
    assert kept_sentences(text, speakers=False) == ["Harbour news", "___", "4:45 p.m."]


def test_the_first_full_name_of_a_surname_a_cue_sentence_uses_is_kept() -> None:
    text = lines(
        "Astrid Lindqvist runs the harbour authority.",
        "Tariffs rose again in the autumn.",
        "Astrid Lindqvist also sits on the town council.",
        "“We will cope,” Lindqvist said.",
    )
    assert kept_sentences(text) == [
        "Harbour news",
        "Astrid Lindqvist runs the harbour authority.",
        "“We will cope,” Lindqvist said.",
    ]


def test_a_title_before_a_full_name_does_not_hide_it() -> None:
    text = lines(
        "Mayor Jonas Brekke opened the new fish market.",
        "“It took ten years,” Brekke said.",
    )
    assert "Mayor Jonas Brekke opened the new fish market." in kept_sentences(text)


def test_a_titled_surname_is_no_full_name() -> None:
    """ "Mr. Brekke" does not stand in for the full name that comes later."""
    text = lines(
        "Mr. Brekke was late.",
        "Jonas Brekke chairs the board.",
        "“We wait,” Brekke said.",
    )
    assert "Jonas Brekke chairs the board." in kept_sentences(text)


def test_a_bare_role_noun_keeps_the_sentence_naming_someone_with_that_role() -> None:
    text = lines(
        "Marta Kowalczyk became port director in May.",
        "The quay was closed for repairs over the summer.",
        "The director said the quay would reopen in spring.",
    )
    assert kept_sentences(text) == [
        "Harbour news",
        "Marta Kowalczyk became port director in May.",
        "The director said the quay would reopen in spring.",
    ]


def test_a_role_followed_by_a_name_needs_no_earlier_sentence() -> None:
    text = lines(
        "Marta Kowalczyk became port director in May.",
        "Director Ines Moreau said the quay would reopen in spring.",
    )
    assert "Marta Kowalczyk became port director in May." not in kept_sentences(text)


def test_a_pronoun_keeps_the_sentences_naming_people_since_the_last_named_one() -> None:
    text = lines(
        "Omar Haddad told the council the budget was spent.",
        "Nadia Saleh chairs the harbour board.",
        "the vote was close and the room was quiet.",
        "“We lost,” she said.",
    )
    assert kept_sentences(text) == [
        "Harbour news",
        "Omar Haddad told the council the budget was spent.",
        "Nadia Saleh chairs the harbour board.",
        "“We lost,” she said.",
    ]


def test_a_sentence_opening_with_a_name_counts_as_naming_someone() -> None:
    """The first word of a sentence is capitalised anyway: it counts as a name when the
    article also writes it capitalised inside a sentence."""
    text = lines(
        "The board heard from its chairman, Omar Haddad, on Monday.",
        "Haddad rejected the charge.",
        "Traffic was heavy on the coast road.",
        "“We will appeal,” he said.",
    )
    assert kept_sentences(text) == [
        "Harbour news",
        "The board heard from its chairman, Omar Haddad, on Monday.",
        "Haddad rejected the charge.",
        "“We will appeal,” he said.",
    ]


def test_speaker_context_costs_little_on_an_article_without_people() -> None:
    text = lines(
        "Cold water moved north in the spring.",
        "The shoals followed it, as they do most years.",
        "Prices at the auction held steady.",
    )
    _, with_context = blank_unneeded(text, speech_only=True)
    _, without = blank_unneeded(text, speech_only=True, speakers=False)
    assert with_context == without < 0.5


ARTICLE = (
    "Mackerel talks resume in Tromsø\n\n"
    "Nordland's fisheries minister Sigrid Aasen arrived in Tromsø on Tuesday for a third "
    "round of talks.\n\n"
    "The two delegations met for six hours behind closed doors.\n\n"
    "Aasen rejected the idea of a fixed share. The harbour was quiet. "
    "“No one leaves this room with everything,” she said after the session.\n\n"
    "The minister added that the fleet would wait for a deal before sailing.\n"
)


@pytest.fixture(scope="module")
def results() -> tuple[ArticleResult, ArticleResult]:
    from onrecord.pipeline import Pipeline

    article = Article(text=ARTICLE, source="invented.txt")
    full = Pipeline(prefilter=False)(article)
    prefiltered = Pipeline(prefilter=True)(article)
    return full, prefiltered


def test_speakers_resolve_to_the_same_names_with_the_prefilter(
    results: tuple[ArticleResult, ArticleResult],
) -> None:
    full, prefiltered = results
    assert [(q.start, q.end, q.speaker) for q in prefiltered.quotes] == [
        (q.start, q.end, q.speaker) for q in full.quotes
    ]
    assert {q.speaker for q in full.quotes} == {"Sigrid Aasen"}
