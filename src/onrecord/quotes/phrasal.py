"""Attributions whose cue is a phrase rather than one reporting word.

Four families, each read off the parse of one sentence:

- a light verb with an evaluative noun and a preposition ("took aim at the plan", "cast
  doubt on the figures", "threw its support behind her"), or a phrasal verb with its
  preposition ("lashed out at the board"): what the preposition governs is the content,
  the verb's subject the source (lexicon phrases of three words);
- a hearsay adverb ("The firm is reportedly weighing a sale"): the clause it modifies is
  the content, with no source named (lexicon entries marked ``adverb``);
- a light verb of expressing with a noun of a view or feeling and its preposition
  ("expressed concern about the plan", "offered kind words about her", "showed no
  interest in the job"): what the preposition governs is the content (lexicon
  ``data/expressed_nouns.txt``);
- a prepositional source ("In a poll released Monday, most voters backed the plan"): the
  clause whose verb the phrase hangs on is the content, the phrase's object the source
  (lexicon entries such as "in poll", marked ``source``); after the verb, only one poll
  counts ("fell to 10 percent in the latest poll", not "has soared in the polls").

The functions are pure: they take parsed tokens and return tokens or token-index pieces.
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Token

__all__ = [
    "expressed_topic",
    "hearsay_pieces",
    "light_verb_phrase",
    "prepositional_object",
    "source_clause_pieces",
    "source_object",
]

# what may stand between a light verb and its noun: "took a shot at", "made the case for"
_NOUN_FILLERS = ("det", "amod", "poss", "advmod", "nummod", "compound")


def light_verb_phrase(
    verb: Token, lemma: str, phrases: dict[tuple[str, ...], str]
) -> tuple[tuple[str, str, str], Token] | None:
    """The lexicon phrase (verb, noun, preposition) a verb opens and the preposition,
    when the verb's object is the phrase's noun and the preposition follows that noun
    phrase, hanging on the verb or on the noun ("took aim at", "cast doubt on"); or
    (verb, particle, preposition) when the particle follows the verb ("lashed out at",
    "weighed in on")."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if noun is None:
        noun = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    if noun is None or any(
        t.dep_ not in _NOUN_FILLERS for t in verb.doc[verb.i + 1 : noun.i] if t.head == noun
    ):
        return None
    after = noun.right_edge.i + 1
    if after >= len(verb.doc):
        return None
    prep = verb.doc[after]
    if prep.dep_ != "prep" or prep.head.i not in (verb.i, noun.i):
        return None
    if not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    phrase = (lemma, noun.lemma_.lower(), prep.lower_)
    return (phrase, prep) if phrase in phrases else None


def prepositional_object(prep: Token) -> list[tuple[int, int]]:
    """The token range of what a preposition governs: "at [the new plan]"."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return []
    return [(objects[0].left_edge.i, objects[0].right_edge.i)]


def _clause_tokens(verb: Token) -> list[Token]:
    """The clause of a verb without what links it to the sentence or sets its scene: a
    subordinator, adverbial clauses ("When asked, …", ", leaving …"), a scene-setting
    phrase before the subject ("In Cuba, …"), coordinated clauses with a subject of their
    own, the closing punctuation."""
    tokens = list(verb.subtree)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    skip: set[int] = set()
    for child in verb.children:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if (
            child.dep_ in ("mark", "advcl")
            or (child.dep_ == "conj" and own_subject)
            or (child.dep_ == "prep" and subject is not None and child.i < subject.i)
        ):
            skip.update(t.i for t in child.subtree)
    if verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
        skip.add(verb.head.i)
    kept = [t for t in tokens if t.i not in skip]
    while kept and (kept[0].is_punct or kept[0].dep_ in ("cc", "prep")):
        kept = kept[1:]
    while kept and kept[-1].is_punct:
        kept = kept[:-1]
    return kept


def _pieces(tokens: list[Token], gap: set[int]) -> list[tuple[int, int]]:
    """Contiguous token ranges of ``tokens`` once the indexes in ``gap`` are taken out."""
    pieces: list[tuple[int, int]] = []
    for t in tokens:
        if t.i in gap:
            continue
        if pieces and pieces[-1][1] == t.i - 1:
            pieces[-1] = (pieces[-1][0], t.i)
        else:
            pieces.append((t.i, t.i))
    return pieces


def hearsay_pieces(adverb: Token) -> list[tuple[int, int]]:
    """What a hearsay adverb reports: its clause, in the pieces either side of the adverb
    ("The firm is | reportedly | weighing a sale")."""
    if adverb.dep_ != "advmod" or adverb.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = adverb.head
    if verb.pos_ == "AUX" and verb.dep_ == "aux":
        verb = verb.head
    if verb.dep_ in ("relcl", "advcl"):
        return []  # "the mayor, who reportedly …", ", reportedly winning …": an aside
    tokens = _clause_tokens(verb)
    pieces = _pieces(tokens, {adverb.i})
    if sum(b - a + 1 for a, b in pieces) < 3:
        return []
    return pieces


def source_object(prep: Token, sources: frozenset[tuple[str, ...]]) -> Token | None:
    """The object of a prepositional source ("In [a poll] released Monday, …"), when the
    lexicon lists the preposition with the object's noun ("in poll")."""
    if prep.dep_ != "prep":
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or (prep.lower_, obj.lemma_.lower()) not in sources:
        return None
    return obj


def source_clause_pieces(prep: Token) -> list[tuple[int, int]]:
    """What a prepositional source reports: the clause the phrase hangs on without the
    phrase, on the side of the clause's verb ("[In a poll,] most voters backed it")."""
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.i > verb.i and (obj is None or obj.tag_ != "NN"):
        return []  # "has soared in the polls": a standing, not one poll's finding
    phrase = {t.i for t in prep.subtree}
    tokens = [t for t in _clause_tokens(verb) if t.i not in phrase]
    before = [t for t in tokens if t.i < prep.i]
    after = [t for t in tokens if t.i > prep.right_edge.i]
    side = before if verb.i < prep.i else after
    while side and (side[0].is_punct or side[0].dep_ == "cc"):
        side = side[1:]
    while side and side[-1].is_punct:
        side = side[:-1]
    if len(side) < 3:
        return []
    return [(side[0].i, side[-1].i)]


@functools.cache
def load_expressed() -> tuple[frozenset[str], frozenset[str]]:
    """The light verbs of expressing and the nouns of a view or feeling they take
    (``data/expressed_nouns.txt``), as (verbs, nouns)."""
    text = resources.files("onrecord.data").joinpath("expressed_nouns.txt").read_text("utf-8")
    verbs: set[str] = set()
    nouns: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, word = line.partition("\t")
        (verbs if kind.strip() == "verb" else nouns).add(word.strip().lower())
    return frozenset(verbs), frozenset(nouns)


# prepositions that open what a view or feeling is about: "concern about", "support for"
_TOPIC_PREPS = frozenset(
    {"about", "of", "for", "on", "with", "toward", "towards", "over", "against", "at", "in"}
    | {"regarding"}
)


def expressed_topic(verb: Token) -> Token | None:
    """What a view or feeling a light verb expresses is about: the object of the
    preposition after the verb's object noun ("expressed deep concern about [the
    plan]", "showed no interest in [running]"), or None. A noun with a possessor is
    left alone: "voiced his support for the plan" reports the support itself."""
    verbs, nouns = load_expressed()
    if verb.lemma_.lower() not in verbs:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if noun is None or noun.lemma_.lower() not in nouns:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.i < noun.i or prep.lower_ not in _TOPIC_PREPS:
            continue
        return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None
