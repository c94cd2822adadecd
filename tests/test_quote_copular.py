"""Copular attributions: adjectives of knowing and "make clear".

Every text is invented. An adjective of knowing ("clear", "unclear", "obvious", "apparent",
"evident", "unknown") after "be", "remain" or "become" reports its "that" clause; "make
(it) clear" reports the clause or the object after "clear", said by the subject of "make".
"""

from __future__ import annotations

from quote_helpers import by_cue, quotes_of

# --- an adjective of knowing with its "that" clause ------------------------------------------


def test_expletive_it_is_clear_reports_the_clause_nobody_named(everything) -> None:
    text = "It is clear that the ferry service will not resume before June."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the ferry service will not resume before June"
    assert quote.cue_class == "thought"
    assert quote.speaker is None


def test_negated_knowing_adjective_reports_the_clause_too(everything) -> None:
    text = "It was not clear that the inspectors had read the earlier report."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the inspectors had read the earlier report"


def test_clause_without_that_is_reported(everything) -> None:
    text = "It's obvious the harbour board wants a new chairman."
    (quote,) = by_cue(everything, text, "obvious")
    assert quote.text == "the harbour board wants a new chairman"


def test_remain_links_the_adjective_like_be(everything) -> None:
    text = "It remains unclear that the loan was ever repaid."
    (quote,) = by_cue(everything, text, "unclear")
    assert quote.text == "that the loan was ever repaid"


def test_a_person_subject_is_the_source(everything) -> None:
    text = "The treasurer was clear that the pension fund would not be touched."
    (quote,) = by_cue(everything, text, "clear")
    assert quote.text == "that the pension fund would not be touched"
    assert quote.speaker_text == "The treasurer"


def test_an_indirect_question_is_not_reported(everything) -> None:
    for text in (
        "It is unclear whether the council will vote on the plan.",
        "It was not clear why the figures changed overnight.",
    ):
        assert by_cue(everything, text, "unclear") == []
        assert by_cue(everything, text, "clear") == []


def test_without_a_clause_the_adjective_reports_nothing(everything) -> None:
    for text in (
        "The road to the summit is clear for the cyclists.",
        "The cause of the outage remains unknown.",
    ):
        assert [q.cue for q in quotes_of(everything, text)] == []


def test_only_with_all_cues(speech) -> None:
    text = "It is evident that the new timetable suits nobody."
    assert quotes_of(speech, text) == []


# --- "make (it) clear" ------------------------------------------------------------------------


def test_made_it_clear_reports_the_clause_of_the_subject(everything) -> None:
    text = "The governor made it clear that she would veto the fishing bill."
    (quote,) = by_cue(everything, text, "make clear")
    assert quote.text == "that she would veto the fishing bill"
    assert quote.speaker_text == "The governor"
    assert text[quote.cue_start : quote.cue_end] == "made it clear"


def test_made_clear_with_a_time_adjunct_between(everything) -> None:
    text = "The mayor made clear on Monday that the library budget would not pass."
    (quote,) = by_cue(everything, text, "make clear")
    assert quote.text == "that the library budget would not pass"
    assert quote.speaker_text == "The mayor"


def test_a_stance_inside_what_was_made_clear_is_part_of_it(everything) -> None:
    text = "The coach made it clear that he wanted a younger squad."
    assert [q.cue for q in quotes_of(everything, text)] == ["make clear"]


def test_make_clear_without_clause_or_object_is_no_report(everything) -> None:
    text = "The new signs make the exit clear to visitors."
    assert by_cue(everything, text, "make clear") == []


# --- stance adjectives: feelings, candour, leanings, (not) knowing of something ---------------


def test_candour_about_something_reports_what_it_is_about(everything) -> None:
    text = "The new chairwoman was upfront about her doubts over the stadium."
    (quote,) = by_cue(everything, text, "upfront")
    assert quote.text == "her doubts over the stadium"
    assert quote.speaker_text == "The new chairwoman"


def test_a_feeling_with_its_clause(everything) -> None:
    text = "Local growers were surprised that the village shop had closed."
    (quote,) = by_cue(everything, text, "surprised")
    assert quote.text == "that the village shop had closed"


def test_not_knowing_of_something(everything) -> None:
    text = "Most tenants are unaware of the new parking rules."
    (quote,) = by_cue(everything, text, "unaware")
    assert quote.text == "the new parking rules"
    assert quote.speaker_text == "Most tenants"


def test_readiness_to_act_is_no_stance(everything) -> None:
    text = "The crews were ready to start work on the bridge."
    assert by_cue(everything, text, "ready") == []


