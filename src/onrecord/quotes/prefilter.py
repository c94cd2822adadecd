"""The cheap pre-filter: which sentences of an article need the parser at all.

A sentence is worth parsing when it can hold a quote: it has a quotation mark (not an
apostrophe inside a word), a cue verb (a form from ``data/cues.tsv`` written in lower
case, not right after a determiner or a preposition: "the state" is a noun), "according
to", or a speaker label ("TAPPER: …"); the headline and lines of three words or fewer
always are. So is a sentence speaker resolution may need (``speakers``):

- the first full name ending in a word a kept sentence uses ("Erik Dahl" for "Dahl");
- before a bare role noun ("the minister"), the last sentence naming someone with a
  role of the same group;
- before a sentence with "he" or "she", the sentences naming someone back to the last
  kept sentence that names someone.

Everything else is blanked to spaces of the same length before parsing, so offsets stay
those of the article and spaCy skips the blanked text almost for free.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from onrecord.quotes.cues import load_cues

__all__ = ["blank_unneeded", "cue_forms"]

_WORD = re.compile(r"[A-Za-z]+")
_MARKS = set('“”„«»‹›"‘’')
_MARK = re.compile('[“”„«»‹›"‘’]')
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
    lemmas |= {
        p[0]
        for p, cls in lexicon.phrases.items()
        if (cls == "speech" or not speech_only) and p not in lexicon.sources and len(p) < 3
    }
    return _verb_forms(frozenset(lemmas))


def _verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every form of the lemmas: the regular ones and those listed as irregular."""
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


@functools.cache
def _split_phrase() -> re.Pattern[str]:
    """A cue phrase whose words stand apart, with up to four words between its first
    word and its noun: a prepositional source ("In a new national poll", "in her view")
    or a light verb with its noun ("took a parting shot at", "cast fresh doubt on"); or
    a noun cue with its preposition ("her decision to", "his doubts about")."""
    lexicon = load_cues()
    split = [p for p in lexicon.phrases if p in lexicon.sources or len(p) == 3]
    firsts = sorted(_verb_forms(frozenset(p[0] for p in split)))
    nouns = {p[1] for p in split}
    nouns |= {n + "s" for n in nouns} | {n[:-1] + "ies" for n in nouns if n.endswith("y")}
    apart = rf"\b(?:{'|'.join(firsts)})\b(?:\W+[\w’'-]+){{0,4}}?\W+(?:{'|'.join(sorted(nouns))})\b"
    # a noun cue with its preposition, even after a determiner ("her decision to", "the
    # doubts about"): the noun is in the plural too
    bigrams = sorted(
        {f"{n}{s} {prep}" for n, prep in lexicon.noun_phrases for s in ("", "s")}
        | {f"{n[:-1]}ies {prep}" for n, prep in lexicon.noun_phrases if n.endswith("y")}
    )
    together = rf"\b(?:{'|'.join(bigrams)})\b"
    return re.compile(f"{apart}|{together}", re.IGNORECASE)


# a viewpoint set before its clause ("To her neighbours, the plan is …", "But to many, …";
# see ``quotes.frames``): no cue word, a frame
_VIEWPOINT = re.compile(r"\s*(?:(?:But|And|Yet|So|Still),?\s+to|To)\s[^,.;:]{1,80},")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’'](?=[^\W\d_])")
_SHORT_WORDS = 3
_TITLE_CASE_WORDS = 0.6  # a line this capitalised is a heading: its cue words count


