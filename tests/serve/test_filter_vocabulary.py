"""Event type filters take ACLED's names in any case and spacing; unknown names stay a 422."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from servekit import MemoryStore, sample_db, sample_documents

from eventwire.serve import fast
from eventwire.serve.app import ServeOptions, create_app
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sample_db(tmp_path_factory.mktemp("vocabulary") / "events.db")


@pytest.fixture(params=["fast path", "route"])
def http(
    request: pytest.FixtureRequest, db: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    if request.param == "route":
        monkeypatch.setattr(fast, "parse", lambda query_string: None)
    app = create_app(Settings(db=db), ServeOptions(cache_bytes=0))
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"event_type": "battles"}, ["ev-doc-mali"]),
        ({"event_type": "BATTLES"}, ["ev-doc-mali"]),
        ({"event_type": " explosions/remote  violence "}, ["ev-doc-yemen", "ev-doc-mali-2"]),
        ({"sub_event_type": "air/drone strike"}, ["ev-doc-mali-2"]),
        (
            {"event_type": "protests", "sub_event_type": "PROTEST WITH INTERVENTION"},
            ["ev-doc-sudan"],
        ),
    ],
)
def test_names_in_any_case_filter_as_acled_spells_them(
    http: TestClient, params: dict[str, str], expected: list[str]
) -> None:
    response = http.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert [e["event_id"] for e in response.json()["events"]] == expected


def test_a_store_that_compares_names_exactly_gets_acled_spelling() -> None:
    store = MemoryStore(sample_documents())
    app = create_app(Settings(), ServeOptions(cache_bytes=0), store=store)
    with TestClient(app) as client:
        response = client.get("/api/events", params={"event_type": "battles"})
    assert [e["event_id"] for e in response.json()["events"]] == ["ev-doc-mali"]


def test_the_timeline_takes_them_too(http: TestClient) -> None:
    response = http.get("/api/timeline", params={"event_type": "battles"})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"event_type": "picnics"}, "event_type: unknown 'picnics'; known: Battles, "),
        ({"event_type": "battle"}, "event_type: unknown 'battle'"),
        (
            {"sub_event_type": "air strike"},
            "sub_event_type: unknown 'air strike'; see /api/taxonomy",
        ),
    ],
)
def test_unknown_names_are_still_refused(
    http: TestClient, params: dict[str, str], message: str
) -> None:
    response = http.get("/api/events", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["message"].startswith(message)


def test_the_fast_path_parses_them_to_acled_spelling() -> None:
    query = fast.parse(b"event_type=battles&sub_event_type=ARMED+CLASH")
    assert query is not None
    assert (query.event_type, query.sub_event_type) == ("Battles", "Armed clash")
