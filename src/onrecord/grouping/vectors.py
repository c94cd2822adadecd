"""Sentence vectors for claims: computed per article in the workers, remembered in the writer.

The claims stage compares statements sentence by sentence with sentence
embeddings (`claims`). Encoding is most of its cost, and it needs nothing but
the quote's own words, so it can be a per-article stage: `embed_results` gives
each `ArticleResult` the vectors of its quotes' sentences
(``ArticleResult.sentence_vectors``), in the worker processes of
``ingest --workers N``, and the claims stage in the main process looks them up
in a `SentenceVectors` instead of running the model. Whatever is missing (a
library caller's results, a statement that gained an older report) is encoded
there as before, so the claims are the same either way.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from onrecord.model import ArticleResult, Quote, Rejected

__all__ = ["SentenceVectors", "default_vectors", "embed_results", "quote_sentences"]

#: Sentences remembered by a `SentenceVectors` (about 1.6 kB each): those of
#: the last few batches, enough for a statement that gains a report soon after.
CAPACITY = 8192


def quote_sentences(quote: Quote) -> list[str]:
    """The sentences of a quote the claims stage may compare (`claims.text_sentences`).

    A statement's sentences are drawn from the texts of its quotes (its own
    wording is one of them, cleaned), so the vectors of every quote's sentences
    cover every statement. A quote with no speaker, neither as written nor
    resolved, makes no statement: none. (One with only a role as written, "the
    minister", may: the people stage can tell who holds the role.)
    """
    from onrecord.grouping.claims import text_sentences

    if not (quote.speaker or "").strip() and not (quote.speaker_text or "").strip():
        return []
    return text_sentences([quote.text])


def _as_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


class SentenceVectors:
    """An embedder (texts → unit vectors) that remembers vectors by sentence.

    It is given the vectors computed in the workers (`add_results`), keeps
    those it computes, and encodes only sentences it does not hold, with the
    model (``"auto"``: `claims.load_embedder`, loaded at the first miss) or the
    embedder given. At most `CAPACITY` sentences are kept, the least recently
    used dropped first, so memory does not grow with the archive.
    """

    def __init__(self, embedder: Any = "auto", capacity: int = CAPACITY) -> None:
        self._embedder = embedder
        self.capacity = capacity
        self._known: OrderedDict[str, np.ndarray] = OrderedDict()
        self.given = 0  # vectors received from the workers
        self.encoded = 0  # sentences this process encoded

    def model(self) -> Any:
        """The embedder used for misses (None without the semantic extra)."""
        if self._embedder == "auto":
            from onrecord.grouping.claims import load_embedder

            self._embedder = load_embedder()
        return self._embedder

    def available(self) -> bool:
        """True when sentences can be embedded: vectors were given, or the model loads."""
        return self.given > 0 or self.model() is not None

    def _remember(self, sentence: str, vector: np.ndarray) -> None:
        self._known[sentence] = vector
        self._known.move_to_end(sentence)
        while len(self._known) > self.capacity:
            self._known.popitem(last=False)

    def add(self, pairs: Iterable[tuple[str, bytes]]) -> None:
        """Remember ``(sentence, float32 vector bytes)`` pairs computed elsewhere."""
        for sentence, data in pairs:
            self._remember(sentence, np.frombuffer(data, dtype=np.float32))
            self.given += 1

    def add_results(self, results: Iterable[ArticleResult]) -> None:
        """Remember the sentence vectors the workers attached to ``results``."""
        for result in results:
            self.add(result.sentence_vectors)

    def holds(self, texts: Sequence[str]) -> bool:
        """True when every text's vector is known (embedding them costs nothing)."""
        return all(t in self._known for t in texts)

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (a row each), encoding only unknown texts."""
        found: dict[str, np.ndarray] = {}
        unknown: dict[str, None] = {}  # in order, once each
        for text in texts:
            if text in found:
                continue
            vector = self._known.get(text)
            if vector is None:
                unknown[text] = None
            else:
                self._known.move_to_end(text)
                found[text] = vector
        missing = list(unknown)
        if missing:
            model = self.model()
            if model is None:
                raise RuntimeError("sentence vectors needed but the semantic extra is missing")
            for text, vector in zip(missing, np.asarray(model(missing)), strict=True):
                vector = np.asarray(vector, dtype=np.float32)
                found[text] = vector
                self._remember(text, vector)
            self.encoded += len(missing)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[t] for t in texts])


def embed_results(
    results: Sequence[ArticleResult | Rejected], embedder: Any = "auto"
) -> list[ArticleResult | Rejected]:
    """The results with the vectors of their quotes' sentences attached (one encode call).

    ``embedder``: ``"auto"`` loads the semantic model; without the extra (None)
    the results are returned unchanged, and the claims stage falls back (and
    says so) as it would anyway.
    """
    if embedder == "auto":
        from onrecord.grouping.claims import load_embedder

        embedder = load_embedder(notice=False)
    results = list(results)
    if embedder is None:
        return results
    per_result: list[list[str]] = []
    distinct: dict[str, None] = {}
    for result in results:
        sentences: dict[str, None] = {}
        if isinstance(result, ArticleResult):
            for quote in result.quotes:
                sentences.update(dict.fromkeys(quote_sentences(quote)))
        per_result.append(list(sentences))
        distinct.update(sentences)
    if not distinct:
        return results
    flat = list(distinct)
    vectors = dict(zip(flat, np.asarray(embedder(flat)), strict=True))
    return [
        replace(result, sentence_vectors=tuple((s, _as_bytes(vectors[s])) for s in sentences))
        if isinstance(result, ArticleResult) and sentences
        else result
        for result, sentences in zip(results, per_result, strict=True)
    ]


_DEFAULT: SentenceVectors | None = None


def default_vectors() -> SentenceVectors:
    """The process's `SentenceVectors` over the semantic model (``update_claims``'s "auto")."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SentenceVectors()
    return _DEFAULT
