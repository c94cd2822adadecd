"""Uses of belief and stance cues that report nobody's stance (cues="all").

Each rule takes the quote, the head word of its cue and its content in the parse, and says
whether the cue word is used here in a sense that attributes nothing; ``extract`` drops such
quotes with the speech filters (``extract.NOT_A_REPORT``: these two modules hold every such rule).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.model import Quote
from onrecord.quotes.rules import (
    CLAUSE_OPENERS,
    QUESTION_OPENERS,
    SUBJECTS,
    WH_DETERMINERS,
    is_infinitive,
)

# what a candidate runs for, and a reporter's request for a reply: "seeking the nomination",
# "seeking a second term", "emails seeking comment" is running or asking, not a wish reported
SOUGHT_OFFICES = {
    "nomination",
    "presidency",
    "office",
    "reelection",
    "re-election",
    "seat",
    "term",
    "governorship",
    "candidacy",
    "comment",
}


def running_for_office(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "seek" whose object is an office or a term ("is seeking reelection", "the Republicans
    seeking the presidency") or a comment asked for by the writer ("a request seeking
    comment") reports no one's wish: it names a candidacy or the reporter's own request."""
    if quote.cue != "seek":
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    return bool(objects) and objects[0].lemma_.lower() in SOUGHT_OFFICES


# a verb form with no tense of its own: the bare infinitive, the -ing and the past participle
UNTENSED = {"VB", "VBG", "VBN"}


