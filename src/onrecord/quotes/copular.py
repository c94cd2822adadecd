"""Copular and adjectival attributions: a stance or a belief put with "be".

- An adjective of knowing (lexicon tag ``knowing``: "clear", "unclear", "obvious", …)
  after "be", "remain" or "become" reports its "that" clause: "It is clear that the
  tax stays" (nobody named), "The senator was clear that the tax would stay" (the
  subject). An indirect question ("it is unclear whether …", "not clear why …") is
  left alone: PolNeAR train reports those 8 times in 26.
- "Make (it) clear" reports its clause, said by the subject of "make".
- A stance adjective whose "that" clause the parse hangs on the linking verb ("allies
  were hopeful Tuesday that …"), or that follows the noun it describes ("farmers
  worried about the drought": the noun holds the stance).
- "Sure" and "certain" with a bare infinitive forecast ("is certain to win"): no belief.
- A passive verb of belief with "as" ("is widely seen as a lifeline"): the subject and
  what it is seen as, in two pieces.
- A light verb of expressing with a noun of a view or feeling ("expressed concern
  about the plan", "showed no interest in the job") reports what the view is about
  (``phrasal.expressed_topic``), narrowing the verb's object content.
- A stance's object content ends before the margin its verb is measured by ("favored
  the mayor by wide margins": the mayor).
- A belief's or stance's content goes on with an indirect question joined by a bare
  "and" ("talked about the harbour and how it is changing the town").
- A partisan noun (lexicon tag ``copular``) that the subject of "be" is: "the senator is
  a fierce critic of the plan" reports "the plan", held by the senator.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.quotes.content import ContentRules, _as_predicate, _end_of
from onrecord.quotes.phrasal import expressed_topic
from onrecord.quotes.rules import CLAUSE_OPENERS, QUESTION_OPENERS, Content, Cue, is_infinitive
from onrecord.speakers import ResolvedSpeaker

__all__ = ["CopularRules"]

#: Verbs that link an adjective of knowing to its subject ("is", "remains", "became").
LINKING_VERBS = frozenset({"be", "remain", "become"})
#: Adjectives that, with an infinitive, tell how likely something is, not what anyone thinks:
#: "a plan sure to anger farmers", "she is certain to win" (train 2 attributions in 8).
LIKELIHOOD = frozenset({"sure", "certain"})
#: The subject that stands for a clause put after the adjective ("it is clear that …").
EXPLETIVE = "it"


class CopularRules(ContentRules):
    """Cues, content and speaker of the copular and adjectival shapes in the module notes."""

    def _cue_at(self, token: Token) -> Cue | None:
        if token.pos_ == "VERB" and token.lemma_.lower() == "make":
            made = self._make_clear_cue(token)
            if made is not None:
                return made
        cue = super()._cue_at(token)
        if cue is None and token.pos_ == "ADJ":
            cue = self._knowing_cue(token) or self._stance_with_clause_cue(token)
        if cue is None and token.pos_ in ("ADJ", "VERB"):
            cue = self._postnominal_cue(token)
        if cue is None and token.pos_ == "VERB":
            cue = self._seen_as_cue(token)
        if cue is None and token.pos_ == "NOUN":
            cue = self._partisan_cue(token)
        return None if cue is not None and _likelihood(cue.token) else cue

    def _content_of(self, cue: Cue) -> Content | None:
        if cue.lemma == "make clear" or cue.lemma in self.lexicon.knowing:
            return self._known_content(cue)
        if cue.lemma in self.lexicon.adjectives and not _own_complement(cue.token):
            return self._known_content(cue)  # "she was adamant Tuesday that …"
        if cue.token.pos_ == "NOUN" and tuple(cue.lemma.split()) in self.lexicon.copular:
            return self._partisan_content(cue)
        if cue.cls == "thought" and _seen_as(cue.token) and not self._inside_marks(cue.token):
            # ahead of the general rules: the subject and what it is seen as, in two pieces
            subject = next(c for c in cue.token.children if c.dep_ == "nsubjpass")
            predicate = _as_predicate(cue.token)
            assert predicate is not None
            return self._subject_and_predicate(subject, predicate, cue, cue.token)
        content = self._before_margin(cue, super()._content_of(cue))
        return self._question_goes_on(cue, self._expressed_content(cue, content))

    def _before_margin(self, cue: Cue, content: Content | None) -> Content | None:
        """A stance's object content that ends before the margin the verb is measured by:
        "voters who favored the mayor by wide margins in polls" report "the mayor". Speech
        keeps its own rules; any other content is returned as it is."""
        if content is None or content[3] or cue.cls == "speech" or cue.token.pos_ != "VERB":
            return content
        by = next(
            (
                c
                for c in cue.token.children
                if c.dep_ == "prep"
                and c.lower_ == "by"
                and any(o.dep_ == "pobj" and o.lemma_.lower() == "margin" for o in c.children)
            ),
            None,
        )
        if by is None or not content[0] < by.idx < content[1]:
            return content
        start, end = self._trim(content[0], by.idx)
        if end <= start:
            return content
        return start, end, self._marks_in(start, end), ()

    def _expressed_content(self, cue: Cue, content: Content | None) -> Content | None:
        """A light verb's content narrowed to what the view or feeling it expresses is
        about: "expressed concern about the plan" reports "the plan" (see
        ``phrasal.expressed_topic``); any other content is returned as it is."""
        if content is None or content[3] or cue.token.pos_ != "VERB":
            return content
        topic = expressed_topic(cue.token)
        if topic is None:
            return content
        start, end = content[0], content[1]
        if not start <= topic.head.head.left_edge.idx or not topic.idx < end:
            return content  # the content found is not the object noun phrase
        start = topic.left_edge.idx
        return start, end, self._marks_in(start, end), ()

    def _question_goes_on(self, cue: Cue, content: Content | None) -> Content | None:
        """A belief's or stance's content that an indirect question joined by a bare "and"
        goes on with: "talked about the harbour and how it is changing the town" is about
        both; the parse hangs the question on some verb before it, so it was left out.
        Speech keeps its own rules; any other content is returned as it is."""
        if content is None or content[3] or cue.cls == "speech":
            return content
        question = _coordinated_question(self.doc, content[1])
        if question is None or question.i < cue.token.i:
            return content
        start, end = self._trim(content[0], _end_of(question.right_edge))
        return start, end, self._marks_in(start, end), ()

    def _speaker_for(self, cue: Cue) -> ResolvedSpeaker | None:
        if cue.lemma in self.lexicon.knowing:
            subject = _linked_subject(cue.token)
            if subject is None or subject.lower_ == EXPLETIVE:
                return None  # "it is unclear whether …": nobody is named for it
        if cue.token.pos_ == "NOUN" and tuple(cue.lemma.split()) in self.lexicon.copular:
            # "The senator is a fierce critic of the plan": the subject of "is"
            subject = _linked_subject(cue.token)
            return self.resolver.resolve(self._speaker_span(subject)) if subject else None
        if _postnominal(cue.token):
            # "Farmers worried about the drought": the noun the adjective follows
            return self.resolver.resolve(self._speaker_span(cue.token.head, cue.token))
        return super()._speaker_for(cue)

    def _knowing_cue(self, token: Token) -> Cue | None:
        """An adjective of knowing after a linking verb, with the clause it reports."""
        lemma = token.lower_
        if lemma not in self.lexicon.knowing or _known_clause(token) is None:
            return None
        return Cue(lemma, "thought", token.idx, token.idx + len(token), token)

    def _postnominal_cue(self, token: Token) -> Cue | None:
        """A stance adjective after the noun it describes, with its complement: "farmers
        worried about the drought", "voters unhappy with the tax", "a mayor eager to
        settle"; the noun holds the stance."""
        lemma = token.lower_
        if lemma not in self.lexicon.adjectives or not _postnominal(token):
            return None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        prep = nxt if nxt is not None and nxt.dep_ == "prep" and nxt.head.i == token.i else None
        if prep is None and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
            return None
        if prep is not None and (lemma, prep.lower_) in self.lexicon.phrases:
            cls = self.lexicon.phrases[(lemma, prep.lower_)]
            return Cue(f"{lemma} {prep.lower_}", cls, token.idx, prep.idx + len(prep), token)
        cls = self.lexicon.classify(lemma)
        if cls is None:
            return None
        return Cue(lemma, cls, token.idx, token.idx + len(token), token)

    def _stance_with_clause_cue(self, token: Token) -> Cue | None:
        """A stance adjective whose "that" clause the parse hangs on the linking verb:
        "she was adamant that …", "allies were hopeful Tuesday that …"."""
        lemma = token.lower_
        cls = self.lexicon.classify(lemma)
        if cls is None or lemma not in self.lexicon.adjectives or _own_complement(token):
            return None
        if _known_clause(token) is None:
            return None
        return Cue(lemma, cls, token.idx, token.idx + len(token), token)

    def _partisan_cue(self, noun: Token) -> Cue | None:
        """A noun for a partisan, what the subject of "be" is: "the senator is a fierce
        critic of the plan", "she has long been a supporter of the levy"."""
        if noun.dep_ != "attr" or noun.head.lemma_.lower() not in LINKING_VERBS:
            return None
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i), None)
        if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            return None
        phrase = (noun.lemma_.lower(), prep.lower_)
        if phrase not in self.lexicon.copular or self._inside_marks(noun):
            return None
        cls = self.lexicon.phrases[phrase]
        return Cue(" ".join(phrase), cls, noun.idx, prep.idx + len(prep), noun)

    def _partisan_content(self, cue: Cue) -> Content | None:
        """What a partisan is for or against: the object of the preposition, with the
        preposition's coordinated repeats ("a supporter of the levy and of the new pier")."""
        noun = cue.token
        prep = next(c for c in noun.children if c.dep_ == "prep" and c.i > noun.i)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        last = obj.right_edge
        for extra in prep.conjuncts:
            if extra.dep_ == "conj" and extra.lower_ == prep.lower_ and extra.i > last.i:
                last = extra.right_edge
        start, end = self._trim(obj.left_edge.idx, _end_of(last))
        if end <= start:
            return None
        end = self._cut_adjuncts(start, end, noun)
        return start, end, self._marks_in(start, end), ()

    def _seen_as_cue(self, verb: Token) -> Cue | None:
        """A passive verb of belief with "as": "the union is widely seen as militant"
        reports its subject with what it is seen as."""
        lemma = self._lemma(verb)
        if self.lexicon.classify(lemma) != "thought" or not _seen_as(verb):
            return None
        if self._inside_marks(verb):
            return None  # "“… is seen as a leader,” he said": part of the quotation
        return Cue(lemma, "thought", verb.idx, verb.idx + len(verb), verb)

    def _make_clear_cue(self, verb: Token) -> Cue | None:
        """The verb of "made (it) clear that …", "makes clear his aim": the cue runs to
        "clear"."""
        clear = _clear_of(verb)
        if clear is None or _made_clear_content(verb, clear) is None:
            return None
        return Cue("make clear", "thought", verb.idx, clear.idx + len(clear), verb)

    def _known_content(self, cue: Cue) -> Content | None:
        token = cue.token
        if cue.lemma == "make clear":
            clear = _clear_of(token)
            reported = _made_clear_content(token, clear) if clear is not None else None
        else:
            reported = _known_clause(token)
        if reported is None:
            return None
        start, end = self._trim(reported.left_edge.idx, _end_of(reported.right_edge))
        if end <= start or self._holds_speech_cue(reported):
            return None
        if start > cue.start:
            end = self._cut_adjuncts(start, end, token)
        return start, end, self._marks_in(start, end), ()


