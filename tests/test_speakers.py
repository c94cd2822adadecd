"""In-article speakers: a mention as written -> the name it resolves to, and roles seen.

Texts are invented. Each case pins one way a speaker is referred to.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import QuoteExtractor


@pytest.fixture(scope="module")
def extractor(nlp) -> QuoteExtractor:
    return QuoteExtractor(nlp)


def speakers(extractor: QuoteExtractor, text: str) -> list[tuple[str | None, str | None, str]]:
    quotes = extractor(Article(text=text, source="test")).quotes
    return [(q.speaker_text, q.speaker, q.speaker_kind) for q in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kremlin spokesman Dmitry Volkov spoke on Friday. He said the talks had stalled.",
            ("He", "Dmitry Volkov", "person"),
            id="pronoun-to-the-person-introduced",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Volkov spoke on Friday. "
            "The Kremlin spokesperson said the talks had stalled.",
            ("The Kremlin spokesperson", "Dmitry Volkov", "person"),
            id="role-noun-to-the-titled-person",
        ),
        pytest.param(
            "Dmitry Volkov, the Kremlin spokesman, spoke on Friday. "
            "The spokesman said the talks had stalled.",
            ("The spokesman", "Dmitry Volkov", "person"),
            id="role-noun-to-the-apposition",
        ),
        pytest.param(
            "Dmitry Volkov, the president's press secretary, met reporters. "
            "The press secretary said the talks had stalled.",
            ("The press secretary", "Dmitry Volkov", "person"),
            id="role-noun-to-the-possessive-title",
        ),
        pytest.param(
            "Dmitry Volkov met reporters in Moscow. Volkov said the talks had stalled.",
            ("Volkov", "Dmitry Volkov", "person"),
            id="surname-to-full-name",
        ),
        pytest.param(
            "Dmitry Volkov met reporters in Moscow. Mr Volkov said the talks had stalled.",
            ("Mr Volkov", "Dmitry Volkov", "person"),
            id="titled-surname-to-full-name",
        ),
        pytest.param(
            "The Foreign Ministry said the talks had stalled.",
            ("The Foreign Ministry", "Foreign Ministry", "organization"),
            id="organisation-stays-organisation",
        ),
        pytest.param(
            "National coach Viktor Serov picked his squad. "
            "“We came here to win,” said national coach Serov.",
            ("national coach Serov", "Viktor Serov", "person"),
            id="role-words-before-a-surname",
        ),
        pytest.param(
            "The talks were led by the head of the institute, Professor Mila Orlova. "
            "The head of the institute said the results were solid.",
            ("The head of the institute", "Mila Orlova", "person"),
            id="role-noun-to-the-person-in-apposition-earlier",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Volkov and Foreign Ministry spokeswoman Irina Lenskaya "
            "spoke on Friday. The Kremlin spokesperson said the talks had stalled.",
            ("The Kremlin spokesperson", "Dmitry Volkov", "person"),
            id="role-noun-to-the-holder-with-the-same-modifier",
        ),
        pytest.param(
            "Foreign Ministry spokeswoman Irina Lenskaya and Kremlin spokesman Dmitry Volkov "
            "spoke on Friday. The ministry spokesperson said the talks had stalled.",
            ("The ministry spokesperson", "Irina Lenskaya", "person"),
            id="role-noun-to-the-holder-with-the-same-modifier-not-the-last",
        ),
        pytest.param(
            "Mrs Anna Berg chaired the meeting and Mr Dmitry Volkov opened it. "
            "She said the talks had stalled.",
            ("She", "Anna Berg", "person"),
            id="pronoun-skips-a-person-of-the-other-gender",
        ),
        pytest.param(
            "Lady Anna Berg chaired the meeting and Sheikh Omar Haddad opened it. "
            "She said the talks had stalled.",
            ("She", "Anna Berg", "person"),
            id="titles-from-the-honorifics-lexicon-are-not-part-of-the-name",
        ),
        pytest.param(
            "Anna Berg, the union's spokeswoman, met Dmitry Volkov. "
            "“We need more time,” said Berg. "
            "Mr Volkov listened. He said the talks had stalled.",
            ("He", "Dmitry Volkov", "person"),
            id="pronoun-skips-the-last-speaker-of-the-other-gender",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Volkov spoke on Friday. "
            "A spokesman for the ministry said the talks had stalled.",
            ("A spokesman for the ministry", "spokesman for the ministry", "person"),
            id="an-indefinite-role-noun-is-someone-new",
        ),
        pytest.param(
            "Western diplomats said the talks had stalled.",
            ("Western diplomats", "Western diplomats", "group"),
            id="plural-noun-is-a-group",
        ),
        pytest.param(
            "Anna Berg and Dmitry Volkov met on Friday. "
            "“We need more time,” said Berg. “The gap is still wide.”",
            ("Berg", "Anna Berg", "person"),
            id="continuation-keeps-the-speaker",
        ),
    ],
)
def test_resolves(extractor: QuoteExtractor, text: str, expected: tuple) -> None:
    assert expected in speakers(extractor, text)


def test_continuation_is_marked_as_such(extractor: QuoteExtractor) -> None:
    text = "Anna Berg said the gap was still wide.\n\n“We need more time.”"
    quotes = extractor(Article(text=text, source="test")).quotes
    assert [q.speaker_basis for q in quotes] == ["name", "continuation"]
    assert quotes[1].speaker == "Anna Berg" and quotes[1].cue == "say"


def test_a_quotation_continued_in_the_next_paragraph_is_one_quote(
    extractor: QuoteExtractor,
) -> None:
    text = "“We need more time,” said Anna Berg.\n\n“The gap is still wide.”"
    (quote,) = extractor(Article(text=text, source="test")).quotes
    assert quote.speaker == "Anna Berg" and quote.speaker_basis == "name"
    assert len(quote.spans) == 2


def test_a_pronoun_prefers_the_last_speaker_over_a_person_merely_mentioned(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "“We will not give in,” Dmitry Volkov told reporters after meeting Anna Berg. "
        "He added that sanctions would fail."
    )
    assert ("He", "Dmitry Volkov", "person") in speakers(extractor, text)


def test_mentions_carry_the_role_they_were_introduced_with(extractor: QuoteExtractor) -> None:
    text = (
        "Kremlin spokesman Dmitry Volkov said the talks had stalled. "
        "Anna Berg, the foreign minister, said nothing."
    )
    mentions = extractor(Article(text=text, source="test")).mentions
    roles = {m.name: m.role for m in mentions if m.kind == "person"}
    assert roles["Dmitry Volkov"] == "Kremlin spokesman"
    assert "foreign minister" in (roles["Anna Berg"] or "")
    for m in mentions:
        assert text[m.start : m.end] == m.text
