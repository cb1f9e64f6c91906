"""Rows of eventwire's tables as Python values, and the plumbing each SQL backend provides."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from eventwire.cluster import Report, make_report
from eventwire.models import Document
from eventwire.store.query import key


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def event_row(record: dict[str, Any], changed: int) -> tuple[Any, ...]:
    """The events-table row for an event record (column order as in `_EVENT_COLUMNS`)."""
    actors = [record.get(k) for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")]
    actor_text = "\n".join(str(a).casefold() for a in actors if a)
    notes = str(record.get("notes") or "").casefold()
    search = "\n".join([notes, str(record.get("location") or "").casefold(), actor_text])
    return (
        record["event_id"],
        record["event_date"],
        key(record.get("country")) or "",
        key(record.get("admin1")),
        key(record.get("event_type")) or "",
        key(record.get("sub_event_type")) or "",
        float(record.get("latitude") or 0.0),
        float(record.get("longitude") or 0.0),
        actor_text,
        search,
        int(record.get("reports") or 1),
        changed,
        dumps(record),
    )


EVENT_COLUMNS = (
    "event_id, event_date, k_country, k_admin1, k_event_type, k_sub_event_type, latitude, "
    "longitude, actors, search, reports, changed, record"
)
REPORT_COLUMNS = "report_id, document_id, grp, event_id, record"
BLOCK_COLUMNS = (
    "k_country, event_date, latitude, longitude, time_precision, geo_precision, sub_event_type"
)


class Plumbing:
    """What a backend supplies: statements, a write transaction, change numbers."""

    _lock: threading.RLock
    _depth: int  # how many `_write` blocks are open in this store's transaction

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """A write transaction that holds the store's single-writer lock; nested calls join it."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                with self._transaction():
                    self._depth = 1
                    yield
            finally:
                self._depth = 0

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        """The backend's outermost write transaction (commits on success, rolls back on error)."""
        raise NotImplementedError

    def _next_change(self) -> int:
        """The change number of the current write transaction (callers hold the write lock)."""
        row = self._execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value"
        ).fetchone()
        return int(row[0])

    def close(self) -> None:
        raise NotImplementedError


def iso_day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def report_payload(report: Report) -> dict[str, Any]:
    return {
        "record": report.record,
        "published": report.published,
        "outlet": report.outlet,
        "url": report.url,
    }


@dataclass(frozen=True, slots=True)
class Copy:
    """What a syndicated copy contributes to its original's reports."""

    id: str
    published: str | None
    outlet: str | None
    url: str | None

    @classmethod
    def of(cls, document: Document) -> Copy:
        published = document.published.isoformat() if document.published else None
        return cls(document.id, published, document.outlet, document.url)


class StoredReport:
    """A reports-table row: the report and the event it currently belongs to."""

    __slots__ = ("event_id", "report")

    def __init__(self, report: Report, event_id: str) -> None:
        self.report = report
        self.event_id = event_id

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> StoredReport:
        report_id, document_id, group, event_id, payload = row
        data = orjson.loads(payload)
        report = make_report(
            data["record"],
            report_id=report_id,
            document_id=document_id,
            duplicate_of=group if group != document_id else None,
            published=data.get("published"),
            outlet=data.get("outlet"),
            url=data.get("url"),
        )
        return cls(report, event_id)
