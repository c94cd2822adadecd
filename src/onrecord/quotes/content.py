"""Content: what a cue reports, from its complement, an object or a quotation beside it.

A mixin over the state of one article's extraction (see ``extract._ArticleRun``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.quotes.clauses import ClauseRules, _copular_clause
from onrecord.quotes.marks import MarkSpan
from onrecord.quotes.rules import (
    ADDRESSEE_CUES,
    ADJUNCT_OPENERS,
    CONTENT_DEPS,
    DATELINE,
    MARK_CHARS,
    NOT_CONTENT,
    NOT_SPEAKER_ENTS,
    NOT_TOPICS,
    NP_CUE_PREPS,
    RELATIVE,
    SUBJECTS,
    TOPIC_PREPS,
    XCOMP_CUES,
    Content,
    Cue,
    is_infinitive,
    trim_space,
)


class ContentRules(ClauseRules):
    """Content spans of cues: clauses, objects, quotations, and where they end."""

    def _direct_beside(self, cue: Cue, blocked: set[int]) -> list[int]:
        """Indexes of quotations right before and/or right after the cue's clause."""
        token = cue.token
        sent = token.sent
        found: list[int] = []
        own_start, own_end = self._own_clause(token)
        doc = token.doc
        clause_start_char = doc[own_start].idx
        clause_end_char = doc[own_end].idx + len(doc[own_end])
        for i, mark in enumerate(self.marks):
            if i in self.used_marks or i in blocked:
                continue
            if mark.end <= clause_start_char:
                between = self.text[mark.end : clause_start_char]
                if (
                    len(between) <= 4
                    and not between.strip(" ,—–-")
                    and (
                        self._sentence_like(mark)
                        or mark.start <= sent.start_char
                        or not self.text[sent.start_char : mark.start].strip(" \n:—–-")
                    )
                ):
                    found.append(i)
            elif mark.start >= clause_end_char:
                between = self.text[clause_end_char : mark.start]
                stripped = between.strip()
                if (
                    len(between) <= 6
                    and stripped in ("", ",", ":", "that")
                    and ("\n" not in between or stripped == ":")
                ) or (stripped == ":" and len(between) <= 8):
                    found.append(i)
                elif found and stripped == "." and "\n" not in between:
                    # “A,” she said. “B.”: one quotation in two pieces
                    found.append(i)
                break
        return found[-2:] if len(found) > 2 else found

    def _close_open_mark(self, cue: Cue) -> None:
        """A quotation left open that runs over its own cue ("“The talks are over, Volkov
        said.") ends where the cue's clause begins. Not when the cue is one the speaker
        uses inside the quotation (see ``_speakers_own_cue``)."""
        for i, mark in enumerate(self.marks):
            if mark.open_end and mark.start < cue.start < mark.end:
                if i in self.used_marks:
                    continue  # already another cue's quotation: a cue inside it is quoted
                if self._speakers_own_cue(mark, cue):
                    continue
                first, _ = self._own_clause(cue.token)
                end = trim_space(self.text, mark.start, cue.token.doc[first].idx)
                if end - mark.start > 3 and first > 0:
                    self.marks[i] = MarkSpan(mark.start, end, open_end=True)

    def _speakers_own_cue(self, mark: MarkSpan, cue: Cue) -> bool:
        """Whether a cue inside a quotation left open is one the speaker uses, not the
        writer's. A speech quoted paragraph by paragraph leaves every paragraph open; a cue
        in a continued paragraph ("“Then my mother told me to sit down.") or in a later
        sentence than the opening mark ("“We lost the farm. I said to my brother that we
        would start again.") is the speaker's own words. The writer's cue after the words
        it reports ("“We tried. They refused, the union leader told reporters.") stays
        the writer's: it follows a comma and takes no clause after it."""
        token = cue.token
        sent = token.sent
        first, _ = self._own_clause(token)
        opener = token.doc[first]
        before = self.text[sent.start_char : opener.idx].rstrip()
        if (opener.text == "," or before.endswith(",")) and not any(
            c.dep_ in ("ccomp", "xcomp") and c.i > token.i for c in token.children
        ):
            return False
        if mark.continues:
            return True
        return bool(self.text[mark.start + 1 : sent.start_char].strip(" \n“”\"‘’'„«»"))

    def _mark_before_clause(self, cue: Cue, after: int) -> int | None:
        """The quotation that ends right before the cue's own clause, in the same paragraph."""
        first, _ = self._own_clause(cue.token)
        clause_start = cue.token.doc[first].idx
        candidates = [
            i
            for i, m in enumerate(self.marks)
            if m.end <= clause_start and i != after and i not in self.used_marks
        ]
        if not candidates:
            return None
        i = candidates[-1]
        between = self.text[self.marks[i].end : clause_start]
        same = self._paragraph_index(self.marks[i].start) == self._paragraph_index(cue.start)
        if same and len(between) <= 3 and between.strip() in ("", ","):
            return i
        return None

    def _mark_after_clause(self, cue: Cue) -> int | None:
        """The quotation that starts right after the cue's own clause, in the same paragraph."""
        token = cue.token
        last = token.doc[self._own_clause(token)[1]]
        clause_end = last.idx + len(last)
        for i, mark in enumerate(self.marks):
            if mark.start < clause_end or i in self.used_marks:
                continue
            between = self.text[clause_end : mark.start]
            same_paragraph = self._paragraph_index(mark.start) == self._paragraph_index(cue.start)
            if not same_paragraph:
                return None
            if len(between) <= 4 and between.strip() in ("", ".", ",", ":"):
                return i
            # “A,” he said when asked about it. “B.”: the rest of the cue's sentence is the
            # writer's, and the quotation resumes with the next sentence
            sentence_end = cue.token.sent.end_char
            if (
                mark.start >= sentence_end
                and not self.text[sentence_end : mark.start].strip()
                and between.rstrip().rstrip("”’\"'")[-1:] in (".", "!", "?")
                and len(between) <= 200
            ):
                return i
            return None
        return None

    def _sentence_like(self, mark: MarkSpan) -> bool:
        a, b = mark.inner
        inner = self.text[a:b].strip()
        words = len(inner.split())
        return words >= 4 or (words >= 2 and inner[-1:] in ".!?")

    def _content_of(self, cue: Cue) -> Content | None:
        """The content of a cue's complement; for "according to", the side of the phrase
        that holds the clause's verb ("Most voters disapprove, according to a poll taken
        last week": the adjuncts after the source are not what was reported)."""
        pieces = self._phrasal_pieces(cue)
        if pieces is not None:
            return self._content_of_pieces(pieces)
        content = (
            self._copular_content(cue)
            or self._passive_subject_predicate(cue)
            or self._complement_content(cue)
        )
        if content is not None and content[1] <= cue.start and " " in cue.lemma:
            # "…, pointing to the polls": a participle whose preposition has its own object
            # reports that object, not the clause it hangs on
            content = self._prepositional_object(cue) or content
        if cue.lemma != "according to" or content is None:
            return content
        token = cue.token
        if content[0] < token.idx:
            return content
        doc = token.doc
        phrase_start = token.i
        phrase_end = max(t.i for t in doc[token.i + 1].subtree)
        clause = token.head
        while clause.dep_ not in ("ROOT", "ccomp") and clause.head != clause:
            clause = clause.head
        if clause.i >= phrase_start or clause.pos_ not in ("VERB", "AUX"):
            return content
        left = [t for t in clause.subtree if t.i < phrase_start]
        while left and left[-1].is_punct:
            left = left[:-1]
        if not left or any(
            t.i > phrase_end
            and t.head.i == clause.i
            and t.dep_ in ("ccomp", "dobj", "attr", "acomp", "xcomp")
            for t in clause.subtree
        ):
            return content
        start, end = self._trim(left[0].idx, left[-1].idx + len(left[-1]))
        return (start, end, self._marks_in(start, end), ()) if end > start else content

    def _content_of_pieces(self, pieces: list[tuple[int, int]]) -> Content | None:
        """Content from token-index pieces (``clauses._phrasal_pieces``), trimmed."""
        spans = [self._trim(self.doc[a].idx, self.doc[b].idx + len(self.doc[b])) for a, b in pieces]
        spans = [(a, b) for a, b in spans if b > a]
        if not spans:
            return None
        start, end = spans[0][0], spans[-1][1]
        return start, end, self._marks_in(start, end), tuple(spans) if len(spans) > 1 else ()

    def _parenthetical_content(self, cue: Cue) -> Content | None:
        """ "The plan, aides said, was never costed": a cue set off by commas inside the
        clause it reports; what was said is that clause, in two pieces around the cue."""
        token = cue.token
        doc = token.doc
        if cue.cls != "speech" or token.dep_ != "parataxis":
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
        if subject is None:
            return None
        left = subject.left_edge.i - 1
        if left <= token.sent.start or doc[left].text not in (",", "—", "–"):
            return None
        right = next(
            (t.i for t in doc[token.i + 1 : token.sent.end] if t.text in (",", "—", "–")), None
        )
        if right is None or any(
            t.is_punct and t.text not in (".",) for t in doc[token.i + 1 : right]
        ):
            return None
        head = token.head
        first, last = head.left_edge.i, head.right_edge.i
        if not first < left or last <= right:
            return None
        nxt = doc[right + 1]
        if nxt.head == token and nxt.dep_ in ("prep", "npadvmod", "advmod", "advcl"):
            return None  # "…, he said, on condition of anonymity": the cue's own adjunct
        before = self._trim(doc[first].idx, doc[left].idx)
        after = self._trim(nxt.idx, doc[last].idx + len(doc[last]))
        if before[1] <= before[0] or after[1] <= after[0]:
            return None
        start, end = before[0], after[1]
        if any(
            (c := self._cue_at(t)) is not None and c.cls == "speech"
            for t in doc[first : last + 1]
            if not left <= t.i <= right
        ):
            return None  # another report inside: its own rules apply
        return start, end, self._marks_in(start, end), (before, after)

    def _for_to_clause(self, cue: Cue) -> Content | None:
        """ "She called for all states to expand early voting": the parse made "for" the
        marker of an infinitive clause; that clause, without "for", is what was urged."""
        token = cue.token
        if cue.cls != "speech":
            return None
        for child in token.children:
            if child.dep_ != "advcl" or child.i < token.i:
                continue
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if mark is None or mark.lower_ != "for" or mark.i != token.i + 1:
                continue
            if not is_infinitive(child):
                continue
            first = token.doc[mark.i + 1]
            start, end = self._trim(first.idx, child.right_edge.idx + len(child.right_edge))
            if end <= start:
                return None
            end = self._cut_adjuncts(start, end)
            return start, end, self._marks_in(start, end), ()
        return None

    def _prepositional_object(self, cue: Cue) -> Content | None:
        """The object of the preposition that ends a phrase cue ("point to", "respond to",
        "refer to")."""
        token = cue.token
        if cue.lemma not in self.lexicon.object_content:
            return None
        prep_word = cue.lemma.split()[-1]
        prep = next(
            (c for c in token.rights if c.dep_ in ("prep", "dative") and c.lower_ == prep_word),
            None,
        )
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None:
            return None
        start, end = self._trim(pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge))
        if end <= start:
            return None
        return start, end, self._marks_in(start, end), ()

    def _pronoun_as_predicate(self, cue: Cue) -> Content | None:
        """ "Allies described it as a lapse", "Ohio, which he calls his second home": a
        pronoun object is content only with the predicate that says what it was called."""
        token = cue.token
        if cue.cls != "speech" or cue.lemma not in self.lexicon.object_content:
            return None
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        pred = next(
            (
                c
                for c in token.children
                if c.i > token.i
                and (
                    c.dep_ == "oprd"
                    or (
                        c.dep_ == "prep"
                        and c.lower_ == "as"
                        and any(g.dep_ in ("pobj", "amod", "acomp") for g in c.children)
                    )
                )
            ),
            None,
        )
        if obj is None or pred is None or obj.pos_ != "PRON" or obj.i > pred.i:
            return None
        first = self._trim(obj.idx, obj.idx + len(obj))
        second = self._trim(pred.left_edge.idx, pred.right_edge.idx + len(pred.right_edge))
        if second[1] <= second[0]:
            return None
        second = (second[0], self._cut_adjuncts(*second))
        if obj.i == token.i + 1:
            return first[0], second[1], self._marks_in(first[0], second[1]), ()
        return first[0], second[1], self._marks_in(*second), (first, second)

    def _relative_object(self, cue: Cue) -> Content | None:
        """ "the treaty, which the senator opposed": a stance in a relative clause whose
        object is the relative pronoun takes that pronoun as its content (it stands for the
        noun; PolNeAR marks the pronoun). Without a pronoun ("a deal she once backed") the
        gap is too often an adjunct's or a misparse's to be taken."""
        token = cue.token
        if cue.cls == "speech" or token.dep_ != "relcl" or token.pos_ != "VERB":
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > token.i or subject.lower_ in RELATIVE:
            return None
        if any(
            c.i > token.i
            and (
                c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative")
                or (c.dep_ == "prep" and (c.lower_ == "as" or self._topic_after(token, c)))
            )
            for c in token.children
        ):
            return None  # the verb has an object, a complement or a topic of its own
        pronoun = next((c for c in token.children if c.dep_ == "dobj" and c.i < token.i), None)
        if pronoun is None or pronoun.lower_ not in ("which", "who", "whom"):
            return None
        return pronoun.idx, pronoun.idx + len(pronoun), [], ()

    @staticmethod
    def _topic_after(token: Token, prep: Token) -> bool:
        """Whether a preposition right after a verb has an object that is not a time
        ("voted for the levy"; not "opposed for years")."""
        return prep.i == token.i + 1 and any(
            c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")
            for c in prep.children
        )

    def _gerund_subject_clause(self, cue: Cue) -> Content | None:
        """ "He said cutting taxes would help": the parse took the gerund subject for the
        cue's complement (an xcomp) and hung the finite clause on it; the gerund with its
        clause is what was said."""
        token = cue.token
        if cue.cls != "speech" or cue.lemma in XCOMP_CUES:
            return None
        gerund = next(
            (
                c
                for c in token.children
                if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == token.i + 1
            ),
            None,
        )
        if gerund is None or not any(c.dep_ == "ccomp" and c.i > gerund.i for c in gerund.children):
            return None
        start, end = self._trim(gerund.idx, gerund.right_edge.idx + len(gerund.right_edge))
        if end <= start:
            return None
        end = self._cut_adjuncts(start, end)
        return start, end, self._marks_in(start, end), ()

    def _parenthetical_end(self, token: Token) -> int:
        """Last word of a parenthetical cue's own clause ("A, the paper said, B"). A phrase
        the parse hung on the cue after a second comma ("…, the paper said, including C",
        "…, she said, because C") goes on with what was said, not with the cue."""
        last_word = self._own_clause(token)[1]
        doc = token.doc
        for t in doc[token.i + 1 : last_word + 1]:
            if t.text == "," and t.head == token:
                rest = [w for w in doc[t.i + 1 : last_word + 1] if not w.is_punct]
                if rest and all(w.head.i >= t.i or w.head == token for w in rest):
                    return t.i - 1
                break
        return last_word

    def _passive_subject_predicate(self, cue: Cue) -> Content | None:
        """ "The senator is expected to resign", "the claim was shown to be false", "the bill
        is considered dead": a passive belief or finding is about its subject with the
        infinitive or the predicate, in two pieces around the cue (whoever holds it is named
        by "by …", if at all)."""
        token = cue.token
        if cue.cls == "speech":
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        predicate = next(
            (c for c in token.children if c.i > token.i and c.dep_ in ("xcomp", "oprd")),
            None,
        ) or _as_predicate(token)  # "Lee is seen (by many) as the favourite"
        if subject is None or predicate is None or subject.i > token.i:
            return None
        if subject.lower_ in ("it", "there"):
            return None  # "It is expected to rise": the infinitive alone
        if any(self._cue_at(t) is not None for t in (*subject.subtree, *predicate.subtree)):
            return None  # "… is expected to say that …": the report inside is one of its own
        if any(self._holds_speech_cue(c) for c in token.rights if c.i > predicate.i) or (
            token.head.i != token.i
            and (outer := self._cue_at(token.head)) is not None
            and outer.cls == "speech"
        ):
            # "… is believed to …, according to her brother", "… would be considered a
            # refugee, she said": the report of speech is the attribution
            return None
        return self._subject_and_predicate(subject, predicate, cue, token)

    def _subject_and_predicate(
        self, subject: Token, predicate: Token, cue: Cue, reporter: Token | None = None
    ) -> Content | None:
        """The content in two pieces around the cue: the subject (a relative pronoun alone)
        and the predicate ("the plan | to falter"), or None when either is empty or the
        subject does not come first. ``reporter`` as in ``_cut_adjuncts``."""
        if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
            first = self._trim(subject.idx, _end_of(subject))
        else:
            first = self._trim(subject.left_edge.idx, _end_of(subject.right_edge))
        second = self._trim(predicate.left_edge.idx, _end_of(predicate.right_edge))
        if first[1] <= first[0] or second[1] <= second[0] or first[1] > cue.start:
            return None
        second = (second[0], self._cut_adjuncts(*second, reporter))
        return first[0], second[1], self._marks_in(*second), (first, second)

    def _copular_content(self, cue: Cue) -> Content | None:
        """ "The idea is that donors stay home": a noun cue equated by "be" with a clause
        reports that clause, "that" or "whether" included."""
        token = cue.token
        if token.pos_ != "NOUN":
            return None
        clause = _copular_clause(token)
        if clause is None:
            return None
        start, end = self._trim(clause.left_edge.idx, _end_of(clause.right_edge))
        if end <= start:
            return None
        end = self._cut_adjuncts(start, end)
        return start, end, self._marks_in(start, end), ()

    def _raising_content(self, cue: Cue) -> Content | None:
        """What "seem" or "appear" presents as an impression, nobody being named for it.

        "The plan seemed to falter", "he appears uneasy": the subject with the predicate, in
        two pieces around the cue; "it seems (that) the deal is off", "it now seems likely
        the talks will fail": the clause after the expletive (with its adjective);
        "it seemed like the vote was lost": the clause of comparison.
        """
        token = cue.token
        doc = token.doc
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and token.dep_ == "conj":
            # "The figures, gathered by nobody, appear to be made up" parsed as a second verb
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > token.i:
            return None
        after = [c for c in token.children if c.i > token.i]
        predicate = (
            next((c for c in after if c.dep_ == "xcomp"), None)
            or next((c for c in after if c.dep_ in ("oprd", "acomp")), None)
            # "the plan seems like a long shot": what it is likened to
            or next(
                (c for c in after if c.dep_ == "prep" and c.lower_ == "like" and c.n_rights), None
            )
        )
        clause = next((c for c in after if c.dep_ == "ccomp"), None)
        if (
            subject.lower_ in ("it", "there")
            and not any(c.dep_ == "xcomp" for c in after)
            and not (clause is None and predicate is not None and predicate.dep_ == "prep")
        ):
            if clause is not None:
                first = predicate if predicate is not None and predicate.i < clause.i else clause
                start, end = self._trim(first.left_edge.idx, _end_of(clause.right_edge))
            else:
                like = next(
                    (
                        c
                        for c in after
                        if c.dep_ == "advcl"
                        and any(m.dep_ == "mark" and m.lower_ in ("like", "if") for m in c.children)
                    ),
                    None,
                )
                if like is None:
                    return None
                marks = [m for m in like.children if m.dep_ == "mark" and m.i < like.i]
                opening = like.left_edge
                if marks and marks[-1].lower_ == "if":
                    opening = doc[marks[-1].i + 1]  # "as if the plan is …": the clause alone
                start, end = self._trim(opening.idx, _end_of(like.right_edge))
            if end <= start or self._holds_speech_cue(clause or like):
                return None
            end = self._cut_adjuncts(start, end, token)
            return start, end, self._marks_in(start, end), ()
        if predicate is None:
            return None
        if (subject.pos_ == "PRON" or predicate.dep_ != "xcomp") and (
            self._holds_speech_cue(predicate)
            or any(self._cue_at(t) is not None for t in subject.subtree)
        ):
            # "she appeared to say that …", "a governor who has not backed him appears
            # ready": the report inside is one of its own
            return None
        return self._subject_and_predicate(subject, predicate, cue)

    def _holds_speech_cue(self, head: Token | None) -> bool:
        """Whether a verb of saying lies in the subtree of ``head``."""
        return head is not None and any(
            (c := self._cue_at(t)) is not None and c.cls == "speech" for t in head.subtree
        )

    def _stance_goes_on(self, cue: Cue, comma: Token) -> bool:
        """Whether the noun phrase a belief or stance is held about goes on past a comma:
        "supports a ban on cloning, including research cloning", "backs the plan, as well
        as the tax"."""
        if cue.cls == "speech" or comma.text != "," or comma.i + 2 >= len(comma.doc):
            return False
        nxt = comma.doc[comma.i + 1]
        return nxt.lower_ in ("including", "especially", "particularly", "notably") or (
            nxt.lower_ in ("as", "such") and comma.doc[comma.i + 2].lower_ in ("well", "as")
        )

    def _complement_content(self, cue: Cue) -> Content | None:
        """The content span of a cue's complement, with the quotations it touches."""
        token = cue.token
        doc = token.doc
        if _that_said(token):
            return None
        if cue.lemma == "according to":
            to = doc[token.i + 1]
            phrase = [*list(to.subtree), token]
            p_start = min(t.i for t in phrase)
            p_end = max(t.i for t in phrase)
            head = token.head if token.head != token else token
            clause = head
            while clause.dep_ not in ("ROOT", "ccomp") and clause.head != clause:
                clause = clause.head
            sent = token.sent
            c_tokens = [t for t in clause.subtree if not p_start <= t.i <= p_end]
            if not c_tokens:
                return None
            # the part of the clause on the larger side of the "according to" phrase
            left = [t for t in c_tokens if t.i < p_start]
            right = [t for t in c_tokens if t.i > p_end]
            side = right if len(right) >= len(left) else left
            while side and side is left and (side[-1].is_punct or side[-1].i == clause.i):
                side = side[:-1]  # "That’s according to …": the content is "That"
            if not side:
                return None
            start, end = self._trim(side[0].idx, side[-1].idx + len(side[-1]))
            _ = sent
            return (start, end, self._marks_in(start, end), ()) if end > start else None
        comps = [c for c in token.children if c.dep_ in CONTENT_DEPS]
        comps = [
            c
            for c in comps
            if not any(self._cue_at(t) is not None for t in doc[token.i + 1 : c.left_edge.i])
        ]  # "said before adding: “…”": the content belongs to the nearer cue
        # a complement after the cue is its content before one left of it (another clause)
        comps.sort(key=lambda c: (c.i < token.i, abs(c.i - token.i)))
        if (
            comps
            and comps[0].i < token.i
            and any(t.text == ";" for t in doc[comps[0].right_edge.i : token.i])
        ):
            comps = []  # "he made the point; he had said the same thing": another clause
        if self._predicate_after(token, comps):
            comps = []  # "Aides balked: Ames called it “a folly”": the object after is said
        if not comps and cue.lemma in ("ask", "wonder", "inquire", "question"):
            # "Asked if he was ever bullied, …": the question hangs on the cue as a clause
            comps = [
                c
                for c in token.children
                if c.dep_ == "advcl"
                and c.i > token.i
                and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
            ][:1]
        if not comps and cue.lemma == "ask":
            comps = self._asked_about(token)
        if not comps and cue.cls == "speech":
            # "said no", "said so": a one-word answer
            comps = [
                c
                for c in token.children
                if c.i == token.i + 1
                and (
                    (c.dep_ == "intj" and c.lower_ in ("yes", "no"))
                    or (c.dep_ == "advmod" and c.lower_ == "so")
                )
            ]
            if comps:
                c = comps[0]
                return c.idx, c.idx + len(c), [], ()
        if not comps and cue.cls != "speech":
            # "I think so", "they never believed so": the belief stands in one word
            so = [
                c
                for c in token.children
                if c.i == token.i + 1 and c.dep_ == "advmod" and c.lower_ == "so"
            ]
            if so:
                return so[0].idx, so[0].idx + 2, [], ()
        if not comps and (cue.lemma in XCOMP_CUES or cue.cls != "speech"):
            # "declined to say …"; "wants to win", "plans to run": a wish or plan's content
            comps = [c for c in token.children if c.dep_ == "xcomp"]
        if (
            not comps
            and token.dep_ in ("parataxis", "conj", "ccomp", "advcl")
            and token.head.left_edge.i < self._first_word(token) - 1
            and doc[self._first_word(token) - 1].text in (",", "—", "–")
            and all(c.dep_ not in ("dobj", "xcomp", "ccomp") for c in token.children)
            and not any(c.dep_ == "mark" and c.lower_ != "as" for c in token.children)
            and (
                self._own_clause(token)[1] + 1 >= token.sent.end
                or doc[self._own_clause(token)[1] + 1].is_punct
                or doc[self._own_clause(token)[1]].text in (",", "—", "–")
            )
        ):
            # "The economy is strong, he said." parsed with the cue hanging off the content;
            # "In three years, Barden says, far too many lives were lost": content on both sides
            head = token.head
            first_word = self._first_word(token)
            last_word = self._parenthetical_end(token)
            content = [t for t in head.subtree if t.i < first_word - 1]
            after = [
                t
                for t in head.subtree
                if t.i > last_word and not (t.is_punct and t.i == last_word + 1)
            ]
            clause_end = doc[last_word].idx + len(doc[last_word])
            quoted = content and any(
                (m.start <= content[0].idx and content[-1].idx < m.end)
                or 0 <= m.start - clause_end <= 2
                for m in self.marks
            )
            long_after = len([t for t in after if not t.is_punct]) >= 3
            if content and not _more_than_connective(content):
                # "And, he said, …", "Rather, she argued, …": the connective before the cue
                # links to the previous sentence; what was said is the clause after it
                content = after if long_after else []
                after = []
            if content and not quoted:
                start, end = self._trim(content[0].idx, content[-1].idx + len(content[-1]))
                spans: tuple[tuple[int, int], ...] = ()
                if after and long_after:
                    a_start, a_end = self._trim(after[0].idx, after[-1].idx + len(after[-1]))
                    spans = ((start, end), (a_start, a_end))
                    end = a_end
                return start, end, self._marks_in(start, end), spans
        first_word = self._first_word(token)
        if (
            not comps
            and token.dep_ == "ROOT"
            and first_word - 1 > token.sent.start
            and doc[first_word - 1].text == ","
            and all(
                t.is_punct or t.is_space
                for t in doc[self._own_clause(token)[1] + 1 : token.sent.end]
            )
            and any(t.pos_ in ("VERB", "AUX") for t in doc[token.sent.start : first_word - 1])
        ):
            # "The rejection of the treaty signals the end, Wilders said." parsed without a
            # complement: everything before the comma is what was said
            start, end = self._trim(doc[token.sent.start].idx, doc[first_word - 1].idx)
            return start, end, self._marks_in(start, end), ()
        if (
            not comps
            and token.dep_ == "advcl"
            and token.head.i > token.i
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
            and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        ):
            # "As the Atlantic noted, trust in government is collapsing"; not "As the league
            # continues to expand, …": a cue with a complement of its own names no source
            rest = [t for t in token.head.subtree if t.i > token.right_edge.i]
            while rest and rest[0].is_punct:
                rest = rest[1:]
            if rest:
                start, end = self._trim(rest[0].idx, rest[-1].idx + len(rest[-1]))
                return start, end, self._marks_in(start, end), ()
        if not comps and cue.cls == "speech":
            # "said on Friday during a news conference that …": the parse hung the clause on
            # a modifier of the cue; a "that" clause inside the cue's subtree is its content
            for t in token.subtree:
                if t.i > token.i and t.dep_ == "mark" and t.lower_ == "that" and t.head.i > t.i:
                    clause = t.head
                    if clause.dep_ in ("ccomp", "acl", "advcl", "relcl", "pcomp") and all(
                        self._cue_at(a) is None for a in clause.ancestors if a.i > token.i
                    ):
                        comps = [clause]
                    break
        has_object = any(c.dep_ == "dobj" and c.i > token.i for c in token.children)
        if (
            not comps
            and cue.cls == "speech"
            and cue.lemma not in ("say", "tell")
            and not has_object
        ):
            # "commented on the decision", "warned of the dangers", "called for a ban"
            after = [c for c in token.rights if c.dep_ in ("prt", "prep")]
            if after and after[0].dep_ == "prt":
                after = after[1:]
            if after and after[0].dep_ == "prep" and after[0].lower_ in TOPIC_PREPS:
                objects = [c for c in after[0].children if c.dep_ in ("pobj", "pcomp")]
                if objects and (
                    objects[0].lemma_.lower() in NOT_TOPICS
                    or objects[0].ent_type_ in NOT_SPEAKER_ENTS
                ):
                    pass  # "spoke on the phone", "on condition of anonymity", "on Tuesday"
                elif objects:
                    comps = [after[0]]
                else:
                    # "calling for the US to step up …": the object came out as a clause
                    comps = [c for c in token.rights if c.dep_ == "advcl" and c.i > after[0].i][:1]
        if not comps and (cue.lemma in self.lexicon.object_content or cue.cls != "speech"):
            # "called for a ban", "praised the deal", "described the talks as useful"
            comps = [
                c
                for c in token.children
                if c.i > token.i
                and (
                    c.dep_ in ("dobj", "oprd")
                    or (
                        c.dep_ == "prep"
                        and c.i == token.i + 1
                        and (c.lower_ in NP_CUE_PREPS or cue.lemma.endswith(" " + c.lower_))
                        and cue.lemma not in ("say", "tell")
                    )
                )
            ]
            predicative = any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in token.children)
            comps = [
                c
                for c in comps
                if not (c.dep_ == "dobj" and c.lower_ in NOT_CONTENT and not predicative)
            ]
        if (
            not comps
            and any(c.dep_ == "agent" for c in token.children)
            and (cue.lemma in self.lexicon.object_content or cue.cls != "speech")
        ):
            # "The plan was criticized by the mayor": the passive subject is the content
            comps = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not comps:
            return None
        comp = comps[0]
        if comp.dep_ == "prep":
            objects = [c for c in comp.children if c.dep_ in ("pobj", "pcomp")]
            if not objects:
                return None
            comp = objects[0]
        first = comp.left_edge
        last = comp.right_edge
        if comp.dep_ == "xcomp":
            # "urged the party to drop the rule": who is urged belongs to the content
            objects = [c for c in token.children if c.dep_ == "dobj" and token.i < c.i < comp.i]
            if objects:
                first = objects[0].left_edge
        if comp.dep_ in ("ccomp", "xcomp"):
            # "says A, but for Republicans, B": a coordinated clause after a comma with its
            # own subject is the reporter's, not the speaker's
            for child in comp.rights:
                if (
                    child.dep_ == "conj"
                    and child.i > 0
                    and comp.doc[child.left_edge.i - 1].is_punct
                ):
                    has_subject = any(c.dep_ in SUBJECTS for c in child.children)
                    has_mark = any(c.dep_ == "mark" for c in child.children)
                    if has_subject and not has_mark:
                        last = comp.doc[child.left_edge.i - 1]
                        break
        else:
            # a noun-phrase content ends at its first comma ("a Cruz win in Texas, which …"),
            # unless the comma goes on to the next item of a list ("the nurses, a clinic, and …")
            for t in comp.subtree:
                if (
                    t.i > comp.i
                    and t.text in (",", ";", "—", "–", "(")
                    and t.head.i in (comp.i, *(c.i for c in comp.children))
                    and not (t.text == "," and any(c.i > t.i for c in comp.conjuncts))
                    and not (t.text == "," and _list_goes_on(t))
                    and not self._stance_goes_on(cue, t)
                ):
                    last = comp.doc[t.i - 1]
                    break
        if comp.dep_ == "ccomp" and comp.i > token.i:
            last = self._coordinated_content(token, last)
        if comp.i > token.i:
            # a parse often hangs the quoted end of a long complement on the cue itself
            for child in token.rights:
                if _infinitive_list_item(token, comp, child):
                    last = max(last, child.right_edge, key=lambda t: t.i)
                    continue  # "pledged to cut the tax, fix the bridge and hire teachers"
                if child.i <= comp.i or child.dep_ in ("punct", "cc", "conj"):
                    continue
                if child.dep_ == "advcl" and self._cue_at(child) is not None:
                    break  # "… before adding that …": another report; but "called on the
                    # party to attack the plan": the infinitive is what was called for
                if child.dep_ in ("advcl",) and child.left_edge.is_punct:
                    break
                if self._speech_setting(cue, comp, child):
                    continue  # "criticized the plan during a debate": not what was said
                if _writers_adjunct(child) or (
                    cue.cls != "speech"
                    and (
                        _time_adjunct(child)
                        or _circumstance(child)
                        or (cue.cls != "finding" and _occasion(child))
                    )
                ):
                    break  # "… according to the filing", "… after meeting him": not what was said
                last = max(last, child.right_edge, key=lambda t: t.i)
        sent = token.sent
        if last.i >= sent.end:
            last = sent[-1]
        start, end = first.idx, last.idx + len(last)
        # the speaker and the cue are never part of what was said
        subject = self._subject_of(token)
        for outside in (subject, token):
            if outside is None or (outside is subject and outside.dep_ == "relcl"):
                continue
            if outside is subject:
                mention = self._speaker_span(outside, token)
                o_first, o_end = mention.start_char, mention.end_char
            else:
                o_first, o_end = outside.idx, outside.idx + len(outside)
            if start < o_first < end or start < o_end <= end:
                if o_first - start >= end - o_end:
                    end = o_first
                else:
                    start = o_end
        start, end = self._clip_paragraph(*self._trim(start, end))
        dateline = DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()
        end = self._finding_goes_on(cue, comp, end, self._cut_adjuncts(start, end, token))
        if end <= start:
            return None
        if self._addressee_only(cue, start, end):
            return None
        quotation = any(m.start <= start and end <= m.end for m in self.marks)
        before_cue = comp.i < token.i and end <= token.idx and not quotation
        tail = self._tail_after_cue(token) if before_cue else None
        if tail is not None:
            # "A, the paper said, including B": one content in two pieces around the cue
            return start, tail[1], self._marks_in(start, tail[1]), ((start, end), tail)
        # a leading "that" belongs to the content (PolNeAR and common sense agree)
        return start, end, self._marks_in(start, end), ()

    @staticmethod
    def _speech_setting(cue: Cue, comp: Token, child: Token) -> bool:
        """Whether a dependent of a speech cue after its object content is the writer's
        setting of the report: when ("announced his bid in March"), where or on what
        occasion ("criticized the plan during a debate", "explained her vote in an
        interview", "called for an audit when the accounts came out"). The content skips
        it; a predicate of the cue after it still counts ("called the plan on Monday
        “a gift”"), and so does an "as" predicate the parse hung inside it ("described
        the rules during a briefing as “overdue”"). A clause content is left alone."""
        if cue.cls != "speech" or comp.dep_ in ("ccomp", "xcomp"):
            return False
        if not (
            _time_adjunct(child)
            or _circumstance(child)
            or _occasion(child)
            or _through_mouthpiece(child)
        ):
            return False
        if _naming_spell(cue, comp, child):
            return False
        return not any(t.dep_ == "prep" and t.lower_ == "as" for t in child.subtree)

    def _addressee_only(self, cue: Cue, start: int, end: int) -> bool:
        """Whether the content found for a cue that takes the one addressed as its object
        is only that person: "“Why now?” she asked him", "Obama called Sanders", "urged them
        to stay" cut to "them". The one asked, called or urged is not what was said."""
        if cue.lemma not in ADDRESSEE_CUES:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if not t.is_punct]
        if len(words) == 1 and words[0].tag_ == "PRP":
            return words[0].lower_ not in ("it", "this", "that")
        return bool(words) and all(t.ent_type_ == "PERSON" for t in words)

    def _finding_goes_on(self, cue: Cue, comp: Token, end: int, cut: int) -> int:
        """The end of a finding's clause content: a comparison after a comma ("the poll
        found that 40 percent back the plan, while 30 percent oppose it") is part of what
        was found, not the writer's addition."""
        if cue.cls != "finding" or comp.dep_ != "ccomp" or cut >= end:
            return cut
        rest = self.text[cut:end].lstrip(" ,").lower()
        return end if rest.startswith(("while ", "whereas ", "compared ")) else cut

    def _tail_after_cue(self, token: Token) -> tuple[int, int] | None:
        """The piece of content after a cue placed inside it, when the parse hung that piece
        on the cue after a second comma ("A, officials insist, because B"), else None."""
        doc = token.doc
        own_end = self._own_clause(token)[1]
        p_end = self._parenthetical_end(token)
        if p_end >= own_end:
            return None
        after = [t for t in doc[p_end + 2 : own_end + 1]]
        while after and after[-1].is_punct:
            after = after[:-1]
        if len([t for t in after if not t.is_punct]) < 3 or after[0].lower_ not in TAIL_OPENERS:
            return None
        last = after[-1].idx + len(after[-1])
        if any(m.start <= token.idx < m.end or after[0].idx <= m.start < last for m in self.marks):
            return None
        a_start, a_end = self._trim(after[0].idx, after[-1].idx + len(after[-1]))
        if self._paragraph_index(a_start) != self._paragraph_index(token.idx):
            return None
        return a_start, a_end

    def _cut_adjuncts(self, start: int, end: int, reporter: Token | None = None) -> int:
        """End reported content before a comma that opens the reporter's own addition;
        ``reporter`` is the cue's verb, when there is one.

        "…, which …", "…, though …", "…, and three-quarters said …": what follows such a
        comma is the writer's, unless it is inside quotation marks.
        """
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 4:
            return end
        inside = [(m.start, m.end) for m in self.marks if m.start < end and m.end > start]
        for token in span[2:-1]:
            if token.text not in (",", ";", "—", "–") and not _plain_dash(token):
                continue
            if any(a <= token.idx < b for a, b in inside):
                continue
            if any(
                not t.is_punct and token.i < t.head.i < span.end
                for t in span[: token.i - span.start]
            ):
                continue  # "that the plan, which …, will fail": the clause goes on past the comma
            nxt = token.doc[token.i + 1]
            low = nxt.lower_
            np = nxt.head if nxt.dep_ in ("det", "amod", "compound", "nummod") else nxt
            if (
                np.dep_ == "appos"
                and np.head.i < token.i
                and np.head.head.i > np.right_edge.i
                and np.right_edge.i + 1 < span.end
            ):
                continue  # "that CNN, a fellow network, has done …": an apposition mid-clause
            if np.dep_ == "conj" and np.head.i < token.i and np.pos_ in ("NOUN", "PROPN"):
                continue  # "the cuts, a new tax, and …": the next item of a list
            if self._relative_clause_inside(nxt, span):
                continue  # "that the pipeline, which few oppose, would fail": the clause goes on
            cut = (
                (
                    low in ADJUNCT_OPENERS
                    and not _opener_goes_on(nxt, _following_word(nxt))
                    # after a typed dash a noun phrase more often restates what was said
                    # ("a mirage - a mix of name recognition and …") than glosses it
                    and not (_plain_dash(token) and low in ("a", "an"))
                )
                or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "acl"))
                or self._gloss_on_name(token, nxt, np, span)
            )
            following = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else nxt
            if (
                not cut
                and low in ("and", "but", "or")
                and token.i + 2 < span.end
                and following.lower_ != "that"
            ):
                # a coordinated clause with its own subject: "…, and three-quarters said …"
                verb = next(
                    (t for t in token.doc[token.i + 2 : span.end] if t.pos_ in ("VERB", "AUX")),
                    None,
                )
                if (
                    verb is not None
                    and verb.head.i < token.i
                    and any(c.dep_ in SUBJECTS and c.i > token.i for c in verb.children)
                ):
                    cut = low != "and" or self._cue_at(verb) is not None or verb.dep_ == "conj"
            if cut and not self._quoted_without_cue(token, span):
                return self._trim(start, token.idx)[1]
        for token in span[2:-1]:
            # "“…,” and shared a link": after the quotation, the writer goes on with another
            # act of the speaker's, in the cue's tense ("says he will “work hard” and wait":
            # the verb agrees with the content, which goes on; "“…” but also hopeful": the
            # predicate goes on)
            if (
                token.dep_ == "cc"
                and token.doc[token.i - 1].text in MARK_CHARS
                and any(m.end == token.doc[token.i - 1].idx + 1 for m in self.marks)
                and token.doc[token.i + 1].pos_ in ("VERB", "AUX", "ADV")
                and token.doc[token.i + 1].lower_ not in ("also", "only", "not")
                and (reporter is None or token.doc[token.i + 1].tag_ in (reporter.tag_, "RB"))
            ):
                return self._trim(start, token.idx)[1]
        for token in span[2:]:
            # "… and said it remained ready": the rest is another report of its own
            if token.dep_ == "cc" and not any(a <= token.idx < b for a, b in inside):
                nxt = token.doc[token.i + 1 : token.i + 4]  # "but did not suggest"
                for t in nxt:
                    cue = self._cue_at(t) if t.dep_ == "conj" else None
                    if (
                        cue is not None
                        and cue.cls == "speech"
                        and not any(c.dep_ in SUBJECTS for c in t.children)
                    ):
                        return self._trim(start, token.idx)[1]
        if reporter is not None:
            for token in span[2:-1]:
                if token.dep_ == "cc" and self._reporters_next_act(token, span, reporter):
                    return self._trim(start, token.idx)[1]
        return end

    @staticmethod
    def _reporters_next_act(cc: Token, span: Span, reporter: Token) -> bool:
        """Whether a bare "and" in the content joins a verb that goes on with the reporter
        rather than the content: no subject of its own and the cue's tense, unlike the
        content's ("said she admires the plan and praised its author": "praised" is in the
        tense of "said", not of "admires"; "says she admires it and hopes …" goes on; "denies
        it was a crime and goes on …" is the reporter's present against the content's past)."""
        doc = cc.doc
        if cc.lower_ != "and" or doc[cc.i - 1].is_punct:
            return False
        verb = doc[cc.i + 1]
        if verb.dep_ == "aux" and verb.head.dep_ == "conj" and verb.head.i > verb.i:
            # "has said she wants a safe zone and has expressed support for …"
            return verb.head.head.i >= span.start and _perfect_like_reporter(verb.head, reporter)
        if verb.pos_ != "VERB" or verb.dep_ != "conj":
            return False
        if any(c.dep_ in (*SUBJECTS, "expl") for c in verb.children):
            return False
        content_verb = verb.head
        if content_verb.i < span.start or content_verb.pos_ not in ("VERB", "AUX"):
            return False
        if verb.tag_ != reporter.tag_:
            return False
        # "said she admires it and praised …"; "denies that it was a crime and goes on …"
        return (reporter.tag_ == "VBD" and content_verb.tag_ in ("VBZ", "VBP")) or (
            reporter.tag_ in ("VBZ", "VBP") and content_verb.tag_ == "VBD"
        )

    def _quoted_without_cue(self, comma: Token, span: Span) -> bool:
        """Whether the words after ``comma`` to the end of the content quote someone and name
        no other report: "…, but “the offers were not serious”", "…, which “will help us
        win”". Quoted words the writer adds with no cue of their own are the same speaker's;
        "…, which he called “a disaster”" is another report (its own cue), and a quoted name
        or scare quote ("…, who led the “Win” campaign") is not someone's words."""
        rest = span.doc[comma.i + 1 : span.end]
        quoted = [
            m
            for m in self.marks
            if rest.start_char <= m.start < rest.end_char and self._sentence_like(m)
        ]
        if not quoted:
            return False
        return not any(
            self._cue_at(t) is not None
            for t in rest
            if not any(m.start <= t.idx < m.end for m in quoted)
        )

    @staticmethod
    def _relative_clause_inside(opener: Token, span: Span) -> bool:
        """Whether a relative clause or an apposition opened after a comma ("…, which …",
        "…, a donor …") closes with a second comma inside the content and the content goes on
        past it: "the pipeline, which few oppose, would not be built", "to put the state, which
        voted red for decades, in play", "to connect Ruiz, a donor, with the mayor"."""
        if opener.lower_ in ("which", "who", "whose", "whom"):
            clause = opener.head if opener.dep_ != "relcl" else opener
            while clause.dep_ != "relcl" and clause.head != clause and clause.head.i > opener.i:
                clause = clause.head
            if clause.dep_ != "relcl":
                return False
        elif opener.lower_ in ("a", "an") and opener.head.dep_ == "appos":
            clause = opener.head  # "to connect Ruiz, a local donor, with the mayor"
        else:
            return False
        close = clause.right_edge.i + 1
        if close + 1 >= span.end or span.doc[close].text != ",":
            return False
        rest = [t for t in span.doc[close + 1 : span.end] if not t.is_punct]
        # something after the second comma hangs on a word before the clause
        return any(t.head.i < opener.i - 1 for t in rest)

    def _coordinated_content(self, token: Token, last: Token) -> Token:
        """Where a complement ends when the parse hung a second clause on the cue itself.

        "said that A, and that B": a second "that" clause is a second part of what was
        said; "said A and she can win": a clause with a subject joined by a bare "and"
        (no comma) goes on with the content. A comma before the conjunction, "but", or a
        cue verb ("and added …") leaves the clause to the writer.
        """
        doc = token.doc
        for conj in token.rights:
            if conj.dep_ != "conj" or conj.i <= last.i:
                continue
            ccs = [
                c
                for c in (*token.children, *conj.children)
                if c.dep_ == "cc" and last.i < c.i < conj.i
            ]
            if not ccs or ccs[0].lower_ not in ("and", "but"):
                return last
            cc = ccs[0]
            cue = self._cue_at(conj)
            if (cue is not None and cue.cls == "speech") or conj.pos_ not in ("VERB", "AUX"):
                return last
            if any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in conj.children):
                return conj.right_edge
            has_subject = any(c.dep_ in (*SUBJECTS, "expl") for c in conj.children)
            before = doc[cc.i - 1]
            bare = not (before.is_punct and before.text not in MARK_CHARS)
            if has_subject and bare and cc.lower_ == "and":
                return conj.right_edge
            if has_subject and self._quoted_without_cue(cc, doc[cc.i : conj.right_edge.i + 1]):
                return conj.right_edge  # "said A, but “B”": quoted words go on with A
            return last
        return last

    @staticmethod
    def _gloss_on_name(comma: Token, nxt: Token, np: Token, span: Span) -> bool:
        """Whether the words after the comma gloss the name before it to the end of the
        content: "… would be Trump, who leads in delegates", "… Lee, the group's founder".
        The writer tells the reader who the named one is; the speaker did not say it."""
        before = comma.doc[comma.i - 1]
        if before.pos_ != "PROPN":
            return False
        if nxt.lower_ in ("who", "whom") and nxt.head.dep_ == "relcl":
            return nxt.head.right_edge.i >= span.end - 2
        return np.dep_ == "appos" and np.head.i < comma.i and np.right_edge.i >= span.end - 2

    def _clip_paragraph(self, start: int, end: int) -> tuple[int, int]:
        """Keep a content span inside the paragraph it starts in."""
        for a, b in self.paragraphs:
            if a <= start < b:
                return self._trim(start, min(end, b))
        return start, end


