"""Reports of speech that name what was said by its topic or put it after the listener:
text -> the quote of one cue.

Every text is invented. Each case names a construction of indirect speech the extractor
must read as a report, and a near one it must not.
"""

from __future__ import annotations

from onrecord.quotes import QuoteExtractor
from quote_helpers import quotes_of


def _found(speech: QuoteExtractor, text: str, cue: str) -> list[tuple[str | None, str]]:
    return [(q.speaker_text, q.text) for q in quotes_of(speech, text) if q.cue == cue]


def test_the_topic_after_an_adverbial_phrase_is_what_was_spoken_of(
    speech: QuoteExtractor,
) -> None:
    text = "The governor spoke at length about the flood relief."
    assert _found(speech, text, "speak") == [("The governor", "the flood relief")]


def test_the_topic_that_hangs_on_the_listener_is_what_was_spoken_of(
    speech: QuoteExtractor,
) -> None:
    text = "Ms. Okafor spoke to a local station about her school board race."
    assert _found(speech, text, "speak") == [("Ms. Okafor", "her school board race")]


def test_told_someone_about_reports_the_topic(speech: QuoteExtractor) -> None:
    text = "The coach told few players about the new schedule."
    assert _found(speech, text, "tell") == [("The coach", "the new schedule")]


def test_the_story_told_is_what_its_of_phrase_names(speech: QuoteExtractor) -> None:
    text = "At the dinner, she told the story of a farmer who rebuilt his barn twice."
    found = _found(speech, text, "tell")
    assert len(found) == 1
    assert found[0][0] == "she"
    assert found[0][1].startswith("a farmer who rebuilt his barn")


def test_the_audience_spoken_to_is_not_a_topic(speech: QuoteExtractor) -> None:
    # "of" after the listener names who was in the room, not what was said
    text = "The senator spoke to a gathering of retired teachers on Friday."
    assert _found(speech, text, "speak") == []


def test_said_of_after_a_quotation_keeps_the_quotation_only(speech: QuoteExtractor) -> None:
    text = "“It was a long night,” the chef said of the reopening."
    found = _found(speech, text, "say")
    assert ("the chef", "“It was a long night,”") in found
    assert all(content != "the reopening" for _, content in found)


def test_a_quotation_after_the_listener_is_what_was_told(speech: QuoteExtractor) -> None:
    text = (
        "The union brushed aside the mayor’s remarks, telling reporters, "
        "“Nobody here is going back to work on those terms.”"
    )
    found = _found(speech, text, "tell")
    assert found == [
        ("The union", "“Nobody here is going back to work on those terms.”"),
    ]


def test_a_mention_of_something_reports_it(speech: QuoteExtractor) -> None:
    text = "The chancellor made no mention of the pension shortfall in her speech."
    found = _found(speech, text, "mention of")
    assert len(found) == 1
    assert found[0][0] == "The chancellor"
    assert found[0][1].startswith("the pension shortfall")


def test_comments_about_something_report_it(speech: QuoteExtractor) -> None:
    text = "His comments about the port expansion upset the fishermen."
    found = [(q.cue, q.text) for q in quotes_of(speech, text)]
    assert ("comment about", "the port expansion") in found


def test_a_promise_with_its_infinitive_reports_what_was_promised(speech: QuoteExtractor) -> None:
    text = "The governor's promises to repair every bridge have worried the treasurer."
    found = [(q.cue, q.speaker_text, q.text) for q in quotes_of(speech, text)]
    assert ("promise", "The governor", "to repair every bridge") in found


def test_a_promise_without_an_infinitive_is_no_report(speech: QuoteExtractor) -> None:
    text = "The promise of spring brought tourists back to the valley."
    assert [q for q in quotes_of(speech, text) if q.cue == "promise"] == []


def test_a_claim_equated_with_a_clause_reports_that_clause(speech: QuoteExtractor) -> None:
    text = "The mayor's main claim is that the bridge will be finished by June."
    found = [(q.cue, q.speaker_text, q.text) for q in quotes_of(speech, text)]
    assert ("claim", "The mayor", "that the bridge will be finished by June") in found


def test_a_claim_keeps_its_clause_past_its_own_modifiers(speech: QuoteExtractor) -> None:
    text = "The senator's assertion on Monday that the budget was balanced drew criticism."
    found = [(q.cue, q.speaker_text, q.text) for q in quotes_of(speech, text)]
    assert ("assertion", "The senator", "that the budget was balanced") in found


def test_a_self_description_reports_what_they_call_themselves(speech: QuoteExtractor) -> None:
    text = "The race was won by Dana Whitfield, a self-described fiscal hawk from the valley."
    found = [(q.cue, q.speaker_text, q.text) for q in quotes_of(speech, text)]
    assert ("describe", "Dana Whitfield", "fiscal hawk") in found


def test_the_self_described_with_the_refers_and_reports_nothing(speech: QuoteExtractor) -> None:
    text = "The self-described fiscal hawk voted for the spending bill anyway."
    assert [q for q in quotes_of(speech, text) if q.cue == "describe"] == []


def test_a_colon_that_ends_the_paragraph_introduces_the_next_one(speech: QuoteExtractor) -> None:
    text = (
        "The columnist writes:\n\n"
        "The new ferry schedule leaves the island without service on Sundays.\n\n"
        "The council meets next week."
    )
    found = [(q.speaker_text, q.text) for q in quotes_of(speech, text) if q.cue == "write"]
    assert found == [
        ("The columnist", "The new ferry schedule leaves the island without service on Sundays")
    ]
