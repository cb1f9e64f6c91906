"""The fast path of GET /api/events answers exactly as the FastAPI route does, or hands over."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient
from servekit import MemoryStore, sample_db, sample_documents

from eventwire.serve import fast
from eventwire.serve.app import ServeOptions, create_app
from eventwire.settings import Settings

# Valid queries (answered by the fast path) and every kind of doubtful one (handed over).
QUERIES = [
    "",
    "country=Mali",
    "country=mali&limit=1",
    "limit=1000&event_type=Battles",
    "sub_event_type=Air%2Fdrone+strike",
    "actor=ANSAR&q=taiz",
    "q=",
    "since=2024-03-10&until=2024-04-20",
    "bbox=-12,10,5,25",
    "bbox=",
    "country=Sudan&country=Mali",  # the last one wins, as in Starlette
    "unknown=1&country=Yemen",
    "country=" + "x" * 300,
    "country=" + "x" * 301,
    "limit=0",
    "limit=1001",
    "limit=01",
    "limit=+5",
    "limit=many",
    "since=yesterday",
    "since=2024-02-30",
    "since=",
    "since=2024-05-01&until=2024-01-01",
    "bbox=1,2,3",
    "bbox=1,2,3,x",
    "event_type=Picnics",
    "cursor=not-a-cursor",
    "cursor=",
    "q=%FF%FE",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sample_db(tmp_path_factory.mktemp("fast") / "events.db")


def _client(db: str) -> TestClient:
    # No response cache: every request reaches the fast path or the route.
    return TestClient(create_app(Settings(db=db), ServeOptions(cache_bytes=0)))


def _answers(db: str, queries: list[str]) -> list[tuple[int, str, bytes]]:
    with _client(db) as http:
        responses = [http.get(f"/api/events?{query}") for query in queries]
    return [(r.status_code, r.headers["content-type"], r.content) for r in responses]


def test_the_fast_path_answers_as_the_route_does(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answered: list[Any] = []
    real_body = fast.events_body
    monkeypatch.setattr(fast, "events_body", lambda *a: answered.append(a) or real_body(*a))
    fast_answers = _answers(db, QUERIES)
    taken = len(answered)
    monkeypatch.setattr(fast, "parse", lambda query_string: None)  # everything to the route
    route_answers = _answers(db, QUERIES)
    assert len(answered) == taken  # the route does not go through the fast path
    for query, by_fast, by_route in zip(QUERIES, fast_answers, route_answers, strict=True):
        assert by_fast == by_route, query
    assert 10 <= taken < len(QUERIES)
    assert {status for status, _, _ in fast_answers} == {200, 422}


def test_a_next_page_from_the_fast_path_continues_where_the_first_stopped(db: str) -> None:
    with _client(db) as http:
        first = http.get("/api/events?limit=2").json()
        second = http.get(f"/api/events?limit=2&cursor={first['next']}").json()
        everything = http.get("/api/events").json()
    pages = [e["event_id"] for e in first["events"] + second["events"]]
    assert pages == [e["event_id"] for e in everything["events"]][:4]


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        (b"", {"limit": 100}),
        (b"country=Mali&limit=7", {"country": "Mali", "limit": 7}),
        (b"since=2024-01-02&q=a+b", {"since": dt.date(2024, 1, 2), "q": "a b"}),
        (b"bbox=1,2,3,4&cursor=abc", {"bbox": (1.0, 2.0, 3.0, 4.0), "cursor": "abc"}),
        (b"admin1=&actor=", {"admin1": None, "actor": None}),
    ],
)
def test_plainly_valid_queries_are_parsed(query_string: bytes, expected: dict[str, Any]) -> None:
    query = fast.parse(query_string)
    assert query is not None
    for name, value in expected.items():
        assert getattr(query, name) == value, name


@pytest.mark.parametrize(
    "query_string",
    [b"limit=0", b"limit=1001", b"since=1.1.2024", b"until=", b"bbox=1", b"event_type=x"],
)
def test_doubtful_queries_go_to_the_route(query_string: bytes) -> None:
    assert fast.parse(query_string) is None


def test_stores_without_raw_pages_are_served_by_the_route() -> None:
    app = create_app(Settings(), ServeOptions(cache_bytes=0), store=MemoryStore(sample_documents()))
    with TestClient(app) as http:
        body = http.get("/api/events?country=Mali").json()
    assert [e["event_id"] for e in body["events"]] == ["ev-doc-mali-2", "ev-doc-mali"]