def _needed(sentence: str, forms: frozenset[str]) -> bool:
    """Whether ``sentence`` can hold a quote (see the module's docstring)."""
    # an apostrophe inside a word ("Smith’s", "don’t") is no quotation mark
    marks = _APOSTROPHE.sub("", sentence)
    if _MARK.search(marks) or _LABEL.match(sentence):
        return True
    matches = list(_WORD.finditer(sentence))
    words = [m.group(0) for m in matches]
    heading = len(words) > 1 and sum(w[0].isupper() for w in words) >= _TITLE_CASE_WORDS * len(
        words
    )

    def noun_before(i: int) -> bool:
        # only the word right before, with nothing but spaces between ("as of 2005, says")
        before = matches[i - 1]
        between = sentence[before.end() : matches[i].start()]
        return between.isspace() and before.group(0).lower() in _NOUN_BEFORE

    # a capitalised cue form inside a sentence is a name ("United States", "the Post"),
    # not the verb, unless it opens the sentence or the line is a heading; after a
    # determiner or a preposition it is a noun ("the state", "his remarks")
    return any(
        w.lower() in forms
        and (w.islower() or i == 0 or heading)
        and (i == 0 or w.endswith("ing") or not noun_before(i))
        for i, w in enumerate(words)
    )


#: Words after which a cue form is a noun ("the state", "his remarks", "of claims"): a
#: determiner, a possessive or a preposition (an "-ing" form after one is still a verb:
#: "by saying").
_NOUN_BEFORE = frozenset(
    {
        *("the", "a", "an", "this", "that", "these", "those", "every", "each", "whose"),
        *("his", "her", "its", "their", "our", "my", "your"),
        *("of", "in", "on", "for", "with", "from", "at", "about", "into", "over", "under"),
        *("among", "between", "against", "during"),
    }
)


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "del",
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


