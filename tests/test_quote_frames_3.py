"""Support held by what is supported, and "opposed by" (cues="all"; quotes/frames.py).

Every text is invented. Support a subject has, draws, wins or receives ("The levy drew
broad support from farmers") reports the subject as what is supported, the view of the
object of "from", "among" or "of"; support owned and given "among" or "from" ("her deep
support among farmers") reports its owner alike; support won for something else ("won support for the
plan") and a poll's share ("has 38 percent support") are no such report. A participle
"opposed by" after a noun ("The toll plan, opposed by the hauliers, passed") reports the
noun phrase, the view of the object of "by".
"""

from __future__ import annotations

from onrecord.quotes import QuoteExtractor
from quote_helpers import by_cue, content_of


def test_support_drawn_from_a_group_reports_the_subject(everything: QuoteExtractor) -> None:
    text = "The new ferry levy drew broad support from farmers in the valley."
    content, pieces = content_of(everything, text, "support")
    assert content == "The new ferry levy"
    assert pieces == ()
    quote = by_cue(everything, text, "support")[0]
    assert quote.cue_class == "thought"
    assert quote.speaker_text == "farmers in the valley"


def test_the_support_of_a_body_is_its_view(everything: QuoteExtractor) -> None:
    text = "Councillor Brandt, a former harbour pilot, has the support of the dock workers."
    content, _ = content_of(everything, text, "support")
    assert content == "Councillor Brandt, a former harbour pilot"
    assert by_cue(everything, text, "support")[0].speaker_text == "the dock workers"


def test_support_enjoyed_without_a_giver_names_nobody(everything: QuoteExtractor) -> None:
    text = "The tenants' petition enjoys some quiet support at city hall."
    content, _ = content_of(everything, text, "support")
    assert content == "The tenants' petition"
    assert by_cue(everything, text, "support")[0].speaker_text is None


def test_support_won_for_something_else_is_no_frame(everything: QuoteExtractor) -> None:
    # what is supported is the plan, after "for", not the subject
    text = "Ms. Okafor won support for the river plan from the board."
    assert all(q.text != "Ms. Okafor" for q in by_cue(everything, text, "support"))


def test_a_poll_share_of_support_is_no_frame(everything: QuoteExtractor) -> None:
    text = "Mayor Pell had 38 percent support among likely voters in the spring."
    assert all(q.text != "Mayor Pell" for q in by_cue(everything, text, "support"))


def test_support_as_the_object_of_another_verb_is_no_frame(everything: QuoteExtractor) -> None:
    # the support is cut, not held: the lexicon's reading of the sentence stands
    text = "The county cut support for the night buses last year."
    assert all(q.text != "The county" for q in by_cue(everything, text, "support"))


def test_opposed_by_after_a_noun_reports_the_noun_phrase(everything: QuoteExtractor) -> None:
    text = "The toll plan, opposed by the hauliers' union, passed on Monday."
    content, _ = content_of(everything, text, "opposed by")
    assert content == "The toll plan"
    quote = by_cue(everything, text, "opposed by")[0]
    assert quote.cue_class == "thought"
    assert quote.speaker_text == "the hauliers' union"


def test_opposed_without_by_is_no_frame(everything: QuoteExtractor) -> None:
    text = "The toll plan, opposed from the start, passed on Monday."
    assert by_cue(everything, text, "opposed by") == []


def test_the_speech_subset_reports_neither_frame(speech: QuoteExtractor) -> None:
    text = "The new ferry levy drew broad support from farmers in the valley."
    assert by_cue(speech, text, "support") == []
    text = "The toll plan, opposed by the hauliers' union, passed on Monday."
    assert by_cue(speech, text, "opposed by") == []


def test_support_owned_among_a_group_reports_its_owner(everything: QuoteExtractor) -> None:
    text = "Her deep support among dairy farmers carried the northern counties."
    content, _ = content_of(everything, text, "support")
    assert content == "Her"
    assert by_cue(everything, text, "support")[0].speaker_text == "dairy farmers"


def test_owned_support_for_something_is_no_frame(everything: QuoteExtractor) -> None:
    # "his support for the levy": he holds the view; the levy is what is supported
    text = "His support for the levy among the growers surprised nobody."
    assert all(q.text != "His" for q in by_cue(everything, text, "support"))
