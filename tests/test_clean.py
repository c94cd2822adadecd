"""Boilerplate lines are recorded as spans and blanked for the NLP, never cut."""

from __future__ import annotations

import pytest

from onrecord.clean import clean, find_boilerplate
from onrecord.model import Article

ARTICLE = (
    "Harbour talks stall again\n"
    "\n"
    "Sign up now: get our newsletters delivered to your inbox\n"
    "\n"
    "The minister said the talks would resume in spring.\n"
    "PHOTO: NORTHERN WIRE/Staff\n"
    "Follow topic:\n"
    "“We are patient,” she said.\n"
    "See more on\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up now: get our newsletters delivered to your inbox",
        "PHOTO: NORTHERN WIRE/Staff",
        "Follow topic:",
        "See more on",
        "Image: AP",
        "Read more: the full interview",
        "Harbour at dawn. (Northern Wire/Anna Berg) (via WIRE)",
    ],
)
def test_boilerplate_lines_are_found(line: str) -> None:
    text = f"First line of prose here.\n{line}\nLast line of prose.\n"
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would resume in spring.",
        "“We are patient,” she said.",
        "Photographers gathered outside the ministry on Friday as talks went on for hours.",
        "Subscribers to the fishing registry were told on Monday that quotas would fall.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert find_boilerplate(f"{line}\n") == []


def test_a_caption_printed_twice_is_blanked_the_second_time() -> None:
    text = "Minister Dahl speaks in Oslo.\nMinister Dahl speaks in Oslo.\nProse.\n"
    assert find_boilerplate(text) == [(30, 59)]


def test_blanking_keeps_every_offset() -> None:
    article = clean(Article(text=ARTICLE, source="t.txt"))
    assert len(article.nlp_text) == len(article.text)
    assert "newsletter" not in article.nlp_text and "PHOTO" not in article.nlp_text
    quote_at = article.text.index("“We are patient")
    assert article.nlp_text[quote_at : quote_at + 15] == "“We are patient"
    assert article.nlp_text.count("\n") == article.text.count("\n")
