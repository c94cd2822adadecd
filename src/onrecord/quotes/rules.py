"""Word lists, patterns and small records the quotation rules share.

Lexicons that a reader may want to extend (cue verbs, role nouns) are data files;
what is here belongs to the grammar of the rules (dependency labels, prepositions
that make a cue phrase, words that open the writer's own addition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.model import CueClass

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "acl")  # acl: "the claim that …" of a noun cue
XCOMP_CUES = {
    "urge",
    "promise",
    "refuse",
    "decline",
    "vow",
    "pledge",
    "threaten",
    "ask",
    "call",
    "tell",
    "agree",
    "propose",
    "warn",
    "demand",
    "insist",
    "claim",
    # a gerund is what was reported: "reported spending $1 million", "denied meeting him"
    "report",
    "deny",
    "admit",
    "recall",
    "suggest",
    "recommend",
    "acknowledge",
    "mention",
}
# cues whose direct object is the person addressed, not what was said ("asked her", "called
# him", "urged them")
ADDRESSEE_CUES = {
    "tell",
    "ask",
    "inform",
    "assure",
    "answer",
    "urge",
    "remind",
    "quote",
    "call",
    "warn",
}
# words that open a clause or an indirect question ("that", "whether", "how", ...)
CLAUSE_OPENERS = frozenset({"that", "whether", "if", "who", "what", "when", "where", "why", "how"})
# the openers of an indirect question: every clause opener but "that"
QUESTION_OPENERS = CLAUSE_OPENERS - {"that"}
# relative and interrogative words that may open an object clause ("know which road")
WH_DETERMINERS = frozenset({"which", "whose", "whom"})
# cues whose subject is what seems so, not who thinks it: "X appears to be Y"
RAISING_CUES = {"seem", "appear"}
NP_CUE_PREPS = {"for", "of", "about", "on"}
# prepositions whose object is the topic of what was said: "commented on the decision"
TOPIC_PREPS = {"on", "about", "of", "for", "against"}
NOT_CONTENT = {"it", "this", "statement", "interview"}
# a paragraph led by a speaker label: "TAPPER: …", "EXCLUSIVE – Roger Stone: …"
LABEL = re.compile(
    r"[ \t]*(?:[A-Z]{3,}\s+[–—-]\s+)?(?P<s>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})"
    r"[ \t]*(?P<colon>:)[ \t]+(?P<c>\S)"
)
# a headline led by its source: "Clinton camp: …", "Former minister at summit: …"
HEADLINE_SOURCE = re.compile(
    r"[ \t]*(?P<s>[A-Z][\w’'.&-]*(?:[ \t]+[\w’'.&-]+){0,6}?)[ \t]*(?P<colon>:)[ \t]+(?P<c>\S)"
)
NOT_LABELS = {
    "update",
    "updated",
    "watch",
    "exclusive",
    "breaking",
    "video",
    "photos",
    "photo",
    "image",
    "note",
    "editor's note",
    "editor’s note",
    "related",
    "source",
    "sources",
    "read more",
    "see also",
    "correction",
    "transcript",
    "partial transcript",
    "warning",
    "spoiler",
    "q",
    "a",
    "via",
    "credit",
    "live",
    "listen",
    "more",
    "also",
    "the latest",
    "analysis",
    "opinion",
}
# words that, after a comma, open the writer's own addition to reported content
ADJUNCT_OPENERS = {
    "a",
    "an",
    "which",
    "where",
    "when",
    "though",
    "although",
    "while",
    "whereas",
    "after",
    "before",
    "despite",
    "according",
    "as",
    "even",
    "whose",
    "compared",
    "just",
}
PARSER_MARKS = str.maketrans({"«": "“", "»": "”", "„": "“", "‹": "‘", "›": "’"})
# "VESTBY, March 14 (Northgate Wire) - ", "WASHINGTON (AP) — ": not part of what was said
DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,},?[^\n.]{0,40}?\s[-—–]+\s+")
# objects of "spoke on …" that are the channel or the circumstances, not the topic
NOT_TOPICS = {
    "phone",
    "telephone",
    "condition",
    "camera",
    "record",
    "behalf",
    "television",
    "tv",
    "radio",
    "air",
    "stage",
    "floor",
    "call",
    "video",
    "twitter",
    "facebook",
    "background",
    "line",
    "program",
    "show",
    "panel",
    "podcast",
    "network",
    "channel",
}
NOT_SPEAKER_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
PUNCT_EDGE = set(",.;:—–-()[] ")
MARK_CHARS = set("“”„«»‹›\"‘’'")
RELATIVE = {"who", "which", "that", "whom"}


# A cue's content as found in the parse: start and end offsets, the indexes of the
# quotation marks inside it, and its pieces when it is discontinuous (else empty).
Content = tuple[int, int, list[int], tuple[tuple[int, int], ...]]


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in the parse: its lemma, class, span and head token."""

    lemma: str
    cls: CueClass
    start: int
    end: int
    token: Token


def is_infinitive(verb: Token) -> bool:
    """Whether a verb carries the infinitive marker "to" ("to see", "to win")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def trim_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def lemma_guess(word: str) -> str:
    """A verb's lemma without a parser (for headlines): says -> say, warns -> warn."""
    low = word.lower()
    if low in ("says", "said"):
        return "say"
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches")):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


def regular_stems(word: str) -> list[str]:
    """Lemmas a regular verb form may have: "hopes" -> hope, "hoped" -> hope, "hoping" ->
    hope, "stopped" -> stop, "tries" -> try (longest first; the caller checks a lexicon)."""
    low = word.lower()
    out: list[str] = []
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("es", "e"),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if low.endswith(suffix) and len(low) - len(suffix) >= 2:
            stem = low[: len(low) - len(suffix)] + repl
            out.append(stem)
            if repl == "" and len(stem) >= 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> stop
    return out
