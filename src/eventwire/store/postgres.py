"""The PostgreSQL store (psycopg 3): the same tables and SQL as SQLite, one writer at a time."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from eventwire.errors import StoreError
from eventwire.store.migrate import apply_migration, pending_migrations
from eventwire.store.rows import EVENT_COLUMNS
from eventwire.store.sql import SQLStore

# Writers serialise on a transaction-level advisory lock keyed by the schema, so two ingest
# processes never cluster against each other's uncommitted reports.
_LOCK = "SELECT pg_advisory_xact_lock(hashtext('eventwire:' || current_schema()))"


def split_schema(url: str) -> tuple[str, str | None]:
    """The URL without eventwire's own `schema=` parameter, and that schema (or None)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(SQLStore):
    """A Store in a PostgreSQL database (optionally in its own schema)."""

    name = "postgres"

    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg import sql

        self._psycopg = psycopg
        self.url = redact(url)
        conninfo, self.schema = split_schema(url)
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            where = urlsplit(conninfo)
            raise StoreError(
                self.url,
                f"cannot reach PostgreSQL at {where.hostname or 'localhost'}:{where.port or 5432}"
                f"{where.path or ''}: {str(exc).strip().splitlines()[0]} "
                "(is the server running, and do the user and database in the URL exist?)",
            ) from None
        self._lock = threading.RLock()
        self._depth = 0
        if self.schema:
            name = sql.Identifier(self.schema)
            # CREATE SCHEMA IF NOT EXISTS races with itself across sessions (a unique-index
            # violation), so processes opening a new schema at once take turns.
            with self._conn.transaction():
                self._conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtext(%s))",
                    ("eventwire-schema:" + self.schema,),
                )
                self._conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(name))
            self._conn.execute(sql.SQL("SET search_path TO {}").format(name))
        self._migrate()

    def _execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        try:
            with self._lock:
                return self._conn.execute(query.replace("?", "%s"), params)
        except self._psycopg.Error as exc:
            raise StoreError(self.url, f"PostgreSQL: {str(exc).strip()}") from None

    def _executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            with self._lock, self._conn.cursor() as cursor:
                cursor.executemany(query.replace("?", "%s"), rows)
        except self._psycopg.Error as exc:
            raise StoreError(self.url, f"PostgreSQL: {str(exc).strip()}") from None

    def _load_rows(self, rows: list[tuple[Any, ...]]) -> int:
        """Bulk rows through COPY, much faster than INSERTs."""
        if not rows:
            return 0
        try:
            statement = f"COPY events ({EVENT_COLUMNS}) FROM STDIN"
            with self._lock, self._conn.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.Error as exc:
            raise StoreError(self.url, f"PostgreSQL: {str(exc).strip()}") from None
        return len(rows)

    def _refresh_statistics(self) -> None:
        # VACUUM also sets the visibility map, which index-only scans (the bbox page) need.
        self._execute("VACUUM ANALYZE events")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self._conn.transaction():
                self._execute(_LOCK)
                yield
        except self._psycopg.Error as exc:
            raise StoreError(self.url, f"PostgreSQL: {str(exc).strip()}") from None

    def _migrate(self) -> None:
        # One transaction for the check and all migrations, under the writers' advisory lock.
        with self._write():
            for migration in pending_migrations(self._execute, self.url):
                apply_migration(self._execute, migration, "postgres")

    def drop_schema(self) -> None:
        """Drop this store's schema with everything in it (tests and benchmarks clean up)."""
        if not self.schema:
            raise StoreError(self.url, "no schema= in the URL: refusing to drop anything")
        from psycopg import sql

        with self._lock:
            self._conn.execute(
                sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.schema))
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()
