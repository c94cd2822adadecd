"""Tone of a statement about relations between countries, from -1 (hostile) to +1 (warm).

VADER's word valences, boosters and negation scalar, adapted to the register of
diplomatic news with a lexicon of our own (``data/diplomatic_lexicon.tsv``):

* multi-word phrases ("all-time low", "light at the end of the tunnel",
  "mutual respect") are matched whole and scored once;
* single words override VADER where it misreads this register ("security",
  "intelligence" and "united" are names of councils, services and countries,
  not praise; "thaw", "icy", "reset" are missing from VADER);
* negation reaches to the end of the clause (up to a few words), not only the
  three words VADER looks back, so "no hope for improvement" and "had no interest
  in peace" read as negative; diplomatic hedges ("hardly", "unlikely",
  "premature") negate what precedes them in the clause as well as what follows
  ("a reset is unlikely"), softeners ("some", "timid", "cautious") halve.

The score is VADER's normalisation of the summed valences, so it lies in [-1, 1]
and is comparable to VADER's compound score.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
)

__all__ = ["NEUTRAL_BAND", "ToneHit", "ToneLabel", "ToneScorer", "tone_label"]

ToneLabel = Literal["negative", "neutral", "positive"]

#: Scores with an absolute value below this are "neutral".
NEUTRAL_BAND = 0.25

# A negator's reach: to the end of its clause, at most this many tokens on.
_NEGATION_REACH = 5
# How far back a booster or softener acts (VADER looks back three words).
_MODIFIER_REACH = 3
_PUNCTUATION_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–"})
_WORD_BREAKS = frozenset({"but", "however", "although", "though", "while", "whereas", "yet"})
_CLAUSE_BREAKS = _PUNCTUATION_BREAKS | _WORD_BREAKS
_TOKEN = re.compile(r"[a-zà-ÿ0-9]+(?:['\-][a-zà-ÿ0-9]+)*|[.,;:!?—–]")
# VADER's alpha for normalising a sum of valences into (-1, 1).
_ALPHA = 15.0
# VADER's "but" rule: what follows "but" counts more than what precedes it.
_BEFORE_BUT, _AFTER_BUT = 0.5, 1.5


def tone_label(score: float) -> ToneLabel:
    """Return "negative", "neutral" or "positive" for a tone score in [-1, 1]."""
    if score <= -NEUTRAL_BAND:
        return "negative"
    if score >= NEUTRAL_BAND:
        return "positive"
    return "neutral"


@dataclass(frozen=True, slots=True)
class ToneHit:
    """One scored word or phrase: its text, its valence after modifiers, and why."""

    text: str
    valence: float
    negated: bool = False
    softened: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], float]  # several words -> valence
    words: dict[str, float]  # VADER's words with our overrides
    negators: frozenset[tuple[str, ...]]
    hedges: frozenset[tuple[str, ...]]  # negators that also act on what precedes them
    softeners: frozenset[tuple[str, ...]]
    longest: int


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return _TOKEN.findall(text)


def _load_lexicon(vader_words: dict[str, float]) -> _Lexicon:
    phrases: dict[tuple[str, ...], float] = {}
    words = dict(vader_words)
    negators: set[tuple[str, ...]] = {(w.replace("’", "'"),) for w in NEGATE}
    negators.add(("no",))
    hedges: set[tuple[str, ...]] = set()
    softeners: set[tuple[str, ...]] = set()
    source = resources.files("onrecord").joinpath("data/diplomatic_lexicon.tsv")
    for line_no, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, value = line.partition("\t")
        key = tuple(_tokens(phrase))
        if not key or not value:
            raise ValueError(f"diplomatic_lexicon.tsv line {line_no}: expected 'phrase<TAB>weight'")
        if value == "negator":
            negators.add(key)
        elif value == "hedge":
            hedges.add(key)
        elif value == "downtoner":
            softeners.add(key)
        elif len(key) == 1:
            words[key[0]] = float(value)
        else:
            phrases[key] = float(value)
    longest = max(len(k) for k in (*phrases, *negators, *hedges, *softeners))
    return _Lexicon(
        phrases, words, frozenset(negators), frozenset(hedges), frozenset(softeners), longest
    )


class ToneScorer:
    """Scores the tone of a statement; build once, call on each text.

    ``scorer(text)`` returns a float in [-1, 1]; ``scorer.hits(text)`` returns the
    words and phrases that made it, for explaining a score.
    """

    def __init__(self) -> None:
        self._lexicon = _load_lexicon(SentimentIntensityAnalyzer().lexicon)

    def __call__(self, text: str) -> float:
        """Return the tone of ``text``: -1 most negative, 0 neutral, +1 most positive."""
        total = sum(hit.valence for hit in self.hits(text))
        return total / math.sqrt(total * total + _ALPHA)

    def hits(self, text: str) -> list[ToneHit]:
        """Return the scored words and phrases of ``text``, in order, with final valences."""
        lex = self._lexicon
        tokens = _tokens(text)
        # Segment the tokens into units: phrases, negators, softeners or single words.
        units: list[tuple[int, int, str]] = []  # (start, end, kind)
        i = 0
        while i < len(tokens):
            for size in range(min(lex.longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + size])
                if size > 1 and key in lex.phrases:
                    units.append((i, i + size, "phrase"))
                    break
                if key in lex.hedges:
                    units.append((i, i + size, "hedge"))
                    break
                if key in lex.negators:
                    units.append((i, i + size, "negator"))
                    break
                if key in lex.softeners:
                    units.append((i, i + size, "softener"))
                    break
            else:
                units.append((i, i + 1, "word"))
            i = units[-1][1]

        but_at = next((s for s, _, _ in units if tokens[s] == "but"), None)
        hits: list[ToneHit] = []
        for index, (start, end, kind) in enumerate(units):
            key = tuple(tokens[start:end])
            if kind == "phrase":
                valence = lex.phrases[key]
            elif kind == "word":
                valence = lex.words.get(key[0], 0.0)
            else:
                continue  # negators, hedges and softeners act on their neighbours
            if valence == 0.0:
                continue
            negated = softened = False
            boost = 0.0
            # Look back through the clause for negators, softeners and boosters.
            for back in range(index - 1, -1, -1):
                b_start, b_end, b_kind = units[back]
                if tokens[b_start] in _CLAUSE_BREAKS or start - b_end >= _NEGATION_REACH:
                    break
                if b_kind in ("negator", "hedge"):
                    negated = not negated
                elif b_kind == "softener" and start - b_end < _MODIFIER_REACH:
                    softened = True
                elif b_kind == "phrase" and tokens[b_start] == "no":
                    negated = not negated  # "no hope for improvement"
                elif start - b_end < _MODIFIER_REACH:
                    scalar = BOOSTER_DICT.get(tokens[b_start])
                    if scalar is not None:
                        boost += scalar * (1.0 - 0.05 * (start - b_end))
            # A hedge after the word still governs it: "a reset is unlikely".
            for f_start, _, f_kind in units[index + 1 :]:
                if tokens[f_start] in _CLAUSE_BREAKS or f_start - end >= _NEGATION_REACH:
                    break
                if f_kind == "hedge":
                    negated = not negated
            if boost:
                valence += boost if valence > 0 else -boost
            if softened:
                valence *= 0.5
            if negated:
                valence *= N_SCALAR
            if but_at is not None:
                valence *= _BEFORE_BUT if start < but_at else _AFTER_BUT
            hits.append(ToneHit(" ".join(key), valence, negated, softened))
        return hits
