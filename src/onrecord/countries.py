"""Countries in a text and the country of a speaker, for country-pair timelines.

Aliases live in ``data/countries.json``: country names and abbreviations
("United States", "U.S.", "US"), demonyms ("Russian"), capitals and seats of
government used as metonyms ("Washington", "the Kremlin"). Matching is
case-sensitive and on word boundaries, so "US" is the United States and "us" is
not; names and demonyms also match written in capitals, as in headlines, while
capitals do not (a dateline "LONDON —" is where the reporter was, not a party).
Phrases that contain an alias without meaning the country ("Washington Post",
"Latin America") are removed before matching.

Organisation speakers ("the Kremlin", "the State Department", "Russian
officials") are in ``data/organizations.json`` with their kind and country.
Codes are ISO 3166-1 alpha-2 ("GB" for the United Kingdom), plus "EU".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

__all__ = [
    "CountryMention",
    "Organization",
    "countries_in",
    "country_mentions",
    "country_name",
    "in_pair",
    "organization",
    "organization_country",
    "speaker_country",
]

OrganizationKind = Literal["organization", "group"]

# A country named right after these words in a role is where the speaker is posted
# or what they deal with, not their own: "US ambassador to Russia", "envoy in Kyiv".
_DESTINATION_WORDS = frozenset({"to", "in", "at", "for", "on", "with", "toward", "towards"})


@dataclass(frozen=True, slots=True)
class CountryMention:
    """One alias of a country found in a text: span, text as written and country code."""

    start: int
    end: int
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation or group that speaks: canonical name, country (or None) and kind."""

    name: str
    country: str | None
    kind: OrganizationKind


@dataclass(frozen=True, slots=True)
class _Countries:
    names: dict[str, str]  # code -> English name
    alias_code: dict[str, str]  # alias as matched -> code
    aliases: re.Pattern[str]
    exclusions: re.Pattern[str]
    leaders: re.Pattern[str]
    leader_code: dict[str, str]


def _read_json(name: str) -> dict:
    source = resources.files("onrecord").joinpath(f"data/{name}")
    return json.loads(source.read_text(encoding="utf-8"))


def _alternation(phrases: Sequence[str]) -> str:
    # Longest first, so "South Korean" wins over a shorter alias at the same place.
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p) for p in ordered)


def _bounded(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


@cache
def _countries() -> _Countries:
    data = _read_json("countries.json")
    alias_code: dict[str, str] = {}
    leader_code: dict[str, str] = {}
    names: dict[str, str] = {}
    for country in data["countries"]:
        code = country["code"]
        names[code] = country["name"]
        for alias in (*country["names"], *country["demonyms"]):
            alias_code[alias] = code
            alias_code.setdefault(alias.upper(), code)
        for alias in country["places"]:
            alias_code[alias] = code
        for leader in country.get("leaders", ()):
            leader_code[leader] = code
    exclusions = [*data["exclusions"], *(e.upper() for e in data["exclusions"])]
    return _Countries(
        names=names,
        alias_code=alias_code,
        aliases=_bounded(_alternation(list(alias_code))),
        exclusions=_bounded(_alternation(exclusions)),
        leaders=re.compile(rf"(?<![\w.])({_alternation(list(leader_code))})['’]s?(?!\w)"),
        leader_code=leader_code,
    )


def country_mentions(text: str) -> list[CountryMention]:
    """Return every country alias in ``text``, in order, with its span and code."""
    table = _countries()
    # Blank excluded phrases to spaces of the same length, so spans stay true.
    masked = table.exclusions.sub(lambda m: " " * len(m.group()), text)
    return [
        CountryMention(m.start(), m.end(), m.group(), table.alias_code[m.group()])
        for m in table.aliases.finditer(masked)
    ]


def countries_in(text: str) -> set[str]:
    """Return the codes of the countries that ``text`` mentions ("Moscow" -> "RU")."""
    return {mention.code for mention in country_mentions(text)}


def country_name(code: str) -> str:
    """Return the English name of a country code, or the code itself if it is unknown."""
    return _countries().names.get(code.upper(), code)


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()
    return name.removeprefix("the ")


@cache
def _organizations() -> tuple[dict[str, Organization], tuple[str, ...]]:
    data = _read_json("organizations.json")
    table: dict[str, Organization] = {}
    for entry in data["organizations"]:
        org = Organization(entry["name"], entry["country"], entry["kind"])
        for alias in (entry["name"], *entry["aliases"]):
            table[_key(alias)] = org
    group_nouns = tuple(sorted(data["group_nouns"], key=len, reverse=True))
    return table, group_nouns


def organization(name: str) -> Organization | None:
    """Return the organisation or group a speaker name denotes, or None if it is not one.

    Listed organisations come from ``data/organizations.json``; other names that
    mention exactly one country are that country's organisation ("the Russian
    Foreign Ministry") or group ("Russian officials", "the Americans").
    """
    table, group_nouns = _organizations()
    key = _key(name)
    if key in table:
        return table[key]
    codes = list(dict.fromkeys(m.code for m in country_mentions(name.strip())))
    if len(codes) != 1:
        return None
    mentions = country_mentions(name.strip())
    last_word = key.rsplit(" ", 1)[-1]
    plural_demonym = (
        len(mentions) == 1
        and mentions[0].text.endswith("s")
        and (name.strip().endswith(mentions[0].text))
    )
    is_group = plural_demonym or any(key.endswith(noun) for noun in group_nouns)
    if not is_group and last_word == _key(mentions[-1].text):
        return None  # a bare country name or demonym is not an organisation
    return Organization(name.strip(), codes[0], "group" if is_group else "organization")


def organization_country(name: str) -> str | None:
    """Return the country code of an organisation speaker, or None if it has none or is unknown.

    "the Kremlin" -> "RU"; "Russian officials" -> "RU"; "the Foreign Ministry" -> None
    (which ministry depends on the article); "NATO" -> None.
    """
    org = organization(name)
    return org.country if org else None


def _role_country(role: str) -> str | None:
    table = _countries()
    own: list[tuple[int, str]] = []
    for mention in country_mentions(role):
        before = role[: mention.start].split()
        if before and before[-1].lower() in _DESTINATION_WORDS:
            continue
        own.append((mention.start, mention.code))
    for match in table.leaders.finditer(role):
        own.append((match.start(), table.leader_code[match.group(1)]))
    return min(own)[1] if own else None


def speaker_country(name: str, kind: str, roles: Sequence[str]) -> str | None:
    """Return the country a speaker speaks for, or None if nothing says.

    Organisations and groups by their name ("the Kremlin" -> "RU"); people by
    their roles, first role first ("Kremlin spokesman" -> "RU", "Norwegian foreign
    minister" -> "NO", "Putin's press secretary" -> "RU", "US ambassador to
    Russia" -> "US").
    """
    if kind in ("organization", "group", "unknown"):
        country = organization_country(name)
        if country:
            return country
    for role in roles:
        country = _role_country(role)
        if country:
            return country
    if kind != "person":
        return _role_country(name)
    return None


def in_pair(pair: tuple[str, str], speaker_country: str | None, text: str) -> bool:
    """Return whether a statement belongs to the timeline of a country pair.

    It does when the speaker's country is one side and the text mentions the
    other, or when the text mentions both sides.
    """
    first, second = (code.upper() for code in pair)
    mentioned = countries_in(text)
    if speaker_country == first and second in mentioned:
        return True
    if speaker_country == second and first in mentioned:
        return True
    return first in mentioned and second in mentioned
