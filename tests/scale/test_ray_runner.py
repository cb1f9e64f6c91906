"""`eventwire ingest --engine ray` on a private local Ray: the same results as one process."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.export import read_events
from eventwire.models import Document
from eventwire.pipeline import Pipeline, ingest
from eventwire.read import read_inputs
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.base import EventQuery
from scale.conftest import comparable

ray = pytest.importorskip("ray", reason="ray[data] is not installed")

pytestmark = pytest.mark.slow

SETTINGS = Settings(batch_size=3, workers=2, progress=False)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    """One local Ray for the module: 2 CPUs, no dashboard, nothing fetched from the network."""
    ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_outcomes_are_the_single_process_outcomes(corpus: Path) -> None:
    from eventwire.scale.ray_runner import run_with_ray

    settings = SETTINGS.replace(workers=1)
    expected = list(Pipeline(settings).run(read_inputs([str(corpus)], settings)))
    got = list(run_with_ray([str(corpus)], SETTINGS))
    assert comparable(got) == comparable(expected)
    documents = [o for o in expected if isinstance(o, Document)]
    assert any(d.events for d in documents), "the corpus should yield events"
    assert any(d.duplicate_of for d in documents), "the copied article should be marked"


def test_ingest_stores_the_same_events_and_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    from eventwire.scale.ray_runner import ingest_with_ray

    local_db, ray_db = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    settings = SETTINGS.replace(workers=1, db=local_db)
    store = open_store(local_db)
    try:
        expected = ingest(read_inputs([str(corpus)], settings), store, settings)
    finally:
        store.close()
    got = ingest_with_ray([str(corpus)], SETTINGS.replace(db=ray_db))
    assert dataclasses.asdict(got) == dataclasses.asdict(expected)
    assert got.events_new > 0 and got.errors  # the corpus has events and bad inputs
    assert _events(ray_db) == _events(local_db)
    again = ingest_with_ray([str(corpus)], SETTINGS.replace(db=ray_db))
    assert (again.documents_new, again.documents_existing) == (0, expected.documents_new)
    assert _events(ray_db) == _events(local_db)


def test_parquet_output_holds_every_report(corpus: Path, tmp_path: Path) -> None:
    from eventwire.scale.ray_runner import RayOptions, ingest_with_ray

    out = tmp_path / "events.parquet"
    result = ingest_with_ray([str(corpus)], SETTINGS, RayOptions(parquet=str(out)))
    settings = SETTINGS.replace(workers=1)
    documents = [
        o
        for o in Pipeline(settings).run(read_inputs([str(corpus)], settings))
        if isinstance(o, Document)
    ]
    expected = [e.event_id for d in documents for e in d.events]
    assert [e["event_id"] for e in read_events(out, "parquet")] == expected
    assert result.events_new == len(expected) > 0


def _events(db: str) -> list[dict[str, object]]:
    store = open_store(db)
    try:
        return sorted(store.iter_events(EventQuery()), key=lambda e: str(e["event_id"]))
    finally:
        store.close()