def _postnominal(token: Token) -> bool:
    """Whether an adjective (or participle) follows and modifies a noun: "voters unhappy
    with …", "Investors, wary of …"."""
    head = token.head
    return (
        token.dep_ == "amod"
        and head.i < token.i
        and head.pos_ in ("NOUN", "PROPN", "PRON")
        and not any(t.pos_ in ("NOUN", "PROPN") for t in token.doc[head.i + 1 : token.i])
    )


def _likelihood(token: Token) -> bool:
    """Whether ``token`` is "sure" or "certain" with a bare infinitive and no clause: "is
    certain to win" is a forecast; "is certain that she will win", "is not sure how to
    answer" are beliefs."""
    if token.lower_ not in LIKELIHOOD:
        return False
    comps = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "prep")]
    return bool(comps) and all(
        c.dep_ == "xcomp" and c.left_edge.i == c.i - 1 and is_infinitive(c) for c in comps
    )


def _seen_as(verb: Token) -> bool:
    """Whether a passive verb has a subject before it and an "as" phrase after it: "The
    union is seen as one of the most militant"."""
    if verb.tag_ != "VBN":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.i > verb.i or subject.lower_ in ("it", "there"):
        return False
    return _as_predicate(verb) is not None


def _own_complement(adjective: Token) -> bool:
    """Whether the adjective has a complement of its own: a clause, an infinitive or a
    preposition right after it."""
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.i == adjective.i + 1)
        for c in adjective.children
    )


