"""Normalising quote wording so that reports of one utterance compare equal.

Two outlets reporting the same words differ in quotation marks, punctuation,
case, trimming, in direct versus indirect speech ("I will" / "he would") and in
the choice of a translator ("lowest point historically" / "lowest historical
point"). `Wording` holds what the comparison needs:

* ``tokens``: every word, lower-cased, contractions expanded and the words that
  shift between direct and indirect speech folded onto one class token
  (``data/normalise.json`` beside this module);
* ``content``: the set of stems of the content words (class tokens and
  stopwords left out), with a light suffix stripper so "historically",
  "historical" and "historic" share a stem.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Wording", "content_stems", "normalise_name", "stem", "word_tokens", "wording"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
    }
)
# Longest first; a suffix is removed only if at least three letters remain.
_SUFFIXES = (
    "izations", "ization", "ically", "ations", "ation", "ments", "ment", "ness", "ical", "ally",
    "ings", "ing", "ies", "ied", "est", "ers", "ed", "es", "ly", "al", "ic", "er", "s", "e", "y",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word classes, contractions, stopwords and name titles (``normalise.json``)."""

    classes: dict[str, str]
    contractions: tuple[tuple[str, str], ...]
    stopwords: frozenset[str]
    titles: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The lexicon shipped beside this module, read once."""
    raw = json.loads(
        resources.files("onrecord.grouping").joinpath("normalise.json").read_text("utf-8")
    )
    classes = {word: name for name, words in raw["classes"].items() for word in words}
    return Lexicon(
        classes=classes,
        contractions=tuple(raw["contractions"].items()),
        stopwords=frozenset(raw["stopwords"]),
        titles=frozenset(raw["titles"]),
    )


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).casefold()
    return text.replace("[", "").replace("]", "")  # editorial insertions keep their words


@cache
def stem(word: str) -> str:
    """A light stem: the longest listed suffix removed when three letters remain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased, contractions expanded, speech classes folded."""
    lex = lexicon()
    text = _fold(text)
    for clitic, expansion in lex.contractions:
        text = text.replace(clitic, expansion)
    return [lex.classes.get(w, w) for w in _WORD.findall(text)]


def content_stems(tokens: list[str]) -> frozenset[str]:
    """Stems of the content words among ``tokens`` (class tokens and stopwords left out)."""
    stop = lexicon().stopwords
    return frozenset(stem(t) for t in tokens if t not in stop)


@dataclass(frozen=True, slots=True)
class Wording:
    """What comparing two wordings needs: tokens, content stems and adjacent stem pairs."""

    tokens: tuple[str, ...]
    content: frozenset[str]
    pairs: frozenset[tuple[str, str]] = frozenset()  # word 2-shingles, for whole phrases


def wording(text: str) -> Wording:
    """Normalise ``text`` for comparison with other reports."""
    tokens = word_tokens(text)
    stems = [stem(t) for t in tokens]
    return Wording(tuple(tokens), content_stems(tokens), frozenset(itertools.pairwise(stems)))


def normalise_name(name: str) -> str:
    """A speaker name as a grouping key: folded, titles and punctuation dropped."""
    titles = lexicon().titles
    words = [w for w in re.findall(r"[^\W\d_]+", _fold(name)) if w not in titles]
    return " ".join(words)
