"""In-article speakers: named mentions, the roles they come with, and resolution.

A speaker mention as written ("he", "the Kremlin spokesperson", "Peskov") is
resolved to the best name the article gives that person ("Dmitry Peskov"):

- names: a surname or a titled name ("Mr Peskov") joins the full name seen
  earlier in the article that ends with it;
- pronouns: the nearest preceding person, preferring the last speaker;
- role nouns: the person introduced with that role, through a title in front
  of the name ("Kremlin spokesman Dmitry Peskov"), an apposition ("Dmitry
  Peskov, the Kremlin spokesman") or a possessive ("Putin's press secretary");
- organisations stay organisations, plural nouns and "they" are groups.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from onrecord.model import Mention, SpeakerKind
from onrecord.people.names import honorifics

__all__ = ["ResolvedSpeaker", "SpeakerResolver", "is_speaker_noun", "load_role_nouns"]

# Titles that stand before a name and are not part of it: the honorifics lexicon the
# people stage uses too, and the first word of a two-word title ("Prime Minister").
_TITLES = frozenset(honorifics()) | {"prime"}
_NOT_FIRST_NAMES = {"The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "After", "For"}
_ORG_NOUNS = {
    "ministry",
    "government",
    "party",
    "company",
    "bank",
    "agency",
    "office",
    "department",
    "union",
    "council",
    "federation",
    "club",
    "team",
    "committee",
    "commission",
    "court",
    "association",
    "service",
    "paper",
    "newspaper",
    "firm",
    "manufacturer",
    "group",
    "board",
    "campaign",
    "administration",
    "police",
    "army",
    "military",
    "embassy",
    "academy",
    "institute",
    "university",
    "school",
    "hospital",
    "network",
    "channel",
    "station",
    "league",
    "study",
    "report",
    "survey",
    "poll",
    "data",
    "research",
}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "we", "them", "us"}
_ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
_FEMALE_TITLES = frozenset(word for word, (gender, _) in honorifics().items() if gender == "f")
_MALE_TITLES = frozenset(word for word, (gender, _) in honorifics().items() if gender == "m")


@functools.cache
def load_role_nouns() -> dict[str, str]:
    """Return the role-noun lexicon: role noun -> the role group it belongs to."""
    text = resources.files("onrecord.data").joinpath("role_nouns.txt").read_text("utf-8")
    roles: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        noun, _, group = line.partition("\t")
        roles[noun.strip().lower()] = (group or noun).strip().lower()
    return roles


def is_speaker_noun(word: str) -> bool:
    """Whether a common noun names a speaker: a role ("minister") or a body ("union")."""
    word = word.lower()
    return (
        word in load_role_nouns()
        or _role_group(word) is not None
        or word in _ORG_NOUNS
        or word.rstrip("s") in _ORG_NOUNS
    )


@dataclass(frozen=True, slots=True)
class ResolvedSpeaker:
    """A speaker mention as written and what it resolves to."""

    start: int
    end: int
    text: str
    name: str
    kind: SpeakerKind
    basis: str  # name | pronoun | role


@dataclass(slots=True)
class _Person:
    name: str
    start: int
    role_groups: set[str]
    gender: str | None = None
    subject: bool = False  # the mention is a clause's subject (pronouns prefer these)
    role_words: frozenset[str] = frozenset()  # "kremlin", "spokesman" of the role text


# words of a role or a mention that say nothing about which holder is meant
_ROLE_STOPWORDS = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "'s",
    "’s",
    "'",
    "’",
    ",",
    "and",
    "its",
    "his",
    "her",
}
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _gender_of_role(words: Iterable[str]) -> str | None:
    """The gender a role noun spells out: "spokeswoman" f, "chairman" m, else None."""
    for word in words:
        if word.endswith(("woman", "women")):
            return "f"
        if word.endswith(("man", "men")) and _role_group(word) is not None:
            return "m"
    return None


def _title_gender(ent: Span) -> str | None:
    """The gender of a title written just before a name the tagger left it out of ("Mrs")."""
    if ent.start == 0:
        return None
    title = ent.doc[ent.start - 1].lower_
    return "f" if title in _FEMALE_TITLES else "m" if title in _MALE_TITLES else None


def _modifiers(tokens: Span, head: Token) -> frozenset[str]:
    """The words of a role mention that tell one holder from another ("kremlin")."""
    return frozenset(
        t.lower_
        for t in tokens
        if t.i != head.i and t.is_alpha and t.lower_ not in _ROLE_STOPWORDS and t.dep_ != "det"
    )


def _role_group(word: str) -> str | None:
    roles = load_role_nouns()
    word = word.lower()
    return roles.get(word) or roles.get(word.rstrip("s")) or None


def _strip_name(span: Span) -> tuple[str, str | None]:
    """The name without titles and possessive, and the gender a title implies."""
    tokens = [t for t in span if t.text not in ("'s", "’s", "'", "’")]
    gender = None
    while len(tokens) > 1 and tokens[0].lower_ in _TITLES:
        low = tokens[0].lower_
        gender = "f" if low in _FEMALE_TITLES else "m" if low in _MALE_TITLES else gender
        tokens = tokens[1:]
    name = " ".join(t.text for t in tokens).strip(" ,.")
    return name, gender


def _expand_person(ent: Span) -> Span:
    """The entity with first names the tagger left out ("Dmitry" in "Dmitry Volkov")."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].dep_ in ("compound", "nsubj", "nmod")
        and doc[start - 1].head.i in range(start, ent.end)
        and doc[start - 1].lower_.strip(".") not in _TITLES
        and _role_group(doc[start - 1].lower_) is None
        and doc[start - 1].ent_type_ in ("", "PERSON")
        and doc[start - 1].whitespace_ != ""
    ):
        start -= 1
    return doc[start : ent.end] if start != ent.start else ent