def _linked_subject(word: Token) -> Token | None:
    """The subject of the linking verb an adjective of knowing (or a partisan noun) is the
    complement of."""
    return next((c for c in word.head.children if c.dep_ == "nsubj"), None)


def _known_clause(adjective: Token) -> Token | None:
    """The head of the "that" clause an adjective of knowing reports, or None.

    The parse hangs the clause on the adjective or on its linking verb ("it is clear that
    …" gives the clause to "is"). A question ("it is unclear whether …", "it is not clear
    why …") is left alone: PolNeAR reports it less often than not.
    """
    verb = adjective.head
    if adjective.dep_ not in ("acomp", "oprd") or verb.lemma_.lower() not in LINKING_VERBS:
        return None
    after = [
        c
        for c in (*adjective.children, *verb.children)
        if c.i > adjective.i and _reported_clause(c)
    ]
    if not after:
        return None
    clause = min(after, key=lambda c: c.i)
    return None if clause.left_edge.lower_ in QUESTION_OPENERS else clause


def _reported_clause(child: Token) -> bool:
    """A clause complement; an adverbial clause only when "that" or "whether" opens it
    (a misparse of the complement), never "when you look at …"."""
    if child.dep_ == "ccomp":
        return _is_clause(child)
    return child.dep_ == "advcl" and child.left_edge.lower_ in ("that", "whether")


