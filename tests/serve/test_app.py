"""In-process checks of what a live server cannot easily be made to do: 500s, options, tokens."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from servekit import MemoryStore

from eventwire.errors import UsageError
from eventwire.serve.app import ServeOptions, create_app
from eventwire.serve.auth import bearer_token, create_token, revoke_token, token_name
from eventwire.settings import Settings


class BrokenStore(MemoryStore):
    def query_events(self, query: Any) -> Any:
        raise RuntimeError("disk on fire")


def client(store: MemoryStore, **options: Any) -> TestClient:
    app = create_app(Settings(), ServeOptions(**options), store=store)
    return TestClient(app, raise_server_exceptions=False)


def test_an_unexpected_failure_is_a_500_in_the_error_shape() -> None:
    response = client(BrokenStore()).get("/api/events")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "internal server error; see the server log"}
    }
    assert "disk on fire" not in response.text  # internals stay in the log


def test_a_read_only_server_refuses_writes_even_with_a_token(memory_store: MemoryStore) -> None:
    token = create_token(memory_store, "editor")
    response = client(memory_store, read_only=True).post(
        "/api/documents",
        json={"id": "x", "text": "y"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == "read_only"


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b'{"text": "no id"}', "application/json", 422),
        (b'{"id": "a"}', "application/json", 422),
        (b"[]", "application/json", 422),
        (b'{"id": "a", "text": "b"}', "text/plain", 415),
    ],
)
def test_malformed_records_are_refused_before_the_pipeline(
    memory_store: MemoryStore, body: bytes, content_type: str, status: int
) -> None:
    token = create_token(memory_store, "editor")
    response = client(memory_store).post(
        "/api/documents",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type},
    )
    assert response.status_code == status, response.text
    assert set(response.json()["error"]) == {"code", "message"}


def test_cors_opens_only_to_the_configured_origins(memory_store: MemoryStore) -> None:
    open_client = client(memory_store, cors_origins=("https://desk.example",))
    allowed = open_client.get("/api/health", headers={"Origin": "https://desk.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://desk.example"
    other = open_client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_tokens_are_stored_hashed_and_can_be_revoked(memory_store: MemoryStore) -> None:
    token = create_token(memory_store, "desk")
    assert token.startswith("ew_") and len(token) > 40
    assert all(token not in value for value in memory_store.state.values())
    assert token_name(memory_store, token) == "desk"
    assert token_name(memory_store, token + "x") is None
    with pytest.raises(UsageError):
        create_token(memory_store, "desk")
    assert revoke_token(memory_store, "desk")
    assert token_name(memory_store, token) is None
    assert not revoke_token(memory_store, "desk")


def test_bearer_header_parsing() -> None:
    assert bearer_token("Bearer abc") == "abc"
    assert bearer_token("bearer  abc ") == "abc"
    assert bearer_token("Basic abc") is None
    assert bearer_token("Bearer ") is None
    assert bearer_token(None) is None


def test_worker_processes_rebuild_the_same_app_from_the_environment(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.serve.app import SPEC_VARIABLE, app_from_environment, app_spec

    settings = Settings(db=str(tmp_path / "w.db"), progress=False)
    options = ServeOptions(read_only=True, cors_origins=("https://desk.example",), workers=2)
    monkeypatch.setenv(SPEC_VARIABLE, app_spec(settings, options))
    app = app_from_environment()
    assert app.state.settings == settings and app.state.options == options
    with TestClient(app) as worker:
        assert worker.get("/api/health").json()["read_only"] is True


def test_ids_with_slashes_reach_their_document() -> None:
    import dataclasses

    from servekit import sample_documents

    document = dataclasses.replace(sample_documents()[1], id="wire/2024/gao")
    response = client(MemoryStore([document])).get("/api/documents/wire%2F2024%2Fgao")
    assert response.status_code == 200 and response.json()["id"] == "wire/2024/gao"
    assert client(MemoryStore([document])).get("/api/documents/wire/2024/gao").status_code == 200
