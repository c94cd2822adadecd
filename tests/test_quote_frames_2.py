"""More attributions found by their frame (cues="all"; quotes/frames.py, quotes/copular.py).

Every text is invented. "In favour of" after a verb or a noun reports what is favoured,
the object of "of", held by the verb's subject ("The council voted in favour of the
levy") or by the noun's owner ("his case in favor of a recount"); a comma-set relative
clause after the object is left out. A stance verb measured by a margin ("favored the
mayor by wide margins") reports its object without the margin.
"""

from __future__ import annotations

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of


def test_voted_in_favour_of_reports_what_is_favoured(everything: QuoteExtractor) -> None:
    text = "On Monday the harbour board voted in favor of the new ferry levy."
    content, pieces = content_of(everything, text, "in favor of")
    assert content == "the new ferry levy"
    assert pieces == ()
    quote = by_cue(everything, text, "in favor of")[0]
    assert quote.cue_class == "thought"
    assert quote.speaker_text == "the harbour board"


def test_in_favour_of_after_a_copula_and_a_gerund(everything: QuoteExtractor) -> None:
    text = "Mayor Aldana has long been in favor of widening the river path."
    content, _ = content_of(everything, text, "in favor of")
    assert content == "widening the river path"
    assert by_cue(everything, text, "in favor of")[0].speaker_text == "Mayor Aldana"


def test_in_favour_of_after_a_noun_is_held_by_its_owner(everything: QuoteExtractor) -> None:
    text = "His long case in favor of a second count of the ballots ran to forty pages."
    content, _ = content_of(everything, text, "in favor of")
    assert content == "a second count of the ballots"
    assert by_cue(everything, text, "in favor of")[0].speaker_text == "His"


def test_in_favour_of_leaves_out_a_relative_clause_after_a_comma(
    everything: QuoteExtractor,
) -> None:
    text = "The assembly voted in favor of the zoning bill, which would allow taller towers."
    content, _ = content_of(everything, text, "in favor of")
    assert content == "the zoning bill"


def test_in_the_favour_of_someone_is_no_frame(everything: QuoteExtractor) -> None:
    # "in her favor": no "of", nothing favoured is named
    text = "The early count in the western district went in her favor on Friday."
    assert by_cue(everything, text, "in favor of") == []


def test_the_speech_subset_does_not_report_in_favour_of(speech: QuoteExtractor) -> None:
    text = "On Monday the harbour board voted in favor of the new ferry levy."
    assert by_cue(speech, text, "in favor of") == []


def test_a_stance_object_ends_before_its_margin(everything: QuoteExtractor) -> None:
    text = "Older voters, who have favored Mayor Quill by wide margins in polls, stayed home."
    content, _ = content_of(everything, text, "favor")
    assert content == "Mayor Quill"


def test_a_margin_after_a_spoken_object_is_left_to_speech_rules(
    everything: QuoteExtractor,
) -> None:
    # a margin that is not the stance verb's own stays where the content rules put it
    text = "Ms. Pell said she expected to win the district by a wide margin."
    quotes = by_cue(everything, text, "say")
    assert quotes and "by a wide margin" in quotes[0].text


def test_campaigned_against_reports_what_is_opposed(everything: QuoteExtractor) -> None:
    text = "For two years the tenants' union campaigned against the rent cap repeal."
    content, _ = content_of(everything, text, "campaign against")
    assert content == "the rent cap repeal"
    quote = by_cue(everything, text, "campaign against")[0]
    assert quote.cue_class == "thought"
    assert quote.speaker_text == "the tenants' union"


def test_a_noun_of_attack_against_is_held_by_its_owner(everything: QuoteExtractor) -> None:
    text = "Her long tirade against the toll plan filled the evening news."
    content, _ = content_of(everything, text, "tirade against")
    assert content == "the toll plan"
    assert by_cue(everything, text, "tirade against")[0].speaker_text == "Her"


def test_being_against_something_is_a_stance(everything: QuoteExtractor) -> None:
    text = "Most of the farmers in the valley are against widening the canal."
    content, _ = content_of(everything, text, "be against")
    assert content == "widening the canal"


def test_campaigning_against_a_person_is_a_contest(everything: QuoteExtractor) -> None:
    text = "In the fall, Governor Teel campaigned against Paul Harding across the state."
    assert by_cue(everything, text, "campaign against") == []


def test_against_in_a_physical_sense_is_no_frame(everything: QuoteExtractor) -> None:
    text = "The ladder leaned against the old barn wall for a week."
    assert [q for q in by_cue(everything, text, "lean against")] == []


def test_a_feeling_toward_something_is_a_view_of_it(everything: QuoteExtractor) -> None:
    text = "Her open hostility toward the harbour tunnel surprised the council."
    content, _ = content_of(everything, text, "hostility toward")
    assert content == "the harbour tunnel"
    assert by_cue(everything, text, "hostility toward")[0].speaker_text == "Her"


def test_leaning_toward_a_choice(everything: QuoteExtractor) -> None:
    text = "The county board is leaning toward the northern route for the bypass."
    content, _ = content_of(everything, text, "lean toward")
    assert content.startswith("the northern route")


def test_walking_toward_a_place_is_no_frame(everything: QuoteExtractor) -> None:
    text = "The delegates walked slowly toward the old town hall after lunch."
    assert [q.cue for q in by_cue(everything, text, "walk toward")] == []
