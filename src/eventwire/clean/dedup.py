"""Near-duplicate articles (syndicated copies) found with MinHash and LSH over word shingles."""

from __future__ import annotations

import hashlib
import json
import re
import struct
from functools import cache

import numpy as np

from eventwire.models import Document

_WORD = re.compile(r"\w+")
_SHINGLE = 5  # words per shingle: long enough that unrelated articles rarely share one
_MIN_WORDS = 20  # shorter texts are too small for a meaningful resemblance estimate
_NUM_PERM = 128
_SEED = 1  # seed of the hash permutations: signatures saved by to_bytes() depend on it
_FORMAT = 2  # version of the to_bytes() layout (1 was a pickle of datasketch objects)
_MAGIC = b"EWND"


def shingles(text: str, size: int = _SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams of a text, as bytes ready for hashing."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Multipliers (odd) and offsets of the multiply-shift hash family, one pair per slot."""
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**63, size=_NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=_NUM_PERM, dtype=np.uint64)
    return a, b


def minhash(text: str) -> np.ndarray | None:
    """The MinHash signature (uint32 × 128) of a text, or None when it is too short to compare."""
    if len(_WORD.findall(text)) < _MIN_WORDS:
        return None
    found = shingles(text)
    if not found:
        return None
    digests = b"".join(hashlib.blake2b(s, digest_size=8).digest() for s in found)
    values = np.frombuffer(digests, dtype="<u8")
    a, b = _permutations()
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        hashed = values[:, None] * a[None, :] + b[None, :]
    return (hashed >> np.uint64(32)).astype(np.uint32).min(axis=0)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(first == second)) / _NUM_PERM


@cache
def bands_for(threshold: float) -> tuple[int, int]:
    """LSH bands and rows per band whose S-curve best separates pairs around `threshold`.

    Minimises the equally weighted areas of false positives (similarity below the threshold
    that still collide) and false negatives (above it that do not), as MinHash LSH usually does.
    """

    def area(bands: int, rows: int, low: float, high: float) -> tuple[float, float]:
        steps = 200
        width = (high - low) / steps
        xs = [low + (k + 0.5) * width for k in range(steps)]
        collide = [1.0 - (1.0 - x**rows) ** bands for x in xs]
        return sum(collide) * width, sum(1.0 - c for c in collide) * width

    best, best_error = (1, _NUM_PERM), float("inf")
    for bands in range(1, _NUM_PERM + 1):
        for rows in range(1, _NUM_PERM // bands + 1):
            false_pos = area(bands, rows, 0.0, threshold)[0]
            false_neg = area(bands, rows, threshold, 1.0)[1]
            error = 0.5 * false_pos + 0.5 * false_neg
            if error < best_error:
                best, best_error = (bands, rows), error
    return best


class NearDuplicateIndex:
    """Documents seen so far; says which earlier document a new one is a near-copy of."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        self.threshold = threshold
        self._bands, self._rows = bands_for(round(threshold, 6))
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(self._bands)]
        self._signatures: dict[str, np.ndarray] = {}  # insertion order is the order seen

    def __len__(self) -> int:
        return len(self._signatures)

    def check_and_add(self, doc: Document) -> str | None:
        """The id of the earliest indexed near-copy of `doc` (then not added), else None.

        A document whose text is too short to compare is neither matched nor added.
        Adding the same id twice is a no-op that returns None.
        """
        if doc.id in self._signatures:
            return None
        signature = minhash(doc.text)
        if signature is None:
            return None
        keys = self._band_keys(signature)
        candidates = {
            key for band, k in zip(self._buckets, keys, strict=True) for key in band.get(k, ())
        }
        matches = [
            key
            for key in candidates
            if similarity(self._signatures[key], signature) >= self.threshold
        ]
        if matches:
            order = {key: i for i, key in enumerate(self._signatures)}
            return min(matches, key=order.__getitem__)
        self._insert(doc.id, signature, keys)
        return None

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        r = self._rows
        return [signature[i * r : (i + 1) * r].tobytes() for i in range(self._bands)]

    def _insert(self, key: str, signature: np.ndarray, keys: list[bytes]) -> None:
        for band, k in zip(self._buckets, keys, strict=True):
            band.setdefault(k, []).append(key)
        self._signatures[key] = signature

    def to_bytes(self) -> bytes:
        """The whole index as bytes for a store to keep: a JSON header, then the signatures."""
        header = json.dumps(
            {
                "format": _FORMAT,
                "threshold": self.threshold,
                "num_perm": _NUM_PERM,
                "seed": _SEED,
                "ids": list(self._signatures),
            }
        ).encode()
        matrix = np.stack(list(self._signatures.values())) if self._signatures else None
        body = b"" if matrix is None else matrix.astype("<u4").tobytes()
        return _MAGIC + struct.pack("<I", len(header)) + header + body

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex:
        """An index saved by to_bytes(); ValueError for anything else."""
        if data[:4] != _MAGIC or len(data) < 8:
            raise ValueError("not a near-duplicate index (or one saved before format 2)")
        (size,) = struct.unpack("<I", data[4:8])
        header = json.loads(data[8 : 8 + size])
        if header.get("format") != _FORMAT:
            raise ValueError(f"near-duplicate index format {header.get('format')}; expected 2")
        if header.get("num_perm") != _NUM_PERM or header.get("seed") != _SEED:
            raise ValueError("near-duplicate index built with other hash permutations")
        ids = header["ids"]
        matrix = np.frombuffer(data[8 + size :], dtype="<u4")
        if matrix.size != len(ids) * _NUM_PERM:
            raise ValueError("near-duplicate index is truncated")
        index = cls(header["threshold"])
        for key, row in zip(ids, matrix.reshape(len(ids), _NUM_PERM), strict=True):
            signature = row.astype(np.uint32)
            index._insert(key, signature, index._band_keys(signature))
        return index
