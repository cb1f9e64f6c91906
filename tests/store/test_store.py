"""Store basics on both backends: documents, idempotence, transactions, state, change feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import make_document, make_event

from eventwire.errors import StoreError
from eventwire.store import open_store
from eventwire.store.schema import MIGRATIONS


def test_document_round_trip_and_idempotent_ingest(store: Any) -> None:
    doc = make_document("a", make_event("a-1"), title="Strike on Douma")
    result = store.put_documents([doc])
    assert (result.documents_new, result.documents_existing, result.events_new) == (1, 0, 1)
    assert store.has_document("a") and not store.has_document("b")
    record = store.get_document("a")
    assert record["title"] == "Strike on Douma"
    assert record["text"] == doc.text
    assert [e["event_id"] for e in record["events"]] == ["a-1"]
    assert record["event_ids"] == ["a-1"]
    assert store.get_document("missing") is None

    again = store.put_documents([doc, make_document("b", make_event("b-1", location="Hama"))])
    assert (again.documents_new, again.documents_existing) == (1, 1)
    assert store.counts()["documents"] == 2


def test_the_same_id_twice_in_one_batch_is_stored_once(store: Any) -> None:
    result = store.put_documents([make_document("a"), make_document("a")])
    assert (result.documents_new, result.documents_existing) == (1, 1)
    assert store.counts()["documents"] == 1


def test_a_bad_document_fails_alone(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch is rolled back, then stored document by document; the bad one is an error."""
    original = store._add_report
    calls: list[str] = []

    def fail_on_b(report: Any, change: int) -> bool:
        calls.append(report.report_id)
        if report.report_id == "b-1":
            raise StoreError("test", "disk full")
        return bool(original(report, change))

    monkeypatch.setattr(store, "_add_report", fail_on_b)
    batch = [
        make_document("a", make_event("a-1")),
        make_document("b", make_event("b-1"), origin="feed.jsonl:2"),
        make_document("c", make_event("c-1", location="Hama", latitude=35.13)),
    ]
    result = store.put_documents(batch)
    assert calls[:2] == ["a-1", "b-1"]  # the whole batch was tried first
    assert (result.documents_new, result.errors) == (2, ["feed.jsonl:2: cannot store: disk full"])
    assert store.has_document("a") and store.has_document("c")
    assert not store.has_document("b")  # nothing of it half-stored
    assert store.counts() == {"documents": 2, "events": 2, "reports": 2}
    monkeypatch.undo()
    assert store.put_documents(batch).documents_new == 1


def test_an_unstorable_value_is_a_document_error(store: Any) -> None:
    bad = make_document("nan", make_event("nan-1", latitude=float("nan")))
    result = store.put_documents([make_document("ok"), bad])
    assert result.documents_new == 1
    assert result.errors == ["nan: cannot store: event nan-1: latitude nan is not a coordinate"]
    assert store.counts()["documents"] == 1
    odd = make_document("odd", make_event("odd-1", geo_precision=4))
    assert "geo_precision must be 1, 2 or 3, not 4" in store.put_documents([odd]).errors[0]


def test_event_ids_colliding_across_documents_stay_distinct(store: Any) -> None:
    store.put_documents([make_document("a", make_event("e1"))])
    store.put_documents([make_document("b", make_event("e1", location="Hama", latitude=35.13))])
    assert store.counts()["events"] == 2
    event = store.get_event("e1")
    assert [r["document_id"] for r in event["reports"]] == ["a"]


def test_get_event_carries_every_report(store: Any) -> None:
    store.put_documents(
        [
            make_document("a", make_event("a-1", fatalities=12, fatalities_low=12)),
            make_document("b", make_event("b-1", fatalities=15, fatalities_low=15)),
        ]
    )
    event = store.get_event("a-1")
    assert event["report_count"] == 2
    reports = {r["document_id"]: r for r in event["reports"]}
    assert set(reports) == {"a", "b"}
    assert reports["b"]["url"] == "https://news.example/b"
    assert reports["b"]["outlet"] == "outlet-b"
    assert reports["b"]["published"] == "2017-04-05"
    assert reports["b"]["fatalities"] == 15
    assert reports["b"]["evidence"] == [
        {"field": "location", "start": 0, "end": 5, "text": "Douma"}
    ]
    assert reports["a"]["text"] == "Douma was struck on Tuesday."
    assert store.get_event("nope") is None


