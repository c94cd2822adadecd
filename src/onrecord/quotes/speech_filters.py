"""Cue words that report nobody's words in the use at hand (speech precision).

Each rule takes the quote, the head word of its cue and its content in the parse, and says
whether the cue word is used here in a sense that attributes nothing; ``extract`` drops such
quotes with the stance filters (``extract.NOT_A_REPORT``: these two modules hold every such rule).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from onrecord.model import Quote
from onrecord.quotes.clauses import judged_in_quotes
from onrecord.quotes.marks import MarkSpan, scan
from onrecord.quotes.rules import is_infinitive

# the publication's own desk: "Editor's note:" heads the outlet's own aside to its readers,
# which is the article's voice, not a report of anyone's words
OWN_DESK = {"editor", "author", "writer"}

# what may stand before a participle that modifies a noun: "the pledged delegates", "her
# reported wealth", "475 pledged delegates", "the party's presumed nominee"
NOUN_PHRASE_OPENERS = {"det", "poss", "nummod", "amod", "case"}
# the same words by their tags, when the parse attaches them elsewhere ("the state's" with the
# possessive ending taken as punctuation); not "DT", which also tags subjects ("some", "all")
NOUN_PHRASE_OPENER_TAGS = {"POS", "CD", "PRP$"}


def _desk_note(word: Token) -> bool:
    """Whether a word heads the outlet's own note: a noun owned by its editor or author and
    followed by a colon ("Editor's note: ...")."""
    return (
        word.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "poss" and c.lemma_.lower() in OWN_DESK for c in word.children)
        and any(c.text == ":" and c.i > word.i for c in word.children)
    )


def note_of_the_desk(quote: Quote, cue: Token, content: Span | None) -> bool:
    """The outlet's own note ("Editor's note: the mayor ...") is the article speaking for
    itself, not a reported statement; nor is any cue inside it ("Editor's note: the mayor, who
    has pledged to close the shelters, ..."), which the writer uses in the note's own voice.
    A note that is itself the subject of a report ("an editor's note said ...") has no colon
    after it and is left alone."""
    return any(_desk_note(word) for word in (cue, *cue.ancestors))


def participle_before_its_noun(quote: Quote, cue: Token, content: Span | None) -> bool:
    """A past participle inside a noun phrase, directly before a bare noun ("the pledged
    delegates", "her reported net worth"), describes that noun; the parser may still hang the
    noun on it as an object, but nobody is reported as saying anything."""
    if cue.tag_ not in ("VBN", "VBD") or cue.i == cue.sent.start:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return False
    before = cue.doc[cue.i - 1]
    if before.head == cue and before.dep_.startswith("nsubj"):
        return False  # "Some accused the mayor of ...": the word before is the subject
    if before.dep_ not in NOUN_PHRASE_OPENERS and before.tag_ not in NOUN_PHRASE_OPENER_TAGS:
        return False
    objects = [c for c in cue.children if c.dep_ in ("dobj", "oprd") and c.i > cue.i]
    if not objects or objects[0].tag_ not in ("NN", "NNS"):
        return False
    noun = objects[0]
    between = cue.doc[cue.i + 1 : noun.i]
    if any(t.dep_ not in ("compound", "amod", "nummod") for t in between):
        return False
    return not any(c.dep_ in ("det", "poss") for c in noun.children)


@lru_cache(maxsize=8)
def _quotations(doc: Doc) -> tuple[MarkSpan, ...]:
    """The quoted spans of a parsed text, as the marks scanner finds them (once a document:
    ``Doc.text`` is rebuilt from the tokens at every call)."""
    return tuple(scan(doc.text))


def inside_an_open_quotation(quote: Quote, cue: Token, content: Span | None) -> bool:
    """A cue inside a quotation left open to the end of its paragraph (a speech or transcript
    quoted paragraph by paragraph: "“I grew up here. And I believe the mill will reopen.") is
    part of the quoted speaker's words, not a report of its own. Only reports whose content is
    not the quotation itself are dropped, and in the paragraph that opens the quotation only
    past its first sentence, where a missing closing mark ("“We are done, Ames said.") leaves
    the cue that ends it; a paragraph that continues the quotation is quoted from its start."""
    if quote.kind in ("direct", "partial"):
        return False
    return any(
        mark.open_end
        and mark.start < cue.idx < mark.end
        and (mark.continues or mark.start < cue.sent.start_char)
        for mark in _quotations(cue.doc)
    )


# what a statement is made on, rather than about: "wrote on Reddit", "posted on another
# website", "criticized on social media", "stated on live TV", "mentions on the campaign trail"
MEDIA = {
    "site",
    "website",
    "web",
    "internet",
    "media",
    "tv",
    "television",
    "radio",
    "air",
    "airwaves",
    "show",
    "program",
    "programme",
    "broadcast",
    "channel",
    "network",
    "podcast",
    "blog",
    "page",
    "platform",
    "screen",
    "stage",
    "floor",
    "trail",
    "occasion",
    "camera",
    "tape",
    "medium",
    "phone",
    "line",
}


def said_on_a_medium(quote: Quote, cue: Token, content: Span | None) -> bool:
    """Content that is only the object of "on" after the cue, when that object is a medium
    or an occasion ("another supporter wrote on Reddit", "was roundly criticized on social
    media", "a fact he often mentions on the campaign trail"), names where something was said,
    not what was said; "commented on the ruling" (a topic) is left alone."""
    if content is None:
        return False
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "on" and prep.i > cue.i:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and content.root == objects[0]:
                return objects[0].lemma_.lower() in MEDIA
    return False


def naming(quote: Quote, cue: Token, content: Span | None) -> bool:
    """A passive "call" names, it does not report: "the video is called Silence", "she was
    called to testify", "a group called Green Valley" (whoever called is not quoted)."""
    if quote.cue != "call":
        return False
    if any(c.dep_ == "auxpass" for c in cue.children):
        return True
    if judged_in_quotes(cue):
        return False  # "Ames, an aide, called the plan “reckless”": a verb of saying
    # "a fund called Fair Play", "a blog, called the Feed,": a participle right after a
    # common noun, with nothing of its own before it (not "… which Ames called …")
    return (
        cue.dep_ == "acl"
        and cue.tag_ in ("VBN", "VBD")
        and cue.head.pos_ == "NOUN"
        and cue.head.i < cue.i
        and all(t.is_punct for t in cue.doc[cue.head.i + 1 : cue.i])
        and all(c.is_punct for c in cue.lefts)
    )


def endangers(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "threaten" with a bare noun object is to endanger ("the storm threatens the harvest");
    a threat that is said takes an infinitive or a clause ("threatened to sue")."""
    if quote.cue != "threaten" or quote.kind == "direct":
        return False
    deps = {c.dep_ for c in cue.children}
    return "dobj" in deps and not deps & {"xcomp", "ccomp"}


def manner_of_speaking(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "speak" reports what is spoken of ("spoke about the war", "spoke of reform") or a
    quotation beside it; it takes no clause nor object of its own: in "speaks fluent
    Spanish" or "spoke so fast it sounded rushed" nothing is reported."""
    if quote.cue != "speak" or quote.kind not in ("indirect", "partial") or content is None:
        return False
    return content.root.dep_ not in ("pobj", "pcomp", "prep")


def only_a_date(quote: Quote, cue: Token, content: Span | None) -> bool:
    """Content that is nothing but a date or a time ("reported on Tuesday", "has spoken
    this week") is when the report was made, never what was reported."""
    if quote.kind == "direct" or content is None:
        return False
    return all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in content)


# what a price is made of: "charged a $50 fee", "charges members dues", "charged more for rent"
PRICES = {
    "fee",
    "fees",
    "price",
    "rent",
    "rate",
    "rates",
    "dues",
    "fare",
    "toll",
    "premium",
    "interest",
}


def charged_a_price(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "charge" with a noun object accuses ("prosecutors charged the driver with arson"),
    but a sum of money or a price charged ("the club charges a $900 entry fee", "what the
    landlord charged the campaign for rent") is a bill, not a report."""
    if quote.cue != "charge" or quote.kind == "direct":
        return False
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and any(_a_price(t) for t in prep.subtree):
            return True
    if content is None or content.root.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
        return False  # "charged that donors gave millions": an accusation stated in a clause
    return any(_a_price(t) for t in content)


def _a_price(word: Token) -> bool:
    """Whether a word is a sum of money or names a price ("$40", "a fee", "the rent")."""
    return word.ent_type_ == "MONEY" or word.lower_ in PRICES


# what is won or taken by claiming it: "claimed the nomination", "claims more territory",
# "claiming 41 percent of the vote", "the blast claimed six lives"
PRIZES = {
    "nomination",
    "prize",
    "title",
    "crown",
    "seat",
    "territory",
    "residency",
    "percent",
    "life",
}


def claimed_a_prize(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "claim" with a prize, a place or a share as its bare object ("claimed the
    nomination", "claims the title", "the storm claimed two lives") is to win or to take
    it, not to say anything; "claimed that she won" and "claimed victory" (declaring a win)
    are left alone."""
    if quote.cue != "claim" or quote.kind != "indirect" or content is None:
        return False
    root = content.root
    return root.dep_ == "dobj" and root.head == cue and root.lemma_.lower() in PRIZES


def called_off(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "call off" cancels ("called off the merger"), it reports no words."""
    return quote.cue == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in cue.children)


def continued_doing(quote: Quote, cue: Token, content: Span | None) -> bool:
    """ "continue" reports words only as it carries a statement on ("the vote will be
    close, the clerk continued"); going on doing something ("she continued to renew it",
    "continue to shock the party") or lasting ("is likely to continue for some time") is
    the verb of aspect, whatever clause the parser hangs on it, unless that clause is
    opened by "that"."""
    if quote.cue != "continue" or quote.kind == "direct" or content is None:
        return False
    if content[0].lower_ == "that":
        return False  # "continued that the vote was close": a statement, whatever else
    if any(c.dep_ == "xcomp" for c in cue.children):
        return True
    return content.root.dep_ in ("pobj", "dobj", "npadvmod")


def _impersonal_frame(word: Token) -> bool:
    """Whether a word is the "be" of an impersonal "it" ("it is too soon", "it's fair",
    "it would be hard")."""
    return word.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in word.children
    )


def impersonal_to_say(quote: Quote, cue: Token, content: Span | None) -> bool:
    """An infinitive "to say" or "to tell" framed by an impersonal "it" and an adjective
    ("it is too soon to say whether …", "it's fair to say that …", "it is hard to tell if
    …") is the writer's own hedge: nobody is reported as saying anything. "She was quick to
    say …" has a subject who says, and "it is important for her to say" an agent: both
    stay."""
    if quote.cue not in ("say", "tell") or quote.kind == "direct" or cue.dep_ != "xcomp":
        return False
    if not is_infinitive(cue):
        return False
    frame = cue.head
    if frame.pos_ in ("ADJ", "ADV") and frame.dep_ in ("acomp", "advmod"):
        frame = frame.head
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in (*frame.children, *cue.head.children)):
        return False
    adjective = cue.head.pos_ in ("ADJ", "ADV") or any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" for c in frame.children
    )
    return adjective and _impersonal_frame(frame)


SPEECH_FILTERS = (
    naming,
    endangers,
    manner_of_speaking,
    only_a_date,
    note_of_the_desk,
    participle_before_its_noun,
    inside_an_open_quotation,
    said_on_a_medium,
    charged_a_price,
    claimed_a_prize,
    called_off,
    continued_doing,
    impersonal_to_say,
)
