"""Document ids up to MAX_ID_BYTES are stored and found on both backends; longer ones refused."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from eventwire.models import Document
from eventwire.store.base import MAX_ID_BYTES


def incompressible_id(size: int) -> str:
    """An id of `size` ASCII characters that PostgreSQL cannot compress into its index."""
    digits = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(size // 64 + 1))
    return digits[:size]


def test_the_longest_id_is_stored_and_found(store: Any, document: Callable[..., Document]) -> None:
    ascii_id = incompressible_id(MAX_ID_BYTES)
    wide_id = "é" * (MAX_ID_BYTES // 2)  # two bytes each in UTF-8
    result = store.put_documents([document(ascii_id), document(wide_id)])
    assert (result.documents_new, result.errors) == (2, [])
    assert store.get_document(ascii_id)["id"] == ascii_id
    assert store.get_document(wide_id)["id"] == wide_id


def test_a_longer_id_is_refused_alike_and_the_rest_stored(
    store: Any, document: Callable[..., Document], event: Callable[..., Any]
) -> None:
    too_long = [incompressible_id(MAX_ID_BYTES + 1), incompressible_id(3000), "ж" * 501]
    batch = [document(doc_id, origin=f"in.jsonl:{n}") for n, doc_id in enumerate(too_long, 1)]
    result = store.put_documents([*batch, document("short", event("ev-short"))])
    assert result.documents_new == 1 and store.get_document("short") is not None
    assert result.errors == [
        f"in.jsonl:{n}: cannot store: id is {len(doc_id.encode())} bytes in UTF-8; "
        f"at most {MAX_ID_BYTES}"
        for n, doc_id in enumerate(too_long, 1)
    ]
    assert store.counts()["documents"] == 1
