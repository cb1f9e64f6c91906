"""Reports into events inside the store: candidates, links, merges, copies, reclustering."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import replace

from eventwire.cluster import Report, cluster_reports, compatible, event_record, make_report
from eventwire.cluster.rules import DISTANCE_TOLERANCE_KM, MAX_DATE_TOLERANCE_DAYS, near
from eventwire.models import Document, Event
from eventwire.store.query import key
from eventwire.store.rows import (
    BLOCK_COLUMNS,
    EVENT_COLUMNS,
    REPORT_COLUMNS,
    Copy,
    Plumbing,
    StoredReport,
    dumps,
    event_row,
    iso_day,
    report_payload,
)

# Degrees of latitude that cover the largest clustering distance (1 degree is ~111 km).
LATITUDE_WINDOW = max(DISTANCE_TOLERANCE_KM.values()) / 111.0 + 0.01


class Linking(Plumbing):
    """Adds reports one by one, merging every event a new report links to (single linkage)."""

    def _reports_of(self, document: Document) -> list[Report]:
        """The document's events as reports, each with an id no other report has."""
        published = document.published.isoformat() if document.published else None
        reports: list[Report] = []
        for index, event in enumerate(document.events):
            check_storable(event)
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

    def _copied_reports(self, copy: Copy, original_id: str) -> list[Report]:
        """A syndicated copy's reports: its original's, under the copy's id and metadata.

        They join the original's events (identical reports always link) and share its group,
        so the copy shows among the event's reports without counting as another report.
        """
        rows = self._execute(
            f"SELECT {REPORT_COLUMNS} FROM reports WHERE document_id = ?", (original_id,)
        ).fetchall()
        reports = []
        for row in rows:
            original = StoredReport.from_row(row).report
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

    def _waiting_copies(self, original_id: str) -> list[Copy]:
        """Stored copies of this document that arrived before it and so have no reports yet."""
        rows = self._execute(
            "SELECT d.id, d.published, d.outlet, d.url FROM documents d WHERE d.duplicate_of = ? "
            "AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.document_id = d.id)",
            (original_id,),
        ).fetchall()
        return [Copy(*row) for row in rows]

    def _report_exists(self, report_id: str) -> bool:
        row = self._execute("SELECT 1 FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        return row is not None

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
            f"INSERT INTO reports ({REPORT_COLUMNS}, {BLOCK_COLUMNS}) "
            f"VALUES ({', '.join('?' * 12)})",
            (
                report.report_id,
                report.document_id,
                report.group,
                record["event_id"],
                dumps(report_payload(report)),
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
            f"SELECT report_id, document_id, event_id, {BLOCK_COLUMNS} FROM reports "
            "WHERE k_country = ? AND event_date BETWEEN ? AND ? AND latitude BETWEEN ? AND ?",
            (
                key(report.country) or "",
                iso_day(low),
                iso_day(high),
                report.latitude - LATITUDE_WINDOW,
                report.latitude + LATITUDE_WINDOW,
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

    def _reports_by_id(self, report_ids: list[str]) -> Iterator[StoredReport]:
        for start in range(0, len(report_ids), 500):
            chunk = report_ids[start : start + 500]
            rows = self._execute(
                f"SELECT {REPORT_COLUMNS} FROM reports "
                f"WHERE report_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            yield from (StoredReport.from_row(row) for row in rows)

    def _members(self, event_id: str) -> list[Report]:
        rows = self._execute(
            f"SELECT {REPORT_COLUMNS} FROM reports WHERE event_id = ?", (event_id,)
        ).fetchall()
        return [StoredReport.from_row(row).report for row in rows]

    def recluster(self) -> dict[str, int]:
        """Rebuild every event from the stored reports under the current rules.

        For after a rules change: events may merge or split. Ids stay those of each event's
        earliest report, and any old id still resolves (to the event its report is now in).
        Holds all reports in memory and the write lock for the whole rebuild.
        """
        with self._write():
            change = self._next_change()
            before = int(self._execute("SELECT COUNT(*) FROM events").fetchone()[0])
            rows = self._execute(f"SELECT {REPORT_COLUMNS} FROM reports").fetchall()
            reports = [StoredReport.from_row(row).report for row in rows]
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


def check_storable(event: Event) -> None:
    """Refuse values no backend should keep (both refuse alike, with the field named)."""
    for name, value, limit in (
        ("latitude", event.latitude, 90),
        ("longitude", event.longitude, 180),
    ):
        if not (math.isfinite(value) and -limit <= value <= limit):
            raise ValueError(f"event {event.event_id}: {name} {value} is not a coordinate")
    for name, value in (
        ("time_precision", event.time_precision),
        ("geo_precision", event.geo_precision),
    ):
        if value not in (1, 2, 3):
            raise ValueError(f"event {event.event_id}: {name} must be 1, 2 or 3, not {value}")
