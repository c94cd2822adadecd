"""Cues and speakers: which token reports speech, and who is speaking.

A mixin over the state of one article's extraction (see ``extract._ArticleRun``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.model import Article, Quote
from onrecord.quotes.cues import CueLexicon
from onrecord.quotes.marks import MarkSpan
from onrecord.quotes.phrasal import (
    hearsay_pieces,
    light_verb_phrase,
    prepositional_object,
    source_clause_pieces,
    source_object,
)
from onrecord.quotes.rules import (
    CONTENT_DEPS,
    DATELINE,
    MARK_CHARS,
    NOT_SPEAKER_ENTS,
    NOT_TOPICS,
    PUNCT_EDGE,
    RELATIVE,
    TOPIC_PREPS,
    Content,
    Cue,
    regular_stems,
)
from onrecord.speakers import ResolvedSpeaker, SpeakerResolver


class ClauseRules:
    """Finding cues, their own clause and their speaker in a parsed article."""

    article: Article
    text: str
    parsed_text: str  # what the parser read (blanked spans are spaces)
    doc: Doc
    lexicon: CueLexicon
    marks: list[MarkSpan]
    resolver: SpeakerResolver
    quotes: list[Quote]
    used_marks: set[int]
    question_marks: set[int]
    paragraphs: list[tuple[int, int]]

    def _marks_in(self, start: int, end: int) -> list[int]:
        return [i for i, m in enumerate(self.marks) if m.start < end and m.end > start]

    def _paragraph_index(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos < b:
                return i
            if pos < a:
                return i
        return len(self.paragraphs)

    def _cue_at(self, token: Token) -> Cue | None:
        low = token.lower_
        doc = token.doc
        if low == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cls = self.lexicon.phrases.get(("according", "to"))
            if cls:
                return Cue("according to", cls, token.idx, doc[token.i + 1].idx + 2, token)
            return None
        if not any(ch.isalpha() for ch in token.text):
            return None  # "Boston ― The mayor said …": a dash the parse took for a verb
        if token.pos_ == "NOUN" and token.dep_ != "ROOT":
            return self._noun_cue(token)
        if token.pos_ == "ADJ":
            return self._adjective_cue(token)
        if token.pos_ in ("ADV", "ADP"):
            return self._phrasal_cue(token)
        if token.pos_ not in ("VERB",) and not (
            token.pos_ in ("NOUN", "PROPN") and token.dep_ == "ROOT"
        ):
            return None
        if self._self_described(token):
            return Cue(self._lemma(token), "speech", token.idx, token.idx + len(token), token)
        if token.dep_ == "amod" or (token.i > 0 and token.doc[token.i - 1].text == "-"):
            return None  # "so-called", "self-described": an adjective, not a report
        if token.tag_ == "VBN" and token.dep_ == "acl" and not judged_in_quotes(token):
            return None  # "a program called Sandy Hook Promise": a name, not a report
        if token.tag_ == "VB" and token.dep_ == "ROOT" and token.i == token.sent.start:
            return None  # "Call it viral fundraising.": an imperative
        lemma = self._lemma(token)
        light = light_verb_phrase(token, lemma, self.lexicon.phrases)
        if light is not None:
            # "took aim at the plan": the cue runs from the verb to the preposition
            phrase, prep = light
            cls = self.lexicon.phrases[phrase]
            return Cue(" ".join(phrase), cls, token.idx, prep.idx + len(prep), token)  # type: ignore[arg-type]
        framed = self._framing_cue(token, lemma)
        if framed is not None:
            return framed
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
                phrase = (lemma, child.lower_)
                if phrase in self.lexicon.phrases:
                    return Cue(
                        " ".join(phrase),
                        self.lexicon.phrases[phrase],
                        token.idx,
                        child.idx + len(child),
                        token,
                    )
        cls = self.lexicon.classify(lemma)
        if cls is None:
            if not _takes_finite_clause(token):
                return None
            cls = "thought"  # an unlisted verb with a finite "that" clause: a stance
        elif (
            cls != "speech"
            and lemma not in self.lexicon.object_content
            and not _has_clause(token)
            and not (cls == "finding" and _research_found(token))
        ):
            return None  # "found a new sponsor", "knows the area": no belief nor finding
        if (
            cls != "speech"
            and token.dep_ == "advcl"
            and token.tag_ == "VBG"
            and self.lexicon.classify(self._lemma(token.head)) == "speech"
        ):
            return None  # "…, she said, referencing the report": one act of saying
        return Cue(lemma, cls, token.idx, token.idx + len(token), token)

    def _content_elsewhere(self, cue: Cue) -> Content | None:
        """Content that is not the cue's own complement: the topic past adverbials or the
        listener, what a self-description calls its person, or the next paragraph after a verb
        of saying that ends its own with a colon."""
        if self._self_described(cue.token):
            noun = cue.token.head
            start, end = self._trim_text(cue.token.idx + len(cue.token), noun.idx + len(noun))
            return (start, end, self._marks_in(start, end), ()) if end > start else None
        return self._topic_past_adjuncts(cue) or self._paragraph_after_colon(cue)

    def _paragraph_after_colon(self, cue: Cue) -> Content | None:
        """A verb of saying that ends its paragraph with a colon introduces the next paragraph,
        set off without quotation marks: "Ames wrote: ¶ The plan cannot work …"."""
        token = cue.token
        if cue.cls != "speech" or token.pos_ != "VERB":
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > token.i for c in token.children):
            return None
        last = token.doc[self._own_clause(token)[1]]
        while last.i > token.i and (last.is_punct or last.is_space):
            last = token.doc[last.i - 1]
        end = last.idx + len(last)
        rest = self.text[end : end + 12]
        colon = rest.lstrip(" ")
        if not colon.startswith(":") or "\n" not in colon[1:] or colon[1:].split("\n")[0].strip():
            return None
        following = next((p for p in self.paragraphs if p[0] > end), None)
        if following is None or self.text[following[0]] in MARK_CHARS:
            return None
        start, stop = self._trim_text(*following)
        return (start, stop, self._marks_in(start, stop), ()) if stop > start else None

    def _topic_past_adjuncts(self, cue: Cue) -> Content | None:
        """The topic of a verb of saying that comes after an adverb, a circumstance or the
        one spoken to: "spoke at length about the war", "talked to the radio station about
        her race", "told few people about their plans" (what was spoken of is the content)."""
        token = cue.token
        if cue.cls != "speech" or token.pos_ != "VERB" or cue.lemma in _NOT_TOPIC_CUES:
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in token.children):
            return None
        if cue.lemma != "tell" and any(c.dep_ == "dobj" for c in token.children):
            return None
        for child in token.rights:
            if child.dep_ in ("advmod", "npadvmod", "dobj", "dative"):
                topic = self._topic_of(child) if child.dep_ in ("dobj", "dative") else None
            elif child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                topic = child
            elif child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                topic = self._topic_of(pobj) if pobj is not None else None
            else:
                return None
            if topic is None:
                continue
            obj = next((c for c in topic.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.lemma_.lower() in NOT_TOPICS or obj.ent_type_ in NOT_SPEAKER_ENTS:
                return None
            return self._phrase_content(obj)
        return None

    def _topic_of(self, noun: Token) -> Token | None:
        """The "about" that hangs on a noun right after it ("told reporters about the plan"),
        or the "of" of a story ("told the story of her father"); else None."""
        nxt = noun.i + 1
        if nxt < len(noun.doc) and noun.doc[nxt].head.i == noun.i:
            prep = noun.doc[nxt]
            if prep.dep_ == "prep" and (
                prep.lower_ == "about"
                or (prep.lower_ == "of" and noun.lemma_.lower() in _STORY_NOUNS)
            ):
                return prep
        return None

    def _phrase_content(self, head: Token) -> Content | None:
        """A noun phrase's span up to its first comma, without edge punctuation."""
        last = head.right_edge
        for t in head.subtree:
            if t.i > head.i and t.text in (",", ";", "—", "–", "(") and t.head.i == head.i:
                last = head.doc[t.i - 1]
                break
        start, end = self._trim_text(head.left_edge.idx, last.idx + len(last))
        if end <= start:
            return None
        return start, end, self._marks_in(start, end), ()

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """A span found in the parse without edge punctuation and spaces, blanked text
        included: content never starts or ends in a stretch the parser did not read."""
        return _trimmed(self.text, self.parsed_text, start, end)

    def _trim_text(self, start: int, end: int) -> tuple[int, int]:
        """A span found in the text's layout (a labelled line, a transcript turn) without
        edge punctuation and spaces; what it covers need not have been parsed."""
        return _trimmed(self.text, self.text, start, end)

    def _quotation_after_addressee(self, cue: Cue) -> list[int]:
        """The quotation after the one a cue of saying is addressed to, when the parse hung it
        on another verb: "…, telling reporters, “We are not worried.”" """
        token = cue.token
        if cue.cls != "speech":
            return []
        listener = next(
            (c for c in token.children if c.dep_ in ("dobj", "dative") and c.i > token.i), None
        )
        if listener is None or any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
            return []
        end = listener.right_edge.idx + len(listener.right_edge)
        for i, mark in enumerate(self.marks):
            if mark.start < end or i in self.used_marks:
                continue
            between = self.text[end : mark.start].strip()
            if between in (",", ":") and self._in_sentence_of(token, mark.start):
                return [i]
            return []
        return []

    def _after_lead_in(self, cue: Cue, content: Content) -> Content:
        """Content before its cue that opens with the writer's lead-in: what was said starts
        after the last colon outside quotation marks ("The plan has one flaw: it costs too
        much, aides said"), or after a dash that opens the closing quotation ("Few were
        moved - “a hollow speech,” Ames said"), but not after the second of two dashes that
        set off an aside. Not after a verb of saying ("wrote: …"): then the colon is part of
        the report the cue gives."""
        start, end, _, spans = content
        if spans or cue.start < end:
            return content
        cut = None
        dashed = False  # a dash seen before: a later one closes an aside, opening nothing
        for pos in range(start, end):
            ch = self.text[pos]
            if ch not in ":-—–" or any(m.start < pos < m.end for m in self.marks):
                continue
            if ch == ":" and self.text[pos + 1 : pos + 2].isspace():
                before = self.doc.char_span(start, pos, alignment_mode="contract")
                if before is None or not len(before):
                    continue
                if self.lexicon.classify(self._lemma(before[-1])) == "speech":
                    continue  # "One message said: “…”": the colon opens that message
                cut = pos + 1
            elif ch != ":" and not (
                ch == "-"
                and self.text[pos - 1].isalnum()
                and self.text[pos + 1 : pos + 2].isalnum()
            ):  # a dash, not a hyphen inside a word ("anti-war")
                if self.text[pos + 1 : pos + 2] in ("-", "—", "–"):
                    continue  # the first of a doubled dash ("--")
                nxt = pos + 1
                while nxt < end and self.text[nxt].isspace():
                    nxt += 1
                if not dashed and any(m.start == nxt and m.end >= end - 1 for m in self.marks):
                    cut = nxt
                dashed = True
        if cut is None:
            return content
        new_start, new_end = self._trim_text(cut, end)
        if new_end - new_start < 6 or any(q.start == new_start for q in self.quotes):
            return content  # too short, or already another cue's content
        return new_start, new_end, self._marks_in(new_start, new_end), ()

    def _in_sentence_of(self, token: Token, position: int) -> bool:
        return token.sent.start_char <= position < token.sent.end_char

    def _self_described(self, token: Token) -> bool:
        """Whether the token is the participle of "self-described" ("a self-described
        socialist"): the one the noun names calls themself so."""
        doc = token.doc
        return (
            token.lower_ in ("described", "proclaimed", "declared")
            and token.dep_ == "amod"
            and token.i >= 2
            and doc[token.i - 1].text == "-"
            and doc[token.i - 2].lower_ == "self"
            and token.head.i > token.i
            and token.head.pos_ in ("NOUN", "PROPN")
            # "the self-described socialist" refers to someone; "a self-described socialist"
            # (or "Sanders, self-described socialist") says what they call themselves
            and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.head.children)
        )

    def _noun_cue(self, token: Token) -> Cue | None:
        """A noun that reports a stance with the preposition that opens its content:
        "her support for the deal", "attacks on the press", "calls for a ban"; or a noun
        of saying or thinking with its "that" clause: "the claim that the vote was rigged"."""
        nxt = token.i + 1
        if nxt >= len(token.doc):
            return None
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.noun_words:
            clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp")), None)
            if (
                clause is not None
                and clause.i > token.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                and (
                    clause.left_edge.i == token.i + 1 or self._only_modifiers_between(token, clause)
                )
                and not self._on_a_cue_verb(token)
            ):
                cls = self.lexicon.classify(lemma)
                return Cue(lemma, cls, token.idx, token.idx + len(token), token)  # type: ignore[arg-type]
        if (
            (lemma in self.lexicon.noun_words or lemma in _ANSWER_NOUNS)
            and _copular_clause(token) is not None
            and not self._inside_marks(token)
        ):
            # "Their fear is that the money runs out": the clause after the copula (not
            # inside a quotation, whose words are the quoted speaker's own)
            cls = self.lexicon.classify(lemma)
            return Cue(lemma, cls, token.idx, token.idx + len(token), token)  # type: ignore[arg-type]
        if self._infinitive_of_saying(token):
            return Cue(lemma, "speech", token.idx, token.idx + len(token), token)
        prep = token.doc[nxt]
        if prep.lower_ in ("to", "not"):
            infinitive = self._noun_infinitive_cue(token)
            if infinitive is not None:
                return infinitive
        if prep.dep_ != "prep" or prep.head.i != token.i:
            return None
        if not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            return None
        phrase = (token.lemma_.lower(), prep.lower_)
        cls = self.lexicon.phrases.get(phrase)
        if cls is None or phrase not in self.lexicon.noun_phrases:
            return None
        return Cue(" ".join(phrase), cls, token.idx, prep.idx + len(prep), token)

    def _infinitive_of_saying(self, noun: Token) -> bool:
        """Whether a noun of a speech act that commits or asks is followed by its infinitive:
        "her promise to cut taxes", "renewed calls to resign", "his vow to stay"."""
        lemma = noun.lemma_.lower()
        if lemma not in _INFINITIVE_NOUNS or self.lexicon.classify(lemma) != "speech":
            return False
        clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i), None)
        if clause is None or clause.left_edge.i != noun.i + 1:
            return False
        to = noun.doc[noun.i + 1]
        return to.lower_ == "to" and to.dep_ == "aux" and not self._on_a_cue_verb(noun)

    def _only_modifiers_between(self, noun: Token, clause: Token) -> bool:
        """Whether only the noun's own short modifiers stand between it and its clause: "her
        claim on Monday that …", "complaints from the union that …"."""
        between = range(noun.i + 1, clause.left_edge.i)
        if not between or len(between) > 8:
            return False
        mods = [c for c in noun.children if c.dep_ in ("prep", "npadvmod") and c.i in between]
        covered = {t.i for c in mods for t in c.subtree}
        return all(i in covered or noun.doc[i].is_punct for i in between) and not any(
            noun.doc[i].is_punct and noun.doc[i].text != "," for i in between
        )

    def _noun_infinitive_cue(self, token: Token) -> Cue | None:
        """A noun of deciding or planning with the infinitive clause it governs, which is
        its content: "her decision to run", "his pledge not to raise taxes" (lexicon
        entries "decision to", "pledge to", marked noun)."""
        phrase = (token.lemma_.lower(), "to")
        if phrase not in self.lexicon.noun_phrases:
            return None
        clause = next((c for c in token.children if c.dep_ == "acl" and c.i > token.i), None)
        if clause is None or clause.left_edge.i != token.i + 1 or clause.tag_ != "VB":
            return None
        to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is None or to.i > token.i + 2:
            return None
        cls = self.lexicon.phrases[phrase]
        return Cue(" ".join(phrase), cls, token.idx, token.idx + len(token), token)

    def _framing_cue(self, verb: Token, lemma: str) -> Cue | None:
        """A verb with the pronoun object of an idiom of saying, framing what follows:
        "as the mayor put it, …", "she put it this way: …" (lexicon phrase "put it")."""
        nxt = verb.i + 1
        if nxt + 1 >= len(verb.doc):
            return None
        obj = verb.doc[nxt]
        phrase = (lemma, obj.lower_)
        if obj.dep_ != "dobj" or obj.head.i != verb.i or phrase not in self.lexicon.phrases:
            return None
        framed = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or any(
            t.text == ":" for t in verb.doc[nxt + 1 : min(nxt + 4, verb.sent.end)]
        )
        if not framed:
            return None  # "put it on the shelf": no report
        cls = self.lexicon.phrases[phrase]
        return Cue(" ".join(phrase), cls, verb.idx, obj.idx + len(obj), verb)  # type: ignore[arg-type]

    def _phrasal_cue(self, token: Token) -> Cue | None:
        """A hearsay adverb ("is reportedly weighing a sale") or a prepositional source
        ("In a poll released Monday, …") with the clause it reports (see ``phrasal``)."""
        lemma = token.lower_
        if token.pos_ == "ADV" and lemma in self.lexicon.adverbs:
            if not hearsay_pieces(token) or self._inside_marks(token):
                return None
            if self.lexicon.classify(self._lemma(token.head)) == "speech":
                return None  # "reportedly said …": the verb of saying reports
            cls = self.lexicon.classify(lemma)
            return Cue(lemma, cls, token.idx, token.idx + len(token), token)  # type: ignore[arg-type]
        obj = source_object(token, self.lexicon.sources) if token.pos_ == "ADP" else None
        if obj is None or not source_clause_pieces(token) or self._inside_marks(token):
            return None
        head = token.head
        if self.lexicon.classify(self._lemma(head)) == "speech":
            return None  # "said in a poll that …": the verb reports, not the phrase
        phrase = (lemma, obj.lemma_.lower())
        cls = self.lexicon.phrases[phrase]
        return Cue(" ".join(phrase), cls, token.idx, token.idx + len(token), token)  # type: ignore[arg-type]

    def _asked_about(self, token: Token) -> list[Token]:
        """The topic of an answerer's "asked" set before the clause ("Asked at a briefing
        on Monday about the vote, the aide …", "When asked at the fair about the deal, she
        …"): an "about" the parse hung on a noun of the adjuncts, before the first comma."""
        if token.tag_ != "VBN" or token.dep_ != "advcl":
            return []
        for t in token.doc[token.i + 1 : token.sent.end]:
            if t.is_punct:
                return []
            if t.lower_ == "about" and t.dep_ == "prep" and token in t.ancestors:
                return [t]
        return []

    def _predicate_after(self, token: Token, comps: list[Token]) -> bool:
        """Whether a cue's nearest complement lies left of it while the cue has an object
        predicate of its own after it ("Aides balked: Ames called it “a folly”", "the crowd
        booed - he called them “weak”"): the clause before is another sentence's, what was
        said is the object and its predicate."""
        return (
            bool(comps)
            and comps[0].i < token.i
            and any(c.dep_ == "oprd" and c.i > token.i for c in token.children)
        )

    def _inside_marks(self, token: Token) -> bool:
        return any(m.start <= token.idx < m.end for m in self.marks)

    def _phrasal_pieces(self, cue: Cue) -> list[tuple[int, int]] | None:
        """The token pieces a phrasal cue reports (see ``phrasal``), or None when the cue
        is not one: its content is then found as any other cue's."""
        token = cue.token
        if token.pos_ == "ADV" and cue.lemma in self.lexicon.adverbs:
            return hearsay_pieces(token)
        if token.pos_ == "ADP" and tuple(cue.lemma.split()) in self.lexicon.sources:
            return source_clause_pieces(token)
        if token.pos_ == "VERB" and len(cue.lemma.split()) == 3:
            light = light_verb_phrase(token, cue.lemma.split()[0], self.lexicon.phrases)
            return prepositional_object(light[1]) if light is not None else []
        return None

    def _on_a_cue_verb(self, noun: Token) -> bool:
        """Whether ``noun`` hangs by a preposition on a verb that is itself a cue ("said in
        a statement that …", "wrote in a letter that …"): the verb reports the content."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            return False
        return self.lexicon.classify(self._lemma(prep.head)) is not None

    def _adjective_cue(self, token: Token) -> Cue | None:
        """A predicative adjective of stance with its complement: "voters are confident
        that …", "she is eager to …", "Republicans were skeptical of the plan"."""
        if token.dep_ not in ("acomp", "oprd") or token.head.pos_ not in ("AUX", "VERB"):
            return None
        lemma = token.lower_
        if self.lexicon.classify(lemma) is None or lemma not in self.lexicon.adjectives:
            return None
        complement = any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.i == token.i + 1)
            for c in token.children
        )
        if not complement:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.i == token.i + 1:
                phrase = (lemma, child.lower_)
                if phrase in self.lexicon.phrases:
                    cls = self.lexicon.phrases[phrase]
                    return Cue(" ".join(phrase), cls, token.idx, child.idx + len(child), token)
        cls = self.lexicon.classify(lemma)
        return Cue(lemma, cls, token.idx, token.idx + len(token), token)  # type: ignore[arg-type]

    def _lemma(self, token: Token) -> str:
        """The token's lemma, or the lexicon's word it is a regular form of when the
        lemmatizer went astray ("hopes" -> "hop" for the parser, "hope" for the lexicon)."""
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.words or token.pos_ != "VERB":
            return lemma
        for guess in regular_stems(token.lower_):
            if guess in self.lexicon.words:
                return guess
        return lemma

    def _subject_of(self, verb: Token) -> Token | None:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and judged_in_quotes(verb):
            return verb.head  # "Ruiz, a Lee ally, called the vote “a disgrace”"
        seen = 0
        while seen < 4:
            seen += 1
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not c.is_punct]
            if subjects:
                # "The rejection …, Wilders said": the subject nearest the verb is the speaker
                before = [c for c in subjects if c.i < verb.i]
                return (
                    max(before, key=lambda c: c.i) if before else min(subjects, key=lambda c: c.i)
                )
            if verb.dep_ == "conj":
                # "denied that its dams … and said …": the parse may hang the second cue
                # inside the first one's content; its subject is the nearest cue's
                ancestor = next((a for a in verb.ancestors if self._cue_at(a) is not None), None)
                verb = ancestor if ancestor is not None else verb.head
                continue
            if verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
                head = verb.head
                if (
                    verb.dep_ == "advcl"
                    and verb.tag_ == "VBG"
                    and head.dep_ == "ccomp"
                    and self._cue_at(head.head) is not None
                ):
                    # "emphasized that progress depends on both, adding that …": the parse
                    # hangs the participle on the content; it shares the cue's subject
                    head = head.head
                verb = head
                continue
            if verb.dep_ in ("acomp", "oprd") and verb.head.pos_ in ("AUX", "VERB"):
                verb = verb.head  # "voters are confident that …": the copula's subject
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
                continue
            if verb.dep_ == "relcl":
                return verb.head
            if (
                verb.dep_ == "acl"
                and verb.tag_ == "VBG"
                and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
            ):
                return verb.head  # "those describing themselves as …", "a memo saying …"
            break
        return None

    def _speaker_span(self, head: Token, cue: Token | None = None) -> Span:
        doc = head.doc
        sent = head.sent
        left = max(head.left_edge.i, sent.start)
        while "\n" in doc[left : head.i + 1].text:
            left += 1
        right = head.i
        for child in head.rights:
            if cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i:
                break  # "those describing themselves as …": the speaker ends before the cue
            if child.dep_ in ("compound", "flat", "nummod") or (
                child.dep_ in ("appos", "prep", "acl", "amod") and head.pos_ == "NOUN"
            ):
                right = max(right, child.right_edge.i)
            else:
                break
        while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
            left += 1
        return doc[left : right + 1]

    def _speaker_for(self, cue: Cue) -> ResolvedSpeaker | None:
        token = cue.token
        if self._self_described(token):
            # "Sanders, a self-described socialist", "He is a self-described socialist"
            noun = token.head
            if noun.dep_ == "appos":
                return self.resolver.resolve(self._speaker_span(noun.head))
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if noun.dep_ == "attr" and subject is not None:
                return self.resolver.resolve(self._speaker_span(subject))
            return None
        if cue.lemma == "according to":
            to = token.doc[token.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return self.resolver.resolve(self._speaker_span(objs[0]))
            return None
        if token.pos_ == "ADV":
            return None  # "reportedly": the source goes unnamed
        if token.pos_ == "ADP":
            # "in a poll": the poll; "in her view": the possessor
            obj = source_object(token, self.lexicon.sources)
            if obj is None:
                return None
            owner = next((c for c in obj.children if c.dep_ == "poss"), obj)
            return self.resolver.resolve(self._speaker_span(owner))
        if token.pos_ == "NOUN" and token.dep_ != "ROOT":
            # "her claim that …": the possessor; "issued a statement that …", "renewed
            # calls for …": the subject of the verb whose object the noun is
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None and token.dep_ == "dobj":
                owner = self._subject_of(token.head)
            if owner is None:
                return None
            return self.resolver.resolve(self._speaker_span(owner, token))
        if any(c.dep_ == "nsubjpass" for c in token.children):
            agent = self._agent_of(token)
            if agent is not None:
                return agent  # "The story was first reported by the Herald"
        subject = self._subject_of(token)
        if subject is not None and (
            self._in_dateline(subject) or subject.ent_type_ in ("DATE", "TIME")
        ):
            # "CLEVELAND, July 19 (UPI) — Mukasey told …": the place is not the speaker
            before = self._word_before(token)
            subject = self._noun_phrase_head(token, [before] if before is not None else [])
            if subject is not None and self._in_dateline(subject):
                subject = None
        if subject is None or self._in_quotation(subject.idx, token.idx):
            # the parse found the subject inside the quotation, or none at all: take the
            # noun phrase next to the cue ("“…,” said Anna Berg", "“…,” Berg joked")
            subject = self._subject_beside(token) or (
                None if subject is None or self._in_quotation(subject.idx, token.idx) else subject
            )
        if subject is None:
            return self._agent_of(token)
        if subject.dep_ == "nsubjpass" and cue.lemma not in ("quote",):
            # "The plan was criticized by the mayor": the agent spoke, not the subject
            return self._agent_of(token)
        if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
            # "O'Malley, who noted that …": written "who", said by the noun it refers to
            antecedent = self.resolver.resolve(self._speaker_span(subject.head.head))
            return ResolvedSpeaker(
                subject.idx,
                subject.idx + len(subject),
                subject.text,
                antecedent.name,
                antecedent.kind,
                antecedent.basis,
            )
        return self.resolver.resolve(self._speaker_span(subject, token))

    def _agent_of(self, token: Token) -> ResolvedSpeaker | None:
        """The speaker named by a passive cue's "by …" phrase, or None."""
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            objs = [c for c in agent.children if c.dep_ == "pobj"]
            if objs:
                return self.resolver.resolve(self._speaker_span(objs[0]))
        return None

    def _in_dateline(self, token: Token) -> bool:
        """Whether the token lies in a dateline that opens its sentence ("LONDON — ")."""
        start = token.sent.start_char
        found = DATELINE.match(self.text, start, token.sent.end_char)
        return found is not None and token.idx < found.end()

    def _in_quotation(self, position: int, cue_position: int) -> bool:
        """Whether ``position`` lies inside a quotation that does not also hold the cue."""
        return any(
            m.start <= position < m.end and not m.start <= cue_position < m.end for m in self.marks
        )

    def _subject_beside(self, token: Token) -> Token | None:
        """The head of the noun phrase right after or right before the cue, outside quotes."""
        doc = token.doc
        after = token.i + 1
        while after < token.sent.end and doc[after].pos_ in ("ADV", "PART"):
            after += 1
        candidates = []
        if after < token.sent.end:
            candidates.append(doc[after])
        before = self._word_before(token)
        if before is not None:
            candidates.append(before)
        return self._noun_phrase_head(token, candidates)

    def _word_before(self, token: Token) -> Token | None:
        """The word before the cue, past adverbs, auxiliaries and a parenthesis ("(D-MA)")."""
        doc = token.doc
        before = token.i - 1
        while before >= token.sent.start:
            if doc[before].pos_ in ("ADV", "AUX", "PART"):
                before -= 1
            elif doc[before].text == ")":
                opening = next(
                    (
                        i
                        for i in range(before - 1, max(token.sent.start, before - 8) - 1, -1)
                        if doc[i].text == "("
                    ),
                    None,
                )
                if opening is None:
                    break
                before = opening - 1
            else:
                break
        return doc[before] if before >= token.sent.start else None

    def _noun_phrase_head(self, token: Token, candidates: list[Token]) -> Token | None:
        """The head of the first candidate's noun phrase that can name a speaker."""
        for candidate in candidates:
            if (
                candidate.pos_ not in ("PROPN", "NOUN", "PRON")
                or candidate.ent_type_ in NOT_SPEAKER_ENTS
                or self._in_quotation(candidate.idx, token.idx)
            ):
                continue
            head = candidate
            while (
                head.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod")
                and head.head.i != token.i
                and abs(head.head.i - head.i) <= 4
            ):
                head = head.head
            return head
        return None

    def _first_word(self, token: Token) -> int:
        """Index of the first non-punctuation token of the cue's own clause."""
        first = self._own_clause(token)[0]
        while first < token.i and token.doc[first].is_punct:
            first += 1
        return first

    def _own_clause(self, token: Token) -> tuple[int, int]:
        """First and last token index of the cue's own clause: the cue and its
        non-content dependents, without a sentence-final full stop."""
        own = {token.i}
        handed_on = len(token.doc)  # where a later cue takes over the clause
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
        for child in token.children:
            if child.dep_ in CONTENT_DEPS or child.dep_ in ("xcomp", "dobj", "conj", "cc"):
                continue
            if (
                token.dep_ == "parataxis"
                and subject is not None
                and child.i < subject.i
                and token.head.i > token.i
            ):
                continue  # "At times, aides said, the talks stalled": the opening is content
            if child.i > handed_on:
                break
            if child.is_space or (child.i > token.i and child.text in (".", "!", "?")):
                continue
            if child.is_punct and child.text in MARK_CHARS:
                continue
            if child.i > token.i and any(self._cue_at(t) is not None for t in child.subtree):
                handed_on = child.i  # "… said before adding: …": the rest is that cue's
                continue
            sub_start, sub_end = child.left_edge.idx, child.right_edge.idx
            if any(
                m.start <= sub_start and sub_end < m.end and not m.start < token.idx < m.end
                for m in self.marks
            ):
                continue  # quoted words the parse hung on the cue are content, not clause
            own.update(t.i for t in child.subtree)
        return min(own), max(own)


# verbs that take a finite clause without reporting anyone's words or mind
_NOT_STANCE = {"be", "make", "have", "do", "get", "ensure", "mean", "see", "hear", "seem"}


def _has_clause(token: Token) -> bool:
    """Whether a verb has a clause, an infinitive or a predicate as complement ("found that
    …", "wants to run", "found him guilty", "sees him as a threat"), or is itself the
    parenthetical of one ("…, he thinks.")."""
    if token.dep_ in ("parataxis",) or (token.dep_ == "ccomp" and token.head.i < token.i):
        return True
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and child.i > token.i:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
        if child.dep_ in ("ccomp",) and child.i < token.i:
            return True  # "The plan will fail, experts believe."
    return False


def _research_found(verb: Token) -> bool:
    """Whether a finding verb has an object and a study, poll or inquiry as its subject ("the
    audit found no errors"): what research finds is a finding, whatever its form."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() in _RESEARCH_NOUNS
        and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    )


def _copular_clause(noun: Token) -> Token | None:
    """The clause a noun of saying or thinking is equated with by "be": "the idea is that
    …", "her fear was that …", "the question is whether …"; None when there is none."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < noun.i:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children)
        ),
        None,
    )