# --- the adjective after the noun it describes --------------------------------------------------


def test_adjective_after_its_noun_gives_the_noun_as_source(everything) -> None:
    text = "Farmers worried about the drought have sold their herds."
    (quote,) = by_cue(everything, text, "worried")
    assert quote.text == "the drought"
    assert quote.speaker_text == "Farmers"


def test_adjective_set_off_by_commas_after_its_noun(everything) -> None:
    text = "Investors, wary of the merger, sold their shares on Tuesday."
    (quote,) = by_cue(everything, text, "wary")
    assert quote.text == "the merger"
    assert quote.speaker_text == "Investors"


def test_adjective_before_its_noun_is_no_report(everything) -> None:
    text = "The worried farmers sold their herds."
    assert by_cue(everything, text, "worried") == []


# --- "sure" and "certain" with an infinitive: how likely, not what anyone thinks ---------------


def test_certain_to_with_an_infinitive_is_a_forecast(everything) -> None:
    for text in (
        "The levy is certain to raise rents in the old town.",
        "It was a ruling sure to anger the fishing fleet.",
    ):
        assert [q.cue for q in quotes_of(everything, text) if q.cue in ("sure", "certain")] == []


def test_sure_with_a_clause_or_a_question_is_a_belief(everything) -> None:
    text = "The dean is not sure how to answer the letter."
    (quote,) = by_cue(everything, text, "sure")
    assert quote.text == "how to answer the letter"
    text = "The dean is certain that the letter was forged."
    (quote,) = by_cue(everything, text, "certain")
    assert quote.text == "that the letter was forged"


# --- a passive verb of belief with "as": the subject and what it is taken for ------------------


def test_seen_as_reports_subject_and_what_it_is_seen_as(everything) -> None:
    text = "The ferry line is increasingly seen as a lifeline for the islands."
    (quote,) = by_cue(everything, text, "see")
    assert [text[a:b] for a, b in quote.spans] == ["The ferry line", "a lifeline for the islands"]
    assert quote.speaker is None


def test_regarded_as_with_a_relative_pronoun_subject(everything) -> None:
    text = "The guild, which is widely regarded as the oldest in the city, met on Friday."
    (quote,) = by_cue(everything, text, "regard")
    assert [text[a:b] for a, b in quote.spans] == ["which", "the oldest in the city"]


def test_seen_by_someone_as_names_the_holder(everything) -> None:
    text = "The mayor was viewed by many as a reformer."
    (quote,) = by_cue(everything, text, "view")
    assert [text[a:b] for a, b in quote.spans] == ["The mayor", "a reformer"]
    assert quote.speaker_text == "many"


def test_passive_see_without_as_is_no_belief(everything) -> None:
    text = "The heron was seen near the old bridge on Sunday."
    assert by_cue(everything, text, "see") == []


def test_seen_as_inside_a_quotation_leaves_the_quotation_to_its_speaker(everything) -> None:
    text = "The harbour master “is seen as a safe pair of hands,” the councillor said."
    assert [(q.cue, q.speaker_text) for q in quotes_of(everything, text)] == [
        ("say", "the councillor")
    ]


def test_stance_adjective_whose_clause_hangs_on_the_linking_verb(everything) -> None:
    text = "The dockers were hopeful on Monday that the strike would end soon."
    (quote,) = by_cue(everything, text, "hopeful")
    assert quote.text == "that the strike would end soon"
    assert quote.speaker_text == "The dockers"
    text = "The growers were adamant that the co-operative keep its old name."
    (quote,) = by_cue(everything, text, "adamant")
    assert quote.text == "that the co-operative keep its old name"


# --- a partisan noun, what the subject of "be" is ----------------------------------------------


def test_partisan_noun_after_be_reports_what_it_is_for_or_against(everything) -> None:
    text = "The senator is a fierce critic of the harbour plan."
    (quote,) = by_cue(everything, text, "critic of")
    assert quote.text == "the harbour plan"
    assert quote.speaker_text == "The senator"


def test_partisan_noun_with_coordinated_prepositions(everything) -> None:
    text = "She has long been a supporter of the levy and of the new pier."
    (quote,) = by_cue(everything, text, "supporter of")
    assert quote.text == "the levy and of the new pier"
    assert quote.speaker_text == "She"


def test_partisan_noun_elsewhere_is_no_report(everything) -> None:
    text = "A supporter of the levy handed out leaflets at the market."
    assert by_cue(everything, text, "supporter of") == []
