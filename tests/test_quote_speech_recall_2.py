"""Questions a speaker puts in an active participle: text -> the question and its asker.

Every text is invented. "…, asking her, “…?”" and "before asking them, “…?”" report the
subject's own question: unlike "Asked whether …" (a participle of the passive, whose asker
is an interviewer the clause need not name), the one asking is the clause's subject.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, found

ASKED_BY_THE_SUBJECT = [
    pytest.param(
        "The fiddler turned to the harbor master before asking her, "
        "“Where does the ferry stop now?”",
        "“Where does the ferry stop now?”",
        "The fiddler",
        id="before-asking-a-pronoun-then-a-quoted-question",
    ),
    pytest.param(
        "Councilwoman Edna Pruitt stood up, asking them, “Who signed off on the culvert?”",
        "“Who signed off on the culvert?”",
        "Councilwoman Edna Pruitt",
        id="comma-participle-asking-a-pronoun-then-a-quoted-question",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), ASKED_BY_THE_SUBJECT)
def test_an_active_participle_of_asking_reports_the_subjects_question(
    speech: QuoteExtractor, text: str, content: str, speaker: str
) -> None:
    asked = by_cue(speech, text, "ask")
    assert [(q.text, q.speaker_text) for q in asked] == [(content, speaker)]


def test_a_passive_participle_of_asking_still_names_no_asker(speech: QuoteExtractor) -> None:
    text = "Asked whether the ferry would run in winter, the harbor master said it would."
    asked = by_cue(speech, text, "ask")
    assert asked, found(speech, text)
    assert all(q.speaker_text is None for q in asked)
