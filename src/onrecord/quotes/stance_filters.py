"""Uses of belief and stance cues that report nobody's stance (cues="all").

Each rule takes the quote, the head word of its cue and its content in the parse, and says
whether the cue word is used here in a sense that attributes nothing; ``extract`` drops such
quotes with the other ``NOT_A_REPORT`` rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.model import Quote

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


STANCE_FILTERS = (running_for_office,)
