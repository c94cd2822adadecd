"""The public API is exactly what `onrecord.__all__` names, and every name is documented."""

from __future__ import annotations

import onrecord

PUBLIC = {
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
}


def test_the_public_api_is_pinned() -> None:
    assert set(onrecord.__all__) == PUBLIC


def test_every_public_name_exists_and_has_a_docstring() -> None:
    for name in onrecord.__all__:
        member = getattr(onrecord, name)
        assert member.__doc__ and member.__doc__.strip(), name
