"""Names and roles as written, taken apart: honorifics, given names, surnames, role phrases.

Everything here is a pure function of a string and the lexicons in
``data/people_*`` (and ``data/role_nouns.txt``), so the same text always gives
the same keys, which is what lets cross-article resolution run incrementally.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "ParsedName",
    "RolePhrase",
    "alias_key",
    "country_of",
    "given_key",
    "group_nouns",
    "honorifics",
    "org_key",
    "parse_name",
    "parse_role",
    "role_group",
    "surname_key",
]

_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "another"}
# Words the parser sometimes leaves at the front of a name ("Both Putin and Trump").
LEADING_WORDS = {
    "both",
    "and",
    "but",
    "as",
    "while",
    "when",
    "if",
    "after",
    "before",
    "then",
    "former",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_TEMPORAL = {"former", "then", "ex", "acting", "new", "current", "outgoing", "incoming"}
_CONNECTORS = {"for", "of", "to", "at", "in", "on", "with"}
_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _data(name: str) -> str:
    return resources.files("onrecord.data").joinpath(name).read_text("utf-8")


def _lines(name: str) -> list[list[str]]:
    rows = []
    for line in _data(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@functools.cache
def honorifics() -> dict[str, tuple[str | None, str | None]]:
    """Honorific (lower case) -> (gender it implies or None, role it implies or None)."""
    table: dict[str, tuple[str | None, str | None]] = {}
    for row in _lines("people_honorifics.tsv"):
        gender = row[1] if len(row) > 1 and row[1] in ("m", "f") else None
        role = row[2] if len(row) > 2 and row[2] else None
        table[row[0].lower()] = (gender, role)
    return table


@functools.cache
def _given_variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in _lines("people_given_names.tsv"):
        canonical = row[0].lower()
        table[canonical] = canonical
        for variant in row[1].split(",") if len(row) > 1 else ():
            table.setdefault(variant.strip().lower(), canonical)
    return table


@functools.cache
def _surname_endings() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1] if len(row) > 1 else "") for row in _lines("people_surnames.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@functools.cache
def group_nouns() -> frozenset[str]:
    """Plural nouns that make a speaker a group ("officials", "analysts")."""
    return frozenset(row[0].lower() for row in _lines("people_group_nouns.txt"))


@functools.cache
def _role_nouns() -> dict[str, str]:
    """Role noun -> role group, from the role-noun lexicon the speaker stage uses."""
    table: dict[str, str] = {}
    for row in _lines("role_nouns.txt"):
        noun = row[0].lower()
        table[noun] = (row[1] if len(row) > 1 and row[1] else noun).lower()
    return table


# Latin letters Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
    }
)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without diacritics, apostrophes unified, spaces collapsed.

    "Sigurður Magnússon" and "Sigurdur Magnusson" fold alike: marks are dropped
    and letters such as ð, þ, ø, æ are written in their usual Latin spelling.
    (Memoised: the people stage folds the same names many times per batch.)
    """
    text = text.translate(_APOSTROPHES).translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain).strip().lower()


def alias_key(text: str) -> str:
    """The key two aliases share when they differ only in case, accents or spacing."""
    return fold(text).strip(" .,")


def given_key(given: str) -> str:
    """The canonical form of a given name: "Dmitri" and "Dmitriy" -> "dmitry"."""
    key = fold(given).strip(".")
    return _given_variants().get(key, key)


def surname_key(surname: str) -> str:
    """The block key of a surname, transliteration endings folded ("Zelenskyy" -> "zelensky")."""
    key = re.sub(r"[^a-z\-]", "", fold(surname))
    for ending, replacement in _surname_endings():
        if key.endswith(ending) and len(key) > len(ending) + 2:
            return key[: -len(ending)] + replacement
    return key


def org_key(name: str) -> str:
    """The key of an organisation or group name: no leading article, folded."""
    key = fold(name).strip(" .,")
    words = [w for w in key.split() if w]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A person's name as written, without honorifics: given name, surname and keys."""

    name: str  # "Dmitry Peskov", "Peskov"
    given: str | None  # "Dmitry"; None for a surname alone
    surname: str
    gender: str | None = None  # from an honorific ("Mr", "Ms")
    title_role: str | None = None  # from a title ("Sen." -> "senator")

    @property
    def is_full(self) -> bool:
        """Whether a given name (not only an initial) stands before the surname."""
        return self.given is not None and len(self.given.strip(".")) > 1

    @property
    def initial(self) -> str | None:
        """The first letter of the given name, if any."""
        return fold(self.given)[0] if self.given else None

    @property
    def given_key(self) -> str | None:
        """The canonical given name, or None for a surname alone or an initial."""
        return given_key(self.given) if self.is_full and self.given else None

    @property
    def surname_key(self) -> str:
        """The block key of the surname."""
        return surname_key(self.surname)