def _is_clause(head: Token) -> bool:
    """A finite clause: a verb with a subject, or opened by "that", "whether" or a
    question word ("why the figures changed")."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if head.left_edge.lower_ in CLAUSE_OPENERS:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)


def _clear_of(verb: Token) -> Token | None:
    """The adjective "clear" of "made (it) clear", right after the verb or its "it"."""
    for child in verb.children:
        if (
            child.lower_ == "clear"
            and child.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "advmod")
            and 0 < child.i - verb.i <= 2
        ):
            return child
    return None


def _made_clear_content(verb: Token, clear: Token) -> Token | None:
    """What "make clear" reports: the clause after "clear" (the parse hangs it on either
    word), or the object noun after "clear" ("made clear his aim to …")."""
    clauses = [
        c for c in (*clear.children, *verb.children) if c.i > clear.i and _reported_clause(c)
    ]
    if clauses:
        return min(clauses, key=lambda c: c.i)
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.i > clear.i and c.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


#: Words that open an indirect question joined to a topic: "… and how it is changing".
QUESTION_WORDS = frozenset({"how", "what", "why", "whether"})


def _coordinated_question(doc: Doc, end: int) -> Token | None:
    """The verb of an indirect question that follows a content ending at character ``end``
    after a bare "and" ("… the harbour and how it is changing the town"), when the parse
    made it a conjunct; else None."""
    if not len(doc):
        return None
    after = doc.char_span(end, _end_of(doc[-1]), alignment_mode="contract")
    i = after.start if after is not None and len(after) else None
    if i is None or i + 2 >= len(doc) or doc[i].lower_ != "and" or doc[i].idx > end + 1:
        return None
    word = doc[i + 1]
    if word.lower_ not in QUESTION_WORDS:
        return None
    verb = word.head
    if verb.dep_ != "conj" or verb.i <= word.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(t.is_sent_start for t in doc[i : verb.right_edge.i + 1]):
        return None
    return verb
