"""Dates: when an article was published (from its text) and when each quote was said.

``publication_date_from_text(text, today=None) -> (date | None, "text" | "unknown")``
reads a byline, a stamp line or a dateline at the head of the article;
``StatementDater()(article, quotes, doc)`` sets ``said_on``, ``said_on_precision`` and
``said_on_basis`` on each quote from the temporal expression governing its cue,
resolved against ``article.published``.
"""

from __future__ import annotations

from onrecord.dates.expressions import DateGuess, TimeExpression, find_time_expressions, resolve
from onrecord.dates.publication import publication_date_from_text
from onrecord.dates.statement import StatementDater

__all__ = [
    "DateGuess",
    "StatementDater",
    "TimeExpression",
    "find_time_expressions",
    "publication_date_from_text",
    "resolve",
]
