"""MinHash signatures and LSH band keys, in memory or kept in the store.

Signatures are datasketch's (`datasketch.MinHash`, same seed, same hash, same
permutations), computed for a whole set with one ``update_batch`` (one array
operation over all its tokens): about 1 µs a token, where hashing tokens one
``update`` at a time cost about 30 µs, and nothing is cached, so memory does
not grow with the vocabulary of the archive.

A band key is a 63-bit hash of ``(salt, band number, the band's values)``. The
salt narrows who may collide: statements salt with the speaker and a time block,
so a quote only ever meets quotes of the same person from nearby days. Keys fit
a signed 64-bit column, so the store keeps ``(band, bucket) → item`` rows in a
plain indexed table (`StoreLSH`) and a new item looks up only its own buckets.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from datasketch import MinHash

from onrecord.store import Store

__all__ = ["MemoryLSH", "StoreLSH", "TokenMinHasher", "band_keys"]

_MASK63 = (1 << 63) - 1


class TokenMinHasher:
    """MinHash signatures of token sets, those of ``datasketch.MinHash`` with one seed."""

    def __init__(self, num_perm: int, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.seed = seed
        self._empty = MinHash(num_perm=num_perm, seed=seed)

    def signature(self, tokens: Iterable[str]) -> np.ndarray | None:
        """The signature of the set of ``tokens``, or None for an empty set."""
        distinct = set(tokens)
        if not distinct:
            return None
        return self.datasketch(distinct).hashvalues

    def datasketch(self, tokens: Iterable[str]) -> MinHash:
        """The same signature computed by datasketch itself (for checking)."""
        minhash = self._empty.copy()
        minhash.update_batch([t.encode("utf-8") for t in set(tokens)])
        return minhash


_MIX = np.uint64(0x9E3779B97F4A7C15)
_FOLD = np.uint64(0x100000001B3)


def _salt_hash(salt: str) -> int:
    return int.from_bytes(hashlib.blake2b(salt.encode("utf-8"), digest_size=8).digest(), "little")


def band_keys(signature: np.ndarray, rows: int, salt: str) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs of a signature split into bands of ``rows`` values.

    The bucket mixes a hash of the salt, the band number and the band's values
    with fixed 64-bit arithmetic (the same on every run and machine), then keeps
    63 bits so it fits a signed BIGINT column.
    """
    bands = len(signature) // rows
    values = signature[: bands * rows].astype(np.uint64).reshape(bands, rows)
    acc = np.full(bands, _salt_hash(salt), dtype=np.uint64)
    acc ^= np.arange(bands, dtype=np.uint64) << np.uint64(40)
    for column in range(rows):
        acc = (acc * _FOLD) ^ values[:, column]
    acc *= _MIX
    acc ^= acc >> np.uint64(29)
    keys = (acc & np.uint64(_MASK63)).tolist()
    return list(enumerate(keys))


class MemoryLSH:
    """Buckets in a dict: for one-off runs and the benchmark."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[Any]] = defaultdict(list)

    def insert(self, item: Any, keys: Sequence[tuple[int, int]]) -> None:
        """File ``item`` under each of its keys."""
        for _, bucket in keys:
            self._buckets[bucket].append(item)

    def query(self, keys: Sequence[tuple[int, int]]) -> set[Any]:
        """Every item sharing at least one key."""
        found: set[Any] = set()
        for _, bucket in keys:
            found.update(self._buckets.get(bucket, ()))
        return found


class StoreLSH:
    """Buckets in a store table ``(band, bucket, item_id)`` indexed on ``bucket``."""

    def __init__(self, store: Store, table: str) -> None:
        self.store = store
        self.table = table

    def insert(self, item: str, keys: Sequence[tuple[int, int]]) -> None:
        """File ``item`` under each of its keys (idempotent)."""
        self.store.executemany(
            f"INSERT INTO {self.table} (band, bucket, item_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(band, bucket, item) for band, bucket in keys],
        )

    def query(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Every stored item sharing at least one key."""
        rows = self.store.query_in(
            f"SELECT DISTINCT item_id FROM {self.table} WHERE bucket IN ({{marks}})",
            sorted({bucket for _, bucket in keys}),
        )
        return {r["item_id"] for r in rows}

    def clear(self) -> None:
        """Forget every bucket."""
        self.store.execute(f"DELETE FROM {self.table}")
