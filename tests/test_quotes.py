"""Quotation extraction, case by case: text -> (kind, quote text, speaker as written, speaker).

Every text is invented. Each case names the construction it pins down.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article
from onrecord.quotes import Extraction, QuoteExtractor
from onrecord.quotes.marks import scan


def run(extractor: QuoteExtractor, text: str, title: str | None = None) -> Extraction:
    return extractor(Article(text=text, source="test", title=title))


def found(result: Extraction) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, q.speaker_text, q.speaker) for q in result.quotes]


INTRO = "Kremlin spokesman Dmitry Volkov spoke to reporters on Friday. "

CASES = [
    pytest.param(
        "“We see no progress at all,” Volkov said.",
        ("direct", "“We see no progress at all,”", "Volkov", "Volkov"),
        id="direct-curly-double",
    ),
    pytest.param(
        '"We see no progress at all," Volkov said.',
        ("direct", '"We see no progress at all,"', "Volkov", "Volkov"),
        id="direct-straight-double",
    ),
    pytest.param(
        "‘We see no progress at all,’ Volkov said.",
        ("direct", "‘We see no progress at all,’", "Volkov", "Volkov"),
        id="direct-curly-single",
    ),
    pytest.param(
        "«We see no progress at all», Volkov said.",
        ("direct", "«We see no progress at all»", "Volkov", "Volkov"),
        id="direct-guillemets",
    ),
    pytest.param(
        "„We see no progress at all“, Volkov said.",
        ("direct", "„We see no progress at all“", "Volkov", "Volkov"),
        id="direct-low-high",
    ),
    pytest.param(
        INTRO + "He said: “The talks are over. Nothing will change this year.”",
        (
            "direct",
            "“The talks are over. Nothing will change this year.”",
            "He",
            "Dmitry Volkov",
        ),
        id="direct-several-sentences-after-colon",
    ),
    pytest.param(
        INTRO + "“The talks are over,” he said. “Nothing will change this year.”",
        (
            "direct",
            "“The talks are over,” he said. “Nothing will change this year.”",
            "he",
            "Dmitry Volkov",
        ),
        id="direct-split-by-its-cue",
    ),
    pytest.param(
        INTRO + "He said the fallout would “be a long crisis” for both sides.",
        (
            "partial",
            "the fallout would “be a long crisis” for both sides",
            "He",
            "Dmitry Volkov",
        ),
        id="partial-inside-reported-speech",
    ),
    pytest.param(
        INTRO + "He said that relations had reached an all-time low.",
        ("indirect", "that relations had reached an all-time low", "He", "Dmitry Volkov"),
        id="indirect-said-that",
    ),
    pytest.param(
        INTRO + "He said relations had reached an all-time low.",
        ("indirect", "relations had reached an all-time low", "He", "Dmitry Volkov"),
        id="indirect-said-without-that",
    ),
    pytest.param(
        "Dmitry Volkov told reporters the summit would not take place.",
        ("indirect", "the summit would not take place", "Dmitry Volkov", "Dmitry Volkov"),
        id="indirect-told-reporters",
    ),
    pytest.param(
        INTRO + "Relations have reached an all-time low, he said.",
        ("indirect", "Relations have reached an all-time low", "he", "Dmitry Volkov"),
        id="indirect-inverted",
    ),
    pytest.param(
        "The ministry said in a statement that the border would reopen on Monday.",
        ("indirect", "that the border would reopen on Monday", "The ministry", "ministry"),
        id="indirect-in-a-statement",
    ),
    pytest.param(
        "According to Dmitry Volkov, the summit has been cancelled.",
        ("according_to", "the summit has been cancelled", "Dmitry Volkov", "Dmitry Volkov"),
        id="according-to",
    ),
    pytest.param(
        INTRO + "He stressed that sanctions would not change Moscow's position.",
        (
            "indirect",
            "that sanctions would not change Moscow's position",
            "He",
            "Dmitry Volkov",
        ),
        id="cue-stress",
    ),
    pytest.param(
        INTRO + "He warned that the pipeline deal was at risk.",
        ("indirect", "that the pipeline deal was at risk", "He", "Dmitry Volkov"),
        id="cue-warn",
    ),
    pytest.param(
        INTRO + "He denied that any troops had crossed the border.",
        ("indirect", "that any troops had crossed the border", "He", "Dmitry Volkov"),
        id="cue-deny",
    ),
    pytest.param(
        INTRO + "He insisted that the talks could resume in spring.",
        ("indirect", "that the talks could resume in spring", "He", "Dmitry Volkov"),
        id="cue-insist",
    ),
    pytest.param(
        INTRO + "He confirmed that the two leaders would speak by phone.",
        ("indirect", "that the two leaders would speak by phone", "He", "Dmitry Volkov"),
        id="cue-confirm",
    ),
    pytest.param(
        INTRO + "He emphasised that Moscow was open to dialogue.",
        ("indirect", "that Moscow was open to dialogue", "He", "Dmitry Volkov"),
        id="cue-emphasise",
    ),
    pytest.param(
        INTRO + "He accused Washington of blocking the negotiations.",
        ("indirect", "Washington of blocking the negotiations", "He", "Dmitry Volkov"),
        id="cue-accuse",
    ),
    pytest.param(
        INTRO + "“Nothing has changed,” he added.",
        ("direct", "“Nothing has changed,”", "he", "Dmitry Volkov"),
        id="cue-add-inverted",
    ),
    pytest.param(
        INTRO
        + "“We have waited long enough,” he said.\n\n“The proposals are the same as in"
        + " January.\n\n“Until they answer, there is nothing to sign.”",
        (
            "direct",
            "“We have waited long enough,” he said.\n\n“The proposals are the same as in"
            " January.\n\n“Until they answer, there is nothing to sign.”",
            "he",
            "Dmitry Volkov",
        ),
        id="paragraph-continues-a-quote-without-closing-it",
    ),
    pytest.param(
        INTRO + "“We have waited long enough,” he said when asked about the summit. “The"
        " proposals are the same as in January.”",
        (
            "direct",
            "“We have waited long enough,” he said when asked about the summit. “The proposals"
            " are the same as in January.”",
            "he",
            "Dmitry Volkov",
        ),
        id="quote-resumes-after-the-writers-words",
    ),
    pytest.param(
        "“The talks are over, Volkov said on Friday.",
        ("direct", "“The talks are over", "Volkov", "Volkov"),
        id="unbalanced-opening-mark",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extracts(speech: QuoteExtractor, text: str, expected: tuple) -> None:
    assert expected in found(run(speech, text))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Relations at an all-time low: Volkov",
            ("headline", "Relations at an all-time low", "Volkov", "Dmitry Volkov"),
            id="headline-colon-speaker",
        ),
        pytest.param(
            "Relations at an all-time low, Kremlin says",
            ("headline", "Relations at an all-time low", "Kremlin", "Kremlin"),
            id="headline-comma-speaker-says",
        ),
    ],
)
def test_headlines(speech: QuoteExtractor, title: str, expected: tuple) -> None:
    text = title + "\n\nKremlin spokesman Dmitry Volkov said relations were at a low point."
    result = run(speech, text, title=title)
    assert expected in found(result)
    headline = next(q for q in result.quotes if q.kind == "headline")
    assert headline.cue in (":", "say")
    assert headline.cue_start is not None and headline.cue_end is not None
    assert text[headline.cue_start : headline.cue_end] in (":", "says")


def test_an_interviewers_question_is_not_the_interviewees_words(speech: QuoteExtractor) -> None:
    text = (
        INTRO + "When asked if “we are in a protracted conflict with the West”, Volkov did not "
        "answer directly. “We are open to talks,” he said."
    )
    quotes = run(speech, text).quotes
    question = [q for q in quotes if "protracted" in q.text]
    # the question is reported (PolNeAR annotates it) but nobody named put it
    assert [q.speaker for q in question] == [None]
    assert not any("protracted" in q.text and "open to talks" in q.text for q in quotes)
    assert any(q.text == "“We are open to talks,”" and q.speaker == "Dmitry Volkov" for q in quotes)


def test_an_interviewers_question_belongs_to_the_interviewer_named(speech: QuoteExtractor) -> None:
    text = (
        INTRO + "Volkov was asked by host Mara Lind whether the talks would resume. "
        "He said they would."
    )
    quotes = run(speech, text).quotes
    question = next(q for q in quotes if "talks would resume" in q.text)
    assert question.speaker == "Mara Lind"
    assert next(q for q in quotes if q.text == "they would").speaker == "Dmitry Volkov"


def test_scare_quotes_without_a_cue_are_not_quotes(speech: QuoteExtractor) -> None:
    text = "The so-called “special operation” entered its third year, and the “reset” is long gone."
    assert run(speech, text).quotes == ()


@pytest.mark.parametrize(
    ("text", "cue", "cue_class"),
    [
        ("Volkov believes that the sanctions will fail.", "believe", "thought"),
        ("A new poll shows that most voters back the treaty.", "show", "finding"),
    ],
)
def test_thought_and_finding_cues_only_with_all(
    speech: QuoteExtractor, everything: QuoteExtractor, text: str, cue: str, cue_class: str
) -> None:
    assert run(speech, text).quotes == ()
    quotes = run(everything, text).quotes
    assert [(q.cue, q.cue_class) for q in quotes] == [(cue, cue_class)]


def test_every_quote_points_into_the_article_text(speech: QuoteExtractor) -> None:
    text = (
        "Kremlin spokesman Dmitry Volkov said on Friday that relations were poor.\n\n"
        "“We see no progress,” he told reporters. “Nothing has changed.”\n\n"
        "According to Volkov, the summit is off."
    )
    result = run(speech, text)
    assert len(result.quotes) >= 3
    assert [q.start for q in result.quotes] == sorted(q.start for q in result.quotes)
    for q in result.quotes:
        assert q.text == text[q.start : q.end]
        assert q.cue and q.cue_start is not None and q.cue_end is not None
        assert q.speaker_text == text[q.speaker_start : q.speaker_end]
        assert q.cue_class == "speech"
    assert result.doc.text == text


def test_boilerplate_is_never_quoted_and_offsets_stay_true(speech: QuoteExtractor) -> None:
    noise = "SIGN UP for our newsletter, he said."
    text = f"{noise}\n\nVolkov said that the talks were over."
    article = Article(text=text, source="test", boilerplate=((0, len(noise)),))
    quotes = speech(article).quotes
    assert [q.text for q in quotes] == ["that the talks were over"]
    assert quotes[0].start == text.index("that the talks")


def test_cues_must_be_speech_or_all(nlp) -> None:
    with pytest.raises(ValueError, match="cues"):
        QuoteExtractor(nlp, cues="everything")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “yes” and left.", ["“yes”"]),
        ("She said 'don't go' twice.", ["'don't go'"]),
        ("It's Russia's turn, he said.", []),
        ("«Non», dit-il.", ["«Non»"]),
        ("„Ja“, sagte er.", ["„Ja“"]),
    ],
)
def test_mark_scanner_tells_quotes_from_apostrophes(text: str, quoted: list[str]) -> None:
    assert [text[m.start : m.end] for m in scan(text)] == quoted


def test_a_quote_left_open_goes_on_in_the_next_paragraph(speech: QuoteExtractor) -> None:
    text = (
        "‘We were robbed,’ fumed Anna Berg. ‘Everyone saw the handball.\n\n"
        "‘I will call the league on Monday.’"
    )
    quotes = run(speech, text).quotes
    assert len(quotes) == 1
    assert [text[a:b] for a, b in quotes[0].spans] == [
        "‘We were robbed,’",
        "‘Everyone saw the handball.",
        "‘I will call the league on Monday.’",
    ]
    assert quotes[0].speaker == "Anna Berg"


def test_mark_scanner_ignores_marks_inside_markup() -> None:
    text = '<tweet author="anna" id="42">We will win</tweet> and “she means it”.'
    assert [text[m.start : m.end] for m in scan(text)] == ["“she means it”"]


def test_mark_scanner_closes_an_open_quote_at_the_paragraph_end() -> None:
    text = "“First paragraph goes on\n\n“and the second ends it.”"
    marks = scan(text)
    assert [text[m.start : m.end] for m in marks] == [
        "“First paragraph goes on",
        "“and the second ends it.”",
    ]
    assert marks[0].open_end and marks[1].continues


def test_prefilter_parses_only_sentences_that_can_hold_a_quote(nlp) -> None:
    from onrecord.quotes.prefilter import blank_unneeded

    text = (
        "Talks stall: Volkov\n\nSnow fell over Moscow all week. Volkov said the talks had "
        "stalled. Traffic was heavy.\n“We wait,” he added."
    )
    blanked, kept = blank_unneeded(text, speech_only=True)
    assert len(blanked) == len(text) and 0 < kept < 1
    assert "Snow fell" not in blanked and "Traffic" not in blanked
    assert "Volkov said the talks had stalled." in blanked and "“We wait,” he added." in blanked
    fast = QuoteExtractor(nlp, prefilter=True)(Article(text=text, source="test"))
    full = QuoteExtractor(nlp)(Article(text=text, source="test"))
    assert [(q.start, q.end, q.speaker) for q in fast.quotes] == [
        (q.start, q.end, q.speaker) for q in full.quotes
    ]
    assert fast.quotes and all(q.text == text[q.start : q.end] for q in fast.quotes)


def test_a_report_inside_reported_content_is_part_of_the_outer_report(
    everything: QuoteExtractor,
) -> None:
    text = INTRO + "Volkov said he knows that the sanctions will stay for years."
    quotes = run(everything, text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("he knows that the sanctions will stay for years", "Dmitry Volkov")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Sanna Ek hopes that the bridge will open in May.", "that the bridge will open in May"),
        ("Sanna Ek wants to reopen the bridge by May.", "to reopen the bridge by May"),
    ],
)
def test_wishes_and_plans_are_attributions_of_thought(
    everything: QuoteExtractor, text: str, content: str
) -> None:
    quotes = run(everything, text).quotes
    assert [(q.text, q.speaker, q.cue_class) for q in quotes] == [(content, "Sanna Ek", "thought")]


def test_a_dateline_place_is_not_the_speaker(speech: QuoteExtractor) -> None:
    text = (
        "VESTBY, March 14 (Northgate Wire) — Former minister Ola Brekke told delegates that "
        "the bridge should be rebuilt."
    )
    quotes = run(speech, text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("that the bridge should be rebuilt", "Ola Brekke")
    ]


def test_a_participle_after_the_content_shares_the_cues_subject(speech: QuoteExtractor) -> None:
    text = (
        INTRO + "Volkov stressed that progress does not depend on Moscow alone, adding that "
        "Washington must take steps too."
    )
    quotes = run(speech, text).quotes
    added = next(q for q in quotes if q.cue == "add")
    assert added.speaker == "Dmitry Volkov"


def test_markup_left_in_the_text_is_neither_cue_nor_content(speech: QuoteExtractor) -> None:
    text = (
        'Reactions poured in.\n\n<tweet author="LindaMoss" id="12">Thinking of everyone in '
        "Vestby tonight.</tweet>\n\nThe mayor said the roads would reopen."
    )
    quotes = run(speech, text).quotes
    assert [q.text for q in quotes] == ["the roads would reopen"]


@pytest.mark.parametrize(
    ("title", "speaker", "content"),
    [
        ("Halvorsen: The Bridge Will Open in May", "Halvorsen", "The Bridge Will Open in May"),
        (
            "Former minister Brekke at summit: talks will fail",
            "Former minister Brekke",
            "talks will fail",
        ),
    ],
)
def test_a_headline_led_by_its_source(
    speech: QuoteExtractor, title: str, speaker: str, content: str
) -> None:
    text = title + "\n\nThe ministry published its figures on Monday."
    quotes = run(speech, text).quotes
    assert [(q.kind, q.speaker_text, q.text) for q in quotes] == [("headline", speaker, content)]


def test_a_topic_kicker_is_not_a_headline_source(speech: QuoteExtractor) -> None:
    text = "Bridge war: Vestby and Moss trade blame again\n\nThe ministry published its figures."
    assert run(speech, text).quotes == ()


def test_a_quotation_without_a_cue_in_the_next_paragraph_is_a_piece_of_the_quote(
    speech: QuoteExtractor,
) -> None:
    text = INTRO + "“Nothing has changed,” he said.\n\n“We will wait for their answer.”"
    (quote,) = run(speech, text).quotes
    assert quote.speaker == "Dmitry Volkov"
    assert [text[a:b] for a, b in quote.spans] == [
        "“Nothing has changed,”",
        "“We will wait for their answer.”",
    ]


@pytest.mark.parametrize("joint", [" and", ", but"])
def test_two_coordinated_reports_are_two_quotes(speech: QuoteExtractor, joint: str) -> None:
    text = f"Ola Brekke said the bridge was unsafe{joint} Sanna Ek said it would close in May."
    assert [(q.speaker, q.text) for q in run(speech, text).quotes] == [
        ("Ola Brekke", "the bridge was unsafe"),
        ("Sanna Ek", "it would close in May"),
    ]


def test_a_cue_phrase_takes_the_object_of_its_preposition(speech: QuoteExtractor) -> None:
    text = "Ola Brekke pointed to the rising cost of steel."
    assert [(q.cue, q.text) for q in run(speech, text).quotes] == [
        ("point to", "the rising cost of steel")
    ]


def test_according_to_after_the_content_leaves_out_the_verb(speech: QuoteExtractor) -> None:
    text = "Turnout fell by a third. That’s according to figures from the Vestby election board."
    quotes = run(speech, text).quotes
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("That", "figures from the Vestby election board")
    ]


def test_a_one_word_answer_and_the_question_it_answers(speech: QuoteExtractor) -> None:
    text = "Asked if the bridge would reopen, the minister said no."
    quotes = run(speech, text).quotes
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("if the bridge would reopen", None),
        ("no", "the minister"),
    ]


def test_what_seems_so_is_an_impression_nobody_is_named_for(everything: QuoteExtractor) -> None:
    text = "The alliance between Vestby and Moss appears to be alive and well."
    (quote,) = run(everything, text).quotes
    assert quote.speaker is None and quote.cue == "appear"
    assert [text[a:b] for a, b in quote.spans] == [
        "The alliance between Vestby and Moss",
        "to be alive and well",
    ]


def test_a_report_in_a_relative_clause_leaves_out_its_cue(speech: QuoteExtractor) -> None:
    text = "Brekke promised a new bridge over the fjord, which he said the county should pay for."
    quotes = run(speech, text).quotes
    assert "the county should pay for" in [q.text for q in quotes]
    assert not any("said" in q.text for q in quotes)


def test_a_participle_on_a_noun_is_said_by_that_noun(speech: QuoteExtractor) -> None:
    text = "The council issued a statement saying that the bridge would stay closed."
    (quote,) = run(speech, text).quotes
    assert quote.text == "that the bridge would stay closed"
    assert quote.speaker_text == "a statement"
