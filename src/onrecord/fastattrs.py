"""The attribute ruler and lemmatizer of the English pipeline, memoised per token.

In ``en_core_web_sm`` the two rule components cost about a fifth of the pipeline:
the attribute ruler runs 179 matcher patterns over every token and sets
attributes match by match, and the lemmatizer is a Python call per token. Their
output for a token depends only on the token (text, tag, dependency label) and,
for a handful of two-token patterns ("gon na", "let 's", expletive "there is"),
on a neighbour that such a pattern could match. `FastAttributes` keys a cache on
exactly that, and computes a missing entry by running the real components on the
token with those neighbours, so its output is the real components' output: a
test compares them token by token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["FAST_ATTRIBUTES", "FastAttributes", "use_fast_attributes"]

#: The name of the component that stands in for ``attribute_ruler`` and ``lemmatizer``.
FAST_ATTRIBUTES = "onrecord_fast_attributes"
_SEPARATOR = ("§", "NFP", "punct")  # matches no two-token pattern (checked at build time)
#: Cached tokens at most (about 400 bytes each); the cache starts over when full, so a
#: long run's memory stays bounded (some 40 MB).
MAX_CACHED = 100_000

Key = tuple[int, int, int, Any, Any]
Value = tuple[int, int, int, int, int]  # pos, morph, lemma, tag, dep


def _value_test(spec: Any) -> Callable[[Any], bool]:
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = set(spec["IN"])
            return lambda v: v in allowed
        if set(spec) == {"NOT_IN"}:
            banned = set(spec["NOT_IN"])
            return lambda v: v not in banned
        if set(spec) == {"REGEX"}:
            pattern = re.compile(spec["REGEX"])
            return lambda v: bool(pattern.search(v))
        raise ValueError(f"unsupported pattern value {spec!r}")
    return lambda v: v == spec


def _token_test(spec: dict[str, Any]) -> Callable[[str, str, str, bool], bool]:
    tests = []
    for attr, value in spec.items():
        index = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}.get(attr)
        if index is None:
            raise ValueError(f"unsupported pattern attribute {attr!r}")
        tests.append((index, _value_test(value)))
    return lambda *features: all(test(features[i]) for i, test in tests)


class FastAttributes:
    """``attribute_ruler`` then ``lemmatizer``, with their per-token results cached."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.vocab = ruler.vocab
        self._cache: dict[Key, Value] = {}
        self._relevant: dict[tuple[int, int, int], bool] = {}
        # every token of a pattern longer than one token: a neighbour matching one of
        # these may change a token's attributes
        self._context_tests = [
            _token_test(spec)
            for entry in ruler.patterns
            for pattern in entry["patterns"]
            if len(pattern) > 1
            for spec in pattern
        ]
        if any(
            test(_SEPARATOR[0], _SEPARATOR[1], _SEPARATOR[2], False) for test in self._context_tests
        ):
            raise ValueError("the separator token matches a pattern")

    def _is_context(self, orth: int, tag: int, dep: int) -> bool:
        key = (orth, tag, dep)
        found = self._relevant.get(key)
        if found is None:
            strings = self.vocab.strings
            text = strings[orth]
            features = (
                text.lower(),
                strings[tag] if tag else "",
                strings[dep] if dep else "",
                text.isspace(),
            )
            found = any(test(*features) for test in self._context_tests)
            self._relevant[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, morphology and lemma (and the ruler's tag and label fixes) on ``doc``."""
        n = len(doc)
        if n == 0:
            return doc
        array = doc.to_array([ORTH, TAG, DEP])
        rows = [tuple(r) for r in array.tolist()]
        context = [self._is_context(*r) for r in rows]
        keys: list[Key] = []
        for i, (orth, tag, dep) in enumerate(rows):
            before = rows[i - 1] if i > 0 and context[i - 1] else None
            after = rows[i + 1] if i + 1 < n and context[i + 1] else None
            keys.append((orth, tag, dep, before, after))
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            if len(self._cache) + len(missing) > MAX_CACHED:
                self._cache.clear()
                self._relevant.clear()
                # every key of this doc is missing now, not only the new ones
                missing = list(dict.fromkeys(keys))
            self._learn(missing)
        cache = self._cache
        values = np.array([cache[k] for k in keys], dtype=np.uint64)
        doc.from_array([POS, MORPH, LEMMA], values[:, :3])
        for i in np.flatnonzero((values[:, 3] != array[:, 1]) | (values[:, 4] != array[:, 2])):
            token = doc[int(i)]
            token.tag = int(values[i, 3])
            token.dep = int(values[i, 4])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of documents."""
        for doc in docs:
            yield self(doc)

    def _learn(self, keys: list[Key]) -> None:
        """Run the real components over each key's token (with its neighbours), in one Doc."""
        strings = self.vocab.strings
        words: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        targets: list[int] = []
        sep_word, sep_tag, sep_dep = _SEPARATOR
        for orth, tag, dep, before, after in keys:
            if before is not None:
                words.append(strings[before[0]])
                tags.append(strings[before[1]] if before[1] else "")
                deps.append(strings[before[2]] if before[2] else "")
            targets.append(len(words))
            words.append(strings[orth])
            tags.append(strings[tag] if tag else "")
            deps.append(strings[dep] if dep else "")
            if after is not None:
                words.append(strings[after[0]])
                tags.append(strings[after[1]] if after[1] else "")
                deps.append(strings[after[2]] if after[2] else "")
            words.append(sep_word)
            tags.append(sep_tag)
            deps.append(sep_dep)
        doc = Doc(
            self.vocab,
            words=words,
            spaces=[False] * len(words),
            tags=[t or None for t in tags],
            deps=[d or None for d in deps],
            heads=list(range(len(words))),
        )
        doc = self.lemmatizer(self.ruler(doc))
        out = doc.to_array([POS, MORPH, LEMMA, TAG, DEP])
        for key, i in zip(keys, targets, strict=True):
            self._cache[key] = tuple(int(v) for v in out[i])  # type: ignore[assignment]


@Language.factory(FAST_ATTRIBUTES)
def _make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def use_fast_attributes(nlp: Language) -> Language:
    """Put `FastAttributes` after the lemmatizer and disable the two components it replaces."""
    nlp.add_pipe(FAST_ATTRIBUTES, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
