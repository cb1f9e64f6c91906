"""The HTTP API against a real uvicorn process on 127.0.0.1 over a temporary SQLite store."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest
from servekit import LiveServer, sample_documents

from eventwire.models import Document
from eventwire.serve.auth import create_token
from eventwire.store import open_store


def get(server: LiveServer, path: str, **params: Any) -> httpx.Response:
    return httpx.get(server.url + path, params=params, timeout=10)


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [event["event_id"] for event in response.json()["events"]]


def test_events_come_newest_first_with_the_contract_shape(live_server: LiveServer) -> None:
    body = get(live_server, "/api/events").json()
    assert body["next"] is None
    assert [e["event_id"] for e in body["events"]] == [
        "ev-doc-yemen",
        "ev-doc-mali-2",
        "ev-doc-mali",
        "ev-doc-sudan",
    ]
    mali = body["events"][2]
    assert mali["fatalities"] == 12 and mali["country"] == "Mali" and mali["iso"] == 466
    location = next(e for e in mali["evidence"] if e["field"] == "location")
    assert (location["start"], location["end"], location["text"]) == (41, 44, "Gao")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "Mali"}, ["ev-doc-mali-2", "ev-doc-mali"]),
        ({"event_type": "Battles"}, ["ev-doc-mali"]),
        ({"sub_event_type": "Air/drone strike"}, ["ev-doc-mali-2"]),
        ({"actor": "ansar"}, ["ev-doc-yemen"]),
        ({"q": "Khartoum"}, ["ev-doc-sudan"]),
        ({"since": "2024-03-10", "until": "2024-04-20"}, ["ev-doc-mali-2", "ev-doc-mali"]),
        ({"bbox": "-12,10,5,25"}, ["ev-doc-mali-2", "ev-doc-mali"]),
        ({"country": "Mali", "since": "2024-04-01"}, ["ev-doc-mali-2"]),
        ({"country": "Chad"}, []),
    ],
)
def test_every_filter_narrows_the_events(
    live_server: LiveServer, params: dict[str, str], expected: list[str]
) -> None:
    assert ids(get(live_server, "/api/events", **params)) == expected


def test_cursor_pagination_walks_every_event_once(live_server: LiveServer) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params = {"limit": "1"} | ({"cursor": cursor} if cursor else {})
        body = get(live_server, "/api/events", **params).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == ids(get(live_server, "/api/events"))


def test_the_timeline_counts_events_per_day_under_the_filters(live_server: LiveServer) -> None:
    body = get(live_server, "/api/timeline", country="Mali").json()
    assert body == {"days": [["2024-03-12", 1], ["2024-04-19", 1]], "total": 2}
    everything = get(live_server, "/api/timeline").json()
    assert everything["total"] >= 4 and ["2024-03-04", 1] in everything["days"]
    error_of(get(live_server, "/api/timeline", since="2024-05-01", until="2024-01-01"), 422)


def test_an_event_comes_with_its_reports_and_evidence(live_server: LiveServer) -> None:
    event = get(live_server, "/api/events/ev-doc-mali").json()
    assert event["event_id"] == "ev-doc-mali"
    [report] = event["reports"]
    assert report["url"] == "https://news.example/doc-mali"
    span = next(e for e in report["evidence"] if e["field"] == "fatalities")
    assert report["text"][span["start"] : span["end"]] == "killing 12 people"


def test_a_document_is_served_by_id(live_server: LiveServer) -> None:
    document = get(live_server, "/api/documents/doc-sudan").json()
    assert document["id"] == "doc-sudan" and "<script>" in document["text"]
    assert [e["event_id"] for e in document["events"]] == ["ev-doc-sudan"]


def error_of(response: httpx.Response, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return dict(body["error"])


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("GET", "/api/nothing-here", {}, 404, "not_found"),
        ("GET", "/api/events/no-such-event", {}, 404, "not_found"),
        ("GET", "/api/documents/no-such-document", {}, 404, "not_found"),
        ("DELETE", "/api/events", {}, 405, "method_not_allowed"),
        ("PUT", "/api/documents", {}, 405, "method_not_allowed"),
        ("GET", "/api/events?limit=0", {}, 422, "invalid_request"),
        ("GET", "/api/events?limit=many", {}, 422, "invalid_request"),
        ("GET", "/api/events?since=yesterday", {}, 422, "invalid_request"),
        ("GET", "/api/events?since=2024-05-01&until=2024-01-01", {}, 422, "invalid_request"),
        ("GET", "/api/events?bbox=1,2,3", {}, 422, "invalid_request"),
        ("GET", "/api/events?event_type=Picnics", {}, 422, "invalid_request"),
        ("GET", "/api/events?cursor=not-a-cursor", {}, 422, "invalid_request"),
        ("POST", "/api/documents", {"json": {"id": "a", "text": "b"}}, 401, "unauthorized"),
        (
            "POST",
            "/api/documents",
            {"json": {"id": "a", "text": "b"}, "headers": {"Authorization": "Bearer ew_forged"}},
            401,
            "unauthorized",
        ),
        ("POST", "/api/documents", {"content": b"x" * 300_000}, 413, "payload_too_large"),
    ],
)
def test_every_error_has_the_one_json_shape(
    live_server: LiveServer,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    code: str,
) -> None:
    response = httpx.request(method, live_server.url + path, timeout=10, **kwargs)
    assert error_of(response, status)["code"] == code


def test_a_body_over_the_limit_without_content_length_is_refused(live_server: LiveServer) -> None:
    def chunks() -> Any:
        for _ in range(30):
            yield b"y" * 10_000

    store = open_store(live_server.db)
    try:
        token = create_token(store, "chunked")
    finally:
        store.close()
    response = httpx.post(
        live_server.url + "/api/documents",
        content=chunks(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert error_of(response, 413)["code"] == "payload_too_large"


def test_security_headers_and_closed_cors(live_server: LiveServer) -> None:
    for path in ("/", "/api/events", "/api/nothing-here"):
        response = httpx.get(
            live_server.url + path, headers={"Origin": "https://elsewhere.example"}, timeout=10
        )
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in response.headers
    preflight = httpx.options(
        live_server.url + "/api/documents",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "POST",
        },
        timeout=10,
    )
    assert "access-control-allow-origin" not in preflight.headers
    error_of(preflight, 405)


def test_health_openapi_and_dashboard(live_server: LiveServer) -> None:
    health = get(live_server, "/api/health").json()
    assert health["status"] == "ok" and health["counts"]["events"] == 4
    paths = get(live_server, "/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents"} <= set(paths)
    assert {"/api/documents/{document_id}", "/api/health"} <= set(paths)
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} >= {
        "since",
        "until",
        "country",
        "event_type",
        "sub_event_type",
        "actor",
        "bbox",
        "q",
        "limit",
        "cursor",
    }
    page = get(live_server, "/")
    assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
    assert get(live_server, "/static/app.js").status_code == 200
    assert get(live_server, "/static/countries-50m.json").json()["type"] == "Topology"


def _next_sse_message(
    server: LiveServer, found: list[dict[str, Any]], ready: threading.Event
) -> None:
    with httpx.stream("GET", server.url + "/api/stream", timeout=20) as response:
        event = None
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "hello":
                ready.set()
            elif line.startswith("data:") and event == "changes":
                found.append(json.loads(line.split(":", 1)[1]))
                return


def test_new_events_are_pushed_over_server_sent_events(live_server: LiveServer) -> None:
    found: list[dict[str, Any]] = []
    ready = threading.Event()
    listener = threading.Thread(target=_next_sse_message, args=(live_server, found, ready))
    listener.start()
    assert ready.wait(20)
    template = sample_documents()[1]
    event = template.events[0]
    fresh = Document(
        id="doc-live",
        text=template.text.replace("Tuesday", "Wednesday"),
        url="https://news.example/doc-live",
        published=template.published,
        events=(
            event.__class__(
                **{
                    **_fields(event),
                    "event_id": "ev-live",
                    "location": "Kidal",
                    "latitude": 18.44,
                    "longitude": 1.41,
                }
            ),
        ),
    )
    store = open_store(live_server.db)
    try:
        store.put_documents([fresh])
    finally:
        store.close()
    listener.join(20)
    assert found, "no `changes` message arrived"
    assert found[0]["ids"] and found[0]["latest"] >= 1


def _fields(event: Any) -> dict[str, Any]:
    return {name: getattr(event, name) for name in event.__dataclass_fields__}


@pytest.mark.slow
def test_a_token_holder_can_post_a_document(live_server: LiveServer) -> None:
    store = open_store(live_server.db)
    try:
        token = create_token(store, "api-test")
    finally:
        store.close()
    record = {
        "id": "posted-1",
        "text": "Police arrested 15 protesters in Nairobi on Tuesday, witnesses said.",
        "published": "2024-06-04",
        "url": "https://news.example/posted-1",
    }
    response = httpx.post(
        live_server.url + "/api/documents",
        json=record,
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )
    assert response.status_code == 201, response.text
    assert response.json()["documents_new"] == 1 and response.json()["ids"] == ["posted-1"]
    stored = get(live_server, "/api/documents/posted-1").json()
    assert stored["text"].startswith("Police arrested 15 protesters")
    again = httpx.post(
        live_server.url + "/api/documents",
        json=record,
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )
    assert again.status_code == 200 and again.json()["documents_existing"] == 1