def looking_to_see(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "see" in the infinitive ("waited to see if the vote would hold", "went to see her
    speak", "it is hard to see how they win") is an act of looking or a check yet to be made,
    not a view anyone holds; "to see X as Y" (a judgement) is kept."""
    if quote.cue != "see":
        return False
    return is_infinitive(cue) and not any(c.lower_ == "as" for c in cue.children)


def seeing_an_event(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "see" whose content is an untensed clause of its own, an event watched ("saw the
    crowd turn on him", "the mayor was seen leaving the building"), reports a perception, not a belief;
    "see X as Y" and "see that/if/how ..." are left alone."""
    if quote.cue != "see" or content is None:
        return False
    if any(c.lower_ == "as" for c in cue.children):
        return False
    if content.start <= cue.i < content.end:
        # the passive, whose content takes in its subject: "the mayor was seen leaving"
        return any(
            c.i > cue.i and c.pos_ == "VERB" and c.tag_ in ("VBG", "VBN") and c.dep_ != "conj"
            for c in cue.children
        )
    root = content.root
    return (
        root.head == cue
        and root.pos_ in ("VERB", "AUX")
        and root.tag_ in UNTENSED
        and root.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "oprd")
        and content[0].lower_ not in CLAUSE_OPENERS
    )


def focus_in_passing(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "focus on" heading an adverbial clause ("toured the ward, focusing on the flooded
    streets", "met the union to focus on wages") tells what an activity dwelt on, in the
    writer's words; "the mayor focused on wages in her speech" is still reported."""
    return quote.cue == "focus on" and cue.dep_ == "advcl"


def knowing_a_thing(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "know" with a common noun phrase for its object ("knows the district well", "knew
    their voters", "know all the details") is acquaintance with a thing, not a proposition
    held; "know that ...", "know which ..." and knowing a named person (an acquaintance
    often reported as a stance on them) are left alone."""
    if quote.cue != "know" or content is None:
        return False
    root = content.root
    return (
        root.head == cue
        and root.dep_ == "dobj"
        and root.pos_ == "NOUN"
        and content[0].lower_ not in CLAUSE_OPENERS | WH_DETERMINERS
    )


def the_attack_as_an_event(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "the attack on X" with the definite article and nobody's name on it ("the attack on
    the embassy", "the deadly attacks on the consulate") names an event already known, mostly
    an act of violence, not someone's criticism; "her attack on the levy" and "a sharp attack
    on the mayor" are still reported."""
    if quote.cue != "attack on":
        return False
    children = list(cue.children)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in children)
    return definite and not any(c.dep_ == "poss" for c in children)


# the reflexive pronouns: "found himself", "finds itself"
REFLEXIVES = {
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "oneself",
    "ourselves",
    "yourselves",
    "themselves",
}


def finding_oneself(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "find" followed at once by a reflexive pronoun ("found himself embroiled in a quarrel", "the
    party finds itself playing defence") tells where someone ended up, not what anyone
    found out; "found that ..." and "found the figures wanting" are left alone."""
    if quote.cue != "find" or cue.i + 1 >= len(cue.doc):
        return False
    return cue.doc[cue.i + 1].lower_ in REFLEXIVES


# the modal auxiliaries: "will determine", "could determine"
MODALS = {"will", "would", "could", "can", "may", "might", "shall", "should"}


def deciding_an_outcome(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "determine" + an open question in the sense of deciding or causing its outcome
    ("turnout will determine who wins", "the ruling could help determine whether the law
    stands") reports no one's finding; "investigators determined that ..." and "are trying
    to determine whether ..." (an inquiry) are left alone."""
    if quote.cue != "determine" or content is None:
        return False
    if content[0].lower_ not in QUESTION_OPENERS | WH_DETERMINERS:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in cue.children)
    helped = cue.dep_ == "xcomp" and cue.head.lemma_ == "help"
    return modal or helped


def figuring_to_happen(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "figure" + an infinitive in the sense of "be likely to" ("the senator figures to do
    well in the suburbs", "a lead that figures to help her") is the writer's forecast, not
    anyone's reckoning; "figured that ..." and "figure out how ..." are left alone."""
    if quote.cue != "figure" or any(c.dep_ == "prt" for c in cue.children):
        return False
    return any(child.dep_ == "xcomp" and is_infinitive(child) for child in cue.children)


# verbs of getting or holding what another gives: "won the endorsement of", "received the
# endorsement of", "picked up the endorsement of", "has the endorsement of"
RECEIVING = {
    "win",
    "receive",
    "secure",
    "earn",
    "get",
    "pick",
    "snag",
    "land",
    "gain",
    "have",
    "garner",
    "collect",
    "sew",
    "score",
    "capture",
    "nab",
    "obtain",
    "lose",
}


def endorsement_received(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "the endorsement of X" as the object of a verb of receiving ("won the endorsement of
    the teachers' union", "picked up the endorsement of the governor") names X as the one who
    endorses, not what is endorsed: the content found (X) is no one's stance; "her endorsement
    of the levy" and "made a formal endorsement of the mayor" are left alone."""
    return (
        quote.cue == "endorsement of"
        and cue.dep_ == "dobj"
        and cue.head.lemma_.lower() in RECEIVING
    )


def question_to_the_reader(quote: Quote, cue: Token, content: Span | None) -> bool:
    """A belief or stance asked of "you" in a question ("Do you support the levy?", "What do
    you think of the plan?") reports nobody's stance: it asks the reader (or listener) for one."""
    if quote.cue_class == "speech":
        return False
    return cue.sent.text.rstrip().endswith("?") and any(
        c.dep_ in SUBJECTS and c.lower_ == "you" for c in cue.children
    )


def imperative(quote: Quote, cue: Token, content: Span | None) -> bool:
    """A bare verb that heads its sentence with no subject is an order or a suggestion to the
    reader ("Now, compare that with last year.", "Don't believe them."), no one's stance."""
    if quote.cue_class == "speech":
        return False
    return (
        cue.tag_ == "VB"
        and cue.dep_ == "ROOT"
        and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in cue.children)
    )


def filler_know(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "you know" set off by commas ("and you know, friends, we can win") is a filler that
    reports nothing anyone knows: the parse hangs it on the sentence as a parataxis."""
    return quote.cue == "know" and cue.dep_ in ("parataxis", "intj")


STANCE_FILTERS = (
    question_to_the_reader,
    imperative,
    filler_know,
    running_for_office,
    looking_to_see,
    seeing_an_event,
    focus_in_passing,
    knowing_a_thing,
    the_attack_as_an_event,
    finding_oneself,
    deciding_an_outcome,
    figuring_to_happen,
    endorsement_received,
)
