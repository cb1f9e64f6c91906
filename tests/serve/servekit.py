"""Helpers for the server tests: sample documents with events, stores, a live server process."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.models import Document, Event, Evidence
from eventwire.store import open_store
from eventwire.store.base import EventPage, EventQuery, IngestResult

TRAP_TITLE = 'Crowds in Khartoum <img src=x onerror="window.__pwned = 2">'
SCRIPT_ARTICLE = (
    "Protesters gathered in Khartoum on Monday. <script>window.__pwned = 1;</script> "
    "Police fired tear gas at the crowd."
)


def _event(
    event_id: str,
    text: str,
    day: dt.date,
    *,
    event_type: str,
    sub_event_type: str,
    actor1: str,
    country: str,
    iso: int,
    location: str,
    lat: float,
    lon: float,
    fatalities: int = 0,
    spans: dict[str, str],
) -> Event:
    evidence = tuple(
        Evidence(field, text.index(span), text.index(span) + len(span), span)
        for field, span in spans.items()
    )
    return Event(
        event_id=event_id,
        event_date=day,
        time_precision=1,
        disorder_type="Political violence" if event_type != "Protests" else "Demonstrations",
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        inter1=1 if "Forces" in actor1 else 6,
        interaction=16 if event_type == "Protests" else 12,
        country=country,
        iso=iso,
        location=location,
        latitude=lat,
        longitude=lon,
        geo_precision=1,
        source="Test Wire",
        notes=f"On {day.isoformat()}, {actor1} in {location}.",
        fatalities=fatalities,
        fatalities_low=fatalities,
        confidence=0.9,
        evidence=evidence,
    )


def sample_documents() -> list[Document]:
    """Four articles, four events in three countries over two months; one carries a <script>."""
    specs = [
        (
            "doc-sudan",
            SCRIPT_ARTICLE,
            dt.date(2024, 3, 4),
            dict(
                event_type="Protests",
                sub_event_type="Protest with intervention",
                actor1="Protesters (Sudan)",
                country="Sudan",
                iso=729,
                location="Khartoum",
                lat=15.5007,
                lon=32.5599,
                spans={"actor1": "Protesters", "location": "Khartoum", "event_date": "Monday"},
            ),
        ),
        (
            "doc-mali",
            "Soldiers clashed with JNIM fighters near Gao on Tuesday, killing 12 people.",
            dt.date(2024, 3, 12),
            dict(
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1="Military Forces of Mali (2021-)",
                country="Mali",
                iso=466,
                location="Gao",
                lat=16.2717,
                lon=-0.0447,
                fatalities=12,
                spans={"actor1": "Soldiers", "location": "Gao", "fatalities": "killing 12 people"},
            ),
        ),
        (
            "doc-mali-2",
            "An air strike hit a market in Mopti on Friday, witnesses said.",
            dt.date(2024, 4, 19),
            dict(
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1="Military Forces of Mali (2021-)",
                country="Mali",
                iso=466,
                location="Mopti",
                lat=14.4843,
                lon=-4.1830,
                spans={"sub_event_type": "air strike", "location": "Mopti"},
            ),
        ),
        (
            "doc-yemen",
            "Houthi forces shelled Taiz on Sunday, local officials said.",
            dt.date(2024, 4, 28),
            dict(
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                actor1="Ansar Allah",
                country="Yemen",
                iso=887,
                location="Taiz",
                lat=13.5795,
                lon=44.0209,
                spans={"actor1": "Houthi forces", "location": "Taiz"},
            ),
        ),
    ]
    documents = []
    for doc_id, text, day, spec in specs:
        event = _event(f"ev-{doc_id}", text, day, **spec)  # type: ignore[arg-type]
        documents.append(
            Document(
                id=doc_id,
                text=text,
                url=f"https://news.example/{doc_id}",
                title=TRAP_TITLE if doc_id == "doc-sudan" else f"Report {doc_id}",
                published=day,
                outlet="Test Wire",
                events=(event,),
            )
        )
    return documents


def sample_db(path: Path) -> str:
    """A SQLite store at `path` holding the sample documents; its path as a string."""
    store = open_store(str(path))
    try:
        store.put_documents(sample_documents())
    finally:
        store.close()
    return str(path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    db: str
    process: subprocess.Popen[bytes]


SERVER_SCRIPT = """
import sys
from eventwire.serve import run
from eventwire.serve.app import ServeOptions
from eventwire.settings import Settings
run(Settings(db=sys.argv[1], progress=False), "127.0.0.1", int(sys.argv[2]),
    ServeOptions(live_interval=0.2, max_body_bytes=200_000))