# words that open the rest of a content the cue was placed inside ("A, she said, because B")
TAIL_OPENERS = {"including", "because", "while", "but", "though", "although", "since", "so"}


def _time_adjunct(child: Token) -> bool:
    """Whether a dependent of the cue says when the report was made ("endorsed her in
    March", "backed the plan on Tuesday"): the writer's circumstance, not what was held."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in ("DATE", "TIME")
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")


def _as_predicate(verb: Token) -> Token | None:
    """What the subject of a passive verb is taken for: the object of "as" in "Lee is seen
    as the favourite", also in "seen by many as …", where the parse hangs "as" on the agent."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return next(
        (
            g
            for prep in (*verb.children, *(g for a in agents for g in a.children))
            if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > verb.i
            for g in prep.children
            if g.dep_ in ("pobj", "pcomp")
        ),
        None,
    )


def _that_said(token: Token) -> bool:
    """Whether the cue is the connective "That said," opening a sentence ("That said, the
    bridge will stay open"): the writer concedes a point; nobody is reported."""
    doc = token.doc
    i = token.i
    return (
        token.lower_ == "said"
        and i >= 1
        and i + 1 < len(doc)
        and doc[i - 1].lower_ == "that"
        and doc[i + 1].text == ","
        and (doc[i - 1].is_sent_start or doc[i - 1].i == token.sent.start)
    )


