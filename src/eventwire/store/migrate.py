"""Bringing a database's schema up to date: the steps the SQLite and PostgreSQL stores share.

The stores differ only in how they hold other processes off while they migrate (see each
store's `_migrate`); which migrations are due, the refusal of a newer schema and how one
migration is applied and recorded are decided here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.schema import CREATE_MIGRATIONS_TABLE, LATEST, MIGRATIONS, Migration

Execute = Callable[[str, Sequence[Any]], Any]  # a store's _execute: "?" placeholders


def pending_migrations(execute: Execute, where: str) -> list[Migration]:
    """The migrations this database lacks, oldest first (creates the bookkeeping table).

    Raises StoreError for a database migrated by a newer eventwire.
    """
    execute(CREATE_MIGRATIONS_TABLE, ())
    applied = {row[0] for row in execute("SELECT version FROM schema_migrations", ())}
    if applied and max(applied) > LATEST:
        raise StoreError(
            where,
            f"database schema version {max(applied)} is newer than this eventwire knows "
            f"({LATEST}); upgrade eventwire",
        )
    return [migration for migration in MIGRATIONS if migration.version not in applied]


def apply_migration(execute: Execute, migration: Migration, dialect: str) -> None:
    """Run one migration's statements and record it; the caller holds the transaction."""
    for statement in migration.sql(dialect):
        execute(statement, ())
    execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (migration.version, migration.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
    )
