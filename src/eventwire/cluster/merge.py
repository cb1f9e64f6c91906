"""One event record from the reports of a cluster: stated rules for every combined field."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from eventwire.cluster.rules import Report
from eventwire.export.fields import EVENT_FIELDS

_ACTOR_FIELDS = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "notes",
)
_PLACE_FIELDS = (
    "country",
    "iso",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
)


# The contract's Event field order (kept once, in export.fields), then the clustering extras.
_EXTRAS = ("evidence", "reports", "document_ids")
_ORDER = tuple(name for name, _ in EVENT_FIELDS if name not in _EXTRAS) + _EXTRAS


def lower_median(values: Sequence[int]) -> int:
    """The median; of the two middle values of an even count, the lower (conservative) one."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _groups(reports: Sequence[Report]) -> list[list[Report]]:
    """Reports by group (a syndicated copy and its original are one group), earliest first."""
    by_group: dict[str, list[Report]] = {}
    for report in reports:
        by_group.setdefault(report.group, []).append(report)
    return list(by_group.values())


def combine_fatalities(reports: Sequence[Report]) -> dict[str, int | None]:
    """Tolls across reports: each group's toll is its highest; best = lower median of groups.

    Reports that give no toll (0) do not count, since the extractor cannot tell "nobody died"
    from "no number given"; low/high are the lowest/highest toll any group gives.
    """
    tolls, lows, highs, civilians = [], [], [], []
    for group in _groups(reports):
        best = max(int(r.record.get("fatalities") or 0) for r in group)
        if best <= 0:
            continue
        tolls.append(best)
        lows.append(min(int(r.record.get("fatalities_low") or best) for r in group))
        highs.append(max(int(r.record.get("fatalities_high") or best) for r in group))
        counted = [r.record.get("civilian_fatalities") for r in group]
        if any(c is not None for c in counted):
            civilians.append(max(int(c) for c in counted if c is not None))
    if not tolls:
        return {
            "fatalities": 0,
            "fatalities_low": 0,
            "fatalities_high": 0,
            "civilian_fatalities": None,
        }
    best = lower_median(tolls)
    return {
        "fatalities": best,
        "fatalities_low": min(min(lows), best),
        "fatalities_high": max(max(highs), best),
        "civilian_fatalities": lower_median(civilians) if civilians else None,
    }


def combine_sources(reports: Sequence[Report]) -> str:
    """Every report's sources, earliest report first, each named once."""
    seen: dict[str, str] = {}
    for report in reports:
        for part in str(report.record.get("source") or "").split(";"):
            name = part.strip()
            if name and name.casefold() not in seen:
                seen[name.casefold()] = name
    return "; ".join(seen.values())


def _type_report(ordered: Sequence[Report]) -> Report:
    """The earliest report of the sub-event type most groups give."""
    votes = Counter(group[0].sub_event_type for group in _groups(ordered))
    top = max(votes.values())
    return next(r for r in ordered if votes[r.sub_event_type] == top)


def _place_report(ordered: Sequence[Report]) -> Report:
    """The most precise place; among equals the location most reports name, then earliest."""
    names = Counter(r.record.get("location") for r in ordered)
    rank = {r.report_id: i for i, r in enumerate(ordered)}
    return min(
        ordered,
        key=lambda r: (r.geo_precision, -names[r.record.get("location")], rank[r.report_id]),
    )


def _event_date(ordered: Sequence[Report]) -> tuple[dt.date, int]:
    """The median date of the most precisely dated reports (robust to one misread date)."""
    precision = min(r.time_precision for r in ordered)
    dates = sorted(r.event_date for r in ordered if r.time_precision == precision)
    return dates[(len(dates) - 1) // 2], precision


def _confidence(reports: Sequence[Report]) -> float:
    """Independent reports corroborate: 1 - prod(1 - c) over groups (copies count once)."""
    doubt = 1.0
    for group in _groups(reports):
        doubt *= 1.0 - max(float(r.record.get("confidence") or 0.0) for r in group)
    return round(1.0 - doubt, 4)


def _evidence(typed: Report, placed: Report) -> list[dict[str, Any]]:
    """Spans of the reports each field was taken from, each naming its document."""
    out = []
    for report, wanted in ((typed, False), (placed, True)):
        for item in report.record.get("evidence") or ():
            if (item.get("field") in _PLACE_FIELDS) == wanted:
                out.append({**item, "document_id": report.document_id})
    return out


def event_record(reports: Sequence[Report]) -> dict[str, Any]:
    """The clustered event (contract Event shape plus `reports` and `document_ids`).

    Its id is the id of its earliest report, so it depends only on the set of reports.
    """
    ordered = sorted(reports, key=lambda r: r.order_key)
    typed, placed = _type_report(ordered), _place_report(ordered)
    event_date, precision = _event_date(ordered)
    record: dict[str, Any] = {"event_id": ordered[0].report_id}
    record["event_date"] = event_date.isoformat()
    record["time_precision"] = precision
    for name in _ACTOR_FIELDS:
        record[name] = typed.record.get(name)
    for name in _PLACE_FIELDS:
        record[name] = placed.record.get(name)
    record["source"] = combine_sources(ordered)
    record.update(combine_fatalities(ordered))
    record["confidence"] = _confidence(ordered)
    record["evidence"] = _evidence(typed, placed)
    record["reports"] = len(_groups(ordered))
    record["document_ids"] = sorted({r.document_id for r in ordered})
    return {name: record[name] for name in _ORDER}
