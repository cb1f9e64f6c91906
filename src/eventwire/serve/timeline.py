"""Events per day for the dashboard's histogram, cached until the store changes."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from typing import Any

from eventwire.store.base import EventQuery, Store

CACHE_SIZE = 64


class TimelineCache:
    """Day counts per filter set; an entry is valid while the store's change number stands.

    A store may offer `date_counts(query) -> list[tuple[str, int]]` (one GROUP BY); otherwise
    the events are counted one by one through `iter_events`, which is slower on big stores.
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[Any, ...], tuple[int, list[tuple[str, int]]]]
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def days(self, store: Store, query: EventQuery) -> list[tuple[str, int]]:
        latest, _ = store.changes(1 << 62)
        key = (
            query.since,
            query.until,
            query.country,
            query.admin1,
            query.event_type,
            query.sub_event_type,
            query.actor,
            query.bbox,
            query.q,
        )
        with self._lock:
            hit = self._entries.get(key)
            if hit and hit[0] == latest:
                self._entries.move_to_end(key)
                return hit[1]
        days = _count(store, query)
        with self._lock:
            self._entries[key] = (latest, days)
            self._entries.move_to_end(key)
            while len(self._entries) > CACHE_SIZE:
                self._entries.popitem(last=False)
        return days


def _count(store: Store, query: EventQuery) -> list[tuple[str, int]]:
    fast = getattr(store, "date_counts", None)
    if fast is not None:
        return sorted((str(day), int(n)) for day, n in fast(query))
    counts = Counter(str(event["event_date"]) for event in store.iter_events(query))
    return sorted(counts.items())