def _sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each non-blank sentence, as the pre-filter splits them."""
    spans = []
    start = 0
    boundaries = [
        b
        for b in _SENTENCE_END.finditer(text)
        if "\n" in b.group(0) or not _false_boundary(text, b.start())
    ]
    for boundary in [*boundaries, None]:
        end = boundary.start() if boundary else len(text)
        if text[start:end].strip():
            spans.append((start, end))
        start = boundary.end() if boundary else len(text)
        if boundary is not None and "\n" in boundary.group(0):
            start = boundary.start() + 1
    return spans


_CAPITALISED = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]*\.?")
#: A capitalised word and the next (overlapping: "Senator Lamar Alexander" gives both pairs).
_FULL_NAME = re.compile(r"(?<![\w’'.-])(?=([A-Z][\w’'.-]*)\s+([A-Z][\w’'-]+))")
_LETTER = re.compile(r"[^\W\d_]")


def _name_words(sentences: list[str]) -> list[set[str]]:
    """For each sentence, the capitalised words that may be names: those inside the
    sentence, and its first word when the article also writes it capitalised inside a
    sentence ("Dahl rejected it" after "…, Dahl said"; not "Traffic was heavy")."""
    inside: list[set[str]] = []
    first: list[str | None] = []
    for sentence in sentences:
        letter = _LETTER.search(sentence)
        opening = letter.start() if letter else 0
        inside.append(set())
        first.append(None)
        for m in _CAPITALISED.finditer(sentence):
            word = m.group(0)
            if word.lower() in _NOT_NAMES:
                continue
            if m.start() > opening:
                inside[-1].add(word)
            else:
                first[-1] = word
    everywhere = set().union(*inside) if inside else set()
    return [
        names | {word} if word is not None and word in everywhere else names
        for names, word in zip(inside, first, strict=True)
    ]


def _full_names(sentence: str) -> set[str]:
    """The surnames of what may be full names ("Erik Dahl"; not "Mr. Dahl", "The Dahl")."""
    from onrecord.speakers import load_role_nouns

    surnames = set()
    for m in _FULL_NAME.finditer(sentence):
        first = m.group(1).lower().rstrip(".")
        if (
            first not in _ABBREVIATIONS
            and first not in load_role_nouns()
            and first not in _NOT_NAMES
        ):
            surnames.add(m.group(2))
    return surnames


#: Capitalised words that are no name: function words and pronouns that open sentences.
_NOT_NAMES = frozenset(
    {
        *("the", "a", "an", "in", "on", "at", "but", "and", "as", "when", "after", "for"),
        *("if", "it", "this", "that", "there", "here", "what", "who"),
        *("i", "we", "you", "he", "she", "they", "his", "her", "its", "our", "their", "my"),
        "your",
    }
)


@functools.cache
def _role_words() -> tuple[dict[str, str], frozenset[str]]:
    """The role-noun lexicon, and every word that may start a role noun in a text."""
    from onrecord.speakers import load_role_nouns

    roles = load_role_nouns()
    starts = {key.split()[0] for key in roles}
    return roles, frozenset(starts | {w + "s" for w in starts})


def _role_groups(sentence: str) -> tuple[set[str], set[str]]:
    """The role groups of the role nouns in ``sentence`` ("minister", "foreign minister"),
    and of those among them with no name right after ("the minister", not "Minister Dahl")."""
    roles, starts = _role_words()
    found: set[str] = set()
    bare: set[str] = set()
    if starts.isdisjoint(_WORD.findall(sentence.lower())):
        return found, bare
    matches = list(_WORD.finditer(sentence))
    words = [m.group(0).lower() for m in matches]
    for i, word in enumerate(words):
        if word not in starts:
            continue
        for length, key in ((1, word), (1, word.rstrip("s")), (2, " ".join(words[i : i + 2]))):
            if key not in roles or i + length > len(words):
                continue
            found.add(roles[key])
            after = matches[i + length] if i + length < len(matches) else None
            if after is None or not after.group(0)[0].isupper():
                bare.add(roles[key])
    return found, bare


def _has_pronoun(sentence: str) -> bool:
    """Whether ``sentence`` holds "he" or "she" (a speaker resolution looks back from)."""
    return bool(_PRONOUN.search(sentence))


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _keep_for_speakers(text: str, spans: list[tuple[int, int]], kept: list[bool]) -> list[bool]:
    """Also keep the blanked sentences that speaker resolution may need."""
    out = list(kept)
    sentences = [text[s:e] for s, e in spans]
    names = _name_words(sentences)
    # role nouns: the last sentence before that names someone with the same role
    groups = [_role_groups(s) for s in sentences]
    for i in range(len(sentences)):
        if not kept[i] or not groups[i][1]:
            continue
        wanted = set(groups[i][1])
        for j in range(i - 1, -1, -1):
            hit = wanted & groups[j][0]
            if hit and names[j]:
                if not kept[j]:
                    out[j] = True
                wanted -= hit
                if not wanted:
                    break
    # pronouns: blanked sentences naming someone since the last kept sentence naming someone
    for i in range(len(sentences)):
        if not kept[i] or not _has_pronoun(sentences[i]):
            continue
        for j in range(i - 1, -1, -1):
            if kept[j] and names[j]:
                break
            if names[j]:
                out[j] = True
    # surnames: the first full name ending in a word a kept sentence uses
    used = set().union(*(n for n, k in zip(names, out, strict=True) if k))
    defined: set[str] = set()
    for i, sentence in enumerate(sentences):
        surnames = _full_names(sentence)
        if not out[i] and (surnames & used) - defined:
            out[i] = True
        defined |= surnames
    return out


def _short_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole line of at most `_SHORT_WORDS` words."""
    whole = text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()
    whole = whole and (text[end:].lstrip(" \t").startswith("\n") or not text[end:].strip())
    return whole and len(_WORD.findall(text, start, end)) <= _SHORT_WORDS


def blank_unneeded(
    text: str, speech_only: bool = False, keep_first_line: bool = True, speakers: bool = True
) -> tuple[str, float]:
    """Return the text with the sentences that need no parsing blanked, and the share kept."""
    forms = cue_forms(speech_only)
    spans = _sentences(text)
    # a line of a few words or none ("___", "4:45 p.m.") costs little to parse, and
    # blanking it changes how the parser reads the sentences around it
    kept = [
        _short_line(text, s, e)
        or _needed(text[s:e], forms)
        or (not speech_only and _split_phrase().search(text, s, e) is not None)
        or (not speech_only and _VIEWPOINT.match(text, s, e) is not None)
        for s, e in spans
    ]
    if kept and keep_first_line:
        kept[0] = True
    if speakers:
        kept = _keep_for_speakers(text, spans, kept)
    chars = list(text)
    share = 0
    for (start, end), keep in zip(spans, kept, strict=True):
        if keep:
            share += end - start
            continue
        for i in range(start, end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars), (share / len(text) if text else 1.0)
