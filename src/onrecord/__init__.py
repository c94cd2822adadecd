"""onrecord: who said what, when, reported by whom, and how it changed over time.

The public API is small: read sources, run the per-article pipeline, ingest into
a store, and the records those produce.
"""

from __future__ import annotations

from onrecord.errors import OnrecordError
from onrecord.ingest import IngestSummary, ingest
from onrecord.model import Article, ArticleResult, Claim, Person, Quote, Rejected, Statement, Story
from onrecord.pipeline import Pipeline, process_articles
from onrecord.sources import read_sources
from onrecord.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "Claim",
    "IngestSummary",
    "OnrecordError",
    "Person",
    "Pipeline",
    "Quote",
    "Rejected",
    "Statement",
    "Store",
    "Story",
    "ingest",
    "open_store",
    "process_articles",
    "read_sources",
]
