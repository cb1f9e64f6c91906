"""Near-duplicate articles (syndicated copies) found with MinHash and LSH over word shingles."""

from __future__ import annotations

import pickle
import re

from datasketch import MinHash, MinHashLSH

from eventwire.models import Document

_WORD = re.compile(r"\w+")
_SHINGLE = 5  # words per shingle: long enough that unrelated articles rarely share one
_MIN_WORDS = 20  # shorter texts are too small for a meaningful resemblance estimate
_NUM_PERM = 128
_FORMAT = 1  # version of the to_bytes() layout


def shingles(text: str, size: int = _SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams of a text, as bytes ready for hashing."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash | None:
    """The MinHash signature of a text, or None when it is too short to compare."""
    if len(_WORD.findall(text)) < _MIN_WORDS:
        return None
    signature = MinHash(num_perm=_NUM_PERM)
    signature.update_batch(list(shingles(text)))
    return signature


class NearDuplicateIndex:
    """Documents seen so far; says which earlier document a new one is a near-copy of."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=_NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

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
        matches = [
            key
            for key in self._lsh.query(signature)
            if self._signatures[key].jaccard(signature) >= self.threshold
        ]
        if matches:
            return min(matches, key=self._order.__getitem__)
        self._lsh.insert(doc.id, signature)
        self._signatures[doc.id] = signature
        self._order[doc.id] = len(self._order)
        return None

    def to_bytes(self) -> bytes:
        """The whole index as bytes for a store to keep (load only bytes you wrote)."""
        state = (_FORMAT, self.threshold, self._lsh, self._signatures, self._order)
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex:
        """An index saved by to_bytes()."""
        version, threshold, lsh, signatures, order = pickle.loads(data)
        if version != _FORMAT:
            raise ValueError(f"near-duplicate index format {version}; expected {_FORMAT}")
        index = cls(threshold)
        index._lsh, index._signatures, index._order = lsh, signatures, order
        return index
