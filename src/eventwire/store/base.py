"""The Store protocol every backend implements, and the query/result records it speaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.models import Document

# The longest document id (in UTF-8 bytes) a store keeps, on every backend alike. PostgreSQL
# refuses index entries over about 2,700 bytes, and a syndicated copy's report id joins two
# document ids; SQLite has no such limit, but an id one store refuses the other must too.
MAX_ID_BYTES = 1000


def id_too_long(doc_id: str) -> str | None:
    """Why an id is too long to store ("N bytes in UTF-8; at most ..."), or None when it fits."""
    size = len(doc_id.encode("utf-8", errors="surrogatepass"))
    if size <= MAX_ID_BYTES:
        return None
    return f"{size} bytes in UTF-8; at most {MAX_ID_BYTES}"


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters shared by `eventwire events`, the HTTP API and the dashboard."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1/actor2/assoc actors, case-insensitive
    bbox: tuple[float, float, float, float] | None = None  # W, S, E, N
    q: str | None = None  # free text over notes, location, actors
    limit: int = 100
    cursor: str | None = None  # opaque, from EventPage.next


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[dict[str, Any]]  # event records (contract Event shape + `reports` count)
    next: str | None


@dataclass(frozen=True, slots=True)
class IngestResult:
    documents_new: int = 0
    documents_existing: int = 0  # already stored: not stored again
    events_new: int = 0
    events_merged: int = 0  # reports that joined an existing event
    errors: list[str] = field(default_factory=list)


class Store(Protocol):
    """A place to keep documents and clustered events. SQLite and PostgreSQL implement it."""

    def put_documents(self, documents: Sequence[Document]) -> IngestResult:
        """Store documents with their events in one transaction; known ids are skipped."""
        ...

    def has_document(self, document_id: str) -> bool: ...

    def get_document(self, document_id: str) -> dict[str, Any] | None:
        """The document record (contract shape) with its extracted events."""
        ...

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The event with `reports`: each document's id, url, outlet, published, text, evidence.

        An id of an event that was merged into another resolves to the surviving event.
        """
        ...

    def query_events(self, query: EventQuery) -> EventPage: ...

    def iter_events(self, query: EventQuery) -> Iterator[dict[str, Any]]:
        """Every event matching the filters (ignores limit/cursor), for export."""
        ...

    def changes(self, after: int) -> tuple[int, list[str]]:
        """(latest change number, ids of events created or changed after `after`).

        Change numbers only grow; the dashboard polls this to push new events live.
        """
        ...

    def get_state(self, namespace: str, key: str) -> str | None:
        """Small durable key-value state (API token hashes, feed ETags, fetched URLs)."""
        ...

    def set_state(self, namespace: str, key: str, value: str) -> None: ...

    def counts(self) -> dict[str, int]:
        """{"documents": n, "events": n, "reports": n}."""
        ...

    def close(self) -> None: ...