def _takes_finite_clause(token: Token) -> bool:
    """Whether a verb outside the lexicon has a subject and a finite "that" clause as its
    complement ("Critics contend that …", "Aides insist the plan works"): a general
    structure of attribution, classed as thought when the lexicon does not know the verb."""
    if token.pos_ != "VERB" or token.lemma_.lower() in _NOT_STANCE:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("it", "there", "this", "that", "which"):
        return False
    for child in token.children:
        if child.dep_ != "ccomp" or child.i < token.i:
            continue
        finite = child.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP")
            for c in child.children
        )
        if finite and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            return True
    return False


# what does research: its finding is reported whatever the form of what it found
_RESEARCH_NOUNS = {
    "study",
    "poll",
    "survey",
    "report",
    "analysis",
    "review",
    "investigation",
    "inquiry",
    "audit",
    "research",
    "probe",
    "paper",
    "census",
    "test",
    "experiment",
    "assessment",
}
# prepositions of a circumstance or of the one spoken to, after which the topic may follow:
# "spoke at length about …", "spoke to reporters about …", "spoke with aides about …"
_CIRCUMSTANCE_PREPS = {"at", "to", "with", "in", "during", "before"}
# "said of Apple" after a quotation, "added to his portfolio": no topic of their own
_NOT_TOPIC_CUES = {"say", "add"}
# nouns for a told story whose "of" phrase is what was told: "told the story of her father"
_STORY_NOUNS = {"story", "tale", "account"}
# nouns of a speech act whose infinitive is what was promised or called for
_INFINITIVE_NOUNS = {"promise", "pledge", "vow", "call", "claim", "demand"}
# nouns of saying, beside those with a "that" clause of their own, that a copula equates
# with what was said: "his answer was that …"
_ANSWER_NOUNS = {"answer"}
# determiners of a noun phrase that refers rather than describes
_DEFINITE = {"the", "this", "that", "these", "those"}


def _trimmed(text: str, parsed: str, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` moved inward past edge punctuation of ``text`` and spaces of
    ``parsed`` (the same text with stretches blanked to spaces)."""
    while start < end and (text[start] in PUNCT_EDGE or parsed[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in PUNCT_EDGE or parsed[end - 1].isspace()):
        end -= 1
    return start, end


def judged_in_quotes(token: Token) -> bool:
    """Whether a "called" the parse took for a participle after a noun is a verb of saying
    with its object and a quoted predicate ("Ames, a council member, called the budget
    “reckless”"), not a name ("a group called the “Fair Play Fund”", "a blog called
    Feed", "a band called Lark got the crowd to “cheer”"): its object, with no verb of
    its own, comes between it and the quotation that opens shortly after."""
    if token.lemma_.lower() != "call":
        return False
    doc = token.doc
    end = min(token.sent.end, token.i + 12)
    opening = next((t for t in doc[token.i + 1 : end] if t.is_quote and t.tag_ == "``"), None)
    if opening is None:
        return False
    between = doc[token.i + 1 : opening.i]
    return any(t.is_alpha and t.dep_ != "det" for t in between) and not any(
        t.is_punct or t.pos_ in ("VERB", "AUX") for t in between
    )
