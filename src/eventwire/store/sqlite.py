"""The default store: one SQLite file in WAL mode, one writer at a time, concurrent readers."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.migrate import apply_migration, pending_migrations
from eventwire.store.sql import SQLStore

_BUSY_TIMEOUT_MS = 60_000
_MMAP_BYTES = 1 << 30


def _switch_to_wal(conn: sqlite3.Connection, patience: float = 60.0) -> None:
    """Put the database in WAL mode, waiting while another process creates or migrates it.

    Changing the journal mode needs an exclusive lock and SQLite does not run the busy handler
    for it, so two processes opening a new database at once would fail at once without this.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(SQLStore):
    """A Store in one SQLite file.

    Writes take SQLite's write lock up front (BEGIN IMMEDIATE), so writers from several
    processes queue instead of failing halfway; readers never wait for them (WAL).
    synchronous=NORMAL in WAL mode loses no committed transaction when the process is killed.
    """

    name = "sqlite"
    planner_hints = True
    rowid_pages = True

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(self.path, f"folder {parent} does not exist; create it first")
        try:
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=60
            )
            self._conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            _switch_to_wal(self._conn)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Reads through a memory map skip a copy per page; the map is shared between the
            # connections of all threads and processes (the OS page cache), so it costs no RAM.
            self._conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot open SQLite database: {exc}") from None
        self._lock = threading.RLock()
        self._depth = 0
        self._migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            with self._lock:
                return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"SQLite: {exc}") from None

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            with self._lock:
                self._conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"SQLite: {exc}") from None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._execute("COMMIT")

    def _migrate(self) -> None:
        # One write transaction per migration (PostgreSQL: one for all, under its advisory lock).
        for migration in pending_migrations(self._execute, self.path):
            with self._write():
                # Another process may have migrated while this one waited for the lock.
                done = self._execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
                ).fetchone()
                if not done:
                    apply_migration(self._execute, migration, "sqlite")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
