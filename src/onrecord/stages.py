"""The cross-article stages run after each ingest batch, in order.

Each stage is a callable ``(store, added_article_ids) -> None`` that updates
its tables incrementally, inside the batch's transaction.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from onrecord.store import Store

Stage = Callable[[Store, list[str]], None]

# (module, function): people first (statements group by person), then grouping.
CROSS_ARTICLE_STAGES = (
    ("onrecord.people", "update_people"),
    ("onrecord.grouping", "update_groups"),
)


def cross_article_stages() -> list[Stage]:
    """The stage functions available in this installation, in order."""
    stages = []
    for module_name, function in CROSS_ARTICLE_STAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        if hasattr(module, function):
            stages.append(getattr(module, function))
    return stages
