"""Reported content around a cue set in an "as" clause, third round.

Every text is invented. "As the mayor noted, …" names a source for the clause it opens;
a verb in the same place that has a complement of its own ("As the league continues to
expand, …") says what someone is doing, and the clause after it reports nothing.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import quotes_of


def texts_of(extractor: QuoteExtractor, text: str, cue: str) -> list[str]:
    """The contents of the quotes whose cue lemma is ``cue``."""
    return [q.text for q in quotes_of(extractor, text) if q.cue == cue]


def test_an_as_clause_with_a_bare_cue_names_the_source_of_the_clause_after_it(
    speech: QuoteExtractor,
) -> None:
    text = "As the mayor noted, the bridge has been closed for a year."
    assert texts_of(speech, text, "note") == ["the bridge has been closed for a year"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "As the league continues to expand, the smaller clubs are struggling to find players.",
            id="to-infinitive",
        ),
        pytest.param(
            "As the museum continues restoring the east wing, visitors are being sent to a "
            "side entrance.",
            id="gerund",
        ),
    ],
)
def test_an_as_clause_whose_cue_has_its_own_complement_reports_nothing(
    speech: QuoteExtractor, text: str
) -> None:
    assert texts_of(speech, text, "continue") == []


def test_content_never_ends_inside_a_stretch_the_parser_did_not_read() -> None:
    from onrecord.quotes.clauses import _trimmed

    text = "roads are closed.\n\nIn an effort to help, crews came."
    parsed = "roads are closed.\n\n" + " " * (len(text) - 19)  # the next sentence blanked
    assert text[slice(*_trimmed(text, parsed, 0, len(text)))] == "roads are closed"
    # laid out text (a transcript turn) is trimmed by its own spaces only
    assert _trimmed(text, text, 0, len(text)) == (0, len(text) - 1)
