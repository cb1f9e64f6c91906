"""Whole GET responses of the read endpoints, kept in memory while the store is unchanged."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.serve.stores import StoreProvider

log = logging.getLogger("eventwire.serve")

CACHED_PATHS = frozenset({"/api/events", "/api/timeline"})
MAX_ENTRY_SHARE = 8  # one response may take at most this fraction (1/8) of the cache


@dataclass(frozen=True, slots=True)
class Entry:
    version: int  # the store's change number read before the response was made
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes  # as sent: gzipped when the request accepted gzip


def cache_key(path: str, query_string: bytes, gzip: bool = False) -> tuple[str, str]:
    """The path and its query parameters sorted, so `a=1&b=2` and `b=2&a=1` share an entry.

    Sorted by name only: a repeated name keeps the order of its values, since the last one is
    the one that counts (`a=1&a=2` is not `a=2&a=1`). Gzipped and plain bodies are kept apart
    (`gzip`: the client accepts gzip).
    """
    params = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    ordered = sorted(params, key=lambda pair: pair[0])  # stable: repeated names keep their order
    return f"{path} gzip" if gzip else path, urlencode(ordered)


def accepts_gzip(scope: Scope) -> bool:
    """As Starlette's GZipMiddleware decides (it compresses when "gzip" is in Accept-Encoding)."""
    return any(name == b"accept-encoding" and b"gzip" in value for name, value in scope["headers"])


class ResponseCache:
    """ASGI middleware: answers a repeated GET of /api/events or /api/timeline from memory.

    An entry is used only while the store's change number is the one read before the entry's
    response was made. Every write, by any process sharing the store, raises that number, so a
    cached page is never older than the store. Only 200 responses are kept; their bodies take at
    most `max_bytes` in all, least recently used first out. Identical requests that arrive while
    their page is being made wait for it instead of making it again (after a write, a busy
    dashboard would otherwise run each of its queries once per waiting client).
    `x-cache: hit|miss` tells which.
    """

    def __init__(self, app: ASGIApp, stores: StoreProvider, max_bytes: int) -> None:
        self.app = app
        self.stores = stores
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple[str, str], Entry] = OrderedDict()
        # Pages being made now, by key and change number: identical requests wait for them.
        self._filling: dict[tuple[tuple[str, str], int], asyncio.Future[Entry | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] not in CACHED_PATHS
            or self.max_bytes <= 0
        ):
            await self.app(scope, receive, send)
            return
        version = self._version()
        if version is None:  # the store cannot say: serve uncached (the endpoint reports errors)
            await self.app(scope, receive, send)
            return
        key = cache_key(scope["path"], scope["query_string"], accepts_gzip(scope))
        entry = self._entries.get(key)
        if entry is not None and entry.version == version:
            self._entries.move_to_end(key)
            await _replay(entry, send)
            return
        pending = self._filling.get((key, version))
        if pending is not None:  # the same page is being made: wait for it, not make it twice
            entry = await asyncio.shield(pending)
            if entry is not None:
                await _replay(entry, send)
                return
        await self._fill(key, version, scope, receive, send)

    def _version(self) -> int | None:
        # Runs on the event loop: one indexed single-row read (tens of microseconds on SQLite,
        # one local round trip on PostgreSQL), cheaper than handing the request to a thread.
        try:
            store = self.stores.get()
            number = getattr(store, "change_number", None)
            return int(number() if number is not None else store.changes(1 << 62)[0])
        except Exception as exc:  # any store failure: no caching for this request
            log.debug("response cache: no change number: %s", exc)
            return None

    async def _fill(
        self, key: tuple[str, str], version: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        made: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._filling.setdefault((key, version), made)
        entry: Entry | None = None
        try:
            entry = await self._make(scope, receive, send, version)
        finally:
            if self._filling.get((key, version)) is made:
                del self._filling[(key, version)]
            made.set_result(entry)  # None (waiters make their own) when it failed or may not stay
        if entry is not None:
            self._keep(key, entry)

    async def _make(self, scope: Scope, receive: Receive, send: Send, version: int) -> Entry | None:
        """Runs the endpoint, passing its response on; the entry to keep, if it may be kept."""
        start: Message | None = None
        chunks: list[bytes] = []
        complete = False

        async def capture(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message["headers"], (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, capture)
        if start is None or start["status"] != 200 or not complete:
            return None
        body = b"".join(chunks)
        if len(body) * MAX_ENTRY_SHARE > self.max_bytes:
            return None
        return Entry(version, 200, list(start["headers"]), body)

    def _keep(self, key: tuple[str, str], entry: Entry) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self._entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= len(evicted.body)


async def _replay(entry: Entry, send: Send) -> None:
    headers = [*entry.headers, (b"x-cache", b"hit")]
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body, "more_body": False})
