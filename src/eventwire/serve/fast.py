"""GET /api/events without the framework: the route's answer for well-formed queries, cheaper.

FastAPI's parameter solving and the thread hop through anyio cost about as much CPU as the
SQL of a page. This ASGI middleware answers a GET of /api/events whose parameters are all
plainly valid (dates as YYYY-MM-DD, limit as 1-1000 in digits, known event types, a box that
parses, strings within their length limits) with the bytes the route would send. Anything
else, including every error (a bad cursor, a failing store), goes to the FastAPI route, which
decides and renders it as before: one place decides what an error says.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import re
from concurrent.futures import Executor
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.errors import StoreError
from eventwire.serve.api import MAX_LIMIT, checked_filters, events_body
from eventwire.serve.errors import ApiError
from eventwire.serve.stores import StoreProvider
from eventwire.store.base import EventQuery

PATH = "/api/events"
# checked_filters' string arguments, in order.
FILTERS = ("country", "admin1", "event_type", "sub_event_type", "actor", "bbox", "q")
# The route's max_length for each string parameter; a longer value goes to the route (422).
MAX_LENGTHS = {
    "country": 300,
    "admin1": 300,
    "event_type": 300,
    "sub_event_type": 300,
    "actor": 300,
    "bbox": 200,
    "q": 300,
    "cursor": 1000,
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LIMIT = re.compile(r"[1-9][0-9]{0,3}")
_HEADERS = [(b"content-type", b"application/json")]


def parse(query_string: bytes) -> EventQuery | None:
    """The query of a plainly valid request, or None: let the route decide (and say why)."""
    # As Starlette reads it: latin-1, percent-decoded as UTF-8; the last of repeated names wins.
    values = dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    dates: dict[str, dt.date | None] = {"since": None, "until": None}
    for name in dates:
        text = values.get(name)
        if text is None:
            continue
        if not _DATE.fullmatch(text):
            return None
        try:
            dates[name] = dt.date.fromisoformat(text)
        except ValueError:
            return None
    limit = values.get("limit", "100")
    if not _LIMIT.fullmatch(limit) or int(limit) > MAX_LIMIT:
        return None
    for name, longest in MAX_LENGTHS.items():
        if len(values.get(name, "")) > longest:
            return None
    try:
        query = checked_filters(
            dates["since"],
            dates["until"],
            *(values.get(name) for name in FILTERS),
        )
    except ApiError:
        return None
    return dataclasses.replace(query, limit=int(limit), cursor=values.get("cursor") or None)


class FastEvents:
    """ASGI middleware in front of the routes: answers plainly valid GET /api/events itself.

    The page is read in one of the `executor`'s threads (each with its own store connection
    from `stores`): one plain hop per request. Stores without `query_events_raw` always go to
    the route.
    """

    def __init__(self, app: ASGIApp, stores: StoreProvider, executor: Executor) -> None:
        self.app = app
        self.stores = stores
        self.executor = executor
        self.enabled = getattr(stores.get(), "query_events_raw", None) is not None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            not self.enabled
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] != PATH
        ):
            await self.app(scope, receive, send)
            return
        query = parse(scope["query_string"])
        if query is None:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        try:
            body = await loop.run_in_executor(self.executor, self._page, query)
        except StoreError:  # a bad cursor or a failing store: the route says which
            await self.app(scope, receive, send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-length", str(len(body)).encode()), *_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _page(self, query: EventQuery) -> bytes:
        return events_body(self.stores.get(), query)
