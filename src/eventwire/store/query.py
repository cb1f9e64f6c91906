"""EventQuery to SQL (one text for both backends, `?` placeholders) and opaque page cursors."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import orjson

from eventwire.errors import StoreError
from eventwire.store.base import EventQuery

MAX_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class RawEventPage:
    """A page of events as their stored JSON text (one contract Event object each)."""

    records: list[str]
    next: str | None


def key(value: str | None) -> str | None:
    """The lower-cased form filter columns and filter values are compared in."""
    return value.strip().casefold() if value is not None else None


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def encode_cursor(event_date: str, event_id: str) -> str:
    raw = orjson.dumps([event_date, event_id])
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        event_date, event_id = orjson.loads(raw)
        return str(event_date), str(event_id)
    except (ValueError, TypeError, orjson.JSONDecodeError):
        raise StoreError(
            "cursor", "not a cursor this store gave out; start again without it"
        ) from None


# SQLite keeps no histograms, so it cannot tell a box of one degree from the whole map and
# walks the date index through a year of events for a box that holds none (150 ms at 100k).
# likelihood() tells it the share of rows the latitude band keeps, rounded to a few levels so
# that statements stay few (SQLite caches them); a world-sized box still takes the date order.
_BAND_SHARES = (0.001, 0.01, 0.05, 0.25, 0.9)


def band_share(south: float, north: float) -> float:
    """The planner hint for a latitude band: its share of -90..90, rounded up to a level."""
    span = (north - south) / 180
    return next((level for level in _BAND_SHARES if span <= level), _BAND_SHARES[-1])


def where(query: EventQuery, *, page: bool, hints: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters; `page` adds the cursor condition.

    `hints` adds SQLite planner hints (likelihood()), which PostgreSQL does not know.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if query.since:
        clauses.append("event_date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        clauses.append("event_date <= ?")
        params.append(query.until.isoformat())
    for column, value in (
        ("k_country", query.country),
        ("k_admin1", query.admin1),
        ("k_event_type", query.event_type),
        ("k_sub_event_type", query.sub_event_type),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(key(value))
    if query.actor:
        clauses.append("actors LIKE ? ESCAPE '\\'")
        params.append(like_pattern(str(key(query.actor))))
    if query.bbox:
        west, south, east, north = query.bbox
        band = "latitude BETWEEN ? AND ?"
        clauses.append(f"likelihood({band}, {band_share(south, north)})" if hints else band)
        params += [south, north]
        if west <= east:
            clauses.append("longitude BETWEEN ? AND ?")
        else:  # the box crosses the antimeridian
            clauses.append("(longitude >= ? OR longitude <= ?)")
        params += [west, east]
    for word in (key(query.q) or "").split():
        clauses.append("search LIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    if page and query.cursor:
        event_date, event_id = decode_cursor(query.cursor)
        clauses.append("(event_date, event_id) < (?, ?)")
        params += [event_date, event_id]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def page_sql(
    query: EventQuery, *, hints: bool = False, rowid: bool = False
) -> tuple[str, list[Any], int]:
    """SELECT for one page, newest first; fetches one row beyond the limit to detect a next page.

    `rowid` (SQLite): the page's rows are fetched by rowid, not through the event_id index, and
    come out in the key order without a second sort; the caller sorts them (see `order_page`).
    """
    limit = max(1, min(int(query.limit), MAX_LIMIT))
    clause, params = where(query, page=True, hints=hints)
    # Sort and cut on the keys alone, then read the records of the page: a filter that matches
    # many rows never drags their JSON through the sort.
    order = "ORDER BY event_date DESC, event_id DESC LIMIT ?"
    if rowid:
        # One table lookup per row of the page (the event_id index costs a second one), and
        # no sort of the page's records: CROSS JOIN keeps the ordered keys as the outer loop.
        keys = f"SELECT rowid AS rid FROM events{clause} {order}"
        sql = (
            f"SELECT e.event_date, e.event_id, e.record FROM ({keys}) k "
            "CROSS JOIN events e ON e.rowid = k.rid"
        )
    else:
        keys = f"SELECT event_id FROM events{clause} {order}"
        sql = (
            f"SELECT e.event_date, e.event_id, e.record FROM events e JOIN ({keys}) k "
            "ON k.event_id = e.event_id ORDER BY e.event_date DESC, e.event_id DESC"
        )
    return sql, [*params, limit + 1], limit


def order_page(rows: list[Any]) -> list[Any]:
    """Rows (event_date, event_id, ...) newest first.

    SQLite does not promise the order of a join without ORDER BY, so it is made sure of here;
    rows already in order cost one pass of comparisons in C (event ids are unique, so the
    records after them are never compared).
    """
    rows.sort(reverse=True)
    return rows
