"""Where documents and clustered events are kept: SQLite by default, PostgreSQL on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.errors import StoreError
from eventwire.store.base import EventPage, EventQuery, IngestResult, Store

if TYPE_CHECKING:
    from eventwire.store.sql import SQLStore

__all__ = ["EventPage", "EventQuery", "IngestResult", "Store", "StoreError", "open_store"]


def open_store(url: str) -> SQLStore:
    """Open (creating and migrating as needed) the store a URL names.

    `postgresql://…` (or `postgres://…`) selects PostgreSQL; a `schema=NAME` query parameter
    keeps eventwire's tables in that schema. `sqlite:///path`, a plain path or `:memory:`
    selects SQLite.
    """
    if not url or not url.strip():
        raise StoreError("--db", "empty store URL; give a SQLite file path or a postgresql:// URL")
    url = url.strip()
    if url.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :] or ":memory:"
    elif url.startswith("sqlite://"):
        url = url[len("sqlite://") :] or ":memory:"
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(url, f"unknown store scheme {scheme!r}; use a file path or postgresql://")
    from eventwire.store.sqlite import SQLiteStore

    return SQLiteStore(url)
