"""Attributions whose cue is a frame of several words rather than one cue word.

The lexicon finds a report by its cue word; a few recurring shapes report a view, a name
or an estimate without any cue word of their own, and are found here by their frame:

- a naming participle after a noun ("the contests known as Harvest Week", "a film
  titled “Homeward”", "a rally dubbed the Big Tent"): the noun phrase and the name it is
  given, in two pieces, nobody named for it; after "also" ("the group, also known as the
  Front,") the alias alone;
- an expectation after its noun ("a ruling expected next month", "a season expected to
  bring record crowds"): the noun phrase and the rest of the participle's phrase;
- records that show a clause set off after it ("The fund paid $4,000 to the mayor, county
  records show."), when the parse did not make the verb head the clause;
- an estimate put at a figure ("The survey puts her support at 40 percent", "The almanac
  put his fortune at $3 billion"): what is estimated with its figure, a finding of the subject;
- a viewpoint set before its clause ("To her neighbours, the plan is a threat", "But to
  many, he remains a hero"): the clause, the view of the object of "to";
- "in favour of" after a verb or a noun ("The council voted in favour of the levy", "his
  case in favor of a recount"): what is favoured, the object of "of", without a relative
  clause set off by a comma; held by the verb's subject or the noun's owner;
- "against" after a verb or a noun of taking a side ("The union campaigned against the
  levy", "her tirade against the toll", "most farmers are against it"): what "against"
  governs, held alike; campaigning or being against a person is a contest, left out;
  likewise "toward" after a noun of feeling or stance or after "lean" ("their hostility
  toward the tunnel", "is leaning toward the northern route");
- support held ("The levy drew broad support from farmers", "the plan has the support of
  the council", "her deep support among farmers"): the subject (or the owner of the
  support), the view of the object of "from", "among" or "of"; not support won "for"
  something else, nor a poll's share ("has 38 percent support");
- "opposed by" after a noun ("The toll plan, opposed by the hauliers, passed"): the noun
  phrase, the view of the object of "by".
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.quotes.content import ContentRules, _end_of
from onrecord.quotes.rules import Cue
from onrecord.speakers import ResolvedSpeaker

__all__ = ["FrameRules"]

# a participle that gives what it follows a name: "known as", "titled", "dubbed"
NAMING_PARTICIPLES = {"known", "titled", "entitled", "dubbed", "nicknamed"}

# "…, county records show.": a finding verb set off after its clause, and the nouns of
# records that report so
_SHOWING = {"show", "shows", "showed", "indicate", "indicates", "indicated"}
_RECORDS = {
    *("records", "data", "documents", "filings", "figures", "statistics", "reports"),
    *("polls", "surveys", "results", "numbers", "estimates", "logs", "disclosures"),
}
# the parse made the finding verb head a clause: the lexicon's cue reports
_CLAUSE_HEADS = {"ROOT", "ccomp", "parataxis", "advcl", "relcl", "conj", "xcomp"}

# sentence openers that may come before a fronted viewpoint ("But to many, …")
_OPENERS = {"but", "and", "yet", "so", "still"}

# objects of a fronted "to" that name no one holding a view ("To that, she added …")
_NO_VIEWPOINT = {"that", "this", "it", "date", "end", "extent", "degree"}
_TIMES = ("DATE", "TIME", "CARDINAL")

# "campaigned against the levy", "his tirade against the plan", "are against it": the
# verbs and nouns of taking a side against what "against" governs
_AGAINST_VERBS = frozenset(
    {
        *("be", "campaign", "turn", "rule", "push", "opt", "argue", "rail", "opine"),
        *("fulminate", "inveigh", "lobby", "testify", "warn", "caution", "protest", "advocate"),
        *("agitate", "side", "mobilize", "rally", "organize", "preach", "editorialize"),
    }
)
_AGAINST_NOUNS = frozenset(
    {
        *("attack", "campaign", "argument", "allegation", "accusation", "protest", "rant"),
        *("tirade", "broadside", "swipe", "backlash", "stance", "insult", "challenge"),
        *("criticism", "opposition", "animus", "hostility", "resentment", "sentiment"),
        *("screed", "diatribe", "warning"),
    }
)
# "leaning toward the mayor", "their hostility toward the plan": a view of what "toward"
# governs
_TOWARD_VERBS = frozenset({"lean", "gravitate"})
_TOWARD_NOUNS = frozenset(
    {
        *("feeling", "rhetoric", "tone", "stance", "attitude", "hostility", "fury", "anger"),
        *("insult", "attack", "sentiment", "ambivalence", "animosity", "animus", "contempt"),
        *("approach", "posture", "disdain", "skepticism", "scepticism", "antipathy"),
        *("sympathy", "warmth", "resentment", "distrust", "mistrust", "suspicion", "bias"),
    }
)
# "campaigned against the senator", "is against a single rival": a contest with a person,
# not a stance
_CONTESTING = {"be", "campaign"}
_RIVALS = {"opponent", "rival", "challenger", "candidate", "incumbent"}


def _a_person(noun: Token) -> bool:
    """Whether a noun names a person or a rival: a person's name (a proper noun the parse
    gave no other entity type) or "opponent", "rival", …"""
    if noun.lemma_.lower() in _RIVALS or noun.ent_type_ == "PERSON":
        return True
    return noun.pos_ == "PROPN" and noun.ent_type_ == ""


# "voted in favor of the bill": the noun of "in favor of"
_FAVOUR = {"favor", "favour"}


# every word a frame can start at, bar the forms of "put"

# "the levy drew broad support from farmers": the verbs whose subject holds the support
# given by the object of "from", "among" or "of"
_HOLDING_SUPPORT = frozenset(
    {
        *("have", "draw", "win", "receive", "enjoy", "get", "gain", "attract", "garner"),
        *("earn", "command", "consolidate", "lock", "pick", "secure", "retain", "keep"),
    }
)
# the prepositions that name who gives the support
_SUPPORT_GIVERS = {"from", "among", "of"}


class FrameRules(ContentRules):
    """Reports found by their frame (see the module notes); run on every token."""

    def _frame_at(self, token: Token) -> None:
        """Add the report a frame starting at ``token`` makes, if it makes one."""
        frame = _FRAMES.get(token.lower_)
        if frame is None and token.lemma_.lower() == "put":
            frame = "_estimate_frame"  # "puts", "putting": by its lemma
        if frame is None or self._inside_marks(token):
            return  # most words open no frame: the cheap test first
        getattr(self, frame)(token)

    def _add_trimmed(self, start: int, end: int, cue: Cue, speaker: ResolvedSpeaker | None) -> None:
        """Add an indirect report of the text between two offsets, trimmed of punctuation and
        space at its edges; nothing when no words are left."""
        start, end = self._trim(start, end)
        if end > start:
            self._add(start, end, "indirect", cue, speaker)

    def _naming_frame(self, participle: Token) -> None:
        """ "the run of contests known as Harvest Week": the noun phrase and its name."""
        noun = participle.head
        if participle.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > participle.i:
            return
        if participle.lower_ == "known":
            prep = next((c for c in participle.children if c.dep_ == "prep"), None)
            between = participle.doc[participle.i + 1 : prep.i] if prep is not None else []
            if prep is None or prep.lower_ != "as" or any(t.pos_ != "ADV" for t in between):
                return  # "known for its views", "known to the police": no name given
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            cue_end = _end_of(prep)
        else:
            if any(c.dep_ == "prep" and c.lower_ == "to" for c in participle.children):
                return  # "entitled to a refund": a right, not a name
            name = next(
                (
                    c
                    for c in participle.children
                    if c.i > participle.i
                    and c.dep_ in ("oprd", "dobj", "attr", "npadvmod", "appos")
                ),
                None,
            )
            cue_end = _end_of(participle)
        if name is None:
            return
        second = self._trim(name.left_edge.idx, _end_of(name.right_edge))
        if second[1] <= second[0]:
            return
        cue = Cue(
            self.text[participle.idx : cue_end].lower(),
            "thought",
            participle.idx,
            cue_end,
            participle,
        )
        if any(c.dep_ == "advmod" and c.lower_ == "also" for c in participle.children):
            # "the group, also known as the Front,": the alias alone
            self._add(second[0], second[1], "indirect", cue, None)
            return
        # "the run of contests known as …": the whole phrase the participle follows
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        first = self._trim(noun.left_edge.idx, participle.idx)
        if first[1] <= first[0] or noun.left_edge.i < noun.sent.start:
            return
        self._add(first[0], second[1], "indirect", cue, None, (first, second))

    def _expectation_frame(self, participle: Token) -> None:
        """ "a ruling expected next month", "a season expected to bring record crowds": what
        is expected, in two pieces around the participle, nobody named for it."""
        noun = participle.head
        if participle.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > participle.i:
            return
        if any(c.dep_ == "agent" for c in participle.children):
            return  # "expected by the staff": the holder is named; the lexicon's cue reports
        first = self._trim(noun.left_edge.idx, participle.idx)
        if first[1] <= first[0] or noun.left_edge.i < noun.sent.start:
            return
        cue = Cue("expected", "thought", participle.idx, _end_of(participle), participle)
        if participle.right_edge.i == participle.i:
            self._add(first[0], first[1], "indirect", cue, None)
            return
        rest = participle.doc[participle.i + 1 : participle.right_edge.i + 1]
        if any(self._cue_at(t) is not None for t in rest):
            return  # "… expected soon on a claim, which the port vowed to contest": a report inside
        second = self._trim(rest[0].idx, _end_of(participle.right_edge))
        if second[1] <= second[0]:
            return
        self._add(first[0], second[1], "indirect", cue, None, (first, second))

    def _records_show_frame(self, verb: Token) -> None:
        """ "The fund paid $4,000 to the mayor, county records show.": the clause before the
        comma (after it, when the phrase sits inside: "…, filings show, the firm lost …"),
        found by the records that show it, when the parse took "show" for a noun or hung
        the records phrase on the clause."""
        doc = verb.doc
        sent = verb.sent
        if verb.dep_ in _CLAUSE_HEADS or verb.i + 1 >= sent.end:
            return
        after = doc[verb.i + 1]
        if after.text not in (",", "."):
            return
        comma = next(
            (t for t in reversed(doc[max(sent.start, verb.i - 8) : verb.i]) if t.is_punct), None
        )
        if comma is None or comma.text != "," or comma.i == verb.i - 1:
            return
        source = doc[comma.i + 1 : verb.i]
        if source[-1].lower_ not in _RECORDS:
            return
        # "…, records show.": the clause before; "…, records show, the firm …": the one after
        ending = after.text == "."
        tokens = doc[sent.start : comma.i] if ending else doc[after.i + 1 : sent.end]
        reporting = next((t for t in tokens if self._cue_at(t) is not None), None)
        if reporting is not None:
            # "…, records show, rarely sails, Ames has said": up to the report's clause
            cut = next(
                (t for t in reversed(doc[tokens.start : reporting.i]) if t.text == ","), None
            )
            if cut is None:
                return
            tokens = doc[tokens.start : cut.i]
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if len(words) < 3:
            return
        cue = Cue("show", "finding", verb.idx, _end_of(verb), verb)
        speaker = self.resolver.resolve(source)
        self._add_trimmed(words[0].idx, _end_of(words[-1]), cue, speaker)

    def _estimate_frame(self, verb: Token) -> None:
        """ "The poll puts her support at 40 percent": what is estimated, with its figure."""
        if verb.pos_ != "VERB":
            return
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        at = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > verb.i),
            None,
        )
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if obj is None or at is None or subject is None or at.i < obj.i:
            return
        figure = next((c for c in at.children if c.dep_ == "pobj"), None)
        if figure is None or not any(t.like_num or t.text in ("$", "%") for t in figure.subtree):
            return  # "put the blame at his door": no figure
        cue = Cue("put at", "finding", verb.idx, _end_of(verb), verb)
        speaker = self.resolver.resolve(self._speaker_span(subject))
        self._add_trimmed(obj.left_edge.idx, _end_of(at.right_edge), cue, speaker)

    def _viewpoint_frame(self, prep: Token) -> None:
        """ "To her neighbours, the plan is a threat": the clause, as the neighbours see it."""
        if prep.dep_ != "prep":
            return
        sent = prep.sent
        first = next(
            (t for t in sent if not t.is_punct and not t.is_space and t.lower_ not in _OPENERS),
            None,
        )
        if first is None or first.i != prep.i or not (prep.text == "To" or first.i > sent.start):
            return  # "To her neighbours, …", "But to many, …": the sentence opens with it
        holder = next((c for c in prep.children if c.dep_ == "pobj"), None)
        comma_i = prep.right_edge.i + 1
        if holder is None or comma_i >= sent.end or prep.doc[comma_i].text != ",":
            return
        if holder.lower_ in _NO_VIEWPOINT or holder.like_num or holder.ent_type_ in _TIMES:
            return  # "To date, …", "To 2030, …": no one holds a view
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i < comma_i:
            return
        clause = [t for t in sent if t.i > comma_i and t.i <= verb.right_edge.i]
        cues = [self._cue_at(t) for t in clause]
        if any(c is not None and c.cls == "speech" for c in cues):
            return  # "To the critics, I would say …": a speaker of her own
        if not clause:
            return
        cue = Cue("to", "thought", prep.idx, _end_of(prep), prep)
        speaker = self.resolver.resolve(self._speaker_span(holder))
        self._add_trimmed(clause[0].idx, _end_of(clause[-1]), cue, speaker)

    def _in_favour_frame(self, noun: Token) -> None:
        """ "The council voted in favour of the levy", "she argued in favor of a recount":
        what is favoured, the object of "of", held by the subject of the verb the phrase
        hangs on (or by the owner of the noun it follows: "his case in favour of …")."""
        if noun.dep_ != "pobj":
            return
        inside = noun.head
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if inside.lower_ != "in" or inside.i != noun.i - 1 or of is None or of.i != noun.i + 1:
            return
        what = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None)
        if what is None:
            return
        holder = inside.head
        if holder.pos_ not in ("VERB", "AUX", "NOUN"):
            return
        last = _before_aside(what)
        cue = Cue("in favor of", "thought", inside.idx, _end_of(of), noun)
        if self._speech_inside(what.left_edge.i, last.i):
            return  # "protests against what they call a sham": the speech inside reports
        self._add_trimmed(what.left_edge.idx, _end_of(last), cue, self._favour_holder(holder))

    def _speech_inside(self, first: int, last: int) -> bool:
        """Whether a speech cue lies among the tokens ``first`` to ``last``."""
        cues = (self._cue_at(t) for t in self.doc[first : last + 1])
        return any(c is not None and c.cls == "speech" for c in cues)

    def _favour_holder(self, holder: Token) -> ResolvedSpeaker | None:
        """Who favours: the subject of the verb (of the first conjunct, when the verb has
        none of its own), or the owner of the noun ("his argument in favour of …")."""
        if holder.pos_ == "NOUN":
            owner = next((c for c in holder.children if c.dep_ == "poss"), None)
            return self.resolver.resolve(self._speaker_span(owner)) if owner is not None else None
        while holder.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in holder.children
        ):
            holder = holder.head
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        return self.resolver.resolve(self._speaker_span(subject)) if subject is not None else None

    def _toward_frame(self, prep: Token) -> None:
        """ "their hostility toward the tunnel", "leaning toward the northern route": held
        like "against", after its own verbs and nouns."""
        self._against_frame(prep, _TOWARD_VERBS, _TOWARD_NOUNS)

    def _against_frame(
        self,
        prep: Token,
        verbs: frozenset[str] = _AGAINST_VERBS,
        nouns: frozenset[str] = _AGAINST_NOUNS,
    ) -> None:
        """ "The union campaigned against the levy", "his tirade against the plan", "most
        farmers are against it": what "against" governs, held by the verb's subject or
        the noun's owner."""
        if prep.dep_ != "prep":
            return
        holder = prep.head
        what = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if what is None or holder.i > prep.i:
            return
        lemma = holder.lemma_.lower()
        if holder.pos_ in ("VERB", "AUX"):
            if lemma not in verbs:
                return
            if lemma in _CONTESTING and _a_person(what):
                return  # "campaigned against the senator": a contest, not a stance
        elif holder.pos_ == "NOUN":
            if lemma not in nouns:
                return
        else:
            return
        last = _before_aside(what)
        cue = Cue(f"{lemma} {prep.lower_}", "thought", prep.idx, _end_of(prep), prep)
        if self._speech_inside(what.left_edge.i, last.i):
            return  # "protests against what they call a sham": the speech inside reports
        self._add_trimmed(what.left_edge.idx, _end_of(last), cue, self._favour_holder(holder))

    def _support_held_frame(self, noun: Token) -> None:
        """ "The levy drew broad support from farmers", "the plan has the support of the
        council": what is supported, the subject of the verb that holds the support, the
        view of the object of "from", "among" or "of" (nobody named without one); support
        owned and given "among" or "from" ("her broad support among farmers") reports its
        owner alike."""
        if noun.pos_ != "NOUN":
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        givers = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
        if (
            owner is not None
            and givers
            and givers[0].lower_ in ("among", "from")
            and not any(c.lower_ in ("for", "of", "to", "behind") for c in givers)
        ):
            giver = next((g for g in givers[0].children if g.dep_ == "pobj"), None)
            cue = Cue("support", "thought", noun.idx, _end_of(noun), noun)
            speaker = (
                self.resolver.resolve(self._speaker_span(giver)) if giver is not None else None
            )
            self._add_trimmed(owner.left_edge.idx, _end_of(owner.right_edge), cue, speaker)
            return
        verb = noun.head
        if (
            noun.dep_ != "dobj"
            or verb.pos_ != "VERB"
            or verb.lemma_.lower() not in _HOLDING_SUPPORT
        ):
            return
        if any(t.like_num or t.lower_ in ("%", "percent") for t in noun.subtree if t.i < noun.i):
            return  # "has 38 percent support": a poll's share, not a view
        preps = [c for c in (*noun.children, *verb.children) if c.dep_ == "prep"]
        if any(p.lower_ in ("for", "to", "behind") for p in preps):
            return  # "won support for the plan": what is supported follows
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None and verb.dep_ == "conj":
            subject = next(
                (c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i), None
            )
        if subject is None:
            return
        giver = next(
            (
                g
                for p in preps
                if p.lower_ in _SUPPORT_GIVERS and p.i > noun.i
                for g in p.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        speaker = self.resolver.resolve(self._speaker_span(giver)) if giver is not None else None
        cue = Cue("support", "thought", noun.idx, _end_of(noun), noun)
        self._add_trimmed(subject.left_edge.idx, _end_of(subject.right_edge), cue, speaker)

    def _opposed_by_frame(self, participle: Token) -> None:
        """ "The levy, opposed by the farmers, passed", "the levy is opposed by farmers":
        what is opposed, the noun phrase the participle follows or the passive's subject,
        the view of the object of "by"."""
        if participle.tag_ != "VBN":
            return
        agent = next((c for c in participle.children if c.dep_ == "agent"), None)
        holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if holder is None:
            return
        top = participle
        while top.dep_ == "conj" and top.head.tag_ == "VBN":
            top = top.head  # "Assad, aided by … and opposed by …": the first participle
        if top.dep_ == "acl" and top.head.pos_ in ("NOUN", "PROPN") and top.head.i < top.i:
            noun = top.head
            start, end = noun.left_edge.idx, top.left_edge.idx
        else:
            subject = next((c for c in top.children if c.dep_ == "nsubjpass"), None)
            if subject is None or subject.i > top.i:
                return
            start, end = subject.left_edge.idx, _end_of(subject.right_edge)
        cue = Cue("opposed by", "thought", participle.idx, _end_of(agent), participle)
        self._add_trimmed(start, end, cue, self.resolver.resolve(self._speaker_span(holder)))


def _before_aside(what: Token) -> Token:
    """The last word of a noun phrase before a relative clause set off by a comma ("the bill,
    which would …": "bill"); the phrase's last word when it has none."""
    aside = next((c for c in what.children if c.dep_ == "relcl" and c.i > what.i), None)
    if aside is not None and aside.left_edge.i > 1 and what.doc[aside.left_edge.i - 1].text == ",":
        return what.doc[aside.left_edge.i - 2]
    return what.right_edge


# the word a frame opens with -> the frame (each checks the parse of the word itself)
_FRAMES: dict[str, str] = {
    **dict.fromkeys(NAMING_PARTICIPLES, "_naming_frame"),
    "expected": "_expectation_frame",
    **dict.fromkeys(_SHOWING, "_records_show_frame"),
    "to": "_viewpoint_frame",
    **dict.fromkeys(_FAVOUR, "_in_favour_frame"),
    "against": "_against_frame",
    "toward": "_toward_frame",
    "towards": "_toward_frame",
    "support": "_support_held_frame",
    "opposed": "_opposed_by_frame",
}
