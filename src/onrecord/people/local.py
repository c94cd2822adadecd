"""Inside one article: which mentions and quote speakers are the same entity.

`article_entities` is a pure function of one stored article's rows (its named
mentions and its quotes): it groups them into article-local entities (a person,
an organisation, a group, or a role nobody in the article is named with) and
says which span and which quote belongs to which. Cross-article resolution
(`onrecord.people.cluster`) then works on these entities only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.people.names import (
    LEADING_WORDS,
    ParsedName,
    RolePhrase,
    alias_key,
    country_of,
    group_nouns,
    honorifics,
    org_key,
    parse_name,
    parse_role,
    role_group,
    surname_key,
)

__all__ = ["ArticleEntities", "LocalEntity", "article_entities", "organization_name"]

_PRONOUNS = {"he", "she", "him", "her", "they", "we", "them", "us", "it", "i", "you", "who"}
_MAX_ROLE_WORDS = 9


@dataclass(slots=True)
class LocalEntity:
    """One speaker or named person as one article refers to it."""

    key: str
    kind: str  # person | organization | group | role
    block: str
    name: str
    pos: int
    names: list[str] = field(default_factory=list)  # names as written, titles stripped
    aliases: list[str] = field(default_factory=list)
    given: str | None = None  # canonical given name
    initial: str | None = None
    surname: str | None = None  # surname key
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    role: dict[str, Any] | None = None  # for a role nobody is named with

    def detail(self) -> dict[str, Any]:
        """What the store keeps of this entity besides its key, kind, block and name."""
        return {
            "pos": self.pos,
            "names": self.names,
            "aliases": sorted(set(self.aliases)),
            "given": self.given,
            "initial": self.initial,
            "surname": self.surname,
            "gender": self.gender,
            "roles": self.roles,
            "context": sorted(set(self.context)),
            "role": self.role,
        }


@dataclass(slots=True)
class ArticleEntities:
    """The entities of one article, the spans that refer to them and the quotes they said."""

    entities: dict[str, LocalEntity] = field(default_factory=dict)
    spans: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # -> (text, key)
    quotes: dict[str, str] = field(default_factory=dict)  # quote id -> entity key


def organization_name(name: str) -> tuple[str, str | None, str | None]:
    """The canonical name, kind and country of an organisation or group speaker.

    Uses `onrecord.countries.organization` when it is installed ("Kremlin" ->
    "the Kremlin"); otherwise the name as written, no kind and no country.
    """
    try:
        from onrecord.countries import organization
    except ImportError:  # optional: organisations then stay as written
        return name, None, None
    org = organization(name)
    if org is None:
        return name, None, None
    return org.name, org.kind, org.country


def _role_text(role: str | None) -> str | None:
    """A role as the speaker stage gave it, kept only if its head is a role noun."""
    if not role:
        return None
    words = role.split()
    if len(words) > _MAX_ROLE_WORDS:
        return None
    phrase = parse_role(role)
    if phrase is None or phrase.plural:
        return None
    return role.strip(" ,")


def _person_mention(text: str, row: Mapping[str, Any]) -> tuple[ParsedName | None, str | None]:
    """A person mention's name and role, repairing a given name left in the role.

    The parser sometimes ends the name at the surname and leaves the given name
    in the title ("Kremlin spokesperson Dmitry" + "Peskov"); a capitalised word
    that is not a role noun, right before the mention, goes back to the name.
    """
    name_text = row["name"] or row["text"]
    role = row.get("role")
    gender = None
    if role:
        words = role.split()
        while words and honorifics().get(words[-1].lower(), (None, "title"))[1] is None:
            gender = gender or honorifics()[words[-1].lower()][0]
            words.pop()
        parsed = parse_name(name_text)
        before = text[: row["start"]].rstrip()
        if (
            parsed is not None
            and parsed.given is None
            and len(words) >= 2
            and words[-1][:1].isupper()
            and words[-1].isalpha()
            and role_group(words[-1]) is None
            and before.endswith(words[-1])
            and any(role_group(w) for w in words[:-1])
        ):
            name_text = f"{words[-1]} {parsed.surname}"
            words.pop()
        role = " ".join(words) or None
        if role and len(words) == 1 and honorifics().get(role.lower(), (None, None))[1]:
            role = honorifics()[role.lower()][1]  # "Sen." -> "senator"
    parsed = parse_name(name_text)
    if parsed is not None and gender and not parsed.gender:
        parsed = ParsedName(parsed.name, parsed.given, parsed.surname, gender, parsed.title_role)
    return parsed, _role_text(role)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = ArticleEntities()

    @property
    def entities(self) -> dict[str, LocalEntity]:
        return self.out.entities

    def persons(self) -> list[LocalEntity]:
        return [e for e in self.entities.values() if e.kind == "person"]

    def link(self, start: int | None, end: int | None, key: str) -> None:
        if start is None or end is None or end <= start:
            return
        self.out.spans.setdefault((start, end), (self.text[start:end], key))

    # -- persons ---------------------------------------------------------------------
    def add_full(self, parsed: ParsedName, pos: int, surface: str, role: str | None) -> str:
        key = f"p:{parsed.given_key}|{parsed.surname_key}"
        entity = self.entities.get(key)
        if entity is None:
            entity = LocalEntity(
                key,
                "person",
                f"p:{parsed.surname_key}",
                parsed.name,
                pos,
                given=parsed.given_key,
                initial=parsed.initial,
                surname=parsed.surname_key,
            )
            self.entities[key] = entity
        self._note(entity, parsed, surface, role)
        return key

    def _note(
        self, entity: LocalEntity, parsed: ParsedName, surface: str, role: str | None
    ) -> None:
        if parsed.is_full:
            entity.names.append(parsed.name)
        entity.aliases.append(_surface(surface))
        entity.gender = entity.gender or parsed.gender
        if role:
            entity.roles.append(role)
        if parsed.title_role:
            entity.roles.append(parsed.title_role)

    def add_short(self, parsed: ParsedName, pos: int, surface: str, role: str | None) -> str:
        """A surname alone, an honorific form or an initial: join the article's full name."""
        matches = [
            e
            for e in self.persons()
            if e.given
            and e.surname == parsed.surname_key
            and (parsed.initial is None or parsed.given is None or e.initial == parsed.initial)
            and (parsed.gender is None or e.gender in (None, parsed.gender))
        ]
        if matches:
            before = [e for e in matches if e.pos <= pos]
            entity = (
                max(before, key=lambda e: e.pos) if before else min(matches, key=lambda e: e.pos)
            )
        else:
            key = f"p:|{parsed.surname_key}"
            entity = self.entities.get(key)
            if entity is None:
                entity = LocalEntity(
                    key,
                    "person",
                    f"p:{parsed.surname_key}",
                    parsed.surname,
                    pos,
                    initial=parsed.initial if parsed.given else None,
                    surname=parsed.surname_key,
                )
                self.entities[key] = entity
        self._note(entity, parsed, surface, role)
        return entity.key

    def add_person(self, parsed: ParsedName, pos: int, surface: str, role: str | None) -> str:
        if parsed.is_full:
            return self.add_full(parsed, pos, surface, role)
        return self.add_short(parsed, pos, surface, role)

    def person_named(self, name: str) -> str | None:
        """The key of the article's person a name or surname denotes, if there is one."""
        parsed = parse_name(name)
        if parsed is None:
            return None
        if parsed.is_full:
            key = f"p:{parsed.given_key}|{parsed.surname_key}"
            return key if key in self.entities else None
        found = [e for e in self.persons() if e.surname == parsed.surname_key]
        return found[0].key if len(found) == 1 else None

    def absorb_short(self) -> None:
        """Surname-only entities created before their full name appeared join it."""
        for key in [k for k, e in self.entities.items() if e.kind == "person" and not e.given]:
            short = self.entities[key]
            full = [e for e in self.persons() if e.given and e.surname == short.surname]
            if short.gender:
                full = [e for e in full if e.gender in (None, short.gender)]
            if len(full) != 1:
                continue
            target = full[0]
            target.aliases += short.aliases
            target.roles += short.roles
            target.gender = target.gender or short.gender
            target.pos = min(target.pos, short.pos)
            del self.entities[key]
            self._rekey(key, target.key)

    def _rekey(self, old: str, new: str) -> None:
        for span, (text, key) in list(self.out.spans.items()):
            if key == old:
                self.out.spans[span] = (text, new)
        for quote_id, key in list(self.out.quotes.items()):
            if key == old:
                self.out.quotes[quote_id] = new

    # -- roles, organisations, groups ------------------------------------------------
    def person_with_role(self, phrase: RolePhrase, pos: int) -> str | None:
        """The article's person introduced with a role that fits ``phrase``."""
        owner = parse_name(phrase.owner) if phrase.owner else None
        wanted_country = country_of(phrase.text, phrase.owner)
        best: tuple[int, int, str] | None = None
        for entity in self.persons():
            if owner is not None and entity.surname == owner.surname_key:
                continue  # "Putin's press secretary" is not Putin
            for role in entity.roles:
                score = role_fit(phrase, wanted_country, role)
                if score is None:
                    continue
                nearness = entity.pos if entity.pos <= pos else -entity.pos
                if best is None or (score, nearness) > best[:2]:
                    best = (score, nearness, entity.key)
        return best[2] if best else None

    def add_role_only(self, phrase: RolePhrase, pos: int) -> str:
        key = f"r:{phrase.key}"
        for entity in self.entities.values():
            # "the press secretary" after "the White House press secretary": the same one
            if (
                entity.kind == "role"
                and entity.role
                and entity.pos < pos
                and entity.role["group"] == phrase.group
                and phrase.modifiers <= set(entity.role["modifiers"])
                and (phrase.owner is None or phrase.owner == entity.role["owner"])
            ):
                key = entity.key
        if key not in self.entities:
            self.entities[key] = LocalEntity(
                key,
                "role",
                f"r:{phrase.group}",
                phrase.text,
                pos,
                role={
                    "group": phrase.group,
                    "modifiers": sorted(phrase.modifiers),
                    "owner": phrase.owner,
                    "country": country_of(phrase.text, phrase.owner),
                },
            )
        self.entities[key].aliases.append(phrase.text)
        return key

    def add_org(self, name: str, kind: str, pos: int) -> str:
        canonical, listed_kind, _ = organization_name(name)
        kind = listed_kind or kind
        key_text = org_key(canonical)
        prefix = "g" if kind == "group" else "o"
        key = f"{prefix}:{key_text}"
        if key not in self.entities:
            self.entities[key] = LocalEntity(key, kind, key, canonical, pos)
        self.entities[key].aliases.append(_surface(name))
        return key


