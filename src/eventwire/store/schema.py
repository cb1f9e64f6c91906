"""Numbered schema migrations, written once for SQLite and PostgreSQL.

Each migration is applied in its own transaction and recorded in `schema_migrations`; a store
never runs a migration twice, and refuses a database migrated by a newer eventwire.
Statements use `{int}`, `{real}` and `{c}` (byte-order collation) where the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass

_TYPES = {
    "sqlite": {"int": "INTEGER", "real": "REAL", "c": ""},
    # Byte order for sort keys, as SQLite compares them, so pages come out the same on both.
    "postgres": {"int": "BIGINT", "real": "DOUBLE PRECISION", "c": ' COLLATE "C"'},
}

# documents: one row per stored article; `record` is its contract JSON with extracted events.
# reports: one row per extracted event, with the id of the clustered event it belongs to;
#   the blocking columns (country, date, latitude) find clustering candidates fast, and the
#   date/place/type columns rule most of them out before their JSON is parsed.
# events: one row per clustered event; `record` is its contract JSON; k_* are lower-cased
#   filter keys; `actors`/`search` are lower-cased text for substring filters; `changed` is
#   the change number of the batch that last wrote it.
_V1 = [
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        published TEXT,
        outlet TEXT,
        url TEXT,
        duplicate_of TEXT,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE reports (
        report_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        grp TEXT NOT NULL,
        event_id TEXT NOT NULL,
        k_country TEXT NOT NULL,
        event_date TEXT NOT NULL,
        latitude {real} NOT NULL,
        longitude {real} NOT NULL,
        time_precision {int} NOT NULL,
        geo_precision {int} NOT NULL,
        sub_event_type TEXT NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX documents_duplicate ON documents (duplicate_of)",
    "CREATE INDEX reports_block ON reports (k_country, event_date, latitude)",
    "CREATE INDEX reports_event ON reports (event_id)",
    "CREATE INDEX reports_document ON reports (document_id)",
    """CREATE TABLE events (
        event_id TEXT{c} PRIMARY KEY,
        event_date TEXT{c} NOT NULL,
        k_country TEXT NOT NULL,
        k_admin1 TEXT,
        k_event_type TEXT NOT NULL,
        k_sub_event_type TEXT NOT NULL,
        latitude {real} NOT NULL,
        longitude {real} NOT NULL,
        actors TEXT NOT NULL,
        search TEXT NOT NULL,
        reports {int} NOT NULL,
        changed {int} NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX events_date ON events (event_date, event_id)",
    "CREATE INDEX events_country ON events (k_country, event_date, event_id)",
    "CREATE INDEX events_admin1 ON events (k_admin1, event_date, event_id)",
    "CREATE INDEX events_type ON events (k_event_type, event_date, event_id)",
    "CREATE INDEX events_sub_type ON events (k_sub_event_type, event_date, event_id)",
    "CREATE INDEX events_place ON events (latitude, longitude)",
    "CREATE INDEX events_changed ON events (changed)",
    """CREATE TABLE state (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (namespace, key)
    )""",
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value {int} NOT NULL)",
    "INSERT INTO counters (name, value) VALUES ('change', 0)",
]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    dialects: tuple[str, ...] = ("sqlite", "postgres")  # others record it with nothing to do

    def sql(self, dialect: str) -> list[str]:
        if dialect not in self.dialects:
            return []
        return [s.format(**_TYPES[dialect]) for s in self.statements]


# The bbox index also covers the sort keys, so a map page sorts small index entries instead of
# reading every matching row (545 ms -> 10 ms for a box of 47,000 events at 1M).
_V2 = [
    "DROP INDEX events_place",
    "CREATE INDEX events_place ON events (latitude, longitude, event_date, event_id)",
]

# A dashboard narrows by country and event type together; alone, the type index leaves a sixth
# of the store to read row by row (18 ms -> 2 ms for country + type + actor + word at 100k).
_V3 = [
    "CREATE INDEX events_country_type ON events (k_country, k_event_type, event_date, event_id)",
    "ANALYZE events",  # planner statistics for the new index (SQLite guesses wildly without)
]

# The substring filters (`actor`, `q`) test every row their other filters leave; with
# `actors` and `search` in the index those tests read index entries in order instead of
# looking up each row (country + type + actor + word at 100k: 2.3 ms -> 0.7 ms; actor alone
# 0.8 -> 0.4 ms). The two indexes that such queries walk get them: the date order (no other
# filter, or dates only) and country + type. SQLite only: PostgreSQL plans from statistics,
# and its index entries are limited to about 2.7 kB, which a long `search` text can exceed.
_V4 = [
    "DROP INDEX events_date",
    "CREATE INDEX events_date ON events (event_date, event_id, actors, search)",
    "DROP INDEX events_country_type",
    "CREATE INDEX events_country_type "
    "ON events (k_country, k_event_type, event_date, event_id, actors, search)",
    "ANALYZE events",
]

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, reports, events, state", tuple(_V1)),
    Migration(2, "covering bbox index", tuple(_V2)),
    Migration(3, "country and event type index", tuple(_V3)),
    Migration(4, "substring filters read from the index", tuple(_V4), ("sqlite",)),
)

LATEST = MIGRATIONS[-1].version

CREATE_MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""
