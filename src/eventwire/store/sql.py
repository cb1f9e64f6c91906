"""The Store operations both SQL backends share; subclasses supply connections and dialect."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import orjson

from eventwire.cluster import Report, cluster_reports, compatible, event_record, make_report
from eventwire.cluster.rules import DISTANCE_TOLERANCE_KM, MAX_DATE_TOLERANCE_DAYS, near
from eventwire.models import Document
from eventwire.store.base import EventPage, EventQuery, IngestResult
from eventwire.store.query import encode_cursor, key, page_sql, where

# Degrees of latitude that cover the largest clustering distance (1 degree is ~111 km).
_LATITUDE_WINDOW = max(DISTANCE_TOLERANCE_KM.values()) / 111.0 + 0.01
_ITER_PAGE = 1000


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
_REPORT_COLUMNS = "report_id, document_id, grp, event_id, record"
_BLOCK_COLUMNS = (
    "k_country, event_date, latitude, longitude, time_precision, geo_precision, sub_event_type"
)


class SQLStore:
    """Documents, reports and clustered events in SQL; the backends differ only in plumbing."""

    name = "sql"

    # --- plumbing a backend provides -------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _write(self) -> contextlib.AbstractContextManager[None]:
        """A write transaction that holds the store's single-writer lock."""
        raise NotImplementedError

    def _next_change(self) -> int:
        """The change number of the current write transaction (callers hold the write lock)."""
        row = self._execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value"
        ).fetchone()
        return int(row[0])

    def close(self) -> None:
        raise NotImplementedError

    # --- documents --------------------------------------------------------------------------
    def put_documents(self, documents: Sequence[Document]) -> IngestResult:
        """Store documents and cluster their events in one transaction; known ids are skipped."""
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
                    reports = self._copied_reports(_Copy.of(document), document.duplicate_of)
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

    def _reports_of(self, document: Document) -> list[Report]:
        """The document's events as reports, each with an id no other report has."""
        published = document.published.isoformat() if document.published else None
        reports: list[Report] = []
        for index, event in enumerate(document.events):
            report_id = event.event_id or f"{document.id}:{index}"
            if self._report_exists(report_id) or any(r.report_id == report_id for r in reports):
                report_id = f"{document.id}:{index}:{report_id}"
            reports.append(
                make_report(
                    event.to_record(),
                    report_id=report_id,
                    document_id=document.id,
                    duplicate_of=document.duplicate_of,
                    published=published,
                    outlet=document.outlet,
                    url=document.url,
                )
            )
        return reports

    def _copied_reports(self, copy: _Copy, original_id: str) -> list[Report]:
        """A syndicated copy's reports: its original's, under the copy's id and metadata.

        They join the original's events (identical reports always link) and share its group,
        so the copy shows among the event's reports without counting as another report.
        """
        rows = self._execute(
            f"SELECT {_REPORT_COLUMNS} FROM reports WHERE document_id = ?", (original_id,)
        ).fetchall()
        reports = []
        for row in rows:
            original = _Stored.from_row(row).report
            reports.append(
                replace(
                    original,
                    report_id=f"{copy.id}:{original.report_id}",
                    document_id=copy.id,
                    order_key=f"{copy.published or '9999-12-31'}|{copy.id}|{original.report_id}",
                    published=copy.published,
                    outlet=copy.outlet,
                    url=copy.url,
                )
            )
        return reports

    def _waiting_copies(self, original_id: str) -> list[_Copy]:
        """Stored copies of this document that arrived before it and so have no reports yet."""
        rows = self._execute(
            "SELECT d.id, d.published, d.outlet, d.url FROM documents d WHERE d.duplicate_of = ? "
            "AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.document_id = d.id)",
            (original_id,),
        ).fetchall()
        return [_Copy(*row) for row in rows]

    def _report_exists(self, report_id: str) -> bool:
        row = self._execute("SELECT 1 FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        return row is not None

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
        row = self._execute("SELECT record FROM documents WHERE id = ?", (document_id,)).fetchone()
        return orjson.loads(row[0]) if row else None

    # --- clustering -------------------------------------------------------------------------
    def _add_report(self, report: Report, change: int) -> bool:
        """Insert a report and merge every event it links to; True if it joined one."""
        linked = {
            event_id for event_id, other in self._candidates(report) if compatible(report, other)
        }
        members = [report]
        for event_id in sorted(linked):
            members.extend(self._members(event_id))
        record = event_record(members)
        self._execute(
            f"INSERT INTO reports ({_REPORT_COLUMNS}, {_BLOCK_COLUMNS}) "
            f"VALUES ({', '.join('?' * 12)})",
            (
                report.report_id,
                report.document_id,
                report.group,
                record["event_id"],
                dumps(_report_payload(report)),
                key(report.country) or "",
                report.event_date.isoformat(),
                report.latitude,
                report.longitude,
                report.time_precision,
                report.geo_precision,
                report.sub_event_type,
            ),
        )
        for event_id in sorted(linked - {record["event_id"]}):
            self._execute(
                "UPDATE reports SET event_id = ? WHERE event_id = ?", (record["event_id"], event_id)
            )
            self._execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        self._execute("DELETE FROM events WHERE event_id = ?", (record["event_id"],))
        self._execute(
            f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 13)})",
            event_row(record, change),
        )
        return bool(linked)

    def _candidates(self, report: Report) -> Iterator[tuple[str, Report]]:
        """(event id, report) for stored reports near enough in type, date and place.

        The index narrows by country, date and latitude; the stored columns rule out the rest
        before any report's JSON is parsed.
        """
        low = report.event_date.toordinal() - MAX_DATE_TOLERANCE_DAYS
        high = report.event_date.toordinal() + MAX_DATE_TOLERANCE_DAYS
        rows = self._execute(
            f"SELECT report_id, document_id, event_id, {_BLOCK_COLUMNS} FROM reports "
            "WHERE k_country = ? AND event_date BETWEEN ? AND ? AND latitude BETWEEN ? AND ?",
            (
                key(report.country) or "",
                _iso(low),
                _iso(high),
                report.latitude - _LATITUDE_WINDOW,
                report.latitude + _LATITUDE_WINDOW,
            ),
        ).fetchall()
        wanted: dict[str, str] = {}
        for row in rows:
            report_id, document_id, event_id, _, day, lat, lon, tp, gp, sub = row
            light = replace(
                report,
                report_id=report_id,
                document_id=document_id,
                event_date=dt.date.fromisoformat(day),
                latitude=lat,
                longitude=lon,
                time_precision=tp,
                geo_precision=gp,
                sub_event_type=sub,
                record={},  # unknown until parsed: the cheap test only gets looser
            )
            if near(report, light):
                wanted[report_id] = event_id
        if not wanted:
            return
        for stored in self._reports_by_id(sorted(wanted)):
            yield wanted[stored.report.report_id], stored.report

    def _reports_by_id(self, report_ids: list[str]) -> Iterator[_Stored]:
        for start in range(0, len(report_ids), 500):
            chunk = report_ids[start : start + 500]
            rows = self._execute(
                f"SELECT {_REPORT_COLUMNS} FROM reports "
                f"WHERE report_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            yield from (_Stored.from_row(row) for row in rows)

    def _members(self, event_id: str) -> list[Report]:
        rows = self._execute(
            f"SELECT {_REPORT_COLUMNS} FROM reports WHERE event_id = ?", (event_id,)
        ).fetchall()
        return [_Stored.from_row(row).report for row in rows]

    def recluster(self) -> dict[str, int]:
        """Rebuild every event from the stored reports under the current rules.

        For after a rules change: events may merge or split. Ids stay those of each event's
        earliest report, and any old id still resolves (to the event its report is now in).
        Holds all reports in memory and the write lock for the whole rebuild.
        """
        with self._write():
            change = self._next_change()
            before = int(self._execute("SELECT COUNT(*) FROM events").fetchone()[0])
            rows = self._execute(f"SELECT {_REPORT_COLUMNS} FROM reports").fetchall()
            reports = [_Stored.from_row(row).report for row in rows]
            self._execute("DELETE FROM events")
            clusters = cluster_reports(reports)
            for members in clusters:
                record = event_record(members)
                self._executemany(
                    "UPDATE reports SET event_id = ? WHERE report_id = ?",
                    [(record["event_id"], r.report_id) for r in members],
                )
                self._execute(
                    f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 13)})",
                    event_row(record, change),
                )
        return {"events_before": before, "events_after": len(clusters), "reports": len(reports)}

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
        sql, params, limit = page_sql(query)
        rows = self._execute(sql, params).fetchall()
        events = [orjson.loads(row[2]) for row in rows[:limit]]
        following = None
        if len(rows) > limit:
            last = rows[limit - 1]
            following = encode_cursor(last[0], last[1])
        return EventPage(events=events, next=following)

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
        clause, params = where(query, page=False)
        return int(self._execute(f"SELECT COUNT(*) FROM events{clause}", params).fetchone()[0])

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
        return count

    def _load_rows(self, rows: list[tuple[Any, ...]]) -> int:
        if rows:
            self._executemany(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 13)})", rows
            )
        return len(rows)

    # --- change feed, state, counts ---------------------------------------------------------
    def changes(self, after: int) -> tuple[int, list[str]]:
        latest = int(
            self._execute("SELECT value FROM counters WHERE name = 'change'").fetchone()[0]
        )
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


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _report_payload(report: Report) -> dict[str, Any]:
    return {
        "record": report.record,
        "published": report.published,
        "outlet": report.outlet,
        "url": report.url,
    }


@dataclass(frozen=True, slots=True)
class _Copy:
    """What a syndicated copy contributes to its original's reports."""

    id: str
    published: str | None
    outlet: str | None
    url: str | None

    @classmethod
    def of(cls, document: Document) -> _Copy:
        published = document.published.isoformat() if document.published else None
        return cls(document.id, published, document.outlet, document.url)


class _Stored:
    """A reports-table row: the report and the event it currently belongs to."""

    __slots__ = ("event_id", "report")

    def __init__(self, report: Report, event_id: str) -> None:
        self.report = report
        self.event_id = event_id

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> _Stored:
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