"""


def start_server(db: str, log: Path) -> LiveServer:
    """uvicorn in a child process on a free 127.0.0.1 port, serving the store at `db`."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER_SCRIPT, db, str(port)], stdout=out, stderr=out, env=env
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return LiveServer(url, db, process)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server did not start: {log.read_text(errors='replace')[-2000:]}")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real server process over a temporary SQLite store holding the sample documents."""
    folder = tmp_path_factory.mktemp("serve")
    db = sample_db(folder / "events.db")
    server = start_server(db, folder / "server.log")
    try:
        yield server
    finally:
        stop_server(server)


class MemoryStore:
    """A small in-memory Store for in-process tests (the real SQLite store is used elsewhere)."""

    def __init__(self, documents: list[Document] = ()) -> None:  # type: ignore[assignment]
        self.documents: dict[str, Document] = {}
        self.state: dict[tuple[str, str], str] = {}
        self.log: list[str] = []
        self.put_documents(list(documents))

    def put_documents(self, documents: list[Document]) -> IngestResult:
        new = 0
        for document in documents:
            if document.id not in self.documents:
                self.documents[document.id] = document
                self.log.extend(e.event_id for e in document.events)
                new += 1
        return IngestResult(documents_new=new, documents_existing=len(documents) - new)

    def has_document(self, document_id: str) -> bool:
        return document_id in self.documents

    def get_document(self, document_id: str) -> dict[str, Any] | None:
        document = self.documents.get(document_id)
        return document.to_record() if document else None

    def _events(self) -> list[tuple[Event, Document]]:
        pairs = [(e, d) for d in self.documents.values() for e in d.events]
        return sorted(pairs, key=lambda p: (p[0].event_date, p[0].event_id), reverse=True)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        for event, document in self._events():
            if event.event_id == event_id:
                report = {
                    **document.to_record(events=False),
                    "evidence": event.to_record()["evidence"],
                }
                return {**event.to_record(), "reports": [report]}
        return None

    def query_events(self, query: EventQuery) -> EventPage:
        rows = [e.to_record() | {"reports": 1} for e, _ in self._events()]
        rows = [r for r in rows if _matches(r, query)]
        start = int(query.cursor) if query.cursor else 0
        end = start + query.limit
        return EventPage(rows[start:end], str(end) if end < len(rows) else None)

    def iter_events(self, query: EventQuery) -> Iterator[dict[str, Any]]:
        yield from (r for r in (e.to_record() for e, _ in self._events()) if _matches(r, query))

    def changes(self, after: int) -> tuple[int, list[str]]:
        return len(self.log), self.log[after:]

    def get_state(self, namespace: str, key: str) -> str | None:
        return self.state.get((namespace, key))

    def set_state(self, namespace: str, key: str, value: str) -> None:
        self.state[(namespace, key)] = value

    def counts(self) -> dict[str, int]:
        return {"documents": len(self.documents), "events": len(self.log), "reports": len(self.log)}

    def close(self) -> None:
        pass


def _matches(record: dict[str, Any], query: EventQuery) -> bool:
    actors = " ".join(str(record.get(k) or "") for k in ("actor1", "actor2")).lower()
    text = " ".join(str(record.get(k) or "") for k in ("notes", "location", "actor1")).lower()
    return (
        (not query.since or record["event_date"] >= query.since.isoformat())
        and (not query.until or record["event_date"] <= query.until.isoformat())
        and (not query.country or record["country"] == query.country)
        and (not query.event_type or record["event_type"] == query.event_type)
        and (not query.actor or query.actor.lower() in actors)
        and (not query.q or query.q.lower() in text)
    )


@pytest.fixture
def memory_store() -> MemoryStore:
    return MemoryStore(sample_documents())
