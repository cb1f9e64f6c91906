"""When two reports describe the same real-world event: type, date, place and actor rules."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

# Days two event dates may differ by, from the coarser of the two time precisions
# (ACLED: 1 = the day is known, 2 = the week, 3 = only the month). Exactly dated reports must
# agree on the day: ACLED codes events per day, and a one-day tolerance chains a city's daily
# strikes into one months-long "event" under single linkage. A week or a month is a range
# around the given date, so half its length either side.
DATE_TOLERANCE_DAYS: dict[int, int] = {1: 0, 2: 3, 3: 15}
# Kilometres two places may be apart, from the coarser of the two geo precisions
# (ACLED: 1 = the town itself, 2 = near a town / a district, 3 = a region or province).
# At precision 3 both reports must also name the same admin1 when both name one.
DISTANCE_TOLERANCE_KM: dict[int, float] = {1: 15.0, 2: 50.0, 3: 150.0}
MAX_DATE_TOLERANCE_DAYS = max(DATE_TOLERANCE_DAYS.values())

# Sub-event types that reporters of one incident commonly tell apart differently: an air strike
# is "shelling" to one outlet and a "missile attack" to the next. Each set is compatible within.
COMPATIBLE_SUB_EVENTS: tuple[frozenset[str], ...] = (
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"}),
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}),
    frozenset(
        {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
    ),
    frozenset(
        {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    ),
    frozenset({"Violent demonstration", "Mob violence"}),
)

# Actor names that do not tell one incident from another: they overlap with anything.
# "Civilians (Syria)" is the victim of most attacks in a country, so sharing it proves nothing.
_VAGUE_ACTOR_WORDS = ("unidentified", "unknown", "civilians")


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one document reported it: what clustering compares and combines."""

    report_id: str  # unique across the store; the id of the event it anchors
    document_id: str
    group: str  # the original's id for syndicated copies, else document_id
    order_key: str  # earliest report first: "published|document_id|report_id"
    event_date: dt.date
    time_precision: int
    event_type: str
    sub_event_type: str
    country: str
    latitude: float
    longitude: float
    geo_precision: int
    actors: frozenset[str]  # lower-cased actor1/actor2/assoc actors
    record: dict[str, Any]  # the extracted event record (contract Event shape)
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def sub_events_compatible(a: str, b: str) -> bool:
    """Same sub-event type, or two that one incident is often reported as."""
    return a == b or any(a in group and b in group for group in COMPATIBLE_SUB_EVENTS)


def dates_compatible(a: Report, b: Report) -> bool:
    """Dates within the window of the coarser precision; and both exactly dated, or neither.

    A report dated only to the week or month cannot say which day's incident it describes:
    linked to exactly dated reports it would bridge a town's separate daily incidents into one
    event (single linkage), so it links only to other reports dated as loosely.
    """
    if (a.time_precision == 1) != (b.time_precision == 1):
        return False
    tolerance = DATE_TOLERANCE_DAYS.get(max(a.time_precision, b.time_precision), 31)
    return abs((a.event_date - b.event_date).days) <= tolerance


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def placed_in_country_only(report: Report) -> bool:
    """No country, or the place is the country itself: it cannot tell incidents apart."""
    location = str(report.record.get("location") or "").casefold()
    return not report.country or location == report.country.casefold()


def places_compatible(a: Report, b: Report) -> bool:
    if a.country.casefold() != b.country.casefold():
        return False
    if placed_in_country_only(a) or placed_in_country_only(b):
        return False
    precision = max(a.geo_precision, b.geo_precision)
    if precision >= 3:
        admin_a, admin_b = a.record.get("admin1"), b.record.get("admin1")
        if admin_a and admin_b and str(admin_a).casefold() != str(admin_b).casefold():
            return False
    tolerance = DISTANCE_TOLERANCE_KM.get(precision, 150.0)
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= tolerance


def _is_vague(actor: str) -> bool:
    return any(word in actor for word in _VAGUE_ACTOR_WORDS)


def actors_compatible(a: Report, b: Report) -> bool:
    """The actor sets overlap, or one side names nobody specific."""
    specific_a = {x for x in a.actors if not _is_vague(x)}
    specific_b = {x for x in b.actors if not _is_vague(x)}
    if not specific_a or not specific_b:
        return True
    return bool(specific_a & specific_b)


def compatible(a: Report, b: Report) -> bool:
    """True when the two reports may describe one event (a link for single-linkage clustering).

    Two events extracted from the same document are never linked directly: the extractor
    already judged them to be different events.
    """
    return near(a, b) and actors_compatible(a, b)


def near(a: Report, b: Report) -> bool:
    """Every rule but the actors: a cheap first test on stored columns, before parsing."""
    return (
        a.document_id != b.document_id
        and sub_events_compatible(a.sub_event_type, b.sub_event_type)
        and dates_compatible(a, b)
        and places_compatible(a, b)
    )


def actor_set(record: dict[str, Any]) -> frozenset[str]:
    names = (record.get(k) for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))
    out: set[str] = set()
    for name in names:
        if not name:
            continue
        # ACLED joins several associated actors with "; ".
        out.update(part.strip().casefold() for part in str(name).split(";") if part.strip())
    return frozenset(out)
