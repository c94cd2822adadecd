"""The records onrecord passes between stages and keeps in its store.

Every record is a frozen, slotted dataclass. Offsets (`start`, `end`, ...) always
index the article's ``text`` exactly as the user supplied it (for HTML, as
extracted), so every claim is traceable to a character span of a source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect", "according_to", "headline"]
CueClass = Literal["speech", "thought", "finding"]
SpeakerKind = Literal["person", "organization", "group", "unknown"]
Precision = Literal["day", "month", "year"]
SaidOnBasis = Literal["explicit", "relative", "published", "unknown"]
PublishedBasis = Literal["metadata", "front-matter", "html", "text", "unknown"]

__all__ = [
    "Article",
    "ArticleResult",
    "Claim",
    "Mention",
    "Person",
    "Quote",
    "Rejected",
    "Role",
    "Statement",
    "Story",
    "Variant",
    "quoted_words",
    "replace",
    "stable_id",
]


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short hex digest that is the same for the same parts, run after run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def _normalized_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as supplied, with its metadata.

    ``boilerplate`` lists ``(start, end)`` spans of ``text`` that are not
    article prose (newsletter prompts, photo credits): they are kept in
    ``text`` so offsets stay true, and blanked in what the NLP sees.
    """

    text: str
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    published_basis: PublishedBasis = "unknown"
    doc_id: str | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()

    @property
    def id(self) -> str:
        """Stable id: a hash of the canonical URL, else of the normalised text."""
        if self.url:
            return stable_id("url", self.url.strip().rstrip("/").lower())
        return stable_id("text", _normalized_text(self.text))

    @property
    def nlp_text(self) -> str:
        """The text with boilerplate spans blanked to spaces of the same length."""
        if not self.boilerplate:
            return self.text
        chars = list(self.text)
        for start, end in self.boilerplate:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True, slots=True)
class Quote:
    """One outlet's report of something said: content span, cue and speaker.

    ``speaker_text`` is the mention as written (``speaker_start``..``speaker_end``:
    a name, a pronoun, a role noun, an organisation); ``speaker`` is the name it
    resolves to inside the article ("Dmitry Peskov" for "he").
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None  # lemma of the reporting cue, e.g. "say"
    cue_start: int | None = None
    cue_end: int | None = None
    cue_class: CueClass = "speech"
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker: str | None = None
    speaker_kind: SpeakerKind = "unknown"
    speaker_basis: str | None = None  # name | pronoun | role | continuation | headline
    said_on: date | None = None
    said_on_precision: Precision | None = None
    said_on_basis: SaidOnBasis = "unknown"
    confidence: float = 1.0
    spans: tuple[tuple[int, int], ...] = ()  # pieces of a discontinuous content

    def id_in(self, article_id: str) -> str:
        """The quote's stable id inside the given article."""
        return stable_id("quote", article_id, self.start, self.end)

    @property
    def words(self) -> str:
        """The quoted words only: the pieces joined, without the attribution between them."""
        return quoted_words(self.text, self.start, self.spans)


def quoted_words(text: str, start: int, spans: Sequence[Sequence[int]] = ()) -> str:
    """The pieces of a quote whose ``text`` begins at article offset ``start``, joined by a space.

    A quote interrupted by its cue ("“A,” he said. “B.”") is one record whose
    ``text`` runs from the first piece to the last; comparing or showing its
    words must skip the attribution in between.
    """
    if len(spans) < 2:
        return text
    return " ".join(text[a - start : b - start].strip() for a, b in spans)


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity seen in an article, with the role it was introduced with.

    Produced by the in-article speaker stage; feeds cross-article people.
    """

    start: int
    end: int
    text: str
    name: str  # the in-article canonical name ("Dmitry Peskov")
    kind: SpeakerKind = "person"
    role: str | None = None  # "Kremlin spokesman"


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the per-article stages produce for one article.

    ``sentence_vectors``: ``(sentence, unit float32 vector as bytes)`` for the
    sentences of the quotes, when computed with the article (in ingest's worker
    processes, `onrecord.grouping.vectors`); the claims stage encodes any it lacks.
    """

    article: Article
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()
    sentence_vectors: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be used, and why."""

    source: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person was seen with, and when."""

    role: str
    first_seen: date | None = None
    last_seen: date | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """One canonical speaker across the whole store."""

    id: str
    name: str
    kind: SpeakerKind = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Variant:
    """One wording of a statement and the outlets that used it."""

    text: str
    outlets: tuple[str, ...] = ()
    diff: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """The utterance behind several reports (quotes) of it."""

    id: str
    person: str | None
    said_on: date | None
    text: str
    quotes: tuple[str, ...] = ()
    carriers: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    first_reported: dict[str, object] | None = None
    claim_id: str | None = None
    tone: float | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """What a person keeps saying: statements grouped across time by meaning."""

    id: str
    person: str | None
    text: str
    statements: tuple[str, ...] = ()
    first_said: date | None = None
    last_said: date | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that are copies or light rewrites of one report."""

    id: str
    articles: tuple[str, ...] = field(default_factory=tuple)
