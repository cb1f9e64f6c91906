"""Store fixtures: every store test runs against SQLite and against PostgreSQL.

PostgreSQL is EVENTWIRE_TEST_PG (default postgresql://127.0.0.1:5432/test); each test gets its
own schema, dropped afterwards, so parallel runs never collide. Where no server answers, the
PostgreSQL variants skip with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.models import Document, Event, Evidence

PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # any failure means: skip, saying why
        return f"PostgreSQL not reachable at {PG_URL} (set EVENTWIRE_TEST_PG): {exc}"
    return None


@pytest.fixture(scope="session")
def pg_problem() -> str | None:
    return _pg_reachable()


def _with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_problem: str | None
) -> Iterator[str]:
    """A fresh, empty store's URL on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "eventwire.db")
        return
    if pg_problem:
        pytest.skip(pg_problem)
    schema = f"ewtest_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    yield _with_schema(PG_URL, schema)
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    from eventwire.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


def make_event(event_id: str, **changes: Any) -> Event:
    """An air strike on Douma on 2017-04-04 by Syrian forces; override any field."""
    values: dict[str, Any] = {
        "event_id": event_id,
        "event_date": dt.date(2017, 4, 4),
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Syria (2000-)",
        "inter1": 1,
        "actor2": "Civilians (Syria)",
        "inter2": 7,
        "interaction": 17,
        "country": "Syria",
        "iso": 760,
        "admin1": "Rural Damascus",
        "location": "Douma",
        "latitude": 33.5711,
        "longitude": 36.4022,
        "geo_precision": 1,
        "source": "Syrian Observatory for Human Rights",
        "notes": "On 4 April 2017, Syrian forces struck Douma, killing 12 civilians.",
        "fatalities": 12,
        "fatalities_low": 12,
        "confidence": 0.6,
        "evidence": (Evidence("location", 0, 5, "Douma"),),
    }
    values.update(changes)
    if "event_date" in changes and isinstance(changes["event_date"], str):
        values["event_date"] = dt.date.fromisoformat(changes["event_date"])
    return Event(**values)


def make_document(doc_id: str, *events: Event, **changes: Any) -> Document:
    values: dict[str, Any] = {
        "id": doc_id,
        "text": "Douma was struck on Tuesday.",
        "url": f"https://news.example/{doc_id}",
        "published": dt.date(2017, 4, 5),
        "outlet": f"outlet-{doc_id}",
        "events": events,
    }
    values.update(changes)
    return Document(**values)


@pytest.fixture
def event() -> Callable[..., Event]:
    return make_event


@pytest.fixture
def document() -> Callable[..., Document]:
    return make_document