def _surface(text: str) -> str:
    text = text.replace("’", "'").strip(" ,;:")
    first, _, rest = text.partition(" ")
    if rest and first.lower() in LEADING_WORDS:
        text = rest
    for suffix in ("'s", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
    return text


def role_fit(phrase: RolePhrase, phrase_country: str | None, role: str) -> int | None:
    """How well a role someone was seen with fits a role phrase: None if it does not.

    The role nouns must mean the same role ("spokesman" ~ "press secretary");
    roles that speak for different countries never fit; otherwise each shared
    modifier word counts two and a shared country one.
    """
    seen = parse_role(role)
    if seen is None or seen.group != phrase.group:
        return None
    seen_country = country_of(seen.text, seen.owner)
    if phrase_country and seen_country and phrase_country != seen_country:
        return None
    return 2 * len(phrase.modifiers & seen.modifiers) + int(
        bool(phrase_country) and phrase_country == seen_country
    )


def _plain_name(text: str) -> bool:
    """Whether a speaker as written is a name alone (an honorific allowed), no role words."""
    parsed = parse_name(text)
    words = parsed.name.split() if parsed else []
    return bool(words) and all(w[:1].isupper() and role_group(w) is None for w in words)


_ORG_WORDS = {
    "ministry",
    "department",
    "council",
    "agency",
    "office",
    "service",
    "news",
    "institute",
    "bank",
    "party",
    "group",
    "company",
    "corporation",
    "inc",
    "ltd",
    "times",
    "post",
    "press",
    "committee",
    "commission",
    "union",
    "court",
    "parliament",
    "assembly",
    "government",
    "university",
    "foundation",
    "fund",
    "forces",
    "army",
    "navy",
    "police",
    "embassy",
    "house",
}


def _looks_like_person(name: str) -> bool:
    """Whether a speaker the parser called an organisation reads like a person's name.

    One to four capitalised words, none of them an organisation word, not all
    capitals (NATO, TASS), naming no country, and not a listed organisation.
    """
    words = name.split()
    if not 1 <= len(words) <= 4 or name.isupper():
        return False
    if any(not w[:1].isupper() or not w.replace("-", "").replace(".", "").isalpha() for w in words):
        return False
    if any(w.lower() in _ORG_WORDS for w in words) or words[0].lower() in ("the", "a", "an"):
        return False
    return not (country_of(name) is not None or organization_name(name)[1] is not None)


def _is_group_head(text: str) -> bool:
    words = org_key(text).split()
    return bool(words) and words[-1] in group_nouns()


def article_entities(
    text: str, mentions: Sequence[Mapping[str, Any]], quotes: Sequence[Mapping[str, Any]]
) -> ArticleEntities:
    """Group one article's mentions and quote speakers into article-local entities.

    ``mentions`` are rows of the ``mentions`` table (start, end, text, name, kind,
    role); ``quotes`` rows of ``quotes`` (id, speaker_start, speaker_end,
    speaker_text, speaker, speaker_kind, speaker_basis).
    """
    build = _Builder(text)
    person_rows = sorted((m for m in mentions if m["kind"] == "person"), key=lambda m: m["start"])
    # full names first, so a surname before its full name (a headline) still joins it
    parsed_rows = [(m, *_person_mention(text, m)) for m in person_rows]
    for m, parsed, role in parsed_rows:
        if parsed is not None and parsed.is_full:
            build.link(m["start"], m["end"], build.add_full(parsed, m["start"], m["text"], role))
    for m, parsed, role in parsed_rows:
        if parsed is not None and not parsed.is_full:
            build.link(m["start"], m["end"], build.add_short(parsed, m["start"], m["text"], role))
    for quote in sorted(quotes, key=lambda q: (q["speaker_start"] or 0, q["start"])):
        key = _speaker_entity(build, quote)
        if key is not None:
            build.out.quotes[quote["id"]] = key
            build.link(quote["speaker_start"], quote["speaker_end"], key)
    build.absorb_short()
    # organisation mentions that also speak, or that are really a person's surname
    for m in mentions:
        if m["kind"] == "person":
            continue
        key = build.person_named(m["text"])
        if key is None and _looks_like_person(m["text"]):
            parsed = parse_name(m["text"])
            key = build.person_named(parsed.name) if parsed else None
        if key is None:
            candidate = org_key(organization_name(m["text"])[0])
            key = next(
                (k for k in (f"o:{candidate}", f"g:{candidate}") if k in build.entities), None
            )
        if key is not None:
            build.link(m["start"], m["end"], key)
    full = sorted(e.key for e in build.persons() if e.given)
    for entity in build.persons():
        entity.context = [k for k in full if k != entity.key]
        if entity.names:
            entity.name = max(set(entity.names), key=lambda n: (entity.names.count(n), n))
    return build.out


def _speaker_entity(build: _Builder, quote: Mapping[str, Any]) -> str | None:
    """The local entity a quote's speaker is, creating it if needed; None if there is none."""
    written = (quote["speaker_text"] or "").strip()
    resolved = (quote["speaker"] or "").strip()
    kind = quote["speaker_kind"]
    basis = quote["speaker_basis"]
    pos = quote["speaker_start"] if quote["speaker_start"] is not None else quote["start"]
    if not written and not resolved:
        return None
    phrase = parse_role(written) if written else None
    if phrase is not None and phrase.plural:
        return build.add_org(written, "group", pos)
    if phrase is not None:
        owner = parse_name(phrase.owner) if phrase.owner else None
        if (
            kind == "person"
            and basis == "role"
            and resolved
            and alias_key(resolved) != alias_key(written)
        ):
            key = build.person_named(resolved)
            owned = owner is not None and key is not None and key.endswith(f"|{owner.surname_key}")
            if key is not None and not owned:
                return key
        return build.person_with_role(phrase, pos) or build.add_role_only(phrase, pos)
    if resolved.lower() in _PRONOUNS or (not resolved and written.lower() in _PRONOUNS):
        return None
    name = resolved or written
    if kind == "person":
        key = build.person_named(name)
        surface = written if basis == "name" and _plain_name(written) else name
        if key is not None:
            build.entities[key].aliases.append(_surface(surface))
            return key
        parsed = parse_name(name)
        return build.add_person(parsed, pos, surface, None) if parsed else None
    if kind in ("organization", "group"):
        key = build.person_named(name)
        if key is not None:
            return key
        if basis == "name" and _looks_like_person(name):
            parsed = parse_name(name)
            if parsed is not None:
                return build.add_person(parsed, pos, name, None)
        if (
            kind == "group"
            and not _is_group_head(name)
            and surname_key(name)
            and name[:1].isupper()
        ):
            kind = "organization"  # a capital or a country speaking: its government
        elif kind == "group" and not _is_group_head(name) and organization_name(name)[1] is None:
            return None  # "reports", "relations": a plural noun that is nobody
        return build.add_org(name, kind, pos)
    return None
