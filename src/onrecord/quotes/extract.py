"""Quotation extraction: reporting cues, their content and their speaker.

The rules, in the order they run:

1. headline: "Relations at an all-time low: Peskov", "…, Kremlin says";
2. each reporting cue (``data/cues.tsv``) found by the parser: its content is
   the clausal complement ("said (that) …", "told reporters …", inverted
   "…, he said"), the quotation next to it ("said: “…”", "“…,” he said"), or
   for "according to X" the clause it modifies; its speaker is the subject
   (or the object of "according to");
3. a quotation with no cue right after an attributed one continues it.

Content that matches a quotation exactly is ``direct``; content that contains
quoted words inside reported speech is ``partial``; otherwise ``indirect``.
A question an interviewer put ("When asked if “…”", "asked about the war") is the
interviewer's, never the answerer's: its speaker is the one "asked by" names, else unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from onrecord.model import Article, CueClass, Mention, Quote, QuoteKind
from onrecord.nlp import mark_line_starts
from onrecord.quotes.copular import CopularRules
from onrecord.quotes.cues import CueLexicon, load_cues
from onrecord.quotes.frames import FrameRules
from onrecord.quotes.headlines import HeadlineRules
from onrecord.quotes.marks import MarkSpan, paragraphs, scan
from onrecord.quotes.prefilter import blank_unneeded
from onrecord.quotes.rules import (
    NOT_LABELS,
    PARSER_MARKS,
    RAISING_CUES,
    SUBJECTS,
    XCOMP_CUES,
    Cue,
)
from onrecord.quotes.speech_filters import SPEECH_FILTERS
from onrecord.quotes.stance_filters import STANCE_FILTERS
from onrecord.speakers import ResolvedSpeaker, SpeakerResolver

__all__ = ["Extraction", "QuoteExtractor"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the quote stage found in one article."""

    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]
    doc: Doc


class QuoteExtractor:
    """Find quotes and their speakers in an article; built once, called per article."""

    def __init__(self, nlp: Language, cues: str = "speech", prefilter: bool = False) -> None:
        """``cues``: "speech" returns reports of speech only, "all" adds thought and finding.

        ``prefilter``: parse only the sentences that can hold a quote (quotation marks, a
        cue word, a speaker label, the headline), blanking the others; several times
        faster, at a small cost in speaker resolution (see bench/quality.py).
        """
        if cues not in ("speech", "all"):
            raise ValueError(f"cues must be 'speech' or 'all', not {cues!r}")
        self.nlp = nlp
        self.cues = cues
        self.prefilter = prefilter
        self.lexicon: CueLexicon = load_cues()

    def __call__(self, article: Article) -> Extraction:
        """Parse the article and return its quotes, mentions and the parsed Doc."""
        text = article.nlp_text
        if self.prefilter:
            text, _ = blank_unneeded(text, speech_only=self.cues == "speech")
        return self.extract(article, self.parse(text))

    def parse(self, text: str) -> Doc:
        """Run the pipeline with a sentence break at every line break.

        News text puts headlines, datelines and transcript turns on lines of their own;
        the parser would otherwise glue them to the next sentence.
        """
        # the parser knows English marks best: show it “ ” for « », „ and ‹ › (same lengths)
        doc = self.nlp.make_doc(text.translate(PARSER_MARKS))
        mark_line_starts(doc)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def extract(self, article: Article, doc: Doc) -> Extraction:
        """Return the quotes of an article whose ``nlp_text`` is already parsed into ``doc``."""
        run = _ArticleRun(article, doc, self.lexicon)
        quotes = run.run()
        if self.cues == "speech":
            quotes = [q for q in quotes if q.cue_class == "speech"]
        return Extraction(
            tuple(sorted(quotes, key=lambda q: (q.start, q.end))), run.resolver.mentions, doc
        )


