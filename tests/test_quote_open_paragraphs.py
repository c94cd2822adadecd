"""Speeches quoted paragraph by paragraph: every paragraph opens a quotation that the
next paragraph continues, so no closing mark ends them. A cue the speaker uses inside
such a quotation is part of what was said; it does not end the quotation."""

from __future__ import annotations

from quote_helpers import content_of


def test_a_cue_in_a_later_sentence_of_an_open_paragraph_does_not_cut_the_speech(speech):
    text = (
        "At the county college on Friday, Mayor Ruth Okafor said:\n\n"
        "“When I came to this valley, I had nothing but a bicycle. I told my landlord "
        "that I would pay him in the spring.\n\n"
        "“Today I stand here because people trusted me.”"
    )
    content, _ = content_of(speech, text, "say")
    assert content.startswith("“When I came")
    assert content.endswith("because people trusted me.”")


def test_the_speech_after_a_short_answer_runs_on_over_the_speakers_own_cue(speech):
    text = (
        "“Fine,” Okafor said, pausing. “When I came to this valley, I had nothing but a "
        "bicycle. I told my landlord that I would pay him in the spring.\n\n"
        "“Today I stand here because people trusted me.”"
    )
    content, _ = content_of(speech, text, "say")
    assert "I told my landlord that I would pay him in the spring." in content
    assert content.endswith("because people trusted me.”")


def test_the_speech_holds_in_all_mode_too(everything):
    text = (
        "At the county college on Friday, Mayor Ruth Okafor said:\n\n"
        "“When I came to this valley, I had nothing but a bicycle. I told my landlord "
        "that I would pay him in the spring.\n\n"
        "“Today I stand here because people trusted me.”"
    )
    content, _ = content_of(everything, text, "say")
    assert content.endswith("because people trusted me.”")


def test_a_quotation_left_open_over_the_writers_cue_still_ends_before_it(speech):
    text = "“The ferry will not run this week, the harbour master said.\n\nRepairs began on Monday."
    content, _ = content_of(speech, text, "say")
    assert content == "“The ferry will not run this week"


# The name a speech cue gives its object: the spell it holds over belongs to the name


def test_a_name_keeps_the_spell_it_holds_over(speech):
    text = "The senator called it a mistake during the budget hearing."
    content, _ = content_of(speech, text, "call")
    assert content == "it a mistake during the budget hearing"


def test_a_name_keeps_the_clause_saying_from_when_it_holds(speech):
    text = "The mayor called herself a builder after the bridge opened."
    content, _ = content_of(speech, text, "call")
    assert content == "herself a builder after the bridge opened"


def test_the_venue_of_a_name_stays_the_writers_setting(speech):
    text = "The senator called the levy unfair in a radio interview."
    content, _ = content_of(speech, text, "call")
    assert content == "the levy unfair"


def test_without_a_name_the_spell_is_the_writers_setting(speech):
    text = "The senator criticized the new tax during the budget debate."
    content, _ = content_of(speech, text, "criticize")
    assert content == "the new tax"


# What the writer's setting of a speech report is, and what it is not


def test_a_text_after_at_is_what_the_feeling_is_about_not_a_venue(speech):
    text = "The mayor cited her frustration at the articles about the budget."
    content, _ = content_of(speech, text, "cite")
    assert content == "her frustration at the articles about the budget"


def test_an_event_after_at_is_still_the_venue(speech):
    text = "The mayor praised the plan at a rally in the harbour district."
    content, _ = content_of(speech, text, "praise")
    assert content == "the plan"


def test_an_occasion_clause_after_an_infinitive_content_is_part_of_what_was_urged(speech):
    text = "The governor urged lawmakers not to adjourn until the budget passes."
    content, _ = content_of(speech, text, "urge")
    assert content == "lawmakers not to adjourn until the budget passes"


def test_the_writers_cue_in_a_later_sentence_still_closes_the_quotation(speech):
    text = (
        "Talks broke down on Sunday.\n\n"
        "“We offered every compromise. They turned it down, the guild chair told reporters."
    )
    content, _ = content_of(speech, text, "tell")
    assert content == "“We offered every compromise. They turned it down"
