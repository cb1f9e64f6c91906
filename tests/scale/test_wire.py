"""Errors cross process boundaries intact: class, subject and message."""

from __future__ import annotations

import pickle

import pytest

from eventwire.errors import InputError, ModelError
from eventwire.scale.wire import WireError, to_wire, unwire


def test_input_error_round_trip_through_pickle() -> None:
    wired = pickle.loads(pickle.dumps(to_wire(InputError("a.jsonl:3", "invalid JSON"))))
    error = unwire(wired)
    assert isinstance(error, InputError)
    assert (error.subject, error.message) == ("a.jsonl:3", "invalid JSON")


def test_fatal_error_is_raised_as_its_own_class() -> None:
    wired = pickle.loads(pickle.dumps(WireError.of(ModelError("en_x", "not installed"), True)))
    with pytest.raises(ModelError, match="en_x: not installed"):
        unwire(wired)


def test_other_values_pass_unchanged() -> None:
    assert unwire(to_wire("text")) == "text"


def test_unknown_error_kind_becomes_the_base_error() -> None:
    error = unwire(WireError("NotAnError", "x", "y"))
    assert type(error).__name__ == "EventwireError"
    assert str(error) == "x: y"
