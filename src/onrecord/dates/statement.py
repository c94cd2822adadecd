"""When each quote was said: the temporal expression that governs its reporting cue.

For each quote the candidates are the temporal expressions of the cue's sentence that
lie outside quoted content. A candidate dates the statement only when it belongs to
the act of saying:

* it stands right beside the cue ("said on Friday", "told TASS on Friday", "Peskov on
  Friday said", "On Friday, Peskov said");
* or, with a dependency parse, it attaches to the cue verb, to a speech-event noun the
  cue governs ("said in an interview last month", "told a briefing on Friday"), or to a
  verb framing the speech ("Speaking to reporters on Friday, Peskov said");
* or, without a parse, it opens the sentence ("Last month, the president said ...") or
  a participial frame ("Speaking to reporters on Friday, ...") before the cue.

Dates of other things in the sentence ("who met in Alaska last month", "will meet on
Friday", "a deal made in June 2021") fail these tests. A quote whose cue continues the
same speaker's previous quote ("he added") takes that quote's date when it has none of
its own. Otherwise the statement is dated by publication (basis ``published``), or not
at all (basis ``unknown``). No statement is dated after its article's publication.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from onrecord.dates.expressions import DateGuess, TimeExpression, find_time_expressions, resolve
from onrecord.dates.lexicon import DatesLexicon, load_lexicon
from onrecord.model import Article, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: How far (in characters) a "he added" quote may start after the quote it continues.
CONTINUATION_REACH = 600

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "maj",
        "capt",
        "prof",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
        "ltd",
        "dept",
        "est",
        "approx",
        "fig",
        "cf",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*")
_QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")
#: Cues whose object (the addressee) may stand between them and their date: "told TASS on Friday".
_ADDRESSING_CUES = frozenset(
    [
        "tell",
        "told",
        "tells",
        "telling",
        "ask",
        "asked",
        "inform",
        "informed",
        "brief",
        "briefed",
        "assure",
        "assured",
        "warn",
        "warned",
        "remind",
        "reminded",
    ]
)
#: What may precede a sentence-opening date: "Earlier, on Sept. 2, ...", "Back in 2019 ...".
_LEAD = re.compile(
    r"[\s\"“‘']*(?:(?:and|but|so|earlier|already|even|(?:way\s+)?back|as\s+early\s+as"
    r"|as\s+long\s+ago\s+as)\b[\s,]*)?",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3}"
_DETERMINER = r"(?:an?|the|his|her|its|their|a\s+regular|a\s+daily|a\s+weekly)"
#: "in an interview with NBC News", "at a news conference in Baku": a speech event, then the date.
_EVENT = (
    rf"(?:(?:in|at|during|on|after)\s+)?{_DETERMINER}\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[\w-]+)"
    rf"(?:\s+(?:with|to|on)\s+(?:the\s+)?{_NAME})?(?:\s+in\s+{_NAME})?"
)
_EVENT_GAP = re.compile(rf"\s+(?:[\w.'’-]+\s+){{0,3}}?{_EVENT}[\s,]*")
_EVENT_LEAD = re.compile(rf"[\s\"“‘']*{_EVENT}\s*")
_PLACE_GAP = re.compile(rf"\s+(?:(?:the\s+)?[\w.'’-]+\s+)?in\s+{_NAME}[\s,]*")
#: A sentence opening on another event: a date inside it is that event's date.
_OTHER_EVENT_LEAD = re.compile(
    r"[\s\"“‘']*(?:following|ahead\s+of|before|prior\s+to|since|until)\b[^,;]*$", re.IGNORECASE
)
_CLAUSE_BREAKERS = frozenset(
    [
        "that",
        "who",
        "which",
        "whose",
        "whom",
        "when",
        "where",
        "while",
        "and",
        "but",
        "because",
        "if",
    ]
)
_SPEECH_OBJECTS = re.compile(
    r"^[\s,]*(?:(?:the|a|an|its|his|her|their|state|local|foreign|russian|state-run|"
    r"state-owned)\s+)*[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}[\s,]*$"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    expression: TimeExpression
    guess: DateGuess
    rank: int  # lower is stronger evidence that the expression dates the saying
    distance: int


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position`` by punctuation, for when there is no parse."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        before = re.search(
            r"([\w.]+)[.!?][\"”’']?\s*$", text[max(0, match.start() - 12) : match.end()]
        )
        if before and match.group(0)[0] == "." and before.group(1).lower() in _ABBREVIATIONS:
            continue
        if before and re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", before.group(1)):
            continue  # an initial or an initialism: "U.S." "J."
        start = match.end()
    end = len(text)
    for match in _SENTENCE_END.finditer(text, position):
        before = re.search(
            r"([\w.]+)[.!?][\"”’']?\s*$", text[max(0, match.start() - 12) : match.end()]
        )
        if before and match.group(0)[0] == "." and before.group(1).lower() in _ABBREVIATIONS:
            continue
        if before and re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", before.group(1)):
            continue
        end = match.start() + 1
        break
    return start, end


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _QUOTE_PAIRS.finditer(text[start:end])]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’.-]*", text)


class StatementDater:
    """Set ``said_on``, ``said_on_precision`` and ``said_on_basis`` on an article's quotes.

    Built once (it holds the lexicon); calling it is pure::

        quotes = StatementDater()(article, quotes, doc)

    ``doc`` is the spaCy parse of the article text with the same offsets, or None to
    use the text rules only.
    """

    def __init__(self, lexicon: DatesLexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def __call__(
        self, article: Article, quotes: Sequence[Quote], doc: Doc | None = None
    ) -> list[Quote]:
        """Return ``quotes`` in the same order, each with its statement date set."""
        text = article.text
        published = article.published
        if doc is not None and not doc.has_annotation("DEP"):
            doc = None
        expressions = find_time_expressions(text)
        content = [span for q in quotes for span in ((q.start, q.end), *q.spans)]
        order = sorted(range(len(quotes)), key=lambda i: self._position(quotes[i]))
        guesses: dict[int, DateGuess | None] = {}
        for rank, index in enumerate(order):
            quote = quotes[index]
            guess = self._own_date(text, quote, published, expressions, content, doc)
            if guess is None and rank > 0 and self._continues(quotes[order[rank - 1]], quote, text):
                guess = guesses[order[rank - 1]]
            if guess is not None and published is not None and guess.said_on > published:
                guess = None  # never after publication
            guesses[index] = guess
        return [self._apply(quotes[i], guesses[i], published) for i in range(len(quotes))]

    @staticmethod
    def _position(quote: Quote) -> int:
        return min(p for p in (quote.start, quote.cue_start) if p is not None)

    @staticmethod
    def _apply(quote: Quote, guess: DateGuess | None, published: date | None) -> Quote:
        if guess is not None:
            return replace(
                quote,
                said_on=guess.said_on,
                said_on_precision=guess.precision,
                said_on_basis=guess.basis,
            )
        if published is not None:
            return replace(
                quote, said_on=published, said_on_precision="day", said_on_basis="published"
            )
        return replace(quote, said_on=None, said_on_precision=None, said_on_basis="unknown")

    @staticmethod
    def _cue_word(text: str, quote: Quote) -> set[str]:
        """The cue's lemma and its surface form, lower-cased."""
        words = {(quote.cue or "").lower()}
        if quote.cue_start is not None and quote.cue_end is not None:
            words.add(text[quote.cue_start : quote.cue_end].strip().lower())
        return words

    def _continues(self, previous: Quote, quote: Quote, text: str) -> bool:
        """Whether ``quote`` carries on ``previous``'s occasion: a "he added" follow-up
        (or a cue-less continuation) of the same speaker, close after it."""
        if quote.cue_start is None:
            continuing = quote.speaker_basis == "continuation"
        else:
            surface = {w.removesuffix("ed").removesuffix("d") for w in self._cue_word(text, quote)}
            continuing = bool(
                (self._cue_word(text, quote) | surface) & self.lexicon.continuation_cues
            )
        if not continuing:
            return False
        if previous.speaker and quote.speaker and previous.speaker != quote.speaker:
            return False
        previous_end = max(p for p in (previous.end, previous.cue_end) if p is not None)
        return 0 <= self._position(quote) - previous_end <= CONTINUATION_REACH

    def _own_date(
        self,
        text: str,
        quote: Quote,
        published: date | None,
        expressions: list[TimeExpression],
        content: list[tuple[int, int]],
        doc: Doc | None,
    ) -> DateGuess | None:
        if quote.cue_start is None or quote.cue_end is None:
            return None
        cue = (quote.cue_start, quote.cue_end)
        sentence: Span | None = None
        if doc is not None:
            cue_span = doc.char_span(*cue, alignment_mode="expand")
            if cue_span is not None and len(cue_span):
                sentence = cue_span[0].sent
        if sentence is not None:
            bounds = (sentence.start_char, sentence.end_char)
        else:
            bounds = _sentence_bounds(text, cue[0])
        # a sentence never runs across a line break (a byline or a headline above it)
        line_start = text.rfind("\n", 0, cue[0]) + 1
        line_end = text.find("\n", cue[1])
        clipped = (
            max(bounds[0], line_start),
            min(bounds[1], line_end if line_end >= 0 else len(text)),
        )
        # a parse that ran across a line break may attach across it: back it with the text rules
        unsure = clipped != bounds
        bounds = clipped
        quoted = _quoted_regions(text, *bounds)
        candidates: list[_Candidate] = []
        for expression in expressions:
            span = (expression.start, expression.end)
            if not (bounds[0] <= span[0] and span[1] <= bounds[1]):
                continue
            if _overlaps(span, cue) or any(_overlaps(span, c) for c in content + quoted):
                continue
            guess = resolve(expression, published)
            if guess is None:
                continue
            if _OTHER_EVENT_LEAD.match(text[bounds[0] : expression.start]):
                continue  # "Following the summit last week, X said": the summit's date
            rank = self._adjacent(text, expression, quote, bounds)
            if rank is None:
                if sentence is not None and doc is not None:
                    rank = self._attached(doc, expression, cue, content + quoted)
                    if rank is None and unsure:
                        rank = self._framed(text, expression, quote, bounds, content + quoted)
                else:
                    rank = self._framed(text, expression, quote, bounds, content + quoted)
            if rank is not None:
                distance = min(abs(span[0] - cue[1]), abs(cue[0] - span[1]))
                candidates.append(_Candidate(expression, guess, rank, distance))
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c.rank, c.distance)).guess

    def _adjacent(
        self, text: str, expression: TimeExpression, quote: Quote, bounds: tuple[int, int]
    ) -> int | None:
        """0 when the expression stands right beside the cue, else None."""
        assert quote.cue_start is not None and quote.cue_end is not None
        if expression.start >= quote.cue_end:
            gap = text[quote.cue_end : expression.start]
            if re.fullmatch(r"[\s,]*(?:(?:here|there)\b[\s,]*)?", gap):
                return 0  # "said on Friday", "said here on Thursday"
            words = _words(gap)
            if (
                self._cue_word(text, quote) & _ADDRESSING_CUES
                and len(words) <= 4
                and not any(w.lower() in _CLAUSE_BREAKERS for w in words)
                and _SPEECH_OBJECTS.fullmatch(gap)
            ):
                return 0  # "told TASS on Friday", "told reporters Friday"
            return None
        gap = text[expression.end : quote.cue_start]
        if (
            quote.speaker_start is not None
            and quote.speaker_end is not None
            and expression.end <= quote.speaker_start
            and quote.speaker_end <= quote.cue_start
        ):
            gap = (
                text[expression.end : quote.speaker_start]
                + text[quote.speaker_end : quote.cue_start]
            )
        if not re.fullmatch(r"[\s,]*(?:(?:has|had|have|also|then|later|again)\s+)*", gap):
            return None
        if "," not in gap:
            return 0  # "Peskov on Friday said"
        # "On Friday, Peskov told" but not "Peskov, who met him last year, said"
        if _LEAD.fullmatch(text[bounds[0] : expression.start]):
            return 0
        return None

    def _attached(
        self,
        doc: Doc,
        expression: TimeExpression,
        cue: tuple[int, int],
        quoted: list[tuple[int, int]],
    ) -> int | None:
        """1 when the parse attaches the expression to the act of saying, else None."""
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        cue_span = doc.char_span(*cue, alignment_mode="expand")
        if span is None or cue_span is None or not len(span) or not len(cue_span):
            return None
        cue_tokens = {t.i for t in cue_span}
        cue_verb = next((t for t in cue_span if t.pos_ in ("VERB", "AUX")), cue_span.root)
        root = span.root
        head = root.head
        if head.i == root.i:
            return None
        # climb a coordination ("on Friday and Saturday") or a compound to its governor
        while head.dep_ in ("conj", "appos") and head.i not in cue_tokens and head.head.i != head.i:
            if head.ent_type_ == "DATE" or head.pos_ in ("PROPN", "NUM"):
                head = head.head
            else:
                break
        # "Back in 2019 she said", "earlier on Wednesday": the adverb carries the date
        if head.pos_ == "ADV" and head.dep_ == "advmod" and head.i not in cue_tokens:
            head = head.head
        if head.i in cue_tokens or self._is_frame(head, cue_verb):
            return 1
        # "Russia said on Friday ..., dismissing the idea", "X told TASS on Friday and added":
        # a participle or coordinated cue shares the date of the verb it hangs on
        if (
            cue_verb.dep_ in ("advcl", "conj")
            and cue_verb.head.i == head.i
            and head.pos_ == "VERB"
            and root.i < cue_verb.i
            and (cue_verb.tag_ == "VBG" or cue_verb.dep_ == "conj")
        ):
            return 1
        if self._inside(head, quoted):
            return None
        lex = self.lexicon
        if (
            head.pos_ == "PROPN"
            and head.dep_ == "pobj"
            and head.head.head.lemma_.lower() in lex.speech_event_nouns
        ):
            head = head.head.head  # "in a speech in New York on Friday"
        # "said in an interview last month", "told a news conference on Friday",
        # "Speaking on a visit to Warsaw on Sunday, she said"
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in lex.speech_event_nouns:
            governor = head.head
            if governor.dep_ == "prep" and governor.lower_ in lex.speech_event_preps:
                governor = governor.head
            elif head.dep_ not in ("dobj", "dative", "npadvmod"):
                governor = head
            if governor.i in cue_tokens or self._is_frame(governor, cue_verb):
                return 1
        # "told TASS on Friday" parsed with the date on the object
        if head.head.i in cue_tokens and head.dep_ in ("dobj", "dative") and root.i > head.i:
            return 1
        return None

    def _is_frame(self, token: Token, cue_verb: Token) -> bool:
        """Whether ``token`` is the cue verb or a verb framing the same act of speaking:
        "Speaking to reporters, X said"; "X, speaking on TV, said"; "X spoke and said"."""
        if self._same_verb(token, cue_verb):
            return True
        if token.pos_ not in ("VERB", "AUX"):
            return False
        if token.lemma_.lower() not in self.lexicon.speech_frame_verbs:
            return False
        if token.dep_ == "advcl" and self._same_verb(token.head, cue_verb):
            return True
        if (
            token.dep_ == "acl"
            and token.head.head.i == cue_verb.i
            and token.head.dep_ in ("nsubj", "nsubjpass", "appos")
        ):
            return True
        return cue_verb.dep_ == "conj" and cue_verb.head.i == token.i

    @staticmethod
    def _same_verb(token: Token, cue_verb: Token) -> bool:
        if token.i == cue_verb.i:
            return True
        # an auxiliary or a coordinated cue: "had said", "said and added"
        return token.head.i == cue_verb.i and token.dep_ in ("aux", "auxpass")

    @staticmethod
    def _inside(token: Token, regions: list[tuple[int, int]]) -> bool:
        return any(a <= token.idx < b for a, b in regions)

    def _framed(
        self,
        text: str,
        expression: TimeExpression,
        quote: Quote,
        bounds: tuple[int, int],
        quoted: list[tuple[int, int]],
    ) -> int | None:
        """2 when, without a parse, the expression opens the sentence or a speech frame
        that leads to the cue ("Last month, the president said"), else None."""
        assert quote.cue_start is not None and quote.cue_end is not None
        if expression.start >= quote.cue_end:
            gap = text[quote.cue_end : expression.start]
            if _PLACE_GAP.fullmatch(gap):
                return 2  # "said in Luxembourg last week", "told MEPs in Strasbourg this week"
            event = _EVENT_GAP.fullmatch(gap)
            if event and event.group("noun").lower() in self.lexicon.speech_event_nouns:
                return 2  # "said in an interview with NBC News last month"
            return None
        if expression.end > quote.cue_start:
            return None
        if any(expression.end <= a and b <= quote.cue_start for a, b in quoted):
            return None
        lead = text[bounds[0] : expression.start]
        between = text[expression.end : quote.cue_start]
        if any(w.lower() in _CLAUSE_BREAKERS for w in _words(between)):
            return None
        if not re.match(r"\s*,", between):
            return None
        if _LEAD.fullmatch(lead):
            return 2  # "Last month, the Russian president said"
        event = _EVENT_LEAD.fullmatch(lead)
        if event and event.group("noun").lower() in self.lexicon.speech_event_nouns:
            return 2  # "In an interview last month, he said"
        clause = re.split(r"[,;]", lead)[-1]
        frame = re.match(r"[\s\"“‘']*(\w+ing)\b", clause)
        if frame:
            verb = frame.group(1).lower()
            stems = {verb[:-3], verb[:-3] + "e", verb[:-4]}
            if stems & self.lexicon.speech_frame_verbs:
                return 2  # "Speaking to reporters on Friday, Peskov said"
        return None
