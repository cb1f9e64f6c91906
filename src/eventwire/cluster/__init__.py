"""One real-world event from many reports: single-linkage clustering under explicit rules.

Two reports are linked when `rules.compatible` says they may describe one event; an event is
a connected component of that graph. Components do not depend on the order reports arrive in,
and an event's id is the id of its earliest report, so ids do not either. The store adds
reports one at a time (`eventwire.store` looks up candidates by country and date); this
module does the same over a list in memory, for tests and benchmarks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.cluster.merge import combine_fatalities, event_record, lower_median
from eventwire.cluster.rules import (
    MAX_DATE_TOLERANCE_DAYS,
    Report,
    actor_set,
    compatible,
    dated_by_report,
)
from eventwire.models import Document

__all__ = [
    "Report",
    "cluster_reports",
    "combine_fatalities",
    "compatible",
    "event_record",
    "lower_median",
    "make_report",
    "reports_of",
]


def make_report(
    record: dict[str, Any],
    *,
    report_id: str,
    document_id: str,
    duplicate_of: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Report:
    """A report from an extracted event record and its document's metadata."""
    return Report(
        report_id=report_id,
        document_id=document_id,
        group=duplicate_of or document_id,
        order_key=f"{published or '9999-12-31'}|{document_id}|{report_id}",
        event_date=dt.date.fromisoformat(str(record["event_date"])),
        time_precision=int(record.get("time_precision") or 3),
        event_type=str(record.get("event_type") or ""),
        sub_event_type=str(record.get("sub_event_type") or ""),
        country=str(record.get("country") or ""),
        latitude=float(record.get("latitude") or 0.0),
        longitude=float(record.get("longitude") or 0.0),
        geo_precision=int(record.get("geo_precision") or 3),
        actors=actor_set(record),
        record=record,
        outlet=outlet,
        url=url,
        published=published,
        dated_by_report=dated_by_report(record, published),
    )


def reports_of(document: Document) -> list[Report]:
    """The document's events as reports; ids are the extracted event ids."""
    published = document.published.isoformat() if document.published else None
    return [
        make_report(
            event.to_record(),
            report_id=event.event_id,
            document_id=document.id,
            duplicate_of=document.duplicate_of,
            published=published,
            outlet=document.outlet,
            url=document.url,
        )
        for event in document.events
    ]


def _link_candidates(reports: Sequence[Report]) -> Iterable[tuple[int, int]]:
    """Index pairs that share a country and whose dates are close enough to be compared."""
    by_country: dict[str, list[int]] = {}
    for i, report in enumerate(reports):
        by_country.setdefault(report.country.casefold(), []).append(i)
    for members in by_country.values():
        members.sort(key=lambda i: reports[i].event_date)
        for pos, i in enumerate(members):
            for j in members[pos + 1 :]:
                if (reports[j].event_date - reports[i].event_date).days > MAX_DATE_TOLERANCE_DAYS:
                    break
                yield i, j


def cluster_reports(reports: Sequence[Report]) -> list[list[Report]]:
    """Connected components of the compatibility graph, each sorted earliest report first."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _link_candidates(reports):
        if compatible(reports[i], reports[j]):
            parent[find(i)] = find(j)
    components: dict[int, list[Report]] = {}
    for i, report in enumerate(reports):
        components.setdefault(find(i), []).append(report)
    clusters = [sorted(c, key=lambda r: r.order_key) for c in components.values()]
    return sorted(clusters, key=lambda c: c[0].order_key)