def _role_tokens(ent: Span) -> list[Token]:
    """Tokens that give the role a named entity is introduced with."""
    root = ent.root
    doc = ent.doc
    found: list[Token] = []
    # "Kremlin spokesman Dmitry Peskov", "Putin's press secretary Dmitry Peskov": title
    # words just before the name, attached to it or to each other
    inside = set(range(ent.start, ent.end))
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "npadvmod"):
        possessive_mark = doc[i].dep_ == "case" and doc[i].head.i == i - 1
        if doc[i].head.i not in inside and not possessive_mark:
            break
        found.insert(0, doc[i])
        inside.add(doc[i].i)
        i -= 1
    # "Dmitry Peskov, the Kremlin spokesman": apposition
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            found.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "relcl"))
            break
    # "the Kremlin's spokesman, Dmitry Peskov": the name is the apposition of a role noun
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN":
        noun = root.head
        # "the head of the institute, Professor Mila Orlova" may hang on "institute":
        # the role is the whole noun phrase the apposition follows
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        found.extend(t for t in noun.subtree if t.i < ent.start and t.dep_ not in ("det", "punct"))
    seen: set[int] = set()
    unique = [t for t in found if not (t.i in seen or seen.add(t.i))]
    return [t for t in unique if t.text not in (",", "'s", "’s")]


