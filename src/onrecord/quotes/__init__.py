"""Quotation extraction: what was said in an article, by whom, with which cue.

``QuoteExtractor(nlp, cues="speech")(article)`` returns an :class:`Extraction`
holding the quotes (sorted by start), the named mentions and the parsed Doc.
"""

from onrecord.quotes.extract import Extraction, QuoteExtractor

__all__ = ["Extraction", "QuoteExtractor"]
