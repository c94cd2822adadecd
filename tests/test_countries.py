"""Specification of onrecord.countries: country aliases, organisation speakers, pairs."""

from __future__ import annotations

import pytest

from onrecord.countries import (
    countries_in,
    country_mentions,
    country_name,
    in_pair,
    organization,
    organization_country,
    speaker_country,
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Washington accused Moscow of stalling.", {"US", "RU"}),
        ("The White House said nothing.", {"US"}),
        ("Ties between the U.S. and Russia are strained.", {"US", "RU"}),
        ("US-Russia relations", {"US", "RU"}),
        ("America and its allies", {"US"}),
        ("the United States of America", {"US"}),
        ("American diplomats met Russian officials.", {"US", "RU"}),
        ("The Kremlin said Kyiv must decide.", {"RU", "UA"}),
        ("Beijing and Tokyo", {"CN", "JP"}),
        ("Officials in Oslo and Reykjavik", {"NO", "IS"}),
        ("the EU and the UK", {"EU", "GB"}),
        ("Downing Street and the Élysée", {"GB", "FR"}),
        ("Ottawa, Berlin and Helsinki", {"CA", "DE", "FI"}),
        ("Stockholm and Ankara", {"SE", "TR"}),
        ("Tehran and Israel", {"IR", "IL"}),
        ("New Delhi welcomed the move.", {"IN"}),
        ("South Korean and North Korean envoys", {"KR", "KP"}),
        ("Russia's ties with the U.S.", {"RU", "US"}),
        ("RUSSIA WARNS UKRAINE", {"RU", "UA"}),
    ],
)
def test_aliases_name_countries(text: str, codes: set[str]) -> None:
    assert countries_in(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "He told us that it would be difficult.",  # "us" is not the US
        "The Washington Post reported on Friday.",  # an outlet, not the government
        "Latin American leaders gathered.",
        "A ship crossed the Indian Ocean.",
        "They grew up in Moscow, Idaho.",
        "The policy was discussed in Indiana.",  # word boundaries
        "russia",  # lower case is not a name as written in news
        "An official said the usual things.",
        "",
    ],
)
def test_non_country_text_names_no_country(text: str) -> None:
    assert countries_in(text) == set()


def test_a_dateline_in_capitals_is_not_a_mention() -> None:
    assert countries_in("LONDON — The Kremlin said on Friday.") == {"RU"}


def test_mentions_keep_offsets_into_the_text() -> None:
    text = "The Washington Post said Washington and Moscow talked."
    spans = [(m.text, m.code, text[m.start : m.end]) for m in country_mentions(text)]
    assert spans == [("Washington", "US", "Washington"), ("Moscow", "RU", "Moscow")]


@pytest.mark.parametrize(
    "code",
    [
        "US",
        "RU",
        "UA",
        "CN",
        "EU",
        "GB",
        "NO",
        "IS",
        "CA",
        "DE",
        "FR",
        "FI",
        "SE",
        "DK",
        "TR",
        "IR",
        "IL",
        "IN",
        "JP",
        "KR",
        "KP",
        "PL",
        "IT",
        "ES",
        "NL",
        "AU",
    ],
)
def test_main_countries_are_known(code: str) -> None:
    assert country_name(code) != code


def test_country_name() -> None:
    assert country_name("RU") == "Russia"
    assert country_name("us") == "United States"
    assert country_name("XX") == "XX"


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("the Kremlin", "RU", "organization"),
        ("Kremlin", "RU", "organization"),
        ("the State Department", "US", "organization"),
        ("the Pentagon", "US", "organization"),
        ("the White House", "US", "organization"),
        ("the Foreign Ministry", None, "organization"),
        ("NATO", None, "organization"),
        ("Russian officials", "RU", "group"),
        ("the Americans", "US", "group"),
        ("the Russian Foreign Ministry", "RU", "organization"),
        ("Kremlin officials", "RU", "group"),
    ],
)
def test_organizations(name: str, country: str | None, kind: str) -> None:
    org = organization(name)
    assert org is not None
    assert (org.country, org.kind) == (country, kind)
    assert organization_country(name) == country


@pytest.mark.parametrize("name", ["Dmitry Peskov", "Russia", "someone", ""])
def test_people_and_bare_countries_are_not_organizations(name: str) -> None:
    assert organization(name) is None


@pytest.mark.parametrize(
    ("name", "kind", "roles", "country"),
    [
        ("Dmitry Peskov", "person", ["Kremlin spokesman"], "RU"),
        ("John Kirby", "person", ["US National Security Council spokesman"], "US"),
        ("Vladimir Putin", "person", ["Russian President"], "RU"),
        ("Anniken Huitfeldt", "person", ["Norwegian foreign minister"], "NO"),
        ("Dmitry Peskov", "person", ["Putin's press secretary"], "RU"),
        ("Jane Doe", "person", ["US ambassador to Russia"], "US"),
        ("Jane Doe", "person", ["ambassador to Russia"], None),
        ("Jane Doe", "person", ["spokeswoman", "Canadian foreign minister"], "CA"),
        ("Jane Doe", "person", [], None),
        ("the Kremlin", "organization", [], "RU"),
        ("Russian officials", "group", [], "RU"),
        ("Russia", "organization", [], "RU"),
        ("the Foreign Ministry", "organization", [], None),
    ],
)
def test_speaker_country(name: str, kind: str, roles: list[str], country: str | None) -> None:
    assert speaker_country(name, kind, roles) == country


@pytest.mark.parametrize(
    ("speaker", "text", "member"),
    [
        ("RU", "Relations with Washington are at a low.", True),  # speaker side + other side
        ("US", "Moscow must stop the shelling.", True),
        ("RU", "Relations with Europe are bad.", False),  # other side not mentioned
        (None, "Russia and the United States talked.", True),  # both sides mentioned
        ("NO", "Russia and the United States talked.", True),
        ("NO", "Russia is our neighbour.", False),
        ("US", "The American position is clear.", False),  # only the speaker's own side
        (None, "Nothing about either.", False),
    ],
)
def test_in_pair(speaker: str | None, text: str, member: bool) -> None:
    assert in_pair(("US", "RU"), speaker, text) is member
    assert in_pair(("RU", "US"), speaker, text) is member