class SpeakerResolver:
    """Named mentions of one parsed article, and resolution of speaker mentions to them."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``: the article text when ``doc`` was parsed from a partly blanked copy."""
        self.doc = doc
        self.text = text if text is not None else doc.text
        self._people: list[_Person] = []
        self._mentions: list[Mention] = []
        self._full_names: dict[str, str] = {}  # surname (lower) -> full name
        self._last_speaker: tuple[int, str, SpeakerKind] | None = None
        self._ents = tuple(doc.ents)  # Span.ents rebuilds every entity on each call
        self._collect()

    def _ents_in(self, tokens: Span) -> list[Span]:
        """The entities wholly inside ``tokens`` (what ``tokens.ents`` gives, cached)."""
        return [e for e in self._ents if e.start >= tokens.start and e.end <= tokens.end]

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Named people and organisations seen, with the role each was introduced with."""
        return tuple(self._mentions)

    def _canonical(self, name: str) -> str:
        parts = name.split()
        if len(parts) >= 2:
            self._full_names.setdefault(parts[-1].lower(), name)
            return name
        return self._full_names.get(name.lower(), name)

    def _collect(self) -> None:
        for ent in self._ents:
            if ent.label_ == "PERSON":
                ent = _expand_person(ent)
                raw, gender = _strip_name(ent)
                if not raw or not raw[0].isupper():
                    continue
                gender = gender or _title_gender(ent)
                name = self._canonical(raw)
                inner_titles = []
                for t in ent:
                    if t.lower_.strip(".") not in _TITLES and _role_group(t.lower_) is None:
                        break
                    inner_titles.append(t)
                roles = sorted(
                    {t.i: t for t in (*_role_tokens(ent), *inner_titles)}.values(),
                    key=lambda t: t.i,
                )
                role = " ".join(t.text for t in roles).strip() or None
                role_words = frozenset(
                    t.lower_ for t in roles if t.is_alpha and t.lower_ not in _ROLE_STOPWORDS
                )
                gender = gender or _gender_of_role(role_words)
                groups = {g for t in roles if (g := _role_group(t.lemma_))}
                if role and len(roles) >= 2:
                    two = f"{roles[-2].lower_} {roles[-1].lower_}"
                    if g := _role_group(two):
                        groups.add(g)
                existing = next((p for p in self._people if p.name == name), None)
                if existing:
                    existing.role_groups |= groups
                    existing.gender = existing.gender or gender
                    gender = existing.gender
                    role_words |= existing.role_words
                root = ent.root
                subject = root.dep_ in ("nsubj", "nsubjpass") or (
                    root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")
                )
                self._people.append(
                    _Person(name, ent.start_char, set(groups), gender, subject, role_words)
                )
                self._mentions.append(
                    Mention(ent.start_char, ent.end_char, ent.text, name, "person", role)
                )
            elif ent.label_ == "ORG":
                self._mentions.append(
                    Mention(ent.start_char, ent.end_char, ent.text, ent.text, "organization")
                )

    def note_speaker(self, position: int, name: str, kind: SpeakerKind) -> None:
        """Record the speaker of the last quote (pronouns prefer it)."""
        self._last_speaker = (position, name, kind)

    def _person_before(
        self,
        position: int,
        group: str | None = None,
        subject: bool = False,
        gender: str | None = None,
        modifiers: frozenset[str] = frozenset(),
    ) -> _Person | None:
        """The last person named before ``position`` that fits.

        ``group``: holds a role of that group; ``subject``: was a clause's subject;
        ``gender``: is not known to be of the other gender; ``modifiers``: among the
        holders of the role, prefer the one whose role shares most of these words
        ("the Kremlin spokesman" is the Kremlin's, not the ministry's).
        """
        best: _Person | None = None
        best_shared = 0
        for person in self._people:
            if person.start >= position:
                break
            if group is not None and group not in person.role_groups:
                continue
            if subject and not person.subject:
                continue
            if gender is not None and self._gender(person.name) not in (None, gender):
                continue
            shared = len(modifiers & person.role_words)
            if shared >= best_shared:
                best, best_shared = person, shared
        return best

    def _gender(self, name: str) -> str | None:
        """The gender a title or a role noun has given this person in the article."""
        return next((p.gender for p in self._people if p.name == name and p.gender), None)

    def _full_name_before(self, surname: str, position: int) -> str | None:
        """A full name ending in ``surname`` written earlier ("Annika Vos" for "Vos")."""
        pattern = re.compile(
            r"\b([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?)\s+" + re.escape(surname) + r"\b"
        )
        found = None
        for m in pattern.finditer(self.text, 0, position):
            first = m.group(1).split()
            while first and (
                first[0].lower().strip(".") in _TITLES or first[0] in _NOT_FIRST_NAMES
            ):
                first = first[1:]
            if first and first[-1].lower() not in load_role_nouns():
                found = f"{' '.join(first[-1:])} {surname}"
        return found

    def _name(self, raw: str, position: int) -> str:
        name = self._canonical(raw)
        if " " not in name and name[:1].isupper():
            full = self._full_name_before(name, position)
            if full:
                self._full_names[name.lower()] = full
                return full
        return name

    def resolve(self, tokens: Span) -> ResolvedSpeaker:
        """Resolve a speaker mention (a span of the parsed article) to a name."""
        ents = self._ents_in(tokens)
        text = tokens.text
        start, end = tokens.start_char, tokens.end_char
        head = tokens.root
        low = head.lower_
        is_role = _role_group(head.lemma_) is not None or _role_group(low) is not None
        # a named entity that is the mention itself, not a modifier ("Norland's delegate")
        for ent in ents:
            if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
                raw, _ = _strip_name(_expand_person(ent))
                return ResolvedSpeaker(start, end, text, self._name(raw, start), "person", "name")
        for ent in ents:
            if (
                ent.label_ in _ORG_LABELS
                and ent.start <= head.i < ent.end
                and len(ent) <= 3
                and " " not in ent.text.strip()
                and (
                    ent.text.lower() in self._full_names or self._full_name_before(ent.text, start)
                )
            ):
                # "Mensah-Bell" tagged as an organisation, after "Kofi Mensah-Bell"
                name = self._name(ent.text, start)
                return ResolvedSpeaker(start, end, text, name, "person", "name")
        for ent in ents:
            if ent.label_ in _ORG_LABELS and ent.start <= head.i < ent.end and not is_role:
                kind: SpeakerKind = "organization" if ent.label_ in ("ORG", "FAC") else "group"
                return ResolvedSpeaker(start, end, text, _bare(ent.text), kind, "name")
        if low in _PERSON_PRONOUNS:
            gender = _PRONOUN_GENDER[low]
            if (
                self._last_speaker
                and self._last_speaker[2] == "person"
                and self._gender(self._last_speaker[1]) in (None, gender)
            ):
                last_pos, last_name, _ = self._last_speaker
                nearest = self._person_before(start, subject=True, gender=gender)
                if nearest is None or nearest.start <= last_pos or nearest.name == last_name:
                    return ResolvedSpeaker(start, end, text, last_name, "person", "pronoun")
            person = self._person_before(start, subject=True, gender=gender) or self._person_before(
                start, gender=gender
            )
            if person:
                return ResolvedSpeaker(start, end, text, person.name, "person", "pronoun")
            return ResolvedSpeaker(start, end, text, text, "unknown", "pronoun")
        if low in _GROUP_PRONOUNS:
            return ResolvedSpeaker(start, end, text, text, "group", "pronoun")
        looks_named = any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens) and all(
            t.pos_ in ("PROPN", "PUNCT", "DET") for t in tokens
        )
        if head.pos_ == "PROPN" and not is_role and looks_named:
            name = self._name(_bare(text.strip()), start)
            return ResolvedSpeaker(start, end, text, name, "person", "name")
        if head.pos_ == "PROPN" and not is_role and head.text[:1].isupper():
            # "national coach Serov", "lead author Dr. Fiona Marr": the name is the run of
            # capitalised words ending at the head, without titles and role words
            run = [head]
            i = head.i - 1
            while (
                i >= tokens.start
                and tokens.doc[i].pos_ == "PROPN"
                and tokens.doc[i].text[:1].isupper()
            ):
                run.insert(0, tokens.doc[i])
                i -= 1
            while len(run) > 1 and (
                run[0].lower_.strip(".") in _TITLES or _role_group(run[0].lower_) is not None
            ):
                run = run[1:]
            name = self._name(" ".join(t.text for t in run), start)
            return ResolvedSpeaker(start, end, text, name, "person", "name")
        for child in head.children:
            # "the head of the institute, Professor Mila Orlova": the apposition names them
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and tokens.start <= child.i < tokens.end
            ):
                raw, _ = _strip_name(tokens.doc[child.left_edge.i : child.i + 1])
                return ResolvedSpeaker(start, end, text, self._name(raw, start), "person", "role")
        group = _role_group(head.lemma_) or _role_group(low)
        if head.i > tokens.start:
            group = _role_group(f"{tokens.doc[head.i - 1].lower_} {low}") or group
        indefinite = tokens[0].lower_ in ("a", "an", "another")
        if group is not None and head.tag_ not in ("NNS", "NNPS") and not indefinite:
            person = self._person_before(
                start,
                group,
                gender=_gender_of_role([low]),
                modifiers=_modifiers(tokens, head),
            )
            if person:
                return ResolvedSpeaker(start, end, text, person.name, "person", "role")
        if group is not None and head.tag_ not in ("NNS", "NNPS"):
            # "a spokeswoman for the campaign" brings in someone not named before
            return ResolvedSpeaker(start, end, text, _bare(text), "person", "role")
        kind: SpeakerKind = "group" if head.tag_ in ("NNS", "NNPS") else "organization"
        if head.ent_type_ == "" and head.pos_ == "NOUN" and head.tag_ not in ("NNS", "NNPS"):
            kind = "organization" if head.lemma_ in _ORG_NOUNS else "unknown"
        return ResolvedSpeaker(start, end, text, _bare(text), kind, "role")


def _bare(text: str) -> str:
    """A mention without its leading article: "The Progress Party" -> "Progress Party"."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
