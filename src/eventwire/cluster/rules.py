"""When two reports describe the same real-world event: type, date, place and actor rules."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from eventwire.extract import taxonomy as tx
from eventwire.extract.taxonomy import EVENT_TYPES
from eventwire.resolve.actors import STATE_ROLES
from eventwire.resolve.dates import STAMP_CHARS, find_dates

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
# The same as ordered pairs, for the store's first test of every candidate (`near`).
_COMPATIBLE_PAIRS: frozenset[tuple[str, str]] = frozenset(
    (a, b) for group in COMPATIBLE_SUB_EVENTS for a in group for b in group
)

# Strikes and bombings: an "Attack" on civilians told as one of these is one incident when
# both reports name the same attacker.
REMOTE_SUB_EVENTS: frozenset[str] = frozenset(EVENT_TYPES["Explosions/Remote violence"][1])
# Sub-event types of one lethal armed incident that different outlets may even put under
# different event types: a strike is an "attack on civilians" to one outlet, an ambush a
# "clash" to another. Compatible only with corroboration (see `compatible`).
LETHAL_SUB_EVENTS: frozenset[str] = REMOTE_SUB_EVENTS | {"Attack", *EVENT_TYPES["Battles"][1]}
# A toll identifies an incident only when it is not one of the small numbers many incidents
# share: one or two dead is the most common toll of all.
MIN_CORROBORATING_TOLL = 3
# Neither does a round figure: "more than 100", "some 50 dead" are estimates, and tolls heap on
# them (a quarter of the extractor's FA-KES tolls of 50 or more are multiples of 50, where
# exact counts would give one in fifty), so two incidents share one far more often.
ROUND_TOLL = 50
# Two tolls conflict when one is more than this many times the other, plus the margin: a
# bombing that killed 2 and one that killed 40 are two incidents however alike the rest
# (the margin keeps small counts, 2 against 8, from conflicting over one or two dead).
CONFLICTING_TOLL_RATIO = 3
CONFLICTING_TOLL_MARGIN = 5
# Exactly dated reports of one incident may differ by a day: one outlet dates it by its
# publication day or resolves "Tuesday" differently. Allowed only with a corroborating toll.
CORROBORATED_DAY_TOLERANCE = 1
# A report dated only by the day it was written (its dateline, its publication day, or the day
# of a statement it quotes) tells an incident of that day or shortly before: no words of its
# text date the incident ("Wed 05 Apr 2017 Victims of a suspected chemical attack ... WHO said
# on Wednesday", of Tuesday's attack). Such a report links to one whose text dates the
# incident up to this many days earlier, for the incidents reported on for days after:
# FOLLOWED_UP_SUB_EVENTS. Two reports dated by the day they were written, and two whose texts
# give two days, stay apart (`dates_compatible`).
REPORT_LAG_DAYS = 1
# Chemical attacks draw days of follow-up reporting (tests, investigations, reactions), each
# report dated by its own day, and are rare enough that two at one place a day apart are
# unlikely. Not so a city's air strikes, shelling and clashes: the next day's report by its
# dateline is mostly the next day's strikes (FA-KES dev, one run: with every type the lag
# joined 8 more article pairs of different incidents in Aleppo and Damascus than with chemical
# attacks only, for 5 more of one, lead P 0.657; with two days, P 0.588: see docs/store.md).
FOLLOWED_UP_SUB_EVENTS: frozenset[str] = frozenset({"Chemical weapon"})
# A full date with its year: how a dateline or a publication stamp gives the day.
_YEAR_IN_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# Actor names that do not tell one incident from another: they overlap with anything.
# "Civilians (Syria)" is the victim of most attacks in a country, so sharing it proves nothing.
_VAGUE_ACTOR_WORDS = ("unidentified", "unknown", "civilians")
# The kind of perpetrator an actor1's inter code says, for reports that name nobody: unknown
# aircraft are "Unidentified Military Forces" (state or foreign forces), an unknown shooter or
# bomber an "Unidentified Armed Group" (non-state). An air raid and a rocket attack on one city
# on one day are two incidents even when neither report knows who carried them out.
_PERPETRATOR_KINDS: dict[int, str] = {
    tx.INTER_STATE: "forces",
    tx.INTER_EXTERNAL: "forces",
    tx.INTER_REBEL: "armed group",
    tx.INTER_POLITICAL_MILITIA: "armed group",
    tx.INTER_IDENTITY_MILITIA: "armed group",
}
# A state's military, police and government are one side of an incident: one outlet's "the
# regime" is another's "the army" ("Government of Syria (2000-2024)", "Military Forces of
# Syria (2000-2024)"). Group 1 is the country.
_STATE_ROLE_NAMES = "|".join(re.escape(role.casefold()) for role in STATE_ROLES.values())
_STATE_ACTOR = re.compile(rf"(?:{_STATE_ROLE_NAMES}) of (.+?)(?: \(.*\))?")


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
    # The event date is the day the report was written, not a day its text gives the
    # incident (`dated_by_report`): the incident happened then or shortly before.
    dated_by_report: bool = False


def dated_by_report(record: dict[str, Any], published: str | None) -> bool:
    """True when the record's date is the day its report was written, not the incident's.

    Read from the date's evidence and precision (the date resolver's choices,
    `eventwire.resolve.dates.choose_event_date`): no date span and precision 2 is the
    publication day; a full date with its year in the report's opening is its dateline (or
    an update stamp); a span that alone names a day but gave precision 2 is the day of a
    statement the report quotes ("the ministry said Thursday"): on or shortly before it.
    """
    precision = int(record.get("time_precision") or 3)
    spans = [e for e in record.get("evidence") or () if e.get("field") == "event_date"]
    if not spans:
        return precision == 2
    span = spans[0]
    words = str(span.get("text") or "")
    if precision == 1:
        return int(span.get("start") or 0) < STAMP_CHARS and bool(_YEAR_IN_DATE.search(words))
    if precision == 2:
        day = dt.date.fromisoformat(published) if published else None
        return any(m.precision == 1 for m in find_dates(words, day))
    return False


def sub_events_compatible(a: str, b: str) -> bool:
    """Same sub-event type, or two that one incident is often reported as."""
    return a == b or (a, b) in _COMPATIBLE_PAIRS


def dates_compatible(a: Report, b: Report) -> bool:
    """Dates within the window of the coarser precision, both exactly dated or neither; or an
    exact date and a week-dated report that gives that very day.

    A report dated only to the week or month cannot say which day's incident it describes:
    linked to exactly dated reports across its window it would bridge a town's separate daily
    incidents into one event (single linkage), so without other evidence it links only to
    reports dated as loosely. The day a week-dated report gives is its best reading of the
    week (mostly the publication day, as in "this week" or a dateline): when an exactly dated
    report names that day too, they agree, and the week-dated report still links to exactly
    dated reports of one day only, so it bridges no two days.
    """
    if _written_after(a, b) or _written_after(b, a):
        return True
    if (a.time_precision == 1) != (b.time_precision == 1):
        return a.event_date == b.event_date and max(a.time_precision, b.time_precision) == 2
    return _within_window(a, b)


def _written_after(late: Report, early: Report) -> bool:
    """`late` is dated by the day it was written, up to REPORT_LAG_DAYS after the day the
    text of `early` gives the incident, and one of the two tells an incident reported on for
    days after (FOLLOWED_UP_SUB_EVENTS)."""
    return (
        late.dated_by_report
        and not early.dated_by_report
        and early.time_precision == 1
        and 0 < (late.event_date - early.event_date).days <= REPORT_LAG_DAYS
        and bool({late.sub_event_type, early.sub_event_type} & FOLLOWED_UP_SUB_EVENTS)
    )


def _within_window(a: Report, b: Report) -> bool:
    tolerance = DATE_TOLERANCE_DAYS.get(max(a.time_precision, b.time_precision), 31)
    return abs((a.event_date - b.event_date).days) <= tolerance


def dates_possible(a: Report, b: Report) -> bool:
    """The widest date test a corroborated link may pass: exact dates a day apart, or an
    exact date inside the week or month window of a coarser one."""
    if a.time_precision == 1 and b.time_precision == 1:
        return abs((a.event_date - b.event_date).days) <= CORROBORATED_DAY_TOLERANCE
    return _within_window(a, b)


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
    """Same country; within the distance of the coarser geo precision (a town and a place
    near a town: 32.5 km), and at precision 3 (a province) in the same admin1 when both name
    one. Never a country-only place."""
    if a.country.casefold() != b.country.casefold():
        return False
    if placed_in_country_only(a) or placed_in_country_only(b):
        return False
    precision = max(a.geo_precision, b.geo_precision)
    if precision >= 3 and not _same_admin1(a, b):
        return False
    tolerance = DISTANCE_TOLERANCE_KM.get(precision, 150.0)
    if precision == 2 and min(a.geo_precision, b.geo_precision) == 1:
        # The town itself and a town near the event: each report's place lies within half its
        # precision's distance of the event, so the two within half of each (7.5 + 25 km), not
        # the 50 km of two places that are both only near it.
        tolerance = (DISTANCE_TOLERANCE_KM[1] + DISTANCE_TOLERANCE_KM[2]) / 2
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= tolerance


def _same_admin1(a: Report, b: Report) -> bool:
    """The same admin1, or at least one report names none."""
    admin_a, admin_b = a.record.get("admin1"), b.record.get("admin1")
    return not (admin_a and admin_b and str(admin_a).casefold() != str(admin_b).casefold())


def places_possible(a: Report, b: Report) -> bool:
    """The widest place test a corroborated link may pass: `places_compatible`, or anywhere
    in the same province (admin1, within the province-level distance) whatever the
    precisions: one outlet names the town, another the province or a nearby town."""
    if places_compatible(a, b):
        return True
    if a.country.casefold() != b.country.casefold():
        return False
    if placed_in_country_only(a) or placed_in_country_only(b) or not _same_admin1(a, b):
        return False
    tolerance = max(DISTANCE_TOLERANCE_KM.values())
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= tolerance


def _is_vague(actor: str) -> bool:
    return any(word in actor for word in _VAGUE_ACTOR_WORDS)


@functools.lru_cache(maxsize=4096)  # a store compares the same few names again and again
def _side(actor: str) -> str:
    """The state for its military, police or government ("state of syria"), else the actor."""
    match = _STATE_ACTOR.fullmatch(actor)
    return f"state of {match.group(1)}" if match else actor


def _named_sides(report: Report) -> set[str]:
    return {_side(x) for x in report.actors if not _is_vague(x)}


def actors_compatible(a: Report, b: Report) -> bool:
    """The actor sets overlap (a state's forces and government count as one), or one side
    names nobody specific; when neither does, their unnamed perpetrators are not of two kinds
    (state or foreign forces against a non-state armed group)."""
    specific_a, specific_b = _named_sides(a), _named_sides(b)
    if specific_a and specific_b:
        return bool(specific_a & specific_b)
    if specific_a or specific_b:
        return True
    kind_a, kind_b = _perpetrator_kind(a), _perpetrator_kind(b)
    return kind_a is None or kind_b is None or kind_a == kind_b


def _perpetrator_kind(report: Report) -> str | None:
    inter = report.record.get("inter1")
    return _PERPETRATOR_KINDS.get(int(inter)) if inter is not None else None


def sub_events_possible(a: str, b: str) -> bool:
    """The widest type test a corroborated link may pass: two types of lethal armed violence."""
    return sub_events_compatible(a, b) or (a in LETHAL_SUB_EVENTS and b in LETHAL_SUB_EVENTS)


def tolls_corroborate(a: Report, b: Report) -> bool:
    """Both reports give the same toll, at least MIN_CORROBORATING_TOLL and not a round
    figure (a multiple of ROUND_TOLL: an estimate such as "more than 100").

    Only the toll itself: the extractor's low/high figures often come from other numbers of
    the article (the wounded, an earlier count), and a wide range would corroborate anything.
    """
    toll_a = int(a.record.get("fatalities") or 0)
    toll_b = int(b.record.get("fatalities") or 0)
    return toll_a >= MIN_CORROBORATING_TOLL and toll_a == toll_b and toll_a % ROUND_TOLL != 0


def tolls_conflict(a: Report, b: Report) -> bool:
    """Both reports give a toll and one is more than CONFLICTING_TOLL_RATIO times the other
    (plus CONFLICTING_TOLL_MARGIN): they count the dead of two different incidents.

    A toll of 0 is no toll (the extractor cannot tell "nobody died" from "no number given").
    Counts of one incident grow between reports ("20 dead", days later "80"): such a pair is
    not linked directly, but a report with a count in between still joins both.
    """
    toll_a = int(a.record.get("fatalities") or 0)
    toll_b = int(b.record.get("fatalities") or 0)
    if toll_a <= 0 or toll_b <= 0:
        return False
    low, high = sorted((toll_a, toll_b))
    return high > CONFLICTING_TOLL_RATIO * low + CONFLICTING_TOLL_MARGIN


def compatible(a: Report, b: Report) -> bool:
    """True when the two reports may describe one event (a link for single-linkage clustering).

    The four rules (type, date, place, actors) must all hold; or all but one, when the two
    tolls corroborate and the one that fails holds in its widest form (`near`): reports of one
    incident often disagree on exactly one thing (its day, the town or its province, how the
    attack was made, who made it), rarely on two, and distinct incidents of one day and place
    rarely give the same toll. An "Attack" and a strike or bombing that name the same
    attacker also corroborate each other's type (`_attack_told_two_ways`). Two events
    extracted from the same document are never linked directly: the extractor already judged
    them to be different events. Reports whose tolls conflict (`tolls_conflict`) are never
    linked.

    When one report names an actor and the other nobody specific, the actor rule holds only
    because it cannot tell incidents apart ("unidentified gunmen" fit any group): then the
    other rules must hold at their strictest (the same sub-event type, the same day, within a
    town's 15 km) unless the tolls corroborate. A city's air raid by the army and its rebel
    shelling of one day are two incidents; a report of "shelling" that names nobody would
    otherwise join both.
    """
    if not near(a, b) or tolls_conflict(a, b):
        return False
    type_ok = sub_events_compatible(a.sub_event_type, b.sub_event_type)
    failed = (
        (not type_ok)
        + (not dates_compatible(a, b))
        + (not places_compatible(a, b))
        + (not actors_compatible(a, b))
    )
    if failed > 1:
        return False
    if not dates_possible(a, b) and not dates_compatible(a, b):
        return False  # `near` lets through any two dates a report's lag may join
    corroborated = tolls_corroborate(a, b)
    if _one_side_unnamed(a, b) and not corroborated and not _same_type_day_and_town(a, b):
        return False
    if failed == 0:
        return True
    if not type_ok and _attack_told_two_ways(a, b) and _share_named_actor(a, b):
        return True
    return corroborated


def _one_side_unnamed(a: Report, b: Report) -> bool:
    """One report names a perpetrator or target and the other nobody specific: the actor
    rule holds, but only because it cannot tell incidents apart."""
    return bool(_named_sides(a)) != bool(_named_sides(b))


def _same_type_day_and_town(a: Report, b: Report) -> bool:
    """The same sub-event type (not one often told as another), on the same day (not within a
    week's window), within a town's distance (whatever the geo precisions)."""
    return (
        a.sub_event_type == b.sub_event_type
        and a.event_date == b.event_date
        and distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        <= DISTANCE_TOLERANCE_KM[1]
    )


def _attack_told_two_ways(a: Report, b: Report) -> bool:
    """An "Attack" (violence against civilians) and a strike or bombing: the codebook codes a
    strike that kills civilians as the strike (with civilian targeting), but outlets and the
    extractor often tell it as an attack on civilians."""
    pair = {a.sub_event_type, b.sub_event_type}
    return "Attack" in pair and len(pair & REMOTE_SUB_EVENTS) == 1


def _share_named_actor(a: Report, b: Report) -> bool:
    return bool(_named_sides(a) & _named_sides(b))


def near(a: Report, b: Report) -> bool:
    """The widest form of every rule but the actors: a cheap first test on stored columns
    (type, date, precisions, coordinates), before parsing; never stricter than `compatible`."""
    return (
        a.document_id != b.document_id
        and sub_events_possible(a.sub_event_type, b.sub_event_type)
        and (dates_possible(a, b) or abs((a.event_date - b.event_date).days) <= REPORT_LAG_DAYS)
        and places_possible(a, b)
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
