"""Every document id a store keeps can be fetched by GET; POST refuses longer ones with a 422."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from eventwire.models import Document
from eventwire.serve.app import ServeOptions, create_app
from eventwire.serve.auth import create_token
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.base import MAX_ID_BYTES

IDS = ["a" * 301, "https://news.example/" + "b" * (MAX_ID_BYTES - 21), "é/" * (MAX_ID_BYTES // 3)]


def test_documents_with_long_ids_are_fetched(tmp_path: Path) -> None:
    db = str(tmp_path / "events.db")
    store = open_store(db)
    try:
        result = store.put_documents([Document(id=i, text="Shelling in Homs.") for i in IDS])
        assert result.errors == []
    finally:
        store.close()
    with TestClient(create_app(Settings(db=db), ServeOptions(cache_bytes=0))) as http:
        for doc_id in IDS:
            response = http.get("/api/documents/" + quote(doc_id, safe=""))
            assert response.status_code == 200, response.text
            assert response.json()["id"] == doc_id
        missing = http.get("/api/documents/" + "c" * MAX_ID_BYTES)
        assert missing.status_code == 404


def test_posting_an_id_over_the_limit_is_a_422_naming_it(tmp_path: Path) -> None:
    db = str(tmp_path / "events.db")
    store = open_store(db)
    try:
        token = create_token(store, "editor")
    finally:
        store.close()
    record = {"id": "d" * (MAX_ID_BYTES + 1), "text": "Shelling in Homs."}
    with TestClient(create_app(Settings(db=db))) as http:
        response = http.post(
            "/api/documents", json=[record], headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 422, response.text
    assert response.json()["error"] == {
        "code": "invalid_request",
        "message": f"record 1: id: {MAX_ID_BYTES + 1} bytes in UTF-8; at most {MAX_ID_BYTES}",
    }
