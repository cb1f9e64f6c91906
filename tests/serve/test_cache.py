"""The response cache: repeated reads come from memory, and no write is ever hidden by it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import orjson
import pytest
from fastapi.testclient import TestClient
from servekit import LiveServer, MemoryStore, sample_db, start_server, stop_server
from starlette.types import Message, Receive, Scope, Send

from eventwire.serve.app import ServeOptions, create_app
from eventwire.serve.cache import ResponseCache, cache_key
from eventwire.serve.stores import StoreProvider
from eventwire.settings import Settings
from eventwire.store import EventQuery, Store, open_store


def _add_event(db: str, event_id: str, day: str) -> None:
    """Writes one more event, as another process would (a second worker, `eventwire ingest`)."""
    store = open_store(db)
    try:
        record = store.query_events(EventQuery(limit=1)).events[0]
        store.load_events([{**record, "event_id": event_id, "event_date": day}])
    finally:
        store.close()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return sample_db(tmp_path / "events.db")


def client(db: str, **options: Any) -> TestClient:
    return TestClient(create_app(Settings(db=db), ServeOptions(**options)))


def test_a_repeated_query_is_answered_from_the_cache(db: str) -> None:
    with client(db) as http:
        first = http.get("/api/events?country=Sudan&limit=5")
        again = http.get("/api/events?limit=5&country=Sudan")  # same parameters, other order
        other = http.get("/api/events?country=Mali&limit=5")
    assert first.headers["x-cache"] == "miss" and other.headers["x-cache"] == "miss"
    assert again.headers["x-cache"] == "hit"
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    assert [e["country"] for e in first.json()["events"]] == ["Sudan"]


def test_the_timeline_is_cached_too(db: str) -> None:
    with client(db) as http:
        first, again = http.get("/api/timeline"), http.get("/api/timeline")
    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert again.json() == first.json() and first.json()["total"] > 0


def test_a_write_makes_every_cached_page_stale(db: str) -> None:
    with client(db) as http:
        before = http.get("/api/events").json()["events"]
        _add_event(db, "new-1", "2030-01-01")
        after = http.get("/api/events")
    assert after.headers["x-cache"] == "miss"
    assert [e["event_id"] for e in after.json()["events"]] == [
        "new-1",
        *(e["event_id"] for e in before),
    ]


def test_errors_are_never_cached(db: str) -> None:
    with client(db) as http:
        answers = [http.get("/api/events?limit=0") for _ in range(2)]
    assert [a.status_code for a in answers] == [422, 422]
    assert [a.headers.get("x-cache") for a in answers] == ["miss", "miss"]


def test_no_cache_when_its_size_is_zero(db: str) -> None:
    with client(db, cache_bytes=0) as http:
        answers = [http.get("/api/events") for _ in range(2)]
    assert all("x-cache" not in a.headers for a in answers)
    assert answers[0].content == answers[1].content


def test_the_cache_keeps_to_its_size_dropping_the_least_recently_used(db: str) -> None:
    with client(db) as http:
        size = len(http.get("/api/events?limit=1").content)
    # Room for about 8.5 one-event pages; one page may take an eighth of the cache at most.
    with client(db, cache_bytes=size * 17 // 2) as http:
        for limit in range(1, 11):
            assert http.get(f"/api/events?country=Sudan&limit={limit}").status_code == 200
        newest = http.get("/api/events?country=Sudan&limit=10")
        oldest = http.get("/api/events?country=Sudan&limit=1")
    assert newest.headers["x-cache"] == "hit"
    assert oldest.headers["x-cache"] == "miss"


def test_pages_are_the_stored_events_verbatim(db: str) -> None:
    with client(db, cache_bytes=0) as http:
        body = http.get("/api/events?limit=2").content
    store = open_store(db)
    try:
        page = store.query_events(EventQuery(limit=2))
    finally:
        store.close()
    assert orjson.loads(body) == {"events": page.events, "next": page.next}


def test_the_key_ignores_parameter_order_but_not_values() -> None:
    assert cache_key("/api/events", b"b=2&a=1") == cache_key("/api/events", b"a=1&b=2")
    assert cache_key("/api/events", b"a=1") != cache_key("/api/events", b"a=2")
    assert cache_key("/api/events", b"a=1") != cache_key("/api/timeline", b"a=1")
    # A repeated parameter means its last value: the order of those values is the query.
    assert cache_key("/api/events", b"a=1&a=2") != cache_key("/api/events", b"a=2&a=1")
    assert cache_key("/api/events", b"a=1&b=3&a=2") == cache_key("/api/events", b"b=3&a=1&a=2")


def test_a_repeated_parameter_is_answered_by_its_last_value(db: str) -> None:
    with client(db) as http:
        mali = http.get("/api/events?country=Sudan&country=Mali").json()
        sudan = http.get("/api/events?country=Mali&country=Sudan").json()
    assert {e["country"] for e in mali["events"]} == {"Mali"}
    assert {e["country"] for e in sudan["events"]} == {"Sudan"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = start_server(sample_db(tmp_path / "live.db"), tmp_path / "server.log")
    try:
        yield live
    finally:
        stop_server(live)


def test_a_real_server_sees_writes_of_other_processes_at_once(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, trust_env=False) as http:
        assert http.get("/api/events").headers["x-cache"] == "miss"
        assert http.get("/api/events").headers["x-cache"] == "hit"
        _add_event(server.db, "new-2", "2031-01-01")
        after = http.get("/api/events")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["events"][0]["event_id"] == "new-2"


def test_identical_requests_in_flight_share_one_computation() -> None:
    calls: list[bytes] = []
    release = asyncio.Event()

    async def endpoint(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(scope["query_string"])
        await release.wait()
        body = b'{"events":[],"next":null}' if scope["query_string"] != b"bad=1" else b"{}"
        status = 200 if scope["query_string"] != b"bad=1" else 422
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": body})

    stores = StoreProvider.shared(cast(Store, MemoryStore()))
    cache = ResponseCache(endpoint, stores, max_bytes=1_000_000)

    async def get(query: bytes) -> tuple[int, bytes, bytes]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        scope: Scope = {"type": "http", "method": "GET", "path": "/api/events", "headers": []}
        scope["query_string"] = query
        await cache(scope, receive, send)
        return sent[0]["status"], dict(sent[0]["headers"])[b"x-cache"], sent[1]["body"]

    async def run() -> list[tuple[int, bytes, bytes]]:
        answers = [asyncio.ensure_future(get(q)) for q in (b"a=1", b"a=1", b"bad=1", b"bad=1")]
        await asyncio.sleep(0.01)
        release.set()
        return await asyncio.gather(*answers)

    answers = asyncio.run(run())
    assert calls == [b"a=1", b"bad=1", b"bad=1"]  # an error is not shared: each makes its own
    expected = [(200, b"miss"), (200, b"hit"), (422, b"miss"), (422, b"miss")]
    assert [a[:2] for a in answers] == expected
    assert answers[0][2] == answers[1][2]


def test_gzipped_pages_are_kept_apart_from_plain_ones(db: str) -> None:
    with client(db) as http:
        zipped = [http.get("/api/events", headers={"Accept-Encoding": "gzip"}) for _ in range(2)]
        plain = http.get("/api/events", headers={"Accept-Encoding": "identity"})
    assert [z.headers["x-cache"] for z in zipped] == ["miss", "hit"]
    assert all(z.headers["content-encoding"] == "gzip" for z in zipped)
    assert plain.headers["x-cache"] == "miss" and "content-encoding" not in plain.headers
    assert zipped[1].json() == plain.json()  # httpx decompresses
