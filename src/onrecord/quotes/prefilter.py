"""The cheap pre-filter: which sentences of an article need the parser at all.

A sentence is worth parsing when it holds a quotation mark, a form of a cue verb
(``data/cues.tsv``), "according to", or a speaker label ("TAPPER: …"); the headline
always is. Everything else is blanked to spaces of the same length before parsing, so
offsets stay those of the article and spaCy skips the blanked text almost for free.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from onrecord.quotes.cues import load_cues

__all__ = ["blank_unneeded", "cue_forms"]

_WORD = re.compile(r"[A-Za-z]+")
_MARKS = set('“”„«»‹›"‘’')
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"']?\s+(?=[“‘\"'«„]?[A-Z0-9])|\n")
_LABEL = re.compile(r"^\s*[A-Z][\w’'. -]{1,40}:\s")


def _regular_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@functools.cache
def cue_forms(speech_only: bool = False) -> frozenset[str]:
    """Every lower-case word form that may be a cue verb (of speech only, if asked)."""
    lexicon = load_cues()
    lemmas = {w for w, cls in lexicon.words.items() if cls == "speech" or not speech_only}
    lemmas |= {p[0] for p, cls in lexicon.phrases.items() if cls == "speech" or not speech_only}
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= _regular_forms(lemma)
    text = (
        resources.files("onrecord.data").joinpath("quotes_irregular_forms.tsv").read_text("utf-8")
    )
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, *irregular = line.split("\t")
            if lemma in lemmas:
                forms |= {f.strip() for f in irregular}
    return frozenset(forms)


def _needed(sentence: str, forms: frozenset[str]) -> bool:
    if any(ch in _MARKS for ch in sentence) or _LABEL.match(sentence):
        return True
    return any(word.lower() in forms for word in _WORD.findall(sentence))


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "st",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "jr",
    "sr",
    "inc",
    "co",
    "corp",
    "ltd",
    "no",
    "vol",
    "vs",
    "etc",
    "ft",
    "mt",
    "prof",
    "rev",
    "hon",
    "pres",
    "atty",
    "dept",
    "univ",
    "adm",
    "maj",
    "cmdr",
    "gens",
    "reps",
    "sens",
    "messrs",
    "ave",
    "blvd",
}


def _false_boundary(text: str, at: int) -> bool:
    """A full stop that ends an abbreviation or an initial ("Gov.", "U.S.", "J.")."""
    word = re.search(r"([A-Za-z.]+)\.$", text[max(0, at - 12) : at])
    if not word:
        return False
    stem = word.group(1)
    return stem.lower() in _ABBREVIATIONS or len(stem) == 1 or "." in stem


def blank_unneeded(
    text: str, speech_only: bool = False, keep_first_line: bool = True
) -> tuple[str, float]:
    """Return the text with the sentences that need no parsing blanked, and the share kept."""
    forms = cue_forms(speech_only)
    chars = list(text)
    kept = 0
    start = 0
    first = True
    boundaries = [
        b
        for b in _SENTENCE_END.finditer(text)
        if "\n" in b.group(0) or not _false_boundary(text, b.start())
    ]
    for boundary in [*boundaries, None]:
        end = boundary.start() if boundary else len(text)
        sentence = text[start:end]
        if sentence.strip():
            if (first and keep_first_line) or _needed(sentence, forms):
                kept += len(sentence)
            else:
                for i in range(start, end):
                    if chars[i] not in "\n\r":
                        chars[i] = " "
            first = False
        start = boundary.end() if boundary else len(text)
        if boundary is not None and "\n" in boundary.group(0):
            start = boundary.start() + 1
    return "".join(chars), (kept / len(text) if text else 1.0)