def _circumstance(child: Token) -> bool:
    """Whether a dependent of a belief or stance cue is the writer's setting of it: when or
    against what it was taken ("praised the plan during the debate", "backed her despite the
    scandal", "defended the law amid protests") or where it was voiced ("touted the deal in
    an interview", "attacked the mayor on social media", "thanked voters at a rally")."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in SETTING_PREPS:
        return True
    objects = [c for c in child.children if c.dep_ == "pobj"]
    if child.lower_ == "at" and objects and objects[0].lemma_.lower() in WRITINGS:
        return False  # "cited his anger at the articles": a text is not a place one speaks at
    return (
        child.lower_ in ("in", "on", "at")
        and bool(objects)
        and objects[0].lemma_.lower() in NOT_TOPICS | VENUES
    )


def _occasion(child: Token) -> bool:
    """Whether a dependent of a belief or stance cue is a clause or phrase in which the
    writer sets out the occasion of it: when it was held ("defended the bill when it came
    to a vote", "backed the senator until he quit the race", "endorsed the idea after his
    son came out") or what it is weighed against ("expects a quick deal, given the
    deadline"). What was held ends before it. A finding's time clause is part of what
    was found ("the video shows him waving before he fell"), so this is for beliefs and
    stances only."""
    if child.dep_ == "prep":
        return child.lower_ == "given"
    if child.dep_ != "advcl" or _comes_to(child):
        return False
    return any(
        c.dep_ in ("mark", "advmod") and c.i < child.i and c.lower_ in OCCASION_MARKS
        for c in child.children
    )


def _comes_to(verb: Token) -> bool:
    """Whether a clause is "when it comes to …", which names a topic, not a time."""
    doc = verb.doc
    return verb.lemma_ == "come" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to"


# prepositions of the spell or the odds a report was made in: "during the debate",
# "despite the scandal", "amid protests"
SETTING_PREPS = frozenset({"during", "despite", "amid", "amidst"})

# subordinators of a clause saying when a belief or stance was held
OCCASION_MARKS = {"when", "after", "before", "until", "once", "whenever"}

# where a stance is voiced: "in an interview", "on her blog", "at a rally", "on Twitter",
# "on the campaign trail", "on their social media accounts"
VENUES = {
    "interview",
    "statement",
    "speech",
    "debate",
    "rally",
    "remark",
    "address",
    "op-ed",
    "letter",
    "post",
    "tweet",
    "page",
    "medium",
    "media",
    "conference",
    "appearance",
    "hearing",
    "session",
    "event",
    "meeting",
    "forum",
    "website",
    "blog",
    "column",
    "editorial",
    "memo",
    "email",
    "message",
    "broadcast",
    "stop",
    "visit",
    "briefing",
    "ad",
    "advertisement",
    "commercial",
    "book",
    "article",
    "report",
    "essay",
    "twitter",
    "facebook",
    "instagram",
    "television",
    "radio",
    "air",
    "trail",
    "stage",
    "account",
}


def _perfect_like_reporter(verb: Token, reporter: Token) -> bool:
    """Whether a perfect verb coordinated into the content ("… and has expressed support")
    goes on with the reporter: the cue is in the perfect with the same auxiliary ("has said
    she wants a safe zone and has expressed support"), the verb has no subject of its own,
    and the content's verb is not in the perfect."""
    if verb.tag_ != "VBN" or reporter.tag_ != "VBN":
        return False
    if any(c.dep_ in (*SUBJECTS, "expl") for c in verb.children):
        return False
    perfect = {"has", "have", "had"}
    cue_aux = {c.lower_ for c in reporter.children if c.dep_ == "aux"} & perfect
    own_aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    content_aux = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    return bool(cue_aux) and cue_aux <= own_aux and not cue_aux & content_aux


def _naming_spell(cue: Cue, comp: Token, child: Token) -> bool:
    """Whether a dependent after the name a cue gives its object says over what spell the
    name holds, not when it was given: "called it a passing fever during the long campaign",
    "called herself a builder after the bridge opened". The name is what was said, and the
    spell belongs to it; a date or venue ("called the levy unfair in a radio interview")
    stays the writer's setting."""
    if not any(c.dep_ == "oprd" and comp.i < c.i < child.i for c in cue.token.children):
        return False
    if child.dep_ == "prep":
        return child.lower_ in SETTING_PREPS
    return _occasion(child)


def _through_mouthpiece(child: Token) -> bool:
    """Whether a dependent of a speech cue names the channel the report went through, not
    what was said: "denied the charge through a spokeswoman", "… through his lawyers"."""
    if child.dep_ != "prep" or child.lower_ != "through":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in MOUTHPIECES


# venues that are texts: one speaks "in" them, never "at" them ("angry at the articles")
WRITINGS = {
    "article",
    "report",
    "column",
    "editorial",
    "essay",
    "letter",
    "book",
    "memo",
    "email",
    "message",
    "post",
    "tweet",
    "op-ed",
}

# who or what a report is made through: "through a spokeswoman", "through his lawyer"
MOUTHPIECES = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "attorney",
    "aide",
    "representative",
    "publicist",
    "statement",
    "campaign",
}


def _plain_dash(token: Token) -> bool:
    """Whether a token is a dash typed without the dash character: a doubled hyphen "--",
    a horizontal bar "―", or a hyphen with a space on each side ("$275 billion - half of
    what …"). It opens an aside as "—" does; a hyphen inside a word ("anti-tax") does not."""
    if token.text in ("--", "―"):
        return True
    return (
        token.text == "-"
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def _end_of(token: Token) -> int:
    """The character offset where a token ends."""
    return token.idx + len(token)


def _more_than_connective(words: list[Token]) -> bool:
    """Whether words before a parenthetical cue are more than a connective ("And, he said,
    …", "Rather, she argued, …"), which links to the sentence before and is not said."""
    return any(not t.is_punct and t.dep_ not in ("cc", "advmod", "mark", "intj") for t in words)


def _following_word(token: Token) -> Token:
    """The token after ``token`` (itself at the end of the document)."""
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token


def _opener_goes_on(opener: Token, following: Token) -> bool:
    """Whether a word that usually opens the writer's addition after a comma here goes on
    with what was said: "…, as well as a new pool" and "…, as the perfect day off" add to
    the content (an item, a predicate), unlike "…, as he did last year"; "…, even if he
    loses" and "…, even in a close race" qualify the claim, unlike "…, even though …";
    "…, despite trailing in the polls" (no subject of its own) is the speaker's concession."""
    low = opener.lower_
    if low == "as":
        if following.lower_ == "well":
            return True
        return opener.dep_ == "prep" and any(c.dep_ == "pobj" for c in opener.children)
    if low == "even":
        return following.lower_ not in ("though", "as")
    if low == "despite":
        return following.tag_ == "VBG"  # "…, despite trailing in the polls": the speaker's
    return False


def _infinitive_list_item(cue: Token, comp: Token, child: Token) -> bool:
    """Whether a verb the parse coordinated with the cue is the next item of the cue's
    infinitive content: a bare infinitive with no subject after "to …" ("pledged to cut
    the tax, fix the bridge and hire teachers"), not another act of the speaker's in the
    cue's own form ("pledged to cut the tax and won the vote")."""
    return (
        comp.dep_ == "xcomp"
        and child.dep_ == "conj"
        and child.i > comp.i
        and child.tag_ == "VB"
        and cue.tag_ != "VB"
        and not any(c.dep_ in (*SUBJECTS, "aux") for c in child.children)
    )


def _list_goes_on(comma: Token) -> bool:
    """Whether the noun phrase after a comma is the middle item of a list that the parse
    took for an apposition: "noted the attacks, her support for the crews and her work on
    jobs" (a conjunct joined by "and" or "or" follows inside the phrase)."""
    doc = comma.doc
    if comma.i + 1 >= len(doc):
        return False
    word = doc[comma.i + 1]
    head = word.head if word.dep_ in ("det", "amod", "compound", "poss", "nummod") else word
    if head.dep_ != "appos" or head.head.i > comma.i or doc[comma.i - 1].pos_ == "PROPN":
        return False  # "met Lee, a friend of Ames and Ruiz": a gloss on the name
    return any(t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") for t in head.subtree) and any(
        t.dep_ == "cc" and t.lower_ in ("and", "or") for t in head.subtree
    )


def _writers_adjunct(child: Token) -> bool:
    """Whether a dependent of the cue after its object is the writer's circumstance of the
    report, not part of what was reported: its source ("according to the filing") or an
    event it followed or preceded ("following the vote", "after meeting the families")."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in ("according", "following"):
        return True
    return child.lower_ in ("after", "before") and any(
        c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children
    )
