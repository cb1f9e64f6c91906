"""Store access for the server: one store connection per worker thread, one writer at a time."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from eventwire.store.base import Store


class StoreProvider:
    """Hands each thread its own store (SQLite connections are per thread); writes take a lock."""

    def __init__(self, opener: Callable[[], Store]) -> None:
        self._opener = opener
        self._local = threading.local()
        self._opened: list[Store] = []
        self._guard = threading.Lock()
        self.write_lock = threading.Lock()

    @classmethod
    def shared(cls, store: Store) -> StoreProvider:
        """A provider that returns one given store to every thread (tests, embedding)."""
        provider = cls(lambda: store)
        provider._opened.append(store)
        provider._owns = False
        return provider

    _owns = True

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._opener()
            self._local.store = store
            if self._owns:
                with self._guard:
                    self._opened.append(store)
        return store

    def close(self) -> None:
        if not self._owns:
            return
        with self._guard:
            opened, self._opened = self._opened, []
        for store in opened:
            # A SQLite connection may refuse to close from another thread; the process is ending.
            with contextlib.suppress(Exception):
                store.close()
