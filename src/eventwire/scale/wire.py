"""Errors across process boundaries: eventwire's errors as plain records and back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from eventwire import errors
from eventwire.errors import EventwireError


@dataclass(frozen=True, slots=True)
class WireError:
    """An EventwireError as a picklable record (the exceptions take two arguments, so the
    default exception pickling, which replays `args`, cannot rebuild them)."""

    kind: str
    subject: str
    message: str
    fatal: bool = False

    @classmethod
    def of(cls, exc: EventwireError, fatal: bool = False) -> WireError:
        return cls(type(exc).__name__, exc.subject, exc.message, fatal)

    def rebuild(self) -> EventwireError:
        kind = getattr(errors, self.kind, EventwireError)
        if not (isinstance(kind, type) and issubclass(kind, EventwireError)):
            kind = EventwireError
        return kind(self.subject, self.message)


def to_wire(item: object) -> object:
    """The item, with an EventwireError replaced by its WireError."""
    return WireError.of(item) if isinstance(item, EventwireError) else item


def unwire(item: Any) -> Any:
    """The item, with a WireError rebuilt; a fatal one is raised."""
    if isinstance(item, WireError):
        if item.fatal:
            raise_wired(item)
        return item.rebuild()
    return item


def raise_wired(error: WireError) -> NoReturn:
    raise error.rebuild()
