"""Helpers shared by the quote-extraction spec tests."""

from __future__ import annotations

from onrecord.model import Article, Quote
from onrecord.quotes import QuoteExtractor


def quotes_of(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """The quotes ``extractor`` finds in ``text``, taken as one invented article."""
    return list(extractor(Article(text=text, source="test")).quotes)


def by_cue(extractor: QuoteExtractor, text: str, cue: str) -> list[Quote]:
    """The quotes whose cue (lemma or phrase) is ``cue``."""
    return [q for q in quotes_of(extractor, text) if q.cue == cue]


def content_of(extractor: QuoteExtractor, text: str, cue: str) -> tuple[str, tuple[str, ...]]:
    """The content of the one quote whose cue is ``cue``, and its pieces if split."""
    found = by_cue(extractor, text, cue)
    assert len(found) == 1, [(q.cue, q.text) for q in quotes_of(extractor, text)]
    quote = found[0]
    return quote.text, tuple(text[a:b] for a, b in quote.spans)


def found(extractor: QuoteExtractor, text: str) -> list[tuple[str | None, str, str, str | None]]:
    """(cue, cue class, content, speaker as written) of each quote found in the text."""
    return [(q.cue, q.cue_class, q.text, q.speaker_text) for q in quotes_of(extractor, text)]
