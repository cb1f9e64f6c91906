"""Live updates: one poller of store.changes() fans new event ids out to SSE subscribers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Annotated

import orjson
from fastapi import Header, Request
from fastapi.routing import APIRoute
from sse_starlette.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from eventwire.serve.stores import StoreProvider

log = logging.getLogger("eventwire.serve")
MAX_IDS = 500  # ids per message; a client that gets a full list reloads its view anyway
QUEUE_SIZE = 100


class Broadcaster:
    """Polls the store's change feed while anyone listens and hands each change to listeners."""

    def __init__(self, stores: StoreProvider, interval: float) -> None:
        self.stores = stores
        self.interval = interval
        self.latest = 0
        self._listeners: set[asyncio.Queue[tuple[int, list[str]]]] = set()
        self._task: asyncio.Task[None] | None = None

    async def current(self) -> int:
        latest, _ = await run_in_threadpool(self._changes, 1 << 62)
        return latest

    def _changes(self, after: int) -> tuple[int, list[str]]:
        return self.stores.get().changes(after)

    async def subscribe(self, after: int) -> AsyncIterator[tuple[int, list[str]]]:
        """Yields (change number, event ids) from `after` on, until the client goes away."""
        queue: asyncio.Queue[tuple[int, list[str]]] = asyncio.Queue(QUEUE_SIZE)
        self._listeners.add(queue)
        if self._task is None or self._task.done():
            self.latest = after
            self._task = asyncio.create_task(self._poll())
        try:
            if after < self.latest:  # a reconnecting client catches up on what it missed
                yield await run_in_threadpool(self._changes, after)
            while True:
                yield await queue.get()
        finally:
            self._listeners.discard(queue)

    async def _poll(self) -> None:
        while self._listeners:
            try:
                latest, ids = await run_in_threadpool(self._changes, self.latest)
            except Exception:
                log.exception("live updates: reading the change feed failed; retrying")
                await asyncio.sleep(self.interval * 5)
                continue
            if latest > self.latest:
                self.latest = latest
                for queue in list(self._listeners):
                    with contextlib.suppress(asyncio.QueueFull):  # a stuck client misses one
                        queue.put_nowait((latest, ids))
            await asyncio.sleep(self.interval)
        self._task = None

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


async def stream(
    request: Request, last_event_id: Annotated[str | None, Header()] = None
) -> EventSourceResponse:
    """Server-sent events: `changes` messages {"latest": n, "ids": [...]} as events arrive."""
    broadcaster: Broadcaster = request.app.state.broadcaster
    if last_event_id and last_event_id.isdigit() and len(last_event_id) <= 18:
        after = int(last_event_id)
    else:
        after = await broadcaster.current()

    async def messages() -> AsyncIterator[ServerSentEvent]:
        yield ServerSentEvent(
            orjson.dumps({"latest": after}).decode(), event="hello", id=str(after)
        )
        async for latest, ids in broadcaster.subscribe(after):
            data = {"latest": latest, "ids": ids[:MAX_IDS], "truncated": len(ids) > MAX_IDS}
            yield ServerSentEvent(orjson.dumps(data).decode(), event="changes", id=str(latest))

    return EventSourceResponse(messages(), ping=15, headers={"Cache-Control": "no-store"})


ROUTES = [APIRoute("/api/stream", stream, methods=["GET"], tags=["live"])]