class _ArticleRun(FrameRules, CopularRules, HeadlineRules):
    """The state of extraction over one article."""

    def __init__(self, article: Article, doc: Doc, lexicon: CueLexicon) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        # what the parser read: the text with boilerplate and (prefilter) unneeded sentences
        # blanked to spaces, so no content may start or end inside a blank
        self.parsed_text = doc.text
        self.lexicon = lexicon
        self.marks = scan(article.nlp_text)
        self.resolver = SpeakerResolver(doc, article.nlp_text)
        self.quotes: list[Quote] = []
        self.used_marks: set[int] = set()  # indexes into self.marks
        self.question_marks: set[int] = set()
        self.paragraphs = paragraphs(article.nlp_text)
        # markup left in the text ("<tweet author=… >"): never a cue nor what was said
        self.tags = [(m.start(), m.end()) for m in _TAG.finditer(article.nlp_text)]

    def run(self) -> list[Quote]:
        """Return every quote found in the article (all cue classes)."""
        headline_end = self._headline()
        self._labelled(headline_end)
        for sent in self.doc.sents:
            if sent.end_char <= headline_end:
                continue
            for token in sent:
                cue = self._cue_at(token)
                if cue is not None and not self._in_tag(token.idx):
                    self._from_cue(cue)
                if not self._in_tag(token.idx):
                    self._frame_at(token)
        self._named_quotations()
        self._paragraph_runs()
        self._continuations()
        self._paragraph_runs()
        # a report inside someone's quotation ("“They told me it was over,” she said") is part
        # of her words, not an attribution of its own
        quoted = [m for m in self.marks if self._sentence_like(m)]
        quotes = [
            q
            for q in self.quotes
            if q.cue_start is None
            or q.kind == "headline"
            or q.cue == ":"  # a speaker label inside a quoted transcript leads its own turn
            or not any(m.start < q.cue_start < m.end for m in quoted)
        ]
        quotes = _unshared_pieces(quotes)
        quotes = [q for q in self._split_runs(quotes) if not _covers_own_source(q)]
        quotes = [q for q in quotes if not self._not_a_report(q)]
        # a report inside reported content ("Rubio said he knows voters are angry") is part
        # of what the outer speaker said: one attribution, the outer one
        quotes = [q for q in quotes if not any(_inside(q, other) for other in quotes)]
        return [q for q in quotes if not self._stance_within_report(q, quotes)]

    def _stance_within_report(self, quote: Quote, quotes: list[Quote]) -> bool:
        """A belief or finding whose verb lies within the stretch another report runs over
        (between its pieces too: "“A,” said Ames, who has long backed Lee. “B.”") is part of
        that report, not one of its own; a participle of saying's adjunct ("…, she said,
        referring to the mayor") and a noun cue ("a question about") keep theirs."""
        if quote.cue_class == "speech" or quote.cue_start is None:
            return False
        if not any(
            other is not quote and other.start <= quote.cue_start < other.end for other in quotes
        ):
            return False
        cue = self._cue_token(quote)
        if cue is None or cue.pos_ == "NOUN":
            return False
        return not (cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp"))

    def _not_a_report(self, quote: Quote) -> bool:
        """Whether a cue word found in the text is used here in a sense that reports nobody's
        words (see the ``NOT_A_REPORT`` rules)."""
        cue = self._cue_token(quote)
        if cue is None:
            return False
        content = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        return any(rule(quote, cue, content) for rule in NOT_A_REPORT)

    def _cue_token(self, quote: Quote) -> Token | None:
        """The head word of a quote's cue in the body, or None (no cue, or a headline's)."""
        if quote.cue_start is None or quote.kind == "headline":
            return None
        span = self.doc.char_span(
            quote.cue_start, quote.cue_end or quote.cue_start + 1, alignment_mode="expand"
        )
        return span.root if span is not None else None

    def _split_runs(self, quotes: list[Quote]) -> list[Quote]:
        """Outer content that ran over a coordinated report of its own is cut back to keep
        both: "One in three said A and one in four said B" (the first ends before "and")."""
        out = list(quotes)
        for inner in quotes:
            if inner.cue_start is None or inner.speaker_start is None or inner.spans:
                continue
            if inner.cue_class != "speech":
                continue  # "said A and he believes B": a belief goes on with what was said
            if self.text[inner.cue_start : inner.cue_end or inner.cue_start].endswith("ing"):
                continue  # "… and those describing themselves as …": a participle, no clause
            for n, outer in enumerate(out):
                if outer is inner or outer.spans or outer.kind not in ("indirect", "partial"):
                    continue
                if not outer.start < inner.speaker_start < outer.end:
                    continue
                if outer.cue_start is not None and outer.cue_start < outer.start:
                    before = self.text[outer.start : inner.speaker_start].rstrip(" ,")
                    joint = re.search(r"(?:[,;]\s*|\s)(and|but|while|whereas)$|;$", before)
                    if joint is None or inner.start < inner.speaker_start:
                        continue
                    end = self._trim(outer.start, outer.start + joint.start())[1]
                    if end - outer.start >= 8:
                        out[n] = replace(outer, end=end, text=self.text[outer.start : end])
        return out

    def _from_cue(self, cue: Cue) -> None:
        token = cue.token
        head_cue = self._cue_at(token.head) if token.dep_ == "xcomp" else None
        if head_cue is not None and head_cue.lemma in XCOMP_CUES:
            return  # "declined to say whether …": one report, made by the governing cue
        self._close_open_mark(cue)
        if self._is_interviewer_question(cue):
            # "When asked if …", "X was asked whether …": the question is reported, but the
            # words are the interviewer's (named only by "asked by …"), never the answerer's;
            # "asked about the war" reports the question by its topic, an attribution too
            content = self._content_of(cue)
            asked: list[int] = []
            if content:
                asked = list(content[2])
            for i in self._direct_beside(cue, set()):
                if self.marks[i].start > token.idx:
                    asked.append(i)
            self.question_marks.update(asked)
            self.used_marks.update(asked)
            if content:
                start, end = content[0], content[1]
                if asked:
                    start = min(start, *(self.marks[i].start for i in asked))
                    end = max(end, *(self.marks[i].end for i in asked))
                self._add(start, end, "indirect", cue, self._asker(cue), salient=False)
            elif asked:
                start = min(self.marks[i].start for i in asked)
                end = max(self.marks[i].end for i in asked)
                self._add(start, end, "direct", cue, self._asker(cue), salient=False)
            return
        if cue.lemma in RAISING_CUES:
            self._raising(cue)
            return
        speaker = self._speaker_for(cue)
        content = (
            self._relative_object(cue)
            or self._content_of(cue)
            or self._gerund_subject_clause(cue)
            or self._parenthetical_content(cue)
            or self._for_to_clause(cue)
            or self._pronoun_as_predicate(cue)
            or self._content_elsewhere(cue)
        )
        if (
            content is not None
            and speaker is not None
            and cue.end <= speaker.start <= content[0]
            and any(
                self.marks[i].end <= cue.start
                for i in self._direct_beside(cue, self.question_marks)
            )
        ):
            # "“…,” said Ann Lee, who recalled …": after an inverted speaker, the parse took
            # the speaker's relative clause for the content; the quotation before is what
            # was said
            content = None
        if content is not None:
            content = self._after_lead_in(cue, content)
        kind: QuoteKind
        spans: tuple[tuple[int, int], ...] = ()
        if content is not None:
            start, end, touched, spans = content
            touched = [i for i in touched if i not in self.question_marks]
            kind = "according_to" if cue.lemma == "according to" else "indirect"
            if touched:
                m_start = min(self.marks[i].start for i in touched)
                m_end = max(self.marks[i].end for i in touched)
                covered = sum(
                    min(end, self.marks[i].end) - max(start, self.marks[i].start) for i in touched
                )
                outside = self.text[start:end]
                for i in touched:
                    a, b = max(start, self.marks[i].start), min(end, self.marks[i].end)
                    outside = outside[: a - start] + " " * (b - a) + outside[b - start :]
                words_outside = [w for w in re.findall(r"\w+", outside) if w.lower() != "that"]
                if covered >= 0.7 * (end - start) and len(touched) == 1 and len(words_outside) < 2:
                    start, end = m_start, m_end
                    kind = "direct"
                    if cue.start > start and cue.start < end:
                        return
                    if end <= cue.start:
                        # “A,” she said. “B.”: the quotation goes on after the cue clause
                        following = self._mark_after_clause(cue)
                        if following is not None and self._sentence_like(self.marks[following]):
                            nxt = self.marks[following]
                            spans = ((start, end), (nxt.start, nxt.end))
                            end = nxt.end
                            touched = [*touched, following]
                    elif start >= cue.end:
                        # “A,” she said, “and B.”: the parse took the second piece as content
                        before = self._mark_before_clause(cue, touched[0])
                        if before is not None:
                            prev = self.marks[before]
                            spans = ((prev.start, prev.end), (start, end))
                            start = prev.start
                            touched = [before, *touched]
                else:
                    start, end = min(start, m_start), max(end, m_end)
                    if kind == "indirect":
                        kind = "partial"
            if cue.start >= start and cue.end <= end and not spans:
                return
            self.used_marks.update(touched)
        else:
            beside = self._direct_beside(cue, self.question_marks)
            if not beside:
                beside = self._quotation_after_addressee(cue)
            if not beside:
                return
            if len(beside) == 1 and self.marks[beside[0]].end <= cue.start:
                # “A,” Viguerie told the radio host. “B.”: one quotation in two pieces
                following = self._mark_after_clause(cue)
                if (
                    following is not None
                    and following not in self.question_marks
                    and self._sentence_like(self.marks[following])
                ):
                    beside = [beside[0], following]
            spans = tuple((self.marks[i].start, self.marks[i].end) for i in beside)
            start, end = spans[0][0], spans[-1][1]
            kind = "direct"
            self.used_marks.update(beside)
            if len(spans) == 1:
                spans = ()
        if (
            speaker is not None
            and speaker.start > cue.start
            and any(a <= speaker.start < b for a, b in spans or ((start, end),))
        ):
            speaker = None  # the parse took words of the content for the speaker
        self._add(start, end, kind, cue, speaker, spans)

    def _raising(self, cue: Cue) -> None:
        """ "The relationship appears to be alive": an impression nobody is named for (see
        ``ContentRules._raising_content``)."""
        content = self._raising_content(cue)
        if content is not None:
            self._add(content[0], content[1], "indirect", cue, None, content[3])

    def _asker(self, cue: Cue) -> ResolvedSpeaker | None:
        """The interviewer named by "asked by X", or None."""
        agent = next((c for c in cue.token.children if c.dep_ == "agent"), None)
        objs = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        return self.resolver.resolve(self._speaker_span(objs[0])) if objs else None

    def _is_interviewer_question(self, cue: Cue) -> bool:
        if cue.lemma not in ("ask", "question", "press", "query", "inquire"):
            return False
        token = cue.token
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is None and token.tag_ == "VBG":
            return False  # "…, asking her, “…”": the clause's subject asks, not an interviewer
        if subject is None:
            return True  # "When asked if …", "Asked whether …"
        return subject.dep_ == "nsubjpass"  # "Peskov was asked whether …"

    def _add(
        self,
        start: int,
        end: int,
        kind: QuoteKind,
        cue: Cue | None,
        speaker: ResolvedSpeaker | None,
        spans: tuple[tuple[int, int], ...] = (),
        basis: str | None = None,
        cue_class: CueClass | None = None,
        salient: bool = True,
    ) -> None:
        """Record a quote; ``salient``: its speaker is the one a later "he" refers to."""
        if end <= start or self._in_tag(start) or self._in_tag(end - 1):
            return
        if self.text[start:end].strip(" .:()").lower() in NOT_LABELS:
            return  # "(Related: …)", "Watch:": a page's furniture, not what was said
        for q in self.quotes:
            if q.start == start and q.end == end:
                return
        if speaker is not None and salient:
            self.resolver.note_speaker(speaker.start, speaker.name, speaker.kind)
        self.quotes.append(
            Quote(
                start=start,
                end=end,
                text=self.text[start:end],
                kind=kind,
                cue=cue.lemma if cue else None,
                cue_start=cue.start if cue else None,
                cue_end=cue.end if cue else None,
                cue_class=cue_class or (cue.cls if cue else "speech"),
                speaker_start=speaker.start if speaker else None,
                speaker_end=speaker.end if speaker else None,
                speaker_text=speaker.text if speaker else None,
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker else "unknown",
                speaker_basis=basis or (speaker.basis if speaker else None),
                confidence=0.9 if kind == "direct" else 0.7,
                spans=spans,
            )
        )

    def _in_tag(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.tags)

    def _paragraph_runs(self) -> None:
        """A quotation left open at a paragraph's end goes on in the next paragraph that
        opens with a quotation mark: one quote in several pieces."""
        for n, quote in enumerate(self.quotes):
            if quote.kind not in ("direct", "partial"):
                continue
            pieces = list(quote.spans) or [(quote.start, quote.end)]
            grown = False
            while True:
                last = next(
                    (i for i, m in enumerate(self.marks) if m.end == pieces[-1][1] and m.open_end),
                    None,
                )
                if last is None or last + 1 >= len(self.marks):
                    break
                following = self.marks[last + 1]
                if not following.continues or last + 1 in self.used_marks:
                    break
                pieces.append((following.start, following.end))
                self.used_marks.add(last + 1)
                grown = True
            if grown:
                self.quotes[n] = replace(
                    quote,
                    end=pieces[-1][1],
                    text=self.text[quote.start : pieces[-1][1]],
                    spans=tuple(pieces),
                )

    def _continuations(self) -> None:
        """Quotations with no cue right after an attributed quote belong to its speaker."""
        by_start = sorted(self.quotes, key=lambda q: q.start)
        for i, mark in enumerate(self.marks):
            if i in self.used_marks or i in self.question_marks:
                continue
            if mark.continues and i > 0 and self.marks[i - 1].open_end:
                continue  # the quotation of the paragraph before goes on: one quote
            if not self._sentence_like(mark):
                continue
            lead = mark.start if self._starts_sentence(mark) else self._lead_in(mark)
            if lead is None:
                continue
            previous = [q for q in by_start if q.end <= lead and q.speaker]
            if not previous:
                continue
            # the attribution that ends last before the quotation; of two ending together, the
            # outer one ("Voters saw it as “a mess,” Ames said": Ames's, not the voters')
            prev = max(previous, key=lambda q: (q.end, -q.start))
            gap_paragraphs = self._paragraph_index(mark.start) - self._paragraph_index(prev.start)
            if gap_paragraphs > 1 or prev.kind == "headline":
                continue
            if any(self._cue_between(prev.end, mark.start, prev.cue_start)):
                continue
            prev = self._quotation_host(prev, previous)
            if lead < mark.start and (
                prev.kind not in ("direct", "partial")
                or self._paragraph_index(lead) != self._paragraph_index(prev.end - 1)
            ):
                continue  # a lead-in only carries on a quotation in the same paragraph
            speaker = ResolvedSpeaker(
                prev.speaker_start or 0,
                prev.speaker_end or 0,
                prev.speaker_text or "",
                prev.speaker or "",
                prev.speaker_kind,
                "continuation",
            )
            if prev.kind in ("direct", "partial"):
                # “A,” she said. ¶ “B.”: the quotation goes on in the next paragraph; PolNeAR
                # keeps one record whose pieces are the quotations
                n = self.quotes.index(prev)
                pieces = (*(prev.spans or ((prev.start, prev.end),)), (lead, mark.end))
                self.quotes[n] = replace(
                    prev, end=mark.end, text=self.text[prev.start : mark.end], spans=pieces
                )
                self.used_marks.add(i)
                by_start = sorted(self.quotes, key=lambda q: q.start)
                continue
            cue = None
            self._add(
                mark.start,
                mark.end,
                "direct",
                cue,
                speaker,
                basis="continuation",
                cue_class=prev.cue_class,
            )
            added = self.quotes[-1]
            self.quotes[-1] = _with_cue(added, prev)
            self.used_marks.add(i)
            by_start = sorted(self.quotes, key=lambda q: q.start)

    def _lead_in(self, mark: MarkSpan) -> int | None:
        """Where a sentence starts whose few words lead into a quotation that ends it:
        "“A,” said Ames. Lee “never listened. He never will.”" (the second piece starts at
        "Lee"); None when the quotation is not such a sentence's end."""
        span = self.doc.char_span(mark.start, mark.end, alignment_mode="expand")
        if span is None:
            return None
        sentence = span[0].sent
        start = sentence.start_char
        lead = self.text[start : mark.start]
        tail = self.text[mark.end : span[-1].sent.end_char]
        if not lead.strip() or "\n" in lead or len(lead.split()) > 6 or tail.strip(" .,;\n"):
            return None
        if any(m.start < mark.start and m.end > start for m in self.marks if m is not mark):
            return None
        if lead.rstrip()[-1:] in (",", ":") and any(
            t.pos_ == "VERB" for t in sentence if t.idx < mark.start
        ):
            return None  # "Lee shot back, “…”": a report of its own, whatever the verb
        return start + len(lead) - len(lead.lstrip())

    def _quotation_host(self, prev: Quote, previous: list[Quote]) -> Quote:
        """The quotation a report made in the same sentence hangs on: in "“A,” said Ames,
        who noted that C. “B.”", B goes on from A, not from the note."""
        if prev.kind in ("direct", "partial") or prev.cue_start is None:
            return prev
        sentence = self._sentence_at(prev.cue_start)
        hosts = [
            q
            for q in previous
            if q.kind == "direct"
            and q.end <= prev.start
            and q.cue_start is not None
            and self._sentence_at(q.cue_start) == sentence
        ]
        return hosts[-1] if hosts else prev

    def _sentence_at(self, position: int) -> int:
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return span.sent.start if span is not None else -1

    def _starts_sentence(self, mark: MarkSpan) -> bool:
        before = self.text[: mark.start].rstrip()
        return not before or before[-1] in '.!?:”"\n' or self.text[mark.start - 1] == "\n"

    def _cue_between(self, start: int, end: int, skip: int | None) -> Iterable[bool]:
        """Speech verbs between two offsets, other than the cue at ``skip`` and the verbs
        that hang on it ("“A,” she said, speaking on condition of anonymity. “B.”")."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return []
        return (
            True
            for t in span
            if t.pos_ == "VERB"
            and self.lexicon.classify(t.lemma_) == "speech"
            and t.idx != skip
            and not (t.dep_ == "advcl" and t.head.idx == skip)
            and not any(m.start <= t.idx < m.end for m in self.marks)
        )


_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")


NOT_A_REPORT = (*SPEECH_FILTERS, *STANCE_FILTERS)


def _covers_own_source(quote: Quote) -> bool:
    """Whether reported content takes in its own cue or speaker (a misparse): the words
    of the report are never part of what was reported."""
    if quote.kind not in ("indirect", "partial", "according_to"):
        return False
    pieces = quote.spans or ((quote.start, quote.end),)
    return any(
        a <= p < b
        for p in (quote.cue_start, quote.speaker_start)
        if p is not None
        for a, b in pieces
    )


def _unshared_pieces(quotes: list[Quote]) -> list[Quote]:
    """A later piece of a quote that another quote, with a cue of its own, also holds is
    that quote's: “A,” she said. “B,” he said (not “A … B” for her and “B” for him)."""
    out: list[Quote] = []
    for quote in quotes:
        if not quote.spans or quote.kind != "direct":
            out.append(quote)
            continue
        claimed = [
            (a, b)
            for other in quotes
            if other is not quote
            and other.kind == "direct"
            and other.cue_start is not None
            and other.cue_start != quote.cue_start
            for a, b in other.spans or ((other.start, other.end),)
        ]
        pieces = [quote.spans[0]] + [
            (a, b) for a, b in quote.spans[1:] if not any(x < b and a < y for x, y in claimed)
        ]
        if len(pieces) == len(quote.spans):
            out.append(quote)
            continue
        start, end = pieces[0][0], pieces[-1][1]
        out.append(
            replace(
                quote,
                start=start,
                end=end,
                text=quote.text[start - quote.start : end - quote.start],
                spans=tuple(pieces) if len(pieces) > 1 else (),
            )
        )
    return out


def _inside(quote: Quote, other: Quote) -> bool:
    """Whether ``quote``'s cue lies inside ``other``'s content (and not the reverse)."""
    if quote is other or quote.cue_start is None or quote.kind == "headline":
        return False
    pieces = other.spans or ((other.start, other.end),)
    if not any(a <= quote.cue_start < b for a, b in pieces):
        return False
    return other.cue_start is None or not (quote.start <= other.cue_start < quote.end)


def _with_cue(quote: Quote, prev: Quote) -> Quote:
    from dataclasses import replace

    return replace(quote, cue=prev.cue, cue_start=prev.cue_start, cue_end=prev.cue_end)
