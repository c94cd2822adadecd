"""Settings: one table of names, defaults and help; overridable by ``ONRECORD_<NAME>``.

(The datasette pattern: every tunable lives here, documented once.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    """A tunable: its name, default value and what it does."""

    name: str
    default: int | float | str
    help: str


SETTINGS = (
    Setting("batch_articles", 64, "Articles written per store transaction during ingest."),
    Setting(
        "chunk_articles",
        16,
        "Articles parsed together (one nlp.pipe call) and sent to a worker process at a time.",
    ),
    Setting(
        "chunks_per_worker",
        4,
        "Chunks queued per worker process: enough for the workers to go on parsing while "
        "ingest stores and groups a batch, few enough to bound memory.",
    ),
    Setting(
        "prefilter",
        1,
        "1 (default): blank the sentences that can neither hold a quote nor help resolve a "
        "speaker before parsing (about a quarter of the text: faster, the same PolNeAR dev "
        "figures; a few speakers in a thousand resolve differently); 0: parse everything.",
    ),
    Setting("max_file_mb", 20, "Largest single article file accepted, in MB."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> int | float | str:
    """The value of setting ``name``: ``ONRECORD_<NAME>`` from the environment, else the default."""
    spec = _BY_NAME[name]
    raw = os.environ.get(f"ONRECORD_{name.upper()}")
    if raw is None:
        return spec.default
    return type(spec.default)(raw)