def parse_name(text: str) -> ParsedName | None:
    """Split a person's name as written into honorifics, given name and surname.

    Returns None when nothing name-like is left ("Mr", an empty string).
    """
    cleaned = re.sub(r"\s*-\s*", "-", text.translate(_APOSTROPHES))
    cleaned = _POSSESSIVE.sub("", cleaned.strip(" ,;:"))
    words = [w for w in cleaned.split() if w]
    gender: str | None = None
    title_role: str | None = None
    table = honorifics()
    while len(words) > 1 and words[0].lower() in table:
        word_gender, word_role = table[words[0].lower()]
        gender = gender or word_gender
        title_role = title_role or word_role
        words = words[1:]
    while len(words) > 2 and role_group(words[0]) and words[0][:1].isupper():
        title_role = title_role or words[0].lower()  # "Businessman Pavel Orlov"
        words = words[1:]
    while len(words) > 1 and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(",") in _SUFFIXES:
        words = words[:-1]
    words = [w.strip(",") for w in words]
    if not words or (len(words) == 1 and words[0].lower() in table):
        return None
    if not any(ch.isalpha() for ch in words[-1]):
        return None
    name = " ".join(words)
    given = words[0] if len(words) > 1 else None
    return ParsedName(name, given, words[-1], gender, title_role)


def role_group(noun: str) -> str | None:
    """The role group of a role noun ("spokesman" -> "spokesperson"), or None if it is not one."""
    roles = _role_nouns()
    key = fold(noun).strip(".,")
    return roles.get(key)


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A role as written, taken apart: its role noun group, modifier words and owner.

    "Kremlin spokesman" -> group "spokesperson", modifiers {"kremlin"};
    "Putin's press secretary" -> group "spokesperson", owner "Putin";
    "the spokesman for Russian President Vladimir Putin" -> owner "Russian
    President Vladimir Putin".
    """

    text: str
    group: str
    modifiers: frozenset[str]
    owner: str | None = None
    plural: bool = False

    @property
    def key(self) -> str:
        """The role's identity for listing: the text folded, no leading article."""
        return org_key(self.text)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.translate(_APOSTROPHES).strip()) if w]


def _head_role(words: list[str]) -> tuple[str, int] | None:
    """The role group of the last one or two words, and how many words it took."""
    if not words:
        return None
    if len(words) >= 2:
        two = f"{words[-2]} {words[-1]}".strip(".,")
        group = role_group(two)
        if group:
            return group, 2
    last = words[-1].strip(".,")
    group = role_group(last)
    if group:
        return group, 1
    return None


def _plural_role(word: str) -> str | None:
    word = fold(word).strip(".,")
    for singular in (
        word[:-1] if word.endswith("s") else None,
        word[:-2] if word.endswith("es") else None,
        word[:-3] + "man" if word.endswith("men") else None,
    ):
        if singular and role_group(singular):
            return role_group(singular)
    return None


def parse_role(text: str) -> RolePhrase | None:
    """Take a role phrase apart, or return None when its head is not a role noun.

    The head is the last word before "for"/"of"/... ("the spokesman for X"), or
    the last word after a possessive ("Putin's press secretary"), or the last
    word ("Kremlin spokesman").
    """
    words = _words(text)
    while words and fold(words[0]) in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    owner: str | None = None
    head_words = words
    for i, word in enumerate(words):
        if fold(word) in _CONNECTORS and i > 0:
            head_words, owner = words[:i], " ".join(words[i + 1 :]) or None
            break
    if owner is None:
        marked = [i for i, w in enumerate(head_words) if w.endswith(("'s", "s'"))]
        if marked and marked[-1] < len(head_words) - 1:
            i = marked[-1]
            owner = _POSSESSIVE.sub("", " ".join(head_words[: i + 1]))
            head_words = head_words[i + 1 :]
    head = _head_role(head_words)
    plural = False
    if head is None:
        if not head_words:
            return None
        group = _plural_role(head_words[-1])
        if group is None:
            return None
        head, plural = (group, 1), True
    group, size = head
    modifiers = {
        fold(w).strip(".,'")
        for w in head_words[:-size]
        if fold(w).strip(".,'") and fold(w) not in _DETERMINERS
    }
    if owner:
        owner = re.sub(r"^(the|a|an)\s+", "", owner.strip(), flags=re.I) or None
        modifiers |= {fold(w).strip(".,'") for w in _words(owner or "")} - _DETERMINERS
    modifiers -= _TEMPORAL
    return RolePhrase(" ".join(words), group, frozenset(m for m in modifiers if m), owner, plural)


def country_of(text: str, owner: str | None = None) -> str | None:
    """The one country a role or organisation phrase speaks for, else None.

    "Kremlin spokesman" -> "RU"; "Putin's press secretary" -> "RU" (through the
    leader); "the spokesman for Russian President Vladimir Putin" -> "RU" (through
    its owner). Uses `onrecord.countries` when it is installed; without it, None.
    """
    try:
        from onrecord.countries import countries_in, speaker_country
    except ImportError:  # the countries module is optional for this stage
        return None
    country = speaker_country(text, "group", [text])
    if country is None and owner:
        country = speaker_country(owner, "person", [owner, f"{owner.split()[-1]}'s"])
    if country is None:
        codes = countries_in(text)
        country = next(iter(codes)) if len(codes) == 1 else None
    return country
