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
A question an interviewer put ("When asked if “…”") yields no quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from onrecord.model import Article, CueClass, Mention, Quote, QuoteKind
from onrecord.quotes.cues import CueLexicon, load_cues
from onrecord.quotes.marks import MarkSpan, paragraphs, scan
from onrecord.quotes.prefilter import blank_unneeded
from onrecord.speakers import ResolvedSpeaker, SpeakerResolver, is_speaker_noun

__all__ = ["Extraction", "QuoteExtractor"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_DEPS = ("ccomp",)
_XCOMP_CUES = {
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
}
# cues whose direct object is the person addressed, not what was said
_ADDRESSEE_CUES = {"tell", "ask", "inform", "assure", "answer", "urge", "remind", "quote"}
# prepositions that make a cue phrase whose object is the content: "called for a ban"
_NP_CUE_PREPS = {"for", "of", "about", "on"}
# prepositions whose object is the topic of what was said: "commented on the decision"
_TOPIC_PREPS = {"on", "about", "of", "for", "against"}
_NOT_CONTENT = {"it", "this", "that", "so", "statement", "interview"}
# a paragraph led by a speaker label: "TAPPER: …", "EXCLUSIVE – Roger Stone: …"
_LABEL = re.compile(
    r"[ \t]*(?:[A-Z]{3,}\s+[–—-]\s+)?(?P<s>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})"
    r"[ \t]*(?P<colon>:)[ \t]+(?P<c>\S)"
)
_NOT_LABELS = {
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
_ADJUNCT_OPENERS = {
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
    "including",
    "compared",
    "just",
}
_PARSER_MARKS = str.maketrans({"«": "“", "»": "”", "„": "“", "‹": "‘", "›": "’"})
# "VESTBY, March 14 (Northgate Wire) - ", "WASHINGTON (AP) — ": not part of what was said
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,},?[^\n.]{0,40}?\s[-—–]+\s+")
# objects of "spoke on …" that are the channel or the circumstances, not the topic
_NOT_TOPICS = {
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
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_STRICT_EXTENSION = False
_CUT_CONJ = True
_CUT_NP = True
_EXTEND_NP = True
_PUNCT_EDGE = set(",.;:—–-()[] ")
_MARK_CHARS = set("“”„«»‹›\"‘’'")
_RELATIVE = {"who", "which", "that", "whom"}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the quote stage found in one article."""

    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]
    doc: Doc


@dataclass(frozen=True, slots=True)
class _Cue:
    lemma: str
    cls: CueClass
    start: int
    end: int
    token: Token


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
        doc = self.nlp.make_doc(text.translate(_PARSER_MARKS))
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if (
                "\n" in previous.text
                or (previous.is_space and "\n" in previous.text_with_ws)
                or "\n" in previous.whitespace_
            ):
                token.is_sent_start = True
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


class _ArticleRun:
    """The state of extraction over one article."""

    def __init__(self, article: Article, doc: Doc, lexicon: CueLexicon) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        self.lexicon = lexicon
        self.marks = scan(article.nlp_text)
        self.resolver = SpeakerResolver(doc, article.nlp_text)
        self.quotes: list[Quote] = []
        self.used_marks: set[int] = set()  # indexes into self.marks
        self.question_marks: set[int] = set()
        self.paragraphs = paragraphs(article.nlp_text)

    # ---------------------------------------------------------------- helpers
    def _marks_in(self, start: int, end: int) -> list[int]:
        return [i for i, m in enumerate(self.marks) if m.start < end and m.end > start]

    def _paragraph_index(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos < b:
                return i
            if pos < a:
                return i
        return len(self.paragraphs)

    def _cue_at(self, token: Token) -> _Cue | None:
        low = token.lower_
        doc = token.doc
        if low == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cls = self.lexicon.phrases.get(("according", "to"))
            if cls:
                return _Cue("according to", cls, token.idx, doc[token.i + 1].idx + 2, token)
            return None
        if token.pos_ not in ("VERB",) and not (
            token.pos_ in ("NOUN", "PROPN") and token.dep_ == "ROOT"
        ):
            return None
        if token.dep_ == "amod" or (token.i > 0 and token.doc[token.i - 1].text == "-"):
            return None  # "so-called", "self-described": an adjective, not a report
        if token.tag_ == "VBN" and token.dep_ == "acl":
            return None  # "a program called Sandy Hook Promise": a name, not a report
        if token.tag_ == "VB" and token.dep_ == "ROOT" and token.i == token.sent.start:
            return None  # "Call it viral fundraising.": an imperative
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
                phrase = (lemma, child.lower_)
                if phrase in self.lexicon.phrases:
                    return _Cue(
                        " ".join(phrase),
                        self.lexicon.phrases[phrase],
                        token.idx,
                        child.idx + len(child),
                        token,
                    )
        cls = self.lexicon.classify(lemma)
        if cls is None:
            return None
        return _Cue(lemma, cls, token.idx, token.idx + len(token), token)

    # ----------------------------------------------------------------- speaker
    def _subject_of(self, verb: Token) -> Token | None:
        seen = 0
        while seen < 4:
            seen += 1
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not c.is_punct]
            if subjects:
                # "The rejection …, Wilders said": the subject nearest the verb is the speaker
                return min(subjects, key=lambda c: abs(c.i - verb.i))
            if verb.dep_ == "conj":
                # "denied that its dams … and said …": the parse may hang the second cue
                # inside the first one's content; its subject is the nearest cue's
                ancestor = next((a for a in verb.ancestors if self._cue_at(a) is not None), None)
                verb = ancestor if ancestor is not None else verb.head
                continue
            if verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
                continue
            if verb.dep_ == "relcl":
                return verb.head
            break
        return None

    def _speaker_span(self, head: Token) -> Span:
        doc = head.doc
        sent = head.sent
        left = max(head.left_edge.i, sent.start)
        while "\n" in doc[left : head.i + 1].text:
            left += 1
        right = head.i
        for child in head.rights:
            if child.dep_ in ("compound", "flat", "nummod") or (
                child.dep_ in ("appos", "prep", "acl", "amod") and head.pos_ == "NOUN"
            ):
                right = max(right, child.right_edge.i)
            else:
                break
        while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
            left += 1
        return doc[left : right + 1]

    def _speaker_for(self, cue: _Cue) -> ResolvedSpeaker | None:
        token = cue.token
        if cue.lemma == "according to":
            to = token.doc[token.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return self.resolver.resolve(self._speaker_span(objs[0]))
            return None
        subject = self._subject_of(token)
        if subject is None or self._in_quotation(subject.idx, token.idx):
            # the parse found the subject inside the quotation, or none at all: take the
            # noun phrase next to the cue ("“…,” said Anna Berg", "“…,” Berg joked")
            subject = self._subject_beside(token) or (
                None if subject is None or self._in_quotation(subject.idx, token.idx) else subject
            )
        if subject is None:
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if agent is not None:
                objs = [c for c in agent.children if c.dep_ == "pobj"]
                if objs:
                    return self.resolver.resolve(self._speaker_span(objs[0]))
            return None
        if subject.dep_ == "nsubjpass" and cue.lemma not in ("quote",):
            return None
        if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
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
        return self.resolver.resolve(self._speaker_span(subject))

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
        before = token.i - 1
        while before >= token.sent.start and doc[before].pos_ in ("ADV", "AUX", "PART"):
            before -= 1
        if before >= token.sent.start:
            candidates.append(doc[before])
        for candidate in candidates:
            if (
                candidate.pos_ not in ("PROPN", "NOUN", "PRON")
                or candidate.ent_type_ in _NOT_SPEAKER_ENTS
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

    # ----------------------------------------------------------------- content
    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start] in _PUNCT_EDGE or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _PUNCT_EDGE or text[end - 1].isspace()):
            end -= 1
        return start, end

    def _direct_beside(self, cue: _Cue, blocked: set[int]) -> list[int]:
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
        for child in token.children:
            if child.dep_ in _CONTENT_DEPS or child.dep_ in ("xcomp", "dobj", "conj", "cc"):
                continue
            if child.i > handed_on:
                break
            if child.is_space or (child.i > token.i and child.text in (".", "!", "?")):
                continue
            if child.is_punct and child.text in _MARK_CHARS:
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

    def _close_open_mark(self, cue: _Cue) -> None:
        """A quotation left open that runs over its own cue ("“The talks are over, Volkov
        said.") ends where the cue's clause begins."""
        for i, mark in enumerate(self.marks):
            if mark.open_end and mark.start < cue.start < mark.end:
                first, _ = self._own_clause(cue.token)
                end = _trim_space(self.text, mark.start, cue.token.doc[first].idx)
                if end - mark.start > 3 and first > 0:
                    self.marks[i] = MarkSpan(mark.start, end, open_end=True)

    def _mark_before_clause(self, cue: _Cue, after: int) -> int | None:
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

    def _mark_after_clause(self, cue: _Cue) -> int | None:
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

    # -------------------------------------------------------------------- run
    def run(self) -> list[Quote]:
        """Return every quote found in the article (all cue classes)."""
        headline_end = self._headline()
        self._labelled(headline_end)
        for sent in self.doc.sents:
            if sent.end_char <= headline_end:
                continue
            for token in sent:
                cue = self._cue_at(token)
                if cue is not None:
                    self._from_cue(cue)
        self._paragraph_runs()
        self._continuations()
        self._paragraph_runs()
        # a report inside someone's quotation ("“They told me it was over,” she said") is part
        # of her words, not an attribution of its own
        quoted = [m for m in self.marks if self._sentence_like(m)]
        return [
            q
            for q in self.quotes
            if q.cue_start is None
            or q.kind == "headline"
            or not any(m.start < q.cue_start < m.end for m in quoted)
        ]

    def _labelled(self, headline_end: int) -> None:
        """Paragraphs led by a speaker label: "FALLIN: Well, I think …", "Roger Stone: Don't …"."""
        for a, b in self.paragraphs:
            if a < headline_end:
                continue
            m = _LABEL.match(self.text, a, b)
            if not m:
                continue
            label = m.group("s")
            if label.lower().strip(" .") in _NOT_LABELS or any(ch.isdigit() for ch in label):
                continue
            span = self.doc.char_span(m.start("s"), m.end("s"), alignment_mode="expand")
            if span is None or not (
                label.isupper() or all(t.pos_ == "PROPN" for t in span) or span.ents
            ):
                continue
            if (
                label.isupper()
                and " " in label.strip()
                and not any(e.label_ in ("PERSON", "ORG") for e in span.ents)
            ):
                continue  # "HOME AT LAST: …": a kicker, not a speaker
            c_start, c_end = self._trim(m.start("c"), b)
            if c_end - c_start < 8:
                continue
            resolved = self.resolver.resolve(span)
            colon = m.start("colon")
            kind: QuoteKind = "headline" if a == self.paragraphs[0][0] else "direct"
            cue = _Cue(":", "speech", colon, colon + 1, span.root)
            self._add(
                c_start,
                c_end,
                kind,
                cue,
                resolved,
                basis="headline" if kind == "headline" else None,
            )
            self.used_marks.update(self._marks_in(c_start, c_end))

    def _headline(self) -> int:
        """Headline attributions; return where the headline ends (0 when there is none)."""
        if not self.paragraphs:
            return 0
        a, b = self.paragraphs[0]
        line = self.text[a:b]
        title = (self.article.title or "").strip()
        if not title or not line.strip().startswith(title[: max(10, len(title) // 2)]):
            return 0
        body = line.rstrip().rstrip(".")
        m = re.match(
            r"^(?P<c>.{8,}?)\s*[:|]\s+(?P<s>(?:[a-z][\w’'.-]*\s){0,3}(?:[A-Z][\w’'.-]*\s?){1,3}"
            r"|[a-z][\w’'.-]*(?:\s[a-z][\w’'.-]*)?)$",
            body,
        )
        speaker_raw = None
        cue = None
        if m:
            speaker_raw = m.group("s").strip()
            content = m.group("c")
        else:
            m = re.match(
                r"^(?P<c>.{8,}?),\s+(?P<s>(?:[a-z][\w’'.-]*\s){0,2}(?:[A-Z][\w’'.-]*\s){1,3})(?P<v>\w+)$",
                body,
            )
            if m and self.lexicon.classify(_lemma_guess(m.group("v"))) == "speech":
                speaker_raw = m.group("s").strip()
                content = m.group("c")
                cue = m.group("v")
        if not speaker_raw or speaker_raw.lower() in ("update", "report", "exclusive", "watch"):
            return 0
        if speaker_raw.islower() and not is_speaker_noun(speaker_raw.split()[-1]):
            return 0  # "…: union" is a speaker, "…: explained" is not
        c_start = a + (len(line) - len(line.lstrip()))
        c_start, c_end = self._trim(c_start, c_start + len(content))
        s_start = a + line.index(speaker_raw, len(content))
        s_end = s_start + len(speaker_raw)
        span = self.doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            return 0
        resolved = self.resolver.resolve(span)
        cue_start = s_end + 1 if cue else None
        self.quotes.append(
            Quote(
                start=c_start,
                end=c_end,
                text=self.text[c_start:c_end],
                kind="headline",
                cue=_lemma_guess(cue) if cue else None,
                cue_start=cue_start,
                cue_end=cue_start + len(cue) if cue and cue_start else None,
                cue_class="speech",
                speaker_start=s_start,
                speaker_end=s_end,
                speaker_text=self.text[s_start:s_end],
                speaker=resolved.name,
                speaker_kind=resolved.kind,
                speaker_basis="headline",
                confidence=0.6,
            )
        )
        for i in self._marks_in(c_start, c_end):
            self.used_marks.add(i)
        return b

    def _content_of(
        self, cue: _Cue
    ) -> tuple[int, int, list[int], tuple[tuple[int, int], ...]] | None:
        """The content span of a cue's complement, with the quotations it touches."""
        token = cue.token
        doc = token.doc
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
            if not side:
                return None
            start, end = self._trim(side[0].idx, side[-1].idx + len(side[-1]))
            _ = sent
            return (start, end, self._marks_in(start, end), ()) if end > start else None
        comps = [c for c in token.children if c.dep_ in _CONTENT_DEPS]
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
        if not comps and cue.lemma in _XCOMP_CUES:
            comps = [c for c in token.children if c.dep_ == "xcomp"]
        if (
            not comps
            and token.dep_ in ("parataxis", "conj", "ccomp", "advcl")
            and token.head.left_edge.i < self._first_word(token) - 1
            and doc[self._first_word(token) - 1].text in (",", "—", "–")
            and all(c.dep_ not in ("dobj", "xcomp", "ccomp") for c in token.children)
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
            last_word = self._own_clause(token)[1]
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
            if content and not quoted:
                start, end = self._trim(content[0].idx, content[-1].idx + len(content[-1]))
                spans: tuple[tuple[int, int], ...] = ()
                if len([t for t in after if not t.is_punct]) >= 3:
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
        ):
            # "As the Atlantic noted, trust in government is collapsing"
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
            if after and after[0].dep_ == "prep" and after[0].lower_ in _TOPIC_PREPS:
                objects = [c for c in after[0].children if c.dep_ in ("pobj", "pcomp")]
                if objects and (
                    objects[0].lemma_.lower() in _NOT_TOPICS
                    or objects[0].ent_type_ in _NOT_SPEAKER_ENTS
                ):
                    pass  # "spoke on the phone", "on condition of anonymity", "on Tuesday"
                elif objects:
                    comps = [after[0]]
                else:
                    # "calling for the US to step up …": the object came out as a clause
                    comps = [c for c in token.rights if c.dep_ == "advcl" and c.i > after[0].i][:1]
        if not comps and cue.lemma in self.lexicon.object_content:
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
                        and c.lower_ in _NP_CUE_PREPS
                        and cue.lemma not in ("say", "tell")
                    )
                )
            ]
            predicative = any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in token.children)
            comps = [
                c
                for c in comps
                if not (c.dep_ == "dobj" and c.lower_ in _NOT_CONTENT and not predicative)
            ]
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
                    has_subject = any(c.dep_ in _SUBJECTS for c in child.children)
                    has_mark = any(c.dep_ == "mark" for c in child.children)
                    if has_subject and not has_mark and _CUT_CONJ:
                        last = comp.doc[child.left_edge.i - 1]
                        break
        else:
            # a noun-phrase content ends at its first comma ("a Cruz win in Texas, which …")
            for t in comp.subtree:
                if (
                    _CUT_NP
                    and t.i > comp.i
                    and t.text in (",", ";", "—", "–", "(")
                    and t.head.i in (comp.i, *(c.i for c in comp.children))
                ):
                    last = comp.doc[t.i - 1]
                    break
        if comp.i > token.i and (comp.dep_ in ("ccomp", "xcomp") or _EXTEND_NP):
            # a parse often hangs the quoted end of a long complement on the cue itself
            for child in token.rights:
                if child.i <= comp.i or child.dep_ in ("punct", "cc", "conj"):
                    continue
                if child.dep_ in ("advcl", "xcomp") and self._cue_at(child) is not None:
                    break
                if child.dep_ in ("advcl",) and child.left_edge.is_punct:
                    break
                region = comp.doc[last.i + 1 : child.right_edge.i + 1].text
                if _STRICT_EXTENSION and not any(ch in _MARK_CHARS for ch in region):
                    break
                last = max(last, child.right_edge, key=lambda t: t.i)
        sent = token.sent
        if last.i >= sent.end:
            last = sent[-1]
        start, end = first.idx, last.idx + len(last)
        # the speaker and the cue are never part of what was said
        subject = self._subject_of(token)
        for outside in (subject, token):
            if outside is None or outside.dep_ == "relcl":
                continue
            if outside is subject:
                mention = self._speaker_span(outside)
                o_first, o_end = mention.start_char, mention.end_char
            else:
                o_first, o_end = outside.idx, outside.idx + len(outside)
            if start < o_first < end or start < o_end <= end:
                if o_first - start >= end - o_end:
                    end = o_first
                else:
                    start = o_end
        start, end = self._clip_paragraph(*self._trim(start, end))
        dateline = _DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()
        end = self._cut_adjuncts(start, end)
        # a leading "that" belongs to the content (PolNeAR and common sense agree)
        return (start, end, self._marks_in(start, end), ()) if end > start else None

    def _cut_adjuncts(self, start: int, end: int) -> int:
        """End reported content before a comma that opens the reporter's own addition.

        "…, which …", "…, though …", "…, and three-quarters said …": what follows such a
        comma is the writer's, unless it is inside quotation marks.
        """
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 4:
            return end
        inside = [(m.start, m.end) for m in self.marks if m.start < end and m.end > start]
        for token in span[2:-1]:
            if token.text not in (",", ";", "—", "–"):
                continue
            if any(a <= token.idx < b for a, b in inside):
                continue
            nxt = token.doc[token.i + 1]
            low = nxt.lower_
            cut = low in _ADJUNCT_OPENERS or (
                nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "acl")
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
                if verb is not None and any(
                    c.dep_ in _SUBJECTS and c.i > token.i for c in verb.children
                ):
                    cut = low != "and" or self._cue_at(verb) is not None or verb.dep_ == "conj"
            if cut:
                return self._trim(start, token.idx)[1]
        for token in span[2:-1]:
            # "“…,” and shared a link": after the quotation, the writer goes on
            if (
                token.dep_ == "cc"
                and token.doc[token.i - 1].text in _MARK_CHARS
                and any(m.end == token.doc[token.i - 1].idx + 1 for m in self.marks)
                and token.doc[token.i + 1].pos_ in ("VERB", "AUX", "ADV")
            ):
                return self._trim(start, token.idx)[1]
        for token in span[2:]:
            # "… and said it remained ready": the rest is another report of its own
            if token.dep_ == "cc" and not any(a <= token.idx < b for a, b in inside):
                nxt = token.doc[token.i + 1 : token.i + 3]
                for t in nxt:
                    cue = self._cue_at(t) if t.dep_ == "conj" else None
                    if (
                        cue is not None
                        and cue.cls == "speech"
                        and not any(c.dep_ in _SUBJECTS for c in t.children)
                    ):
                        return self._trim(start, token.idx)[1]
        return end

    def _clip_paragraph(self, start: int, end: int) -> tuple[int, int]:
        """Keep a content span inside the paragraph it starts in."""
        for a, b in self.paragraphs:
            if a <= start < b:
                return self._trim(start, min(end, b))
        return start, end

    def _from_cue(self, cue: _Cue) -> None:
        token = cue.token
        head_cue = self._cue_at(token.head) if token.dep_ == "xcomp" else None
        if head_cue is not None and head_cue.lemma in _XCOMP_CUES:
            return  # "declined to say whether …": one report, made by the governing cue
        self._close_open_mark(cue)
        if self._is_interviewer_question(cue):
            content = self._content_of(cue)
            if content:
                self.question_marks.update(content[2])
                self.used_marks.update(content[2])
            for i in self._direct_beside(cue, set()):
                if self.marks[i].start > token.idx:
                    self.question_marks.add(i)
                    self.used_marks.add(i)
            return
        speaker = self._speaker_for(cue)
        content = self._content_of(cue)
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
                return
            spans = tuple((self.marks[i].start, self.marks[i].end) for i in beside)
            start, end = spans[0][0], spans[-1][1]
            kind = "direct"
            self.used_marks.update(beside)
            if len(spans) == 1:
                spans = ()
        self._add(start, end, kind, cue, speaker, spans)

    def _is_interviewer_question(self, cue: _Cue) -> bool:
        if cue.lemma not in ("ask", "question", "press", "query", "inquire"):
            return False
        token = cue.token
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return True  # "When asked if …", "Asked whether …"
        return subject.dep_ == "nsubjpass"  # "Peskov was asked whether …"

    def _add(
        self,
        start: int,
        end: int,
        kind: QuoteKind,
        cue: _Cue | None,
        speaker: ResolvedSpeaker | None,
        spans: tuple[tuple[int, int], ...] = (),
        basis: str | None = None,
        cue_class: CueClass | None = None,
    ) -> None:
        if end <= start:
            return
        for q in self.quotes:
            if q.start == start and q.end == end:
                return
        if speaker is not None:
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
            if not (self._sentence_like(mark) and self._starts_sentence(mark)):
                continue
            previous = [q for q in by_start if q.end <= mark.start and q.speaker]
            if not previous:
                continue
            prev = previous[-1]
            gap_paragraphs = self._paragraph_index(mark.start) - self._paragraph_index(prev.start)
            if gap_paragraphs > 1 or prev.kind == "headline":
                continue
            if any(self._cue_between(prev.end, mark.start, prev.cue_start)):
                continue
            speaker = ResolvedSpeaker(
                prev.speaker_start or 0,
                prev.speaker_end or 0,
                prev.speaker_text or "",
                prev.speaker or "",
                prev.speaker_kind,
                "continuation",
            )
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

    def _starts_sentence(self, mark: MarkSpan) -> bool:
        before = self.text[: mark.start].rstrip()
        return not before or before[-1] in '.!?:”"\n' or self.text[mark.start - 1] == "\n"

    def _cue_between(self, start: int, end: int, skip: int | None) -> Iterable[bool]:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return []
        return (
            True
            for t in span
            if t.pos_ == "VERB"
            and self.lexicon.classify(t.lemma_) == "speech"
            and t.idx != skip
            and not any(m.start <= t.idx < m.end for m in self.marks)
        )


def _trim_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _with_cue(quote: Quote, prev: Quote) -> Quote:
    from dataclasses import replace

    return replace(quote, cue=prev.cue, cue_start=prev.cue_start, cue_end=prev.cue_end)


def _lemma_guess(word: str) -> str:
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
