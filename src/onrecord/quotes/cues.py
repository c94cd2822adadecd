"""The reporting-cue lexicon (``data/cues.tsv``): which words introduce what someone said."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from onrecord.model import CueClass

__all__ = ["CueLexicon", "load_cues"]


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Single-word cue lemmas and multi-word cue phrases, each with its class."""

    words: dict[str, CueClass]
    phrases: dict[tuple[str, ...], CueClass]
    object_content: frozenset[str] = frozenset()  # cues whose noun-phrase object is content
    noun_phrases: frozenset[tuple[str, ...]] = frozenset()  # "support for": a noun cue
    adjectives: frozenset[str] = frozenset()  # "confident", "skeptical": predicative cues
    noun_words: frozenset[str] = frozenset()  # "claim", "assertion": nouns with a "that" clause
    adverbs: frozenset[str] = frozenset()  # "reportedly": the clause it modifies is reported
    sources: frozenset[tuple[str, ...]] = frozenset()  # "in poll": "In a poll, most …"
    knowing: frozenset[str] = frozenset()  # "clear": "it is unclear whether …" (copular)
    copular: frozenset[tuple[str, ...]] = frozenset()  # "supporter of", only after "be"

    def classify(self, lemma: str) -> CueClass | None:
        """Return the class of a single-word cue lemma, or None when it is not a cue."""
        return self.words.get(lemma.lower())


@functools.cache
def load_cues() -> CueLexicon:
    """Read the packaged cue lexicon once per process."""
    text = resources.files("onrecord.data").joinpath("cues.tsv").read_text("utf-8")
    words: dict[str, CueClass] = {}
    phrases: dict[tuple[str, ...], CueClass] = {}
    object_content: set[str] = set()
    noun_phrases: set[tuple[str, ...]] = set()
    adjectives: set[str] = set()
    noun_words: set[str] = set()
    adverbs: set[str] = set()
    sources: set[tuple[str, ...]] = set()
    knowing: set[str] = set()
    copular: set[tuple[str, ...]] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cue\t"):
            continue
        cue, cls, *rest = (part.strip() for part in line.split("\t"))
        if rest and rest[0] == "object":
            object_content.add(cue.lower())
        if cls not in ("speech", "thought", "finding"):
            raise ValueError(f"cues.tsv: unknown class {cls!r} for {cue!r}")
        parts = tuple(cue.strip().lower().split())
        if "noun" in rest[1:]:
            if len(parts) == 1:
                noun_words.add(parts[0])
            else:
                noun_phrases.add(parts)
        if "adjective" in rest[1:]:
            adjectives.add(parts[0])
        if "adverb" in rest[1:]:
            adverbs.add(parts[0])
        if "source" in rest[1:]:
            sources.add(parts)
        if "knowing" in rest[1:]:
            knowing.add(parts[0])
        if "copular" in rest[1:]:
            copular.add(parts)
        if len(parts) == 1:
            words[parts[0]] = cls  # type: ignore[assignment]
        else:
            phrases[parts] = cls  # type: ignore[assignment]
    return CueLexicon(
        words,
        phrases,
        frozenset(object_content),
        frozenset(noun_phrases),
        frozenset(adjectives),
        frozenset(noun_words),
        frozenset(adverbs),
        frozenset(sources),
        frozenset(knowing),
        frozenset(copular),
    )
