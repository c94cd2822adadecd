"""The words the dates stage reads, loaded once from ``data/dates_lexicon.json``."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class DatesLexicon:
    """Calendar names and the words that frame a speech event (see the data file's comments)."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    number_words: Mapping[str, int]
    holidays: Mapping[str, tuple[int, int]]
    speech_event_nouns: frozenset[str]
    speech_event_preps: frozenset[str]
    speech_frame_verbs: frozenset[str]
    continuation_cues: frozenset[str]


@functools.cache
def load_lexicon() -> DatesLexicon:
    """Return the packaged dates lexicon (read once per process; the result is immutable)."""
    raw = json.loads(
        resources.files("onrecord.data").joinpath("dates_lexicon.json").read_text("utf-8")
    )
    return DatesLexicon(
        months=MappingProxyType(dict(raw["months"])),
        weekdays=MappingProxyType(dict(raw["weekdays"])),
        number_words=MappingProxyType(dict(raw["number_words"])),
        holidays=MappingProxyType(
            {k: tuple(map(int, v.split("-"))) for k, v in raw["holidays"].items()}  # type: ignore[misc]
        ),
        speech_event_nouns=frozenset(raw["speech_event_nouns"]),
        speech_event_preps=frozenset(raw["speech_event_preps"]),
        speech_frame_verbs=frozenset(raw["speech_frame_verbs"]),
        continuation_cues=frozenset(raw["continuation_cues"]),
    )
