"""The Store operations both SQL backends share; subclasses supply connections and dialect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import orjson

from eventwire.errors import StoreError
from eventwire.models import Document
from eventwire.store.base import EventPage, EventQuery, IngestResult, id_too_long
from eventwire.store.linking import Linking
from eventwire.store.query import RawEventPage, encode_cursor, order_page, page_sql, where
from eventwire.store.rows import EVENT_COLUMNS, Copy, dumps, event_row

_ITER_PAGE = 1000


class SQLStore(Linking):
    """Documents, reports and clustered events in SQL; the backends differ only in plumbing."""

    name = "sql"
    planner_hints = False  # SQLite: likelihood() hints in WHERE (see query.band_share)
    rowid_pages = False  # SQLite: pages read by rowid (see query.page_sql)

    # --- documents --------------------------------------------------------------------------
    def put_documents(self, documents: Sequence[Document]) -> IngestResult:
        """Store documents and cluster their events in one transaction; known ids are skipped.

        When the batch cannot be stored, each document is tried alone (each in its own
        transaction), so one bad document becomes an error in the result, not a lost batch.
        """
        try:
            return self._put_batch(documents)
        except (StoreError, TypeError, ValueError) as exc:
            if len(documents) == 1:
                return IngestResult(errors=[_document_error(documents[0], exc)])
        results = [self.put_documents([document]) for document in documents]
        return IngestResult(
            documents_new=sum(r.documents_new for r in results),
            documents_existing=sum(r.documents_existing for r in results),
            events_new=sum(r.events_new for r in results),
            events_merged=sum(r.events_merged for r in results),
            errors=[e for r in results for e in r.errors],
        )

    def _put_batch(self, documents: Sequence[Document]) -> IngestResult:
        totals = {"documents_new": 0, "documents_existing": 0, "events_new": 0, "events_merged": 0}
        with self._write():
            change = self._next_change()
            seen = self._stored_ids([d.id for d in documents])
            for document in documents:
                if document.id in seen:
                    totals["documents_existing"] += 1
                    continue
                seen.add(document.id)
                self._insert_document(document)
                totals["documents_new"] += 1
                reports = self._reports_of(document)
                if document.duplicate_of and not document.events:
                    reports = self._copied_reports(Copy.of(document), document.duplicate_of)
                for report in reports:
                    joined = self._add_report(report, change)
                    totals["events_merged" if joined else "events_new"] += 1
                # Copies stored before their original get its reports now.
                for copy in self._waiting_copies(document.id):
                    for report in self._copied_reports(copy, document.id):
                        self._add_report(report, change)
                        totals["events_merged"] += 1
        return IngestResult(
            documents_new=totals["documents_new"],
            documents_existing=totals["documents_existing"],
            events_new=totals["events_new"],
            events_merged=totals["events_merged"],
        )

    def _insert_document(self, document: Document) -> None:
        too_long = id_too_long(document.id)
        if too_long:
            raise ValueError(f"id is {too_long}")
        record = document.to_record(events=True, places=bool(document.places))
        self._execute(
            "INSERT INTO documents (id, published, outlet, url, duplicate_of, record) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                document.id,
                record["published"],
                document.outlet,
                document.url,
                document.duplicate_of,
                dumps(record),
            ),
        )

    def _stored_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows.fetchall())
        return found

    def has_document(self, document_id: str) -> bool:
        row = self._execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def get_document(self, document_id: str) -> dict[str, Any] | None:
        """The document record as stored, plus `event_ids`: the clustered events it reports."""
        row = self._execute("SELECT record FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = orjson.loads(row[0])
        events = self._execute(
            "SELECT DISTINCT event_id FROM reports WHERE document_id = ? ORDER BY event_id",
            (document_id,),
        ).fetchall()
        record["event_ids"] = [e[0] for e in events]
        return record

    # --- events -----------------------------------------------------------------------------
    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The event with its reports; an old id (a report of a merged event) resolves too."""
        row = self._execute("SELECT record FROM events WHERE event_id = ?", (event_id,)).fetchone()
        resolved_from = None
        if row is None:
            found = self._execute(
                "SELECT event_id FROM reports WHERE report_id = ?", (event_id,)
            ).fetchone()
            if found is None:
                return None
            resolved_from = event_id
            row = self._execute(
                "SELECT record FROM events WHERE event_id = ?", (found[0],)
            ).fetchone()
            if row is None:
                return None
        record: dict[str, Any] = orjson.loads(row[0])
        record["report_count"] = record.get("reports", 0)
        record["reports"] = self._report_details(record["event_id"])
        if resolved_from:
            record["resolved_from"] = resolved_from
        return record

    def _report_details(self, event_id: str) -> list[dict[str, Any]]:
        rows = self._execute(
            "SELECT r.report_id, r.document_id, r.grp, r.record, d.record FROM reports r "
            "JOIN documents d ON d.id = r.document_id WHERE r.event_id = ?",
            (event_id,),
        ).fetchall()
        details = []
        for report_id, document_id, group, payload, document_json in rows:
            event = orjson.loads(payload)["record"]
            document = orjson.loads(document_json)
            details.append(
                {
                    "report_id": report_id,
                    "document_id": document_id,
                    "duplicate_of": group if group != document_id else None,
                    "url": document.get("url"),
                    "outlet": document.get("outlet"),
                    "title": document.get("title"),
                    "published": document.get("published"),
                    "text": document.get("text"),
                    "event_date": event.get("event_date"),
                    "sub_event_type": event.get("sub_event_type"),
                    "location": event.get("location"),
                    "source": event.get("source"),
                    "fatalities": event.get("fatalities"),
                    "fatalities_low": event.get("fatalities_low"),
                    "fatalities_high": event.get("fatalities_high"),
                    "evidence": event.get("evidence") or [],
                }
            )
        details.sort(key=lambda d: (d["published"] or "9999-12-31", d["document_id"]))
        return details

    def query_events(self, query: EventQuery) -> EventPage:
        raw = self.query_events_raw(query)
        return EventPage(events=[orjson.loads(record) for record in raw.records], next=raw.next)

    def query_events_raw(self, query: EventQuery) -> RawEventPage:
        """The page of `query_events` with each event's JSON text as stored, not decoded.

        The API sends these straight to the client: a page of 100 events costs no JSON
        decoding and re-encoding (about half of the store's time per page).
        """
        sql, params, limit = page_sql(query, hints=self.planner_hints, rowid=self.rowid_pages)
        rows = self._execute(sql, params).fetchall()
        if self.rowid_pages:
            rows = order_page(rows)
        following = None
        if len(rows) > limit:
            last = rows[limit - 1]
            following = encode_cursor(last[0], last[1])
        return RawEventPage(records=[row[2] for row in rows[:limit]], next=following)

    def iter_events(self, query: EventQuery) -> Iterator[dict[str, Any]]:
        """Every matching event, newest first, fetched in keyset pages (no long-held cursor)."""
        page = replace(query, limit=_ITER_PAGE, cursor=None)
        while True:
            result = self.query_events(page)
            yield from result.events
            if result.next is None:
                return
            page = replace(page, cursor=result.next)

    def count_events(self, query: EventQuery) -> int:
        """How many events match the filters (limit and cursor ignored)."""
        clause, params = where(query, page=False, hints=self.planner_hints)
        return int(self._execute(f"SELECT COUNT(*) FROM events{clause}", params).fetchone()[0])

    def date_counts(self, query: EventQuery) -> list[tuple[dt.date, int]]:
        """Events per day matching the filters, oldest day first (limit and cursor ignored)."""
        clause, params = where(query, page=False, hints=self.planner_hints)
        rows = self._execute(
            f"SELECT event_date, COUNT(*) FROM events{clause} GROUP BY event_date "
            "ORDER BY event_date",
            params,
        ).fetchall()
        return [(dt.date.fromisoformat(day), int(n)) for day, n in rows]

    def load_events(self, records: Iterable[dict[str, Any]]) -> int:
        """Write event records as they are, without reports or clustering (bulk import)."""
        count = 0
        with self._write():
            change = self._next_change()
            batch: list[tuple[Any, ...]] = []
            for record in records:
                batch.append(event_row(record, change))
                if len(batch) >= 10_000:
                    count += self._load_rows(batch)
                    batch = []
            count += self._load_rows(batch)
        self._refresh_statistics()
        return count

    def _refresh_statistics(self) -> None:
        """After a bulk load: fresh planner statistics, so filters pick the right index."""
        self._execute("ANALYZE")

    def _load_rows(self, rows: list[tuple[Any, ...]]) -> int:
        if rows:
            self._executemany(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 13)})", rows
            )
        return len(rows)

    # --- change feed, state, counts ---------------------------------------------------------
    def change_number(self) -> int:
        """The latest change number alone: one indexed row, cheap enough for every request."""
        return int(self._execute("SELECT value FROM counters WHERE name = 'change'").fetchone()[0])

    def changes(self, after: int) -> tuple[int, list[str]]:
        latest = self.change_number()
        rows = self._execute(
            "SELECT event_id FROM events WHERE changed > ? ORDER BY changed, event_id", (after,)
        ).fetchall()
        return latest, [row[0] for row in rows]

    def get_state(self, namespace: str, key: str) -> str | None:
        row = self._execute(
            "SELECT value FROM state WHERE namespace = ? AND key = ?", (namespace, key)
        ).fetchone()
        return str(row[0]) if row else None

    def set_state(self, namespace: str, key: str, value: str) -> None:
        with self._write():
            self._execute(
                "INSERT INTO state (namespace, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value",
                (namespace, key, value),
            )

    def counts(self) -> dict[str, int]:
        documents = self._execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        events, reports = self._execute(
            "SELECT COUNT(*), COALESCE(SUM(reports), 0) FROM events"
        ).fetchone()
        return {"documents": int(documents), "events": int(events), "reports": int(reports)}


def _document_error(document: Document, exc: Exception) -> str:
    """One error line for a document that could not be stored."""
    message = exc.message if isinstance(exc, StoreError) else str(exc)
    return f"{document.origin or document.id}: cannot store: {message}"
