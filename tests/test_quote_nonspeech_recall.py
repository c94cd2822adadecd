"""Attributions found by their frame rather than a cue word (cues="all"; quotes/frames.py).

Every text is invented. A naming participle after a noun gives the noun a name ("the
run of contests known as Harvest Week": the phrase and the name, nobody named for it; after
"also" the alias alone); an expectation after its noun ("a ruling expected next month") is
nobody's in particular; an estimate put at a figure ("The survey puts her support at 40
percent") and a clause that records show ("…, county records show.") are findings of
whoever puts it or of the records; a viewpoint set before a clause ("To her neighbours,
the plan is a threat") is the view of those it names. Each frame is paired with a near
miss that reports nothing.
"""

from __future__ import annotations

import pytest

from onrecord.quotes import QuoteExtractor
from onrecord.quotes.prefilter import blank_unneeded
from quote_helpers import by_cue, content_of


def test_known_as_gives_the_phrase_and_its_name(everything: QuoteExtractor) -> None:
    text = "Lena Ortiz won four counties during the run of contests known as Harvest Week."
    content, pieces = content_of(everything, text, "known as")
    assert pieces == ("the run of contests", "Harvest Week")
    assert content.startswith("the run of contests")
    quote = by_cue(everything, text, "known as")[0]
    assert quote.cue_class == "thought"
    assert quote.speaker is None


def test_also_known_as_gives_the_alias_alone(everything: QuoteExtractor) -> None:
    text = "The Valley Farmers Union, also known as the Plough League, has backed the levy."
    content, pieces = content_of(everything, text, "known as")
    assert content == "the Plough League"
    assert pieces == ()


def test_titled_gives_the_work_and_its_title(everything: QuoteExtractor) -> None:
    text = "Her aides released a short film titled “Rivers Home” on Sunday."
    _, pieces = content_of(everything, text, "titled")
    assert pieces[0] == "a short film"
    assert "Rivers Home" in pieces[1]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The mayor is known for her long speeches at the harbour.", id="known-for"),
        pytest.param("Every resident is entitled to a refund of the fee.", id="entitled-to"),
    ],
)
def test_a_participle_that_names_nothing(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "known as") == []
    assert by_cue(everything, text, "entitled") == []


def test_an_expectation_after_its_noun(everything: QuoteExtractor) -> None:
    text = "The council meets ahead of a ruling expected next month on the harbour levy."
    found = by_cue(everything, text, "expected")
    assert len(found) == 1
    pieces = tuple(text[a:b] for a, b in found[0].spans)
    assert pieces == ("a ruling", "next month on the harbour levy")
    assert found[0].speaker is None


def test_expected_by_a_named_holder_is_no_frame(everything: QuoteExtractor) -> None:
    text = "The council meets ahead of a ruling expected by most lawyers to favour the port."
    assert by_cue(everything, text, "expected") == []


def test_records_show_after_the_clause(everything: QuoteExtractor) -> None:
    text = "The fund paid $4,000 to the harbour master in 2019, county records show."
    found = by_cue(everything, text, "show")
    assert [(q.text, q.cue_class, q.speaker_text) for q in found] == [
        ("The fund paid $4,000 to the harbour master in 2019", "finding", "county records")
    ]


def test_records_show_inside_the_sentence(everything: QuoteExtractor) -> None:
    text = "Last spring, court filings show, the ferry firm lost two contracts."
    found = by_cue(everything, text, "show")
    assert [q.text for q in found] == ["the ferry firm lost two contracts"]


def test_records_show_stops_before_another_report(everything: QuoteExtractor) -> None:
    text = (
        "The ferry sits idle and, harbour records show, rarely leaves the dock, "
        "Ms. Ortiz has claimed it as proof of her thrift."
    )
    assert all("Ortiz" not in q.text for q in by_cue(everything, text, "show"))


def test_a_show_that_is_no_finding(everything: QuoteExtractor) -> None:
    text = "The band played late into the night, and the fans loved the show."
    assert by_cue(everything, text, "show") == []


def test_an_estimate_put_at_a_figure_is_a_finding(everything: QuoteExtractor) -> None:
    text = "The Harbour Gazette survey puts her support among farmers at 41 percent."
    found = by_cue(everything, text, "put at")
    assert len(found) == 1
    assert found[0].text == "her support among farmers at 41 percent"
    assert found[0].cue_class == "finding"
    assert found[0].speaker_text == "The Harbour Gazette survey"


def test_putting_something_somewhere_is_no_estimate(everything: QuoteExtractor) -> None:
    text = "The council put the new benches at the end of the pier."
    assert by_cue(everything, text, "put at") == []


def test_a_fronted_viewpoint_holds_the_clause(everything: QuoteExtractor) -> None:
    text = "To the fishermen of Port Alder, the new quota is a betrayal of the coast."
    found = by_cue(everything, text, "to")
    assert len(found) == 1
    assert found[0].text == "the new quota is a betrayal of the coast"
    assert found[0].cue_class == "thought"
    assert found[0].speaker_text == "the fishermen of Port Alder"


def test_a_viewpoint_after_but(everything: QuoteExtractor) -> None:
    text = "Some call him a crank. But to many, Rudd remains the town's most honest voice."
    found = by_cue(everything, text, "to")
    assert [q.text for q in found] == ["Rudd remains the town's most honest voice"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("To that, the mayor added a warning about the tides.", id="to-that"),
        pytest.param("To date, the county has spent $4 million on the bridge.", id="to-date"),
        pytest.param(
            "To the critics of the plan, I would say that the numbers are clear.",
            id="own-speaker",
        ),
        pytest.param("She went to the harbour, where the boats were idle.", id="not-fronted"),
    ],
)
def test_no_viewpoint(everything: QuoteExtractor, text: str) -> None:
    assert by_cue(everything, text, "to") == []


def test_speech_mode_keeps_none_of_the_frames(speech: QuoteExtractor) -> None:
    text = "To the fishermen of Port Alder, the new quota is a betrayal of the coast."
    assert by_cue(speech, text, "to") == []


def test_the_prefilter_keeps_a_fronted_viewpoint() -> None:
    text = "The tide was low. To many in the valley, the dam is a threat. The sky was grey."
    kept, _ = blank_unneeded(text, speakers=False)
    assert "To many in the valley, the dam is a threat." in kept
    assert "The sky was grey." not in kept
    speech_only, _ = blank_unneeded(text, speech_only=True, speakers=False)
    assert "the dam is a threat" not in speech_only