def test_state_is_durable_and_overwritable(store_url: str) -> None:
    store = open_store(store_url)
    assert store.get_state("feeds", "https://a/rss") is None
    store.set_state("feeds", "https://a/rss", "etag-1")
    store.set_state("feeds", "https://a/rss", "etag-2")
    store.set_state("tokens", "https://a/rss", "other namespace")
    store.close()
    reopened = open_store(store_url)
    assert reopened.get_state("feeds", "https://a/rss") == "etag-2"
    assert reopened.get_state("tokens", "https://a/rss") == "other namespace"
    reopened.close()


def test_change_feed_grows_and_names_touched_events(store: Any) -> None:
    start, ids = store.changes(0)
    assert ids == []
    store.put_documents([make_document("a", make_event("a-1"))])
    first, ids = store.changes(start)
    assert first > start and ids == ["a-1"]
    store.put_documents([make_document("b", make_event("b-1", location="Hama", latitude=35.13))])
    second, ids = store.changes(first)
    assert second > first and ids == ["b-1"]
    store.put_documents([make_document("c", make_event("c-1"))])  # joins a-1
    third, ids = store.changes(second)
    assert third > second and ids == ["a-1"]


def test_reopening_does_not_migrate_twice(store_url: str) -> None:
    open_store(store_url).close()
    store = open_store(store_url)
    rows = store._execute("SELECT version FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == [m.version for m in MIGRATIONS] == [1, 2, 3, 4]
    store.close()


def test_an_older_database_is_migrated_forward(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.store import migrate, schema

    monkeypatch.setattr(migrate, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(migrate, "LATEST", 1)
    old = open_store(store_url)
    assert [r[0] for r in old._execute("SELECT version FROM schema_migrations")] == [1]
    old.put_documents([make_document("a", make_event("a-1"))])
    old.close()
    monkeypatch.undo()
    store = open_store(store_url)
    versions = [r[0] for r in store._execute("SELECT version FROM schema_migrations")]
    assert versions == [1, 2, 3, 4]
    assert store.has_document("a") and store.get_event("a-1") is not None
    store.close()


def test_an_older_sqlite_database_gets_the_new_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.store import migrate, schema

    path = str(tmp_path / "old.db")
    monkeypatch.setattr(migrate, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(migrate, "LATEST", 1)
    open_store(path).close()
    monkeypatch.undo()
    store = open_store(path)
    columns = [r[2] for r in store._execute("PRAGMA index_info(events_place)")]
    country_type = [r[2] for r in store._execute("PRAGMA index_info(events_country_type)")]
    by_date = [r[2] for r in store._execute("PRAGMA index_info(events_date)")]
    assert columns == ["latitude", "longitude", "event_date", "event_id"]
    assert country_type == [
        "k_country",
        "k_event_type",
        "event_date",
        "event_id",
        "actors",
        "search",
    ]
    assert by_date == ["event_date", "event_id", "actors", "search"]
    store.close()


def test_a_newer_schema_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    store._execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    store.close()
    with pytest.raises(StoreError, match="schema version 99 is newer than this eventwire"):
        open_store(store_url)


def test_bad_urls_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown store scheme"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    with pytest.raises(StoreError, match=r"cannot reach PostgreSQL at 127\.0\.0\.1:1\b"):
        open_store("postgresql://127.0.0.1:1/test")


def test_sqlite_url_forms(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    store.put_documents([make_document("a")])
    store.close()
    assert open_store(str(tmp_path / "x.db")).has_document("a")


def test_load_events_bulk(store: Any) -> None:
    record = make_event("bulk-1").to_record()
    assert store.load_events([record, {**record, "event_id": "bulk-2"}]) == 2
    assert store.counts()["events"] == 2
    assert store.get_event("bulk-1") is not None


def test_readers_see_committed_batches_only_and_are_not_blocked(store_url: str) -> None:
    writer = open_store(store_url)
    reader = open_store(store_url)
    writer.put_documents([make_document("a")])
    with writer._write():  # a batch in progress
        writer.put_documents([make_document("b", make_event("b-1"))])
        assert writer.has_document("b")
        assert reader.has_document("a") and not reader.has_document("b")
        assert reader.counts()["events"] == 0
    assert reader.has_document("b") and reader.counts()["events"] == 1
    writer.close()
    reader.close()
