"""Headlines and speaker labels: "Talks at a dead end: Peskov", "TAPPER: Well, …".

A mixin over the state of one article's extraction (see ``extract._ArticleRun``).
"""

from __future__ import annotations

import re

from onrecord.model import Quote, QuoteKind
from onrecord.quotes.content import ContentRules
from onrecord.quotes.rules import (
    HEADLINE_SOURCE,
    LABEL,
    NOT_LABELS,
    Cue,
    lemma_guess,
)
from onrecord.speakers import is_speaker_noun


class HeadlineRules(ContentRules):
    """Attributions in the headline and in paragraphs led by a speaker's name."""

    def _labelled(self, headline_end: int) -> None:
        """Paragraphs led by a speaker label: "FALLIN: Well, I think …", "Roger Stone: Don't …"."""
        recurring = self._recurring_labels()
        for a, b in self.paragraphs:
            if a < headline_end:
                continue
            if a == self.paragraphs[0][0] and self._headline_prefix(a, b):
                continue
            m = self._label_at(a, b)
            if not m:
                continue
            label = m.group("s")
            if label.lower().strip(" .") in NOT_LABELS or any(ch.isdigit() for ch in label):
                continue
            span = self.doc.char_span(m.start("s"), m.end("s"), alignment_mode="expand")
            if span is None:
                continue
            # a transcript names each speaker again and again ("NORA VALE: …" then "VALE: …");
            # a kicker or a one-off label must look like a name to the parser
            turn = _surname(label) in recurring
            if not turn and not (
                label.isupper() or all(t.pos_ == "PROPN" for t in span) or span.ents
            ):
                continue
            if (
                not turn
                and label.isupper()
                and " " in label.strip()
                and not any(e.label_ in ("PERSON", "ORG") for e in span.ents)
            ):
                continue  # "HOME AT LAST: …": a kicker, not a speaker
            c_start, c_end = self._trim_text(m.start("c"), b)
            if c_end - c_start < 8:
                continue
            words = self.doc.char_span(c_start, c_end, alignment_mode="expand")
            if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):
                continue  # "Iowa: Ann Lee, Bo Ray, …", "Twitter: @name": a list, not a turn
            resolved = self.resolver.resolve(span)
            colon = m.start("colon")
            kind: QuoteKind = "headline" if a == self.paragraphs[0][0] else "direct"
            cue = Cue(":", "speech", colon, colon + 1, span.root)
            self._add(
                c_start,
                c_end,
                kind,
                cue,
                resolved,
                basis="headline" if kind == "headline" else None,
            )
            self.used_marks.update(self._marks_in(c_start, c_end))

    def _named_quotations(self) -> None:
        """A quotation introduced by its speaker's name and a colon inside a paragraph:
        "Turnout fell again - Ada Pell: “The young stayed home.”", "Sen. Rob Gale (D-Ore.):"…"."""
        for i, mark in enumerate(self.marks):
            if i in self.used_marks or i in self.question_marks or not self._sentence_like(mark):
                continue
            a, _ = self.paragraphs[self._paragraph_index(mark.start)]
            m = _NAMED.search(self.text, a, mark.start)
            if m is None or m.group("s").lower().strip(" .") in NOT_LABELS:
                continue
            span = self.doc.char_span(m.start("s"), m.end("s"), alignment_mode="expand")
            if span is None or not (
                all(t.pos_ == "PROPN" or t.lower_ == "and" for t in span)
                or any(e.label_ in ("PERSON", "ORG") for e in span.ents)
            ):
                continue
            colon = m.start("colon")
            cue = Cue(":", "speech", colon, colon + 1, span.root)
            self._add(mark.start, mark.end, "direct", cue, self.resolver.resolve(span))
            self.used_marks.add(i)

    def _label_at(self, a: int, b: int) -> re.Match[str] | None:
        """The speaker label leading paragraph ``a``..``b``, also inside a quotation that opens
        the paragraph (a transcript quoted whole: "“VALE: Well, …")."""
        m = LABEL.match(self.text, a, b)
        if m is None and self.text[a : a + 1] in ('"', "“"):
            m = LABEL.match(self.text, a + 1, b)
        return m

    def _recurring_labels(self) -> set[str]:
        """Last words of the labels that lead two or more paragraphs: the speakers' turns."""
        seen: dict[str, int] = {}
        for a, b in self.paragraphs[1:]:
            m = self._label_at(a, b)
            if m and m.group("s").lower().strip(" .") not in NOT_LABELS:
                key = _surname(m.group("s"))
                seen[key] = seen.get(key, 0) + 1
        return {key for key, n in seen.items() if n >= 2}

    def _headline_prefix(self, a: int, b: int) -> bool:
        """A headline led by its source: "Clinton camp: Rival's plan threatens security",
        "Former minister at summit: talks will fail". The source is a short noun phrase with
        no verb; when a preposition follows its head ("… at summit"), the head speaks."""
        m = HEADLINE_SOURCE.match(self.text, a, b)
        if not m or "\n" in self.text[a:b].strip():
            return False
        label = m.group("s")
        if label.lower().strip(" .") in NOT_LABELS:
            return False
        span = self.doc.char_span(m.start("s"), m.end("s"), alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX", "PRON") for t in span):
            return False
        if not (span[0].is_title or span[0].is_upper) or span[0].pos_ not in (
            "PROPN",
            "NOUN",
            "ADJ",
        ):
            return False
        head_end = next((t.i for t in span if t.pos_ == "ADP"), span.end)
        speaker = self.doc[span.start : head_end]
        if not len(speaker):
            return False
        if speaker[-1].is_lower and not is_speaker_noun(speaker[-1].lower_):
            return False  # "Ukraine war: …": a topic kicker, not a source
        c_start, c_end = self._trim_text(m.start("c"), b)
        if c_end - c_start < 8:
            return False
        colon = m.start("colon")
        self._add(
            c_start,
            c_end,
            "headline",
            Cue(":", "speech", colon, colon + 1, speaker.root),
            self.resolver.resolve(speaker),
            basis="headline",
        )
        self.used_marks.update(self._marks_in(c_start, c_end))
        return True

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
            if m and self.lexicon.classify(lemma_guess(m.group("v"))) == "speech":
                speaker_raw = m.group("s").strip()
                content = m.group("c")
                cue = m.group("v")
        if not speaker_raw or speaker_raw.lower() in ("update", "report", "exclusive", "watch"):
            return 0
        if speaker_raw.islower() and not is_speaker_noun(speaker_raw.split()[-1]):
            return 0  # "…: union" is a speaker, "…: explained" is not
        c_start = a + (len(line) - len(line.lstrip()))
        c_start, c_end = self._trim_text(c_start, c_start + len(content))
        s_start = a + line.index(speaker_raw, len(content))
        s_end = s_start + len(speaker_raw)
        span = self.doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            return 0
        resolved = self.resolver.resolve(span)
        if cue:
            cue_start = s_end + 1
            cue_end = cue_start + len(cue)
            cue_lemma = lemma_guess(cue)
        else:  # "…: Peskov": the colon is the cue
            cue_start = a + line.index(":", len(content) - 1) if ":" in line else c_end
            cue_end = cue_start + 1
            cue_lemma = ":"
        self.quotes.append(
            Quote(
                start=c_start,
                end=c_end,
                text=self.text[c_start:c_end],
                kind="headline",
                cue=cue_lemma,
                cue_start=cue_start,
                cue_end=cue_end,
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


_NAME_WORD = r"[A-Z][\w’'.-]*"
# a name (or two joined by "and") and a colon right before a quotation, after the start of
# the paragraph, a dash or an ellipsis; a parenthesis may follow the name ("(R-Ohio)")
_NAMED = re.compile(
    rf"(?:^|(?<=\n)|(?<=[-–—…]\s)|(?<=\.\.\.\s))[ \t]*"
    rf"(?P<s>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
    rf"(?:[ \t]+and[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})?)"
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*(?P<colon>:)[ \t\xa0]*\Z"
)


def _surname(label: str) -> str:
    """The last word of a speaker label, the one a transcript repeats: "NORA VALE" -> "vale"."""
    return label.split()[-1].strip(".").lower()
