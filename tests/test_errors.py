"""Errors keep their subject and message across processes (pickling)."""

from __future__ import annotations

import pickle

from eventwire.errors import EventwireError, InputError, StoreError


def test_errors_survive_pickling() -> None:
    for error in (InputError("a.txt", "file is empty"), StoreError("x.db", "locked")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert (copy.subject, copy.message, str(copy)) == (
            error.subject,
            error.message,
            str(error),
        )
        assert isinstance(copy, EventwireError)
