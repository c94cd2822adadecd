"""Speech cue words that report nobody's words in the use at hand.

Every text is invented. The outlet's own note to its readers ("Editor's note: ...") is the
article speaking, not a report, and so is any cue word the note uses in its own voice; a past
participle that describes a noun ("the pledged delegates") names no statement. Each case is
paired with the same word used to report someone, which still counts.
"""

from __future__ import annotations

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of, quotes_of

EDITORS_NOTE = (
    "Editor’s note: Mayor Tom Ruiz is a bully who has repeatedly pledged to close every "
    "shelter in the city.\n\n"
    "The council met on Tuesday to vote on the harbour budget."
)


def test_an_editors_note_reports_nobody(speech: QuoteExtractor) -> None:
    assert by_cue(speech, EDITORS_NOTE, "note") == []


def test_a_cue_inside_an_editors_note_reports_nobody(speech: QuoteExtractor) -> None:
    assert by_cue(speech, EDITORS_NOTE, "pledge") == []
    assert quotes_of(speech, EDITORS_NOTE) == []


def test_an_authors_note_is_the_articles_own_voice(everything: QuoteExtractor) -> None:
    text = "Author’s note: The harbour plan will raise fares for every commuter in the east ward."
    assert by_cue(everything, text, "note") == []


def test_a_note_that_is_reported_still_counts(speech: QuoteExtractor) -> None:
    text = (
        "The paper added an editor’s note on Friday saying that the figures on the harbour "
        "budget had been wrong."
    )
    assert by_cue(speech, text, "say") != []


def test_a_pledge_outside_the_note_still_counts(speech: QuoteExtractor) -> None:
    text = "Mayor Tom Ruiz has repeatedly pledged to close every shelter in the city."
    assert content_of(speech, text, "pledge")[0] == "to close every shelter in the city"


def test_a_participle_describing_a_noun_reports_nothing(speech: QuoteExtractor) -> None:
    text = "Ms. Lena Ortiz won most of the state’s pledged delegates after the vote in the south."
    assert by_cue(speech, text, "pledge") == []


def test_a_participle_after_its_own_subject_still_reports(everything: QuoteExtractor) -> None:
    text = "Some accused the mayor of hiding the harbour figures from the council."
    assert by_cue(everything, text, "accuse") != []
