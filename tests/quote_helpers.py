"""Helpers shared by the quote-extraction spec tests."""

from __future__ import annotations

from onrecord.model import Article, Quote
from onrecord.quotes import QuoteExtractor


def quotes_of(extractor: QuoteExtractor, text: str) -> list[Quote]:
    """The quotes ``extractor`` finds in ``text``, taken as one invented article."""
    return list(extractor(Article(text=text, source="test")).quotes)
