"""POST /api/documents: bodies as json or ndjson; records the reader refuses get 422."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from servekit import MemoryStore

from eventwire.serve.app import create_app
from eventwire.serve.auth import create_token
from eventwire.settings import Settings


@pytest.mark.parametrize(
    ("record", "said"),
    [
        ({"id": "a", "text": "Shelling in Homs.", "published": "yesterday"}, "published"),
        ({"id": "a", "text": "Shelling in Homs.", "url": 5}, "url"),
        ({"id": "a", "text": "   "}, "non-empty"),
    ],
)
def test_a_record_the_reader_refuses_is_a_422_not_a_200(
    memory_store: MemoryStore, record: dict[str, object], said: str
) -> None:
    token = create_token(memory_store, "editor")
    app = create_app(Settings(), store=memory_store)
    response = TestClient(app).post(
        "/api/documents", json=[record], headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["message"].startswith("record 1 (id a): ") and said in error["message"]


def test_ndjson_bodies_are_read_one_record_a_line(memory_store: MemoryStore) -> None:
    token = create_token(memory_store, "editor")
    client = TestClient(create_app(Settings(), store=memory_store))
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"}
    body = b'{"id": "a", "text": "   "}\n\n{"id": "b", "text": "A raid in Hama."}\n'
    response = client.post("/api/documents", content=body, headers=headers)
    # Both lines are read as records: the blank text of the first is what is refused.
    assert response.status_code == 422, response.text
    assert response.json()["error"]["message"].startswith("record 1 (id a): ")
    response = client.post("/api/documents", content=b'{"id": "a"}\n{broken\n', headers=headers)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("body line 2: not valid JSON")
